"""A stand-in for the `cupy` module, made of NumPy, so the GPU code path runs on a CPU in tests.

    with fake_cupy_installed():        # sys.modules["cupy"] is the fake inside the block
        model = GuppyLM(cfg, device="cuda")     # arrays are SimArrays: backend sees a GPU
        ...                                      # kernels run in cudasim, GEMMs in numpy_gemm

What it keeps from CuPy, so that the GPU path is exercised faithfully:
- only the names of CuPy that the project uses exist (FUNCTIONS, UFUNCS, CONSTANTS, ARRAY_ATTRIBUTES
  below): using any other one fails here, so a test notices before a GPU would. Each of them exists
  in real CuPy with the same kind and takes the arguments the project passes: tests/test_fake_cupy.py
  checks that against the installed CuPy package (which imports without a GPU);
- arrays are `SimArray`s, a NumPy subclass that `backend.xp` recognises as `cupy.ndarray`; they have
  `.get()` and `.data.ptr` like CuPy arrays, and a full reduction gives a 0-d array;
- mixing a device array with a host NumPy array in arithmetic raises TypeError, as CuPy does;
- `RawModule` compiles the real kernel files with cudasim (strict argument checks, see there);
- cuBLAS (`cupy_backends.cuda.libs.cublas.gemmEx`) is `numpy_gemm`, a NumPy model of its
  column-major contract, reached through the device pointers and type codes the caller passes, so
  cuda.py's own call to cuBLAS runs as written;
- `random.default_rng` behaves as CuPy's Generator: `bit_generator.state` is a method (it returns
  a device pointer), and `random(dtype=float16)` draws float32 numbers and casts them, as CuPy
  >= 13.4 does; with `__version__` set below 13.4 it raises instead, since those versions fill the
  float16 array with a float32 kernel, writing past its end.
- every operation that CuPy would put on the GPU's stream is counted (see `count_launches`): one
  per kernel of ours, per cuBLAS call, per CuPy elementwise, reduction or copy kernel, per memset,
  and per copy between host and device (those that wait for the GPU are marked).
What it cannot check: anything about speed, and whether CuPy computes what NumPy computes.
"""

import contextlib
import ctypes
import functools
import importlib
import sys
import types
import weakref

import numpy as np

from cudasim import SimModule

VERSION = "14.2.0"          # the CuPy release this fake is checked against (tests/test_fake_cupy.py)

# ---- launch accounting -------------------------------------------------------------------------------

ENGINE_FILES_SKIPPED = ("engine/cuda.py", "engine/backend.py")   # launches are charged to their callers


class Launches:
    """The stream operations seen while counting: a list of (kind, what, where).
    kind: "ours" (our kernels), "cublas", "cupy" (CuPy's own kernels), "memset", "to_device",
    "to_host" (a copy that waits for the GPU); where: the project function that asked for it,
    e.g. "Linear.forward" (the nearest frame in tinygrad_guppy/ outside cuda.py and backend.py)."""

    def __init__(self):
        self.entries = []

    @property
    def total(self):
        return len(self.entries)

    def count(self, kind=None):
        return sum(1 for k, _, _ in self.entries if kind is None or k == kind)

    def by(self, key):
        """{where or kind or what: count}, largest first."""
        index = {"kind": 0, "what": 1, "where": 2}[key]
        counts = {}
        for entry in self.entries:
            counts[entry[index]] = counts.get(entry[index], 0) + 1
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def table(self):
        """{where: {kind: count}}, for the breakdown in bench/README.md."""
        rows = {}
        for kind, _, where in self.entries:
            rows.setdefault(where, {}).setdefault(kind, 0)
            rows[where][kind] += 1
        return rows


_counter = None          # the Launches being filled, or None
_inside = 0              # > 0 while a counted operation runs (its NumPy internals are not counted)


def _where():
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename.replace("\\", "/")
        if "/tinygrad_guppy/" in name and not name.endswith(ENGINE_FILES_SKIPPED):
            return frame.f_code.co_qualname
        frame = frame.f_back
    return "(outside tinygrad_guppy)"


def _record(kind, what):
    if _counter is not None and _inside == 0:
        _counter.entries.append((kind, what, _where()))


