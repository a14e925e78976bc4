"""Every kernel file compiles with NVRTC, the compiler CuPy uses at run time, with CuPy's options.

nvcc (the compile step in .ci/run) is a close proxy but not the same compiler: it includes host
headers implicitly, so for instance INFINITY compiles there and fails under NVRTC. NVRTC needs no
GPU. This test runs when it finds libnvrtc: from the `nvidia-cuda-nvrtc` wheel
(pip install "nvidia-cuda-nvrtc==13.0.*"), from $NVRTC_LIBRARY (a path to libnvrtc.so), or from
/usr/local/cuda; and the CUDA headers (cuda_fp16.h, mma.h) from /usr/local/cuda/include or
$CUDA_INCLUDE. Otherwise it is skipped.
"""

import ast
import ctypes
import glob
import importlib.util
import os

import pytest

ENGINE = os.path.join(os.path.dirname(__file__), os.pardir, "tinygrad_guppy", "engine")
KERNELS = os.path.join(ENGINE, "kernels")
KERNEL_FILES = sorted(os.path.basename(p) for p in glob.glob(os.path.join(KERNELS, "*.cu")))
assert KERNEL_FILES, f"no .cu files in {KERNELS}"


def compile_options():
    """cuda.COMPILE_OPTIONS, read from cuda.py's source (importing cuda.py needs CuPy)."""
    with open(os.path.join(ENGINE, "cuda.py")) as f:
        for node in ast.parse(f.read()).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILE_OPTIONS":
                return ast.literal_eval(node.value)
    raise AssertionError("cuda.py defines no COMPILE_OPTIONS")


def find_nvrtc():
    candidates = [os.environ.get("NVRTC_LIBRARY", "")]
    spec = importlib.util.find_spec("nvidia")
    for root in (spec.submodule_search_locations if spec else []):
        candidates += sorted(glob.glob(os.path.join(root, "*", "lib", "libnvrtc.so.*")))
    candidates += sorted(glob.glob("/usr/local/cuda/lib64/libnvrtc.so.*"))
    return next((c for c in candidates if c and os.path.exists(c) and "builtins" not in c
                 and ".alt." not in c), None)


def find_include():
    for path in (os.environ.get("CUDA_INCLUDE", ""), "/usr/local/cuda/include"):
        if path and os.path.exists(os.path.join(path, "mma.h")):
            return path
    return None


NVRTC, INCLUDE = find_nvrtc(), find_include()
pytestmark = pytest.mark.skipif(NVRTC is None or INCLUDE is None,
                                reason="no libnvrtc or CUDA headers here (see this file's docstring)")


@pytest.fixture(scope="module")
def nvrtc():
    # libnvrtc loads libnvrtc-builtins by name: load it first, globally, from the same folder
    for builtins in glob.glob(os.path.join(os.path.dirname(NVRTC), "libnvrtc-builtins.so.*")):
        if ".alt." not in builtins:
            ctypes.CDLL(builtins, mode=ctypes.RTLD_GLOBAL)
    return ctypes.CDLL(NVRTC)


@pytest.mark.parametrize("arch", ["75", "90"])
@pytest.mark.parametrize("name", KERNEL_FILES)
def test_kernel_compiles_with_nvrtc(nvrtc, name, arch):
    with open(os.path.join(KERNELS, name), "rb") as f:
        source = f.read()
    program = ctypes.c_void_p()
    assert nvrtc.nvrtcCreateProgram(ctypes.byref(program), source, name.encode(), 0, None, None) == 0
    # the options CuPy's compiler adds for NVRTC, then ours (cuda._module adds the include path
    # of kernels/common.cuh to COMPILE_OPTIONS)
    options = [f"-arch=sm_{arch}", "-ftz=true", "--device-as-default-execution-space", f"-I{INCLUDE}",
               *compile_options(), f"--include-path={KERNELS}"]
    status = nvrtc.nvrtcCompileProgram(program, len(options),
                                       (ctypes.c_char_p * len(options))(*[o.encode() for o in options]))
    size = ctypes.c_size_t()
    nvrtc.nvrtcGetProgramLogSize(program, ctypes.byref(size))
    log = ctypes.create_string_buffer(size.value)
    nvrtc.nvrtcGetProgramLog(program, log)
    cubin = ctypes.c_size_t()
    nvrtc.nvrtcGetCUBINSize(program, ctypes.byref(cubin))
    nvrtc.nvrtcDestroyProgram(ctypes.byref(program))
    assert status == 0 and cubin.value > 0, f"NVRTC failed on {name} for sm_{arch}:\n{log.value.decode()}"
