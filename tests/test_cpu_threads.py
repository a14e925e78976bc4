"""The CPU ops split their work into parts, one per thread (backend.batch_parts and
run_in_parallel): a training step must give the same numbers however many parts there are."""

import numpy as np
import pytest

from tinygrad_guppy.engine import backend
from tinygrad_guppy import gradcheck
from tinygrad_guppy.model import GuppyLM
from tinygrad_guppy.engine.optim import AdamW


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
    monkeypatch.setattr(backend, "cpu_threads", lambda: 3)     # uneven parts: 32 rows -> 10, 11, 11
    assert [s.stop - s.start for s in backend.batch_parts(32, np.zeros(1))] == [10, 11, 11]
    loss, grads, weights = one_step(cfg)
    assert loss == pytest.approx(want_loss, rel=1e-13)
    for name in want_grads:
        np.testing.assert_allclose(grads[name], want_grads[name], rtol=1e-11, atol=1e-15, err_msg=name)
        # atol: the key bias has a true gradient of 0 (softmax ignores a constant added to every
        # key), so its gradient is rounding noise (1e-15) that differs with the summation order,
        # and AdamW turns it into updates differing by up to 2e-14 (measured)
        np.testing.assert_allclose(weights[name], want_weights[name], rtol=1e-12, atol=1e-13, err_msg=name)


def test_run_in_parallel_returns_results_in_order():
    assert backend.run_in_parallel([lambda i=i: i * i for i in range(4)]) == [0, 1, 4, 9]
    assert backend.run_in_parallel([lambda: "alone"]) == ["alone"]


def test_run_in_parallel_keeps_each_part_on_its_thread():
    import threading
    calls = [backend.run_in_parallel([lambda i=i: (i, threading.get_ident()) for i in range(3)])
             for _ in range(5)]
    if backend._openblas is None:
        pytest.skip("NumPy's BLAS threads cannot be limited here: the parts run one after the other")
    assert all(call[0][1] == threading.get_ident() for call in calls)    # part 0: the caller
    for part in (1, 2):
        threads = {call[part][1] for call in calls}
        assert len(threads) == 1 and threads != {threading.get_ident()}    # always the same one


def test_run_in_parallel_raises_a_part_error_after_every_part_is_done():
    import time
    finished = []

    def slow():
        time.sleep(0.05)
        finished.append("slow")

    def bad():
        raise ValueError("part 2 failed")

    with pytest.raises(ValueError, match="part 2 failed"):
        backend.run_in_parallel([lambda: None, slow, bad])
    assert finished == ["slow"]       # the call did not return while a part was still running
    assert backend.run_in_parallel([lambda: 1, lambda: 2]) == [1, 2]   # and the threads still work


def test_run_in_parallel_inside_a_part_runs_in_order():
    inner = lambda: backend.run_in_parallel([lambda: "a", lambda: "b"])   # noqa: E731
    assert backend.run_in_parallel([inner, inner]) == [["a", "b"], ["a", "b"]]
