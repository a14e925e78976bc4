"""The stages before training, each skipped when its output already exists:

    1. dataset:   data/ writes runs/data/train.jsonl and eval.jsonl (the Guppy persona)
    2. tokenizer: bpe/ trains a byte-level BPE on the training texts -> runs/data/tokenizer.json
    3. tokens:    every sample formatted as a chat turn and encoded once, cached in
                  runs/data/tokens-<key>.npz, where the key is a hash of the jsonl files and the
                  tokenizer, so a changed input is never served a stale cache.

Each returns what the next needs; train.py calls them in order, chat.py only needs the tokenizer.
"""

import hashlib
import io
import json
import os
import time
import zipfile

import numpy as np

from bpe import Tokenizer
from data.chat_format import IM_END, SPECIAL_TOKENS, format_prompt, format_sample
from data.check import read_jsonl
from data.generate import write_dataset
from tinygrad_guppy.app.batching import Sample
from tinygrad_guppy.checkpoint import atomic_write_bytes


def ensure_dataset(data_dir, n_samples=60000, seed=42, persona=None, log=print, check=True):
    """(train_path, eval_path); generates them first when either is missing. What they were made
    from is kept beside them (dataset.json), so that with `check` a dataset of another persona,
    size or seed is an error rather than silently used (a folder without that file is used as
    it is)."""
    train_path = os.path.join(data_dir, "train.jsonl")
    eval_path = os.path.join(data_dir, "eval.jsonl")
    stamp_path = os.path.join(data_dir, "dataset.json")
    wanted = {"persona": persona or "guppy", "n_samples": n_samples, "seed": seed}
    if os.path.exists(train_path) and os.path.exists(eval_path):
        if check and os.path.exists(stamp_path):
            with open(stamp_path, encoding="utf-8") as f:
                made = json.load(f)
            if made != wanted:
                raise ValueError(f"{data_dir} holds a dataset made from {made}, not {wanted}: give "
                                 f"another --data-dir, or delete {data_dir} to make it anew")
        log(f"dataset: using {train_path} and {eval_path}")
        return train_path, eval_path
    log(f"dataset: generating {n_samples:,} samples (seed {seed}) into {data_dir}")
    train_path, eval_path = write_dataset(data_dir, n=n_samples, seed=seed, persona=persona)
    atomic_write_bytes(stamp_path, json.dumps(wanted).encode())
    return str(train_path), str(eval_path)


def read_samples(path):
    """The {"input", "output", "category"} dicts of a jsonl file, with a clear error if bad."""
    return read_jsonl(path)


def ensure_tokenizer(path, train_path, vocab_size=4096, min_frequency=2, log=print):
    """A bpe.Tokenizer loaded from `path`; trained on the training texts first if missing."""
    if os.path.exists(path):
        log(f"tokenizer: using {path}")
        try:
            return Tokenizer.load(path)
        except ValueError as e:
            raise ValueError(f"{e}. Delete it and run again to train a new one.") from None
    texts = [format_sample(s["input"], s["output"]) for s in read_samples(train_path)]
    start = time.perf_counter()
    tok = Tokenizer.train(texts, vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS,
                          min_frequency=min_frequency)
    tok.save(path)
    log(f"tokenizer: trained {len(tok):,} tokens on {len(texts):,} texts in "
        f"{time.perf_counter() - start:.1f} s -> {path}")
    return tok


def _file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def encode_samples(rows, tok):
    """Sample(ids, reply_start) for each {"input", "output"} row: the ids of the formatted turn
    `<|im_start|>user\\n{input}<|im_end|>\\n<|im_start|>assistant\\n{output}<|im_end|>` and the
    index where the reply's ids begin (the prompt is encoded on its own, so the boundary is
    exact: the prompt ends with a special token and a newline, which no merge crosses)."""
    samples = []
    for row in rows:
        prompt = tok.encode(format_prompt(row["input"]))
        reply = tok.encode(row["output"] + IM_END)
        samples.append(Sample(np.array(prompt + reply, dtype=np.int64), len(prompt)))
    return samples


def ensure_tokens(data_dir, split_paths, tokenizer_path, tok, log=print):
    """{split name: list of Sample} for each jsonl path, from the cache when it is current."""
    key = hashlib.sha256("".join(_file_digest(p) for p in [*split_paths.values(), tokenizer_path])
                         .encode()).hexdigest()[:16]
    cache = os.path.join(data_dir, f"tokens-{key}.npz")
    if os.path.exists(cache):
        try:
            with np.load(cache) as f:
                out = {name: [Sample(ids, int(r)) for ids, r in
                              zip(np.split(f[f"{name}_ids"], f[f"{name}_ends"][:-1]), f[f"{name}_reply"])]
                       for name in split_paths}
            log(f"tokens: using {cache}")
            return out
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            log(f"tokens: {cache} is unreadable; encoding again")
    start = time.perf_counter()
    out = {name: encode_samples(read_samples(path), tok) for name, path in split_paths.items()}
    arrays = {}
    for name, samples in out.items():
        arrays[f"{name}_ids"] = np.concatenate([s.ids for s in samples])
        arrays[f"{name}_ends"] = np.cumsum([len(s.ids) for s in samples])
        arrays[f"{name}_reply"] = np.array([s.reply_start for s in samples])
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    atomic_write_bytes(cache, buffer.getvalue())
    for old in os.listdir(data_dir):                       # caches for older inputs are stale
        if old.startswith("tokens-") and old.endswith(".npz") and old != os.path.basename(cache):
            os.remove(os.path.join(data_dir, old))
    lengths = [len(s.ids) for s in out["train"]] if "train" in out else []
    summary = (f"; train samples {np.mean(lengths):.1f} tokens on average, at most {max(lengths)}"
               if lengths else "")
    log(f"tokens: encoded {sum(len(v) for v in out.values()):,} samples in "
        f"{time.perf_counter() - start:.1f} s{summary} -> {cache}")
    return out


def ensure_samples(data_dir, log=print):
    """{"train": samples, "eval": samples}: stages 1 to 3 in data_dir with train.py's defaults
    (60,000 samples, seed 42, a 4,096-token BPE), each made only if missing; for the benchmarks,
    which measure on whatever dataset the folder holds (a run's, of any size or persona)."""
    os.makedirs(data_dir, exist_ok=True)
    train_path, eval_path = ensure_dataset(data_dir, log=log, check=False)
    tok_path = os.path.join(data_dir, "tokenizer.json")
    tok = ensure_tokenizer(tok_path, train_path, log=log)
    return ensure_tokens(data_dir, {"train": train_path, "eval": eval_path}, tok_path, tok, log=log)
