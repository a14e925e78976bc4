"""The GPU checks, written once. tests/test_gpu.py runs them on a real GPU (CuPy); tests/test_gpu_sim.py
runs them on the CPU, with the kernels in cudasim and CuPy faked by NumPy (tests/cudasim).

Each check gives the GPU code float32 or float16 inputs and compares its output with the float64
NumPy reference (fused.py, optim.py) computed from the same numbers (float16 inputs are rounded
first, so only the kernel's own error is measured). The rule is llm.c's: an entry passes when
|gpu - ref| <= tol + eps * |ref|, with eps the precision of the output type.
"""

import math

import numpy as np

from tinygrad_guppy.engine import backend, fused, optim
from tinygrad_guppy.engine.tensor import Tensor

EPS = {np.dtype(np.float32): 1.2e-7, np.dtype(np.float16): 1e-2}   # FLT_EPSILON; float16: about 10 ulp


def assert_close(gpu, ref, tol, eps, what):
    """llm.c's rule, with the worst offenders named."""
    gpu = backend.to_numpy(gpu).astype(np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    assert gpu.shape == ref.shape, f"{what}: shape {gpu.shape} != reference {ref.shape}"
    assert np.all(np.isfinite(gpu)), f"{what}: non-finite values"
    excess = np.abs(gpu - ref) - (tol + eps * np.abs(ref))
    if np.any(excess > 0):
        worst = np.unravel_index(np.argmax(excess), excess.shape)
        raise AssertionError(f"{what}: {int((excess > 0).sum())} of {excess.size} entries off; worst at "
                             f"{worst}: gpu {gpu[worst]:.6g}, ref {ref[worst]:.6g} (tol {tol}, eps {eps})")


def rounded(a, dtype):
    """a in `dtype` (what the GPU gets) and those same numbers in float64 (what the reference gets)."""
    a = np.asarray(a).astype(dtype)
    return a, a.astype(np.float64)


# ---- one kernel file each ----------------------------------------------------------------------------

def check_layernorm(cuda, xp, N, C, dtype, seed=0):
    """layernorm.cu against fused.layernorm_forward/backward; dtype: the output's and dout's type."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0.5, 2.0, size=(N, C))                      # rows with spread (see fused.LayerNorm)
    w, b = rng.normal(size=C), rng.normal(size=C)
    out, mean, rstd = cuda.layernorm_forward(xp.asarray(x.astype(np.float32)), xp.asarray(w.astype(np.float32)),
                                             xp.asarray(b.astype(np.float32)), 1e-5, dtype)
    x32 = x.astype(np.float32).astype(np.float64)
    w32, b32 = w.astype(np.float32).astype(np.float64), b.astype(np.float32).astype(np.float64)
    out_ref, mean_ref, rstd_ref = fused.layernorm_forward(x32, w32, b32, 1e-5)
    eps = EPS[np.dtype(dtype)]
    assert out.dtype == dtype
    assert_close(out, out_ref, 1e-5, eps, f"layernorm forward out ({N}, {C}) {np.dtype(dtype)}")
    assert_close(mean, mean_ref, 1e-5, EPS[np.dtype(np.float32)], "layernorm forward mean")
    assert_close(rstd, rstd_ref, 1e-5, 1e-6, "layernorm forward rstd")

    dout, dout64 = rounded(rng.normal(size=(N, C)), dtype)
    dx, dw, db = cuda.layernorm_backward(xp.asarray(dout), xp.asarray(x.astype(np.float32)),
                                         xp.asarray(w.astype(np.float32)), mean, rstd)
    dx_ref, dw_ref, db_ref = fused.layernorm_backward(dout64, x32, w32, mean_ref, rstd_ref)
    fp32 = EPS[np.dtype(np.float32)]
    assert_close(dx, dx_ref, 1e-3, fp32, f"layernorm backward dx ({N}, {C})")   # llm.c: 1e-3
    assert_close(dw, dw_ref, 1e-3, fp32, "layernorm backward dw")
    assert_close(db, db_ref, 1e-3, fp32, "layernorm backward db")


def attention_lse(qkv, n_head, allowed):
    """log(sum_j exp(s_ij)) over the allowed keys, in float64 (B, n_head, T)."""
    B, T, C3 = qkv.shape
    hs = C3 // 3 // n_head
    q, k, _ = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)
    att = np.where(allowed, q @ k.swapaxes(-1, -2) / math.sqrt(hs), -np.inf)
    top = att.max(axis=-1, keepdims=True)
    return (top + np.log(np.exp(att - top).sum(axis=-1, keepdims=True)))[..., 0]


def check_attention(cuda, xp, B, T, n_head, hs, dtype, p=0.0, packed=False, seed=0):
    """attention.cu against fused.attention_forward/backward, with the kernels' dropout mask
    (cuda.dropout_keep) and, if packed, segments of several samples per row."""
    rng = np.random.default_rng(seed)
    C = n_head * hs
    qkv, qkv64 = rounded(rng.normal(size=(B, T, 3 * C)), dtype)
    dy, dy64 = rounded(rng.normal(size=(B, T, C)), dtype)
    segments = np.sort(rng.integers(0, 3, size=(B, T)), axis=1) if packed else None
    seed_value = 1234 + seed
    keep = cuda.dropout_keep(seed_value, (B, n_head, T, T), p) if p > 0 else None
    allowed = fused.attention_allowed(T, segments, np)
    y_ref, probs, dropped = fused.attention_forward(qkv64, n_head, allowed, keep, p)
    dqkv_ref = fused.attention_backward(dy64, qkv64, n_head, probs, dropped)

    device_seed = np.uint32(seed_value)
    device_segments = None if segments is None else xp.asarray(segments)
    y, lse = cuda.attention_forward(xp.asarray(qkv), None, n_head, device_segments, p, device_seed)
    dqkv, _ = cuda.attention_backward(xp.asarray(dy), xp.asarray(qkv), None, y, lse, n_head, device_segments, p,
                                      device_seed)
    what = f"attention B={B} T={T} n_head={n_head} hs={hs} p={p} packed={packed} {np.dtype(dtype)}"
    eps = EPS[np.dtype(dtype)]
    tol = 1e-3 if dtype == np.float32 else 1e-2                 # llm.c: 1e-3 float32, 1e-2 half
    assert_close(y, y_ref, tol, eps, what + ": y")
    assert_close(lse, attention_lse(qkv64, n_head, allowed), 1e-4, EPS[np.dtype(np.float32)], what + ": lse")
    assert_close(dqkv, dqkv_ref, tol, eps, what + ": dqkv")


def check_dropout_rate(cuda, p=0.1):
    """The kernels' dropout mask drops a fraction p of the entries (within 5 standard errors)."""
    keep = cuda.dropout_keep(7, (4, 6, 64, 64), p)
    n = keep.size
    assert abs((1 - keep.mean()) - p) < 5 * math.sqrt(p * (1 - p) / n), f"dropped {1 - keep.mean():.4f}, p={p}"
    assert not np.array_equal(keep, cuda.dropout_keep(8, (4, 6, 64, 64), p)), "the seed changes nothing"


def check_cross_entropy(cuda, xp, N, V, dtype, ignore_rows=(), seed=0):
    """cross_entropy.cu against fused.cross_entropy_forward/backward (ignore index 0)."""
    rng = np.random.default_rng(seed)
    logits, logits64 = rounded(rng.normal(0.0, 3.0, size=(N, V)), dtype)
    targets = rng.integers(1, V, size=N) if V > 1 else np.zeros(N, dtype=np.int64)
    targets[list(ignore_rows)] = 0
    losses, exps, sums = fused.cross_entropy_forward(logits64, targets, 0)
    n_valid = max(int((targets != 0).sum()), 1)
    loss_ref = losses.sum() / n_valid
    dloss = float(n_valid)                                      # so that dlogits = p - onehot, of order 1
    dlogits_ref = fused.cross_entropy_backward(np.float64(dloss), exps, sums, targets, 0, n_valid)
    device_logits, device_targets = xp.asarray(logits), xp.asarray(targets)
    loss, lse, n_valid_gpu = cuda.cross_entropy_forward(device_logits, device_targets, 0)
    dlogits = cuda.cross_entropy_backward(xp.asarray(np.float32(dloss)), device_logits, lse, device_targets,
                                          n_valid_gpu, 0)
    what = f"cross-entropy N={N} V={V} {np.dtype(dtype)}"
    fp32 = EPS[np.dtype(np.float32)]
    assert loss.dtype == np.float32 and loss.shape == ()
    assert_close(loss, loss_ref, 1e-5, 10 * fp32, what + ": loss")
    assert float(n_valid_gpu) == float(n_valid), what + ": n_valid"
    assert_close(dlogits, dlogits_ref, 1e-4, EPS[np.dtype(dtype)], what + ": dlogits")   # llm.c: 1e-4


def check_matmul(cuda, xp, M, K, N, transpose_a, transpose_b, dtype, out_dtype, seed=0):
    """cuda.matmul (cuBLAS, or gemm.cu when cuda.GEMM == "ours") against float64 NumPy."""
    rng = np.random.default_rng(seed)
    a, a64 = rounded(rng.normal(size=(K, M) if transpose_a else (M, K)), dtype)
    b, b64 = rounded(rng.normal(size=(N, K) if transpose_b else (K, N)), dtype)
    out = cuda.matmul(xp.asarray(a), xp.asarray(b), transpose_a, transpose_b, out_dtype)
    ref = (a64.T if transpose_a else a64) @ (b64.T if transpose_b else b64)
    assert out.dtype == out_dtype and out.flags.c_contiguous
    assert_close(out, ref, 1e-5 * math.sqrt(K) if out_dtype == np.float32 else 2e-3 * math.sqrt(K),
                 EPS[np.dtype(out_dtype)],
                 f"matmul ({M}, {K}) @ ({K}, {N}) transposes {transpose_a, transpose_b} {np.dtype(dtype)}"
                 f"->{np.dtype(out_dtype)} with {cuda.GEMM}")


def check_optimizer(cuda, xp, steps=4, seed=0):
    """adamw.cu against optim: the norm and clip, AdamW over a few steps, a skipped step, the loss scale."""
    rng = np.random.default_rng(seed)
    shapes = [(5, 3), (4100,), (1,), (7, 300)]                  # one tensor spans 3 chunks, one 1 element
    grads = [rng.normal(size=s) for s in shapes]
    scale = 8.0
    out = cuda.grad_norm_and_clip([xp.asarray((g * scale).astype(np.float32)) for g in grads], 1.0,
                                  xp.asarray(np.float32(scale)))
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads))
    assert_close(out, [norm, optim.clip_scale(norm, 1.0) / scale, 0.0], 1e-6, 1e-5, "grad norm, multiplier, found_inf")
    grads[1][17] = np.inf
    out = cuda.grad_norm_and_clip([xp.asarray(g.astype(np.float32)) for g in grads], 1.0)
    assert float(out[2]) == 1.0, "an inf gradient must set found_inf"
    grads[1][17] = 0.5

    params = [rng.normal(size=s) for s in shapes]
    reference = [Tensor(p.copy(), requires_grad=True) for p in params]
    adamw = optim.AdamW(reference, lr=1e-2, betas=(0.9, 0.95), weight_decay=0.1)
    device = [xp.asarray(p.astype(np.float32)) for p in params]
    m = [xp.zeros(s, dtype=np.float32) for s in shapes]
    v = [xp.zeros(s, dtype=np.float32) for s in shapes]
    state = cuda.AdamWState()
    device_grads = [xp.asarray(g.astype(np.float32)) for g in grads]
    for _ in range(steps):
        for t, g in zip(reference, grads):
            t.grad = g
        adamw.step(grad_scale=0.5)
        state.step(device, device_grads, m, v, 1e-2, (0.9, 0.95), 1e-8, 0.1, xp.asarray(np.float32(0.5)))
    for i, (d, r) in enumerate(zip(device, reference)):
        assert_close(d, r.data, 1e-5, EPS[np.dtype(np.float32)], f"AdamW parameter {i} after {steps} steps")
    assert state.t == steps
    before = [backend.to_numpy(d) for d in device]
    state.step(device, device_grads, m, v, 1e-2, (0.9, 0.95), 1e-8, 0.1, xp.asarray(np.float32(0.5)),
               found_inf=xp.asarray(np.float32(1.0)))
    assert all(np.array_equal(b, backend.to_numpy(d)) for b, d in zip(before, device)), "a skipped step changed a parameter"
    assert state.t == steps, "a skipped step must not count"

    scaler_state = xp.asarray(np.array([1024.0, 0.0, 1024.0], dtype=np.float32))
    course, used = [], []
    for found_inf in [0, 0, 1, 0, 0, 0]:
        cuda.loss_scale_update(scaler_state, xp.asarray(np.float32(found_inf)), 2.0, 0.5, 3)
        scale, _, last = backend.to_numpy(scaler_state).tolist()
        course.append(scale)
        used.append(last)
    assert course == [1024, 1024, 512, 512, 512, 1024], course   # amp.GradScaler's docstring example
    assert used == [1024, 1024, 1024, 512, 512, 512], used       # the scale each step's gradients hold


