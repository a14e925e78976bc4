"""Checkpoints in the ecosystem's formats: model.safetensors (the weights, under the original
GuppyLM's parameter names) and config.json (the GuppyConfig fields).

    save(model, "runs/guppy")          # writes runs/guppy/model.safetensors and config.json
    model = load("runs/guppy")         # a GuppyLM with those weights

Every file is written atomically: to a temporary file in the same folder, flushed to disk, then
renamed over the old one, so a kill at any moment leaves either the old file or the new one.
"""

import dataclasses
import io
import json
import os
import shutil
import tempfile
import zipfile

try:
    import fcntl                 # POSIX file locks (Linux, macOS); Windows has none: no RunLock there
except ImportError:
    fcntl = None

import numpy as np
from safetensors import SafetensorError, safe_open
from safetensors.numpy import load_file
from safetensors.numpy import save as safetensors_bytes

from tinygrad_guppy.model import GuppyConfig, GuppyLM, parameter_shapes

WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"


def _default_mode(mode):
    """`mode` less the process umask: what a plain open() or mkdir() would have given."""
    umask = os.umask(0)
    os.umask(umask)
    return mode & ~umask


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
        os.chmod(tmp, _default_mode(0o666))   # mkstemp makes files private (0600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def save(model, folder):
    """Write model.safetensors (float32 weights, tied names included) and config.json."""
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


def _weights_path(folder):
    path = os.path.join(folder, WEIGHTS_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no {WEIGHTS_FILE} in {folder!r}: {path} is missing (train a model "
                                f"with `python train.py`, or point at a folder that has one)")
    return path


def load_weights(folder):
    """{name: NumPy array} from folder/model.safetensors, or a clear error naming the file."""
    path = _weights_path(folder)
    try:
        return load_file(path)
    except (SafetensorError, OSError, ValueError) as e:
        raise ValueError(f"{path} is unreadable: not a valid safetensors file ({e})") from None


def weights_header(folder):
    """{name: (dtype, shape)} of each tensor in folder/model.safetensors, read from the file's
    header alone (no weight is read). safetensors checks that the shapes agree with the file's size."""
    path = _weights_path(folder)
    try:
        with safe_open(path, framework="numpy") as f:
            return {name: (f.get_slice(name).get_dtype(), tuple(f.get_slice(name).get_shape()))
                    for name in f.keys()}
    except (SafetensorError, OSError, ValueError) as e:
        raise ValueError(f"{path} is unreadable: not a valid safetensors file ({e})") from None


def check_weights_fit(cfg, header, path):
    """A ValueError, one line, unless the tensors of a weights file (`header`, from weights_header)
    are those of GuppyLM(cfg): the config fields that differ from the file's, else the first
    tensor that is missing, extra, misshapen or not float. Cheap: it allocates no weight."""
    def size(name, axis):                  # a dimension of a tensor in the file, None if absent
        shape = header.get(name, (None, ()))[1]
        return shape[axis] if len(shape) > axis else None

    # What the file says the config is; comparing it first keeps an absurd config.json (n_layers
    # 10**9) from ever being expanded into a list of expected tensors.
    in_file = {"vocab_size": size("tok_emb.weight", 0), "d_model": size("tok_emb.weight", 1),
               "max_seq_len": size("pos_emb.weight", 0), "ffn_hidden": size("blocks.0.ffn.up.weight", 0),
               "n_layers": len({name.split(".")[1] for name in header if name.startswith("blocks.")})}
    differ = [f"{name} is {getattr(cfg, name)} in {CONFIG_FILE} but {value} in the weights"
              for name, value in in_file.items() if value != getattr(cfg, name)]
    if differ:
        raise ValueError(f"{path} does not fit {CONFIG_FILE}: " + "; ".join(differ))
    expected = parameter_shapes(cfg)
    for name in sorted(set(expected) | set(header)):
        if name not in header and name != "lm_head.weight":   # the tied head may be stored once
            raise ValueError(f"{path} does not fit {CONFIG_FILE}: it has no tensor {name}")
        if name not in expected:
            raise ValueError(f"{path} does not fit {CONFIG_FILE}: unexpected tensor {name}")
        if name in header and header[name][1] != expected[name]:
            raise ValueError(f"{path} does not fit {CONFIG_FILE}: {name} has shape {header[name][1]}, "
                             f"the config needs {expected[name]}")
        if name in header and header[name][0] not in ("F16", "F32", "F64"):
            raise ValueError(f"{path}: {name} holds {header[name][0]} numbers; weights must be "
                             f"F16, F32 or F64")


def find(run):
    """The checkpoint folder of a run: run/best, else run/last (train.py's links), else run itself
    if it holds model.safetensors; None when there is none."""
    for folder in (os.path.join(run, "best"), os.path.join(run, "last"), run):
        if os.path.isfile(os.path.join(folder, WEIGHTS_FILE)):
            return folder
    return None


def load(folder, device="cpu", dtype="float32"):
    """A GuppyLM built from folder/config.json with the weights of folder/model.safetensors. The
    config is checked against the file's header first, so a config.json that does not fit is one
    clear error before anything is allocated; the model is built without drawing initial weights."""
    cfg = load_config(folder)
    check_weights_fit(cfg, weights_header(folder), os.path.join(folder, WEIGHTS_FILE))
    weights = load_weights(folder)
    model = GuppyLM(cfg, seed=0, dtype=dtype, device=device, init_weights=False)
    try:
        model.load_state_dict(weights)
    except ValueError as e:
        raise ValueError(f"{os.path.join(folder, WEIGHTS_FILE)} does not fit {CONFIG_FILE}: {e}") from None
    return model


# ---- training runs: complete checkpoints that survive a kill --------------------------------------
#
# A run folder holds checkpoints/step-NNNNNN/ folders and two links, `last` and `best`, that point
# at one of them. A checkpoint is written whole into a hidden temporary folder, renamed into place
# (atomic), and only then does a link move to it (an atomic symlink swap). So a kill at any moment
# leaves `last` and `best` pointing at complete checkpoints. Each checkpoint folder holds
# model.safetensors, config.json, tokenizer.json and train_state.npz (optimizer moments, step,
# random generator states: what --resume needs).

TRAIN_STATE_FILE = "train_state.npz"
TOKENIZER_FILE = "tokenizer.json"


def _point_link(link_path, target):
    """Make link_path a symlink to target, replacing any old link atomically."""
    tmp = f"{link_path}.tmp-{os.getpid()}"
    if os.path.lexists(tmp):
        os.remove(tmp)
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link_path)
    except BaseException:
        os.remove(tmp)
        raise


