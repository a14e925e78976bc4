"""A stand-in for the `cupy` module, made of NumPy, so the GPU code path runs on a CPU in tests.

    with fake_cupy_installed():        # sys.modules["cupy"] is the fake inside the block
        model = GuppyLM(cfg, device="cuda")     # arrays are SimArrays: backend sees a GPU
        ...                                      # kernels run in cudasim, GEMMs in numpy_gemm

What it keeps from CuPy, so that the GPU path is exercised faithfully:
- arrays are `SimArray`s, a NumPy subclass that `backend.xp` recognises as `cupy.ndarray`; they
  have `.get()` and `.data.ptr` like CuPy arrays, and a full reduction gives a 0-d array;
- mixing a device array with a host NumPy array in arithmetic raises TypeError, as CuPy does;
- `RawModule` compiles the real kernel files with cudasim (strict argument checks, see there);
- `random.default_rng` has CuPy's `random(size, dtype)` (float16 allowed) and `integers`;
- `asarray` of a NumPy array copies (a host->device transfer), of a SimArray does not.
What it cannot check: that CuPy has every function we call, and anything about speed.
cuBLAS is replaced by `numpy_gemm`, a NumPy model of cublasGemmEx's column-major contract, so the
row-major to column-major translation in cuda.matmul is tested for real.
"""

import contextlib
import importlib
import sys
import types

import numpy as np

from cudasim import SimModule


class _Pointer:
    def __init__(self, ptr):
        self.ptr = ptr


def _to_sim(x):
    """Results back to device arrays: ndarrays become SimArray views, NumPy scalars 0-d SimArrays."""
    if isinstance(x, np.ndarray):
        return x if isinstance(x, SimArray) else x.view(SimArray)
    if isinstance(x, np.generic):
        return np.asarray(x).view(SimArray)
    if isinstance(x, tuple):
        return tuple(_to_sim(i) for i in x)
    if isinstance(x, list):
        return [_to_sim(i) for i in x]
    return x


def _to_host_view(x):
    return x.view(np.ndarray) if isinstance(x, SimArray) else x


class SimArray(np.ndarray):
    """A NumPy array playing a CuPy array."""

    def get(self):
        return np.array(self.view(np.ndarray), copy=True)

    @property
    def data(self):
        return _Pointer(self.__array_interface__["data"][0])

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        outs = kwargs.get("out", ())
        for x in inputs + tuple(outs):
            if type(x) is np.ndarray:
                raise TypeError(f"CuPy would refuse this: {ufunc.__name__} mixes a device array with "
                                f"a NumPy array of shape {x.shape}")
        if outs:
            kwargs["out"] = tuple(_to_host_view(o) for o in outs)
        result = getattr(ufunc, method)(*[_to_host_view(x) for x in inputs], **kwargs)
        if outs:
            return outs[0] if len(outs) == 1 else outs
        return _to_sim(result)


class _Generator:
    """CuPy's Generator API on top of a NumPy generator."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def random(self, size=None, dtype=np.float64):
        if np.dtype(dtype) == np.float64:
            return _to_sim(self.rng.random(size, dtype=np.float64))
        return _to_sim(self.rng.random(size, dtype=np.float32).astype(dtype))  # as CuPy: float32, cast

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        return _to_sim(self.rng.integers(low, high, size=size, dtype=dtype, endpoint=endpoint))


def _asarray(a, dtype=None):
    if isinstance(a, SimArray) and (dtype is None or a.dtype == dtype):
        return a
    return np.array(_to_host_view(a), dtype=dtype, copy=True).view(SimArray)


def _ascontiguousarray(a, dtype=None):
    return _to_sim(np.ascontiguousarray(_to_host_view(a), dtype=dtype))


def _wrap(function):
    def wrapped(*args, **kwargs):
        return _to_sim(function(*args, **kwargs))
    wrapped.__name__ = getattr(function, "__name__", "wrapped")
    return wrapped


def make_module():
    """A fresh fake `cupy` module."""
    cupy = types.ModuleType("cupy")
    cupy.__doc__ = "fake CuPy for tests (tests/cudasim/fakecupy.py)"
    cupy.ndarray = SimArray
    cupy.RawModule = SimModule
    cupy.asarray = _asarray
    cupy.array = _asarray
    cupy.ascontiguousarray = _ascontiguousarray
    cupy.random = types.SimpleNamespace(default_rng=_Generator)
    cupy.cuda = types.SimpleNamespace(
        runtime=types.SimpleNamespace(getDeviceCount=lambda: 1),
        Device=lambda device_id=0: types.SimpleNamespace(id=device_id, synchronize=lambda: None),
        is_available=lambda: True)

    def module_getattr(name):
        value = getattr(np, name)
        if isinstance(value, (np.ufunc, type)) or not callable(value):
            return value          # ufuncs handle SimArrays themselves; dtypes and constants as is
        return _wrap(value)

    cupy.__getattr__ = module_getattr
    return cupy


def numpy_gemm(op_first, op_second, m, n, k, first, ld_first, second, ld_second, out, ld_out):
    """cublasGemmEx's contract on NumPy buffers: column-major out (m, n) = op(first) @ op(second),
    where a column-major (rows, cols) matrix with leading dimension ld is element [r, c] =
    buffer[c * ld + r]; computed in float32 and rounded to out's dtype (as COMPUTE_32F)."""
    def column_major(buffer, ld, rows, cols):
        if ld < rows:
            raise ValueError(f"numpy_gemm: leading dimension {ld} < rows {rows} (cuBLAS would refuse)")
        flat = _to_host_view(buffer).reshape(-1)
        if flat.size < ld * (cols - 1) + rows:
            raise ValueError("numpy_gemm: the buffer is too small for its leading dimension")
        return np.lib.stride_tricks.as_strided(flat, (rows, cols), (flat.itemsize, ld * flat.itemsize))

    a = column_major(first, ld_first, k if op_first else m, m if op_first else k).astype(np.float32)
    b = column_major(second, ld_second, n if op_second else k, k if op_second else n).astype(np.float32)
    a = a.T if op_first else a
    b = b.T if op_second else b
    result = column_major(out, ld_out, m, n)
    with np.errstate(over="ignore", invalid="ignore"):    # inf in, inf or NaN out: as on the GPU
        result[...] = (a @ b).astype(out.dtype)


@contextlib.contextmanager
def fake_cupy_installed():
    """sys.modules["cupy"] is a fake inside the block; tinygrad_guppy.engine.cuda is (re)loaded against it
    with cuBLAS replaced by numpy_gemm. Everything is put back afterwards."""
    saved = sys.modules.get("cupy")
    sys.modules["cupy"] = make_module()
    try:
        from tinygrad_guppy.engine import cuda
        cuda = importlib.reload(cuda)
        cuda._cublas_gemm = numpy_gemm
        yield cuda
    finally:
        if saved is None:
            sys.modules.pop("cupy", None)
        else:
            sys.modules["cupy"] = saved
