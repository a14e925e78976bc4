"""Text generation with a KV cache: the model's forward pass, one new token at a time.

Without a cache, every new token would rerun the model over the whole prefix: O(T^2) work for T
tokens. But in a causal model the keys and values of earlier positions never change once
computed, so we keep them (the "KV cache", per layer, (nh, T, hs) each) and for a new token only
compute its own query, key and value, attend over the cached keys, and append.

This is the same math as model.py's forward, written on plain arrays with no autograd (nothing is
learned here) and for a batch of one sequence. tests/test_sampling.py checks that its logits equal
model.forward's on the same ids, and that greedy output with and without the cache is identical.

    gen = Generator(model)
    for token in gen.stream(prompt_ids, max_new_tokens=64, temperature=0.7, top_k=50, seed=0):
        ...

Each token is chosen by `sample`, which returns a `Pick`: the token and the distribution it was
drawn from, so a view such as chat.py --explain shows the very numbers the draw used.
"""

import dataclasses
import math

import numpy as np

from tinygrad_guppy.engine import backend, fused
from tinygrad_guppy.engine.tensor import no_grad


class Generator:
    """Runs a trained GuppyLM for inference with a KV cache (on the model's device).

    vocab_limit: compute logits only for ids below it (the tokenizer's size): the model has
    vocab_size rows (4096, as the original) but a tokenizer trained on this data has fewer tokens
    (~2,400), so the other ids can never be decoded and must never be sampled; skipping their rows
    also saves ~40% of the LM head's product.
    """

    def __init__(self, model, vocab_limit=None):
        self.model = model
        self.cfg = model.cfg
        self.vocab_limit = vocab_limit or model.cfg.vocab_size
        self.xp = backend.xp(model.tok_emb.weight.data)
        self.reset()

    def reset(self):
        """Forget the cached prefix."""
        L, nh = self.cfg.n_layers, self.cfg.n_heads
        hs, T = self.cfg.d_model // nh, self.cfg.max_seq_len
        dtype = self.model.tok_emb.weight.dtype
        self.keys = self.xp.zeros((L, nh, T, hs), dtype=dtype)     # cached keys, per layer
        self.values = self.xp.zeros((L, nh, T, hs), dtype=dtype)   # cached values, per layer
        self.length = 0                                             # positions cached so far

    def forward(self, ids):
        """Feed new token ids (a list or 1-D array) after the cached prefix; returns the logits
        (n, V) at the new positions. Raises ValueError past max_seq_len."""
        m, cfg, xp = self.model, self.cfg, self.xp
        ids = xp.asarray(ids, dtype=np.int64).reshape(-1)
        n, start = ids.shape[0], self.length
        if start + n > cfg.max_seq_len:
            raise ValueError(f"generate: {start} cached + {n} new tokens exceed max_seq_len="
                             f"{cfg.max_seq_len}; call reset() or shorten the input")
        if n == 0:
            raise ValueError("generate: forward() needs at least one token")
        nh, C = cfg.n_heads, cfg.d_model
        hs = C // nh
        end = start + n
        x = m.tok_emb.weight.data[ids] + m.pos_emb.weight.data[start:end]      # (n, C)
        # query i (absolute position start + i) sees cached keys 0..start + i; a single new
        # token sees them all, so it needs no mask
        allowed = fused.attention_allowed(end, xp=xp)[start:end] if n > 1 else None  # (n, end)
        for layer, block in enumerate(m.blocks):
            h, _, _ = fused.layernorm_forward(x, block.norm1.weight.data, block.norm1.bias.data, block.norm1.eps)
            qkv = h @ block.attn.qkv.weight.data.T + block.attn.qkv.bias.data   # (n, 3C)
            q, k, v = qkv.reshape(n, 3, nh, hs).transpose(1, 2, 0, 3)          # each (nh, n, hs)
            self.keys[layer, :, start:end] = k
            self.values[layer, :, start:end] = v
            att = q @ self.keys[layer, :, :end].swapaxes(-1, -2)                # (nh, n, end)
            att *= 1.0 / math.sqrt(hs)
            if allowed is not None:
                xp.copyto(att, -xp.inf, where=~allowed)
            att -= att.max(axis=-1, keepdims=True)
            xp.exp(att, out=att)
            att /= att.sum(axis=-1, keepdims=True)
            y = (att @ self.values[layer, :, :end]).transpose(1, 0, 2).reshape(n, C)   # (n, C)
            x = x + (y @ block.attn.out.weight.data.T + block.attn.out.bias.data)
            h, _, _ = fused.layernorm_forward(x, block.norm2.weight.data, block.norm2.bias.data, block.norm2.eps)
            h = xp.maximum(h @ block.ffn.up.weight.data.T + block.ffn.up.bias.data, 0)
            x = x + (h @ block.ffn.down.weight.data.T + block.ffn.down.bias.data)
        x, _, _ = fused.layernorm_forward(x, m.norm.weight.data, m.norm.bias.data, m.norm.eps)
        self.length = end
        return x @ m.lm_head.weight.data[:self.vocab_limit].T                  # (n, vocab_limit)

    def stream(self, prompt_ids, max_new_tokens=64, temperature=0.7, top_k=50, top_p=1.0,
               greedy=False, seed=None, stop_ids=None, use_cache=True):
        """Yield new token ids one at a time after prompt_ids, until a stop id (default: eos_id,
        which is not yielded), max_new_tokens, or the end of the context window.

        use_cache=False reruns the full model over the whole sequence for every token (the slow
        way, kept to show what the cache saves and to test that both agree).
        """
        stop_ids = self._stop_ids(stop_ids)
        for pick in self.picks(prompt_ids, max_new_tokens, temperature, top_k, top_p, greedy, seed,
                               stop_ids, use_cache):
            if pick.token in stop_ids:
                return
            yield pick.token

    def picks(self, prompt_ids, max_new_tokens=64, temperature=0.7, top_k=50, top_p=1.0,
              greedy=False, seed=None, stop_ids=None, use_cache=True):
        """As stream, but yield each token's Pick (see sample), the stop token's included."""
        stop_ids = self._stop_ids(stop_ids)
        rng = np.random.default_rng(seed)
        ids = list(prompt_ids)
        if not ids:
            raise ValueError("generate: the prompt is empty")
        self.reset()
        logits = self._next_logits(ids, ids, use_cache)
        for _ in range(max_new_tokens):
            pick = sample(backend.to_numpy(logits), rng, temperature, top_k, top_p, greedy)
            yield pick
            if pick.token in stop_ids:
                return
            ids.append(pick.token)
            if len(ids) >= self.cfg.max_seq_len:
                return                                   # the context window is full
            logits = self._next_logits([pick.token], ids, use_cache)

    def _stop_ids(self, stop_ids):
        return {self.cfg.eos_id} if stop_ids is None else set(stop_ids)

    def _next_logits(self, new_ids, all_ids, use_cache):
        if use_cache:
            return self.forward(new_ids)[-1]
        self.model.eval()
        with no_grad():
            logits, _ = self.model(np.asarray(all_ids, dtype=np.int64)[None])
        return logits.data[0, -1, :self.vocab_limit]


