"""The primitive ops: one Function each, forward and backward side by side.

Every docstring gives the shape contract and the derivative. `dout` is the gradient of the final
scalar with respect to the op's output; backward returns the gradient with respect to each input
(None for an input that takes none, such as token ids). Arrays are NumPy or CuPy: `backend.xp(a)`
picks the module, so the same code runs on both devices and in any float dtype (float32 in
training, float64 in gradient checks). Backward never writes into `dout` (it may be shared).
"""

import itertools

import numpy as np

from tinygrad_guppy.engine import backend
from tinygrad_guppy.engine.tensor import Function


def unbroadcast(grad, shape):
    """Sum `grad` over the axes that broadcasting added or stretched, so it has `shape` again.

    Example: x (3, 1) + y (4,) -> out (3, 4); then dx = dout.sum(axis=1, keepdims=True) of shape
    (3, 1) and dy = dout.sum(axis=0) of shape (4,).
    """
    if grad.shape == tuple(shape):
        return grad
    extra = grad.ndim - len(shape)  # leading axes that broadcasting added
    stretched = tuple(extra + i for i, n in enumerate(shape) if n == 1 and grad.shape[extra + i] != 1)
    return grad.sum(axis=tuple(range(extra)) + stretched, keepdims=True).reshape(shape)


def _check_broadcast(op, x, y):
    try:
        backend.xp(x, y).broadcast_shapes(x.shape, y.shape)
    except ValueError:
        raise ValueError(f"{op}: shapes {x.shape} and {y.shape} do not broadcast "
                         f"(trailing axes must match or be 1)") from None


# ---- elementwise ---------------------------------------------------------------------------------

class Add(Function):
    """x, y broadcastable -> out = x + y.   dx = dout,  dy = dout (each summed back to its shape)"""

    def forward(self, x, y):
        _check_broadcast("add", x, y)
        self.x_shape, self.y_shape = x.shape, y.shape
        return x + y

    def backward(self, dout):
        return unbroadcast(dout, self.x_shape), unbroadcast(dout, self.y_shape)


class Sub(Function):
    """x, y broadcastable -> out = x - y.   dx = dout,  dy = -dout"""

    def forward(self, x, y):
        _check_broadcast("sub", x, y)
        self.x_shape, self.y_shape = x.shape, y.shape
        return x - y

    def backward(self, dout):
        dy = unbroadcast(-dout, self.y_shape) if self.needs_input_grad[1] else None
        return unbroadcast(dout, self.x_shape), dy


class Mul(Function):
    """x, y broadcastable -> out = x * y.   dx = dout * y,  dy = dout * x"""

    def forward(self, x, y):
        _check_broadcast("mul", x, y)
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        dx = unbroadcast(dout * self.y, self.x.shape) if self.needs_input_grad[0] else None
        dy = unbroadcast(dout * self.x, self.y.shape) if self.needs_input_grad[1] else None
        return dx, dy


class Div(Function):
    """x, y broadcastable, y != 0 -> out = x / y.   dx = dout / y,  dy = -dout * x / y^2"""

    def forward(self, x, y):
        _check_broadcast("div", x, y)
        self.x, self.y = x, y
        return x / y

    def backward(self, dout):
        dx = unbroadcast(dout / self.y, self.x.shape) if self.needs_input_grad[0] else None
        dy = unbroadcast(-dout * self.x / (self.y * self.y), self.y.shape) if self.needs_input_grad[1] else None
        return dx, dy


class Neg(Function):
    """x -> out = -x.   dx = -dout"""

    def forward(self, x):
        return -x

    def backward(self, dout):
        return -dout


class Pow(Function):
    """x -> out = x ** c for a constant number c (x > 0 unless c is an integer).
    dx = dout * c * x ** (c - 1)"""

    def forward(self, x, exponent):
        if not isinstance(exponent, (int, float)):
            raise TypeError(f"pow: the exponent must be a Python number, got {type(exponent).__name__}")
        self.x, self.c = x, exponent
        return x ** exponent

    def backward(self, dout):
        return dout * self.c * self.x ** (self.c - 1)


class Exp(Function):
    """x -> out = e^x.   dx = dout * out"""

    def forward(self, x):
        self.out = backend.xp(x).exp(x)
        return self.out

    def backward(self, dout):
        return dout * self.out


