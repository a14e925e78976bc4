"""Every kernel file compiles with NVRTC, the compiler CuPy uses at run time, for the T4 (sm_75) and the
H100 (sm_90), with exactly the options CuPy gives it. NVRTC needs no GPU.

What cupy.RawModule(code=..., options=cuda.COMPILE_OPTIONS) does on a GPU (CuPy 14: _core/core.pyx
compile_with_cache, cuda/compiler.py _compile_with_cache_cuda and _compile_using_nvrtc):
    options = [-I its bundled CCCL (3 folders)] + COMPILE_OPTIONS + [-I its own headers,
               -I the CUDA headers that cuda-pathfinder finds (the nvidia-cuda-runtime wheel of the
               [ctk] extra, or a CUDA toolkit)] + [-ftz=true, -arch=sm_XX (straight to a cubin),
               --device-as-default-execution-space]
When CuPy is installed (.ci/run installs it) this test builds the options with CuPy's own function
(assemble_cupy_compiler_options) from cuda.compile_options(name) and compiles with CuPy's own NVRTC
program class: everything but loading the cubin onto a device. (gemm.cu, the optional WMMA GEMM,
includes mma.h, whose crt/ part the [ctk] wheels lack: cuda.py adds it from the nvidia-cuda-nvcc
wheel, which .ci/run installs.) Without CuPy it calls libnvrtc through ctypes with the same options
written out (no CCCL or CuPy folders: our kernels include nothing of theirs), NVRTC from the
nvidia-cuda-nvrtc wheel, $NVRTC_LIBRARY or /usr/local/cuda, the headers from the nvidia-cuda-runtime
wheel, $CUDA_INCLUDE or /usr/local/cuda/include. It is skipped only when none of these is found.

    pip install "cupy-cuda12x>=14" nvidia-cuda-nvrtc-cu12 nvidia-cuda-runtime-cu12 nvidia-cuda-nvcc-cu12
    (what .ci/run adds: CuPy, NVRTC and the CUDA headers, about 270 MB, without the 580 MB cuBLAS)
"""

import ast
import ctypes
import glob
import importlib.util
import os

import pytest

ENGINE = os.path.join(os.path.dirname(__file__), os.pardir, "tinygrad_guppy", "engine")
KERNELS = sorted(glob.glob(os.path.join(ENGINE, "kernels", "*.cu")))
ARCHS = ["75", "90"]     # T4, H100


def compile_options():
    """cuda.COMPILE_OPTIONS, read from cuda.py's source (importing cuda.py needs CuPy)."""
    with open(os.path.join(ENGINE, "cuda.py")) as f:
        for node in ast.parse(f.read()).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILE_OPTIONS":
                return ast.literal_eval(node.value)
    raise AssertionError("cuda.py defines no COMPILE_OPTIONS")


def cupy_compiler():
    """CuPy's options function and NVRTC program class, or None without CuPy (or its NVRTC)."""
    if importlib.util.find_spec("cupy") is None:
        return None
    from cupy._core import core
    from cupy.cuda import compiler
    try:
        compiler._get_nvrtc_version()
        return core.assemble_cupy_compiler_options, compiler._NVRTCProgram
    except Exception:               # CuPy without NVRTC: let the ctypes path look for one
        return None


def wheel_paths(pattern):
    spec = importlib.util.find_spec("nvidia")
    return [p for root in (spec.submodule_search_locations if spec else [])
            for p in sorted(glob.glob(os.path.join(root, pattern)))]


def find_nvrtc():
    candidates = [os.environ.get("NVRTC_LIBRARY", "")] + wheel_paths("*/lib/libnvrtc.so.*")
    candidates += sorted(glob.glob("/usr/local/cuda/lib64/libnvrtc.so.*"))
    return next((c for c in candidates if c and os.path.exists(c) and "builtins" not in c
                 and ".alt." not in c), None)


def find_include():
    candidates = [os.environ.get("CUDA_INCLUDE", "")] + wheel_paths("*/include") + ["/usr/local/cuda/include"]
    return next((c for c in candidates if c and os.path.exists(os.path.join(c, "mma.h"))
                 and os.path.exists(os.path.join(c, "cuda_fp16.h"))), None)


CUPY = cupy_compiler()
NVRTC, INCLUDE = find_nvrtc(), find_include()
# .ci/run sets TINYGRAD_GUPPY_CI: there a missing NVRTC is a failure, not a skip
pytestmark = pytest.mark.skipif(CUPY is None and (NVRTC is None or INCLUDE is None)
                                and not os.environ.get("TINYGRAD_GUPPY_CI"),
                                reason="no NVRTC or no CUDA headers here (see this file's docstring)")


def test_every_kernel_file_is_found():
    assert len(KERNELS) >= 6, KERNELS


def compile_with_cupy(source, name, arch):
    from tinygrad_guppy.engine import cuda         # imports CuPy, which needs no GPU to import
    assemble, program = CUPY
    options = assemble(cuda.compile_options(name[:-len(".cu")]))
    options += ("-ftz=true", f"-arch=sm_{arch}", "--device-as-default-execution-space")
    cubin, _ = program(source.decode(), name, (), (), name_expressions=None, method="cubin").compile(options)
    return cubin


def compile_with_ctypes(source, name, arch):
    for builtins in glob.glob(os.path.join(os.path.dirname(NVRTC), "libnvrtc-builtins.so.*")):
        if ".alt." not in builtins:            # libnvrtc loads it by name: load it first, globally
            ctypes.CDLL(builtins, mode=ctypes.RTLD_GLOBAL)
    nvrtc = ctypes.CDLL(NVRTC)
    program = ctypes.c_void_p()
    assert nvrtc.nvrtcCreateProgram(ctypes.byref(program), source, name.encode(), 0, None, None) == 0
    # the kernels' folder on the include path (for common.cuh), as cuda.compile_options adds it
    options = [*compile_options(), f"--include-path={os.path.join(ENGINE, 'kernels')}", f"-I{INCLUDE}",
               "-ftz=true", f"-arch=sm_{arch}", "--device-as-default-execution-space"]
    status = nvrtc.nvrtcCompileProgram(program, len(options),
                                       (ctypes.c_char_p * len(options))(*[o.encode() for o in options]))
    size = ctypes.c_size_t()
    nvrtc.nvrtcGetProgramLogSize(program, ctypes.byref(size))
    log = ctypes.create_string_buffer(size.value)
    nvrtc.nvrtcGetProgramLog(program, log)
    cubin = ctypes.c_size_t()
    nvrtc.nvrtcGetCUBINSize(program, ctypes.byref(cubin))
    nvrtc.nvrtcDestroyProgram(ctypes.byref(program))
    assert status == 0, f"NVRTC failed on {name} for sm_{arch}:\n{log.value.decode()}"
    return b"x" * cubin.value


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("path", KERNELS, ids=[os.path.basename(p) for p in KERNELS])
def test_kernel_compiles_with_nvrtc(path, arch):
    with open(path, "rb") as f:
        source = f.read()
    name = os.path.basename(path)
    cubin = (compile_with_cupy if CUPY is not None else compile_with_ctypes)(source, name, arch)
    assert len(cubin) > 0, f"{name}: NVRTC made an empty cubin for sm_{arch}"
