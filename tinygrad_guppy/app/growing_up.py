"""Growing up: the same few prompts asked at every evaluation of a training run, so a reader sees
babble turn into a fish; and each layer's gradient norm over training.

    replies = ask(model, tok)                               # {prompt: greedy reply}
    write_transcript("runs/guppy/log.jsonl", "runs/guppy/growing_up.md")
    plot_layer_grad_norms("runs/guppy/log.jsonl", "runs/guppy/grad_norms.png")

train.py logs the replies with each evaluation's held-out loss in log.jsonl; growing_up.md is
rewritten from the log each time, so it always matches the log (a resumed run's log drops the
evaluations after its checkpoint, and so does the transcript).
"""

import json
import os
import re

from tinygrad_guppy.app.conversation import Conversation
from tinygrad_guppy.checkpoint import atomic_write_bytes

PROMPTS = ["hi guppy", "are you hungry?", "what is the meaning of life?", "do you like your tank?",
           "what do you think about my phone?"]
MAX_TOKENS = 32        # the longest reply in the training data is 23 tokens; babble is cut here


def ask(model, tok, prompts=PROMPTS, max_tokens=MAX_TOKENS):
    """{prompt: reply} with greedy decoding (the model's most likely token each time), so the
    replies change only when the model does."""
    conv = Conversation(model, tok)
    return {prompt: conv.reply_text(prompt, max_tokens=max_tokens, greedy=True) for prompt in prompts}


def read_log(log_path):
    with open(log_path) as f:
        return [json.loads(line) for line in f if line.strip()]


def transcript(records, title):
    """growing_up.md's text from log.jsonl's records: for each evaluation that has replies, its
    step, held-out loss and one table row per prompt."""
    lines = [f"# Growing up: {title}", "",
             "The same prompts at every evaluation, answered greedily (always the most likely next "
             "token), while the held-out loss falls.", ""]
    evaluations = [r for r in records if "replies" in r]
    if not evaluations:
        lines.append("(no evaluation yet)")
    for r in evaluations:
        lines += [f"## step {r['step']:,}: held-out loss {r['eval_loss']:.4f}", "",
                  "| you | guppy |", "|---|---|"]
        lines += [f"| {_cell(prompt)} | {_cell(reply) or '(nothing)'} |" for prompt, reply in r["replies"].items()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text):
    """Text for a Markdown table cell: one line, its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def write_transcript(log_path, md_path):
    """(Re)write growing_up.md from log.jsonl, atomically."""
    title = os.path.basename(os.path.dirname(os.path.abspath(md_path)))
    atomic_write_bytes(md_path, transcript(read_log(log_path), title).encode())


def layer_of(name):
    """The layer a parameter belongs to: 'blocks.3.attn.qkv.weight' -> 'block 3'; the embeddings
    (tok_emb, tied to the LM head, and pos_emb) -> 'embeddings'; the final LayerNorm -> 'final norm'."""
    match = re.match(r"blocks\.(\d+)\.", name)
    if match:
        return f"block {match.group(1)}"
    return "embeddings" if name.endswith("emb.weight") else "final norm"


def layer_grad_norms(grad_norms):
    """{parameter name: gradient norm} -> {layer: norm of all its parameters' gradients together}
    (the square root of the sum of their squares), layers in the model's order."""
    squares = {}
    for name, norm in grad_norms.items():
        squares[layer_of(name)] = squares.get(layer_of(name), 0.0) + norm ** 2
    return {layer: total ** 0.5 for layer, total in squares.items()}


def plot_layer_grad_norms(log_path, png_path):
    """grad_norms.png: each layer's gradient norm at every evaluation (the per-parameter norms
    train.py logs). Needs matplotlib; returns False without it, or when nothing is logged yet."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    records = [r for r in read_log(log_path) if r.get("grad_norms")]
    if not records:
        return False
    steps = [r["step"] for r in records]
    per_step = [layer_grad_norms(r["grad_norms"]) for r in records]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for layer in per_step[0]:
        ax.plot(steps, [norms[layer] for norms in per_step], "o-", ms=3, label=layer)
    ax.set(xlabel="step", ylabel="gradient norm (L2, all of the layer's parameters)", yscale="log",
           title="GuppyLM: each layer's gradient norm at the evaluations")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    fig.tight_layout()
    fig.savefig(png_path + ".tmp.png", dpi=120)
    plt.close(fig)
    os.replace(png_path + ".tmp.png", png_path)
    return True
