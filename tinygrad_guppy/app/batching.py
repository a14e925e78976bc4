"""Turning tokenized samples into training batches, four ways.

A sample is one chat turn as token ids, `[<|im_start|>, user, ..., <|im_end|>]`, plus the index
where Guppy's reply starts. The model learns to predict token t+1 from tokens 0..t, so a sample of
n tokens gives n - 1 (input, target) positions; with `loss_on="reply"` the targets before the
reply are set to pad_id, which the loss ignores.

Samples are short (30 tokens on average, at most 41, with the 60K Guppy samples) and uneven, so how
they are put together decides how much compute goes to padding, and what a step learns:

- "pad":    like the original GuppyLM: B random samples, each padded to the longest of the batch
            (18% of the positions are padding).
- "pair":   the same random batches, two samples to a row (the shortest with the longest, ...), so
            the rows come out nearly equally long: 2.5% padding, and the same loss per step as
            "pad", since `segments` and `positions` compute each sample as if alone. The default.
- "bucket": B samples of similar length: shuffle, sort each window of BUCKET_WINDOW batches' worth
            by length, cut into batches, shuffle the batches. Nearly no padding, but batches of
            alike samples learn less per step (bench/README.md: batching).
- "pack":   rows of exactly `seq_len` positions, each holding several whole samples back to back;
            `segments` keeps attention inside each sample and `positions` restart at 0 per sample.

Example (pad_id 0):
    >>> s = Sample(np.array([1, 5, 6, 2]), reply_start=2)     # ids, reply begins at index 2
    >>> inputs_and_targets(s, "reply", pad_id=0)
    (array([1, 5, 6]), array([0, 6, 2]))
"""

import dataclasses

import numpy as np


@dataclasses.dataclass
class Sample:
    ids: np.ndarray          # (n,) token ids of one formatted chat turn
    reply_start: int         # index in ids of the reply's first token


@dataclasses.dataclass
class Batch:
    idx: np.ndarray                  # (B, T) input ids
    targets: np.ndarray              # (B, T) next ids; pad_id where nothing is learned
    segments: np.ndarray = None      # (B, T) sample number per position (packed rows only)
    positions: np.ndarray = None     # (B, T) position ids restarting per sample (packed rows only)
    pad_id: int = 0                  # the id that marks padding and ignored targets

    @property
    def n_target_tokens(self):
        """Positions that carry a loss: the useful work of a step."""
        return int((self.targets != self.pad_id).sum())


def inputs_and_targets(sample, loss_on, pad_id):
    """(inputs, targets) of one sample: ids[:-1] and ids[1:], targets before the reply masked
    with pad_id when loss_on == "reply". Both have n - 1 entries."""
    if loss_on not in ("reply", "all"):
        raise ValueError(f"loss_on must be 'reply' or 'all', got {loss_on!r}")
    inputs, targets = sample.ids[:-1], sample.ids[1:].copy()
    if loss_on == "reply":
        targets[: max(sample.reply_start - 1, 0)] = pad_id   # target j is token j + 1
    return inputs, targets


def _padded(samples, loss_on, pad_id):
    """Rows padded to the longest sample of the list."""
    pairs = [inputs_and_targets(s, loss_on, pad_id) for s in samples]
    T = max(len(i) for i, _ in pairs)
    idx = np.full((len(pairs), T), pad_id, dtype=np.int64)
    targets = np.full((len(pairs), T), pad_id, dtype=np.int64)
    for row, (i, t) in enumerate(pairs):
        idx[row, :len(i)], targets[row, :len(t)] = i, t
    return Batch(idx, targets, pad_id=pad_id)


def pad_batches(samples, batch_size, rng, loss_on="all", pad_id=0):
    """One epoch of the original's batching: random batches, each padded to its longest sample."""
    order = rng.permutation(len(samples))
    for start in range(0, len(order), batch_size):
        yield _padded([samples[i] for i in order[start:start + batch_size]], loss_on, pad_id)


BUCKET_WINDOW = 50   # "bucket" sorts this many batches' worth of samples by length at a time


