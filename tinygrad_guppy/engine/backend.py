"""The one place that chooses NumPy (CPU) or CuPy (GPU), and, on the CPU, how freed memory is kept
and how an op's work is spread over threads (the two sections at the end).

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

import concurrent.futures
import ctypes
import functools
import operator
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


def to_device_together(arrays, device: str):
    """Integer host arrays (None stays None) on `device`, as int64, in one copy for all of them
    (one transfer to the GPU instead of one each): views of one buffer. On the CPU, as they are."""
    if device == "cpu":
        return arrays
    present = [np.asarray(a, dtype=np.int64) for a in arrays if a is not None]
    flat = array_module(device).asarray(np.concatenate([a.ravel() for a in present]))
    ends = np.cumsum([a.size for a in present])
    parts = iter(flat[end - a.size:end].reshape(a.shape) for a, end in zip(present, ends))
    return [None if a is None else next(parts) for a in arrays]


def to_numpy(array):
    """A NumPy array, whatever the device of `array`."""
    if xp(array) is not np:
        return array.get()
    return np.asarray(array)


def default_device() -> str:
    """'cuda' when CuPy is installed and sees a GPU, else 'cpu'."""
    return "cuda" if cuda_available() else "cpu"


def make_rng(seed, device: str = "cpu"):
    """The random generator for dropout, seeded explicitly: a NumPy one on every device. The CPU
    draws its masks from it; on the GPU each dropout kernel call gets a seed drawn from it
    (cuda.draw_seed) and decides its mask from that, so nothing random is asked of CuPy and a
    checkpoint saves the generator's state the same way on both devices."""
    array_module(device)          # a clear error now if the device is not there
    return np.random.default_rng(seed)


# ---- CPU memory ----------------------------------------------------------------------------------
# NumPy takes every array from the C library's malloc. glibc's malloc gives each block over 32 MiB
# fresh pages from the kernel and hands them back when the array is freed (and the top of its heap
# once enough there is free); the kernel then zeroes every page again on its next first touch. A
# training step frees and allocates the same sizes every time, so keeping freed memory for reuse
# saves the kernel that work at almost no cost in peak memory (bench/README.md). It changes the
# whole process, so it is not done on import: train.py (and the benchmarks that time its step)
# call it.

