"""GuppyLM: a small GPT-style transformer (8,726,016 parameters with the defaults).

    ids (B, T) -> tok_emb + pos_emb -> dropout -> 6 x Block -> LayerNorm -> lm_head -> logits (B, T, V)
    Block: x = x + attn(norm1(x));  x = x + ffn(norm2(x))         (pre-LayerNorm)
    attn:  qkv = Linear(C, 3C); causal softmax attention per head (dropout on the probabilities);
           out = Linear(C, C)
    ffn:   down(relu(up(x))) then dropout;  up = Linear(C, 4C/2 = 768), down = Linear(768, C)
    lm_head shares its weight with tok_emb (a tied head).
Some of these lines are one fused op each (engine/fused.py), so that the GPU makes one pass where
they would make several: the embedding sum; qkv's bias, added by the attention op; relu(up(x)) with
up's bias; and each residual add with the bias of the product before it (and the FFN's dropout).

Parameter names and shapes follow the original PyTorch GuppyLM (a Linear weight is (out, in)), so
checkpoints move between the two without renaming.
"""

import dataclasses

import numpy as np

from tinygrad_guppy.engine import backend, fused, nn
from tinygrad_guppy.engine.tensor import Tensor


@dataclasses.dataclass
class GuppyConfig:
    vocab_size: int = 4096     # tokens in the BPE vocabulary
    max_seq_len: int = 128     # positions the model can see (the learned position table's size)
    d_model: int = 384         # width of the residual stream (C)
    n_layers: int = 6          # transformer blocks
    n_heads: int = 6           # attention heads; head size = d_model / n_heads = 64
    ffn_hidden: int = 768      # width of the feed-forward layer's hidden ReLU
    dropout: float = 0.1       # dropout probability in training (embeddings, attention, ffn)
    pad_id: int = 0            # <pad>: fills rows; targets equal to it are ignored by the loss
    bos_id: int = 1            # <|im_start|>: a turn begins
    eos_id: int = 2            # <|im_end|>: a turn ends, generation stops

    def __post_init__(self):
        for name in ("vocab_size", "max_seq_len", "d_model", "n_layers", "n_heads", "ffn_hidden"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"GuppyConfig.{name} must be a positive integer, got {value!r}")
        if self.d_model % self.n_heads:
            raise ValueError(f"GuppyConfig: d_model={self.d_model} must be divisible by "
                             f"n_heads={self.n_heads}")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"GuppyConfig.dropout must be in [0, 1), got {self.dropout}")
        for name in ("pad_id", "bos_id", "eos_id"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value < self.vocab_size:
                raise ValueError(f"GuppyConfig.{name} must be a token id in [0, vocab_size="
                                 f"{self.vocab_size}), got {value!r}")


class Attention(nn.Module):
    def __init__(self, cfg, rng, dropout_rng, dtype, device):
        C = cfg.d_model
        self.n_heads = cfg.n_heads
        self.qkv = nn.Linear(C, 3 * C, rng=rng, dtype=dtype, device=device)
        self.out = nn.Linear(C, C, rng=rng, dtype=dtype, device=device)
        self.dropout = nn.Dropout(cfg.dropout, dropout_rng)   # on the attention probabilities

    def forward(self, x, segments=None):
        """x (B, T, C) -> out(attention(qkv(x))) before out's bias, which Block adds with the residual.
        (qkv's bias is added by the attention op as it reads q, k, v: one pass fewer.)"""
        qkv = self.qkv.product(x)                                           # (B, T, 3C), x @ W_qkv^T
        p = self.dropout.p if self.training else 0.0
        y = fused.causal_self_attention(qkv, self.n_heads, segments, p, self.dropout.rng,
                                        bias=self.qkv.bias)                 # (B, T, C)
        return self.out.product(y)                                          # y @ W_out^T


class FFN(nn.Module):
    def __init__(self, cfg, rng, dropout_rng, dtype, device):
        self.up = nn.Linear(cfg.d_model, cfg.ffn_hidden, rng=rng, dtype=dtype, device=device)
        self.down = nn.Linear(cfg.ffn_hidden, cfg.d_model, rng=rng, dtype=dtype, device=device)
        self.dropout = nn.Dropout(cfg.dropout, dropout_rng)

    def forward(self, x):
        """x (B, T, C) -> down(relu(up(x))) before down's bias, which Block adds (with the dropout)
        in the residual add."""
        h = fused.bias_relu(self.up.product(x), self.up.bias)              # relu(x @ W_up^T + b_up)
        return self.down.product(h)                                         # h @ W_down^T


class Block(nn.Module):
    def __init__(self, cfg, rng, dropout_rng, dtype, device):
        self.norm1 = nn.LayerNorm(cfg.d_model, dtype=dtype, device=device)
        self.attn = Attention(cfg, rng, dropout_rng, dtype, device)
        self.norm2 = nn.LayerNorm(cfg.d_model, dtype=dtype, device=device)
        self.ffn = FFN(cfg, rng, dropout_rng, dtype, device)

    def forward(self, x, segments=None):
        # x = x + attn(norm1(x)): the bias of attn's out projection is added with the residual
        x = fused.residual(x, self.attn(self.norm1(x), segments), self.attn.out.bias)
        # x = x + dropout(ffn(norm2(x))): ffn's last bias, the dropout and the add in one op too
        p = self.ffn.dropout.p if self.training else 0.0
        return fused.residual(x, self.ffn(self.norm2(x)), self.ffn.down.bias, p, self.ffn.dropout.rng)


class GuppyLM(nn.Module):
    """The model. `seed` fixes the initial weights and the dropout masks; `dtype` is "float32" for
    training or "float64" for gradient checks; `device` is "cpu" (NumPy) or "cuda" (CuPy).
    init_weights=False leaves the weights at zero (LayerNorms at one), drawing nothing: for a model
    whose weights are loaded next (checkpoint.load)."""

    def __init__(self, cfg=None, seed=0, dtype="float32", device="cpu", init_weights=True):
        self.cfg = cfg = cfg or GuppyConfig()
        if np.dtype(dtype).kind != "f":
            raise TypeError(f"GuppyLM: dtype must be a float type, got {dtype!r}")
        self.dtype, self.device = np.dtype(dtype), device
        rng = np.random.default_rng(seed) if init_weights else None   # initial weights, drawn on the CPU
        self.dropout_rng = backend.make_rng(seed + 1, device)  # dropout masks, on the device
        kw = dict(dtype=dtype, device=device)
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.d_model, rng=rng, **kw)
        self.pos_emb = nn.Embedding(cfg.max_seq_len, cfg.d_model, rng=rng, **kw)
        self.drop = nn.Dropout(cfg.dropout, self.dropout_rng)
        self.blocks = [Block(cfg, rng, self.dropout_rng, dtype, device) for _ in range(cfg.n_layers)]
        self.norm = nn.LayerNorm(cfg.d_model, **kw)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False, rng=rng,
                                 weight=self.tok_emb.weight, **kw)   # tied to the embedding

    def num_parameters(self):
        return sum(p.size for p in self.parameters())

    def _check_ids(self, name, ids, allow_pad=False):
        """Token ids as an integer array of shape (B, T) within the vocabulary, or a clear error
        (checked on the host; left where they are)."""
        if isinstance(ids, Tensor):
            ids = ids.data
        if not hasattr(ids, "dtype"):
            ids = np.asarray(ids)
        if ids.dtype.kind not in "iu":
            raise TypeError(f"GuppyLM: {name} must be integer token ids, got dtype {ids.dtype}")
        if ids.ndim != 2:
            raise ValueError(f"GuppyLM: {name} must have shape (B, T), got {ids.shape}")
        if ids.shape[1] > self.cfg.max_seq_len:
            raise ValueError(f"GuppyLM: sequence length {ids.shape[1]} is longer than max_seq_len="
                             f"{self.cfg.max_seq_len} ({name} shape {ids.shape})")
        if backend.xp(ids) is np and ids.size:
            lo, hi = int(ids.min()), int(ids.max())
            if lo < 0 or hi >= self.cfg.vocab_size:
                raise ValueError(f"GuppyLM: {name} must be in [0, {self.cfg.vocab_size}); got min "
                                 f"{lo}, max {hi} (shape {ids.shape})")
        return ids

    def _check_ints(self, name, array, shapes, limit=None):
        """An integer array of one of `shapes` (values in [0, limit) if given), or a clear error."""
        if not hasattr(array, "dtype"):
            array = np.asarray(array)
        if array.dtype.kind not in "iu" or tuple(array.shape) not in shapes:
            raise ValueError(f"GuppyLM: {name} must be integers of shape {' or '.join(map(str, shapes))}, "
                             f"got {array.dtype} {tuple(array.shape)}")
        if limit is not None and backend.xp(array) is np and array.size and (
                array.min() < 0 or array.max() >= limit):
            raise ValueError(f"GuppyLM: {name} must be in [0, {limit}), got min {array.min()}, "
                             f"max {array.max()}")
        return array

    def forward(self, idx, targets=None, segments=None, positions=None):
        """idx (B, T) token ids -> (logits (B, T, V), loss or None).

        targets (B, T): the next token at each position; positions whose target is pad_id are
        ignored by the loss. segments (B, T): for packed rows, a sample id per token; attention
        stays within a sample (see fused.attention_allowed). positions (B, T) or (T,): position
        ids, restarting at 0 for each packed sample; default 0..T-1.
        """
        idx, targets, segments, positions = self._inputs(idx, targets, segments, positions)
        return self.from_embeddings(self.embed(idx, positions), targets, segments)

    def _inputs(self, idx, targets, segments, positions):
        """The integer inputs, checked (on the host) and moved to the device in one copy."""
        idx = self._check_ids("idx", idx)
        B, T = idx.shape
        if targets is not None:
            targets = self._check_targets(targets, (B, T))
        if segments is not None:
            segments = self._check_ints("segments", segments, [(B, T)])
        if positions is not None:
            positions = self._check_ints("positions", positions, [(T,), (B, T)], self.cfg.max_seq_len)
        if backend.xp(idx) is not np:         # already on the device
            return idx, targets, segments, positions
        return backend.to_device_together([idx, targets, segments, positions], self.device)

    def embed(self, idx, positions=None):
        """idx (B, T) -> x (B, T, C) = tok_emb[idx] + pos_emb[positions], the model's input."""
        idx = backend.to_device(self._check_ids("idx", idx), self.device)
        B, T = idx.shape
        if positions is not None:    # None: 0..T-1
            positions = self._check_ints("positions", positions, [(T,), (B, T)], self.cfg.max_seq_len)
            positions = backend.to_device(positions, self.device)
        return fused.embedding(self.tok_emb.weight, self.pos_emb.weight, idx, positions)   # (B, T, C)

    def from_embeddings(self, x, targets=None, segments=None):
        """The rest of forward, from the summed embeddings x (B, T, C) on (gradient checks of the
        input path start here)."""
        B, T, C = x.shape
        x = self.trunk(x, segments)
        logits = self.lm_head(self.norm(x))                 # (B, T, V)
        if targets is None:
            return logits, None
        targets = backend.to_device(self._check_targets(targets, (B, T)), self.device)
        V = self.cfg.vocab_size
        loss = fused.cross_entropy(logits.reshape(B * T, V), targets.reshape(B * T),
                                   ignore_index=self.cfg.pad_id)
        return logits, loss

    def loss(self, idx, targets, segments=None, positions=None):
        """The training loss alone: the same value and gradients as forward(...)[1], with less work.

        Only the positions whose target counts (is not pad_id) go through the final LayerNorm, the
        LM head and the cross-entropy: the others add nothing to the loss, and their rows of the
        logits would get zero gradient. With the loss on Guppy's replies only, about half of the
        positions are skipped, and the LM head (C x V = 384 x 4096) is the model's largest matrix
        product. Example: targets [[0, 0, 7, 9]] (pad_id 0) send 2 of the 4 positions to the head.
        """
        idx, targets, segments, positions = self._inputs(idx, targets, segments, positions)
        x = self.embed(idx, positions)
        B, T, C = x.shape
        targets = self._check_targets(targets, (B, T)).reshape(B * T)     # on the device: _inputs
        # On the GPU, picking rows by a mask waits for the GPU (the result's size depends on the
        # data), so there the full forward's loss is used; the same when no target counts.
        if backend.xp(targets) is not np:
            return self.from_embeddings(x, targets.reshape(B, T), segments)[1]
        counts = targets != self.cfg.pad_id                 # (B * T,) bool
        if not counts.any():
            return self.from_embeddings(x, targets.reshape(B, T), segments)[1]
        x = self.trunk(x, segments).reshape(B * T, C)[counts]     # (n, C), n = counts.sum()
        logits = self.lm_head(self.norm(x))                 # (n, V)
        return fused.cross_entropy(logits, targets[counts], ignore_index=self.cfg.pad_id)

    def trunk(self, x, segments=None):
        """Embedding dropout and the blocks: x (B, T, C) -> (B, T, C), before the final LayerNorm."""
        B, T, C = x.shape
        if segments is not None:
            segments = backend.to_device(self._check_ints("segments", segments, [(B, T)]), self.device)
        x = self.drop(x)
        for block in self.blocks:
            x = block(x, segments)
        return x

    def _check_targets(self, targets, shape):
        targets = self._check_ids("targets", targets)
        if targets.shape != shape:
            raise ValueError(f"GuppyLM: targets shape {targets.shape} differs from idx shape {shape}")
        return targets


