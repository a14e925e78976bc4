"""Every op against central finite differences in float64, over shapes and values that hypothesis
generates (broadcasting, size-1 axes, T = 1, masks), kept off kinks on purpose. Fused ops are also
checked against the same math composed from primitives through our own autograd."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tinygrad_guppy import Tensor
from tinygrad_guppy.engine import fused, ops
from tinygrad_guppy.gradcheck import check_function, format_row

FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_gradients(fn, *inputs, **settings_):
    rows = check_function(fn, inputs, **settings_)
    assert rows and all(r.passed for r in rows), "\n".join(format_row(r) for r in rows)


def values(shape, seed, low=-2.0, high=2.0):
    return np.random.default_rng(seed).uniform(low, high, size=shape)


def away_from_zero(x, gap=0.1):
    """Keep values off a kink at 0: |x| >= gap."""
    return np.where(x >= 0, x + gap, x - gap)


shapes = hnp.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=5)
seeds = st.integers(0, 2**16)


# ---- elementwise, with broadcasting --------------------------------------------------------------

@FAST
@given(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4, max_side=4), seeds,
       st.sampled_from(["add", "sub", "mul", "div"]))
@example(hnp.BroadcastableShapes(input_shapes=((3, 1), (4,)), result_shape=(3, 4)), 0, "mul")
@example(hnp.BroadcastableShapes(input_shapes=((1,), (2, 1, 3)), result_shape=(2, 1, 3)), 1, "div")
def test_binary_ops(shapes_, seed, name):
    x_shape, y_shape = shapes_.input_shapes
    x = values(x_shape, seed)
    y = values(y_shape, seed + 1)
    if name == "div":
        y = away_from_zero(y, 0.5)   # 1/y is steep near 0
    op = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b,
          "mul": lambda a, b: a * b, "div": lambda a, b: a / b}[name]
    assert_gradients(op, x, y, seed=seed)


@FAST
@given(shapes, seeds)
def test_unary_ops(shape, seed):
    x = values(shape, seed)
    assert_gradients(lambda a: -a, x, seed=seed)
    assert_gradients(lambda a: a.exp(), x, seed=seed)
    assert_gradients(lambda a: a.relu(), away_from_zero(x), seed=seed)       # off the kink at 0
    positive = values(shape, seed, 0.5, 3.0)                                  # log, pow: x > 0
    assert_gradients(lambda a: a.log(), positive, seed=seed)
    assert_gradients(lambda a: a ** 3, x, seed=seed)
    assert_gradients(lambda a: a ** -0.5, positive, seed=seed)


@FAST
@given(shapes, seeds, st.floats(0.05, 0.7))
def test_dropout(shape, seed, p):
    # the same generator state on every call, so f is one fixed function of x
    fn = lambda a: ops.Dropout.apply(a, p=p, rng=np.random.default_rng(seed))
    assert_gradients(fn, values(shape, seed), seed=seed)


def test_dropout_statistics_and_eval():
    x = Tensor(np.ones(100_000))
    y = ops.Dropout.apply(x, p=0.25, rng=np.random.default_rng(0)).numpy()
    assert abs((y == 0).mean() - 0.25) < 0.01          # drops about p
    assert set(np.unique(y)) == {0.0, 1 / 0.75}         # scales the rest by 1 / (1 - p)


# ---- reductions ----------------------------------------------------------------------------------

@st.composite
def shape_and_axis(draw):
    shape = draw(shapes)
    axis = draw(st.one_of(st.none(), st.integers(-len(shape), len(shape) - 1),
                          st.lists(st.integers(0, len(shape) - 1), min_size=1, unique=True).map(tuple)))
    return shape, axis, draw(st.booleans())


@FAST
@given(shape_and_axis(), seeds)
def test_reductions(shape_axis_keepdims, seed):
    shape, axis, keepdims = shape_axis_keepdims
    x = values(shape, seed)
    assert_gradients(lambda a: a.sum(axis=axis, keepdims=keepdims), x, seed=seed)
    assert_gradients(lambda a: a.mean(axis=axis, keepdims=keepdims), x, seed=seed)
    # max: distinct values a fixed gap apart, so no tie (a kink) is within reach of the step h
    distinct = np.random.default_rng(seed).permutation(x.size).reshape(shape) * 0.01
    assert_gradients(lambda a: a.max(axis=axis, keepdims=keepdims), distinct, seed=seed)


# ---- movement ------------------------------------------------------------------------------------

@FAST
@given(shapes, seeds)
def test_reshape_and_permute(shape, seed):
    x = values(shape, seed)
    assert_gradients(lambda a: a.reshape(-1), x, seed=seed)
    assert_gradients(lambda a: a.reshape(1, *reversed(shape)), x, seed=seed)
    axes = tuple(np.random.default_rng(seed).permutation(len(shape)))
    assert_gradients(lambda a: a.permute(axes), x, seed=seed)
    if len(shape) >= 2:
        assert_gradients(lambda a: a.transpose(0, -1), x, seed=seed)


def test_getitem_slices_integers_and_repeated_ids():
    x = values((5, 4, 3), 0)
    assert_gradients(lambda a: a[1:4, ::2], x)
    assert_gradients(lambda a: a[2], x)
    assert_gradients(lambda a: a[..., -1], x)
    ids = np.array([0, 3, 3, 1, 0])                      # repeats must add up
    assert_gradients(lambda a: a[ids], x)
    assert_gradients(lambda a: a[ids, np.array([1, 1, 2, 0, 1])], x)
    rows = np.array([True, False, True, True, False])    # a boolean mask picks each row once
    assert_gradients(lambda a: a[rows], x)
    assert_gradients(lambda a: a.reshape(20, 3)[np.arange(20) % 3 == 1], x)


def test_concatenate():
    a, b, c = values((2, 3), 0), values((2, 1), 1), values((2, 4), 2)
    assert_gradients(lambda x, y, z: Tensor.cat([x, y, z], axis=1), a, b, c)
    assert_gradients(lambda x, y: Tensor.cat([x, y], axis=0), values((1, 3), 3), values((3, 3), 4))


# ---- products and lookups ------------------------------------------------------------------------

@st.composite
def matmul_shapes(draw):
    batch = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=2, max_side=3))
    n, k, m = draw(st.integers(1, 5)), draw(st.integers(1, 5)), draw(st.integers(1, 5))
    return batch.input_shapes[0] + (n, k), batch.input_shapes[1] + (k, m)


@FAST
@given(matmul_shapes(), seeds)
@example(((2, 1, 3, 4), (5, 4, 2)), 0)
def test_matmul_batched_and_broadcast(ab_shapes, seed):
    a_shape, b_shape = ab_shapes
    assert_gradients(lambda a, b: a @ b, values(a_shape, seed), values(b_shape, seed + 1), seed=seed)


@FAST
@given(st.sampled_from([(1, 1, 3), (2, 3, 4), (1, 5, 2)]), st.integers(1, 6), st.booleans(), seeds)
def test_linear(x_shape, out_features, bias, seed):
    x = values(x_shape, seed)
    w = values((out_features, x_shape[-1]), seed + 1)
    if bias:
        assert_gradients(lambda a, b, c: ops.Linear.apply(a, b, c), x, w, values((out_features,), seed + 2))
    else:
        assert_gradients(lambda a, b: ops.Linear.apply(a, b), x, w)


def test_embedding_scatter_adds_repeated_ids():
    weight = values((7, 3), 0)
    ids = np.array([[0, 3, 3], [6, 0, 3]])
    assert_gradients(lambda w, i: ops.Embedding.apply(w, i), weight, ids)


# ---- fused ops: finite differences, and the same math from primitives ----------------------------

def softmax_composed(x):
    e = (x - x.max(axis=-1, keepdims=True)).exp()
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax_composed(x):
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - shifted.exp().sum(axis=-1, keepdims=True).log()


def layernorm_composed(x, w, b, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    xc = x - mean
    var = (xc * xc).mean(axis=-1, keepdims=True)
    return xc * (var + eps) ** -0.5 * w + b


def attention_composed(qkv, n_head, segments=None, p=0.0, rng=None):
    B, T, C3 = qkv.shape
    C, hs = C3 // 3, C3 // 3 // n_head
    split = qkv.reshape(B, T, 3, n_head, hs).permute(2, 0, 3, 1, 4)         # (3, B, nh, T, hs)
    q, k, v = split[0], split[1], split[2]
    att = (q @ k.transpose()) * (1.0 / math.sqrt(hs))
    allowed = fused.attention_allowed(T, segments)
    att = att + np.where(allowed, 0.0, -np.inf)
    probs = softmax_composed(att)
    if p > 0:
        keep = rng.random((B, n_head, T, T), dtype=np.float64) >= p
        probs = probs * (keep / (1 - p))
    return (probs @ v).permute(0, 2, 1, 3).reshape(B, T, C)


def cross_entropy_composed(logits, targets, ignore_index):
    valid = targets != ignore_index
    picked = log_softmax_composed(logits)[np.arange(len(targets)), np.where(valid, targets, 0)]
    return -(picked * valid.astype(np.float64)).sum() / max(valid.sum(), 1)


def assert_same_as_composed(fused_fn, composed_fn, *inputs, seed=0):
    """Outputs and gradients (for a random upstream gradient) agree to 1e-10 in float64."""
    results = []
    for fn in (fused_fn, composed_fn):
        tensors = [Tensor(a, requires_grad=a.dtype == np.float64) for a in inputs]
        out = fn(*tensors)
        dout = np.random.default_rng(seed).standard_normal(out.shape)
        out.backward(dout)
        results.append([out.data] + [t.grad for t in tensors if t.requires_grad])
    for got, want in zip(*results):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


@FAST
@given(shapes, seeds)
def test_softmax_and_log_softmax(shape, seed):
    x = values(shape, seed, -4, 4)
    assert_gradients(lambda a: a.softmax(), x, seed=seed)
    assert_gradients(lambda a: a.log_softmax(), x, seed=seed)
    assert_same_as_composed(lambda a: a.softmax(), softmax_composed, x, seed=seed)
    assert_same_as_composed(lambda a: a.log_softmax(), log_softmax_composed, x, seed=seed)


@FAST
@given(st.integers(1, 4), st.integers(1, 6), st.sampled_from([2, 3, 8, 33]), seeds)
@example(2, 4, 2, 17952)   # C = 2: the x-gradient is tiny, the sum f = sum(out * dout) cancels
def test_layernorm(B, T, C, seed):
    # rows with spread (uniform in [-2, 2)): a near-constant row makes rstd huge (ill-conditioned)
    x, w, b = values((B, T, C), seed), values((C,), seed + 1), values((C,), seed + 2)
    fn = lambda a, ww, bb: fused.layer_norm(a, ww, bb)
    assert_gradients(fn, x, w, b, seed=seed)
    assert_same_as_composed(fn, layernorm_composed, x, w, b, seed=seed)


@st.composite
def attention_cases(draw):
    B, T = draw(st.integers(1, 3)), draw(st.integers(1, 7))
    n_head, hs = draw(st.integers(1, 3)), draw(st.integers(1, 4))
    segments = None
    if draw(st.booleans()):   # packed rows: sample ids that only grow along a row
        starts = draw(st.lists(st.lists(st.booleans(), min_size=T, max_size=T), min_size=B, max_size=B))
        segments = np.cumsum(np.array(starts, dtype=np.int64), axis=1)
    p = draw(st.sampled_from([0.0, 0.0, 0.3]))
    return B, T, n_head, hs, segments, p


@FAST
@given(attention_cases(), seeds)
@example((1, 1, 1, 1, None, 0.0), 0)                                   # T = 1
@example((2, 5, 2, 3, np.array([[0, 0, 1, 1, 1], [0, 1, 2, 2, 2]]), 0.3), 1)
def test_causal_attention(case, seed):
    B, T, n_head, hs, segments, p = case
    qkv = values((B, T, 3 * n_head * hs), seed)
    fn = lambda a: fused.causal_self_attention(a, n_head, segments, p, np.random.default_rng(seed))
    composed = lambda a: attention_composed(a, n_head, segments, p, np.random.default_rng(seed))
    assert_gradients(fn, qkv, seed=seed)
    assert_same_as_composed(fn, composed, qkv, seed=seed)


def test_attention_mask_keeps_samples_apart():
    # a packed row of two samples: the second sample's output must not depend on the first's
    qkv = values((1, 5, 6), 0)
    segments = np.array([[0, 0, 1, 1, 1]])
    y1 = fused.causal_self_attention(Tensor(qkv), 2, segments).numpy()
    qkv2 = qkv.copy()
    qkv2[0, :2] += 10.0                                   # change the first sample only
    y2 = fused.causal_self_attention(Tensor(qkv2), 2, segments).numpy()
    np.testing.assert_allclose(y1[0, 2:], y2[0, 2:])
    assert not np.allclose(y1[0, :2], y2[0, :2])


@FAST
@given(st.integers(1, 6), st.integers(2, 9), st.floats(0.0, 0.9), seeds)
@example(3, 4, 1.0 - 1e-9, 0)        # every target ignored: loss 0, gradient 0
def test_cross_entropy_with_ignore_index(N, V, ignored_share, seed):
    rng = np.random.default_rng(seed)
    logits = values((N, V), seed, -3, 3)
    targets = rng.integers(1, V, size=N)
    targets[rng.random(N) < ignored_share] = 0            # id 0 plays pad: ignored
    fn = lambda a, t: fused.cross_entropy(a, t, ignore_index=0)
    assert_gradients(fn, logits, targets, seed=seed)
    assert_same_as_composed(fn, lambda a, t: cross_entropy_composed(a, t.data, 0), logits, targets, seed=seed)


@FAST
@given(st.integers(1, 3), st.integers(1, 5), st.integers(1, 6), seeds)
def test_bias_relu(B, T, C, seed):
    y, b = values((B, T, C), seed), values((C,), seed + 1)
    y = away_from_zero(y + b) - b                            # y + b off the kink at 0
    assert_gradients(lambda a, bb: fused.bias_relu(a, bb), y, b, seed=seed)
    assert_same_as_composed(lambda a, bb: fused.bias_relu(a, bb), lambda a, bb: (a + bb).relu(), y, b, seed=seed)


@FAST
@given(st.integers(1, 3), st.integers(1, 5), st.integers(1, 6), st.sampled_from([0.0, 0.3]), seeds)
def test_residual(B, T, C, p, seed):
    x, y, b = values((B, T, C), seed), values((B, T, C), seed + 1), values((C,), seed + 2)
    # the same generator state on every call, so the dropout mask is fixed
    fn = lambda a, c, bb: fused.residual(a, c, bb, p, np.random.default_rng(seed))
    composed = lambda a, c, bb: a + ops.Dropout.apply(c + bb, p=p, rng=np.random.default_rng(seed)) if p \
        else a + (c + bb)
    assert_gradients(fn, x, y, b, seed=seed)
    assert_same_as_composed(fn, composed, x, y, b, seed=seed)


@pytest.mark.parametrize("positions", [None, np.array([2, 0, 1]), np.array([[0, 1, 2], [1, 1, 0]])],
                         ids=["none", "shared", "per-row"])
def test_embedding_sum(positions):
    tok, pos = values((7, 3), 0), values((4, 3), 1)
    ids = np.array([[0, 3, 3], [6, 0, 3]])                   # repeated ids: the gradients add up
    fn = lambda t, q: fused.embedding(t, q, ids, positions)
    row_positions = np.arange(3) if positions is None else positions
    composed = lambda t, q: (ops.Embedding.apply(t, ids)
                             + ops.Embedding.apply(q, np.broadcast_to(row_positions, ids.shape)))
    assert_gradients(fn, tok, pos)
    assert_same_as_composed(fn, composed, tok, pos)


def test_cross_entropy_bad_targets():
    logits = Tensor(np.zeros((2, 4)))
    with pytest.raises(ValueError, match=r"cross_entropy: targets must be in \[0, 4\)"):
        fused.cross_entropy(logits, np.array([1, 9]), ignore_index=0)
    with pytest.raises(TypeError, match="integers"):
        fused.cross_entropy(logits, np.array([1.0, 2.0]), ignore_index=0)


def test_check_function_catches_a_wrong_gradient():
    # The oracle must be able to fail: an op whose backward is off by 1% is caught.
    class WrongSquare(ops.Function):
        def forward(self, x):
            self.x = x
            return x * x

        def backward(self, dout):
            return dout * 2.02 * self.x

    rows = check_function(lambda a: WrongSquare.apply(a), [values((3, 4), 0)])
    assert not rows[0].passed
