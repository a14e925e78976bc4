"""Why this word? For each token of a reply: the model's own probabilities (the plain softmax of its
scores) beside the distribution the sampler drew from after temperature, top-k and top-p.

    conv = Conversation(model, tok)
    conv.reply_text("hi guppy", temperature=0.7, top_k=50, seed=0)
    print(format_explanation(explain(conv.picks, tok), "temperature 0.7, top-k 50"))

The numbers come from the sampler's own Picks (sampling.sample), not from a second computation:
the sampled column is what the draw used. A lower temperature sharpens it, top-k and top-p cut its
tail; greedy decoding always takes the first candidate of the model's column.
"""

import dataclasses

import numpy as np


@dataclasses.dataclass
class TokenExplanation:
    token_id: int
    token: str                # the chosen token as shown (see shown)
    p_model: float            # its probability in the model's softmax (temperature 1, every id)
    p_sampled: float          # its probability in the distribution the sampler drew from
    model_top: list           # [(token, probability)], the most likely first: the model's softmax
    sampled_top: list         # [(token, probability)], the most likely first: what was sampled from


def shown(tok, token_id):
    """A token as the tables show it: quoted, so that spaces and newlines are visible (' water',
    '\\n'); a special token as its name (<|im_end|>); a piece of a multi-byte character as its
    bytes (<c3>)."""
    data = tok.decode_bytes([token_id])
    if token_id in tok.special_tokens.values():
        return data.decode("utf-8")
    try:
        return repr(data.decode("utf-8"))
    except UnicodeDecodeError:
        return "<" + data.hex(" ") + ">"


def softmax(logits):
    """logits (V,) -> probabilities (V,), in float64. Example: [0, log 3] -> [0.25, 0.75]."""
    z = np.asarray(logits, dtype=np.float64)
    e = np.exp(z - z.max())
    return e / e.sum()


def explain(picks, tok, top=5):
    """One TokenExplanation per Pick (the sampler's record of each token of a reply)."""
    rows = []
    for pick in picks:
        model_probs = softmax(pick.logits)                       # (V,)
        model_ids = np.argsort(-model_probs)[:top]
        chosen = int(np.flatnonzero(pick.ids == pick.token)[0])
        rows.append(TokenExplanation(
            token_id=pick.token, token=shown(tok, pick.token),
            p_model=float(model_probs[pick.token]), p_sampled=float(pick.probs[chosen]),
            model_top=[(shown(tok, i), float(model_probs[i])) for i in model_ids],
            sampled_top=[(shown(tok, i), float(p)) for i, p in zip(pick.ids[:top], pick.probs[:top])]))
    return rows


def sampling_settings(temperature=0.7, top_k=50, top_p=1.0, greedy=False, **_):
    """The sampling flags in words, for the table's header."""
    if greedy or temperature == 0:
        return "greedy decoding (always the most likely token)"
    return f"temperature {temperature:g}, top-k {top_k or 'off'}, top-p {top_p if top_p < 1 else 'off'}"


def format_explanation(rows, settings, width=10):
    """The table chat.py --explain prints: one line per token, probabilities in percent. Tokens
    longer than `width` characters are cut."""
    width = min(width, max((len(t) for r in rows for t, _ in r.model_top + r.sampled_top), default=1))
    cells = lambda pairs: " ".join(f"{t[:width]:<{width}} {p:>4.0%}" for t, p in pairs)
    block = max((len(cells(r.model_top)) for r in rows), default=0)
    lines = [f"model: the model's own probabilities (the softmax of its scores); used: what the "
             f"sampler drew from, after {settings}",
             f"  #  {'token':<{width}} model  used | {'model: the 5 most likely':<{block}} | "
             f"used: the 5 most likely"]
    for n, r in enumerate(rows, 1):
        lines.append(f"{n:>3}  {r.token[:width]:<{width}} {r.p_model:>5.0%} {r.p_sampled:>5.0%} | "
                     f"{cells(r.model_top):<{block}} | {cells(r.sampled_top)}")
    return "\n".join(lines)