class Log(Function):
    """x > 0 -> out = ln x.   dx = dout / x   (kink-free, but keep x away from 0 in checks)"""

    def forward(self, x):
        self.x = x
        return backend.xp(x).log(x)

    def backward(self, dout):
        return dout / self.x


class ReLU(Function):
    """x -> out = max(x, 0).   dx = dout where x > 0, else 0   (a kink at 0: checks avoid it)"""

    def forward(self, x):
        self.out = backend.xp(x).maximum(x, 0)
        return self.out

    def backward(self, dout):
        return dout * (self.out > 0)


class Dropout(Function):
    """x -> out = x * keep / (1 - p), keep ~ Bernoulli(1 - p) drawn from `rng`.
    dx = dout * keep / (1 - p)"""

    def forward(self, x, p, rng):
        if not 0.0 <= p < 1.0:
            raise ValueError(f"dropout: p must be in [0, 1), got {p}")
        if backend.uses_kernels(x):  # the GPU: keep is a hash of a seed (epilogue.cu), never stored
            from tinygrad_guppy.engine import cuda
            self.p, self.seed = p, cuda.draw_seed(rng)
            return cuda.dropout(x, p, self.seed)
        keep = rng.random(x.shape, dtype=x.dtype) >= p   # bool, True with probability 1 - p
        keep = backend.xp(x).asarray(keep)               # (float64 on a GPU: the mask copied there)
        self.scaled_keep = keep * x.dtype.type(1.0 / (1.0 - p))  # keep / (1 - p), in x's dtype
        return x * self.scaled_keep

    def backward(self, dout):
        if backend.uses_kernels(dout):
            from tinygrad_guppy.engine import cuda
            return cuda.dropout(dout, self.p, self.seed)      # the same mask, decided again
        return dout * self.scaled_keep


# ---- reductions ----------------------------------------------------------------------------------

def _expand(dout, x_shape, axis, keepdims):
    """Put back the reduced axes of a reduction's dout as size-1 axes, ready to broadcast to x."""
    if axis is None or keepdims:
        return dout.reshape([1] * len(x_shape)) if axis is None else dout
    axes = (axis,) if isinstance(axis, int) else axis
    axes = sorted(a % len(x_shape) for a in axes)
    shape = list(dout.shape)
    for a in axes:
        shape.insert(a, 1)
    return dout.reshape(shape)


class Sum(Function):
    """x -> out = sum of x over `axis` (None: all).   dx = dout broadcast back over the summed axes"""

    def forward(self, x, axis=None, keepdims=False):
        self.x_shape, self.axis, self.keepdims = x.shape, axis, keepdims
        return x.sum(axis=axis, keepdims=keepdims)

    def backward(self, dout):
        dout = _expand(dout, self.x_shape, self.axis, self.keepdims)
        return backend.xp(dout).broadcast_to(dout, self.x_shape)


class Mean(Function):
    """x -> out = mean of x over `axis` (None: all).   dx = dout / n broadcast back (n = count)"""

    def forward(self, x, axis=None, keepdims=False):
        self.x_shape, self.axis, self.keepdims = x.shape, axis, keepdims
        out = x.mean(axis=axis, keepdims=keepdims)
        self.n = x.size // max(out.size, 1)
        return out

    def backward(self, dout):
        dout = _expand(dout, self.x_shape, self.axis, self.keepdims) / self.n
        return backend.xp(dout).broadcast_to(dout, self.x_shape)


class Max(Function):
    """x -> out = max of x over `axis`.   dx = dout at the maximum (shared equally between ties;
    a tie is a kink, so checks use distinct values)"""

    def forward(self, x, axis=None, keepdims=False):
        self.x, self.axis, self.keepdims = x, axis, keepdims
        self.out = x.max(axis=axis, keepdims=True)
        return self.out if keepdims else self.out.reshape(x.max(axis=axis).shape)

    def backward(self, dout):
        is_max = self.x == self.out
        share = is_max / is_max.sum(axis=self.axis, keepdims=True)
        return share.astype(self.x.dtype) * _expand(dout, self.x.shape, self.axis, self.keepdims)


# ---- movement ------------------------------------------------------------------------------------

