"""One training step and a held-out evaluation: the loop body that train.py and the benchmarks
share.

    loss, grad_norm = train_step(model, optimizer, batch, lr=3e-4, grad_clip=1.0)

The values returned may live on the model's device (a CuPy scalar on the GPU, so that a step does
not wait for the GPU); call float() on them only when they are needed, e.g. every N steps.

On the GPU, pass `scaler=amp.GradScaler()` for mixed precision (float16 activations and matrix
products, float32 weights, see amp.py): the step then also skips itself, on the device, when a
gradient overflowed.
"""

import math

import numpy as np

from tinygrad_guppy.engine import amp, backend
from tinygrad_guppy.engine.optim import clip_scale, global_grad_norm
from tinygrad_guppy.engine.tensor import no_grad


def train_step(model, optimizer, batch, lr, grad_clip=1.0, scaler=None):
    """Forward and backward on `batch` (a batching.Batch), clip the global gradient norm to
    grad_clip, and take one AdamW step at learning rate lr. Returns (loss, grad_norm before the
    clip). With `scaler` (an amp.GradScaler, GPU only): mixed precision and loss scaling."""
    model.train()
    if scaler is not None:
        return _train_step_mixed(model, optimizer, batch, lr, grad_clip, scaler)
    # model.loss, not model(...): the same loss, without the logits of positions that have no target
    loss = model.loss(batch.idx, batch.targets, batch.segments, batch.positions)
    optimizer.zero_grad()
    loss.backward()
    grad_norm = global_grad_norm(optimizer.params)
    optimizer.step(lr=lr, grad_scale=clip_scale(grad_norm, grad_clip))
    return loss.data, grad_norm


def _train_step_mixed(model, optimizer, batch, lr, grad_clip, scaler):
    """train_step in mixed precision (see amp.py): the same steps, with the loss scale around the
    backward. Nothing waits for the GPU."""
    if model.device != "cuda":
        raise ValueError("mixed precision (a GradScaler) is for device 'cuda'; on the CPU, train in "
                         "float32 without a scaler")
    with amp.autocast(weights=model.parameters()):
        _, loss = model(batch.idx, batch.targets, batch.segments, batch.positions)
    optimizer.zero_grad()
    loss.backward(scaler.scale)                     # the gradients of loss * scale
    grad_norm, multiplier, found_inf = scaler.unscale_and_clip(optimizer.params, grad_clip)
    optimizer.step(lr=lr, grad_scale=multiplier, found_inf=found_inf)
    scaler.update(found_inf)
    return loss.data, grad_norm


def held_out_loss(model, batches):
    """Mean loss per target token over `batches`, in eval mode (no dropout) and without a graph;
    the model's previous mode is restored."""
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with no_grad():
        for batch in batches:
            loss = model.loss(batch.idx, batch.targets, batch.segments, batch.positions)
            n = batch.n_target_tokens
            total += float(loss.data) * n
            count += n
    model.train(was_training)
    return total / max(count, 1)


def gradient_norms(model, scaler=None):
    """{parameter name: L2 norm of its gradient} after a train_step: what a learner looks at to see
    every gradient. With a scaler (mixed precision) the gradients hold the loss scale of their step,
    which is divided out. One copy from the GPU for all of them."""
    named = [(name, p.grad) for name, p in model.named_parameters() if p.grad is not None]
    if not named:
        return {}
    xp = backend.xp(named[0][1])
    squares = xp.stack([(g * g).sum(dtype=np.float32) for _, g in named])      # (n,), still on the device
    if scaler is not None:
        squares = xp.concatenate([squares, scaler.last_scale.reshape(1)])
    values = backend.to_numpy(squares).astype(np.float64)
    unscale = float(values[-1]) if scaler is not None else 1.0
    return {name: math.sqrt(float(s)) / unscale for (name, _), s in zip(named, values)}