# ---- the whole model ---------------------------------------------------------------------------------

def check_model_gradients(cfg, B, T, seed=0):
    """The loss and every parameter gradient of GuppyLM(cfg) on the GPU in float32 against the CPU
    in float64, on a batch with packed rows and padding (gradcheck.model_batch). Dropout off: the
    two devices draw different masks. Returns the worst relative error."""
    from tinygrad_guppy.gradcheck import model_batch
    from tinygrad_guppy.model import GuppyLM

    rng = np.random.default_rng(seed)
    idx, targets, segments, positions = model_batch(cfg, T=T, seed=seed)
    if B > 2:                                  # more rows: plain samples, some targets ignored
        extra_idx = rng.integers(3, cfg.vocab_size, size=(B - 2, idx.shape[1]))
        extra_targets = rng.integers(3, cfg.vocab_size, size=(B - 2, idx.shape[1]))
        extra_targets[:, :2] = cfg.pad_id
        idx, targets = np.concatenate([idx, extra_idx]), np.concatenate([targets, extra_targets])
        segments = np.concatenate([segments, np.zeros_like(extra_idx)])
        positions = np.concatenate([positions, np.broadcast_to(np.arange(idx.shape[1]), extra_idx.shape)])
    cpu = GuppyLM(cfg, seed=seed, dtype="float64")
    gpu = GuppyLM(cfg, seed=seed, dtype="float32", device="cuda")
    _, loss_cpu = cpu(idx, targets, segments, positions)
    loss_cpu.backward()
    _, loss_gpu = gpu(idx, targets, segments, positions)
    loss_gpu.backward()
    assert abs(float(loss_gpu.data) - float(loss_cpu.data)) <= 1e-5 * abs(float(loss_cpu.data)), \
        (float(loss_gpu.data), float(loss_cpu.data))
    worst, names = 0.0, 0
    for (name, p_cpu), (_, p_gpu) in zip(cpu.named_parameters(), gpu.named_parameters()):
        g_gpu, g_cpu = backend.to_numpy(p_gpu.grad), p_cpu.grad
        assert g_gpu.dtype == np.float32, name
        relative = np.abs(g_gpu - g_cpu).max() / np.abs(g_cpu).max()
        assert relative <= 1e-4, f"{name}: max |gpu - cpu| is {relative:.2e} of max |cpu|"
        worst, names = max(worst, relative), names + 1
    assert names == len(cpu.parameters())
    return worst


