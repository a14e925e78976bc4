"""Run our CUDA kernels on the CPU: a stand-in for cupy.RawModule in tests without a GPU.

    mod = SimModule(code=open("tinygrad_guppy/engine/kernels/layernorm.cu").read(),
                    options=("--include-path=tinygrad_guppy/engine/kernels",))   # for common.cuh
    kernel = mod.get_function("layernorm_forward_f32")
    kernel((blocks,), (256,), (out, mean, rstd, x, w, b, np.int32(N), np.int32(C), np.float32(1e-5)))

The kernel file is compiled by g++ with cudasim.h (fibers for GPU threads, see its header) and
called through ctypes on NumPy arrays. The call checks its arguments more strictly than CuPy does,
so mistakes in our launch code show up here rather than as garbage on a GPU:
- each argument must match the kernel's C signature: an array of the pointer's element type
  (float* <- float32, half* <- float16, long long* <- int64 ...), C-contiguous; an `int` parameter
  takes numpy.int32, a `float` numpy.float32 (CuPy would pass a Python int as 8 bytes); a pointer
  may also be numpy.uint64(0), a null pointer;
- each array is copied into a buffer between guard zones of 0xFF bytes; after the launch the
  guards must be intact (a write out of bounds is an error) and reads out of bounds see NaN or -1.
Compiled libraries are cached (by a hash of the sources) in $CUDASIM_CACHE or the temp folder.
tests/cudasim/fakecupy.py sets the three module settings below: which array type a kernel accepts
(its SimArray: CuPy refuses NumPy arrays), whether kernels run (counting launches at full size
only checks them), and a hook called with each kernel's name (its launch accounting).
"""

import ctypes
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = os.path.join(HERE, "cudasim.h")
GUARD = 4096      # bytes of 0xFF before and after every array
ALIGN = 256       # cudaMalloc's alignment

POINTER_DTYPES = {"float": np.float32, "__half": np.float16, "half": np.float16, "double": np.float64,
                  "int": np.int32, "unsigned int": np.uint32, "long long": np.int64,
                  "unsigned long long": np.uint64, "unsigned char": np.uint8, "bool": np.bool_}
SCALAR_TYPES = {"int": (np.int32, ctypes.c_int32), "unsigned int": (np.uint32, ctypes.c_uint32),
                "float": (np.float32, ctypes.c_float), "double": (np.float64, ctypes.c_double),
                "long long": (np.int64, ctypes.c_int64),
                "unsigned long long": (np.uint64, ctypes.c_uint64)}

ARRAY_TYPE = np.ndarray      # what a pointer argument must be
RUN_KERNELS = True
ON_LAUNCH = None             # called with the kernel's name before each launch

KERNEL_RE = re.compile(r'extern\s+"C"\s+__global__\s+void\s+(?:__launch_bounds__\([^)]*\)\s+)?'
                       r'(\w+)\s*\(([^)]*)\)')


def available():
    """True when g++ is on the PATH (the simulator needs it)."""
    return shutil.which("g++") is not None


class Param:
    """One kernel parameter: its C type as written (minus __restrict__), pointer or not, base type."""

    def __init__(self, text):
        text = " ".join(text.replace("__restrict__", "").split())
        match = re.fullmatch(r"(.*?)([A-Za-z_]\w*)", text)    # "const float* x" -> type, name
        self.c_type, self.name = match.group(1).strip(), match.group(2)
        self.is_pointer = "*" in self.c_type
        self.base = " ".join(w for w in self.c_type.replace("*", " ").split() if w != "const")
        known = POINTER_DTYPES if self.is_pointer else SCALAR_TYPES
        if self.base not in known:
            raise ValueError(f"cudasim: parameter type {self.c_type!r} is not supported")


def parse_kernels(code):
    """{kernel name: [Param]} for every extern "C" __global__ function in the source."""
    return {name: [Param(p) for p in params.split(",") if p.strip()]
            for name, params in KERNEL_RE.findall(code)}