def keep_freed_memory() -> bool:
    """Ask glibc's malloc to keep freed memory for reuse (Linux only; elsewhere nothing happens).
    Returns whether the settings took."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:        # not glibc (musl, say): its own defaults stay
        return False
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3                 # the option numbers in malloc.h
    one_gib = 1 << 30
    return bool(libc.mallopt(M_MMAP_THRESHOLD, one_gib) and libc.mallopt(M_TRIM_THRESHOLD, one_gib))


# ---- CPU threads ---------------------------------------------------------------------------------
# NumPy's matrix products run on OpenBLAS, which splits each product across its threads (as many
# as OPENBLAS_NUM_THREADS, or the cores), and they wait for each other inside it. Attention makes
# many small products (one per batch row and head: 192 per product at B = 32), and OpenBLAS splits
# each of those above 262,144 multiply-adds (T > 64), where waking threads costs more than the
# arithmetic; and whenever other programs share the cores, a thread that waits for one the system
# has set aside wastes its turn; NumPy's elementwise work runs on one thread anyway. So the ops
# whose rows are independent (Linear, attention, LayerNorm, cross-entropy) call their math through
# `in_parts`: one part of the rows per thread, each on single-threaded BLAS, all at the same time
# (NumPy releases Python's GIL while it computes), each part writing its rows of the results in
# place; the parts meet only once, at the end (bench/README.md).

def _find_openblas():
    """(set_num_threads, get_num_threads) of the OpenBLAS that NumPy loaded, or None.

    Linux only: the library is found among this process's mapped files. NumPy's wheels ship
    OpenBLAS under a prefixed name (scipy_openblas...64_); a system OpenBLAS has the plain one.
    """
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            paths = {line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line}
    except OSError:
        return None
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", "64_"), ("openblas", "")):
            setter = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            getter = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            if setter is not None and getter is not None:
                return setter, getter
    return None


_openblas = _find_openblas()
_pool = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="tinygrad_guppy-cpu")


def cpu_threads() -> int:
    """The number of threads OpenBLAS computes with: the cores the CPU ops may use (1 when NumPy
    does not use OpenBLAS, whose threads we cannot limit)."""
    return _openblas[1]() if _openblas is not None else 1


def _is_array(a):
    """True for what in_parts splits: a NumPy array with at least one axis."""
    return isinstance(a, np.ndarray) and a.ndim > 0


def in_parts(fn, *args, join="rows", out=None, **settings):
    """fn(*args, **settings), computed on the CPU as one call per thread on a part of the rows, all
    calls at the same time; the parts' results are joined back, so the caller gets what one call
    would give. For a `fn` whose rows are independent: row i of a result comes from row i of the
    array arguments alone, or the result is a sum over the rows.

    The positional arguments that are NumPy arrays (of at least one axis) are split along their
    first axis (they must share its length); the others (numbers, None) and the keyword arguments
    go whole to every part. `join` says how each result (or each entry of a tuple of results) is
    put back together: "rows", the parts' rows concatenated, or "sum", the parts' results added;
    None stays None. With `out`, an array with a row per row of the arguments (or, for a fn with
    several results, a tuple of such arrays and Nones, one per result), each part is given its rows
    of it as fn's own `out=` to write its results into: a result written so comes back as the
    array given, with no join (no copy, and no second array of its size); a result whose entry is
    None is joined as above.
    fn runs once, on everything, when the data is on the GPU, when there is one CPU thread, or
    when the BLAS threads cannot be limited. Not for use from several threads at once, nor inside
    fn (neither is the engine).

    Example: in_parts(attention_forward, qkv, n_head, allowed, keep, p, out=(y, probs, None)),
    with B = 32 on 2 threads, runs attention_forward(qkv[:16], n_head, allowed[:16], keep[:16], p,
    out=(y[:16], probs[:16], None)) on this thread and the same on rows 16:32 on another.
    """
    arrays = [a for a in args if _is_array(a)]
    N = len(arrays[0]) if arrays else 0
    if any(len(a) != N for a in arrays):
        raise ValueError(f"in_parts: the array arguments are split by rows and must have the same "
                         f"number of rows; got shapes {[a.shape for a in arrays]} (pass an array "
                         f"that every part needs whole as a keyword argument)")
    n = min(N, cpu_threads())
    if out is not None:
        settings["out"] = out
    if n <= 1 or _openblas is None or xp(*arrays) is not np:
        return fn(*args, **settings)
    bounds = [N * i // n for i in range(n + 1)]

    def part(i):
        rows = slice(bounds[i], bounds[i + 1])
        mine = settings if out is None else {**settings, "out": _rows(out, rows)}
        result = fn(*[a[rows] if _is_array(a) else a for a in args], **mine)
        if out is not None:
            given = mine["out"]
            pairs = zip(result, given) if isinstance(given, tuple) else [(result, given)]
            if any(want is not None and got is not want for got, want in pairs):
                raise RuntimeError(f"in_parts: {fn.__name__} returned a new array instead of "
                                   f"writing into the out= array it was given")
        return result

    set_threads, get_threads = _openblas
    previous = get_threads()
    set_threads(1)
    futures = []
    try:
        futures = [_pool.submit(part, i) for i in range(1, n)]
        results = [part(0)] + [f.result() for f in futures]   # part 0 on this thread
    finally:
        concurrent.futures.wait(futures)     # even when a part failed: none may outlive the call
        set_threads(previous)
    if not isinstance(results[0], tuple):
        return out if out is not None else _join(results, join)
    joins = (join,) * len(results[0]) if isinstance(join, str) else join
    given = out if isinstance(out, tuple) else (None,) * len(joins)
    return tuple(_join(same, how) if mine is None else mine
                 for same, how, mine in zip(zip(*results), joins, given))


def _rows(out, rows):
    """out's rows `rows`: of the array, or of each array of a tuple (its Nones stay None)."""
    if isinstance(out, tuple):
        return tuple(None if a is None else a[rows] for a in out)
    return out[rows]


def _join(parts, how):
    if parts[0] is None:
        return None
    if how == "sum":
        return functools.reduce(operator.add, parts)
    return np.concatenate(parts)
