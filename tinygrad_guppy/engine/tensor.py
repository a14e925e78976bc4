"""Tensor, Function and the backward pass: the whole autograd engine.

A Tensor holds an array (`data`, NumPy on the CPU, CuPy on the GPU), its gradient (`grad`, an array
of the same shape once backward has run), `requires_grad`, and `_ctx`, the Function that made it
(None for a leaf such as a parameter or an input).

A Function is one op: `forward` computes the output array from input arrays and keeps what
backward needs; `backward` maps the output's gradient to one gradient per input (None for inputs
that take no gradient, such as token ids). `Function.apply` runs forward and records the graph.

    >>> x = Tensor([2.0, 3.0], requires_grad=True)   # Python floats become float32
    >>> y = (x + x) * x          # y = 2x^2, dy/dx = 4x
    >>> y.sum().backward()
    >>> x.grad
    array([ 8., 12.], dtype=float32)

The rules the engine keeps:
- gradients accumulate: a tensor used twice receives the sum of both gradients (above, x feeds the
  add twice and the mul once), and a second backward() adds to the first one's leaf gradients;
- a tensor's gradient has the tensor's dtype (a float16 activation of mixed precision gets a float16
  gradient even when it fed a float32 op);
- gradient arrays are never modified in place (an op may return the same array to two inputs, as
  add does), so accumulation makes a new array: `grad = grad + g`;
- after backward() the graph is freed as it is walked: each Function is dropped once its backward
  has run (so its saved activations go), and non-leaf tensors drop their grad unless
  `retain_grad()` was called. Call backward() once per forward.

To look inside, `watch(watcher)` shows a watcher every Function as it runs, forward and backward,
with its time (tinygrad_guppy.tape prints one training step this way).
"""

import contextlib
import time

import numpy as np

from tinygrad_guppy.engine import backend

_grad_enabled = True


@contextlib.contextmanager
def no_grad():
    """Inside this block ops build no graph: outputs have requires_grad=False and no _ctx."""
    global _grad_enabled
    previous, _grad_enabled = _grad_enabled, False
    try:
        yield
    finally:
        _grad_enabled = previous


def is_grad_enabled() -> bool:
    return _grad_enabled


_watchers = []


@contextlib.contextmanager
def watch(watcher):
    """Inside this block, after every Function's forward the engine calls
    `watcher.forward(fn, inputs, out, seconds)` (inputs and out are Tensors), and after every
    backward `watcher.backward(fn, dout, grads, seconds)` (arrays: the gradient of fn's output and
    the one per input that backward returned). The times are wall-clock: on the GPU, where work
    runs asynchronously, they measure the launches unless the watcher synchronizes."""
    _watchers.append(watcher)
    try:
        yield watcher
    finally:
        _watchers.remove(watcher)


