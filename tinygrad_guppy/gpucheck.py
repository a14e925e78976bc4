"""A self-check of the GPU path: run it first on a new machine (well under a minute on a T4).

    python -m tinygrad_guppy.gpucheck            # the model's shapes
    python -m tinygrad_guppy.gpucheck --small    # small shapes (the tests run this on the simulated GPU)

It prints one table to paste into a bug report:
1. the machine: the GPU, its compute capability and memory, the driver's and the runtime's CUDA
   versions, CuPy, NumPy and Python;
2. every CUDA kernel (engine/kernels/*.cu, through engine/cuda.py) against its NumPy reference
   (engine/fused.py, optim.py) on the same random inputs, in float32 and float16: the worst entry's
   error as a fraction of what it is allowed (so a check passes at 1 or less);
3. 20 training steps of a small model in mixed precision beside the same steps on the CPU in
   float32: both loss curves and the largest difference;
4. the time of one training step of the model (batch 32 x 64, mixed precision), after warm-up.
It exits with status 1 if anything fails.

How much error is allowed. A float32 output is held to what its arithmetic can explain: each
rounding moves a value by at most 2^-24 of itself, so an entry may be off by (a count of roundings)
x 2^-24 x its *magnitude*, the same formula with every term replaced by its absolute value (for a
sum, the sum of the absolute values of its terms: the bound of classic rounding-error analysis).
The count is given per output below, from the longest chain of operations in its kernel (a sum of
n terms split over a warp counts n / 32 + 5), plus one for elementwise outputs; the errors measured
on the simulator stay below it (far below for the sums). So a term off by 0.1% fails. A float16 output is rounded to 11
bits, so it keeps llm.c's looser rule: |gpu - ref| <= tol + 1e-2 |ref|. The reference runs in
float64 on the very numbers the kernel got (float16 inputs rounded first).
"""

import argparse
import dataclasses
import math
import platform
import sys
import time

import numpy as np

from tinygrad_guppy.engine import amp, backend, fused, optim
from tinygrad_guppy.engine.tensor import Tensor
from tinygrad_guppy.model import GuppyConfig, GuppyLM

ULP = 2.0**-24      # float32's unit roundoff


@dataclasses.dataclass
class Result:
    kernel: str          # the .cu file
    what: str            # the output and its shape
    worst: float         # max over the entries of |gpu - ref| / allowed: passes when <= 1
    rule: str            # what is allowed

    @property
    def passed(self):
        return self.worst <= 1.0

    def line(self):
        return (f"{self.kernel:<17} {self.what:<62} {self.worst:>8.3f}  {self.rule:<31} "
                f"{'ok' if self.passed else 'FAIL'}")


