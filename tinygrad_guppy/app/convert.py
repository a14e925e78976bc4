"""Bring in a model trained by the original GuppyLM (PyTorch): its best_model.pt and tokenizer.json
become a run folder (model.safetensors, config.json, tokenizer.json) that chat.py, the Python API
and notebooks/use_guppy.ipynb load. PyTorch is not needed.

    python -m tinygrad_guppy.app.convert best_model.pt tokenizer.json --out runs/original
    python chat.py --run runs/original

Reading a .pt file without PyTorch: since PyTorch 1.6, torch.save writes a zip archive holding
NAME/data.pkl, a pickle of the saved object, and NAME/data/KEY, the raw little-endian bytes of
each tensor's storage. In the pickle a tensor is a call to torch._utils._rebuild_tensor_v2 on
(storage, offset, shape, strides, ...), and the storage is a "persistent id"
('storage', torch.FloatStorage, KEY, 'cpu', n_elements). We unpickle with our own Unpickler that
turns those into NumPy arrays and every other class the pickle names into an inert Placeholder:
nothing in the file is ever run (torch.load without weights_only=True runs whatever it names).

The original saves {"model_state_dict": ..., "config": {...}, ...}; a bare state dict (as in its
Hugging Face upload, pytorch_model.bin) works too, with its config.json given by --config.
"""

import argparse
import collections
import dataclasses
import json
import os
import pickle
import re
import sys
import zipfile

import numpy as np

from bpe import Tokenizer
from data.chat_format import IM_END, IM_START
from tinygrad_guppy import checkpoint
from tinygrad_guppy.model import GuppyConfig, GuppyLM

# ---- a .pt file as NumPy arrays ------------------------------------------------------------------

STORAGE_DTYPES = {"FloatStorage": np.float32, "HalfStorage": np.float16, "DoubleStorage": np.float64,
                  "BFloat16Storage": "bfloat16", "LongStorage": np.int64, "IntStorage": np.int32,
                  "ShortStorage": np.int16, "CharStorage": np.int8, "ByteStorage": np.uint8,
                  "BoolStorage": np.bool_}


class Placeholder:
    """What any class or function the pickle names (other than tensors and plain containers)
    becomes: it keeps the arguments and state it is given, and runs nothing."""
    qualname = "?"

    def __init__(self, *args, **kwargs):
        self.args, self.state = args, None

    def __setstate__(self, state):
        self.state = state

    def __repr__(self):
        return f"<placeholder for {self.qualname}>"


def rebuild_tensor(storage, offset, shape, strides, *unused):
    """torch._utils._rebuild_tensor_v2: a view of `storage` (in elements), copied out."""
    view = np.lib.stride_tricks.as_strided(storage[offset:], shape=tuple(shape),
                                           strides=tuple(s * storage.itemsize for s in strides))
    return view.copy()


class TorchUnpickler(pickle.Unpickler):
    def __init__(self, file, archive, prefix, byteorder):
        super().__init__(file)
        self.archive, self.prefix, self.byteorder = archive, prefix, byteorder
        self.storages = {}                    # key -> 1-D array (tensors may share a storage)

    def find_class(self, module, name):
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return rebuild_tensor
        if (module, name) == ("torch._utils", "_rebuild_parameter"):
            return lambda data, *unused: data
        if module == "torch" and name in STORAGE_DTYPES:
            return STORAGE_DTYPES[name]
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("_codecs", "encode"):         # how protocol 2 writes bytes
            return lambda text, encoding="utf-8": text.encode(encoding)
        return type(name, (Placeholder,), {"qualname": f"{module}.{name}"})

    def persistent_load(self, pid):
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage"):
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        _, dtype, key, _, numel = pid
        if key not in self.storages:
            raw = self.archive.read(f"{self.prefix}/data/{key}")
            if dtype == "bfloat16":    # the top half of a float32: shift it back into place
                bits = np.frombuffer(raw, dtype=self.byteorder + "u2").astype(np.uint32) << 16
                array = bits.view(np.float32)
            else:
                array = np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder(self.byteorder))
            self.storages[key] = array[:numel]
        return self.storages[key]


def read_pt(path):
    """The object torch.save wrote to `path`, with NumPy arrays for tensors; runs nothing."""
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path} is not a PyTorch checkpoint in the zip format torch.save writes "
                         f"since PyTorch 1.6 (an older file: load and save it again with a recent "
                         f"torch)")
    with zipfile.ZipFile(path) as archive:
        pickles = [n for n in archive.namelist() if n.endswith("/data.pkl") and n.count("/") == 1]
        if not pickles:
            raise ValueError(f"{path} is a zip file but not a PyTorch checkpoint: no data.pkl in it")
        prefix = pickles[0].rsplit("/", 1)[0]
        names = set(archive.namelist())
        order = archive.read(f"{prefix}/byteorder").decode().strip() if f"{prefix}/byteorder" in names else "little"
        with archive.open(pickles[0]) as f:
            try:
                return TorchUnpickler(f, archive, prefix, "<" if order == "little" else ">").load()
            except (pickle.UnpicklingError, KeyError, ValueError, TypeError, EOFError) as e:
                raise ValueError(f"{path}: cannot read the checkpoint ({e})") from None


# ---- the original's checkpoint as a GuppyConfig and weights --------------------------------------

