"""The fake CuPy (tests/cudasim/fakecupy.py) against the real package: every CuPy name the project uses
exists in CuPy with the same kind (function, ufunc, class, method, property, data) and takes the
arguments the project passes. So a simulator test that passes is not passing on an API that real
CuPy lacks.

Real CuPy imports without a GPU (CI installs cupy-cuda12x: .ci/run); it is skipped without it.
cuBLAS's binding module (cupy_backends.cuda.libs.cublas) loads libcublas when imported, and that
library is a 580 MB wheel: a stub library with cuBLAS's name stands in for it (its functions are
only looked up when called, and nothing is called here), so the real binding's constants and
signatures can be read.

What is checked, and how the real side is read:
- the fake module's names (FUNCTIONS, UFUNCS, CONSTANTS and the rest), cupy.cuda's, the ndarray
  attributes (ARRAY_ATTRIBUTES), Generator's methods: the same kind in CuPy;
- every call the fake saw during a short workload (a training step in mixed precision with dropout,
  one in float32, evaluation, generation with the KV cache, checkpoint round trips, the kernels of
  the self-check): its number of positional arguments and its keyword names bind to the real
  signature (inspect's, or the one Cython writes as the first line of a docstring);
- cuBLAS's constants have the real values, and gemmEx takes the 19 arguments cuda.py passes.
"""

import ast
import ctypes
import importlib
import importlib.util
import inspect
import os
import shutil
import subprocess
import sys
import tempfile
import types

import numpy as np
import pytest

import cudasim
from cudasim import fakecupy

pytestmark = [   # .ci/run sets TINYGRAD_GUPPY_CI: there a missing CuPy is a failure, not a skip
    pytest.mark.skipif(importlib.util.find_spec("cupy") is None and not os.environ.get("TINYGRAD_GUPPY_CI"),
                       reason="real CuPy is not installed (pip install \"cupy-cuda12x>=14\")"),
    pytest.mark.skipif(not cudasim.available(), reason="cudasim needs g++"),
]


@pytest.fixture(scope="module")
def real():
    """The real cupy module and its cuBLAS binding (with a stub libcublas)."""
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] in ("cupy", "cupy_backends")}
    for name in saved:
        del sys.modules[name]
    cupy = importlib.import_module("cupy")
    cublas = import_cublas_binding()
    yield types.SimpleNamespace(cupy=cupy, cublas=cublas)
    for name in [n for n in sys.modules if n.split(".")[0] in ("cupy", "cupy_backends")]:
        del sys.modules[name]
    sys.modules.update(saved)


