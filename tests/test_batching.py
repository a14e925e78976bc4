"""Batching: every sample used once per epoch, reply-only targets, and packed rows that give each
sample exactly the loss it would have alone."""

import numpy as np
import pytest

from tinygrad_guppy import gradcheck
from tinygrad_guppy.app.batching import Sample, inputs_and_targets, make_batches
from tinygrad_guppy.model import GuppyLM
from tinygrad_guppy.engine.tensor import no_grad


def samples(n, seed=0, vocab=64, low=4, high=14):
    rng = np.random.default_rng(seed)
    return [Sample(rng.integers(3, vocab, size=int(k)), reply_start=int(k) // 2)
            for k in rng.integers(low, high, size=n)]


def test_targets_reply_only_and_all():
    s = Sample(np.array([1, 7, 8, 9, 2]), reply_start=3)
    i, t = inputs_and_targets(s, "reply", pad_id=0)
    assert i.tolist() == [1, 7, 8, 9] and t.tolist() == [0, 0, 9, 2]
    assert inputs_and_targets(s, "all", pad_id=0)[1].tolist() == [7, 8, 9, 2]
    with pytest.raises(ValueError, match="loss_on"):
        inputs_and_targets(s, "most", pad_id=0)


@pytest.mark.parametrize("kind", ["pad", "bucket", "pack", "pair"])
def test_every_target_appears_once_per_epoch(kind):
    data = samples(101)
    batches = list(make_batches(kind, data, 8, np.random.default_rng(0), seq_len=24, loss_on="all"))
    want = sorted(int(x) for s in data for x in s.ids[1:])
    got = sorted(int(x) for b in batches for x in b.targets[b.targets != 0])
    assert got == want
    assert sum(b.n_target_tokens for b in batches) == sum(len(s.ids) - 1 for s in data)
    if kind in ("pad", "bucket"):
        assert sum(b.idx.shape[0] for b in batches) == 101


def test_bucketing_and_pairing_pad_less_than_padding_to_the_longest():
    data = samples(2000, high=60)
    waste = {}
    for kind in ("pad", "bucket", "pair"):
        bs = list(make_batches(kind, data, 32, np.random.default_rng(0), loss_on="all"))
        waste[kind] = 1 - sum(b.n_target_tokens for b in bs) / sum(b.idx.size for b in bs)
    assert waste["bucket"] < 0.05 < waste["pair"] < 0.15 < waste["pad"]


@pytest.mark.parametrize("loss_on", ["all", "reply"])
def test_pair_batches_are_pad_batches_two_to_a_row(loss_on):
    # the same samples in each batch as pad with the same generator, so the same loss per step
    cfg = gradcheck.tiny_config()
    model = GuppyLM(cfg, seed=0, dtype="float64").eval()
    data = samples(67, seed=2, vocab=cfg.vocab_size, high=cfg.max_seq_len // 2)
    pads = list(make_batches("pad", data, 8, np.random.default_rng(5), loss_on=loss_on))
    pairs = list(make_batches("pair", data, 8, np.random.default_rng(5), loss_on=loss_on))
    assert len(pads) == len(pairs) == 9
    for pad, pair in zip(pads, pairs):
        assert sorted(pad.targets[pad.targets != 0]) == sorted(pair.targets[pair.targets != 0])
        assert pair.idx.shape[0] == (pad.idx.shape[0] + 1) // 2            # two samples a row
        lengths = [np.sum(pair.segments[r] == 0) for r in range(pair.idx.shape[0])]
        assert pair.idx.shape[1] <= 2 * pad.idx.shape[1]
        with no_grad():
            a = model.loss(pad.idx, pad.targets, pad.segments, pad.positions).data
            b = model.loss(pair.idx, pair.targets, pair.segments, pair.positions).data
        np.testing.assert_allclose(b, a, rtol=1e-12)
        # the shortest sample of the batch sits with the longest
        assert lengths[0] == min(lengths)
    assert sum(b.idx.size for b in pairs) < sum(b.idx.size for b in pads)


def test_packed_rows_give_each_sample_its_own_loss():
    cfg = gradcheck.tiny_config()
    model = GuppyLM(cfg, seed=0, dtype="float64").eval()
    data = samples(12, seed=1, vocab=cfg.vocab_size)
    batch = next(make_batches("pack", data, 12, np.random.default_rng(0), seq_len=cfg.max_seq_len,
                              loss_on="all"))
    with no_grad():
        logits, _ = model(batch.idx, None, batch.segments, batch.positions)
    assert batch.segments.max() >= 2                             # several samples share a row
    for r in range(batch.idx.shape[0]):
        for seg in np.unique(batch.segments[r]):
            cols = np.flatnonzero((batch.segments[r] == seg) & (batch.targets[r] != 0))
            if cols.size == 0:
                continue
            alone_idx = batch.idx[r, cols][None]                 # the sample on its own
            with no_grad():
                alone, _ = model(alone_idx)
            np.testing.assert_allclose(logits.data[r, cols], alone.data[0], rtol=1e-10, atol=1e-12)


def test_pack_rejects_a_sample_longer_than_a_row():
    with pytest.raises(ValueError, match="does not fit seq_len=5"):
        list(make_batches("pack", samples(3, low=10, high=11), 2, np.random.default_rng(0), seq_len=5))