def parameter_shapes(cfg):
    """{name: shape} of GuppyLM(cfg).state_dict(), from the config alone, lm_head.weight included.
    Example: parameter_shapes(GuppyConfig())["blocks.0.attn.qkv.weight"] -> (1152, 384)."""
    V, T, C, F = cfg.vocab_size, cfg.max_seq_len, cfg.d_model, cfg.ffn_hidden
    shapes = {"tok_emb.weight": (V, C), "pos_emb.weight": (T, C)}
    for i in range(cfg.n_layers):
        shapes.update({f"blocks.{i}.{name}": shape for name, shape in [
            ("norm1.weight", (C,)), ("norm1.bias", (C,)),
            ("attn.qkv.weight", (3 * C, C)), ("attn.qkv.bias", (3 * C,)),
            ("attn.out.weight", (C, C)), ("attn.out.bias", (C,)),
            ("norm2.weight", (C,)), ("norm2.bias", (C,)),
            ("ffn.up.weight", (F, C)), ("ffn.up.bias", (F,)),
            ("ffn.down.weight", (C, F)), ("ffn.down.bias", (C,))]})
    shapes.update({"norm.weight": (C,), "norm.bias": (C,), "lm_head.weight": (V, C)})
    return shapes


def count_parameters(cfg):
    """The parameter count of GuppyLM(cfg), from the config alone (tied head counted once)."""
    C, F = cfg.d_model, cfg.ffn_hidden
    per_block = 2 * C + (C * 3 * C + 3 * C) + (C * C + C) + 2 * C + (C * F + F) + (F * C + C)
    return cfg.vocab_size * C + cfg.max_seq_len * C + cfg.n_layers * per_block + 2 * C

