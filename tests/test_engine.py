"""The autograd engine itself: accumulation, graph shapes, no_grad, errors, dtypes."""

import numpy as np
import pytest

from tinygrad_guppy import Tensor, no_grad
from tinygrad_guppy.engine import ops


def test_x_plus_x_times_x_accumulates():
    # y = (x + x) * x = 2x^2, dy/dx = 4x: x is used three times, and every use must add up
    # (the bug early tinygrad once had was overwriting instead of accumulating).
    x = Tensor(np.array([2.0, -3.0]), requires_grad=True)
    ((x + x) * x).sum().backward()
    np.testing.assert_allclose(x.grad, [8.0, -12.0])


def test_diamond_graph():
    # a -> b, c -> d: d = b * c with b = 3a, c = a^2, so d = 3a^3 and dd/da = 9a^2
    a = Tensor(np.array([1.5, 2.0]), requires_grad=True)
    b = a * 3.0
    c = a * a
    (b * c).sum().backward()
    np.testing.assert_allclose(a.grad, 9 * np.array([1.5, 2.0]) ** 2)


def test_two_backward_calls_accumulate_into_leaves():
    x = Tensor(np.array([1.0, 2.0, 3.0]), requires_grad=True)
    (x * x).sum().backward()
    (x * 5.0).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * np.array([1.0, 2.0, 3.0]) + 5.0)


def test_shared_gradient_arrays_are_not_mutated():
    # Add returns the same dout array to both inputs; a later accumulation must not change the
    # other input's gradient through that shared array.
    a = Tensor(np.ones(3), requires_grad=True)
    b = Tensor(np.ones(3), requires_grad=True)
    s = a + b
    (s * 2.0 + a).sum().backward()
    np.testing.assert_allclose(a.grad, [3.0, 3.0, 3.0])
    np.testing.assert_allclose(b.grad, [2.0, 2.0, 2.0])


def test_no_grad_builds_no_graph():
    x = Tensor(np.ones(3), requires_grad=True)
    with no_grad():
        y = (x * 2.0).exp()
    assert not y.requires_grad and y._ctx is None
    z = x * 2.0
    assert z.requires_grad and isinstance(z._ctx, ops.Mul)


def test_constants_need_no_grad_and_get_none():
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    c = Tensor(np.array([3.0, 4.0]))
    (x * c).sum().backward()
    np.testing.assert_allclose(x.grad, [3.0, 4.0])
    assert c.grad is None


def test_graph_is_freed_and_second_backward_is_a_clear_error():
    x = Tensor(np.ones(2), requires_grad=True)
    y = (x * 3.0).sum()
    y.backward()
    with pytest.raises(RuntimeError, match="second time"):
        y.backward()


def test_intermediate_grads_dropped_unless_retained():
    x = Tensor(np.ones(2), requires_grad=True)
    h = (x * 2.0).retain_grad()
    k = h * 3.0
    k.sum().backward()
    np.testing.assert_allclose(h.grad, [3.0, 3.0])
    assert k.grad is None


def test_backward_needs_scalar_or_grad():
    x = Tensor(np.ones(3), requires_grad=True)
    with pytest.raises(RuntimeError, match="one-element"):
        (x * 2.0).backward()
    (x * 2.0).backward(np.ones(3))
    np.testing.assert_allclose(x.grad, [2.0, 2.0, 2.0])


def test_deep_graph_does_not_overflow_the_stack():
    x = Tensor(np.ones(1), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [1.0])


def test_python_scalars_keep_float32():
    x = Tensor(np.ones(3, dtype=np.float32), requires_grad=True)
    y = (2.0 * x - 1 + x / 3.0) ** 2
    assert y.dtype == np.float32
    y.sum().backward()
    assert x.grad.dtype == np.float32


def test_float64_constant_does_not_upcast_float32():
    x = Tensor(np.ones(3, dtype=np.float32), requires_grad=True)
    assert (x * np.array([1.0, 2.0, 3.0])).dtype == np.float32   # the float64 constant is cast


def test_mismatched_shapes_are_clear_errors():
    a = Tensor(np.ones((2, 3)), requires_grad=True)
    with pytest.raises(ValueError, match=r"add: shapes \(2, 3\) and \(4,\)"):
        a + Tensor(np.ones(4))
    with pytest.raises(ValueError, match=r"matmul: inner sizes differ: \(2, 3\) @ \(2, 3\)"):
        a @ Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match="reshape"):
        a.reshape(4, 2)
    with pytest.raises(TypeError, match="embedding: ids must be integers"):
        ops.Embedding.apply(a, np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"embedding: ids must be in \[0, 2\)"):
        ops.Embedding.apply(a, np.array([0, 5]))


def test_requires_grad_only_for_floats():
    with pytest.raises(TypeError, match="floating"):
        Tensor(np.array([1, 2]), requires_grad=True)


def test_a_gradient_has_its_tensors_dtype():
    """A float32 tensor feeding a float64 op (as a float16 activation feeds the float32 residual add
    in mixed precision) gets its gradient back in float32."""
    x = Tensor(np.ones(3, dtype=np.float32), requires_grad=True)
    y = Tensor(np.ones(3, dtype=np.float64), requires_grad=True)
    (x * y).sum().backward()
    assert x.grad.dtype == np.float32 and y.grad.dtype == np.float64
    assert np.array_equal(x.grad, np.ones(3, dtype=np.float32))
