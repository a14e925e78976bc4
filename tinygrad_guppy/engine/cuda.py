"""The GPU side of the engine: our CUDA kernels and cuBLAS, behind plain functions of CuPy arrays.

Only the GPU path imports this module (backend.py is the one place that picks a device; the ops call
in here when their inputs are CuPy arrays). Each function launches the kernels of one file in
kernels/, whose header gives the math, the shapes and the grid layout, and names the NumPy function
in fused.py or optim.py that computes the same thing on the CPU; tests/test_gpu.py checks each pair.

    y, lse = attention_forward(qkv, None, n_head=6, segments=None, p=0.0, seed=None)   # CuPy in, CuPy out

How the GPU path works, in five rules:
- Kernels are compiled once per process from the .cu files (CuPy caches the binaries on disk) and
  launched with numpy.int32 / numpy.float32 scalars, never Python numbers (CuPy would pass a Python
  int as 8 bytes and the kernel would read garbage).
- Matrix products go to cuBLAS (cublasGemmEx: float16 inputs run on tensor cores and accumulate in
  float32, and a float32 output can be asked for, which the weight gradients use), or, with the
  environment variable TINYGRAD_GUPPY_GEMM=ours, to our readable WMMA kernel in gemm.cu.
- Mixed precision (amp.py) is decided by dtypes: an op given float16 activations computes in float16
  with float32 accumulation; parameters, their gradients, LayerNorm statistics, softmax sums and the
  loss stay float32.
- Nothing here waits for the GPU: every result, scalars included (the loss, the gradient norm, the
  loss scale), stays on the device until someone calls float() on it.
- Nothing random comes from CuPy: a dropout mask is a hash of each element's position and a seed
  that the host draws for the call (draw_seed), decided again in the backward instead of stored.
"""

import functools
import hashlib
import importlib.util
import math
import os

import cupy
import numpy as np

KERNEL_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernels")
# subtle: -D__CUDA_NO_HALF_CONVERSIONS__ keeps cuda_fp16.h apart from the bfloat16 header that mma.h
# pulls in; with CuPy's bundled fp16 header and a newer toolkit's bf16 one they clash (cupy#8146).
# The kernels convert with __float2half / __half2float only, so they lose nothing.
COMPILE_OPTIONS = ("-std=c++17", "-D__CUDA_NO_HALF_CONVERSIONS__")

# Which GEMM runs the float16 matrix products: "cublas" (the default) or "ours" (kernels/gemm.cu).
GEMM = os.environ.get("TINYGRAD_GUPPY_GEMM", "cublas")
if GEMM not in ("cublas", "ours"):
    raise ValueError(f"TINYGRAD_GUPPY_GEMM must be 'cublas' or 'ours', got {GEMM!r}")

MAX_HEAD_SIZE = 64   # attention.cu keeps two features per lane
OPTIMIZER_CHUNK = 2048  # elements per block in adamw.cu (its CHUNK)


