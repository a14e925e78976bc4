"""The same GuppyLM written in PyTorch: the yardstick for our engine in tests and benchmarks.

torch is never a dependency of this project: only the interop tests (skipped without torch) and
the benchmarks import this module. It follows the original GuppyLM's architecture and parameter
names (so `load_state_dict(strict=True)` takes our model.safetensors), with two optional extras
that our batches use: position ids (restarting for each packed sample) and a segment mask
(attention stays within a sample), both off by default as in the original.

    import torch
    from torch_reference import TorchGuppyLM
    ref = TorchGuppyLM(cfg)
    ref.load_state_dict({k: torch.from_numpy(v) for k, v in model.state_dict().items()}, strict=True)
"""

import math

import torch
import torch.nn as tnn
import torch.nn.functional as F


class Attention(tnn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_heads, self.head_dim = cfg.n_heads, cfg.d_model // cfg.n_heads
        self.qkv = tnn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.out = tnn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = tnn.Dropout(cfg.dropout)

    def forward(self, x, allowed):
        B, T, C = x.shape
        q, k, v = self.qkv(x).reshape(B, T, 3, self.n_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(self.head_dim)       # (B, nh, T, T)
        att = att.masked_fill(~allowed, float("-inf"))
        att = self.dropout(F.softmax(att, dim=-1))
        return self.out((att @ v).transpose(1, 2).reshape(B, T, C))


class FFN(tnn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.up = tnn.Linear(cfg.d_model, cfg.ffn_hidden)
        self.down = tnn.Linear(cfg.ffn_hidden, cfg.d_model)
        self.dropout = tnn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.dropout(self.down(F.relu(self.up(x))))


class Block(tnn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.norm1, self.attn = tnn.LayerNorm(cfg.d_model), Attention(cfg)
        self.norm2, self.ffn = tnn.LayerNorm(cfg.d_model), FFN(cfg)

    def forward(self, x, allowed):
        x = x + self.attn(self.norm1(x), allowed)
        return x + self.ffn(self.norm2(x))


class TorchGuppyLM(tnn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.tok_emb = tnn.Embedding(cfg.vocab_size, cfg.d_model)
        self.pos_emb = tnn.Embedding(cfg.max_seq_len, cfg.d_model)
        self.drop = tnn.Dropout(cfg.dropout)
        self.blocks = tnn.ModuleList([Block(cfg) for _ in range(cfg.n_layers)])
        self.norm = tnn.LayerNorm(cfg.d_model)
        self.lm_head = tnn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        self.lm_head.weight = self.tok_emb.weight                         # tied
        for m in self.modules():
            if isinstance(m, (tnn.Linear, tnn.Embedding)):
                tnn.init.normal_(m.weight, 0.0, 0.02)
                if getattr(m, "bias", None) is not None:
                    tnn.init.zeros_(m.bias)

    def forward(self, idx, targets=None, segments=None, positions=None):
        B, T = idx.shape
        if positions is None:
            positions = torch.arange(T, device=idx.device)
        allowed = torch.ones(T, T, dtype=torch.bool, device=idx.device).tril()[None, None]
        if segments is not None:
            allowed = allowed & (segments[:, None, :, None] == segments[:, None, None, :])
        x = self.drop(self.tok_emb(idx) + self.pos_emb(positions))
        for block in self.blocks:
            x = block(x, allowed)
        logits = self.lm_head(self.norm(x))
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.reshape(-1, self.cfg.vocab_size), targets.reshape(-1),
                                   ignore_index=self.cfg.pad_id)
        return logits, loss