def import_cublas_binding():
    """cupy_backends.cuda.libs.cublas, with a stub loaded under libcublas's name (see the docstring)."""
    os.environ.setdefault("CUPY_CI", "1")          # CuPy's own switch: do not insist on finding libcublas
    folder = tempfile.mkdtemp(prefix="cublas-stub-")
    source = os.path.join(folder, "stub.c")
    with open(source, "w") as f:
        f.write("void tinygrad_guppy_cublas_stub(void) {}\n")
    compiler = shutil.which("gcc") or shutil.which("g++")
    for soname in ("libcublas.so.12", "libcublasLt.so.12", "libcublas.so.13", "libcublasLt.so.13"):
        path = os.path.join(folder, soname)
        subprocess.run([compiler, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", path, source], check=True)
        ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
    flags = sys.getdlopenflags()
    sys.setdlopenflags(os.RTLD_LAZY | os.RTLD_GLOBAL)  # its functions are looked up when called: never
    try:
        return importlib.import_module("cupy_backends.cuda.libs.cublas")
    finally:
        sys.setdlopenflags(flags)


# ---- kinds and signatures -----------------------------------------------------------------------------

def kind(obj, owner=None, name=None):
    """'class', 'ufunc', 'function', 'method', 'property', 'module' or 'data'."""
    if owner is not None:
        raw = inspect.getattr_static(owner, name)
        if isinstance(raw, (property, types.GetSetDescriptorType, types.MemberDescriptorType)):
            return "property"
        return "method" if callable(raw) else "data"
    if isinstance(obj, types.ModuleType) or isinstance(obj, types.SimpleNamespace):
        return "module"
    if isinstance(obj, type):
        return "class"
    if isinstance(obj, np.ufunc) or type(obj).__name__ == "ufunc":
        return "ufunc"
    return "function" if callable(obj) else "data"


def real_signature(obj):
    """inspect's signature of obj, or the one in the first line of its docstring (Cython writes
    "name(self, Py_ssize_t axis1, dtype=None, *, shared_mem=0) -> type" there); self is dropped."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        first = (obj.__doc__ or "").strip().splitlines()[0] if obj.__doc__ else ""
        if "(" not in first:
            return None
        inside = first[first.index("(") + 1:first.rindex(")")]
        params = []
        for part in split_top_level(inside):
            part = part.strip().replace("\\*", "*")
            if not part or part == "self":
                continue
            head, _, default = part.partition("=")
            words = head.split()
            pname = words[-1] if words else head
            params.append(pname + ("=None" if default else ""))
        tree = ast.parse(f"def f({', '.join(params)}): pass")
        namespace = {}
        exec(compile(tree, "<signature>", "exec"), namespace)
        return inspect.signature(namespace["f"])
    params = [p for name, p in signature.parameters.items() if name != "self"]
    return signature.replace(parameters=params)


def split_top_level(text):
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current]


def binds(signature, n_positional, keywords):
    try:
        signature.bind(*range(n_positional), **{k: None for k in keywords})
        return True
    except TypeError:
        return False


# ---- the workload: the project's GPU path, on the fake ----------------------------------------------

@pytest.fixture(scope="module")
def calls(tmp_path_factory):
    """The calls into the fake during a short run of everything the project does on a GPU."""
    import gpu_checks
    from cudasim.fakecupy import fake_cupy_installed
    from tinygrad_guppy import checkpoint, gpucheck
    from tinygrad_guppy.app.training import gradient_norms, held_out_loss, train_step
    from tinygrad_guppy.engine import amp, optim
    from tinygrad_guppy.model import GuppyConfig, GuppyLM
    from tinygrad_guppy.sampling import Generator

    fakecupy.CALLS.clear()
    with fake_cupy_installed() as cuda:
        import cupy
        cfg = GuppyConfig(vocab_size=40, max_seq_len=16, d_model=16, n_layers=1, n_heads=2, ffn_hidden=24,
                          dropout=0.1)
        batches = gpu_checks.toy_batches(cfg, 2, B=2, T=8)
        for scaler in (amp.GradScaler(), None):
            model = GuppyLM(cfg, seed=0, device="cuda")
            optimizer = optim.AdamW(model.parameters())
            for batch in batches:
                train_step(model, optimizer, batch, 1e-3, 1.0, scaler)
            gradient_norms(model, scaler)
            held_out_loss(model, batches)
            optimizer.load_state_dict(optimizer.state_dict())
            if scaler is not None:
                scaler.load_state_dict(scaler.state_dict())
        folder = tmp_path_factory.mktemp("checkpoint")
        checkpoint.save(model, folder)
        model = checkpoint.load(folder, device="cuda").eval()
        list(Generator(model).stream([1, 5, 7], max_new_tokens=3, seed=0))
        gpucheck.check_epilogue(cuda, cupy, 3, 5, np.float16)
        gpucheck.check_embedding(cuda, cupy, 5, 4, 1, 2)
        for gemm in ("cublas", "ours"):
            cuda.GEMM = gemm
            gpucheck.check_matmul(cuda, cupy, 17, 16, 16, False, True, np.float16, np.float32)
        cuda.GEMM = "cublas"
        gpucheck.machine_lines(cupy)
    return set(fakecupy.CALLS)


def resolve(root, dotted):
    obj = root
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


# ---- the tests ----------------------------------------------------------------------------------------------

def test_the_fake_is_checked_against_the_version_it_names(real):
    assert real.cupy.__version__.split(".")[0] == fakecupy.VERSION.split(".")[0], (
        f"fakecupy.VERSION is {fakecupy.VERSION} but CuPy {real.cupy.__version__} is installed: "
        f"check the fake against it and update VERSION")


def test_every_module_name_exists_in_cupy_with_the_same_kind(real):
    fake = fakecupy.make_module()["cupy"]
    names = [n for n in vars(fake) if not n.startswith("__")]
    assert len(names) > 30
    wrong = []
    for name in names:
        if not hasattr(real.cupy, name):
            wrong.append(f"cupy.{name}: missing")
        elif kind(getattr(fake, name)) != kind(getattr(real.cupy, name)) and name not in ("random", "cuda"):
            wrong.append(f"cupy.{name}: fake {kind(getattr(fake, name))}, real {kind(getattr(real.cupy, name))}")
    for dotted in ("random.default_rng", "cuda.runtime.getDeviceCount", "cuda.runtime.runtimeGetVersion",
                   "cuda.runtime.driverGetVersion", "cuda.runtime.getDeviceProperties",
                   "cuda.runtime.CUDA_R_16F", "cuda.runtime.CUDA_R_32F", "cuda.Device", "cuda.MemoryHook",
                   "cuda.device.get_cublas_handle"):
            try:
                real_obj = resolve(real.cupy, dotted)
            except AttributeError:
                wrong.append(f"cupy.{dotted}: missing")
                continue
            fake_obj = resolve(fake, dotted)
            if kind(fake_obj) != kind(real_obj):
                wrong.append(f"cupy.{dotted}: fake {kind(fake_obj)}, real {kind(real_obj)}")
    assert real.cupy.cuda.runtime.CUDA_R_16F == fakecupy.CUDA_R_16F
    assert real.cupy.cuda.runtime.CUDA_R_32F == fakecupy.CUDA_R_32F
    assert not wrong, "\n".join(wrong)


def test_array_attributes_and_generator_methods_exist_with_the_same_kind(real):
    wrong = []
    for name in fakecupy.ARRAY_ATTRIBUTES:
        if not hasattr(real.cupy.ndarray, name):
            wrong.append(f"ndarray.{name}: missing")
        elif kind(None, fakecupy.SimArray, name) != kind(None, real.cupy.ndarray, name):
            wrong.append(f"ndarray.{name}: fake {kind(None, fakecupy.SimArray, name)}, "
                         f"real {kind(None, real.cupy.ndarray, name)}")
    for name in ("random", "integers"):
        if kind(None, real.cupy.random.Generator, name) != kind(None, fakecupy._Generator, name):
            wrong.append(f"random.Generator.{name}")
    for owner, names in ((real.cupy.cuda.Device, ("synchronize", "id", "compute_capability")),
                         (real.cupy.cuda.MemoryPool, ("used_bytes", "total_bytes", "free_all_blocks")),
                         (real.cupy.RawModule, ("get_function",))):
        wrong += [f"{owner.__name__}.{n}: missing" for n in names if not hasattr(owner, n)]
    assert not wrong, "\n".join(wrong)


def test_every_call_the_project_makes_binds_to_the_real_signature(real, calls):
    assert len(calls) > 20
    wrong, unchecked = [], []
    for name, n_positional, keywords in sorted(calls):
        if name.startswith("cupy_backends."):
            target = getattr(real.cublas, name.rsplit(".", 1)[1])
        elif name.startswith("ndarray."):
            target = getattr(real.cupy.ndarray, name.split(".", 1)[1])
        elif name.startswith("random.Generator."):
            target = getattr(real.cupy.random.Generator, name.rsplit(".", 1)[1])
        else:
            target = getattr(real.cupy, name)
        signature = real_signature(target)
        if signature is None:
            unchecked.append(name)
        elif not binds(signature, n_positional, keywords):
            wrong.append(f"{name}({n_positional} positional, keywords {list(keywords)}) does not bind to "
                         f"CuPy's {name}{signature}")
    assert not unchecked, f"no signature found for {unchecked}"
    assert not wrong, "\n".join(wrong)


def test_kernel_modules_are_built_and_called_as_cupy_takes_them(real):
    """cuda.py builds cupy.RawModule(code=..., options=...), gets functions by name and calls each
    kernel(grid, block, args) (cudasim checks the arguments themselves)."""
    module = real_signature(real.cupy.RawModule)
    assert binds(module, 0, ("code", "options"))
    assert binds(real_signature(real.cupy.RawModule.get_function), 1, ())
    assert binds(real_signature(real.cupy.RawKernel.__call__), 3, ())
    assert binds(real_signature(real.cupy.RawKernel.__call__), 3, ("shared_mem",)) or \
        "shared_mem" in real.cupy.RawKernel.__call__.__doc__
    fake = inspect.signature(cudasim.SimModule)
    assert list(fake.parameters) == ["code", "options"]


def test_cublas_binding_matches_the_fake(real):
    for name in ("CUBLAS_OP_N", "CUBLAS_OP_T", "CUBLAS_COMPUTE_32F", "CUBLAS_GEMM_DEFAULT",
                 "CUBLAS_GEMM_DEFAULT_TENSOR_OP"):
        assert getattr(real.cublas, name) == getattr(fakecupy, name), name
    signature = real_signature(real.cublas.gemmEx)
    assert list(signature.parameters) == list(inspect.signature(fakecupy.gemmEx).parameters)
