"""AdamW, global-norm gradient clipping, and the warmup + cosine learning-rate schedule.

The clip does not rewrite the gradients: it returns a factor that AdamW.step multiplies into them
as it reads them (gradient arrays may be shared between tensors, so the engine never changes
them in place, and this saves a pass over all 8.7M of them).
"""

import math

import numpy as np

from tinygrad_guppy.engine import backend


def global_grad_norm(params):
    """sqrt(sum of every gradient element squared), over all parameters that have a gradient.
    A float on the CPU; on the GPU a 0-d device array (adamw.cu computes it without a wait)."""
    params = list(params)
    grads = [p.grad for p in params if p.grad is not None]
    if grads and backend.uses_kernels(grads[0]):
        from tinygrad_guppy.engine import cuda
        return cuda.grad_norm_and_clip(grads, max_norm=None)[0:1].reshape(())
    total = 0.0
    for p in params:
        if p.grad is not None:
            g = p.grad.reshape(-1)
            total += float(g @ g)       # a dot product: one BLAS call, no squared temporary
    return math.sqrt(total)


def clip_scale(grad_norm, max_norm):
    """The factor that brings the global gradient norm down to max_norm (1.0 if already below).
    Like torch.nn.utils.clip_grad_norm_: max_norm / (norm + 1e-6), capped at 1."""
    if max_norm is None or max_norm <= 0:
        return 1.0
    if backend.xp(grad_norm) is not np:  # a device scalar: the same formula, still on the device
        return backend.xp(grad_norm).minimum(1.0, max_norm / (grad_norm + 1e-6))
    return min(1.0, max_norm / (grad_norm + 1e-6))


