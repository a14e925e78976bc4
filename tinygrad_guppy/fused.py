"""The fused ops: softmax, log-softmax, LayerNorm, causal self-attention, softmax cross-entropy.

Each could be composed from the primitives in ops.py (the tests do exactly that, as a second
oracle), but as one op it saves memory and passes over the data, and its backward is a short
closed formula. Following llm.c, the math of each is a pair of plain functions,
`X_forward(...) -> out, saved` and `X_backward(dout, saved...) -> grads`, written once for any
array module (NumPy or CuPy), with shapes and formulas in the docstring; the Function below each
pair only calls them and keeps what backward needs.
"""

import functools
import math

import numpy as np

from tinygrad_guppy import backend
from tinygrad_guppy.tensor import Function


# ---- softmax and log-softmax over the last axis --------------------------------------------------

class Softmax(Function):
    """x (..., V) -> y = exp(x - max) / sum(exp(x - max)) over the last axis.
    dx = y * (dout - sum(dout * y))"""

    def forward(self, x):
        xp = backend.xp(x)
        y = x - x.max(axis=-1, keepdims=True)   # subtracting the max keeps exp from overflowing
        xp.exp(y, out=y)
        y /= y.sum(axis=-1, keepdims=True)
        self.y = y
        return y

    def backward(self, dout):
        return self.y * (dout - (dout * self.y).sum(axis=-1, keepdims=True))


class LogSoftmax(Function):
    """x (..., V) -> y = x - max - log(sum(exp(x - max))) over the last axis.
    dx = dout - exp(y) * sum(dout)"""

    def forward(self, x):
        xp = backend.xp(x)
        shifted = x - x.max(axis=-1, keepdims=True)
        self.y = shifted - xp.log(xp.exp(shifted).sum(axis=-1, keepdims=True))
        return self.y

    def backward(self, dout):
        return dout - backend.xp(dout).exp(self.y) * dout.sum(axis=-1, keepdims=True)


# ---- LayerNorm -----------------------------------------------------------------------------------

def layernorm_forward(x, w, b, eps):
    """x (N, C), w (C,), b (C,) -> out (N, C), mean (N,), rstd (N,)

    mean = sum(x) / C;  var = sum((x - mean)^2) / C;  rstd = 1 / sqrt(var + eps)
    out = (x - mean) * rstd * w + b
    (two passes for the variance: E[x^2] - mean^2 cancels badly when |mean| >> std)
    """
    xp = backend.xp(x)
    mean = x.mean(axis=-1, keepdims=True)                       # (N, 1)
    out = x - mean                                              # (N, C), x centred
    var = (out * out).mean(axis=-1, keepdims=True)              # (N, 1)
    rstd = 1.0 / xp.sqrt(var + eps)                             # (N, 1)
    out *= rstd                                                 # normalized
    out *= w
    out += b
    return out, mean[:, 0], rstd[:, 0]


def layernorm_backward(dout, x, w, mean, rstd):
    """dout (N, C), x (N, C), w (C,), mean (N,), rstd (N,) -> dx (N, C), dw (C,), db (C,)

    With norm = (x - mean) * rstd and dnorm = dout * w (the forward line out = norm * w + b):
    dx = rstd * (dnorm - mean(dnorm) - norm * mean(dnorm * norm))   (means over C)
    dw = sum over rows of dout * norm;  db = sum over rows of dout
    """
    norm = (x - mean[:, None]) * rstd[:, None]                  # (N, C)
    dw = (dout * norm).sum(axis=0)
    db = dout.sum(axis=0)
    dnorm = dout * w                                            # (N, C)
    dx = dnorm - dnorm.mean(axis=-1, keepdims=True)
    dx -= norm * (dnorm * norm).mean(axis=-1, keepdims=True)
    dx *= rstd[:, None]
    return dx, dw, db