class _one_operation:
    """`with _one_operation(kind, what):` counts one operation (kind None: none), and none of the
    NumPy calls that carry it out. (A class, not a generator: the fake is on every hot path.)"""
    __slots__ = ("kind", "what")

    def __init__(self, kind, what):
        self.kind, self.what = kind, what

    def __enter__(self):
        global _inside
        if self.kind is not None and _counter is not None and _inside == 0:
            _counter.entries.append((self.kind, self.what, _where()))
        _inside += 1

    def __exit__(self, *exc):
        global _inside
        _inside -= 1


@contextlib.contextmanager
def count_launches():
    """Inside the block, every stream operation is recorded in the Launches yielded."""
    global _counter
    previous, _counter = _counter, Launches()
    try:
        yield _counter
    finally:
        _counter = previous


# ---- the calls the project makes, for tests/test_fake_cupy.py -------------------------------------------

CALLS = set()     # (name, number of positional arguments, keyword names) of every call into the fake


def _noted(name, method=False):
    """Decorate a fake function (or method) so that each call's shape is added to CALLS."""
    def decorate(function):
        @functools.wraps(function)
        def noted(*args, **kwargs):
            CALLS.add((name, len(args) - method, tuple(sorted(kwargs))))
            return function(*args, **kwargs)
        return noted
    return decorate


# ---- arrays ------------------------------------------------------------------------------------------

_live = weakref.WeakValueDictionary()     # device address -> the SimArray whose .data was taken


class _Pointer:
    """What CuPy's ndarray.data is (a MemoryPointer); the project reads .ptr only."""

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


def _host(x):
    """The NumPy array under a SimArray (the same memory); anything else as it is."""
    return np.ndarray.view(x, np.ndarray) if isinstance(x, SimArray) else x


_BASIC = (int, slice, type(None), type(Ellipsis), np.integer)


def _host_index(index):
    """(the index with SimArrays as NumPy arrays, whether it is advanced: an integer or boolean array)."""
    if isinstance(index, _BASIC):
        return index, False
    parts = index if isinstance(index, tuple) else (index,)
    if all(isinstance(i, _BASIC) for i in parts):
        return index, False
    parts = tuple(_host(i) for i in parts)
    return (parts if isinstance(index, tuple) else parts[0]), True


# ndarray attributes the project uses, and what each costs on the stream (None: nothing). Every one
# exists on cupy.ndarray with the same kind (tests/test_fake_cupy.py).
ARRAY_ATTRIBUTES = {
    "shape": None, "dtype": None, "ndim": None, "size": None, "nbytes": None, "flags": None,
    "data": None, "T": None, "reshape": None, "transpose": None, "swapaxes": None, "ravel": None,
    "get": "to_host", "item": "to_host", "tolist": "to_host",
    "astype": "cupy", "copy": "cupy", "fill": "cupy", "sum": "cupy", "max": "cupy", "mean": "cupy",
}


