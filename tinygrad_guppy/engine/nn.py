"""Modules: containers of parameters with a forward(), as in PyTorch, small enough to read whole.

A Module's parameters are the Tensor attributes it holds, found by walking its attributes in the
order they were set (sub-modules and lists of sub-modules included), and named by their path:
`blocks.0.attn.qkv.weight`. A tensor held twice (a tied weight) is one parameter with two names.
"""

import numpy as np

from tinygrad_guppy.engine import backend, fused, ops
from tinygrad_guppy.engine.tensor import Tensor


class Module:
    training = True

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def forward(self, *args, **kwargs):
        raise NotImplementedError

    def _named_tensors(self, prefix=""):
        """Every (name, Tensor) under this module, aliases of a tied tensor included."""
        for name, value in vars(self).items():
            if isinstance(value, Tensor):
                yield prefix + name, value
            elif isinstance(value, Module):
                yield from value._named_tensors(f"{prefix}{name}.")
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, Module):
                        yield from item._named_tensors(f"{prefix}{name}.{i}.")

    def named_parameters(self):
        """(name, Tensor) for each parameter once; a tied tensor under the first name it has."""
        seen = set()
        for name, t in self._named_tensors():
            if id(t) not in seen:
                seen.add(id(t))
                yield name, t

    def parameters(self):
        return [t for _, t in self.named_parameters()]

    def modules(self):
        yield self
        for value in vars(self).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if isinstance(item, Module):
                    yield from item.modules()

    def train(self, mode=True):
        """Training mode (dropout on) for this module and all below it; returns self."""
        for m in self.modules():
            m.training = mode
        return self

    def eval(self):
        """Evaluation mode (dropout off)."""
        return self.train(False)

    def zero_grad(self):
        for p in self.parameters():
            p.grad = None

    def state_dict(self, dtype=np.float32):
        """{name: NumPy array} for every tensor name, tied aliases included (as PyTorch does), as
        float32 copies on the CPU unless `dtype` says otherwise (None keeps each tensor's dtype)."""
        out = {}
        for name, t in self._named_tensors():
            array = backend.to_numpy(t.data)
            out[name] = np.array(array, dtype=dtype or array.dtype, copy=True)
        return out

    def load_state_dict(self, state):
        """Copy arrays into the parameters, strictly: every name must be present with its exact
        shape, and no name may be unknown. A tied alias (lm_head.weight in GuppyLM) may be absent,
        since some writers store a shared tensor once; if present it must equal its twin."""
        named = list(self._named_tensors())
        first_name = {}
        for name, t in named:
            first_name.setdefault(id(t), name)
        expected = {name for name, _ in named}
        unknown = sorted(set(state) - expected)
        missing = sorted(n for n, t in named if n not in state and first_name[id(t)] == n)
        if unknown or missing:
            raise ValueError(f"load_state_dict: state dict does not match the model: "
                             f"missing {missing or 'none'}; unexpected {unknown or 'none'}")
        for name, t in named:
            if name not in state:
                continue
            array = np.asarray(backend.to_numpy(state[name]))
            if array.shape != t.shape:
                raise ValueError(f"load_state_dict: {name} has shape {array.shape}, the model "
                                 f"expects {t.shape}")
            if first_name[id(t)] != name:  # a tied alias: it must agree with the first name
                twin = np.asarray(backend.to_numpy(state.get(first_name[id(t)], array)))
                if not np.array_equal(array.astype(np.float64), twin.astype(np.float64)):
                    raise ValueError(f"load_state_dict: {name} is tied to {first_name[id(t)]} in "
                                     f"this model, but the two arrays in the state dict differ")
                continue
            t.data = backend.to_device(array.astype(t.dtype), t.device)


def _normal(rng, shape, std, dtype, device):
    """Weights drawn on the CPU from an explicit NumPy generator (the same numbers on any device),
    then cast and moved. rng None: zeros, drawing nothing, for weights that are loaded next."""
    if rng is None:
        return Tensor(backend.array_module(device).zeros(shape, dtype=dtype), requires_grad=True)
    return Tensor(backend.to_device(rng.normal(0.0, std, size=shape).astype(dtype), device),
                  requires_grad=True)


def _full(shape, value, dtype, device):
    return Tensor(backend.array_module(device).full(shape, value, dtype=dtype), requires_grad=True)


class Linear(Module):
    """y = x @ weight^T + bias, weight (out, in) as in PyTorch; init normal(0, std) (zeros when rng
    is None), bias 0."""

    def __init__(self, in_features, out_features, bias=True, *, rng, std=0.02, dtype="float32",
                 device="cpu", weight=None):
        self.weight = weight if weight is not None else _normal(
            rng, (out_features, in_features), std, dtype, device)
        self.bias = _full((out_features,), 0.0, dtype, device) if bias else None

    def forward(self, x):
        if self.bias is None:
            return ops.Linear.apply(x, self.weight)
        return ops.Linear.apply(x, self.weight, self.bias)

    def product(self, x):
        """x @ weight^T alone, for a caller that adds the bias in a fused op of its own
        (fused.bias_relu, fused.residual)."""
        return ops.Linear.apply(x, self.weight)


class Embedding(Module):
    """out = weight[ids], weight (num, dim); init normal(0, std) (zeros when rng is None)."""

    def __init__(self, num, dim, *, rng, std=0.02, dtype="float32", device="cpu"):
        self.weight = _normal(rng, (num, dim), std, dtype, device)

    def forward(self, ids):
        return ops.Embedding.apply(self.weight, ids)


class LayerNorm(Module):
    """Normalize the last axis to mean 0, variance 1, then scale and shift (weight 1, bias 0)."""

    def __init__(self, dim, eps=1e-5, *, dtype="float32", device="cpu"):
        self.eps = eps
        self.weight = _full((dim,), 1.0, dtype, device)
        self.bias = _full((dim,), 0.0, dtype, device)

    def forward(self, x):
        return fused.layer_norm(x, self.weight, self.bias, self.eps)


class Dropout(Module):
    """In training, zero each element with probability p and scale the rest by 1 / (1 - p); in
    evaluation, the identity. Masks come from `rng`, a generator the model owns (and checkpoints)."""

    def __init__(self, p, rng):
        self.p, self.rng = p, rng

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        return ops.Dropout.apply(x, p=self.p, rng=self.rng)