def _launcher(name, params):
    call_args = ", ".join(f"*({p.c_type}*)args[{i}]" for i, p in enumerate(params))
    return (f'extern "C" int cudasim_run_{name}(unsigned gx, unsigned gy, unsigned gz, unsigned bx, '
            f'unsigned by, unsigned bz, void** args, char* error, int error_size) {{\n'
            f'    std::string e = cudasim::launch(dim3(gx, gy, gz), dim3(bx, by, bz), [args] {{\n'
            f'        {name}({call_args});\n'
            f'    }});\n'
            f'    snprintf(error, error_size, "%s", e.c_str());\n'
            f'    return e.empty() ? 0 : 1;\n'
            f'}}\n')


def _cache_dir():
    path = os.environ.get("CUDASIM_CACHE") or os.path.join(tempfile.gettempdir(), "tinygrad_guppy_cudasim")
    os.makedirs(path, exist_ok=True)
    return path


def include_dirs(options):
    """The folders named by the include-path options among NVRTC `options` (-I DIR, -IDIR or
    --include-path=DIR), which g++ takes as -I too."""
    dirs, options = [], list(options)
    for i, option in enumerate(options):
        if option.startswith("--include-path="):
            dirs.append(option.split("=", 1)[1])
        elif option == "-I" and i + 1 < len(options):
            dirs.append(options[i + 1])
        elif option.startswith("-I") and option != "-I":
            dirs.append(option[2:])
    return dirs


def compile_library(code, kernels, includes=()):
    """Compile `code` plus one launcher per kernel into a shared library, with the folders
    `includes` on the include path; returns its path."""
    with open(HEADER) as f:
        header = f.read()
    source = code + "\n// ---- cudasim launchers ----\n" + "".join(_launcher(n, p) for n, p in kernels.items())
    flags = ["-std=c++17", "-O1", "-fPIC", "-shared", "-w"] + [f"-I{d}" for d in includes]
    # the cache key covers what the source may include from those folders, not only the source
    included = "".join(open(os.path.join(d, name), errors="replace").read()
                       for d in includes for name in sorted(os.listdir(d))
                       if os.path.isfile(os.path.join(d, name)))
    key = hashlib.sha256((header + source + included + " ".join(flags)).encode()).hexdigest()[:24]
    library = os.path.join(_cache_dir(), f"kernels-{key}.so")
    if os.path.exists(library):
        return library
    with tempfile.TemporaryDirectory() as tmp:
        cpp = os.path.join(tmp, "kernels.cpp")
        with open(cpp, "w") as f:
            f.write(source)
        out = os.path.join(tmp, "kernels.so")
        cmd = ["g++", *flags, "-include", HEADER, "-I", os.path.join(HERE, "include"), cpp, "-o", out]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"cudasim: g++ failed to compile the kernels:\n{result.stderr[-4000:]}")
        partial = library + f".{os.getpid()}.tmp"
        shutil.copyfile(out, partial)
        os.replace(partial, library)
    return library


class SimModule:
    """Like cupy.RawModule(code=..., options=...): compiles every extern "C" kernel in `code`, with
    the include paths among `options` (the other options are NVRTC's: ignored)."""

    def __init__(self, code, options=()):
        self.kernels = parse_kernels(code)
        if not self.kernels:
            raise ValueError('cudasim: no extern "C" __global__ kernel found in the source')
        self.library = ctypes.CDLL(compile_library(code, self.kernels, include_dirs(options)))

    def get_function(self, name):
        if name not in self.kernels:
            raise AttributeError(f"cudasim: no kernel named {name!r} (have {sorted(self.kernels)})")
        return SimKernel(name, self.kernels[name], getattr(self.library, f"cudasim_run_{name}"))


def _dims(value, what):
    dims = tuple(value) if isinstance(value, (tuple, list)) else (value,)
    if not 1 <= len(dims) <= 3 or not all(isinstance(d, (int, np.integer)) and d > 0 for d in dims):
        raise ValueError(f"cudasim: {what} must be 1 to 3 positive ints, got {value!r}")
    return tuple(int(d) for d in dims) + (1,) * (3 - len(dims))


