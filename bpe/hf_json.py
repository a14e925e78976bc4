"""Hugging Face tokenizer.json for a byte-level BPE: write ours, read ours and theirs.

The parts of the file that matter here (the rest is written with Hugging Face's defaults):

    {"added_tokens": [{"id": 0, "content": "<pad>", "special": true, ...}, ...],
     "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true, ...},
     "decoder": {"type": "ByteLevel", ...},
     "model": {"type": "BPE", "vocab": {"<pad>": 0, ..., "!": 3, ..., "Ġguppy": 812, ...},
               "merges": [["Ġ", "g"], ["Ġg", "uppy"], ...]}}

Tokens are stored as byte-level strings (bpe/byte_level.py: " guppy" is "Ġguppy"). Merges are
[left, right] pairs, as tokenizers 0.20 and later write them; older files write "left right"
strings, which we read too. A file that uses a feature we do not implement (a normalizer, a prefix
space, an unknown token, ...) is refused with an error that names the file and the feature, rather
than read into a tokenizer that would give other ids than Hugging Face's.
"""
import json
import os
import tempfile

from bpe.byte_level import is_unicode, text_to_bytes, to_bytes, to_chars


class TokenizerFileError(ValueError):
    """A tokenizer.json that is malformed or uses a feature bpe does not implement."""


def save(path, vocab: dict[int, bytes], merges: list[tuple[int, int]], special_tokens: dict[str, int]) -> None:
    """Writes the tokenizer as tokenizer.json at path, atomically (temporary file, then rename)."""
    names = {i: to_chars(token) for i, token in vocab.items()}  # id -> name in the file
    names.update({i: token for token, i in special_tokens.items()})
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    document = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": i, "content": token, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True}
                         for token, i in sorted(special_tokens.items(), key=lambda item: item[1])],
        "normalizer": None,
        "pre_tokenizer": byte_level,
        "post_processor": None,
        "decoder": {**byte_level, "add_prefix_space": True},  # what decoders.ByteLevel() writes; unused
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": {names[i]: i for i in sorted(names)},
                  "merges": [[names[left], names[right]] for left, right in merges]},
    }
    text = json.dumps(document, indent=2, ensure_ascii=False)
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as f:
        f.write(text)
    os.replace(f.name, path)


def load(path) -> tuple[dict[int, bytes], list[tuple[int, int]], dict[str, int]]:
    """Reads tokenizer.json at path -> (vocab id -> bytes, merges as id pairs, special token -> id)."""
    def fail(problem: str):
        raise TokenizerFileError(f"{path}: {problem}")

    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except FileNotFoundError:
        raise FileNotFoundError(f"tokenizer file {str(path)!r} does not exist: train one with "
                                f"`python -m bpe train --input FILE.jsonl --out {path}` or fix the path") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise TokenizerFileError(f"{path}: not a JSON file ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("model"), dict):
        fail('no "model" object: not a Hugging Face tokenizer.json')
    check_supported(document, fail)

    names = document["model"].get("vocab")  # name in the file -> id
    if not isinstance(names, dict) or not all(isinstance(i, int) and i >= 0 for i in names.values()):
        fail("model.vocab must map each token to a whole number id")
    if len(set(names.values())) != len(names):
        fail("model.vocab gives two tokens the same id")
    special_tokens = {}  # str -> id
    for entry in document.get("added_tokens") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("content"), str) \
                or not isinstance(entry.get("id"), int):
            fail(f"added token {entry!r} needs a string content and an integer id")
        if entry.get("single_word") or entry.get("lstrip") or entry.get("rstrip"):
            fail(f"added token {entry['content']!r} uses single_word/lstrip/rstrip, which are not supported")
        if not is_unicode(entry["content"]):
            fail(f"added token {entry['content']!r} holds a lone surrogate: it is not Unicode text")
        special_tokens[entry["content"]] = entry["id"]
    vocab = {}  # id -> bytes
    for name, i in names.items():
        # subtle: a name with characters outside the byte-level alphabet (such as '日') stands for its
        # UTF-8 bytes, which is also what Hugging Face's ByteLevel decoder gives for it.
        vocab[i] = to_bytes(name) if to_bytes(name) is not None else text_to_bytes(name)
    for token, i in special_tokens.items():
        vocab[i] = token.encode("utf-8")
    missing = sorted(set(range(len(vocab))) - set(vocab))
    if missing:
        fail(f"token ids must run 0..N-1; id {missing[0]} is missing")
    if len(set(vocab.values())) != len(vocab):
        fail("two ids stand for the same bytes")

    merges = []  # (left id, right id), in rank order
    for n, entry in enumerate(document["model"].get("merges") or []):
        pair = entry.split(" ") if isinstance(entry, str) else entry
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(name, str) for name in pair):
            fail(f"merge {n} is {entry!r}; expected [left, right] or \"left right\"")
        for name in (*pair, pair[0] + pair[1]):
            if name not in names:
                fail(f"merge {n} {pair!r}: {name!r} is not in model.vocab")
        merges.append((names[pair[0]], names[pair[1]]))
    return vocab, merges, special_tokens


def check_supported(document: dict, fail) -> None:
    """Calls fail(problem) if the file asks for something that would change the ids we give."""
    model = document["model"]
    if model.get("type", "BPE") != "BPE":
        fail(f'model type is {model.get("type")!r}; only "BPE" is supported')
    defaults = {"dropout": (None, 0, 0.0), "unk_token": (None,), "continuing_subword_prefix": (None, ""),
                "end_of_word_suffix": (None, ""), "byte_fallback": (None, False), "ignore_merges": (None, False)}
    for key, allowed in defaults.items():
        if model.get(key) not in allowed:
            fail(f"model.{key} is {model[key]!r}; this tokenizer only supports {allowed[0]!r}")
    for key in ("normalizer", "truncation", "padding"):
        if document.get(key) is not None:
            fail(f"{key} is set; this tokenizer supports none: remove it")
    pre = document.get("pre_tokenizer")
    if not isinstance(pre, dict) or pre.get("type") != "ByteLevel":
        fail(f"pre_tokenizer must be ByteLevel, found {pre!r}")
    if pre.get("add_prefix_space", True) or not pre.get("use_regex", True):  # Hugging Face's defaults: true, true
        fail("pre_tokenizer must have add_prefix_space false and use_regex true")
    for key in ("decoder", "post_processor"):  # a ByteLevel post-processor only moves offsets, never ids
        part = document.get(key)
        if part is not None and (not isinstance(part, dict) or part.get("type") != "ByteLevel"):
            fail(f"{key} must be ByteLevel or null, found {part!r}")