def _ceil_div(a, b):
    return -(-a // b)


def _crt_include():
    """-I the folder of crt/mma.h, which mma.h (gemm.cu's WMMA) includes, from the nvidia-cuda-nvcc
    wheel when it is installed: the CUDA headers of CuPy's [ctk] extra have mma.h but not its crt/
    part (a CUDA toolkit has both). () when that wheel is not there."""
    spec = importlib.util.find_spec("nvidia")
    for root in (spec.submodule_search_locations if spec else []):
        folder = os.path.join(root, "cuda_nvcc", "include")
        if os.path.exists(os.path.join(folder, "crt", "mma.h")):
            return ("-I" + folder,)
    return ()


def compile_options(name):
    """The options kernels/<name>.cu is compiled with (CuPy adds its own: tests/test_nvrtc.py):
    ours, the kernels' folder on the include path (for common.cuh), and for gemm.cu crt/mma.h's.

    subtle: CuPy keeps compiled kernels on disk under a hash of the source and the options, not of
    the headers the source includes; the header's own hash among the options makes an edit to
    common.cuh compile the kernels again instead of reusing the old ones.
    """
    with open(os.path.join(KERNEL_DIR, "common.cuh"), "rb") as f:
        header_hash = hashlib.sha256(f.read()).hexdigest()[:16]
    ours = (f"--include-path={KERNEL_DIR}", f"-DCOMMON_CUH_SHA256={header_hash}")
    return COMPILE_OPTIONS + ours + (_crt_include() if name == "gemm" else ())


@functools.lru_cache(maxsize=None)
def _module(name):
    """The compiled kernels/<name>.cu (compiled on first use)."""
    with open(os.path.join(KERNEL_DIR, name + ".cu")) as f:
        return cupy.RawModule(code=f.read(), options=compile_options(name))


@functools.lru_cache(maxsize=None)
def kernel(module_name, function_name):
    return _module(module_name).get_function(function_name)


def _suffix(dtype):
    """The kernel name suffix for an element type: _f32 for float32, _f16 for float16."""
    if dtype == np.float32:
        return "_f32"
    if dtype == np.float16:
        return "_f16"
    raise TypeError(f"our CUDA kernels take float32 or float16 arrays, got {dtype}")


def _null():
    """A null pointer argument (an optional array that is absent): 8 zero bytes, like a pointer."""
    return np.uint64(0)


def _contiguous(a, dtype=None):
    """`a` as a C-contiguous array (of `dtype` if given); no copy when it already is one.
    subtle: a kernel gets only the base pointer of an array, so a strided view would be misread."""
    return cupy.ascontiguousarray(a, dtype=dtype)


# ---- matrix products: cuBLAS or gemm.cu ------------------------------------------------------------

_ONE = np.array(1.0, dtype=np.float32)   # alpha and beta live on the host (cuBLAS pointer mode host)
_ZERO = np.array(0.0, dtype=np.float32)


def _cublas_gemm(op_first, op_second, m, n, k, first, ld_first, second, ld_second, out, ld_out):
    """cuBLAS's column-major out (m, n) = op(first) (m, k) @ op(second) (k, n), with op = transpose
    when the flag is True and leading dimensions ld_*; float32 accumulation (CUBLAS_COMPUTE_32F).
    first and second share a dtype (float16 or float32); out may be float32 for float16 inputs."""
    from cupy_backends.cuda.libs import cublas

    cuda_type = {np.dtype(np.float16): cupy.cuda.runtime.CUDA_R_16F,
                 np.dtype(np.float32): cupy.cuda.runtime.CUDA_R_32F}
    algo = cublas.CUBLAS_GEMM_DEFAULT_TENSOR_OP if first.dtype == np.float16 else cublas.CUBLAS_GEMM_DEFAULT
    cublas.gemmEx(cupy.cuda.device.get_cublas_handle(),
                  cublas.CUBLAS_OP_T if op_first else cublas.CUBLAS_OP_N,
                  cublas.CUBLAS_OP_T if op_second else cublas.CUBLAS_OP_N,
                  m, n, k, _ONE.ctypes.data,
                  first.data.ptr, cuda_type[first.dtype], ld_first,
                  second.data.ptr, cuda_type[second.dtype], ld_second,
                  _ZERO.ctypes.data,
                  out.data.ptr, cuda_type[out.dtype], ld_out,
                  cublas.CUBLAS_COMPUTE_32F, algo)


def matmul(a, b, transpose_a=False, transpose_b=False, out_dtype=None):
    """op(a) @ op(b) for 2-D arrays of one dtype, op = transpose when asked; the transposes are
    read in place, never copied. Returns a C-contiguous (M, N) array of out_dtype (default: the
    inputs' dtype; float32 for float16 inputs gives full-precision sums, as weight gradients need).

    Example: a Linear layer's three products, x (N, in), w (out, in), dy (N, out):
        y = matmul(x, w, transpose_b=True);  dx = matmul(dy, w);  dw = matmul(dy, x, transpose_a=True)

    cuBLAS is column-major: it sees our row-major (M, N) result as its transpose, an (N, M) matrix,
    and C^T = op(b)^T op(a)^T. So it gets b first and a second, each with its own transpose flag
    (a row-major (r, c) buffer is a column-major (c, r) matrix with leading dimension c).
    """
    if a.dtype != b.dtype:
        raise TypeError(f"matmul: operands must share a dtype, got {a.dtype} and {b.dtype}")
    a, b = _contiguous(a), _contiguous(b)
    M, K = a.shape[::-1] if transpose_a else a.shape
    K_b, N = b.shape[::-1] if transpose_b else b.shape
    if K != K_b:
        raise ValueError(f"matmul: inner sizes differ: {a.shape}{'^T' * transpose_a} @ "
                         f"{b.shape}{'^T' * transpose_b}")
    out = cupy.empty((M, N), dtype=out_dtype or a.dtype)
    if GEMM == "ours" and a.dtype == np.float16:
        # A[m, k] = a[m * a_row + k * a_col], and the same for B (see gemm.cu)
        a_row, a_col = (1, a.shape[1]) if transpose_a else (a.shape[1], 1)
        b_row, b_col = (1, b.shape[1]) if transpose_b else (b.shape[1], 1)
        kernel("gemm", "gemm" + _suffix(out.dtype))(
            (_ceil_div(N, 64), _ceil_div(M, 64)), (128,),
            (out, a, b, np.int32(M), np.int32(N), np.int32(K),
             np.int64(a_row), np.int64(a_col), np.int64(b_row), np.int64(b_col)))
    else:
        _cublas_gemm(transpose_b, transpose_a, N, M, K, b, b.shape[1], a, a.shape[1], out, N)
    return out


_half_copies = {}     # id(a float32 weight) -> its float16 copy, inside an amp.autocast block


def use_half_copies(weights):
    """Make the float16 copies of these float32 weights (one launch, half_copies) for the Linear
    layers to use; [] forgets them."""
    _half_copies.clear()
    if weights:
        _half_copies.update({id(w): copy for w, copy in zip(weights, half_copies(weights))})


def linear_forward(x2d, w, b=None):
    """x2d (N, in) float32 or float16, w (out, in) float32, b (out,) float32 or None
    -> y (N, out) in x2d's dtype, and the weight in that dtype (a float16 copy under mixed
    precision, kept for the backward).   y = x @ w^T + b"""
    w_used = w if w.dtype == x2d.dtype else _half_copies.get(id(w))
    if w_used is None:
        w_used = w.astype(x2d.dtype)
    y = matmul(x2d, w_used, transpose_b=True)
    if b is not None:
        y += b        # float16 y + float32 b: computed in float32, rounded to float16
    return y, w_used


def linear_backward(dy2d, x2d, w_used, w_dtype, need_dx=True, need_dw=True, need_db=True):
    """dy2d (N, out) in the forward's compute dtype -> dx (N, in) in x2d's dtype, dw (out, in) and
    db (out,) in w_dtype (float32: the master weights' gradients get float32 sums).
    dx = dy @ w;  dw = dy^T @ x;  db = dy summed over rows."""
    dy2d = _contiguous(dy2d, dtype=x2d.dtype)
    dx = matmul(dy2d, w_used) if need_dx else None
    dw = matmul(dy2d, x2d, transpose_a=True, out_dtype=w_dtype) if need_dw else None
    db = dy2d.sum(axis=0, dtype=w_dtype) if need_db else None
    return dx, dw, db


# ---- dropout: a hash of the position and a seed, decided inside the kernels ---------------------------

def _dropout_threshold(p):
    """keep when hash >= threshold: a probability p of dropping, in 1 / 2^32 steps."""
    return np.uint32(min(round(p * 2.0**32), 2**32 - 1))


def draw_seed(rng):
    """A dropout seed for one kernel call, drawn on the host from the model's NumPy generator: no
    launch, nothing to wait for, and a checkpoint saves the generator's state as on the CPU."""
    return np.uint32(rng.integers(0, 2**32))


def _hash32(x):
    """attention.cu's hash32 on uint32 NumPy arrays (multiplication wraps modulo 2^32)."""
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def dropout_keep(seed, shape, p):
    """The dropout mask the kernels use, in NumPy (for tests): keep[index] for an array of `shape`,
    `seed` an int.   keep = hash32(hash32(position) ^ seed) >= threshold, position = the flat index
    (of (b, h, i, j) for attention's (B, n_head, T, T), of (row, col) for the epilogue kernels)."""
    position = np.arange(math.prod(shape), dtype=np.uint32).reshape(shape)
    return _hash32(_hash32(position) ^ np.uint32(seed)) >= _dropout_threshold(p)


# ---- what follows a matrix product: epilogue.cu -----------------------------------------------------

def _elementwise_grid(n):
    return (max(_ceil_div(n, 256), 1),)


def bias_relu_forward(y, b):
    """y (N, C) float32 or float16 (a product without its bias), b (C,) float32 -> out = relu(y + b)
    in y's dtype. NumPy reference: fused.bias_relu_forward."""
    y = _contiguous(y)
    out = cupy.empty_like(y)
    kernel("epilogue", "bias_relu_forward" + _suffix(y.dtype))(
        _elementwise_grid(y.size), (256,), (out, y, _contiguous(b), np.int64(y.size), np.int32(y.shape[-1])))
    return out


def bias_relu_backward(dout, out):
    """dout, out (N, C) in one dtype -> dy (N, C) in that dtype, db (C,) float32.
    NumPy reference: fused.bias_relu_backward."""
    dout = _contiguous(dout, out.dtype)
    N, C = out.shape
    dy = cupy.empty_like(out)
    db = cupy.empty(C, dtype=np.float32)
    kernel("epilogue", "bias_relu_backward" + _suffix(out.dtype))(
        (_ceil_div(C, 32),), (32, 8), (dy, db, dout, out, np.int32(N), np.int32(C)))
    return dy, db


def _dropout_scalars(p, seed):
    """The three dropout arguments of the epilogue kernels: seed, threshold, 1 / (1 - p)."""
    return np.uint32(seed if p > 0 else 0), _dropout_threshold(p), np.float32(1.0 / (1.0 - p))


def residual_forward(x, y, b, p, seed):
    """x (N, C) float32 (the residual stream), y (N, C) float32 or float16 (a product without its
    bias), b (C,) float32, dropout p with its seed -> out (N, C) float32 = x + dropout(y + b).
    NumPy reference: fused.residual_forward."""
    x, y = _contiguous(x, np.float32), _contiguous(y)
    out = cupy.empty_like(x)
    kernel("epilogue", "residual_forward" + _suffix(y.dtype))(
        _elementwise_grid(x.size), (256,),
        (out, x, y, _contiguous(b), np.int64(x.size), np.int32(x.shape[-1])) + _dropout_scalars(p, seed))
    return out


def residual_backward(dout, y_dtype, p, seed):
    """dout (N, C) float32 -> dy (N, C) of y_dtype, db (C,) float32 (dx is dout itself).
    NumPy reference: fused.residual_backward."""
    dout = _contiguous(dout, np.float32)
    N, C = dout.shape
    dy = cupy.empty((N, C), dtype=y_dtype)
    db = cupy.empty(C, dtype=np.float32)
    kernel("epilogue", "residual_backward" + _suffix(np.dtype(y_dtype)))(
        (_ceil_div(C, 32),), (32, 8), (dy, db, dout, np.int32(N), np.int32(C)) + _dropout_scalars(p, seed))
    return dy, db


def dropout(x, p, seed):
    """x float32 or float16, any shape -> x * keep / (1 - p), keep from the seed (cuda.dropout_keep
    over x's flat index). The backward is the same call on dout with the same seed."""
    x = _contiguous(x)
    out = cupy.empty_like(x)
    kernel("epilogue", "dropout" + _suffix(x.dtype))(
        _elementwise_grid(x.size), (256,), (out, x, np.int64(x.size)) + _dropout_scalars(p, seed))
    return out


# ---- the model's input: embedding.cu ----------------------------------------------------------------

def _positions_argument(positions, N):
    """(pointer or null, batched) for embedding.cu: positions (N,) per row, (T,) shared, or None."""
    if positions is None:
        return _null(), np.int32(0)
    positions = _contiguous(positions, np.int64)
    return positions, np.int32(positions.size == N)


def embedding_forward(tok, pos, idx, positions, p, seed):
    """tok (V, C), pos (P, C) float32, idx (B, T) int64, positions (B, T), (T,) or None (0..T-1),
    dropout p with its seed -> x (B, T, C) float32 = dropout(tok[idx] + pos[positions]).
    NumPy reference: fused.embedding_forward."""
    B, T = idx.shape
    N, C = B * T, tok.shape[1]
    out = cupy.empty((B, T, C), dtype=np.float32)
    kernel("embedding", "embedding_forward")(
        _elementwise_grid(N * C), (256,),
        (out, _contiguous(tok), _contiguous(pos), _contiguous(idx, np.int64), *_positions_argument(positions, N),
         np.int64(N), np.int32(T), np.int32(C)) + _dropout_scalars(p, seed))
    return out


def embedding_backward(dout, idx, positions, V, P, p, seed):
    """dout (B, T, C) float32, and the forward's idx, positions, p, seed -> dtok (V, C), dpos (P, C)
    float32 (two parts of one zeroed buffer: one memset). NumPy reference: fused.embedding_backward."""
    B, T, C = dout.shape
    N = B * T
    both = cupy.zeros((V + P) * C, dtype=np.float32)
    dtok, dpos = both[:V * C].reshape(V, C), both[V * C:].reshape(P, C)
    kernel("embedding", "embedding_backward")(
        _elementwise_grid(N * C), (256,),
        (dtok, dpos, _contiguous(dout, np.float32), _contiguous(idx, np.int64), *_positions_argument(positions, N),
         np.int64(N), np.int32(T), np.int32(C)) + _dropout_scalars(p, seed))
    return dtok, dpos


# ---- LayerNorm: layernorm.cu ------------------------------------------------------------------------

def layernorm_forward(x, w, b, eps, out_dtype):
    """x (N, C) float32, w, b (C,) float32 -> out (N, C) of out_dtype, mean, rstd (N,) float32.
    NumPy reference: fused.layernorm_forward."""
    x = _contiguous(x, np.float32)
    N, C = x.shape
    out = cupy.empty((N, C), dtype=out_dtype)
    mean = cupy.empty(N, dtype=np.float32)
    rstd = cupy.empty(N, dtype=np.float32)
    if N:
        kernel("layernorm", "layernorm_forward" + _suffix(out.dtype))(
            (_ceil_div(N, 8),), (256,),
            (out, mean, rstd, x, _contiguous(w), _contiguous(b), np.int32(N), np.int32(C), np.float32(eps)))
    return out, mean, rstd


def layernorm_backward(dout, x, w, mean, rstd):
    """dout (N, C) float32 or float16, x (N, C), w (C,), mean, rstd (N,) float32
    -> dx (N, C), dw (C,), db (C,) float32, in one launch. NumPy reference: fused.layernorm_backward."""
    dout = _contiguous(dout)
    N, C = x.shape
    dx = cupy.empty((N, C), dtype=np.float32)
    dw = cupy.empty(C, dtype=np.float32)
    db = cupy.empty(C, dtype=np.float32)
    # blocks [0, ceil(N / 8)) compute dx, the next ceil(C / 32) blocks dw and db (see layernorm.cu)
    kernel("layernorm", "layernorm_backward" + _suffix(dout.dtype))(
        (_ceil_div(N, 8) + _ceil_div(C, 32),), (256,),
        (dx, dw, db, dout, x, _contiguous(w), mean, rstd, np.int32(N), np.int32(C)))
    return dx, dw, db


# ---- causal self-attention: attention.cu -------------------------------------------------------------

def _attention_shapes(qkv, n_head):
    B, T, C3 = qkv.shape
    hs = C3 // 3 // n_head
    if hs > MAX_HEAD_SIZE:
        raise ValueError(f"attention: the CUDA kernels take head sizes up to {MAX_HEAD_SIZE}, got "
                         f"{hs} (C={C3 // 3}, n_head={n_head})")
    return B, T, C3 // 3, hs


def attention_forward(qkv, bias, n_head, segments, p, seed):
    """qkv (B, T, 3C) float32 or float16 (a product without its bias), bias (3C,) float32 or None,
    segments (B, T) int64 or None, dropout p with its seed (draw_seed) -> y (B, T, C) in qkv's
    dtype, lse (B, n_head, T) float32. NumPy reference: fused.attention_forward (of qkv + bias;
    it returns probs where we return lse)."""
    qkv = _contiguous(qkv)
    B, T, C, hs = _attention_shapes(qkv, n_head)
    y = cupy.empty((B, T, C), dtype=qkv.dtype)
    lse = cupy.empty((B, n_head, T), dtype=np.float32)
    kernel("attention", "attention_forward" + _suffix(qkv.dtype))(
        (_ceil_div(T, 8), n_head, B), (256,),
        (y, lse, qkv, _null() if segments is None else _contiguous(segments, np.int64),
         _null() if bias is None else _contiguous(bias), np.uint32(seed if p > 0 else 0), np.int32(B),
         np.int32(T), np.int32(n_head), np.int32(hs), np.float32(p), _dropout_threshold(p)))
    return y, lse


def attention_backward(dy, qkv, bias, y, lse, n_head, segments, p, seed):
    """dy (B, T, C), and the forward's qkv, bias, y, lse, segments, p, seed -> dqkv (B, T, 3C) in
    qkv's dtype (the gradient of qkv + bias), dbias (3C,) float32 (None without a bias).
    NumPy reference: fused.attention_backward."""
    dy = _contiguous(dy, qkv.dtype)
    B, T, C, hs = _attention_shapes(qkv, n_head)
    dqkv = cupy.empty_like(qkv)
    D = cupy.empty_like(lse)                  # D_i = dy_i . y_i, from the first kernel to the second
    # the arguments both kernels take after their arrays
    common = (_null() if segments is None else _contiguous(segments, np.int64),
              _null() if bias is None else _contiguous(bias), np.uint32(seed if p > 0 else 0),
              np.int32(B), np.int32(T), np.int32(n_head), np.int32(hs), np.float32(p), _dropout_threshold(p))
    grid, suffix = (_ceil_div(T, 8), n_head, B), _suffix(qkv.dtype)
    kernel("attention", "attention_backward_dq" + suffix)(grid, (256,), (dqkv, D, dy, y, qkv, lse) + common)
    kernel("attention", "attention_backward_dkdv" + suffix)(grid, (256,), (dqkv, dy, qkv, lse, D) + common)
    dbias = None if bias is None else dqkv.reshape(-1, 3 * C).sum(axis=0, dtype=np.float32)
    return dqkv, dbias


# ---- softmax cross-entropy: cross_entropy.cu ---------------------------------------------------------

def cross_entropy_forward(logits, targets, ignore_index):
    """logits (N, V) float32 or float16, targets (N,) integers -> loss () float32, lse (N,) float32,
    n_valid () float32 (at least 1). NumPy reference: fused.cross_entropy_forward."""
    logits = _contiguous(logits)
    targets = _contiguous(targets, np.int64)
    N, V = logits.shape
    losses = cupy.empty(N, dtype=np.float32)
    lse = cupy.empty(N, dtype=np.float32)
    loss = cupy.empty((), dtype=np.float32)
    n_valid = cupy.empty((), dtype=np.float32)
    if N:
        kernel("cross_entropy", "cross_entropy_rows" + _suffix(logits.dtype))(
            (N,), (256,), (losses, lse, logits, targets, np.int32(V), np.int64(ignore_index)))
    kernel("cross_entropy", "cross_entropy_mean")(
        (1,), (256,), (loss, n_valid, losses, targets, np.int32(N), np.int64(ignore_index)))
    return loss, lse, n_valid


def cross_entropy_backward(dloss, logits, lse, targets, n_valid, ignore_index):
    """dloss () (the upstream gradient: 1, or the loss scale) -> dlogits (N, V) in logits' dtype.
    NumPy reference: fused.cross_entropy_backward."""
    logits = _contiguous(logits)
    targets = _contiguous(targets, np.int64)
    N, V = logits.shape
    dlogits = cupy.empty_like(logits)
    if N:
        kernel("cross_entropy", "cross_entropy_backward" + _suffix(logits.dtype))(
            (N,), (256,), (dlogits, logits, lse, targets, _contiguous(dloss, np.float32), n_valid,
                           np.int32(V), np.int64(ignore_index)))
    return dlogits


# ---- the optimizer step: adamw.cu --------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _chunk_tables(sizes):
    """For tensors of the given sizes: chunk_tensor (int32) and chunk_start (int64), one entry per
    block of OPTIMIZER_CHUNK elements, and sizes (int64), all on the device. Cached per size list."""
    tensor, start = [], []
    for t, n in enumerate(sizes):
        for s in range(0, n, OPTIMIZER_CHUNK):
            tensor.append(t)
            start.append(s)
    return (cupy.asarray(np.array(tensor, dtype=np.int32)), cupy.asarray(np.array(start, dtype=np.int64)),
            cupy.asarray(np.array(sizes, dtype=np.int64)))


def _pointer_table(*rows):
    """A (len(rows), n) uint64 device table of the arrays' device addresses. Copied to the device
    (without waiting: CuPy stages it through pinned memory) only when those addresses are new: the
    parameters never move, and the memory pool tends to give the gradients the same places."""
    return _device_table(tuple(tuple(a.data.ptr for a in row) for row in rows))


@functools.lru_cache(maxsize=8)
def _device_table(addresses):
    return cupy.asarray(np.array(addresses, dtype=np.uint64))


def _check_float32(arrays, what):
    for a in arrays:
        if a.dtype != np.float32 or not a.flags.c_contiguous:
            raise TypeError(f"{what}: the CUDA optimizer kernels take contiguous float32 arrays, got "
                            f"{a.dtype} {a.shape}")


def grad_norm_and_clip(grads, max_norm, loss_scale=None):
    """grads: float32 device arrays (gradients of loss * loss_scale), loss_scale a () float32 device
    array or None (1) -> a (3,) float32 device array [norm, multiplier, found_inf]:
    norm = the global norm of the unscaled gradients; multiplier = clip / loss_scale, the factor
    AdamW multiplies the gradients by; found_inf = 1.0 when some gradient is inf or NaN.
    NumPy reference: optim.global_grad_norm and optim.clip_scale."""
    _check_float32(grads, "grad_norm_and_clip")
    sizes = tuple(g.size for g in grads)
    chunk_tensor, chunk_start, sizes_device = _chunk_tables(sizes)
    partial = cupy.empty(len(chunk_tensor), dtype=np.float32)
    out = cupy.empty(3, dtype=np.float32)
    kernel("adamw", "grad_norm_partial")(
        (len(chunk_tensor),), (256,), (partial, _pointer_table(grads)[0], chunk_tensor, chunk_start, sizes_device))
    kernel("adamw", "grad_norm_finalize")(
        (1,), (256,), (out, partial, np.int32(len(partial)), _null() if loss_scale is None else loss_scale,
                       np.float32(max_norm if max_norm is not None else 0.0)))
    return out


class AdamWState:
    """The device-side part of optim.AdamW on the GPU: the step count and bias corrections
    [t, 1 - beta1^t, 1 - beta2^t] as a (3,) float32 device array, so that a step skipped for a
    non-finite gradient (mixed precision) does not count, without the host having to look."""

    def __init__(self, t=0):
        self.scalars = cupy.asarray(np.array([t, 0.0, 0.0], dtype=np.float32))

    @property
    def t(self):
        return int(float(self.scalars[0]))    # waits for the GPU: for checkpoints, not every step

    def step(self, params, grads, m, v, lr, betas, eps, weight_decay, multiplier, found_inf=None):
        """One AdamW update of every parameter (all lists of float32 device arrays, in order);
        multiplier (): the factor on the gradients (clip / loss scale); found_inf () or None: skip
        the whole step when it is 1. NumPy reference: optim.AdamW.step."""
        _check_float32(params + grads + m + v, "AdamW")
        chunk_tensor, chunk_start, sizes = _chunk_tables(tuple(p.size for p in params))
        beta1, beta2 = betas
        found_inf = _null() if found_inf is None else found_inf
        kernel("adamw", "adamw_prepare")(
            (1,), (32,), (self.scalars, found_inf, np.float32(beta1), np.float32(beta2)))
        kernel("adamw", "adamw_update")(
            (len(chunk_tensor),), (256,),
            (_pointer_table(params, m, v), _pointer_table(grads)[0], chunk_tensor, chunk_start, sizes,
             np.int32(len(params)), self.scalars, multiplier, found_inf, np.float32(lr), np.float32(beta1),
             np.float32(beta2), np.float32(eps), np.float32(weight_decay)))


_half_buffers = {}    # sizes of the tensors -> the float16 buffer their copies were last made in


def half_copies(tensors):
    """float16 copies of float32 device arrays, in one launch (mixed precision multiplies with them):
    a list of arrays of the same shapes, parts of one buffer (the same one each time for the same
    sizes: the previous copies are overwritten)."""
    _check_float32(tensors, "half_copies")
    sizes = tuple(t.size for t in tensors)
    chunk_tensor, chunk_start, sizes_device = _chunk_tables(sizes)
    # subtle: the buffer is reused from step to step, so its pointer table is made once. That is
    # safe because a step's backward (the last reader of its copies) is on the GPU's queue before
    # the next step's cast.
    buffer = _half_buffers.get(sizes)
    if buffer is None:
        buffer = _half_buffers[sizes] = cupy.empty(sum(sizes), dtype=np.float16)
    ends = np.cumsum(sizes)
    copies = [buffer[end - n:end].reshape(t.shape) for t, n, end in zip(tensors, sizes, ends)]
    kernel("adamw", "cast_to_half")(
        (len(chunk_tensor),), (256,),
        (_pointer_table(tensors, copies), chunk_tensor, chunk_start, sizes_device, np.int32(len(tensors))))
    return copies


def loss_scale_update(scaler_state, found_inf, growth, backoff, growth_interval):
    """scaler_state (3,) float32 [scale, clean_steps, last_scale] updated in place on the device from
    found_inf (last_scale: the scale of the step just taken, which its gradients hold).
    The rules: amp.GradScaler's docstring (and loss_scale_update in adamw.cu)."""
    kernel("adamw", "loss_scale_update")(
        (1,), (32,), (scaler_state, found_inf, np.float32(growth), np.float32(backoff), np.int32(growth_interval)))