class _Guarded:
    """A copy of an array's bytes between two guard zones, ALIGN-aligned."""

    def __init__(self, array):
        self.array = array
        self.nbytes = array.nbytes
        self.raw = np.full(GUARD + ALIGN + self.nbytes + GUARD, 0xFF, dtype=np.uint8)
        start = GUARD + (-(self.raw.ctypes.data + GUARD) % ALIGN)
        self.body = self.raw[start:start + self.nbytes]
        self.before, self.after = self.raw[:start], self.raw[start + self.nbytes:]
        self.body[...] = array.reshape(-1).view(np.uint8)

    @property
    def pointer(self):
        return self.body.ctypes.data

    def finish(self, name):
        if not (np.all(self.before == 0xFF) and np.all(self.after == 0xFF)):
            raise RuntimeError(f"cudasim: kernel {name} wrote outside an array of shape "
                               f"{self.array.shape} ({self.array.dtype})")
        self.array.reshape(-1).view(np.uint8)[...] = self.body


class SimKernel:
    def __init__(self, name, params, function):
        self.name, self.params, self.function = name, params, function
        function.restype = ctypes.c_int
        function.argtypes = [ctypes.c_uint] * 6 + [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_int]

    def __call__(self, grid, block, args, shared_mem=0):
        if shared_mem != 0:
            raise ValueError("cudasim: dynamic shared memory is not supported (our kernels use none)")
        grid, block = _dims(grid, "grid"), _dims(block, "block")
        args = tuple(args)
        if len(args) != len(self.params):
            raise TypeError(f"cudasim: {self.name} takes {len(self.params)} arguments, got {len(args)}")
        guarded = {}      # data address -> _Guarded (the same array passed twice shares one copy)
        storage = []      # ctypes values whose addresses go into the argument array
        for i, (p, a) in enumerate(zip(self.params, args)):
            where = f"{self.name} argument {i} ({p.c_type} {p.name})"
            if p.is_pointer:
                if isinstance(a, np.uint64) and a == 0:
                    storage.append(ctypes.c_void_p(0))
                    continue
                if not isinstance(a, ARRAY_TYPE):
                    raise TypeError(f"cudasim: {where} needs a {ARRAY_TYPE.__name__}, got {type(a).__name__}")
                a = np.ndarray.view(a, np.ndarray)     # the bytes, whatever the array class
                if a.dtype != POINTER_DTYPES[p.base]:
                    raise TypeError(f"cudasim: {where} needs dtype {np.dtype(POINTER_DTYPES[p.base])}, "
                                    f"got {a.dtype}")
                if not a.flags.c_contiguous:
                    raise ValueError(f"cudasim: {where} is not C-contiguous (CuPy would pass the base "
                                     f"pointer of this view)")
                address = a.__array_interface__["data"][0]
                if address not in guarded:
                    for other_address, other in guarded.items():
                        if address < other_address + other.nbytes and other_address < address + a.nbytes:
                            raise ValueError(f"cudasim: {where} overlaps another array argument")
                    guarded[address] = _Guarded(a)
                elif guarded[address].nbytes != a.nbytes:
                    raise ValueError(f"cudasim: {where} overlaps another array argument")
                storage.append(ctypes.c_void_p(guarded[address].pointer))
            else:
                numpy_type, c_type = SCALAR_TYPES[p.base]
                if type(a) is not numpy_type:
                    raise TypeError(f"cudasim: {where} needs numpy.{numpy_type.__name__}, got "
                                    f"{type(a).__name__} (CuPy passes a Python int as long long and a "
                                    f"float as double)")
                storage.append(c_type(a))
        if ON_LAUNCH is not None:
            ON_LAUNCH(self.name)
        if not RUN_KERNELS:
            return
        pointers = (ctypes.c_void_p * max(len(storage), 1))(*[ctypes.addressof(s) for s in storage])
        error = ctypes.create_string_buffer(512)
        failed = self.function(*grid, *block, pointers, error, len(error))
        if failed:
            raise RuntimeError(f"cudasim: kernel {self.name}: {error.value.decode()}")
        for g in guarded.values():
            g.finish(self.name)