class Reshape(Function):
    """x -> out with the same elements in `shape` (one entry may be -1).   dx = dout reshaped back"""

    def forward(self, x, shape):
        self.x_shape = x.shape
        try:
            return x.reshape(shape)
        except ValueError:
            raise ValueError(f"reshape: cannot reshape {x.shape} ({x.size} elements) to {shape}") from None

    def backward(self, dout):
        return dout.reshape(self.x_shape)


class Permute(Function):
    """x -> out with its axes reordered: out.shape[i] = x.shape[axes[i]].
    dx = dout with the inverse order (axis axes[i] of x is axis i of out)"""

    def forward(self, x, axes):
        if sorted(a % x.ndim for a in axes) != list(range(x.ndim)):
            raise ValueError(f"permute: {axes} is not a permutation of the {x.ndim} axes of {x.shape}")
        self.axes = axes
        return x.transpose(axes)

    def backward(self, dout):
        inverse = [0] * len(self.axes)
        for i, a in enumerate(self.axes):
            inverse[a % len(self.axes)] = i
        return dout.transpose(inverse)


def _may_repeat(index):
    """True when the index holds an integer array or list (NumPy's 'advanced' indexing), which may
    name one place twice. A boolean mask never does."""
    parts = index if isinstance(index, tuple) else (index,)
    return any(isinstance(i, list) or getattr(i, "ndim", 0) > 0 and i.dtype != bool for i in parts)


class GetItem(Function):
    """x -> out = x[index], for slices, integers, integer arrays and boolean masks.
    dx = zeros of x's shape with dout added at the indexed places (repeated indices add up)"""

    def forward(self, x, index):
        self.x_shape, self.dtype, self.index = x.shape, x.dtype, index
        try:
            return x[index]
        except IndexError as e:
            raise IndexError(f"getitem: index {index!r} on shape {x.shape}: {e}") from None

    def backward(self, dout):
        xp = backend.xp(dout)
        dx = xp.zeros(self.x_shape, dtype=self.dtype)
        if _may_repeat(self.index):
            xp.add.at(dx, self.index, dout)   # subtle: dx[index] += dout would drop repeated indices
        else:
            dx[self.index] = dout
        return dx


class Concatenate(Function):
    """x_1 .. x_n, equal except along `axis` -> out joined along it.
    dx_i = the slice of dout that x_i occupies"""

    def forward(self, *xs, axis=0):
        shapes = [x.shape for x in xs]
        try:
            out = backend.xp(*xs).concatenate(xs, axis=axis)
        except ValueError:
            raise ValueError(f"concatenate: shapes {shapes} differ outside axis {axis}") from None
        self.axis, self.sizes = axis, [x.shape[axis] for x in xs]
        return out

    def backward(self, dout):
        ends = list(itertools.accumulate(self.sizes))[:-1]  # where each input's slice ends
        return tuple(backend.xp(dout).split(dout, ends, axis=self.axis))


# ---- products and lookups ------------------------------------------------------------------------

def _swap_last(a):
    return a.swapaxes(-1, -2)


class MatMul(Function):
    """a (..., n, k) @ b (..., k, m) -> out (..., n, m), batch axes broadcast.
    da = dout @ b^T,  db = a^T @ dout (each summed back over broadcast batch axes)"""

    def forward(self, a, b):
        if a.ndim < 2 or b.ndim < 2:
            raise ValueError(f"matmul: both inputs need at least 2 axes, got {a.shape} @ {b.shape}")
        if a.shape[-1] != b.shape[-2]:
            raise ValueError(f"matmul: inner sizes differ: {a.shape} @ {b.shape} "
                             f"({a.shape[-1]} != {b.shape[-2]})")
        try:
            backend.xp(a, b).broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except ValueError:
            raise ValueError(f"matmul: batch axes of {a.shape} and {b.shape} do not broadcast") from None
        self.a, self.b = a, b
        return a @ b

    def backward(self, dout):
        da = unbroadcast(dout @ _swap_last(self.b), self.a.shape) if self.needs_input_grad[0] else None
        db = unbroadcast(_swap_last(self.a) @ dout, self.b.shape) if self.needs_input_grad[1] else None
        return da, db


def linear_forward(x, w, b=None, out=None):
    """x (N, in), w (out, in), b (out,) or None -> y (N, out) = x @ w^T + b, written into `out`
    if given"""
    y = backend.xp(x).matmul(x, w.T, out=out)     # w^T is a view that BLAS reads transposed
    if b is not None:
        y += b
    return y