class Tensor:
    """An n-dimensional array that remembers how it was made, so gradients can flow back."""

    def __init__(self, data, requires_grad=False, dtype=None):
        if isinstance(data, Tensor):
            raise TypeError("Tensor(Tensor) is ambiguous: use t.detach() or t.data")
        array_module = backend.xp(data)
        if not isinstance(data, array_module.ndarray):
            python_data = not isinstance(data, np.generic)  # np.float64(1.0) keeps its dtype
            data = np.asarray(data)
            if dtype is None and python_data and data.dtype.kind == "f":
                data = data.astype(np.float32)  # Python floats become float32, like torch
        if dtype is not None and data.dtype != dtype:
            data = data.astype(dtype)
        if requires_grad and data.dtype.kind != "f":
            raise TypeError(f"only floating tensors can require gradients, got dtype {data.dtype}")
        self.data = data
        self.grad = None
        self.requires_grad = requires_grad
        self._ctx = None        # the Function that made this tensor (None for leaves)
        self._retain_grad = False
        self._graph_freed = False

    # ---- properties ----------------------------------------------------------------------------
    @property
    def shape(self):
        return self.data.shape

    @property
    def dtype(self):
        return self.data.dtype

    @property
    def ndim(self):
        return self.data.ndim

    @property
    def size(self):
        return self.data.size

    @property
    def device(self):
        return backend.device_of(self.data)

    @property
    def is_leaf(self):
        return self._ctx is None

    def __repr__(self):
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor(shape={self.shape}, dtype={self.dtype}, device={self.device}{grad})"

    def numpy(self):
        """The data as a NumPy array (copied from the GPU if needed)."""
        return backend.to_numpy(self.data)

    def item(self):
        return self.data.item()

    def detach(self):
        """The same data, cut from the graph."""
        return Tensor(self.data)

    def retain_grad(self):
        """Keep this non-leaf tensor's gradient after backward (leaves always keep theirs)."""
        self._retain_grad = True
        return self

    def zero_grad(self):
        self.grad = None

    # ---- backward --------------------------------------------------------------------------------
    def backward(self, grad=None):
        """Accumulate d(self)/d(leaf) into every leaf's .grad that requires a gradient.

        `grad` is the upstream gradient; it may be omitted for a tensor of one element (the loss).
        The graph is a DAG; a topological order puts every tensor after the tensors it was made
        from, and walking it backwards visits a tensor only once all its consumers have added
        their contributions to its gradient.
        """
        if not self.requires_grad:
            raise RuntimeError("backward() on a tensor that does not require grad (made under "
                               "no_grad(), or from inputs that need no gradient)")
        if self._graph_freed:
            raise RuntimeError("backward() a second time through the same graph: the first call "
                               "freed it. Run the forward pass again.")
        if grad is None:
            if self.size != 1:
                raise RuntimeError(f"backward() without a gradient needs a one-element tensor, "
                                   f"got shape {self.shape}; pass grad= of that shape")
            grad = backend.xp(self.data).ones_like(self.data)
        elif isinstance(grad, Tensor):
            grad = grad.data
        if grad.shape != self.shape:
            raise ValueError(f"backward(grad) got shape {grad.shape}, tensor has shape {self.shape}")

        # Iterative depth-first topological sort (a recursive one would overflow Python's stack
        # on a deep graph). Each stack entry is (tensor, parents_done).
        topo, visited, stack = [], set(), [(self, False)]
        while stack:
            t, parents_done = stack.pop()
            if parents_done:
                topo.append(t)
                continue
            if id(t) in visited:
                continue
            visited.add(id(t))
            stack.append((t, True))
            if t._ctx is not None:
                for p in t._ctx.parents:
                    if p.requires_grad and id(p) not in visited:
                        stack.append((p, False))

        self.grad = grad if self.grad is None else self.grad + grad
        while topo:
            t = topo.pop()  # popped, so the list does not keep t alive once it is done
            fn = t._ctx
            if fn is None:
                continue  # a leaf: its .grad is the result
            start = time.perf_counter()
            grads = fn.backward(t.grad)
            seconds = time.perf_counter() - start
            if not isinstance(grads, tuple):
                grads = (grads,)
            for watcher in _watchers:
                watcher.backward(fn, t.grad, grads, seconds)
            if len(grads) != len(fn.parents):
                raise RuntimeError(f"{type(fn).__name__}.backward returned {len(grads)} gradients "
                                   f"for {len(fn.parents)} inputs")
            for p, g in zip(fn.parents, grads):
                if g is None or not p.requires_grad:
                    continue
                if g.shape != p.shape:
                    raise RuntimeError(f"{type(fn).__name__}.backward returned a gradient of shape "
                                       f"{g.shape} for an input of shape {p.shape}")
                if g.dtype != p.dtype:
                    # subtle: with mixed precision a float16 tensor can feed a float32 op (the
                    # residual add); its gradient comes back float32 and is cast to its own dtype.
                    g = g.astype(p.dtype)
                p.grad = g if p.grad is None else p.grad + g
            t._ctx, t._graph_freed = None, True  # free the Function and what it saved
            if not t._retain_grad:
                t.grad = None

    # ---- ops: each calls its Function by name (see ops.py and fused.py) --------------------------
    def __add__(self, other): return ops.Add.apply(self, other)
    def __radd__(self, other): return ops.Add.apply(other, self)
    def __sub__(self, other): return ops.Sub.apply(self, other)
    def __rsub__(self, other): return ops.Sub.apply(other, self)
    def __mul__(self, other): return ops.Mul.apply(self, other)
    def __rmul__(self, other): return ops.Mul.apply(other, self)
    def __truediv__(self, other): return ops.Div.apply(self, other)
    def __rtruediv__(self, other): return ops.Div.apply(other, self)
    def __neg__(self): return ops.Neg.apply(self)
    def __pow__(self, exponent): return ops.Pow.apply(self, exponent=exponent)
    def __matmul__(self, other): return ops.MatMul.apply(self, other)
    def __rmatmul__(self, other): return ops.MatMul.apply(other, self)
    def __getitem__(self, index): return ops.GetItem.apply(self, index=_index_arrays(index))

    def exp(self): return ops.Exp.apply(self)
    def log(self): return ops.Log.apply(self)
    def relu(self): return ops.ReLU.apply(self)
    def sum(self, axis=None, keepdims=False): return ops.Sum.apply(self, axis=axis, keepdims=keepdims)
    def mean(self, axis=None, keepdims=False): return ops.Mean.apply(self, axis=axis, keepdims=keepdims)
    def max(self, axis=None, keepdims=False): return ops.Max.apply(self, axis=axis, keepdims=keepdims)
    def matmul(self, other): return ops.MatMul.apply(self, other)
    def permute(self, *axes): return ops.Permute.apply(self, axes=_axes_tuple(axes))
    def softmax(self): return fused.Softmax.apply(self)
    def log_softmax(self): return fused.LogSoftmax.apply(self)

    def reshape(self, *shape):
        return ops.Reshape.apply(self, shape=_axes_tuple(shape))

    def transpose(self, axis0=-2, axis1=-1):
        """Swap two axes (the last two by default)."""
        axes = list(range(self.ndim))
        axes[axis0], axes[axis1] = axes[axis1], axes[axis0]
        return ops.Permute.apply(self, axes=tuple(axes))

    @property
    def T(self):
        return self.transpose()

    @staticmethod
    def cat(tensors, axis=0):
        return ops.Concatenate.apply(*tensors, axis=axis)


