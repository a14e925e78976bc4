"""The fused ops: softmax, log-softmax, the model's input embedding, the ends of matrix products
(bias + ReLU, bias + dropout + residual add), LayerNorm, causal self-attention, softmax
cross-entropy.

Each could be composed from the primitives in ops.py (the tests do exactly that, as a second
oracle), but as one op it saves memory and passes over the data, and its backward is a short
closed formula. Following llm.c, the math of each is a pair of plain functions,
`X_forward(...) -> out, saved` and `X_backward(dout, saved...) -> grads`, written once for any
array module (NumPy or CuPy), with shapes and formulas in the docstring; the Function below each
pair only calls them (or, on the GPU, their CUDA kernels through cuda.py) and keeps what backward
needs.
"""

import functools
import math

import numpy as np

from tinygrad_guppy.engine import backend
from tinygrad_guppy.engine.tensor import Function


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


# ---- the model's input: token embedding + position embedding ------------------------------------

def embedding_forward(tok, pos, idx, positions):
    """tok (V, C), pos (P, C), idx (B, T) ids, positions (B, T) or (T,) ids
    -> x (B, T, C) = tok[idx] + pos[positions]"""
    xp = backend.xp(tok)
    return xp.take(tok, idx, axis=0) + xp.take(pos, positions, axis=0)


def embedding_backward(dout, idx, positions, V, P):
    """dout (B, T, C), idx (B, T), positions (B, T) or (T,) -> dtok (V, C), dpos (P, C)
    Each row of dout is added to its token's row of dtok and to its position's row of dpos (a token
    appears many times in a batch: a scatter-add, not an assignment)."""
    xp = backend.xp(dout)
    C = dout.shape[-1]
    dtok = xp.zeros((V, C), dtype=dout.dtype)
    dpos = xp.zeros((P, C), dtype=dout.dtype)
    xp.add.at(dtok, idx.ravel(), dout.reshape(-1, C))
    if positions.ndim == 1:      # the same positions in every row: add the rows up first
        xp.add.at(dpos, positions, dout.sum(axis=0))
    else:
        xp.add.at(dpos, positions.ravel(), dout.reshape(-1, C))
    return dtok, dpos


class Embed(Function):
    """tok (V, C), pos (P, C), idx (B, T) ids, positions (B, T), (T,) or None (0..T-1)
    -> x (B, T, C) = tok[idx] + pos[positions]. Gradients: embedding_backward."""

    def forward(self, tok, pos, idx, positions=None):
        self.idx, self.positions, self.V, self.P = idx, positions, tok.shape[0], pos.shape[0]
        if backend.uses_kernels(tok):  # the GPU: embedding.cu (no positions: row % T, no launch)
            from tinygrad_guppy.engine import cuda
            return cuda.embedding_forward(tok, pos, idx, positions, 0.0, None)
        if positions is None:
            self.positions = backend.xp(idx).arange(idx.shape[1])
        return embedding_forward(tok, pos, idx, self.positions)

    def backward(self, dout):
        if backend.uses_kernels(dout):
            from tinygrad_guppy.engine import cuda
            dtok, dpos = cuda.embedding_backward(dout, self.idx, self.positions, self.V, self.P, 0.0, None)
        else:
            dtok, dpos = embedding_backward(dout, self.idx, self.positions, self.V, self.P)
        return dtok, dpos


# ---- the end of a matrix product: its bias, with ReLU, or with dropout and the residual add ------

def bias_relu_forward(y, b):
    """y (N, C), b (C,) -> out (N, C) = relu(y + b)"""
    out = y + b
    return backend.xp(y).maximum(out, 0, out=out)


def bias_relu_backward(dout, out):
    """dout, out (N, C) -> dy (N, C), db (C,)
    From out = relu(z), z = y + b:  dz = dout where out > 0, else 0;  dy = dz;  db = dz summed over rows"""
    dy = dout * (out > 0)
    return dy, dy.sum(axis=0)


