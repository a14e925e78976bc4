"""tinygrad_guppy: GuppyLM, the 8.7M-parameter fish, on a small autograd engine of our own.

The package has three layers; each uses only the ones above it in this list, never one below:

    engine/     the tensor and autograd engine: knows arrays and gradients, no text and no fish.
                tensor.py (Tensor, Function, backward) -> ops.py (primitive ops) -> fused.py
                (softmax, LayerNorm, attention, cross-entropy) -> nn.py (modules) -> optim.py
                (AdamW); backend.py picks NumPy or CuPy; on the GPU cuda.py launches kernels/*.cu
                and cuBLAS, amp.py adds mixed precision.
    model.py    GuppyLM on the engine: ids in, logits and loss out.        (the model layer:
    checkpoint.py   its weights as safetensors + config.json.               it sees token ids,
    sampling.py     generation with a KV cache, and the sampler.            never text)
    gradcheck.py    the finite-difference oracle, and the check of every gradient of the model.
    tape.py         one training step made visible: every op, its time and gradient.
    app/        the application: joins text (bpe/), data (data/) and the model. prepare.py
                (dataset, tokenizer, token cache), batching.py, training.py (one step, the
                held-out loss), conversation.py (a chat turn by turn), chat_api.py (the Python
                API: Guppy), convert.py (the original GuppyLM's checkpoints); the look-inside views
                explain.py, attention.py and growing_up.py. train.py and chat.py, at the top of
                the repository, are built from these.

Reading order: engine/tensor.py, engine/ops.py, engine/fused.py, engine/nn.py, model.py,
engine/optim.py, gradcheck.py, then app/ and train.py.
"""

from tinygrad_guppy.engine.tensor import Tensor, no_grad

__all__ = ["Tensor", "no_grad"]