class AdamW:
    """Adam with decoupled weight decay (Loshchilov & Hutter), as torch.optim.AdamW:

        p = p - lr * weight_decay * p                  (decay, apart from the gradient)
        m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g^2
        p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)

    where g is the gradient times `grad_scale` (the clip factor).

    `fused` (the default) computes the same update on the CPU in place, in fewer passes and
    without temporary arrays (_step_fused): about 2% of a step at train.py's batches, which keeps
    the whole step within 3% of its time before issue 13 (bench/README.md).
    On the GPU (float32 parameters as CuPy arrays) one kernel launch updates every parameter
    (adamw.cu), `grad_scale` may be a device scalar, and the step count lives on the device
    (`self.gpu.t`; `self.t` is None there) so that a step skipped for a non-finite gradient
    (`found_inf`, mixed precision) does not count.
    """

    def __init__(self, params, lr=3e-4, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.1, fused=True):
        self.params = list(params)
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.fused = fused
        self.t = 0
        self.m = [backend.xp(p.data).zeros_like(p.data) for p in self.params]
        self.v = [backend.xp(p.data).zeros_like(p.data) for p in self.params]
        self._scratch = None     # _step_fused's work array, made on first use
        self.gpu = None
        if self.params and backend.uses_kernels(self.params[0].data):
            from tinygrad_guppy.engine import cuda
            self.gpu, self.t = cuda.AdamWState(), None

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self, lr=None, grad_scale=1.0, found_inf=None):
        """One update of every parameter that has a gradient; `lr` overrides self.lr. On the GPU,
        `found_inf` (a 0-d device flag from amp.GradScaler) skips the whole step when it is 1."""
        lr = self.lr if lr is None else lr
        if self.gpu is not None:
            self._step_gpu(lr, grad_scale, found_inf)
            return
        # subtle: Python floats, since a NumPy float64 scalar would make float32 arrays float64
        lr, grad_scale = float(lr), float(grad_scale)
        self.t += 1
        if self.fused:
            self._step_fused(lr, grad_scale)
            return
        beta1, beta2 = self.betas
        for p, m, v in zip(self.params, self.m, self.v):
            if p.grad is None:
                continue
            g = p.grad * grad_scale
            p.data *= 1.0 - lr * self.weight_decay
            m[...] = beta1 * m + (1.0 - beta1) * g              # in place: self.m keeps the array
            v[...] = beta2 * v + (1.0 - beta2) * g * g
            m_hat = m / (1.0 - beta1 ** self.t)                 # the bias corrections
            v_hat = v / (1.0 - beta2 ** self.t)
            p.data -= lr * m_hat / (backend.xp(v).sqrt(v_hat) + self.eps)

    def _step_fused(self, lr, grad_scale):
        """The update of step(), in place through one reused work array. The last line of the
        formula is computed as p -= (lr / c1 * sqrt(c2)) * m / (sqrt(v) + eps * sqrt(c2)), with
        c1 = 1 - beta1^t and c2 = 1 - beta2^t: the same number, one pass fewer."""
        beta1, beta2 = self.betas
        sqrt_c2 = math.sqrt(1.0 - beta2 ** self.t)
        step_size = lr / (1.0 - beta1 ** self.t) * sqrt_c2
        eps = self.eps * sqrt_c2
        g_factor, g2_factor = (1.0 - beta1) * grad_scale, (1.0 - beta2) * grad_scale * grad_scale
        for p, m, v in zip(self.params, self.m, self.v):
            if p.grad is None:
                continue
            xp, g = backend.xp(p.data), p.grad
            work = self._work_array(p.data)
            p.data *= 1.0 - lr * self.weight_decay
            m *= beta1
            m += xp.multiply(g, g_factor, out=work)                  # m = beta1 m + (1 - beta1) g
            v *= beta2
            work = xp.multiply(g, g, out=work)
            work *= g2_factor
            v += work                                                # v = beta2 v + (1 - beta2) g^2
            denominator = xp.sqrt(v, out=work)
            denominator += eps
            update = xp.divide(m, denominator, out=work)
            update *= step_size
            p.data -= update

    def _work_array(self, like):
        """An array of like's shape and dtype: a view of one buffer kept between steps."""
        if self._scratch is None or self._scratch.size < like.size or self._scratch.dtype != like.dtype:
            size = max(p.size for p in self.params)
            self._scratch = backend.xp(like).empty(size, dtype=like.dtype)
        return self._scratch[:like.size].reshape(like.shape)

    def _step_gpu(self, lr, grad_scale, found_inf):
        """The update above for all parameters in one launch (cuda.AdamWState.step)."""
        xp = backend.xp(self.params[0].data)
        if not isinstance(grad_scale, xp.ndarray):
            grad_scale = xp.full((), grad_scale, dtype=np.float32)
        have = [i for i, p in enumerate(self.params) if p.grad is not None]
        self.gpu.step([self.params[i].data for i in have], [self.params[i].grad for i in have],
                      [self.m[i] for i in have], [self.v[i] for i in have], lr, self.betas, self.eps,
                      self.weight_decay, grad_scale, found_inf)

    def state_dict(self):
        """Everything needed to resume: the step count and both moments (NumPy arrays)."""
        return {"t": self.gpu.t if self.gpu is not None else self.t,
                "m": [backend.to_numpy(m) for m in self.m],
                "v": [backend.to_numpy(v) for v in self.v]}

    def load_state_dict(self, state):
        if len(state["m"]) != len(self.params) or len(state["v"]) != len(self.params):
            raise ValueError(f"AdamW.load_state_dict: state has {len(state['m'])} moments, the "
                             f"optimizer has {len(self.params)} parameters")
        for i, p in enumerate(self.params):
            for name in ("m", "v"):
                if state[name][i].shape != p.shape:
                    raise ValueError(f"AdamW.load_state_dict: {name}[{i}] has shape "
                                     f"{state[name][i].shape}, parameter has {p.shape}")
        self.t = int(state["t"])
        if self.gpu is not None:
            from tinygrad_guppy.engine import cuda
            self.gpu, self.t = cuda.AdamWState(self.t), None
        self.m = [backend.to_device(m.astype(p.dtype), p.device) for m, p in zip(state["m"], self.params)]
        self.v = [backend.to_device(v.astype(p.dtype), p.device) for v, p in zip(state["v"], self.params)]


def lr_at(step, max_lr, min_lr, warmup_steps, total_steps):
    """The learning rate for 0-based `step`:
    1. warmup: rises linearly, max_lr * (step + 1) / warmup_steps, for the first warmup_steps;
    2. cosine: falls from max_lr to min_lr along half a cosine until total_steps;
    3. after total_steps: min_lr.
    """
    if step < warmup_steps:
        return max_lr * (step + 1) / warmup_steps
    if step >= total_steps:
        return min_lr
    progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)   # 0 -> 1
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * progress)) * (max_lr - min_lr)