def compare(kernel, what, gpu, ref, allowed, rule):
    """A Result: the worst |gpu - ref| / allowed (inf where gpu is not finite or the shape differs)."""
    gpu = backend.to_numpy(gpu).astype(np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    if gpu.shape != ref.shape or not np.all(np.isfinite(gpu)):
        return Result(kernel, what, math.inf, rule)
    worst = float(np.max(np.abs(gpu - ref) / (allowed + 1e-300), initial=0.0))
    return Result(kernel, what, worst, rule)


def float32_allowed(magnitude, roundings):
    return roundings * ULP * np.asarray(magnitude, dtype=np.float64), f"{roundings} ulp of the magnitude"


def float16_allowed(ref, tol):
    return tol + 1e-2 * np.abs(ref), f"{tol:g} + 1e-2 |ref| (float16)"


def check(kernel, what, gpu, ref, magnitude, roundings, tol16=1e-3):
    """compare() with the rule of gpu's dtype: float32 by its arithmetic, float16 by llm.c's."""
    if backend.to_numpy(gpu).dtype == np.float16:
        allowed, rule = float16_allowed(ref, tol16)
    else:
        allowed, rule = float32_allowed(magnitude, roundings)
    shape = "x".join(map(str, np.shape(ref)))
    return compare(kernel, f"{what} ({shape}) {np.dtype(backend.to_numpy(gpu).dtype)}", gpu, ref, allowed, rule)


def rounded(a, dtype):
    """a in `dtype` (what the GPU gets) and those same numbers in float64 (what the reference gets)."""
    a = np.asarray(a).astype(dtype)
    return a, a.astype(np.float64)


def warp_sum_roundings(n):
    """Roundings along a sum of n terms split over a warp's 32 lanes (each adds n / 32, then 5 levels
    of shuffles)."""
    return math.ceil(n / 32) + 5


# ---- one kernel file each ----------------------------------------------------------------------------

def check_layernorm(cuda, xp, N, C, dtype, seed=0):
    """layernorm.cu against fused.layernorm_forward / layernorm_backward; dtype: out's and dout's."""
    rng = np.random.default_rng(seed)
    x, x64 = rounded(rng.normal(0.5, 2.0, size=(N, C)), np.float32)      # rows with spread
    w, w64 = rounded(rng.normal(size=C), np.float32)
    b, b64 = rounded(rng.normal(size=C), np.float32)
    out, mean, rstd = cuda.layernorm_forward(xp.asarray(x), xp.asarray(w), xp.asarray(b), 1e-5, dtype)
    out_ref, mean_ref, rstd_ref = fused.layernorm_forward(x64, w64, b64, 1e-5)
    norm = (x64 - mean_ref[:, None]) * rstd_ref[:, None]
    mean_abs = np.abs(x64).mean(axis=1)
    # out = (x - mean) * rstd * w + b, where mean and rstd carry the sums' errors
    norm_magnitude = (np.abs(x64 - mean_ref[:, None]) + mean_abs[:, None]) * rstd_ref[:, None]
    sums = warp_sum_roundings(C)
    results = [
        check("layernorm.cu", "forward out", out, out_ref, norm_magnitude * np.abs(w64) + np.abs(b64),
              sums + 6, tol16=1e-5),
        check("layernorm.cu", "forward mean", mean, mean_ref, mean_abs, sums + 1),
        check("layernorm.cu", "forward rstd", rstd, rstd_ref, rstd_ref, 2 * sums + 6),
    ]
    dout, dout64 = rounded(rng.normal(size=(N, C)), dtype)
    dx, dw, db = cuda.layernorm_backward(xp.asarray(dout), xp.asarray(x), xp.asarray(w), mean, rstd)
    dx_ref, dw_ref, db_ref = fused.layernorm_backward(dout64, x64, mean_ref, rstd_ref, w64)
    dnorm = np.abs(dout64 * w64)
    dx_magnitude = rstd_ref[:, None] * (dnorm + dnorm.mean(axis=1, keepdims=True)
                                        + np.abs(norm) * (dnorm * np.abs(norm)).mean(axis=1, keepdims=True))
    rows = math.ceil(N / 8) + 3                  # dw, db: 8 row phases, then 8 partial sums
    results += [
        check("layernorm.cu", "backward dx", dx, dx_ref, dx_magnitude, sums + 8),
        check("layernorm.cu", "backward dw", dw, dw_ref, np.abs(dout64 * norm).sum(axis=0), rows + 6),
        check("layernorm.cu", "backward db", db, db_ref, np.abs(dout64).sum(axis=0), rows),
    ]
    return results


def attention_magnitudes(q, k, v, dy, y, lse, allowed, factor, scale):
    """The magnitudes of attention's outputs (B, nh, T, .) from float64 q, k, v, dy, y (B, nh, T, hs),
    lse (B, nh, T), allowed and the dropout factor keep / (1 - p) (B or 1, nh or 1, T, T).
    A probability P = exp(s - lse) is off by (its arguments' error) x P: E = 1 + |q||k| scale + |lse|
    in units of the rounding (the dot product and the subtraction)."""
    scores_abs = np.abs(q) @ np.abs(k).swapaxes(-1, -2) * scale
    s = np.where(allowed, q @ k.swapaxes(-1, -2) * scale, -np.inf)
    P = np.where(allowed, np.exp(s - lse[..., None]), 0.0)
    E = 1.0 + scores_abs + np.abs(lse)[..., None]
    Pd = P * factor
    y_magnitude = (Pd * E) @ np.abs(v) + (Pd * E).sum(axis=-1, keepdims=True) * np.abs(y)
    dP_magnitude = factor * (np.abs(dy) @ np.abs(v).swapaxes(-1, -2))
    D_magnitude = (np.abs(dy) * np.abs(y)).sum(axis=-1, keepdims=True)
    dP = factor * (dy @ v.swapaxes(-1, -2))
    D = (dy * y).sum(axis=-1, keepdims=True)
    dS_magnitude = P * (E * (np.abs(dP) + np.abs(D)) + dP_magnitude + D_magnitude) * scale
    dq = dS_magnitude @ np.abs(k)
    dk = dS_magnitude.swapaxes(-1, -2) @ np.abs(q)
    dv = (Pd * E).swapaxes(-1, -2) @ np.abs(dy)
    return y_magnitude, 1.0 + scores_abs.max(axis=-1) + np.abs(lse), dq, dk, dv


def check_attention(cuda, xp, B, T, n_head, hs, dtype, p=0.0, packed=False, with_bias=False, seed=0):
    """attention.cu against fused.attention_forward / attention_backward, with the kernels' dropout
    mask (cuda.dropout_keep), packed rows (segments) if asked, and the qkv bias if asked."""
    rng = np.random.default_rng(seed)
    C = n_head * hs
    qkv, qkv64 = rounded(rng.normal(size=(B, T, 3 * C)), dtype)
    bias, bias64 = rounded(rng.normal(size=3 * C) if with_bias else np.zeros(3 * C), np.float32)
    dy, dy64 = rounded(rng.normal(size=(B, T, C)), dtype)
    segments = np.sort(rng.integers(0, 3, size=(B, T)), axis=1) if packed else None
    seed_value = np.uint32(1234 + seed)
    keep = cuda.dropout_keep(seed_value, (B, n_head, T, T), p) if p > 0 else None
    allowed = fused.attention_allowed(T, segments, np)
    full = qkv64 + bias64
    y_ref, probs, dropped = fused.attention_forward(full, n_head, allowed, keep, p)
    dqkv_ref = fused.attention_backward(dy64, full, n_head, probs, dropped)

    device_segments = None if segments is None else xp.asarray(segments)
    device_bias = xp.asarray(bias) if with_bias else None
    y, lse = cuda.attention_forward(xp.asarray(qkv), device_bias, n_head, device_segments, p, seed_value)
    dqkv, dbias = cuda.attention_backward(xp.asarray(dy), xp.asarray(qkv), device_bias, y, lse, n_head,
                                          device_segments, p, seed_value)

    heads = lambda a: a.reshape(B, T, -1, n_head, hs).transpose(2, 0, 3, 1, 4)   # (parts, B, nh, T, hs)
    q, k, v = heads(full)
    lse_ref = attention_lse(full, n_head, allowed)
    factor = 1.0 if keep is None else keep / (1.0 - p)
    y_mag, lse_mag, dq_mag, dk_mag, dv_mag = attention_magnitudes(
        q, k, v, heads(dy64)[0], heads(y_ref)[0], lse_ref, allowed, factor, 1.0 / math.sqrt(hs))
    joined = lambda a: a.transpose(1, 3, 0, 2, 4).reshape(B, T, -1)              # back to (B, T, parts * C)
    what = f"{B}x{T} nh={n_head} hs={hs} p={p}{' packed' if packed else ''}{' bias' if with_bias else ''}"
    chain = hs + warp_sum_roundings(T) + 12      # a dot product, the softmax sums, exp, log, the scaling
    results = [
        check("attention.cu", f"forward y {what}", y, y_ref, joined(y_mag[None]), chain + T, tol16=1e-2),
        check("attention.cu", f"forward lse {what}", lse, lse_ref, lse_mag, chain),
        check("attention.cu", f"backward dqkv {what}", dqkv, dqkv_ref,
              joined(np.stack([dq_mag, dk_mag, dv_mag])), 2 * chain + T, tol16=1e-2),
    ]
    if with_bias:   # a sum over rows of the dqkv computed above (in its dtype): checked on its own
        rows = backend.to_numpy(dqkv).astype(np.float64).reshape(-1, 3 * C)
        results.append(check("attention.cu", f"backward dbias {what}", dbias, rows.sum(axis=0),
                             np.abs(rows).sum(axis=0), B * T))
    return results


def attention_lse(qkv, n_head, allowed):
    """log(sum_j exp(s_ij)) over the allowed keys, in float64 (B, n_head, T)."""
    B, T, C3 = qkv.shape
    hs = C3 // 3 // n_head
    q, k, _ = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)
    att = np.where(allowed, q @ k.swapaxes(-1, -2) / math.sqrt(hs), -np.inf)
    top = att.max(axis=-1, keepdims=True)
    return (top + np.log(np.exp(att - top).sum(axis=-1, keepdims=True)))[..., 0]