def bucket_batches(samples, batch_size, rng, loss_on="all", pad_id=0, window=BUCKET_WINDOW):
    """One epoch of batches of similar-length samples (little padding, B samples per step)."""
    order = rng.permutation(len(samples))
    batches = []
    span = batch_size * window
    for start in range(0, len(order), span):
        chunk = sorted(order[start:start + span], key=lambda i: len(samples[i].ids))
        batches += [chunk[k:k + batch_size] for k in range(0, len(chunk), batch_size)]
    for b in rng.permutation(len(batches)):
        yield _padded([samples[i] for i in batches[b]], loss_on, pad_id)


def pair_batches(samples, batch_size, rng, loss_on="all", pad_id=0):
    """One epoch of the original's random batches (the same samples as pad_batches with the same
    rng), two samples to a row: the shortest of a batch shares a row with the longest, the second
    shortest with the second longest, and so on, so the rows come out nearly equally long and
    little is padding. `segments` keeps attention inside each sample and `positions` restart at
    0, so every sample is computed as if alone: the loss of a step is pad's, for less compute.
    Example: lengths [10, 30, 12, 28] -> rows (10, 30) and (12, 28), 40 positions each."""
    order = rng.permutation(len(samples))
    for start in range(0, len(order), batch_size):
        chunk = sorted(order[start:start + batch_size], key=lambda i: len(samples[i].ids))
        half = len(chunk) // 2
        rows = [[samples[chunk[k]], samples[chunk[-1 - k]]] for k in range(half)]
        if len(chunk) % 2:                         # an odd batch: the middle sample rides alone
            rows.append([samples[chunk[half]]])
        width = max(sum(len(s.ids) - 1 for s in row) for row in rows)
        yield _packed(rows, width, loss_on, pad_id)


def pack_batches(samples, batch_size, seq_len, rng, loss_on="all", pad_id=0):
    """One epoch of packed rows: samples in random order fill rows of seq_len positions; a sample
    that does not fit starts the next row (the rest of the row is padding)."""
    rows, row = [], []
    used = 0
    for i in rng.permutation(len(samples)):
        n = len(samples[i].ids) - 1
        if n > seq_len:
            raise ValueError(f"a sample of {n + 1} tokens does not fit seq_len={seq_len}")
        if used + n > seq_len:
            rows.append(row)
            row, used = [], 0
        row.append(samples[i])
        used += n
    if row:
        rows.append(row)
    for start in range(0, len(rows), batch_size):
        yield _packed(rows[start:start + batch_size], seq_len, loss_on, pad_id)


def _packed(rows, width, loss_on, pad_id):
    """A Batch of rows of `width` positions, each row holding its samples back to back, then
    padding; segments number the samples of a row (the padding is one more segment) and
    positions restart at 0 for each."""
    idx = np.full((len(rows), width), pad_id, dtype=np.int64)
    targets = np.full_like(idx, pad_id)
    segments = np.zeros_like(idx)
    positions = np.zeros_like(idx)
    for r, row_samples in enumerate(rows):
        at = 0
        for seg, s in enumerate(row_samples):
            inputs, t = inputs_and_targets(s, loss_on, pad_id)
            n = len(inputs)
            idx[r, at:at + n], targets[r, at:at + n] = inputs, t
            segments[r, at:at + n], positions[r, at:at + n] = seg, np.arange(n)
            at += n
        segments[r, at:] = len(row_samples)        # the padding is a segment of its own
        positions[r, at:] = np.arange(width - at)
    return Batch(idx, targets, segments, positions, pad_id=pad_id)


def make_batches(kind, samples, batch_size, rng, seq_len=128, loss_on="all", pad_id=0):
    """One epoch of batches of the given kind: "bucket", "pack", "pad" or "pair"."""
    if kind == "pair":
        return pair_batches(samples, batch_size, rng, loss_on, pad_id)
    if kind == "bucket":
        return bucket_batches(samples, batch_size, rng, loss_on, pad_id, BUCKET_WINDOW)
    if kind == "pack":
        return pack_batches(samples, batch_size, seq_len, rng, loss_on, pad_id)
    if kind == "pad":
        return pad_batches(samples, batch_size, rng, loss_on, pad_id)
    raise ValueError(f"unknown batching {kind!r}: expected 'bucket', 'pack', 'pad' or 'pair'")