def toy_batches(cfg, n_batches, B, T, seed=0):
    """Learnable toy data: each row counts up from a random start by random steps of 1 or 2 (mod
    the vocabulary), with padding at the end of each row (ignored targets). The loss falls from
    about log(V) towards log(2) (the step cannot be predicted) and stays there."""
    from tinygrad_guppy.app.batching import Batch

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
        batches.append(Batch(idx, targets, pad_id=cfg.pad_id))
    return batches


def train_losses(cfg, device, steps, batches, mixed=False, lr=3e-3, seed=0):
    """Losses of `steps` training steps (AdamW, clip 1.0) through training.train_step."""
    from tinygrad_guppy.engine import amp
    from tinygrad_guppy.model import GuppyLM
    from tinygrad_guppy.app.training import train_step

    model = GuppyLM(cfg, seed=seed, device=device)
    optimizer = optim.AdamW(model.parameters(), lr=lr)
    scaler = amp.GradScaler() if mixed else None
    losses = [train_step(model, optimizer, batches[i % len(batches)], lr, 1.0, scaler)[0] for i in range(steps)]
    return np.array([float(loss) for loss in losses]), optimizer, scaler      # one wait, at the end


def check_training_follows(cfg, steps, n_batches, B, T, lr=3e-3):
    """`steps` training steps on the GPU, in float32 and in mixed precision, against the same steps on
    the CPU in float32 (dropout off: the devices draw different masks). Tolerances, measured on the
    simulator over 300 steps of the 2-layer toy (tests/test_gpu_sim.py):
    - float32: every loss within 1e-3 of the CPU's (measured 6e-7; a GPU sums in other orders);
    - mixed precision: every loss within 0.1, and the means over 25-step windows within 2e-2
      (measured 2.5e-2 and 3.7e-3: float16 activations move single losses, not the curve).
    Returns the three loss curves."""
    batches = toy_batches(cfg, n_batches, B, T)
    cpu, _, _ = train_losses(cfg, "cpu", steps, batches, lr=lr)
    fp32, _, _ = train_losses(cfg, "cuda", steps, batches, lr=lr)
    mixed, _, scaler = train_losses(cfg, "cuda", steps, batches, mixed=True, lr=lr)
    assert np.abs(fp32 - cpu).max() < 1e-3, f"float32 on the GPU left the CPU's curve by {np.abs(fp32 - cpu).max():.2e}"
    assert np.abs(mixed - cpu).max() < 0.1, f"mixed precision left the CPU's curve by {np.abs(mixed - cpu).max():.2e}"
    window = 25 if steps % 25 == 0 else 1
    means = lambda a: a.reshape(-1, window).mean(axis=1)
    assert np.abs(means(mixed) - means(cpu)).max() < 2e-2, (means(mixed), means(cpu))
    assert cpu[-window:].mean() < cpu[:window].mean() - 0.5, "the toy model did not learn: a useless check"
    return cpu, fp32, mixed


