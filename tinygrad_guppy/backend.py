"""The one place that chooses NumPy (CPU) or CuPy (GPU).

Ops never import numpy or cupy to pick an array module themselves: they call `xp(array)`, so the
device follows the data. The CPU path never imports CuPy; CuPy is imported only when a caller asks
for the "cuda" device (or hands us an array that is already a CuPy array, in which case CuPy is
necessarily imported already).

Example:
    >>> import numpy as np
    >>> xp(np.zeros(3)) is np
    True
    >>> device_of(np.zeros(3))
    'cpu'
"""

import sys

import numpy as np


def _cupy_if_imported():
    """CuPy if something has imported it already, else None (never imports it)."""
    return sys.modules.get("cupy")


def xp(*arrays):
    """The array module (numpy or cupy) of the given arrays; numpy when none is a CuPy array."""
    cupy = _cupy_if_imported()
    if cupy is not None:
        for a in arrays:
            if isinstance(a, cupy.ndarray):
                return cupy
    return np


def uses_kernels(array) -> bool:
    """True for a float32 or float16 CuPy array: the ops run our CUDA kernels on it (cuda.py).
    (float64 on the GPU, for checks, runs the same NumPy-style reference code through CuPy.)"""
    return xp(array) is not np and array.dtype in (np.float32, np.float16)


def device_of(array) -> str:
    """'cuda' for a CuPy array, 'cpu' for anything else."""
    return "cuda" if xp(array) is not np else "cpu"


def cuda_available() -> bool:
    """True when CuPy imports and sees at least one GPU. Imports CuPy (only call it when asked)."""
    try:
        import cupy
    except ImportError:
        return False
    try:
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:  # no driver, no device: CuPy raises its own runtime errors here
        return False


def array_module(device: str):
    """The array module for a device name: 'cpu' -> numpy, 'cuda' -> cupy (with a clear error)."""
    if device == "cpu":
        return np
    if device == "cuda":
        try:
            import cupy
        except ImportError:
            raise RuntimeError(
                "device 'cuda' needs CuPy, which is not installed. Install it with "
                "pip install -e \".[cuda12]\" (CUDA 12 driver) or \".[cuda13]\" (CUDA 13), "
                "or use device 'cpu'.") from None
        if not cuda_available():
            raise RuntimeError("device 'cuda' asked for, but CuPy sees no GPU; use device 'cpu'.")
        return cupy
    raise ValueError(f"unknown device {device!r}: expected 'cpu' or 'cuda'")


def to_device(array, device: str):
    """Move (or copy) an array to 'cpu' (a NumPy array) or 'cuda' (a CuPy array)."""
    if device == "cpu":
        return to_numpy(array)
    return array_module(device).asarray(array)


def to_numpy(array):
    """A NumPy array, whatever the device of `array`."""
    if xp(array) is not np:
        return array.get()
    return np.asarray(array)


def default_device() -> str:
    """'cuda' when CuPy is installed and sees a GPU, else 'cpu'."""
    return "cuda" if cuda_available() else "cpu"


def make_rng(seed, device: str = "cpu"):
    """A random generator for dropout masks on the given device, seeded explicitly."""
    return array_module(device).random.default_rng(seed)
