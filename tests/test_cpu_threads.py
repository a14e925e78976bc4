"""backend.in_parts splits an op's batch into one part per CPU thread: the caller must get what one
call would give, and a training step the same numbers however many parts there are."""

import threading
import time

import numpy as np
import pytest

from tinygrad_guppy.engine import backend
from tinygrad_guppy import gradcheck
from tinygrad_guppy.model import GuppyLM
from tinygrad_guppy.engine.optim import AdamW

needs_threads = pytest.mark.skipif(backend._openblas is None,
                                   reason="NumPy's BLAS threads cannot be limited here: in_parts "
                                          "makes one call")


def one_step(cfg):
    """Loss, gradients and weights after one AdamW step of a float64 tiny model, dropout on."""
    model = GuppyLM(cfg, seed=0, dtype="float64").train()
    optimizer = AdamW(model.parameters(), lr=1e-2)
    idx, targets, segments, positions = gradcheck.model_batch(cfg)
    loss = model.loss(idx, targets, segments, positions)
    loss.backward()
    grads = {name: p.grad.copy() for name, p in model.named_parameters()}
    optimizer.step(grad_scale=0.5)
    return loss.item(), grads, model.state_dict(dtype=None)


def test_same_step_with_one_or_several_parts(monkeypatch):
    cfg = gradcheck.tiny_config()
    monkeypatch.setattr(backend, "cpu_threads", lambda: 1)
    want_loss, want_grads, want_weights = one_step(cfg)
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)     # uneven parts of the batch
    loss, grads, weights = one_step(cfg)
    assert loss == pytest.approx(want_loss, rel=1e-13)
    for name in want_grads:
        np.testing.assert_allclose(grads[name], want_grads[name], rtol=1e-11, atol=1e-15, err_msg=name)
        # atol: the key bias has a true gradient of 0 (softmax ignores a constant added to every
        # key), so its gradient is rounding noise (1e-15) that differs with the summation order,
        # and AdamW turns it into updates differing by up to 2e-14 (measured)
        np.testing.assert_allclose(weights[name], want_weights[name], rtol=1e-12, atol=1e-13, err_msg=name)


def rows_and_total(x, scale, y, shift=0.0):
    """A function of independent rows: (x * scale + y + shift, the row sums), or None for y."""
    out = x * scale + (0.0 if y is None else y) + shift
    return out, out.sum(axis=1), None


@needs_threads
def test_in_parts_gives_what_one_call_gives(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)
    x, y = np.arange(20.0).reshape(10, 2), np.ones((10, 2))
    want = rows_and_total(x, 2.0, y, shift=1.0)
    got = backend.in_parts(rows_and_total, x, 2.0, y, shift=1.0)   # parts of 3, 3 and 4 rows
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])
    assert got[2] is None
    np.testing.assert_array_equal(backend.in_parts(rows_and_total, x, 2.0, None)[0], x * 2.0)
    assert backend.in_parts(np.square, np.arange(5.0)).tolist() == [0.0, 1.0, 4.0, 9.0, 16.0]


@needs_threads
def test_in_parts_adds_the_results_joined_by_sum(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)
    x = np.arange(20.0).reshape(10, 2)
    doubled, column_sums = backend.in_parts(lambda a: (2 * a, a.sum(axis=0)), x, join=("rows", "sum"))
    np.testing.assert_array_equal(doubled, 2 * x)
    np.testing.assert_array_equal(column_sums, x.sum(axis=0))        # not 3 partial sums side by side
    assert backend.in_parts(np.sum, x, join="sum") == x.sum()
    assert backend.in_parts(np.multiply, x, np.array(3.0)).tolist() == (3 * x).tolist()  # 0-d: whole


@needs_threads
def test_in_parts_runs_the_parts_at_once_on_different_threads(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 2)
    seen = []

    def record(rows):
        seen.append(threading.get_ident())
        return rows

    backend.in_parts(record, np.zeros((4, 1)))
    assert len(seen) == 2 and seen[0] != seen[1] and threading.get_ident() in seen


@needs_threads
def test_in_parts_writes_into_out_in_place(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)
    x, out = np.arange(20.0).reshape(10, 2), np.full((10, 2), np.nan)
    written = []

    def double(rows, out):
        written.append(np.shares_memory(out, target))
        return np.multiply(rows, 2.0, out=out)

    target = out
    assert backend.in_parts(double, x, out=out) is out
    np.testing.assert_array_equal(out, 2 * x)
    assert written == [True, True, True]          # each part wrote its own rows of out


@needs_threads
def test_in_parts_writes_the_results_given_in_out_and_joins_the_others(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)
    x = np.arange(20.0).reshape(10, 2)

    def doubled_and_sums(rows, out):
        doubled, _ = out
        return np.multiply(rows, 2.0, out=doubled), rows.sum(axis=0)

    doubled = np.full((10, 2), np.nan)
    got = backend.in_parts(doubled_and_sums, x, join=("rows", "sum"), out=(doubled, None))
    assert got[0] is doubled
    np.testing.assert_array_equal(doubled, 2 * x)
    np.testing.assert_array_equal(got[1], x.sum(axis=0))      # joined: the parts' sums added


@needs_threads
def test_in_parts_refuses_what_it_cannot_split_or_join(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 2)
    x = np.ones((4, 3))
    with pytest.raises(ValueError, match="same number of rows"):   # w (3,) must go as a keyword
        backend.in_parts(lambda rows, w: rows * w, x, np.ones(3))
    with pytest.raises(RuntimeError, match="instead of writing into the out= array"):
        backend.in_parts(lambda rows, out: rows * 2.0, x, out=np.empty((4, 3)))


def test_in_parts_makes_one_call_with_one_thread(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 1)
    calls = []
    backend.in_parts(lambda rows: calls.append(len(rows)), np.zeros((6, 1)))
    assert calls == [6]


@needs_threads
def test_in_parts_raises_a_part_error_after_every_part_is_done(monkeypatch):
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)
    blas_threads = backend._openblas[1]()
    finished = []

    def bad_or_slow(rows):
        if rows[0, 0] == 0:                  # part 0, on the calling thread
            raise ValueError("part 0 failed")
        time.sleep(0.05)
        finished.append(int(rows[0, 0]))
        return rows

    with pytest.raises(ValueError, match="part 0 failed"):
        backend.in_parts(bad_or_slow, np.arange(3.0).reshape(3, 1))
    assert sorted(finished) == [1, 2]     # the call did not return while a part was still running
    assert backend._openblas[1]() == blas_threads      # and BLAS has its threads back
    np.testing.assert_array_equal(backend.in_parts(np.negative, np.ones((3, 1))), -np.ones((3, 1)))
