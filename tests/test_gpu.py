"""The GPU path on a real GPU: every CUDA kernel against its float64 NumPy reference (at awkward shapes
and at the model's), our WMMA GEMM and cuBLAS, the optimizer kernels, the full model's loss and all
76 gradients in float32 against the CPU in float64, and a few hundred training steps in float32 and
mixed precision whose losses follow the CPU run's. The checks themselves are in gpu_checks.py (the
simulator tests, test_gpu_sim.py, run the same ones on the CPU).

Skipped cleanly without CuPy or without a GPU. On a GPU machine:
    python -m pytest tests/test_gpu.py -v
"""

import numpy as np
import pytest

import gpu_checks
from tinygrad_guppy.engine import backend

cupy = pytest.importorskip("cupy", reason="CuPy is not installed (pip install -e \".[cuda12]\")")
pytestmark = pytest.mark.skipif(not backend.cuda_available(), reason="CuPy sees no GPU")


@pytest.fixture(scope="module")
def gpu():
    from tinygrad_guppy.engine import cuda
    return cuda, cupy


@pytest.mark.parametrize("N, C", [(1, 3), (19, 45), (33, 384), (4096, 384)])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_layernorm(gpu, N, C, dtype):
    gpu_checks.check_layernorm(*gpu, N, C, dtype)


@pytest.mark.parametrize("B, T, n_head, hs, p, packed, bias", [
    (2, 1, 6, 64, 0.0, False, False),      # T = 1
    (2, 9, 2, 16, 0.1, False, True),       # T and hs not multiples of 32, dropout, the qkv bias
    (3, 37, 3, 24, 0.3, True, False),      # two key tiles, segments
    (4, 100, 6, 64, 0.0, True, True),      # packed rows, four tiles
    (32, 128, 6, 64, 0.1, False, True),    # the model's size
])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_attention(gpu, B, T, n_head, hs, p, packed, bias, dtype):
    gpu_checks.check_attention(*gpu, B, T, n_head, hs, dtype, p, packed, bias)


@pytest.mark.parametrize("N, C, p", [(1, 3, 0.0), (37, 45, 0.1), (4096, 768, 0.1), (4096, 384, 0.0)])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_epilogue(gpu, N, C, p, dtype):
    gpu_checks.check_epilogue(*gpu, N, C, dtype, p)


@pytest.mark.parametrize("V, P, B, T", [(5, 4, 1, 1), (50, 16, 2, 9), (4096, 128, 32, 128)])
def test_embedding(gpu, V, P, B, T):
    gpu_checks.check_embedding(*gpu, V, P, B, T)


def test_dropout_mask_rate(gpu):
    gpu_checks.check_dropout_rate(gpu[0])


@pytest.mark.parametrize("N, V, ignore_rows", [(1, 3, ()), (13, 300, (2, 5)), (4, 40, (0, 1, 2, 3)),
                                               (4096, 4096, tuple(range(0, 4096, 3)))])
@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_cross_entropy(gpu, N, V, ignore_rows, dtype):
    gpu_checks.check_cross_entropy(*gpu, N, V, dtype, ignore_rows)


@pytest.mark.parametrize("gemm", ["cublas", "ours"])
@pytest.mark.parametrize("M, K, N", [(5, 7, 3), (70, 33, 65), (4096, 384, 1152), (4096, 768, 384),
                                     (384, 4096, 768), (4096, 384, 4096)])
@pytest.mark.parametrize("transpose_a, transpose_b", [(False, False), (False, True), (True, False)])
@pytest.mark.parametrize("dtype, out_dtype", [(np.float16, np.float16), (np.float16, np.float32),
                                              (np.float32, np.float32)])
def test_matmul(gpu, monkeypatch, gemm, M, K, N, transpose_a, transpose_b, dtype, out_dtype):
    monkeypatch.setattr(gpu[0], "GEMM", gemm)
    gpu_checks.check_matmul(*gpu, M, K, N, transpose_a, transpose_b, dtype, out_dtype)


def test_our_gemm_agrees_with_cublas(gpu, monkeypatch):
    """The two GEMMs on the same float16 operands (a linear layer's shapes): both sum in float32."""
    cuda, xp = gpu
    rng = np.random.default_rng(0)
    x = xp.asarray(rng.normal(size=(4096, 384)).astype(np.float16))
    w = xp.asarray(rng.normal(size=(1152, 384)).astype(np.float16))
    monkeypatch.setattr(cuda, "GEMM", "cublas")
    theirs = cuda.matmul(x, w, transpose_b=True, out_dtype=np.float32)
    monkeypatch.setattr(cuda, "GEMM", "ours")
    ours = cuda.matmul(x, w, transpose_b=True, out_dtype=np.float32)
    gpu_checks.assert_close(ours, theirs.get(), 1e-3, 1e-5, "our GEMM vs cuBLAS")


def test_optimizer(gpu):
    gpu_checks.check_optimizer(*gpu)


def test_self_check_passes():
    """python -m tinygrad_guppy.gpucheck, the model's shapes (the table it prints is in the output)."""
    from tinygrad_guppy import gpucheck
    assert gpucheck.main([]) == 0


def test_full_model_loss_and_all_76_gradients_match_the_cpu(gpu):
    from tinygrad_guppy.model import GuppyConfig
    worst = gpu_checks.check_model_gradients(GuppyConfig(dropout=0.0), B=4, T=64)
    print(f"worst relative gradient error: {worst:.2e}")


def test_training_follows_the_cpu_for_300_steps(gpu):
    from tinygrad_guppy.model import GuppyConfig
    cfg = GuppyConfig(vocab_size=128, max_seq_len=32, d_model=64, n_layers=2, n_heads=2, ffn_hidden=128,
                      dropout=0.0)
    cpu, fp32, mixed = gpu_checks.check_training_follows(cfg, steps=300, n_batches=32, B=8, T=24)
    print(f"final 25-step mean loss: cpu {cpu[-25:].mean():.4f}, gpu float32 {fp32[-25:].mean():.4f}, "
          f"gpu mixed {mixed[-25:].mean():.4f}")


def test_train_step_returns_device_scalars(gpu):
    """No per-step wait: the loss and the gradient norm come back as device arrays."""
    from tinygrad_guppy.engine import amp
    from tinygrad_guppy.model import GuppyConfig, GuppyLM
    from tinygrad_guppy.engine.optim import AdamW
    from tinygrad_guppy.app.training import train_step

    cfg = GuppyConfig()
    model = GuppyLM(cfg, device="cuda")
    batch = gpu_checks.toy_batches(cfg, 1, B=32, T=64)[0]
    for scaler in (None, amp.GradScaler()):
        loss, grad_norm = train_step(model, AdamW(model.parameters()), batch, 3e-4, 1.0, scaler)
        assert isinstance(loss, cupy.ndarray) and isinstance(grad_norm, cupy.ndarray)
        assert np.isfinite(float(loss)) and np.isfinite(float(grad_norm))