class SimArray(np.ndarray):
    """A NumPy array playing a CuPy array."""

    def __getattribute__(self, name):
        if name[0] != "_" and name not in ARRAY_ATTRIBUTES:
            raise AttributeError(f"the fake CuPy's ndarray has no {name!r}: add it to fakecupy."
                                 f"ARRAY_ATTRIBUTES if cupy.ndarray has it (tests/test_fake_cupy.py checks)")
        return np.ndarray.__getattribute__(self, name)

    def __repr__(self):
        return "fake cupy " + repr(_host(self))

    # subtle: NumPy's own methods would work on a SimArray, but these are what CuPy does on the stream
    @_noted("ndarray.get", method=True)
    def get(self, stream=None, order="C", out=None, blocking=True):
        with _one_operation("to_host", "get"):
            return np.array(_host(self), copy=True, order=order)

    @_noted("ndarray.item", method=True)
    def item(self):
        with _one_operation("to_host", "item"):
            return _host(self).item()

    @_noted("ndarray.tolist", method=True)
    def tolist(self):
        with _one_operation("to_host", "tolist"):
            return _host(self).tolist()

    def __float__(self):
        with _one_operation("to_host", "float()"):
            return float(_host(self))

    def __int__(self):
        with _one_operation("to_host", "int()"):
            return int(_host(self))

    def __bool__(self):
        with _one_operation("to_host", "bool()"):
            return bool(_host(self))

    @_noted("ndarray.astype", method=True)
    def astype(self, dtype, order="K", casting=None, subok=None, copy=True):
        same = np.dtype(dtype) == self.dtype
        with _one_operation(None if same and not copy else "cupy", "astype"):
            return _to_sim(_host(self).astype(dtype, order=order, copy=copy))

    @_noted("ndarray.copy", method=True)
    def copy(self, order="C"):
        with _one_operation("cupy", "copy"):
            return _to_sim(_host(self).copy(order=order))

    @_noted("ndarray.fill", method=True)
    def fill(self, value):
        with _one_operation("cupy", "fill"):
            _host(self).fill(value)

    @_noted("ndarray.sum", method=True)
    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        with _one_operation("cupy", "sum"):
            return _to_sim(_host(self).sum(axis=axis, dtype=dtype, out=_host(out), keepdims=keepdims))

    @_noted("ndarray.max", method=True)
    def max(self, axis=None, out=None, keepdims=False):
        with _one_operation("cupy", "max"):
            return _to_sim(_host(self).max(axis=axis, out=_host(out), keepdims=keepdims))

    @_noted("ndarray.mean", method=True)
    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        with _one_operation("cupy", "mean"):
            return _to_sim(_host(self).mean(axis=axis, dtype=dtype, out=_host(out), keepdims=keepdims))

    @_noted("ndarray.ravel", method=True)
    def ravel(self, order="C"):
        copies = not self.flags.c_contiguous
        with _one_operation("cupy" if copies else None, "ravel"):
            return _to_sim(_host(self).ravel(order=order))

    @property
    def data(self):
        address = self.__array_interface__["data"][0]
        _live[address] = self
        return _Pointer(address)

    def __getitem__(self, index):
        index, advanced = _host_index(index)
        with _one_operation("cupy" if advanced else None, "gather"):
            return _to_sim(_host(self)[index])

    def __setitem__(self, index, value):
        if type(value) is np.ndarray and value.ndim > 0:
            raise TypeError(f"CuPy would refuse this: a NumPy array of shape {value.shape} assigned "
                            f"into a device array")
        index, _ = _host_index(index)
        with _one_operation("cupy", "setitem"):
            _host(self)[index] = _host(value)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        outs = kwargs.get("out", ())
        for x in inputs + tuple(outs):
            if type(x) is np.ndarray:
                raise TypeError(f"CuPy would refuse this: {ufunc.__name__} mixes a device array with "
                                f"a NumPy array of shape {x.shape}")
        if outs:
            kwargs["out"] = tuple(_host(o) for o in outs)
        kind = "cublas" if ufunc is np.matmul else "cupy"
        with _one_operation(kind, ufunc.__name__ if method == "__call__" else f"{ufunc.__name__}.{method}"):
            result = getattr(ufunc, method)(*[_host(x) for x in inputs], **kwargs)
        if outs:
            return outs[0] if len(outs) == 1 else outs
        return _to_sim(result)


# ---- random numbers: CuPy's Generator ----------------------------------------------------------------

class _BitGenerator:
    """CuPy's XORWOW bit generator: `state()` is a method returning the device address of the
    cuRAND states (nothing JSON can hold, nothing that can be set)."""

    def __init__(self, seed):
        self._state = np.zeros(48, dtype=np.uint8).view(SimArray)

    def state(self):
        return self._state.data.ptr


class _Generator:
    """CuPy's Generator API on top of a NumPy generator."""

    def __init__(self, seed, version):
        self.bit_generator = _BitGenerator(seed)
        self._rng, self._version = np.random.default_rng(seed), version

    @_noted("random.Generator.random", method=True)
    def random(self, size=None, dtype=np.float64, out=None):
        dtype = np.dtype(dtype)
        if dtype == np.float64:
            with _one_operation("cupy", "random"):
                return _to_sim(self._rng.random(size, dtype=np.float64))
        if dtype != np.float32 and _version_tuple(self._version) < (13, 4):
            raise RuntimeError(f"CuPy {self._version} fills a {dtype} array from Generator.random with "
                               f"a float32 kernel, writing past its end (fixed in CuPy 13.4)")
        with _one_operation("cupy", "random"):
            numbers = self._rng.random(size, dtype=np.float32)
        with _one_operation(None if dtype == np.float32 else "cupy", "astype"):
            return _to_sim(numbers.astype(dtype))             # as CuPy >= 13.4: float32, then a cast

    @_noted("random.Generator.integers", method=True)
    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        with _one_operation("cupy", "random"):
            numbers = self._rng.integers(low, high, size=size, dtype=np.uint32, endpoint=endpoint)
        with _one_operation("cupy", "add"):                   # CuPy draws an offset, then adds low
            return _to_sim(numbers.astype(dtype))


