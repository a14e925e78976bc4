"""Checkpoints in the ecosystem's formats: model.safetensors (the weights, under the original
GuppyLM's parameter names) and config.json (the GuppyConfig fields).

    save(model, "runs/guppy")          # writes runs/guppy/model.safetensors and config.json
    model = load("runs/guppy")         # a GuppyLM with those weights

Every file is written atomically: to a temporary file in the same folder, flushed to disk, then
renamed over the old one, so a kill at any moment leaves either the old file or the new one.
"""

import dataclasses
import json
import os
import tempfile

from tinygrad_guppy.model import GuppyConfig, GuppyLM

WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"


def atomic_write_bytes(path, data: bytes):
    """Write `data` to `path` so that readers see the old file or the whole new one, never part."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-" + os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def save(model, folder):
    """Write model.safetensors (float32 weights, tied names included) and config.json."""
    from safetensors.numpy import save as safetensors_bytes
    atomic_write_bytes(os.path.join(folder, WEIGHTS_FILE), safetensors_bytes(model.state_dict()))
    config = json.dumps(dataclasses.asdict(model.cfg), indent=2) + "\n"
    atomic_write_bytes(os.path.join(folder, CONFIG_FILE), config.encode())


def load_config(folder):
    """The GuppyConfig stored in folder/config.json, or a clear error naming the file."""
    path = os.path.join(folder, CONFIG_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no {CONFIG_FILE} in {folder!r}: {path} is missing (train a model "
                                f"with `python train.py`, or point at a folder that has one)")
    try:
        with open(path) as f:
            fields = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"{path} is unreadable: not valid JSON ({e})") from None
    known = {f.name for f in dataclasses.fields(GuppyConfig)}
    if not isinstance(fields, dict) or set(fields) - known:
        extra = sorted(set(fields) - known) if isinstance(fields, dict) else fields
        raise ValueError(f"{path} is not a GuppyConfig: unexpected {extra}")
    try:
        return GuppyConfig(**fields)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{path}: {e}") from None


def load_weights(folder):
    """{name: NumPy array} from folder/model.safetensors, or a clear error naming the file."""
    from safetensors import SafetensorError
    from safetensors.numpy import load_file
    path = os.path.join(folder, WEIGHTS_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no {WEIGHTS_FILE} in {folder!r}: {path} is missing (train a model "
                                f"with `python train.py`, or point at a folder that has one)")
    try:
        return load_file(path)
    except (SafetensorError, OSError, ValueError) as e:
        raise ValueError(f"{path} is unreadable: not a valid safetensors file ({e})") from None


def load(folder, device="cpu", dtype="float32"):
    """A GuppyLM built from folder/config.json with the weights of folder/model.safetensors."""
    model = GuppyLM(load_config(folder), seed=0, dtype=dtype, device=device)
    weights = load_weights(folder)
    try:
        model.load_state_dict(weights)
    except ValueError as e:
        raise ValueError(f"{os.path.join(folder, WEIGHTS_FILE)} does not fit {CONFIG_FILE}: {e}") from None
    return model