# ---- one training process per run folder ------------------------------------------------------------

LOCK_FILE = "train.lock"


class RunFolderBusy(OSError):
    """Another process holds the run folder's lock."""


class RunLock:
    """`with RunLock("runs/guppy"):` makes this process the only one training in that folder.

    It holds an exclusive flock on runs/guppy/train.lock, which holds the pid. The system drops
    the lock when the process ends, however it ends (kill -9 included), so a lock left behind by a
    dead process never blocks; that is also why the file is never deleted: a newcomer could
    otherwise lock a file that has just been unlinked while a third process creates another.
    A second process gets RunFolderBusy, naming the pid that holds the folder.
    """

    def __init__(self, run_dir):
        self.run_dir, self.path = run_dir, os.path.join(run_dir, LOCK_FILE)

    def __enter__(self):
        os.makedirs(self.run_dir, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if fcntl is not None:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(self.fd, 32).decode(errors="replace").strip() or "unknown"
            os.close(self.fd)
            raise RunFolderBusy(f"{self.run_dir} is in use by another training process (pid {pid}): "
                                f"wait for it to end, stop it (kill {pid}: it saves first), or use "
                                f"another --out") from None
        os.ftruncate(self.fd, 0)
        os.write(self.fd, f"{os.getpid()}\n".encode())
        return self

    def __exit__(self, *exc):
        os.close(self.fd)                        # closing the file releases the lock


def clear_run(run_dir):
    """Delete everything in a run folder but its lock file (held by the caller)."""
    for name in os.listdir(run_dir):
        path = os.path.join(run_dir, name)
        if name == LOCK_FILE:
            continue
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def save_training_checkpoint(run_dir, step, model, optimizer, state, tokenizer_path, links=("last",)):
    """Write run_dir/checkpoints/step-NNNNNN/ (once per step) and point each of `links` at it.
    `state` is a JSON-able dict (step, generator states, best loss, ...). Older checkpoint folders
    that no link points to are removed. Returns the checkpoint folder."""
    root = os.path.join(run_dir, "checkpoints")
    os.makedirs(root, exist_ok=True)
    name = f"step-{step:06d}"
    folder = os.path.join(root, name)
    if not os.path.isdir(folder):
        tmp = tempfile.mkdtemp(dir=root, prefix=f".tmp-{name}-")
        try:
            save(model, tmp)
            shutil.copyfile(tokenizer_path, os.path.join(tmp, TOKENIZER_FILE))
            opt = optimizer.state_dict()
            arrays = {f"m_{i}": m for i, m in enumerate(opt["m"])}
            arrays.update({f"v_{i}": v for i, v in enumerate(opt["v"])})
            buffer = io.BytesIO()
            np.savez(buffer, t=np.int64(opt["t"]), state_json=np.array(json.dumps(state)), **arrays)
            atomic_write_bytes(os.path.join(tmp, TRAIN_STATE_FILE), buffer.getvalue())
            os.chmod(tmp, _default_mode(0o777))   # mkdtemp makes folders private (0700)
            os.rename(tmp, folder)
        except BaseException:                     # a full disk, say: the links still point at
            shutil.rmtree(tmp, ignore_errors=True)   # complete checkpoints; the half-written one goes
            raise
    for link in links:
        _point_link(os.path.join(run_dir, link), os.path.join("checkpoints", name))
    kept = {os.path.basename(os.path.realpath(os.path.join(run_dir, link)))
            for link in ("last", "best") if os.path.lexists(os.path.join(run_dir, link))}
    for old in os.listdir(root):
        if old not in kept:
            shutil.rmtree(os.path.join(root, old), ignore_errors=True)
    return folder


def load_training_state(folder):
    """(optimizer state dict, state dict) from folder/train_state.npz, or a clear error."""
    path = os.path.join(folder, TRAIN_STATE_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no {TRAIN_STATE_FILE} in {folder!r}: this checkpoint cannot be "
                                f"resumed (it has weights only)")
    try:
        with np.load(path) as f:
            n = sum(1 for k in f.files if k.startswith("m_"))
            opt = {"t": int(f["t"]), "m": [f[f"m_{i}"] for i in range(n)],
                   "v": [f[f"v_{i}"] for i in range(n)]}
            state = json.loads(str(f["state_json"]))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as e:
        raise ValueError(f"{path} is unreadable ({e})") from None
    return opt, state