def _index_arrays(index):
    """An index may hold Tensors of ids; the op wants their arrays."""
    if isinstance(index, tuple):
        return tuple(i.data if isinstance(i, Tensor) else i for i in index)
    return index.data if isinstance(index, Tensor) else index


def _axes_tuple(axes):
    """Accept both t.reshape(2, 3) and t.reshape((2, 3))."""
    if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
        return tuple(axes[0])
    return tuple(axes)


class Function:
    """One op. Subclasses define forward(*arrays, **settings) and backward(dout).

    `apply` turns non-Tensor positional inputs into constant Tensors of the first floating
    input's dtype (so `x * 2.0` stays float32 in a float32 run), runs forward on the arrays, and,
    when gradients are on and some input requires one, records the inputs as `parents` so that
    `Tensor.backward` can call `backward`. `needs_input_grad[i]` lets backward skip work for inputs
    that take no gradient.
    """

    parents = ()
    needs_input_grad = ()

    def forward(self, *arrays, **settings):
        raise NotImplementedError

    def backward(self, dout):
        raise NotImplementedError

    @classmethod
    def apply(cls, *inputs, **settings):
        tensors = _as_tensors(inputs)
        fn = cls()
        fn.needs_input_grad = tuple(t.requires_grad for t in tensors)
        start = time.perf_counter()
        out = fn.forward(*[t.data for t in tensors], **settings)
        seconds = time.perf_counter() - start
        requires_grad = _grad_enabled and any(fn.needs_input_grad)
        result = Tensor(out, requires_grad=requires_grad)
        if requires_grad:
            fn.parents = tensors
            result._ctx = fn
        for watcher in _watchers:
            watcher.forward(fn, tensors, result, seconds)
        return result


def _as_tensors(inputs):
    """Tensors stay; other values (Python numbers, arrays) become constants of a matching dtype."""
    float_dtype = next((t.dtype for t in inputs if isinstance(t, Tensor) and t.dtype.kind == "f"),
                       None)
    array_module = next((backend.xp(t.data) for t in inputs if isinstance(t, Tensor)), np)
    out = []
    for t in inputs:
        if not isinstance(t, Tensor):
            is_number = isinstance(t, (bool, int, float))
            t = array_module.asarray(t)
            if float_dtype is not None and (is_number or t.dtype.kind == "f"):
                # subtle: a number or float array takes the tensors' dtype. Left alone, a float64
                # array (or a NumPy scalar) would make NumPy 2 upcast a float32 run to float64.
                t = t.astype(float_dtype)
            t = Tensor(t)
        out.append(t)
    return tuple(out)


# ops.py and fused.py define Function subclasses, so they import this module; the Tensor methods
# above refer to them by module name, and these imports come last to close the cycle.
from tinygrad_guppy.engine import fused, ops  # noqa: E402
