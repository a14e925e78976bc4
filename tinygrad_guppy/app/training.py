"""One training step and a held-out evaluation: the loop body that train.py and the benchmarks
share.

    loss, grad_norm = train_step(model, optimizer, batch, lr=3e-4, grad_clip=1.0)

The values returned may live on the model's device (a CuPy scalar on the GPU, so that a step does
not wait for the GPU); call float() on them only when they are needed, e.g. every N steps.

On the GPU, pass `scaler=amp.GradScaler()` for mixed precision (float16 activations and matrix
products, float32 weights, see amp.py): the step then also skips itself, on the device, when a
gradient overflowed.
"""

from tinygrad_guppy.engine import amp
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
    with amp.autocast():
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
