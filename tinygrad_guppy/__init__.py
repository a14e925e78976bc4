"""tinygrad_guppy: a small tensor + autograd engine on NumPy (CPU) and CuPy (GPU), and GuppyLM on it.

Reading order: tensor.py (Tensor, Function, backward) -> ops.py (primitive ops) -> fused.py
(softmax, LayerNorm, attention, cross-entropy) -> nn.py (modules) -> model.py (GuppyLM) ->
optim.py (AdamW) -> gradcheck.py (the finite-difference oracle) -> checkpoint.py.
On the GPU: backend.py picks the device, cuda.py launches the kernels in kernels/*.cu and cuBLAS,
amp.py adds mixed precision (docs/gpu.md).
"""

from tinygrad_guppy.tensor import Tensor, no_grad

__all__ = ["Tensor", "no_grad"]
