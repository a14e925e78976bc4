"""The GPU code path on the CPU: our CUDA kernels run in cudasim (a fiber-per-thread emulation of
CUDA, strict about barriers, shared memory and launch arguments), CuPy is faked by NumPy arrays
(tests/cudasim/fakecupy.py), and cuBLAS by a NumPy model of its column-major contract.

These tests run the same checks as tests/test_gpu.py (tests/gpu_checks.py) at small shapes, so every
kernel, every launch wrapper in cuda.py and every GPU branch of the engine (fused ops, Linear, AdamW,
mixed precision, the training step) is exercised on machines without a GPU. They cannot measure
speed, nor catch what only real hardware would (see fakecupy.py's docstring); the GPU run of
tests/test_gpu.py does that. They need g++; they run whether or not CuPy is installed (they are for
machines without a GPU, and the fake stands in for CuPy while they run).
"""

import importlib.util
import os

import numpy as np
import pytest

import cudasim
import gpu_checks
from cudasim.fakecupy import fake_cupy_installed

pytestmark = pytest.mark.skipif(not cudasim.available(), reason="cudasim needs g++")


@pytest.fixture(scope="module")
def gpu():
    """(cuda module, fake cupy module) for the duration of this file's tests."""
    with fake_cupy_installed() as cuda:
        import cupy
        yield cuda, cupy


@pytest.mark.parametrize("N, C", [(1, 3), (19, 45), (40, 64)])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_layernorm(gpu, N, C, dtype):
    gpu_checks.check_layernorm(*gpu, N, C, dtype)


@pytest.mark.parametrize("B, T, n_head, hs, p, packed, bias", [
    (2, 9, 2, 16, 0.0, False, False),     # T and hs not multiples of 32
    (2, 1, 3, 8, 0.1, False, True),       # T = 1, dropout, the qkv bias
    (1, 37, 1, 64, 0.3, True, True),      # two key tiles, segments, dropout, the largest head size
])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_attention(gpu, B, T, n_head, hs, p, packed, bias, dtype):
    gpu_checks.check_attention(*gpu, B, T, n_head, hs, dtype, p, packed, bias)


@pytest.mark.parametrize("N, C, p", [(1, 3, 0.0), (37, 45, 0.1), (64, 70, 0.5)])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_epilogue(gpu, N, C, p, dtype):
    gpu_checks.check_epilogue(*gpu, N, C, dtype, p)


@pytest.mark.parametrize("V, P, B, T", [(5, 4, 1, 1), (50, 16, 2, 9)])
def test_embedding(gpu, V, P, B, T):
    gpu_checks.check_embedding(*gpu, V, P, B, T)


def test_attention_rejects_large_heads(gpu):
    cuda, cupy = gpu
    with pytest.raises(ValueError, match="head sizes up to 64"):
        cuda.attention_forward(cupy.zeros((1, 2, 3 * 128), dtype=np.float32), None, 1, None, 0.0, None)


def test_dropout_mask_rate(gpu):
    gpu_checks.check_dropout_rate(gpu[0])


@pytest.mark.parametrize("N, V, ignore_rows", [(1, 3, ()), (13, 300, (2, 5)), (4, 40, (0, 1, 2, 3))])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_cross_entropy(gpu, N, V, ignore_rows, dtype):
    gpu_checks.check_cross_entropy(*gpu, N, V, dtype, ignore_rows)


@pytest.mark.parametrize("gemm", ["cublas", "ours"])
@pytest.mark.parametrize("M, K, N", [(5, 7, 3), (70, 33, 65)])
@pytest.mark.parametrize("transpose_a, transpose_b", [(False, False), (False, True), (True, False)])
@pytest.mark.parametrize("dtype, out_dtype", [(np.float16, np.float16), (np.float16, np.float32),
                                              (np.float32, np.float32)])
def test_matmul(gpu, monkeypatch, gemm, M, K, N, transpose_a, transpose_b, dtype, out_dtype):
    monkeypatch.setattr(gpu[0], "GEMM", gemm)
    gpu_checks.check_matmul(*gpu, M, K, N, transpose_a, transpose_b, dtype, out_dtype)


def test_optimizer(gpu):
    gpu_checks.check_optimizer(*gpu)


def test_gpucheck_runs_and_passes(gpu):
    """python -m tinygrad_guppy.gpucheck --small (the self-check a user runs on a new machine): its
    table, every kernel passing, the training run following the CPU."""
    from tinygrad_guppy import gpucheck
    lines = []
    assert gpucheck.main(["--small", "--steps", "8"], out=lines.append) == 0, "\n".join(lines)
    text = "\n".join(lines)
    assert "GPU: cudasim (the CPU), compute capability 7.5" in text and "CuPy 14.2.0" in text
    for kernel in ("layernorm.cu", "attention.cu", "cross_entropy.cu", "epilogue.cu", "embedding.cu", "adamw.cu"):
        assert kernel in text
    assert "FAIL" not in text and "training follows the CPU" in text and " ms " in text


