"""The GPU checks, written once. tests/test_gpu.py runs them on a real GPU (CuPy); tests/test_gpu_sim.py
runs them on the CPU, with the kernels in cudasim and CuPy faked by NumPy (tests/cudasim).

The kernel checks are tinygrad_guppy.gpucheck's (the self-check a user runs on a new machine): each
gives the GPU code float32 or float16 inputs and compares its output with the float64 NumPy
reference (fused.py, optim.py) computed from the same numbers; a float32 output is held to what its
arithmetic can explain (a count of roundings times its magnitude, see gpucheck's docstring), a
float16 one to llm.c's rule. Here they become assertions, plus what only tests need.
"""

import math

import numpy as np

from tinygrad_guppy import gpucheck
from tinygrad_guppy.engine import backend, optim

EPS = {np.dtype(np.float32): 1.2e-7, np.dtype(np.float16): 1e-2}   # FLT_EPSILON; float16: about 10 ulp


def assert_close(gpu, ref, tol, eps, what):
    """llm.c's rule, |gpu - ref| <= tol + eps |ref|, with the worst offenders named."""
    gpu = backend.to_numpy(gpu).astype(np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    assert gpu.shape == ref.shape, f"{what}: shape {gpu.shape} != reference {ref.shape}"
    assert np.all(np.isfinite(gpu)), f"{what}: non-finite values"
    excess = np.abs(gpu - ref) - (tol + eps * np.abs(ref))
    if np.any(excess > 0):
        worst = np.unravel_index(np.argmax(excess), excess.shape)
        raise AssertionError(f"{what}: {int((excess > 0).sum())} of {excess.size} entries off; worst at "
                             f"{worst}: gpu {gpu[worst]:.6g}, ref {ref[worst]:.6g} (tol {tol}, eps {eps})")


def assert_passed(results):
    assert results, "no check ran"
    failed = [r for r in results if not r.passed]
    assert not failed, "\n" + "\n".join(r.line() for r in failed)


# ---- one kernel file each (gpucheck's checks) -----------------------------------------------------------

def check_layernorm(cuda, xp, N, C, dtype, seed=0):
    assert_passed(gpucheck.check_layernorm(cuda, xp, N, C, dtype, seed))


def check_attention(cuda, xp, B, T, n_head, hs, dtype, p=0.0, packed=False, with_bias=False, seed=0):
    assert_passed(gpucheck.check_attention(cuda, xp, B, T, n_head, hs, dtype, p, packed, with_bias, seed))


def check_cross_entropy(cuda, xp, N, V, dtype, ignore_rows=(), seed=0):
    assert_passed(gpucheck.check_cross_entropy(cuda, xp, N, V, dtype, ignore_rows, seed))


def check_matmul(cuda, xp, M, K, N, transpose_a, transpose_b, dtype, out_dtype, seed=0):
    assert_passed(gpucheck.check_matmul(cuda, xp, M, K, N, transpose_a, transpose_b, dtype, out_dtype, seed))


def check_epilogue(cuda, xp, N, C, dtype, p=0.1, seed=0):
    assert_passed(gpucheck.check_epilogue(cuda, xp, N, C, dtype, p, seed))


def check_embedding(cuda, xp, V, P, B, T, seed=0):
    assert_passed(gpucheck.check_embedding(cuda, xp, V, P, B, T, seed))


def check_dropout_rate(cuda, p=0.1):
    """The kernels' dropout mask drops a fraction p of the entries (within 5 standard errors)."""
    keep = cuda.dropout_keep(7, (4, 6, 64, 64), p)
    n = keep.size
    assert abs((1 - keep.mean()) - p) < 5 * math.sqrt(p * (1 - p) / n), f"dropped {1 - keep.mean():.4f}, p={p}"
    assert not np.array_equal(keep, cuda.dropout_keep(8, (4, 6, 64, 64), p)), "the seed changes nothing"


def check_optimizer(cuda, xp, seed=0):
    """adamw.cu: gpucheck's checks (norm, clip, AdamW's update, float16 copies), then what a step
    does with an inf gradient (found_inf, a skipped step) and the loss scale's course."""
    shapes = [(5, 3), (4100,), (1,), (7, 300)]                  # one tensor spans 3 chunks, one 1 element
    assert_passed(gpucheck.check_optimizer(cuda, xp, shapes, seed=seed))
    rng = np.random.default_rng(seed)
    grads = [rng.normal(size=s) for s in shapes]
    grads[1][17] = np.inf
    out = cuda.grad_norm_and_clip([xp.asarray(g.astype(np.float32)) for g in grads], 1.0)
    assert float(out[2]) == 1.0, "an inf gradient must set found_inf"
    grads[1][17] = 0.5

    device = [xp.asarray(rng.normal(size=s).astype(np.float32)) for s in shapes]
    m = [xp.zeros(s, dtype=np.float32) for s in shapes]
    v = [xp.zeros(s, dtype=np.float32) for s in shapes]
    state = cuda.AdamWState(t=4)
    device_grads = [xp.asarray(g.astype(np.float32)) for g in grads]
    before = [backend.to_numpy(d) for d in device]
    state.step(device, device_grads, m, v, 1e-2, (0.9, 0.95), 1e-8, 0.1, xp.asarray(np.float32(0.5)),
               found_inf=xp.asarray(np.float32(1.0)))
    assert all(np.array_equal(b, backend.to_numpy(d)) for b, d in zip(before, device)), \
        "a skipped step changed a parameter"
    assert state.t == 4, "a skipped step must not count"

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
    """gpucheck.counting_batches (learnable toy data: rows that count up by steps of 1 or 2, then
    padding) as batching.Batch objects."""
    from tinygrad_guppy.app.batching import Batch
    return [Batch(idx, targets, pad_id=cfg.pad_id)
            for idx, targets in gpucheck.counting_batches(cfg, n_batches, B, T, seed)]


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
    gap = np.abs(fp32 - cpu).max()
    assert gap < 1e-3, f"float32 on the GPU left the CPU's curve by {gap:.2e}"
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