# ---- launches per training step (in the simulator) ---------------------------------------------------

def launches_per_step(cfg, B, T, mixed=True, batching="bucket", seed=0):
    """The stream operations of one training step of GuppyLM(cfg) at B x T, counted by the fake CuPy
    (cudasim.fakecupy.count_launches) in its counting mode (kernels checked, not run): the second
    step of a run, after the pointer tables cached by address are forgotten, so that every one of
    them is counted (the most a step can take). batching "pack" adds segments and positions.
    Returns the fake's Launches."""
    import warnings

    from cudasim.fakecupy import count_launches, fake_cupy_installed
    from tinygrad_guppy.app.batching import Batch
    from tinygrad_guppy.app.training import train_step
    from tinygrad_guppy.engine import amp
    from tinygrad_guppy.model import GuppyLM

    with fake_cupy_installed(run_kernels=False) as cuda, warnings.catch_warnings(), \
            np.errstate(all="ignore"):                    # the numbers are meaningless here
        warnings.simplefilter("ignore")
        batch = toy_batches(cfg, 1, B, T, seed)[0]
        if batching == "pack":                            # two samples a row
            segments = (np.arange(T) >= T // 2).astype(np.int64)[None].repeat(B, 0)
            positions = np.where(segments == 0, np.arange(T), np.arange(T) - T // 2)
            batch = Batch(batch.idx, batch.targets, segments, positions, pad_id=cfg.pad_id)
        model = GuppyLM(cfg, seed=seed, device="cuda")
        optimizer = optim.AdamW(model.parameters())
        scaler = amp.GradScaler() if mixed else None
        train_step(model, optimizer, batch, 1e-3, 1.0, scaler)
        cuda._device_table.cache_clear()
        with count_launches() as launches:
            train_step(model, optimizer, batch, 1e-3, 1.0, scaler)
    return launches


def launch_table(launches):
    """A markdown table of launches per op (rows: where, columns: kinds), largest first."""
    kinds = ["cublas", "ours", "cupy", "memset", "to_device", "to_host"]
    rows = sorted(launches.table().items(), key=lambda item: (-sum(item[1].values()), item[0]))
    lines = ["| where | " + " | ".join(kinds) + " | all |", "|---" * (len(kinds) + 2) + "|"]
    for where, counts in rows:
        lines.append(f"| {where} | " + " | ".join(str(counts.get(k, "")) for k in kinds)
                     + f" | {sum(counts.values())} |")
    totals = launches.by("kind")
    lines.append("| **all** | " + " | ".join(str(totals.get(k, "")) for k in kinds) + f" | **{launches.total}** |")
    return "\n".join(lines)