def tiny(dropout=0.0):
    from tinygrad_guppy.model import GuppyConfig
    return GuppyConfig(vocab_size=50, max_seq_len=16, d_model=32, n_layers=2, n_heads=2, ffn_hidden=48,
                       dropout=dropout)


def test_model_gradients_match_the_cpu(gpu):
    worst = gpu_checks.check_model_gradients(tiny(), B=3, T=12)
    assert worst < 1e-4


@pytest.mark.parametrize("mixed", [False, True])
def test_training_follows_the_cpu(gpu, mixed):
    cfg = tiny()
    batches = gpu_checks.toy_batches(cfg, 3, B=4, T=12)
    cpu, _, _ = gpu_checks.train_losses(cfg, "cpu", 6, batches)
    device, optimizer, scaler = gpu_checks.train_losses(cfg, "cuda", 6, batches, mixed=mixed)
    # float32: the same arithmetic up to summation order. Mixed precision: float16 activations
    # (11-bit mantissa) move the loss by about 1e-4 here (measured: 4e-4 at most over 12 steps).
    assert np.abs(device - cpu).max() < (2e-3 if mixed else 1e-5), (device, cpu)
    assert optimizer.state_dict()["t"] == 6
    if mixed:
        assert scaler.state_dict() == {"scale": 2.0**16, "clean_steps": 6}


def test_mixed_precision_skips_an_overflowing_step(gpu):
    """A loss scale so large that float16 gradients overflow: the step is skipped on the device
    (parameters and step count unchanged) and the scale halves."""
    from tinygrad_guppy.engine import amp, backend
    from tinygrad_guppy.model import GuppyLM
    from tinygrad_guppy.engine.optim import AdamW
    from tinygrad_guppy.app.training import train_step

    cfg = tiny()
    batch = gpu_checks.toy_batches(cfg, 1, B=2, T=8)[0]
    model = GuppyLM(cfg, seed=0, device="cuda")
    optimizer = AdamW(model.parameters())
    scaler = amp.GradScaler(init_scale=2.0**40)
    before = {n: backend.to_numpy(p.data) for n, p in model.named_parameters()}
    loss, grad_norm = train_step(model, optimizer, batch, 1e-3, 1.0, scaler)
    assert np.isfinite(float(loss))
    assert scaler.state_dict()["scale"] == 2.0**39
    assert optimizer.state_dict()["t"] == 0
    assert all(np.array_equal(before[n], backend.to_numpy(p.data)) for n, p in model.named_parameters())


def test_checkpoint_loads_onto_the_gpu(gpu, tmp_path):
    """checkpoint.load(device="cuda") builds the model without drawing weights (zeros on the
    device), then copies the file's weights in: the same weights and logits as on the CPU."""
    from tinygrad_guppy import checkpoint
    from tinygrad_guppy.engine import backend
    from tinygrad_guppy.model import GuppyLM

    cuda, cupy = gpu
    model = GuppyLM(tiny(), seed=3).eval()
    checkpoint.save(model, tmp_path)
    loaded = checkpoint.load(tmp_path, device="cuda").eval()
    assert all(backend.xp(p.data) is cupy for p in loaded.parameters())
    for name, array in model.state_dict().items():
        np.testing.assert_array_equal(loaded.state_dict()[name], array)
    idx = np.arange(3, 11).reshape(1, 8)
    # float32 on both, summed in another order by the kernels: measured 9e-8 apart (logits ~0.5)
    np.testing.assert_allclose(backend.to_numpy(loaded(idx)[0].data), model(idx)[0].numpy(), atol=1e-6)


def test_dropout_on_the_gpu_path_trains(gpu):
    """With dropout (drawn on the device, in the attention kernels too) the loss still falls."""
    cfg = tiny(dropout=0.1)
    batches = gpu_checks.toy_batches(cfg, 2, B=4, T=12)
    losses, _, _ = gpu_checks.train_losses(cfg, "cuda", 8, batches, mixed=True, lr=1e-2)
    assert losses[-2:].mean() < losses[:2].mean() - 0.1, losses