def _version_tuple(version):
    return tuple(int(part) for part in version.split(".")[:2])


# ---- module functions --------------------------------------------------------------------------------

@_noted("asarray")
def _asarray(a, dtype=None, order=None, *, copy=None, blocking=False):
    if isinstance(a, SimArray):
        if dtype is None or a.dtype == dtype:
            return a
        return a.astype(dtype)
    with _one_operation("to_device", "asarray"):
        return np.array(a, dtype=dtype, copy=True).view(SimArray)


@_noted("ascontiguousarray")
def _ascontiguousarray(a, dtype=None):
    if not isinstance(a, SimArray):
        raise TypeError("the fake CuPy: ascontiguousarray of a host array (CuPy would copy it to the "
                        "device; the project never does this)")
    needs_kernel = not a.flags.c_contiguous or (dtype is not None and np.dtype(dtype) != a.dtype)
    with _one_operation("cupy" if needs_kernel else None, "ascontiguousarray"):
        return _to_sim(np.ascontiguousarray(_host(a), dtype=dtype))


def _empty(numpy_function):
    """empty and empty_like; zeros while kernels do not run (garbage could hold denormal numbers,
    which make NumPy's arithmetic on the kernels' outputs very slow)."""
    def empty(*args, **kwargs):
        import cudasim
        array = numpy_function(*[_host(a) for a in args], **kwargs)
        if not cudasim.RUN_KERNELS:
            array[...] = 0
        return array
    return empty


def _function(numpy_function, kind, name):
    """A CuPy function made of a NumPy one; each call is one operation of `kind` (None: none)."""
    @_noted(name)
    def function(*args, **kwargs):
        for a in list(args) + list(kwargs.values()):
            if type(a) is np.ndarray:
                raise TypeError(f"CuPy would refuse this: cupy.{name} given a NumPy array of shape "
                                f"{a.shape}")
        with _one_operation(kind, name):
            return _to_sim(numpy_function(*[_host(a) if isinstance(a, SimArray) else a for a in args],
                                          **{k: _host(v) for k, v in kwargs.items()}))
    function.__name__ = name
    return function


@_noted("stack")
def _stack(tup, axis=0, out=None, *, dtype=None, casting="same_kind"):
    return _function(np.stack, "cupy", "stack")([_host(a) for a in tup], axis=axis, dtype=dtype)


@_noted("concatenate")
def _concatenate(tup, axis=0, out=None, *, dtype=None, casting="same_kind"):
    return _function(np.concatenate, "cupy", "concatenate")([_host(a) for a in tup], axis=axis, dtype=dtype)


# name -> (NumPy implementation, the kind of operation one call puts on the stream)
FUNCTIONS = {
    "empty": (_empty(np.empty), None), "empty_like": (_empty(np.empty_like), None),
    "zeros": (np.zeros, "memset"), "zeros_like": (np.zeros_like, "memset"),
    "ones": (np.ones, "cupy"), "ones_like": (np.ones_like, "cupy"), "full": (np.full, "cupy"),
    "arange": (np.arange, "cupy"), "take": (np.take, "cupy"), "where": (np.where, "cupy"),
    "copyto": (np.copyto, "cupy"), "tril": (np.tril, "cupy"), "einsum": (np.einsum, "cupy"),
    "broadcast_to": (np.broadcast_to, None), "split": (np.split, None),
    "matmul": (np.matmul, "cublas"),          # a function in CuPy, not a ufunc (`@` calls it too)
}
# ufuncs: NumPy's own, which call SimArray.__array_ufunc__ (one kernel each)
UFUNCS = ("add", "subtract", "multiply", "divide", "maximum", "minimum", "exp", "log", "sqrt")
CONSTANTS = {"inf": np.inf, "float16": np.float16, "float32": np.float32, "float64": np.float64,
             "int32": np.int32, "int64": np.int64, "uint32": np.uint32, "uint64": np.uint64,
             "bool_": np.bool_, "dtype": np.dtype}


