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
    assert sample(logits, rng, greedy=True).token == 1
    assert sample(logits, rng, temperature=0).token == 1
    assert {sample(logits, rng, top_k=1).token for _ in range(20)} == {1}
    assert {sample(logits, rng, top_p=0.3).token for _ in range(20)} == {1}
    draws = [sample(logits, rng, temperature=1.0, top_k=2).token for _ in range(400)]
    assert set(draws) == {1, 2} and 0.4 < draws.count(1) / 400 < 0.65
    with pytest.raises(ValueError):
        sample(logits, rng, top_p=0.0)


def test_a_pick_holds_the_distribution_it_was_drawn_from():
    logits = np.array([0.0, 3.0, 2.9, -1.0, 1.0])
    pick = sample(logits, np.random.default_rng(0), temperature=0.5, top_k=3, top_p=0.9)
    scaled = np.exp((logits - 3.0) / 0.5)[[1, 2, 4]]           # the top 3 at temperature 0.5
    first_two = scaled[:2] / scaled.sum()                      # 0.545 + 0.446 >= 0.9: two kept
    assert pick.ids.tolist() == [1, 2] and pick.token in (1, 2)
    np.testing.assert_allclose(pick.probs, first_two / first_two.sum(), rtol=1e-12)
    assert pick.logits is logits
    greedy = sample(logits, None, greedy=True)
    assert greedy.token == 1 and greedy.ids.tolist() == [1] and greedy.probs.tolist() == [1.0]


def test_the_draw_uses_the_picks_probabilities():
    """Replaying the generator's draws from each Pick's own ids and probs gives the same tokens:
    the numbers a Pick carries are the ones the draw used, not a second computation."""
    model = GuppyLM(gradcheck.tiny_config(), seed=2).eval()
    picks = list(Generator(model).picks([1, 5, 6], max_new_tokens=10, temperature=0.8, top_k=20,
                                        top_p=0.95, seed=7, stop_ids=[]))
    rng = np.random.default_rng(7)
    assert len(picks) == 10
    for pick in picks:
        assert pick.ids[rng.choice(len(pick.ids), p=pick.probs)] == pick.token
        assert len(pick.ids) <= 20 and abs(pick.probs.sum() - 1) < 1e-12


def test_picks_end_with_the_stop_token_that_stream_leaves_out():
    model = GuppyLM(gradcheck.tiny_config(), seed=0).eval()
    gen = Generator(model)
    first = next(iter(gen.stream([1, 5, 6], greedy=True, stop_ids=[])))
    assert [p.token for p in gen.picks([1, 5, 6], greedy=True, stop_ids=[first])] == [first]
    assert list(gen.stream([1, 5, 6], greedy=True, stop_ids=[first])) == []