class BiasReLU(Function):
    """y (..., C), b (C,) -> relu(y + b): a product's bias and the ReLU after it, in one pass.
    Gradients: bias_relu_backward. (ReLU's kink at 0: checks keep y + b away from it.)"""

    def forward(self, y, b):
        y2d = y.reshape(-1, y.shape[-1])
        if backend.uses_kernels(y):  # the GPU: epilogue.cu
            from tinygrad_guppy.engine import cuda
            self.out = cuda.bias_relu_forward(y2d, b)
        else:
            self.out = bias_relu_forward(y2d, b)
        return self.out.reshape(y.shape)

    def backward(self, dout):
        dout2d = dout.reshape(self.out.shape)
        if backend.uses_kernels(dout):
            from tinygrad_guppy.engine import cuda
            dy, db = cuda.bias_relu_backward(dout2d, self.out)
        else:
            dy, db = bias_relu_backward(dout2d, self.out)
        return dy.reshape(dout.shape), db


def residual_forward(x, y, b, scaled_keep=None):
    """x, y (N, C), b (C,), scaled_keep (N, C) = keep / (1 - p) or None (no dropout)
    -> out (N, C) = x + dropout(y + b), dropout(z) = z * keep / (1 - p)"""
    z = y + b
    if scaled_keep is not None:
        z *= scaled_keep
    z += x
    return z


def residual_backward(dout, scaled_keep=None):
    """dout (N, C), scaled_keep as in residual_forward -> dy (N, C), db (C,)   (and dx = dout)
    From out = x + z * keep / (1 - p), z = y + b:  dz = dout * keep / (1 - p);  dy = dz;
    db = dz summed over rows"""
    dy = dout if scaled_keep is None else dout * scaled_keep
    return dy, dy.sum(axis=0)


class Residual(Function):
    """x (..., C) the residual stream, y (..., C) a product without its bias, b (C,), dropout p
    -> x + dropout(y + b): the bias, the dropout and the residual add in one pass.
    dx = dout; dy and db: residual_backward."""

    def forward(self, x, y, b, p=0.0, rng=None):
        if x.shape != y.shape:
            raise ValueError(f"residual: x {x.shape} and y {y.shape} must have one shape")
        C = x.shape[-1]
        self.p, self.y_dtype, self.shape = p, y.dtype, x.shape
        if backend.uses_kernels(y):  # the GPU: epilogue.cu, the dropout mask a hash of a seed
            from tinygrad_guppy.engine import cuda
            self.seed = cuda.draw_seed(rng) if p > 0.0 else None
            out = cuda.residual_forward(x.reshape(-1, C), y.reshape(-1, C), b, p, self.seed)
            return out.reshape(x.shape)
        self.scaled_keep = None
        if p > 0.0:   # keep / (1 - p), in y's dtype (as ops.Dropout draws it)
            keep = rng.random(y.shape, dtype=y.dtype) >= p
            keep = backend.xp(y).asarray(keep)             # (float64 on a GPU: the mask copied there)
            self.scaled_keep = (keep * y.dtype.type(1.0 / (1.0 - p))).reshape(-1, C)
        return residual_forward(x.reshape(-1, C), y.reshape(-1, C), b, self.scaled_keep).reshape(x.shape)

    def backward(self, dout):
        dout2d = dout.reshape(-1, self.shape[-1])
        if backend.uses_kernels(dout):
            from tinygrad_guppy.engine import cuda
            dy, db = cuda.residual_backward(dout2d, self.y_dtype, self.p, self.seed)
        else:
            dy, db = residual_backward(dout2d, self.scaled_keep)
        return dout, dy.reshape(self.shape), db


# ---- LayerNorm -----------------------------------------------------------------------------------

def layernorm_forward(x, w, b, eps, out=None):
    """x (N, C), w (C,), b (C,) -> out (N, C), mean (N,), rstd (N,), written into
    out = (out, mean, rstd) where given (any of them may be None)

    mean = sum(x) / C;  var = sum((x - mean)^2) / C;  rstd = 1 / sqrt(var + eps)
    out = (x - mean) * rstd * w + b
    (two passes for the variance: E[x^2] - mean^2 cancels badly when |mean| >> std)
    """
    xp = backend.xp(x)
    C = x.shape[-1]
    out, mean, rstd = out or (None, None, None)
    mean = x.mean(axis=-1, out=mean)                            # (N,)
    out = xp.subtract(x, mean[:, None], out=out)                # (N, C), x centred
    var = xp.einsum("ij,ij->i", out, out) / C                   # (N,), row dot products: no temporary
    rstd = xp.divide(1.0, xp.sqrt(var + eps), out=rstd)         # (N,)
    out *= rstd[:, None]                                        # normalized
    out *= w
    out += b
    return out, mean, rstd