@dataclasses.dataclass
class Pick:
    """One choice of the sampler and what it computed to make it.

    token: the id chosen. ids: the candidates it was drawn from, most likely first (those that
    survived top-k and top-p; under greedy, the most likely id alone). probs: their probabilities,
    the very numbers the draw used (they sum to 1). logits: the model's raw scores (V,), from which
    a view can compute the untouched softmax.
    """
    token: int
    ids: np.ndarray
    probs: np.ndarray
    logits: np.ndarray


def sample(logits, rng, temperature=0.7, top_k=50, top_p=1.0, greedy=False):
    """Pick the next token from logits (V,); returns a Pick.

    greedy: the most likely token. Otherwise: divide by temperature, keep the top_k most likely
    (0: all), keep the smallest set whose probability reaches top_p (1.0: all), renormalize, draw.
    Example: logits [0, 3, 2.9, -1], top_k=2, temperature 1 -> ids [1, 2], probs [0.525, 0.475].
    """
    if greedy or temperature == 0:
        token = int(np.argmax(logits))
        return Pick(token, np.array([token]), np.array([1.0]), logits)
    if temperature < 0 or not 0 < top_p <= 1 or top_k < 0:
        raise ValueError(f"sample: need temperature >= 0, 0 < top_p <= 1, top_k >= 0; got "
                         f"{temperature}, {top_p}, {top_k}")
    scaled = logits.astype(np.float64) / temperature
    order = np.argsort(-scaled)                                 # most likely first
    if top_k:
        order = order[:top_k]
    probs = np.exp(scaled[order] - scaled[order[0]])
    probs /= probs.sum()
    if top_p < 1.0:
        keep = int(np.searchsorted(np.cumsum(probs), top_p)) + 1   # smallest prefix reaching top_p
        order, probs = order[:keep], probs[:keep] / probs[:keep].sum()
    token = int(order[rng.choice(len(order), p=probs)])
    return Pick(token, order, probs, logits)