# ---- cuBLAS, by device pointers ----------------------------------------------------------------------

CUDA_R_32F, CUDA_R_16F = 0, 2                       # cudaDataType values (cupy.cuda.runtime)
CUBLAS_OP_N, CUBLAS_OP_T = 0, 1
CUBLAS_COMPUTE_32F = 68
CUBLAS_GEMM_DEFAULT, CUBLAS_GEMM_DEFAULT_TENSOR_OP = -1, 99
_CUDA_TYPES = {CUDA_R_32F: np.float32, CUDA_R_16F: np.float16}
_HANDLE = 0x5EED


def _device_array(pointer, cuda_type, what):
    array = _live.get(pointer)
    if array is None:
        raise ValueError(f"fake cuBLAS: {what} is not the address of a live device array")
    if _CUDA_TYPES.get(cuda_type) != array.dtype:
        raise TypeError(f"fake cuBLAS: {what} has dtype {array.dtype} but its type code says "
                        f"{_CUDA_TYPES.get(cuda_type, cuda_type)}")
    return array


def _host_float32(pointer):
    return ctypes.c_float.from_address(pointer).value


@_noted("cupy_backends.cuda.libs.cublas.gemmEx")
def gemmEx(handle, transa, transb, m, n, k, alpha, A, Atype, lda, B, Btype, ldb, beta, C, Ctype, ldc,
           computeType, algo):
    """cublasGemmEx, as cupy_backends.cuda.libs.cublas exposes it (pointers as ints, alpha and beta
    host pointers to float32 under CUBLAS_COMPUTE_32F)."""
    if handle != _HANDLE:
        raise ValueError("fake cuBLAS: not a handle from cupy.cuda.device.get_cublas_handle()")
    if computeType != CUBLAS_COMPUTE_32F or algo not in (CUBLAS_GEMM_DEFAULT, CUBLAS_GEMM_DEFAULT_TENSOR_OP):
        raise ValueError(f"fake cuBLAS: compute type {computeType} / algo {algo} not modelled")
    if transa not in (CUBLAS_OP_N, CUBLAS_OP_T) or transb not in (CUBLAS_OP_N, CUBLAS_OP_T):
        raise ValueError(f"fake cuBLAS: bad transpose flags {transa}, {transb}")
    first, second = _device_array(A, Atype, "A"), _device_array(B, Btype, "B")
    out = _device_array(C, Ctype, "C")
    if (_host_float32(alpha), _host_float32(beta)) != (1.0, 0.0):
        raise ValueError("fake cuBLAS: only alpha = 1, beta = 0 (as float32 host values) are modelled")
    import cudasim
    with _one_operation("cublas", "gemmEx"):
        if cudasim.RUN_KERNELS:          # counting only: the product is not needed
            numpy_gemm(transa == CUBLAS_OP_T, transb == CUBLAS_OP_T, m, n, k, first, lda, second, ldb, out, ldc)


def numpy_gemm(op_first, op_second, m, n, k, first, ld_first, second, ld_second, out, ld_out):
    """cublasGemmEx's contract on NumPy buffers: column-major out (m, n) = op(first) @ op(second),
    where a column-major (rows, cols) matrix with leading dimension ld is element [r, c] =
    buffer[c * ld + r]; computed in float32 and rounded to out's dtype (as COMPUTE_32F)."""
    def column_major(buffer, ld, rows, cols):
        if ld < rows:
            raise ValueError(f"numpy_gemm: leading dimension {ld} < rows {rows} (cuBLAS would refuse)")
        flat = _host(buffer).reshape(-1)
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


# ---- the device, its memory, the modules ---------------------------------------------------------

class _Device:
    def __init__(self, device=None):
        self.id = 0 if device is None else device

    def synchronize(self):
        _record("sync", "Device.synchronize")

    @property
    def compute_capability(self):
        return "75"


class _MemoryPool:
    def used_bytes(self):
        return 0

    def total_bytes(self):
        return 0

    def free_all_blocks(self, stream=None):
        pass


class _MemoryHook:
    """cupy.cuda.MemoryHook: a context manager; the fake calls none of its hooks."""
    name = "MemoryHook"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_POOL = _MemoryPool()