def layernorm_backward(dout, x, mean, rstd, w, out=None):
    """dout (N, C), x (N, C), mean (N,), rstd (N,), w (C,) -> dx (N, C), dw (C,), db (C,);
    dx written into out = (dx, None, None) if given

    With norm = (x - mean) * rstd and dnorm = dout * w (the forward line out = norm * w + b):
    dx = rstd * (dnorm - mean(dnorm) - norm * mean(dnorm * norm))   (means over C)
    dw = sum over rows of dout * norm;  db = sum over rows of dout
    """
    xp = backend.xp(x)
    C = x.shape[-1]
    norm = x - mean[:, None]
    norm *= rstd[:, None]                                       # (N, C)
    dw = xp.einsum("ij,ij->j", dout, norm)                      # sums of products, no temporary
    db = dout.sum(axis=0)
    dx = xp.multiply(dout, w, out=None if out is None else out[0])   # (N, C), dnorm for now
    dnorm_mean = dx.sum(axis=-1) / C                            # (N,)
    dnorm_norm_mean = xp.einsum("ij,ij->i", dx, norm) / C       # (N,)
    dx -= dnorm_mean[:, None]
    norm *= dnorm_norm_mean[:, None]                            # norm is ours: reused as scratch
    dx -= norm
    dx *= rstd[:, None]
    return dx, dw, db


class LayerNorm(Function):
    """x (..., C), w (C,), b (C,) -> out (..., C): each row normalized to mean 0, variance 1, then
    scaled by w and shifted by b. Gradients: layernorm_backward. (Rows of near-constant values make
    rstd huge and the op ill-conditioned; checks use rows with some spread.) On the CPU the rows
    are split over the threads (backend.in_parts)."""

    def forward(self, x, w, b, eps=1e-5):
        C = x.shape[-1]
        if w.shape != (C,) or b.shape != (C,):
            raise ValueError(f"layernorm: weight {w.shape} and bias {b.shape} must be ({C},) for input {x.shape}")
        self.x2d, self.w = x.reshape(-1, C), w                      # (N, C): every leading axis is a row
        if backend.uses_kernels(x):  # the GPU: layernorm.cu, with a float16 output under amp.autocast
            from tinygrad_guppy.engine import amp, cuda
            out_dtype = np.float16 if amp.autocast_enabled() else x.dtype
            out, self.mean, self.rstd = cuda.layernorm_forward(self.x2d, w, b, eps, out_dtype)
        else:   # each thread its rows, written in place
            out = backend.xp(x).empty_like(self.x2d)
            out, self.mean, self.rstd = backend.in_parts(layernorm_forward, self.x2d, w=w, b=b, eps=eps,
                                                         out=(out, None, None))
        return out.reshape(x.shape)

    def backward(self, dout):
        dout2d = dout.reshape(self.x2d.shape)
        if backend.uses_kernels(dout):
            from tinygrad_guppy.engine import cuda
            dx, dw, db = cuda.layernorm_backward(dout2d, self.x2d, self.w, self.mean, self.rstd)
        else:   # each thread its rows of dx and its share of the sums dw and db
            dx, dw, db = backend.in_parts(layernorm_backward, dout2d, self.x2d, self.mean, self.rstd,
                                          w=self.w, join=("rows", "sum", "sum"),
                                          out=(backend.xp(dout).empty_like(dout2d), None, None))
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


