"""Our checkpoints in PyTorch: the same architecture written in torch loads our model.safetensors
with load_state_dict(strict=True) under the original names and gives the same logits. Skipped when
torch is not installed (it is never a dependency)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from tinygrad_guppy import checkpoint, gradcheck  # noqa: E402
from tinygrad_guppy.model import GuppyConfig, GuppyLM  # noqa: E402
from torch_reference import TorchGuppyLM  # noqa: E402


def load_into_torch(folder, dtype=torch.float32):
    from safetensors.torch import load_file
    cfg = checkpoint.load_config(folder)
    ref = TorchGuppyLM(cfg).to(dtype)
    ref.load_state_dict({k: v.to(dtype) for k, v in load_file(f"{folder}/model.safetensors").items()},
                        strict=True)
    return ref.eval()


def test_torch_loads_our_safetensors_and_gives_the_same_logits(tmp_path):
    model = GuppyLM(GuppyConfig(), seed=0)
    checkpoint.save(model, tmp_path)
    ref = load_into_torch(tmp_path)
    idx = np.random.default_rng(0).integers(0, 4096, size=(2, 40))
    ours = model.eval()(idx)[0].numpy()
    with torch.no_grad():
        theirs = ref(torch.from_numpy(idx))[0].numpy()
    # float32: both sum 384-term products in different orders; measured max difference 2e-6
    np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=2e-5)


def test_same_loss_and_gradients_as_torch_in_float64():
    # Packed and padded rows, dropout off: loss and every gradient match torch's autograd.
    cfg = gradcheck.tiny_config()
    cfg.dropout = 0.0
    model = GuppyLM(cfg, seed=0, dtype="float64")
    ref = TorchGuppyLM(cfg).double()
    ref.load_state_dict({k: torch.from_numpy(v) for k, v in model.state_dict(dtype=None).items()},
                        strict=True)
    idx, targets, segments, positions = gradcheck.model_batch(cfg)
    _, loss = model(idx, targets, segments, positions)
    loss.backward()
    as_torch = [torch.from_numpy(a) for a in (idx, targets, segments, positions)]
    _, ref_loss = ref(*as_torch)
    ref_loss.backward()
    assert loss.item() == pytest.approx(ref_loss.item(), rel=1e-12)
    ref_grads = dict(ref.named_parameters())
    for name, p in model.named_parameters():
        np.testing.assert_allclose(p.grad, ref_grads[name].grad.numpy(), rtol=1e-9, atol=1e-12,
                                   err_msg=name)