class LayerNorm(Function):
    """x (..., C), w (C,), b (C,) -> out (..., C): each row normalized to mean 0, variance 1, then
    scaled by w and shifted by b. Gradients: layernorm_backward. (Rows of near-constant values make
    rstd huge and the op ill-conditioned; checks use rows with some spread.)"""

    def forward(self, x, w, b, eps=1e-5):
        C = x.shape[-1]
        if w.shape != (C,) or b.shape != (C,):
            raise ValueError(f"layernorm: weight {w.shape} and bias {b.shape} must be ({C},) for input {x.shape}")
        self.x2d, self.w = x.reshape(-1, C), w
        if backend.uses_kernels(x):  # the GPU: layernorm.cu, with a float16 output under amp.autocast
            from tinygrad_guppy import amp, cuda
            out_dtype = np.float16 if amp.autocast_enabled() else x.dtype
            out, self.mean, self.rstd = cuda.layernorm_forward(self.x2d, w, b, eps, out_dtype)
            return out.reshape(x.shape)
        out, self.mean, self.rstd = layernorm_forward(self.x2d, w, b, eps)
        return out.reshape(x.shape)

    def backward(self, dout):
        C = dout.shape[-1]
        if backend.uses_kernels(dout):
            from tinygrad_guppy import cuda
            dx, dw, db = cuda.layernorm_backward(dout.reshape(-1, C), self.x2d, self.w, self.mean, self.rstd)
            return dx.reshape(dout.shape), dw, db
        dx, dw, db = layernorm_backward(dout.reshape(-1, C), self.x2d, self.w, self.mean, self.rstd)
        return dx.reshape(dout.shape), dw, db


# ---- causal self-attention -----------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _causal(T, xp):
    """(T, T) bool, True on and below the diagonal: query i may see keys 0..i. Cached per T."""
    return xp.tril(xp.ones((T, T), dtype=bool))


def attention_allowed(T, segments=None, xp=None):
    """Which keys each query may attend to.

    Without segments: the causal mask (T, T), `allowed[i, j] = j <= i`.
    With segments (B, T) integers (one id per packed sample, or a separate id for padding):
    (B, 1, T, T), `allowed[b, 0, i, j] = j <= i and segments[b, i] == segments[b, j]`, so a query
    never sees another sample of its row. The diagonal is always allowed, so no row is empty.

    Example: segments [[0, 0, 1]] gives the rows [1 0 0], [1 1 0], [0 0 1].
    """
    xp = xp or (backend.xp(segments) if segments is not None else np)
    causal = _causal(T, xp)
    if segments is None:
        return causal
    if segments.ndim != 2 or segments.shape[1] != T:
        raise ValueError(f"attention: segments must have shape (B, {T}), got {segments.shape}")
    same = segments[:, None, :, None] == segments[:, None, None, :]   # (B, 1, T, T)
    return same & causal


def attention_forward(qkv, n_head, allowed, keep=None, p=0.0):
    """qkv (B, T, 3C), allowed (T, T) or (B, 1, T, T) bool, keep None or (B, nh, T, T) bool
    -> y (B, T, C), probs (B, nh, T, T)

    q, k, v = the three C-wide slices of qkv, each split into nh heads of hs = C / nh features
    att = q @ k^T / sqrt(hs), and -inf where not allowed          (B, nh, T, T)
    probs = softmax(att) over the keys
    y = (probs * keep / (1 - p)) @ v, heads joined back side by side   (attention dropout)
    """
    xp = backend.xp(qkv)
    B, T, C3 = qkv.shape
    C = C3 // 3
    hs = C // n_head
    q, k, v = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)  # each (B, nh, T, hs), a view
    att = q @ k.swapaxes(-1, -2)                                # (B, nh, T, T)
    att *= 1.0 / math.sqrt(hs)
    xp.copyto(att, -xp.inf, where=~allowed)
    att -= att.max(axis=-1, keepdims=True)                      # finite: the diagonal is allowed
    probs = xp.exp(att, out=att)
    probs /= probs.sum(axis=-1, keepdims=True)
    dropped = probs if keep is None else probs * keep * (1.0 / (1.0 - p))
    y = xp.empty((B, T, n_head, hs), dtype=qkv.dtype)
    xp.matmul(dropped, v, out=y.transpose(0, 2, 1, 3))          # written straight into (B, T, nh, hs)
    return y.reshape(B, T, C), probs


