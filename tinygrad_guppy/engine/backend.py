"""The one place that chooses NumPy (CPU) or CuPy (GPU), and, on the CPU, how work is spread over
threads and how freed memory is kept (see the two sections at the end).

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

import ctypes
import queue
import sys
import threading

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
# (the logits from B x T = 2048 positions on) fresh pages from the kernel and hands them back when
# the array is freed, and returns the top of its heap to the kernel once enough there is free; the
# kernel then zeroes every page again on its next first touch. A training step frees and allocates
# the same sizes every time, so keeping freed memory for reuse is nearly free (the peak stays
# where it was: +3% measured) and saves the kernel's work: at 32x64, 13,000 page faults and 79 ms
# of system time per step before, about 600 and 8 ms after. It changes the whole process, so it is
# not done on import: train.py (and the benchmarks that time its step) call it.

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
# as OPENBLAS_NUM_THREADS, or the cores). That pays for the model's big products, but attention
# makes many small ones (one per batch row and head: 192 per product at B = 32) and OpenBLAS splits
# each of those above 262,144 multiply-adds (T > 64): then waking threads costs more than the
# arithmetic, and far more when other programs share the cores (2 threads, T = 128, a loaded
# machine: 4.5 s for one q @ k^T, against 9 ms on one thread). So attention runs single-threaded
# BLAS and splits its batch over a small pool of Python threads instead, one part per BLAS thread;
# NumPy releases Python's GIL while it computes, so the parts run at the same time. The same pool
# runs the rows of LayerNorm and cross-entropy (NumPy's elementwise work is single-threaded), the
# Linear products (rows forward, dx beside dw backward: threads that never wait for each other
# inside a product lose far less when other programs share the cores) and AdamW's update.

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


class _Workers:
    """Threads that each run the parts handed to them, one at a time, for as long as the program
    runs. Part i + 1 of every call goes to thread i and the calling thread computes part 0 itself:
    the rows a thread computed in one op are the rows it gets in the next, still in its core's
    cache, and a call wakes one thread fewer. Measured against a shared thread pool (any idle
    thread takes the next part), alternating training steps on the same real batches: about 0.98x
    the step time (paired medians of six runs: 0.979, 0.967, 0.967, 1.001, 0.985, 0.980; 32x64
    0.966, 32x128 0.991; bench/README.md)."""

    def __init__(self):
        self.inboxes = []
        self.local = threading.local()      # .inside: this thread is running a part already

    def run(self, tasks):
        while len(self.inboxes) < len(tasks) - 1:
            inbox = queue.SimpleQueue()
            threading.Thread(target=self._serve, args=(inbox,), daemon=True,
                             name=f"tinygrad_guppy-cpu-{len(self.inboxes) + 1}").start()
            self.inboxes.append(inbox)
        done, results = threading.Semaphore(0), [None] * len(tasks)
        for i, task in enumerate(tasks[1:], start=1):
            self.inboxes[i - 1].put((task, results, i, done))
        try:
            results[0] = (True, self._call(tasks[0]))
        finally:
            for _ in tasks[1:]:     # even when part 0 failed: no part may outlive its call
                done.acquire()
        for ok, value in results:
            if not ok:
                raise value
        return [value for _, value in results]

    def _serve(self, inbox):
        while True:
            task, results, i, done = inbox.get()
            try:
                results[i] = (True, self._call(task))
            except BaseException as error:      # handed to the caller, raised there
                results[i] = (False, error)
            done.release()

    def _call(self, task):
        self.local.inside = True
        try:
            return task()
        finally:
            self.local.inside = False


_workers = _Workers()


def cpu_threads() -> int:
    """The number of threads OpenBLAS computes with: the cores the CPU ops may use (1 when NumPy
    does not use OpenBLAS, whose threads we cannot limit)."""
    return _openblas[1]() if _openblas is not None else 1


def run_in_parallel(tasks, like=None):
    """Run the zero-argument callables `tasks` at the same time, each on one CPU thread (BLAS
    single-threaded meanwhile); returns their results in order, or raises the first part's error.
    They run one after the other instead when there is one task, when `like` (an array of the
    data) is on the GPU, when the BLAS threads cannot be limited (cpu_threads() == 1), or when a
    task itself calls run_in_parallel. Not for use from several threads at once (neither is the
    engine)."""
    if (len(tasks) == 1 or (like is not None and xp(like) is not np) or _openblas is None
            or getattr(_workers.local, "inside", False)):
        return [task() for task in tasks]
    set_threads, get_threads = _openblas
    previous = get_threads()
    set_threads(1)
    try:
        return _workers.run(tasks)
    finally:
        set_threads(previous)


def batch_parts(B, array):
    """Slices that split a batch of B rows into one part per CPU thread, for run_in_parallel:
    [slice(0, 16), slice(16, 32)] for B = 32 on 2 threads; [slice(0, B)] on the GPU or 1 thread."""
    n = max(1, min(B, cpu_threads())) if xp(array) is np else 1
    bounds = [B * i // n for i in range(n + 1)]
    return [slice(bounds[i], bounds[i + 1]) for i in range(n)]