DEVICE_PROPERTIES = {"name": b"cudasim (the CPU)", "major": 7, "minor": 5, "totalGlobalMem": 16 * 2**30,
                     "multiProcessorCount": 40}


def make_module(version=VERSION):
    """A fresh fake `cupy` module (and its `cupy_backends` cuBLAS binding), as a dict of modules."""
    cupy = types.ModuleType("cupy")
    cupy.__doc__ = "fake CuPy for tests (tests/cudasim/fakecupy.py)"
    cupy.__version__ = version
    cupy.ndarray = SimArray
    cupy.RawModule = SimModule
    cupy.asarray = _asarray
    cupy.ascontiguousarray = _ascontiguousarray
    cupy.stack, cupy.concatenate = _stack, _concatenate
    cupy.broadcast_shapes = np.broadcast_shapes
    cupy.get_default_memory_pool = lambda: _POOL
    for name, (numpy_function, kind) in FUNCTIONS.items():
        setattr(cupy, name, _function(numpy_function, kind, name))
    for name in UFUNCS:
        setattr(cupy, name, getattr(np, name))
    for name, value in CONSTANTS.items():
        setattr(cupy, name, value)
    cupy.random = types.SimpleNamespace(default_rng=lambda seed=None: _Generator(seed, version))
    runtime = types.SimpleNamespace(
        getDeviceCount=lambda: 1, runtimeGetVersion=lambda: 12090, driverGetVersion=lambda: 12090,
        getDeviceProperties=lambda device: dict(DEVICE_PROPERTIES),
        CUDA_R_16F=CUDA_R_16F, CUDA_R_32F=CUDA_R_32F)
    cupy.cuda = types.SimpleNamespace(
        runtime=runtime, Device=_Device, MemoryHook=_MemoryHook,
        device=types.SimpleNamespace(get_cublas_handle=lambda: _HANDLE))

    backends = {name: types.ModuleType(name) for name in
                ("cupy_backends", "cupy_backends.cuda", "cupy_backends.cuda.libs", "cupy_backends.cuda.libs.cublas")}
    cublas = backends["cupy_backends.cuda.libs.cublas"]
    cublas.gemmEx = gemmEx
    for name in ("CUBLAS_OP_N", "CUBLAS_OP_T", "CUBLAS_COMPUTE_32F", "CUBLAS_GEMM_DEFAULT",
                 "CUBLAS_GEMM_DEFAULT_TENSOR_OP"):
        setattr(cublas, name, globals()[name])
    backends["cupy_backends"].cuda = backends["cupy_backends.cuda"]
    backends["cupy_backends.cuda"].libs = backends["cupy_backends.cuda.libs"]
    backends["cupy_backends.cuda.libs"].cublas = cublas
    return {"cupy": cupy, **backends}


@contextlib.contextmanager
def fake_cupy_installed(version=VERSION, run_kernels=True):
    """sys.modules["cupy"] (and cupy_backends) are fakes inside the block; tinygrad_guppy.engine.cuda
    is (re)loaded against them. With run_kernels=False our kernels and cuBLAS are checked (their
    arguments) and counted but not run, and new arrays are zeros: for counting launches at full
    size quickly (the numbers computed are meaningless).
    Everything is put back afterwards (a real CuPy too, if one was imported)."""
    import cudasim
    modules = make_module(version)
    saved = {name: sys.modules.get(name) for name in modules}
    saved.update({name: module for name, module in sys.modules.items()
                  if name.startswith(("cupy.", "cupy_backends.")) and name not in modules})
    for name in list(sys.modules):
        if name.startswith(("cupy.", "cupy_backends.")):
            del sys.modules[name]
    sys.modules.update(modules)
    previous = cudasim.ARRAY_TYPE, cudasim.RUN_KERNELS, cudasim.ON_LAUNCH
    cudasim.ARRAY_TYPE, cudasim.RUN_KERNELS = SimArray, run_kernels
    cudasim.ON_LAUNCH = lambda name: _record("ours", name)
    try:
        from tinygrad_guppy.engine import cuda
        yield importlib.reload(cuda)
    finally:
        cudasim.ARRAY_TYPE, cudasim.RUN_KERNELS, cudasim.ON_LAUNCH = previous
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        if saved["cupy"] is not None:          # an outer fake (or a real CuPy): cuda.py follows it again
            importlib.reload(cuda)