def test_bench_gpu_loop_runs(gpu, monkeypatch):
    """bench/gpu.py's step timing and recipe loop, ours only, at a toy size: a smoke test of its Python."""
    spec = importlib.util.spec_from_file_location(
        "bench_gpu", os.path.join(os.path.dirname(__file__), os.pardir, "bench", "gpu.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    monkeypatch.setitem(bench.RECIPE, "batch_size", 4)
    cfg = tiny()
    cfg.max_seq_len = 64
    assert bench.seconds_per_step(bench.ours(cfg), bench.fixed_batches(cfg, 8, 2), 2) > 0
    result = bench.run_recipe(bench.ours(cfg), "bucket", bench.synthetic_samples(50, cfg.vocab_size), 3)
    assert result["ms"] > 0 and result["useful_per_s"] > 0


def test_mixed_precision_needs_the_gpu():
    from tinygrad_guppy.model import GuppyLM
    from tinygrad_guppy.engine.optim import AdamW
    from tinygrad_guppy.app.training import train_step

    cfg = tiny()
    model = GuppyLM(cfg)
    with pytest.raises(ValueError, match="mixed precision"):
        train_step(model, AdamW(model.parameters()), gpu_checks.toy_batches(cfg, 1, 2, 8)[0], 1e-3, 1.0,
                   scaler=object())


@pytest.mark.slow
def test_training_follows_the_cpu_for_300_steps(gpu):
    """test_gpu.py's long check at the toy size (about a minute here); its tolerances come from this."""
    gpu_checks.check_training_follows(tiny(), steps=300, n_batches=32, B=4, T=12)


# ---- the three bugs a first real GPU run would have met (issue 11) -----------------------------------

def test_dropout_generator_state_is_json_and_restores_on_the_gpu(gpu):
    """train.py saves the dropout generator's state in every checkpoint (as JSON) and sets it back on
    --resume. On a CuPy Generator bit_generator.state is a method (json.dumps raised TypeError)."""
    import json
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir))
    import train
    from tinygrad_guppy.model import GuppyLM

    cfg = tiny(dropout=0.3)
    batch = gpu_checks.toy_batches(cfg, 1, B=2, T=8)[0]
    model = GuppyLM(cfg, seed=0, device="cuda")
    state = json.loads(json.dumps(train.rng_state(model.dropout_rng)))
    first = float(model(batch.idx, batch.targets)[1].data)
    model.dropout_rng.bit_generator.state = state
    assert float(model(batch.idx, batch.targets)[1].data) == first     # the same masks again


def test_mixed_precision_dropout_on_cupy_13_3():
    """CuPy 12.x-13.3 (what pip left on Colab) fill a float16 Generator.random array with a float32
    kernel, writing past its end; the fake CuPy at version 13.3 raises there. Training with dropout
    in mixed precision must not depend on it."""
    with fake_cupy_installed(version="13.3.0"):
        cfg = tiny(dropout=0.1)
        batches = gpu_checks.toy_batches(cfg, 2, B=2, T=8)
        losses, _, _ = gpu_checks.train_losses(cfg, "cuda", 2, batches, mixed=True)
        assert np.all(np.isfinite(losses))


def test_logged_gradient_norms_are_unscaled_in_mixed_precision(gpu):
    """The per-parameter gradient norms train.py logs at each evaluation: the same (within float16's
    precision) after a mixed-precision step as after a float32 one, not 65,536 times larger."""
    from tinygrad_guppy.engine import amp
    from tinygrad_guppy.model import GuppyLM
    from tinygrad_guppy.engine.optim import AdamW
    from tinygrad_guppy.app.training import gradient_norms, train_step

    cfg = tiny()
    batch = gpu_checks.toy_batches(cfg, 1, B=2, T=8)[0]
    norms = []
    for scaler in (None, amp.GradScaler()):
        model = GuppyLM(cfg, seed=0, device="cuda")
        train_step(model, AdamW(model.parameters()), batch, 1e-3, 1.0, scaler)
        norms.append(gradient_norms(model, scaler))
    for name, norm in norms[0].items():
        assert abs(norms[1][name] - norm) <= 0.02 * norm + 1e-6, (name, norms[1][name], norm)


# ---- launches per training step ----------------------------------------------------------------------

# The most stream operations (kernel launches, cuBLAS calls, memsets, copies) one training step of the
# full model may take at batch 32 x 40 (the recipe's real lengths), counted by the fake CuPy; see
# bench/README.md (section "launches") for the breakdown. Was 360 (mixed) and 322 (float32).
MAX_LAUNCHES = {"mixed": 192, "float32": 193, "mixed, packed rows": 192}


def test_bench_launches_prints_the_table(capsys):
    """bench/launches.py, the script behind bench/README.md's table (a small model: quick)."""
    spec = importlib.util.spec_from_file_location(
        "bench_launches", os.path.join(os.path.dirname(__file__), os.pardir, "bench", "launches.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--B", "2", "--T", "8", "--pack"]) == 0
    out = capsys.readouterr().out
    assert "stream operations per training step at 2 x 8" in out and "| Linear.forward | 25 |" in out


@pytest.mark.parametrize("case", list(MAX_LAUNCHES))
def test_launches_per_training_step(case, capsys):
    from tinygrad_guppy.model import GuppyConfig
    launches = gpu_checks.launches_per_step(GuppyConfig(), B=32, T=40, mixed=case != "float32",
                                            batching="pack" if "packed" in case else "bucket")
    with capsys.disabled():
        print(f"\n{case}: {launches.total} launches per step at 32 x 40, {launches.by('kind')}")
    assert launches.count("to_host") == 0, "a training step waited for the GPU"
    assert launches.count("cublas") == 75          # 25 products forward, 50 backward
    assert launches.total <= MAX_LAUNCHES[case], "\n" + gpu_checks.launch_table(launches)