def attention_backward(dy, qkv, n_head, probs, keep=None, p=0.0):
    """dy (B, T, C), qkv (B, T, 3C), probs (B, nh, T, T), keep as in forward -> dqkv (B, T, 3C)

    With dropped = probs * keep / (1 - p) (the forward line y = dropped @ v):
    dv = dropped^T @ dy;  ddropped = dy @ v^T;  dprobs = ddropped * keep / (1 - p)
    datt = probs * (dprobs - sum_j(dprobs * probs)) / sqrt(hs)   (softmax backward; masked
        entries have probs 0, so their gradient is 0)
    dq = datt @ k;  dk = datt^T @ q
    """
    xp = backend.xp(qkv)
    B, T, C3 = qkv.shape
    C = C3 // 3
    hs = C // n_head
    q, k, v = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)
    dqkv = xp.empty_like(qkv)
    dq, dk, dv = dqkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)  # views into dqkv
    dy = dy.reshape(B, T, n_head, hs).transpose(0, 2, 1, 3)    # (B, nh, T, hs), a view
    dropped = probs if keep is None else probs * keep * (1.0 / (1.0 - p))
    xp.matmul(dropped.swapaxes(-1, -2), dy, out=dv)
    datt = dy @ v.swapaxes(-1, -2)                              # (B, nh, T, T), d(dropped)
    if keep is not None:
        datt *= keep                                            # now d(probs)
        datt *= 1.0 / (1.0 - p)
    datt -= (datt * probs).sum(axis=-1, keepdims=True)
    datt *= probs
    datt *= 1.0 / math.sqrt(hs)
    xp.matmul(datt, k, out=dq)
    xp.matmul(datt.swapaxes(-1, -2), q, out=dk)
    return dqkv