def attention_forward(qkv, n_head, allowed, keep=None, p=0.0, out=None):
    """qkv (B, T, 3C), allowed (T, T) or (B, 1, T, T) bool, keep None or (B, nh, T, T) bool
    -> y (B, T, C), probs (B, nh, T, T), dropped (B, nh, T, T) or None,
    written into out = (y, probs, dropped) where given (any of them may be None)

    q, k, v = the three C-wide slices of qkv, each split into nh heads of hs = C / nh features
    att = q @ k^T / sqrt(hs), and -inf where not allowed          (B, nh, T, T)
    probs = softmax(att) over the keys
    dropped = probs * keep / (1 - p)       (attention dropout; None when keep is None: then it is probs)
    y = dropped @ v, heads joined back side by side
    """
    xp = backend.xp(qkv)
    B, T, C3 = qkv.shape
    C = C3 // 3
    hs = C // n_head
    y, att, dropped = out or (None, None, None)
    q, k, v = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)  # each (B, nh, T, hs), a view
    att = xp.matmul(q, k.swapaxes(-1, -2), out=att)             # (B, nh, T, T)
    att *= 1.0 / math.sqrt(hs)
    xp.copyto(att, -xp.inf, where=~allowed)
    att -= att.max(axis=-1, keepdims=True)                      # finite: the diagonal is allowed
    probs = xp.exp(att, out=att)
    probs /= probs.sum(axis=-1, keepdims=True)
    if keep is None:
        dropped = None
    else:
        dropped = xp.multiply(probs, keep, out=dropped)
        dropped *= 1.0 / (1.0 - p)
    if y is None:
        y = xp.empty((B, T, C), dtype=qkv.dtype)
    xp.matmul(probs if dropped is None else dropped, v,
              out=y.reshape(B, T, n_head, hs).transpose(0, 2, 1, 3))  # written in place, heads joined
    return y, probs, dropped


def attention_backward(dy, qkv, n_head, probs, dropped, out=None):
    """dy (B, T, C), qkv (B, T, 3C), probs (B, nh, T, T) and dropped (the same or None) from
    attention_forward -> dqkv (B, T, 3C), written into `out` if given

    From the forward line y = dropped @ v:  dv = dropped^T @ dy;  ddropped = dy @ v^T.
    Through dropped = probs * keep / (1 - p): dprobs = ddropped * keep / (1 - p), so that
    probs * dprobs = ddropped * dropped (keep and p are not needed again). Softmax backward:
    datt = probs * (dprobs - sum_j(dprobs * probs)) / sqrt(hs)
         = (ddropped * dropped - probs * sum_j(ddropped * dropped)) / sqrt(hs)
    (masked entries have probs 0, so their gradient is 0);  dq = datt @ k;  dk = datt^T @ q
    """
    xp = backend.xp(qkv)
    B, T, C3 = qkv.shape
    C = C3 // 3
    hs = C // n_head
    q, k, v = qkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)
    dropped = probs if dropped is None else dropped
    dqkv = xp.empty_like(qkv) if out is None else out
    dq, dk, dv = dqkv.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)  # views into dqkv
    dy = dy.reshape(B, T, n_head, hs).transpose(0, 2, 1, 3)    # (B, nh, T, hs), a view
    xp.matmul(dropped.swapaxes(-1, -2), dy, out=dv)
    datt = dy @ v.swapaxes(-1, -2)                              # (B, nh, T, T), ddropped
    datt *= dropped                                             # probs * dprobs
    datt -= probs * datt.sum(axis=-1, keepdims=True)
    datt *= 1.0 / math.sqrt(hs)
    xp.matmul(datt, k, out=dq)
    xp.matmul(datt.swapaxes(-1, -2), q, out=dk)
    return dqkv


