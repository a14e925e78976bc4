"""Generation: the KV-cache forward equals the full forward; greedy output is the same with and
without the cache; sampling respects its knobs."""

import numpy as np
import pytest

from tinygrad_guppy import gradcheck
from tinygrad_guppy.sampling import Generator, sample
from tinygrad_guppy.model import GuppyLM
from tinygrad_guppy.engine.tensor import no_grad


def test_cached_forward_equals_full_forward():
    model = GuppyLM(gradcheck.tiny_config(), seed=0, dtype="float64").eval()
    ids = np.random.default_rng(0).integers(3, 64, size=12)
    with no_grad():
        full = model(ids[None])[0].data[0]                       # (12, V)
    gen = Generator(model)
    np.testing.assert_allclose(gen.forward(ids), full, rtol=1e-10, atol=1e-12)   # all at once
    gen.reset()
    pieces = [gen.forward(ids[:5])] + [gen.forward(ids[i:i + 1]) for i in range(5, 12)]
    np.testing.assert_allclose(np.concatenate(pieces), full, rtol=1e-10, atol=1e-12)   # piecewise


def test_greedy_is_identical_with_and_without_cache():
    cfg = gradcheck.tiny_config()
    cfg.max_seq_len = 48
    model = GuppyLM(cfg, seed=1).eval()                         # float32, as in chat.py
    prompt = [1, 10, 11, 12, 2, 1, 13]
    gen = Generator(model)
    fast = list(gen.stream(prompt, max_new_tokens=40, greedy=True, stop_ids=[]))
    slow = list(gen.stream(prompt, max_new_tokens=40, greedy=True, stop_ids=[], use_cache=False))
    assert fast == slow and len(fast) == 40


def test_stream_stops_at_eos_and_at_the_window():
    cfg = gradcheck.tiny_config()                               # max_seq_len 16
    model = GuppyLM(cfg, seed=0).eval()
    gen = Generator(model)
    out = list(gen.stream([1, 5, 6], max_new_tokens=100, greedy=True, stop_ids=[]))
    assert len(out) == cfg.max_seq_len - 3                      # the window ends generation
    first = out[0]
    assert list(gen.stream([1, 5, 6], max_new_tokens=100, greedy=True, stop_ids=[first])) == []
    with pytest.raises(ValueError, match="exceed max_seq_len"):
        gen.reset()
        gen.forward(np.ones(cfg.max_seq_len + 1, dtype=np.int64))


def test_sample_knobs():
    logits = np.array([0.0, 3.0, 2.9, -1.0])
    rng = np.random.default_rng(0)
    assert sample(logits, rng, greedy=True) == 1
    assert sample(logits, rng, temperature=0) == 1
    assert {sample(logits, rng, top_k=1) for _ in range(20)} == {1}
    assert {sample(logits, rng, top_p=0.3) for _ in range(20)} == {1}
    draws = [sample(logits, rng, temperature=1.0, top_k=2) for _ in range(400)]
    assert set(draws) == {1, 2} and 0.4 < draws.count(1) / 400 < 0.65
    with pytest.raises(ValueError):
        sample(logits, rng, top_p=0.0)