def check_cross_entropy(cuda, xp, N, V, dtype, ignore_rows=(), seed=0):
    """cross_entropy.cu against fused.cross_entropy_forward / cross_entropy_backward (ignore index 0)."""
    rng = np.random.default_rng(seed)
    logits, logits64 = rounded(rng.normal(0.0, 3.0, size=(N, V)), dtype)
    targets = rng.integers(1, V, size=N) if V > 1 else np.zeros(N, dtype=np.int64)
    targets[list(ignore_rows)] = 0
    losses, exps, sums = fused.cross_entropy_forward(logits64, targets, 0)
    n_valid = max(int((targets != 0).sum()), 1)
    dloss = float(n_valid)                                      # so that dlogits = p - onehot, of order 1
    dlogits_ref = fused.cross_entropy_backward(np.float64(dloss), exps, sums, targets, 0, n_valid)
    device_logits, device_targets = xp.asarray(logits), xp.asarray(targets)
    loss, lse, n_valid_gpu = cuda.cross_entropy_forward(device_logits, device_targets, 0)
    dlogits = cuda.cross_entropy_backward(xp.asarray(np.float32(dloss)), device_logits, lse, device_targets,
                                          n_valid_gpu, 0)
    lse_ref = np.log(sums) + logits64.max(axis=1)
    valid = targets != 0
    picked = np.abs(logits64[np.arange(N), targets])
    chain = warp_sum_roundings(math.ceil(V / 8)) + 12           # 256 threads, then the block's 8 warps
    p_ref = exps / sums[:, None]
    onehot = np.zeros((N, V))
    onehot[np.arange(N), targets] = 1.0
    dlogits_mag = (p_ref * (1.0 + np.abs(logits64) + np.abs(lse_ref)[:, None]) + onehot) * valid[:, None]
    what = f"N={N} V={V}"
    return [
        check("cross_entropy.cu", f"forward loss {what}", loss, losses.sum() / n_valid,
              ((np.abs(lse_ref) + picked + 1.0) * valid).sum() / n_valid, chain + N),
        compare("cross_entropy.cu", f"forward n_valid {what}", n_valid_gpu, float(n_valid), 0.5, "exact"),
        check("cross_entropy.cu", f"backward dlogits {what}", dlogits, dlogits_ref, dlogits_mag, chain + 4,
              tol16=1e-4),
    ]