class CausalSelfAttention(Function):
    """qkv (B, T, 3C) -> y (B, T, C): causal multi-head attention, q, k, v split per head, with an
    optional segment mask (see attention_allowed) and dropout p on the attention probabilities.
    Gradients: attention_backward."""

    def forward(self, qkv, n_head, segments=None, p=0.0, rng=None):
        B, T, C3 = qkv.shape
        if C3 % 3 or (C3 // 3) % n_head:
            raise ValueError(f"attention: qkv last axis {C3} must be 3 * C with C divisible by "
                             f"n_head={n_head} (shape {qkv.shape})")
        if backend.uses_kernels(qkv):  # the GPU: attention.cu, dropout decided inside the kernels
            from tinygrad_guppy import cuda
            self.seed = cuda.draw_seed(rng) if p > 0.0 else None
            self.y, self.lse = cuda.attention_forward(qkv, n_head, segments, p, self.seed)
            self.qkv, self.n_head, self.segments, self.p = qkv, n_head, segments, p
            return self.y
        allowed = attention_allowed(T, segments, backend.xp(qkv))
        keep = None
        if p > 0.0:
            keep = rng.random((B, n_head, T, T), dtype=qkv.dtype) >= p
        y, self.probs = attention_forward(qkv, n_head, allowed, keep, p)
        self.qkv, self.n_head, self.keep, self.p = qkv, n_head, keep, p
        return y

    def backward(self, dy):
        if backend.uses_kernels(dy):
            from tinygrad_guppy import cuda
            return cuda.attention_backward(dy, self.qkv, self.y, self.lse, self.n_head, self.segments,
                                           self.p, self.seed)
        return attention_backward(dy, self.qkv, self.n_head, self.probs, self.keep, self.p)


# ---- softmax cross-entropy -----------------------------------------------------------------------

def cross_entropy_forward(logits, targets, ignore_index):
    """logits (N, V), targets (N,) integers -> loss (), probs (N, V), n_valid ()

    loss = mean, over the rows whose target is not ignore_index, of
           logsumexp(logits_i) - logits_i[target_i]        (= -log softmax(logits_i)[target_i])
    A batch with no valid row has loss 0 (and zero gradient).
    """
    xp = backend.xp(logits)
    N = logits.shape[0]
    rows = xp.arange(N)
    valid = targets != ignore_index                             # (N,) bool
    safe_targets = xp.where(valid, targets, 0)                  # any in-range id for ignored rows
    n_valid = xp.maximum(valid.sum(), 1)
    maxes = logits.max(axis=1, keepdims=True)                   # (N, 1)
    probs = logits - maxes
    xp.exp(probs, out=probs)
    sums = probs.sum(axis=1)                                    # (N,)
    probs /= sums[:, None]
    target_logits = logits[rows, safe_targets] - maxes[:, 0]    # (N,), shifted like probs
    losses = xp.log(sums) - target_logits                       # (N,)
    loss = (losses * valid).sum() / n_valid
    return loss.astype(logits.dtype), probs, n_valid


def cross_entropy_backward(dloss, probs, targets, ignore_index, n_valid, out=None):
    """dloss (), probs (N, V), targets (N,) -> dlogits (N, V)

    dlogits_i = (probs_i - onehot(target_i)) * dloss / n_valid on valid rows, 0 on ignored rows.
    `out` may be `probs` itself, to reuse its memory (then probs is overwritten).
    """
    xp = backend.xp(probs)
    valid = targets != ignore_index
    dlogits = probs.copy() if out is None else out
    if out is not None and out is not probs:
        dlogits[...] = probs
    dlogits[xp.arange(probs.shape[0]), xp.where(valid, targets, 0)] -= 1.0
    dlogits *= (valid * (dloss / n_valid)).astype(probs.dtype)[:, None]
    return dlogits


class CrossEntropy(Function):
    """logits (N, V), targets (N,) integers -> loss (): mean softmax cross-entropy over the rows
    whose target is not ignore_index. dlogits = (softmax - onehot) * dloss / n_valid."""

    def forward(self, logits, targets, ignore_index=-100):
        if logits.ndim != 2 or targets.shape != logits.shape[:1]:
            raise ValueError(f"cross_entropy: logits must be (N, V) and targets (N,), got "
                             f"{logits.shape} and {targets.shape}")
        if targets.dtype.kind not in "iu":
            raise TypeError(f"cross_entropy: targets must be integers, got dtype {targets.dtype}")
        if backend.uses_kernels(logits):  # the GPU: cross_entropy.cu; softmax recomputed in backward
            from tinygrad_guppy import cuda
            loss, self.lse, self.n_valid = cuda.cross_entropy_forward(logits, targets, ignore_index)
            self.logits, self.targets, self.ignore_index = logits, targets, ignore_index
            return loss                                          # float32, even for float16 logits
        xp = backend.xp(logits)
        if xp is np:  # a host-side check; on the GPU the model checks the batch first
            bad = (targets != ignore_index) & ((targets < 0) | (targets >= logits.shape[1]))
            if bad.any():
                raise ValueError(f"cross_entropy: targets must be in [0, {logits.shape[1]}) or "
                                 f"{ignore_index} (ignored); got {targets[bad][:5].tolist()}")
        loss, self.probs, self.n_valid = cross_entropy_forward(logits, targets, ignore_index)
        self.targets, self.ignore_index = targets, ignore_index
        return loss

    def backward(self, dloss):
        if backend.uses_kernels(dloss):
            from tinygrad_guppy import cuda
            dlogits = cuda.cross_entropy_backward(dloss, self.logits, self.lse, self.targets,
                                                  self.n_valid, self.ignore_index)
            return dlogits, None
        # subtle: dlogits is written over the saved probs (nothing reads them after this; the
        # engine frees the graph once backward has run), which saves an (N, V) array.
        dlogits = cross_entropy_backward(dloss, self.probs, self.targets, self.ignore_index,
                                         self.n_valid, out=self.probs)
        return dlogits, None


# ---- the functional forms that modules and users call --------------------------------------------

def layer_norm(x, w, b, eps=1e-5):
    return LayerNorm.apply(x, w, b, eps=eps)


def causal_self_attention(qkv, n_head, segments=None, p=0.0, rng=None):
    return CausalSelfAttention.apply(qkv, n_head=n_head, segments=segments, p=p, rng=rng)


def cross_entropy(logits, targets, ignore_index=-100):
    return CrossEntropy.apply(logits, targets, ignore_index=ignore_index)
