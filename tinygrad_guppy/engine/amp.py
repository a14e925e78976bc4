"""Mixed precision for training on the GPU: float16 where it is safe and fast, float32 where it counts.

A T4 multiplies float16 matrices on its tensor cores about 8 times faster than float32 ones (and has
no bfloat16), and float16 activations halve the memory traffic. But float16 keeps 11 bits of
mantissa and stops at 65504, so some things stay float32:

    float16: the inputs and outputs of every matrix product (cuBLAS adds up in float32), the
             activations saved for the backward (LayerNorm outputs, q k v, attention output,
             FFN hidden units, logits) and their gradients
    float32: the parameters (the "master weights") and their gradients, Adam's m and v, the
             residual stream x, LayerNorm's mean and rstd, every softmax max and sum, the loss

How it is switched on: inside `with autocast(weights=model.parameters()):`, LayerNorm on the GPU
writes float16 output, and every op downstream follows the dtype of its input (a Linear given
float16 activations uses a float16 copy of its float32 weight, all of them made on entry in one
launch). The residual adds (float32 + float16) give float32 back.

Gradients of float16 activations can be smaller than float16's smallest number (about 6e-8) and
vanish, so the backward starts from the loss times a large `scale` (2^16 to begin with), which
GradScaler adjusts on the device:

    scaler = GradScaler()
    with autocast(weights=model.parameters()):
        _, loss = model(idx, targets)
    loss.backward(scaler.scale)                         # gradients of loss * scale
    grad_norm, multiplier, found_inf = scaler.unscale_and_clip(params, max_norm=1.0)
    optimizer.step(lr, grad_scale=multiplier, found_inf=found_inf)   # skipped if found_inf
    scaler.update(found_inf)

(training.train_step does exactly this when given a scaler.)
"""

import contextlib

import numpy as np

from tinygrad_guppy.engine import backend

_autocast = False


@contextlib.contextmanager
def autocast(enabled=True, weights=()):
    """Inside this block, GPU LayerNorms output float16, so the model computes in mixed precision.
    `weights`: the parameters the block's Linear layers will multiply with (model.parameters());
    the float16 copies of those that are matrices are made on entry, in one launch, instead of
    one cast per layer (cuda.half_copies), and dropped on exit (the optimizer changes the weights)."""
    global _autocast
    previous, _autocast = _autocast, enabled
    matrices = [w.data for w in weights if w.ndim == 2] if enabled else []
    if matrices:
        from tinygrad_guppy.engine import cuda
        cuda.use_half_copies(matrices)
    try:
        yield
    finally:
        _autocast = previous
        if matrices:
            cuda.use_half_copies([])


def autocast_enabled() -> bool:
    return _autocast


class GradScaler:
    """Dynamic loss scaling, kept on the GPU (the rules of PyTorch's GradScaler):
    - `scale` (a 0-d float32 device array) starts at init_scale; the backward starts from it, so
      every gradient is scale times too large;
    - unscale_and_clip divides that back out (through AdamW's gradient multiplier), measures the
      global norm of the true gradients and whether any of them is inf or NaN (`found_inf`);
    - update(found_inf): a step with a non-finite gradient is skipped (AdamW reads found_inf) and
      the scale is multiplied by backoff_factor (halved); after growth_interval clean steps in a
      row it is multiplied by growth_factor (doubled). `last_scale` keeps the scale the step's
      gradients were computed with (p.grad / last_scale is the true gradient until the next step).
    Nothing here waits for the GPU; state_dict() does (for checkpoints).

    Example (the scale's course over steps, growth_interval 3): clean, clean, overflow (skip, halve),
    clean, clean, clean (double): 1024 -> 1024 -> 1024 -> 512 -> 512 -> 512 -> 1024.
    """

    def __init__(self, init_scale=2.0**16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.growth_factor, self.backoff_factor = growth_factor, backoff_factor
        self.growth_interval = growth_interval
        xp = backend.array_module("cuda")
        # [scale, clean steps, the scale of the last step taken]
        self.state = xp.asarray(np.array([init_scale, 0.0, init_scale], dtype=np.float32))
        self.scale = self.state[0:1].reshape(())     # views: update() changes them in place
        self.last_scale = self.state[2:3].reshape(())   # what the gradients of the last step hold

    def unscale_and_clip(self, params, max_norm):
        """-> (grad_norm, multiplier, found_inf), 0-d device arrays: the norm of the unscaled
        gradients, the factor clip / scale for AdamW, and 1.0 if some gradient is not finite."""
        from tinygrad_guppy.engine import cuda
        grads = [p.grad for p in params if p.grad is not None]
        out = cuda.grad_norm_and_clip(grads, max_norm, self.scale)   # [norm, multiplier, found_inf]
        return tuple(out[i:i + 1].reshape(()) for i in range(3))

    def update(self, found_inf):
        from tinygrad_guppy.engine import cuda
        cuda.loss_scale_update(self.state, found_inf, self.growth_factor, self.backoff_factor,
                               self.growth_interval)

    def state_dict(self):
        scale, clean_steps, _ = backend.to_numpy(self.state).tolist()
        return {"scale": scale, "clean_steps": int(clean_steps)}

    def load_state_dict(self, state):
        self.state[...] = backend.array_module("cuda").asarray(
            np.array([state["scale"], state["clean_steps"], state["scale"]], dtype=np.float32))