def check_matmul(cuda, xp, M, K, N, transpose_a, transpose_b, dtype, out_dtype, seed=0):
    """cuda.matmul (cuBLAS, or gemm.cu when cuda.GEMM == "ours") against float64 NumPy."""
    rng = np.random.default_rng(seed)
    a, a64 = rounded(rng.normal(size=(K, M) if transpose_a else (M, K)), dtype)
    b, b64 = rounded(rng.normal(size=(N, K) if transpose_b else (K, N)), dtype)
    out = cuda.matmul(xp.asarray(a), xp.asarray(b), transpose_a, transpose_b, out_dtype)
    op = lambda x, t: x.T if t else x
    ref = op(a64, transpose_a) @ op(b64, transpose_b)
    magnitude = np.abs(op(a64, transpose_a)) @ np.abs(op(b64, transpose_b))
    ops = "".join("T" if t else "N" for t in (transpose_a, transpose_b))
    # K products added in some order (cuBLAS and tensor cores choose it): at most K roundings
    return [check(f"gemm ({cuda.GEMM})", f"{M}x{K} @ {K}x{N} {ops} from {np.dtype(dtype)}", out, ref,
                  magnitude, K + 2, tol16=2e-3 * math.sqrt(K))]


def check_epilogue(cuda, xp, N, C, dtype, p=0.1, seed=0):
    """epilogue.cu against fused.bias_relu_* and fused.residual_*, and the dropout kernel against
    ops.Dropout's formula, with the kernels' mask (cuda.dropout_keep over the (N, C) index)."""
    rng = np.random.default_rng(seed)
    y, y64 = rounded(rng.normal(size=(N, C)), dtype)
    b, b64 = rounded(rng.normal(size=C), np.float32)
    x, x64 = rounded(rng.normal(size=(N, C)), np.float32)
    seed_value = np.uint32(99 + seed)
    scaled_keep = cuda.dropout_keep(seed_value, (N, C), p) / (1.0 - p)
    what = f"N={N} C={C}"
    out = cuda.bias_relu_forward(xp.asarray(y), xp.asarray(b))
    out_ref = fused.bias_relu_forward(y64, b64)
    out16 = backend.to_numpy(out).astype(np.float64)            # what the backward gets
    dout, dout64 = rounded(rng.normal(size=(N, C)), dtype)
    dy, db = cuda.bias_relu_backward(xp.asarray(dout), out)
    dy_ref, db_ref = fused.bias_relu_backward(dout64, out16)
    results = [
        check("epilogue.cu", f"bias_relu out {what}", out, out_ref, np.abs(y64) + np.abs(b64), 2),
        check("epilogue.cu", f"bias_relu dy {what}", dy, dy_ref, np.abs(dout64), 1),
        check("epilogue.cu", f"bias_relu db {what}", db, db_ref, np.abs(dy_ref).sum(axis=0), math.ceil(N / 8) + 8),
    ]
    res = cuda.residual_forward(xp.asarray(x), xp.asarray(y), xp.asarray(b), p, seed_value)
    res_ref = fused.residual_forward(x64, y64, b64, scaled_keep)
    g, g64 = rounded(rng.normal(size=(N, C)), np.float32)
    dy, db = cuda.residual_backward(xp.asarray(g), y.dtype, p, seed_value)
    dy_ref, db_ref = fused.residual_backward(g64, scaled_keep)
    results += [
        check("epilogue.cu", f"residual out p={p} {what}", res, res_ref,
              np.abs(x64) + (np.abs(y64) + np.abs(b64)) * scaled_keep, 5),
        check("epilogue.cu", f"residual dy p={p} {what}", dy, dy_ref, np.abs(dy_ref), 3),
        check("epilogue.cu", f"residual db p={p} {what}", db, db_ref, np.abs(dy_ref).sum(axis=0),
              math.ceil(N / 8) + 9),
    ]
    dropped = cuda.dropout(xp.asarray(y), p, seed_value)
    results.append(check("epilogue.cu", f"dropout p={p} {what}", dropped, y64 * scaled_keep,
                         np.abs(y64 * scaled_keep), 3))
    return results