class CausalSelfAttention(Function):
    """qkv (B, T, 3C), bias (3C,) or absent -> y (B, T, C): causal multi-head attention of
    qkv + bias (the bias of the product that made qkv, added here as q, k, v are read), q, k, v
    split per head, with an optional segment mask (see attention_allowed) and dropout p on the
    attention probabilities. Gradients: attention_backward; dbias = dqkv summed over rows.

    Saved for backward on either device: the inputs (qkv, with the bias added on the CPU, where the
    math reads it so; bias, n_head, segments, p), the output y, and
    `probs`, the attention probabilities as backward gets them back: on the CPU (probs, dropped)
    from attention_forward; on the GPU, whose kernels recompute them, (lse, seed): each row's
    log-sum-exp and the dropout seed. On the CPU the batch is split over the threads
    (backend.in_parts: OpenBLAS threads are slow on attention's many small matrix products)."""

    def forward(self, qkv, bias=None, n_head=1, segments=None, p=0.0, rng=None):
        B, T, C3 = qkv.shape
        if C3 % 3 or (C3 // 3) % n_head:
            raise ValueError(f"attention: qkv last axis {C3} must be 3 * C with C divisible by "
                             f"n_head={n_head} (shape {qkv.shape})")
        self.bias, self.n_head, self.segments, self.p = bias, n_head, segments, p
        if backend.uses_kernels(qkv):  # the GPU: attention.cu, dropout decided inside the kernels
            from tinygrad_guppy.engine import cuda
            seed = cuda.draw_seed(rng) if p > 0.0 else None
            self.y, lse = cuda.attention_forward(qkv, bias, n_head, segments, p, seed)
            self.qkv, self.probs = qkv, (lse, seed)
            return self.y
        if bias is not None:
            qkv = qkv + bias
        xp = backend.xp(qkv)
        allowed = xp.broadcast_to(attention_allowed(T, segments, xp), (B, 1, T, T))   # a view
        keep = None
        if p > 0.0:   # drawn for the whole batch at once: the same mask however it is split
            keep = xp.asarray(rng.random((B, n_head, T, T), dtype=qkv.dtype) >= p)   # float64 GPU: copied
        # each thread writes its rows of the results in place (no join of the parts: no copies)
        y = xp.empty((B, T, C3 // 3), dtype=qkv.dtype)
        probs = xp.empty((B, n_head, T, T), dtype=qkv.dtype)
        dropped = None if keep is None else xp.empty_like(probs)
        backend.in_parts(attention_forward, qkv, n_head, allowed, keep, p, out=(y, probs, dropped))
        self.qkv, self.y, self.probs = qkv, y, (probs, dropped)
        return self.y

    def backward(self, dy):
        if backend.uses_kernels(dy):
            from tinygrad_guppy.engine import cuda
            lse, seed = self.probs
            dqkv, dbias = cuda.attention_backward(dy, self.qkv, self.bias, self.y, lse, self.n_head,
                                                  self.segments, self.p, seed)
            return (dqkv, dbias) if self.bias is not None else dqkv
        probs, dropped = self.probs
        dqkv = backend.in_parts(attention_backward, dy, self.qkv, self.n_head, probs, dropped,
                                out=backend.xp(dy).empty_like(self.qkv))
        if self.bias is not None:
            return dqkv, dqkv.reshape(-1, dqkv.shape[-1]).sum(axis=0)
        return dqkv


# ---- softmax cross-entropy -----------------------------------------------------------------------

def cross_entropy_forward(logits, targets, ignore_index, out=None):
    """logits (N, V), targets (N,) integers -> losses (N,), exps (N, V), sums (N,), written into
    out = (losses, exps, sums) where given (any of them may be None)

    losses_i = logsumexp(logits_i) - logits_i[target_i]   (= -log softmax(logits_i)[target_i])
               on the rows whose target is not ignore_index, 0 on the others
    loss = sum(losses) / n_valid, n_valid = the number of valid rows (at least 1: a batch with no
           valid row has loss 0 and zero gradient); the Function below takes this mean
    exps = exp(logits - max over the row) and sums = their row sums, so softmax = exps / sums: the
    division is left to the backward pass, which scales every row anyway (one pass over the
    (N, V) array fewer).
    """
    xp = backend.xp(logits)
    N = logits.shape[0]
    losses, exps, sums = out or (None, None, None)
    valid = targets != ignore_index                             # (N,) bool
    safe_targets = xp.where(valid, targets, 0)                  # any in-range id for ignored rows
    maxes = logits.max(axis=1, keepdims=True)                   # (N, 1)
    exps = xp.subtract(logits, maxes, out=exps)                 # (N, V)
    xp.exp(exps, out=exps)
    sums = exps.sum(axis=1, out=sums)                           # (N,)
    target_logits = logits[xp.arange(N), safe_targets] - maxes[:, 0]   # (N,), shifted like exps
    losses = xp.subtract(xp.log(sums), target_logits, out=losses)      # (N,)
    losses *= valid
    return losses, exps, sums


def cross_entropy_backward(dloss, exps, sums, targets, ignore_index, n_valid, out=None):
    """dloss (), exps (N, V), sums (N,), targets (N,) -> dlogits (N, V)

    dlogits_i = (exps_i / sums_i - onehot(target_i)) * dloss / n_valid on valid rows, 0 on ignored
    rows. `out` may be `exps` itself, to reuse its memory (then exps is overwritten).
    """
    xp = backend.xp(exps)
    valid = targets != ignore_index
    row_scale = (valid * (dloss / n_valid)).astype(exps.dtype)  # (N,): dloss / n_valid or 0
    dlogits = xp.multiply(exps, (row_scale / sums)[:, None], out=out)   # softmax * row_scale
    dlogits[xp.arange(exps.shape[0]), xp.where(valid, targets, 0)] -= row_scale
    return dlogits


class CrossEntropy(Function):
    """logits (N, V), targets (N,) integers -> loss (): mean softmax cross-entropy over the rows
    whose target is not ignore_index. dlogits = (softmax - onehot) * dloss / n_valid.

    Saved for backward on either device: targets, ignore_index, n_valid, and `softmax`, what gives
    the probabilities back: (exps, sums) from cross_entropy_forward on the CPU (softmax =
    exps / sums), (logits, lse) on the GPU (softmax = exp(logits - lse), recomputed there).
    On the CPU the rows are split over the threads (backend.in_parts)."""

    def forward(self, logits, targets, ignore_index=-100):
        if logits.ndim != 2 or targets.shape != logits.shape[:1]:
            raise ValueError(f"cross_entropy: logits must be (N, V) and targets (N,), got "
                             f"{logits.shape} and {targets.shape}")
        if targets.dtype.kind not in "iu":
            raise TypeError(f"cross_entropy: targets must be integers, got dtype {targets.dtype}")
        self.targets, self.ignore_index = targets, ignore_index
        if backend.uses_kernels(logits):  # the GPU: cross_entropy.cu; softmax recomputed in backward
            from tinygrad_guppy.engine import cuda
            loss, lse, self.n_valid = cuda.cross_entropy_forward(logits, targets, ignore_index)
            self.softmax = (logits, lse)
            return loss                                          # float32, even for float16 logits
        xp = backend.xp(logits)
        if xp is np:  # a host-side check; on the GPU the model checks the batch first
            bad = (targets != ignore_index) & ((targets < 0) | (targets >= logits.shape[1]))
            if bad.any():
                raise ValueError(f"cross_entropy: targets must be in [0, {logits.shape[1]}) or "
                                 f"{ignore_index} (ignored); got {targets[bad][:5].tolist()}")
        losses, exps, sums = backend.in_parts(cross_entropy_forward, logits, targets, ignore_index,
                                              out=(None, xp.empty_like(logits), None))  # rows per thread
        self.softmax = (exps, sums)
        self.n_valid = xp.maximum((targets != ignore_index).sum(), 1)
        return (losses.sum() / self.n_valid).astype(logits.dtype)

    def backward(self, dloss):
        if backend.uses_kernels(dloss):
            from tinygrad_guppy.engine import cuda
            logits, lse = self.softmax
            dlogits = cuda.cross_entropy_backward(dloss, logits, lse, self.targets, self.n_valid,
                                                  self.ignore_index)
            return dlogits, None
        # subtle: dlogits is written over the saved exps (nothing reads them after this; the
        # engine frees the graph once backward has run), which saves an (N, V) array.
        exps, sums = self.softmax
        dlogits = backend.in_parts(cross_entropy_backward, dloss, exps, sums, self.targets,
                                   self.ignore_index, self.n_valid, out=exps)
        return dlogits, None


# ---- the functional forms that modules and users call --------------------------------------------

def embedding(tok, pos, idx, positions=None):
    return Embed.apply(tok, pos, idx=idx, positions=positions)


def bias_relu(y, b):
    return BiasReLU.apply(y, b)


def residual(x, y, b, p=0.0, rng=None):
    return Residual.apply(x, y, b, p=p, rng=rng)


def layer_norm(x, w, b, eps=1e-5):
    return LayerNorm.apply(x, w, b, eps=eps)


def causal_self_attention(qkv, n_head, segments=None, p=0.0, rng=None, bias=None):
    inputs = (qkv,) if bias is None else (qkv, bias)
    return CausalSelfAttention.apply(*inputs, n_head=n_head, segments=segments, p=p, rng=rng)


def cross_entropy(logits, targets, ignore_index=-100):
    return CrossEntropy.apply(logits, targets, ignore_index=ignore_index)