CONFIG_NAMES = {            # Hugging Face config.json names (the original's upload) -> ours
    "hidden_size": "d_model", "num_hidden_layers": "n_layers", "num_attention_heads": "n_heads",
    "intermediate_size": "ffn_hidden", "max_position_embeddings": "max_seq_len",
    "hidden_dropout_prob": "dropout", "pad_token_id": "pad_id", "bos_token_id": "bos_id",
    "eos_token_id": "eos_id", "vocab_size": "vocab_size"}


def state_and_config(saved):
    """(state dict, config dict or None) from what the original saved: a dict with
    "model_state_dict" (and "config"), or a bare state dict."""
    if isinstance(saved, dict) and "model_state_dict" in saved:
        state, config = saved["model_state_dict"], saved.get("config")
    else:
        state, config = saved, None
    if isinstance(config, Placeholder):      # a config object pickled with its class: its fields
        config = config.state if isinstance(config.state, dict) else None
    if not isinstance(state, dict) or not state or not all(isinstance(v, np.ndarray) for v in state.values()):
        raise ValueError("this checkpoint holds no state dict of tensors (expected a dict of tensors, "
                         "or one under 'model_state_dict', as the original GuppyLM saves)")
    # torch.compile and DataParallel add these prefixes to every name
    state = {re.sub(r"^(_orig_mod\.|module\.)+", "", k): v for k, v in state.items()}
    return state, config if isinstance(config, dict) else None


def guppy_config(state, config):
    """The GuppyConfig of these weights: sizes from the shapes (which cannot be wrong), the rest
    (heads, dropout, special ids) from `config` (ours or Hugging Face's names), else the defaults."""
    given = {CONFIG_NAMES.get(k, k): v for k, v in (config or {}).items()}
    try:
        sizes = dict(vocab_size=state["tok_emb.weight"].shape[0], d_model=state["tok_emb.weight"].shape[1],
                     max_seq_len=state["pos_emb.weight"].shape[0],
                     n_layers=len({k.split(".")[1] for k in state if k.startswith("blocks.")}),
                     ffn_hidden=state["blocks.0.ffn.up.weight"].shape[0])
    except (KeyError, IndexError) as e:
        raise ValueError(f"these weights are not GuppyLM's: {e} is missing") from None
    for name, size in sizes.items():
        if name in given and given[name] != size:
            raise ValueError(f"the config says {name}={given[name]} but the weights have {size}")
    fields = {f.name for f in dataclasses.fields(GuppyConfig)}
    rest = {k: v for k, v in given.items() if k in fields and k not in sizes}
    rest.setdefault("n_heads", max(1, sizes["d_model"] // 64))   # the original's head size is 64
    return GuppyConfig(**sizes, **rest)


def convert(pt_path, tokenizer_path, out, config_path=None):
    """Write out/model.safetensors, out/config.json and out/tokenizer.json from the original's
    checkpoint and tokenizer. Returns (the GuppyLM, names in the checkpoint that were left out)."""
    state, config = state_and_config(read_pt(pt_path))
    if config_path:
        with open(config_path) as f:
            config = json.load(f)
    cfg = guppy_config(state, config)
    tok = Tokenizer.load(tokenizer_path)
    if IM_START not in tok.special_tokens or IM_END not in tok.special_tokens:
        raise ValueError(f"{tokenizer_path} lacks the chat tokens {IM_START} and {IM_END}")
    if len(tok) > cfg.vocab_size:
        raise ValueError(f"{tokenizer_path} has {len(tok):,} tokens, more than the model's "
                         f"{cfg.vocab_size:,}: it is not this model's tokenizer")
    model = GuppyLM(cfg, init_weights=False)            # every weight comes from the checkpoint
    expected = set(model.state_dict())
    left_out = sorted(set(state) - expected)          # e.g. buffers the original kept
    model.load_state_dict({k: v.astype(np.float32) for k, v in state.items() if k in expected})
    checkpoint.save(model, out)
    with open(tokenizer_path, "rb") as f:
        checkpoint.atomic_write_bytes(os.path.join(out, checkpoint.TOKENIZER_FILE), f.read())
    return model, left_out


def main(argv=None):
    p = argparse.ArgumentParser(
        prog="python -m tinygrad_guppy.app.convert",
        description="Convert the original GuppyLM's checkpoint (PyTorch .pt) and tokenizer.json "
                    "into a run folder that chat.py and the Python API load. PyTorch is not needed.")
    p.add_argument("checkpoint", help="the original's best_model.pt (or pytorch_model.bin)")
    p.add_argument("tokenizer", help="its tokenizer.json")
    p.add_argument("--out", default="runs/original", help="the folder to write (default: runs/original)")
    p.add_argument("--config", default=None, help="a config.json for a bare state dict (default: the "
                                                  "one in the checkpoint, else the shapes and defaults)")
    args = p.parse_args(argv)
    for path in (args.checkpoint, args.tokenizer, args.config):
        if path and not os.path.isfile(path):
            sys.exit(f"convert: {path} does not exist")
    try:
        model, left_out = convert(args.checkpoint, args.tokenizer, args.out, args.config)
    except (OSError, ValueError, json.JSONDecodeError) as e:
        sys.exit(f"convert: {e}")
    if left_out:
        print(f"left out (not GuppyLM parameters): {', '.join(left_out)}")
    cfg = model.cfg
    print(f"wrote {args.out}: {model.num_parameters():,} parameters ({cfg.n_layers} layers, d_model "
          f"{cfg.d_model}, {cfg.n_heads} heads). Chat with it: python chat.py --run {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