def check_embedding(cuda, xp, V, P, B, T, seed=0):
    """embedding.cu against fused.embedding_forward / embedding_backward (repeated ids and positions
    restarting per packed sample), with and without dropout."""
    rng = np.random.default_rng(seed)
    C = 24
    tok, tok64 = rounded(rng.normal(size=(V, C)), np.float32)
    pos, pos64 = rounded(rng.normal(size=(P, C)), np.float32)
    idx = rng.integers(0, min(V, 7), size=(B, T))              # few distinct ids: many repeats
    positions = np.concatenate([np.arange(T // 2), np.arange(T - T // 2)])[None].repeat(B, 0)
    dout, dout64 = rounded(rng.normal(size=(B, T, C)), np.float32)
    results = []
    for p, given in ((0.0, None), (0.2, positions)):
        seed_value = np.uint32(7 + seed)
        scaled_keep = cuda.dropout_keep(seed_value, (B * T, C), p).reshape(B, T, C) / (1.0 - p)
        rows = np.arange(T)[None].repeat(B, 0) if given is None else given
        x = cuda.embedding_forward(xp.asarray(tok), xp.asarray(pos), xp.asarray(idx),
                                   None if given is None else xp.asarray(given), p, seed_value)
        x_ref = fused.embedding_forward(tok64, pos64, idx, rows) * scaled_keep
        dtok, dpos = cuda.embedding_backward(xp.asarray(dout), xp.asarray(idx),
                                             None if given is None else xp.asarray(given), V, P, p, seed_value)
        g = dout64 * scaled_keep
        dtok_ref, dpos_ref = fused.embedding_backward(g, idx, rows, V, P)
        dtok_mag, dpos_mag = fused.embedding_backward(np.abs(g), idx, rows, V, P)
        what = f"V={V} B={B} T={T} p={p}"
        results += [
            check("embedding.cu", f"forward {what}", x, x_ref,
                  (np.abs(tok64[idx]) + np.abs(pos64[rows])) * scaled_keep, 4),
            check("embedding.cu", f"backward dtok {what}", dtok, dtok_ref, dtok_mag, B * T + 1),
            check("embedding.cu", f"backward dpos {what}", dpos, dpos_ref, dpos_mag, B * T + 1),
        ]
    return results


def check_optimizer(cuda, xp, shapes, steps=3, seed=0):
    """adamw.cu against optim: the global norm and clip, AdamW's update, the float16 copies."""
    rng = np.random.default_rng(seed)
    grads = [rng.normal(size=s) for s in shapes]
    scale, n = 8.0, sum(math.prod(s) for s in shapes)
    out = cuda.grad_norm_and_clip([xp.asarray((g * scale).astype(np.float32)) for g in grads], 1.0,
                                  xp.asarray(np.float32(scale)))
    grads32 = [g.astype(np.float32).astype(np.float64) for g in grads]
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads32))
    chunks = warp_sum_roundings(2048) + math.ceil(n / 2048 / 256) + 16   # chunk sums, then a block tree
    results = [check("adamw.cu", f"gradient norm ({len(shapes)} tensors, {n:,} numbers)", out[0:1],
                     [norm], [norm], chunks + 4),
               check("adamw.cu", "clip / loss scale", out[1:2], [optim.clip_scale(norm, 1.0) / scale],
                     [1.0 / scale], chunks + 8)]

    params = [rng.normal(size=s).astype(np.float32) for s in shapes]
    reference = [Tensor(p.astype(np.float64), requires_grad=True) for p in params]
    adamw = optim.AdamW(reference, lr=1e-2, betas=(0.9, 0.95), weight_decay=0.1)
    device = [xp.asarray(p) for p in params]
    m = [xp.zeros(s, dtype=np.float32) for s in shapes]
    v = [xp.zeros(s, dtype=np.float32) for s in shapes]
    state = cuda.AdamWState()
    device_grads = [xp.asarray(g.astype(np.float32)) for g in grads]
    worst = None
    for step in range(steps):
        before_gpu = [backend.to_numpy(d).astype(np.float64) for d in device]
        for t, g, b in zip(reference, grads32, before_gpu):
            t.data, t.grad = b.copy(), g               # the reference steps from where the GPU is
        adamw.step(grad_scale=0.5)
        state.step(device, device_grads, m, v, 1e-2, (0.9, 0.95), 1e-8, 0.1, xp.asarray(np.float32(0.5)))
        # the update, p_new - p: the decay, Adam's quotient and the subtraction (about 8 roundings of p
        # and of the update); the moments m and v carry a few more from the steps before
        for i, (d, t, b) in enumerate(zip(device, reference, before_gpu)):
            r = check("adamw.cu", f"AdamW update, step {step + 1}, tensor {i}",
                      backend.to_numpy(d).astype(np.float64) - b, t.data - b,
                      np.abs(b) + np.abs(t.data - b), 8 + 4 * step)
            worst = r if worst is None or r.worst > worst.worst else worst
    results.append(Result(worst.kernel, f"AdamW update ({len(shapes)} tensors, {steps} steps)", worst.worst,
                          worst.rule))
    results.append(compare("adamw.cu", "AdamW step count", float(state.t), float(steps), 0.5, "exact"))

    copies = cuda.half_copies(device)
    exact = all(np.array_equal(backend.to_numpy(c), backend.to_numpy(d).astype(np.float16))
                for c, d in zip(copies, device))
    results.append(Result("adamw.cu", f"float16 copies ({len(shapes)} tensors)", 0.0 if exact else math.inf,
                          "exact (round to nearest)"))
    return results


# ---- the whole GPU path -------------------------------------------------------------------------------

def kernel_results(cuda, xp, small):
    """Every kernel check, at small shapes or at the model's."""
    if small:
        shapes = dict(ln=[(19, 45)], att=[(2, 9, 2, 16, 0.1, True, True), (1, 37, 1, 64, 0.3, False, False)],
                      ce=[(13, 300)], mm=[(70, 33, 65)], epi=[(37, 45)], emb=(50, 16, 2, 9),
                      opt=[(5, 3), (4100,), (1,)])
    else:
        shapes = dict(ln=[(4096, 384)], att=[(32, 128, 6, 64, 0.1, False, True), (4, 100, 6, 64, 0.1, True, True)],
                      ce=[(4096, 4096)], mm=[(4096, 384, 1152), (4096, 768, 384)],
                      epi=[(4096, 768), (4096, 384)], emb=(4096, 128, 32, 128),
                      opt=[(4096, 384), (128, 384), (1152, 384), (1152,), (384,), (768, 384)])
    results = []
    for dtype in (np.float32, np.float16):
        for N, C in shapes["ln"]:
            results += check_layernorm(cuda, xp, N, C, dtype)
        for B, T, nh, hs, p, packed, bias in shapes["att"]:
            results += check_attention(cuda, xp, B, T, nh, hs, dtype, p, packed, bias)
        for N, V in shapes["ce"]:
            results += check_cross_entropy(cuda, xp, N, V, dtype, ignore_rows=range(0, N, 3))
        for M, K, N in shapes["mm"]:
            results += check_matmul(cuda, xp, M, K, N, False, True, dtype, dtype)
            results += check_matmul(cuda, xp, M, K, N, True, False, dtype, np.float32)
        for N, C in shapes["epi"]:
            results += check_epilogue(cuda, xp, N, C, dtype)
    results += check_embedding(cuda, xp, *shapes["emb"])
    results += check_optimizer(cuda, xp, shapes["opt"])
    return results


def counting_batches(cfg, n_batches, B, T, seed=0):
    """Learnable toy data, as (idx, targets) pairs of (B, T) arrays: each row counts up from a random
    start by random steps of 1 or 2 (modulo the vocabulary), then padding (ignored targets). The
    loss falls from about log(V) towards log(2) (the step cannot be predicted)."""
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(n_batches):
        start = rng.integers(3, cfg.vocab_size, size=(B, 1))
        walk = start - 3 + np.cumsum(rng.integers(1, 3, size=(B, T + 1)), axis=1)
        ids = 3 + walk % (cfg.vocab_size - 3)
        idx, targets = ids[:, :-1].copy(), ids[:, 1:].copy()
        for row, length in enumerate(rng.integers(T // 2, T + 1, size=B)):
            idx[row, length:] = cfg.pad_id
            targets[row, length - 1:] = cfg.pad_id
        batches.append((idx, targets))
    return batches


def training_step(cfg, device, mixed=False, lr=3e-3, seed=0):
    """A fresh GuppyLM(cfg) and a function (idx, targets) -> loss (a device scalar on the GPU) that
    takes one training step (AdamW, clip 1.0, the loss scale around the backward when mixed): the
    steps of app/training.train_step, which this layer cannot import."""
    model = GuppyLM(cfg, seed=seed, device=device).train()
    optimizer = optim.AdamW(model.parameters(), lr=lr)
    scaler = amp.GradScaler() if mixed else None

    def step(idx, targets):
        with amp.autocast(enabled=mixed, weights=model.parameters() if mixed else ()):
            _, loss = model(idx, targets)
        optimizer.zero_grad()
        if mixed:
            loss.backward(scaler.scale)
            _, multiplier, found_inf = scaler.unscale_and_clip(optimizer.params, 1.0)
            optimizer.step(lr, grad_scale=multiplier, found_inf=found_inf)
            scaler.update(found_inf)
        else:
            loss.backward()
            optimizer.step(lr, grad_scale=optim.clip_scale(optim.global_grad_norm(optimizer.params), 1.0))
        return loss.data
    return model, step


def train_losses(cfg, device, steps, batches, mixed=False, lr=3e-3, seed=0):
    """The losses of `steps` training steps on the batches, in turn."""
    _, step = training_step(cfg, device, mixed, lr, seed)
    losses = [step(*batches[i % len(batches)]) for i in range(steps)]
    return np.array([float(loss) for loss in losses])         # one wait, at the end


def seconds_per_step(cfg, B, T, steps, warmup=3):
    """Wall time of one mixed-precision training step of GuppyLM(cfg) at B x T, after warm-up steps
    (the first compiles the kernels); the clock stops when the GPU has finished."""
    batches = counting_batches(cfg, 2, B, T)
    _, step = training_step(cfg, "cuda", mixed=True)
    for i in range(warmup):
        float(step(*batches[i % 2]))
    start = time.perf_counter()
    for i in range(steps):
        loss = step(*batches[i % 2])
    float(loss)                                                # waits for the GPU
    return (time.perf_counter() - start) / steps


def machine_lines(cupy):
    props = cupy.cuda.runtime.getDeviceProperties(0)
    name = props["name"].decode() if isinstance(props["name"], bytes) else props["name"]
    version = lambda v: f"{v // 1000}.{v % 1000 // 10}"
    return [f"GPU: {name}, compute capability {props['major']}.{props['minor']}, "
            f"{props['totalGlobalMem'] / 2**30:.1f} GiB, {props['multiProcessorCount']} SMs",
            f"CUDA: driver {version(cupy.cuda.runtime.driverGetVersion())}, runtime "
            f"{version(cupy.cuda.runtime.runtimeGetVersion())}; CuPy {cupy.__version__}, NumPy "
            f"{np.__version__}, Python {platform.python_version()}"]


SMALL_MODEL = GuppyConfig(vocab_size=128, max_seq_len=32, d_model=64, n_layers=2, n_heads=2, ffn_hidden=128,
                          dropout=0.0)
# The largest |mixed - cpu| loss difference allowed over the 20 steps: float16 activations move each
# loss a little (measured 9.6e-3 in the simulator), a wrong kernel moves it by far more.
MIXED_TOLERANCE = 3e-2


def main(argv=None, out=print):
    parser = argparse.ArgumentParser(description="Check the GPU path: kernels, a short training run, "
                                                 "the speed of a step. Paste the output into a bug report.")
    parser.add_argument("--small", action="store_true",
                        help="small shapes and a small model for the timing (for the CUDA simulator)")
    parser.add_argument("--steps", type=int, default=20, help="training steps compared with the CPU (default: 20)")
    args = parser.parse_args(argv)
    if not backend.cuda_available():
        out("gpucheck: no GPU: CuPy is not installed or sees no device (see docs/gpu.md)")
        return 1
    import cupy
    from tinygrad_guppy.engine import cuda

    out("tinygrad-guppy GPU self-check")
    for line in machine_lines(cupy):
        out("  " + line)
    start = time.perf_counter()
    results = kernel_results(cuda, cupy, args.small)
    out(f"\nkernels against their NumPy references ({time.perf_counter() - start:.1f} s; the error column "
        f"is the worst entry's error / what it is allowed):")
    for r in results:
        out("  " + r.line())

    batches = counting_batches(SMALL_MODEL, 4, B=8, T=24)
    cpu = train_losses(SMALL_MODEL, "cpu", args.steps, batches)
    mixed = train_losses(SMALL_MODEL, "cuda", args.steps, batches, mixed=True)
    gap = float(np.abs(mixed - cpu).max())
    training_ok = gap <= MIXED_TOLERANCE and cpu[-1] < cpu[0] - 0.5
    out(f"\n{args.steps} training steps, a 2-layer model, mixed precision on the GPU beside float32 on "
        f"the CPU (largest difference {gap:.2e}, allowed {MIXED_TOLERANCE:g}): "
        f"{'ok' if training_ok else 'FAIL'}")
    out("  cpu:  " + " ".join(f"{x:.3f}" for x in cpu))
    out("  gpu:  " + " ".join(f"{x:.3f}" for x in mixed))

    timing_cfg = SMALL_MODEL if args.small else GuppyConfig()
    B, T = (2, 16) if args.small else (32, 64)
    seconds = seconds_per_step(timing_cfg, B, T, steps=2 if args.small else 20, warmup=1 if args.small else 3)
    out(f"\none training step, mixed precision, {'the 2-layer model' if args.small else 'the full model'} "
        f"at {B} x {T}: {1000 * seconds:.1f} ms (wall time, after warm-up)")
    failed = [r for r in results if not r.passed]
    out(f"\n{len(results) - len(failed)} of {len(results)} kernel checks passed; training "
        f"{'follows' if training_ok else 'does NOT follow'} the CPU.")
    return 0 if not failed and training_ok else 1


if __name__ == "__main__":
    sys.exit(main())