def linear_backward(dy, x, w, with_bias=True, out=None):
    """dy (N, out), x (N, in), w (out, in) -> dx (N, in), dw (out, in), db (out,) or None;
    dx written into out = (dx, None, None) if given

    From the forward line y = x @ w^T + b:  dx = dy @ w;  dw = dy^T @ x;  db = dy summed over rows
    """
    dx = backend.xp(dy).matmul(dy, w, out=None if out is None else out[0])
    dw = dy.T @ x
    db = dy.sum(axis=0) if with_bias else None
    return dx, dw, db


class Linear(Function):
    """x (..., in), w (out, in), b (out,) or None -> y (..., out) = x @ w^T + b.
    Gradients: linear_backward.

    One op instead of reshape, transpose, matmul and add: the leading axes are flattened so each
    product is one 2-D GEMM (a 3-D @ 2-D matmul would be a loop of small ones). On the CPU the rows
    are split over the threads (backend.in_parts), so that no thread waits for another inside a
    product: that pays most when other programs share the cores (bench/README.md).
    """

    def forward(self, x, w, b=None):
        if x.shape[-1] != w.shape[1]:
            raise ValueError(f"linear: input has {x.shape[-1]} features (shape {x.shape}) but the "
                             f"weight {w.shape} expects {w.shape[1]}")
        self.x2d, self.has_bias, self.w_dtype = x.reshape(-1, x.shape[-1]), b is not None, w.dtype
        if backend.uses_kernels(x):  # the GPU: cuBLAS, in float16 when x is (mixed precision)
            from tinygrad_guppy.engine import cuda
            y, self.w = cuda.linear_forward(self.x2d, w, b)   # self.w: w in x's dtype
        else:
            self.w = w
            y = backend.xp(x).empty((len(self.x2d), w.shape[0]), dtype=x.dtype)     # (N, out)
            backend.in_parts(linear_forward, self.x2d, w=w, b=b, out=y)         # each part its rows
        return y.reshape(*x.shape[:-1], w.shape[0])

    def backward(self, dy):
        dy2d = dy.reshape(-1, dy.shape[-1])                    # (N, out)
        if backend.uses_kernels(dy):
            from tinygrad_guppy.engine import cuda
            need_dx, need_dw = self.needs_input_grad[:2]
            need_db = self.has_bias and self.needs_input_grad[2]
            dx, dw, db = cuda.linear_backward(dy2d, self.x2d, self.w, self.w_dtype,
                                              need_dx, need_dw, need_db)
        else:   # each thread's rows give their dx rows and their share of the sums dw and db
            dx = backend.xp(dy).empty((len(dy2d), self.w.shape[1]), dtype=dy.dtype)    # (N, in)
            dx, dw, db = backend.in_parts(linear_backward, dy2d, self.x2d, w=self.w,
                                          with_bias=self.has_bias, join=("rows", "sum", "sum"),
                                          out=(dx, None, None))
        if dx is not None:
            dx = dx.reshape(*dy.shape[:-1], self.w.shape[1])
        return (dx, dw, db) if self.has_bias else (dx, dw)


class Embedding(Function):
    """weight (V, C), ids (...) integers in [0, V) -> out (..., C) = weight[ids].
    dweight = zeros (V, C) with each row of dout added at its id (scatter-add; ids repeat)"""

    def forward(self, weight, ids):
        xp = backend.xp(weight)
        if ids.dtype.kind not in "iu":
            raise TypeError(f"embedding: ids must be integers, got dtype {ids.dtype} (shape {ids.shape})")
        # The range check reads the ids on the host; on the GPU that would stall every step, so
        # there the model checks the batch before it is copied to the device.
        if xp is np and ids.size and (int(ids.min()) < 0 or int(ids.max()) >= weight.shape[0]):
            raise ValueError(f"embedding: ids must be in [0, {weight.shape[0]}) for a table of shape "
                             f"{weight.shape}; got min {int(ids.min())}, max {int(ids.max())}")
        self.weight_shape, self.dtype, self.ids = weight.shape, weight.dtype, ids
        return xp.take(weight, ids, axis=0)

    def backward(self, dout):
        xp = backend.xp(dout)
        dweight = xp.zeros(self.weight_shape, dtype=self.dtype)
        xp.add.at(dweight, self.ids.ravel(), dout.reshape(-1, self.weight_shape[1]))
        return dweight, None
