"""What does each token look at? The attention probabilities of every layer and head, as the model's
own attention code computed them, and a picture of them.

    maps = attention_maps(model, ids)           # (L, nh, T, T): row i = query i, columns = keys
    maps, labels, first_row = reply_attention(model, tok, context_ids, reply_ids)
    plot_attention(maps, labels, first_row, "attention.png")

The maps are recorded, not recomputed: the model runs its ordinary forward pass while
engine.tensor.watch shows us each attention Function, and we keep the probability matrix that
fused.attention_forward returned to it (the matrix its output was made from). That happens on the
CPU, where the attention op keeps the matrix; a GPU model is copied to the CPU first (its kernel
never writes the whole matrix out).
"""

import os

import numpy as np

from tinygrad_guppy.app.explain import shown
from tinygrad_guppy.engine import fused
from tinygrad_guppy.engine.tensor import no_grad, watch
from tinygrad_guppy.model import GuppyLM


class _AttentionRecorder:
    """A watcher (see engine.tensor.watch) that keeps each attention op's probabilities."""

    def __init__(self):
        self.probs = []                                          # one (B, nh, T, T) per layer

    def forward(self, fn, inputs, out, seconds):
        if isinstance(fn, fused.CausalSelfAttention):
            probs, _ = fn.probs                                  # on the CPU: (probs, dropped)
            self.probs.append(probs)

    def backward(self, fn, dout, grads, seconds):
        pass


def on_cpu(model):
    """The model itself if it is on the CPU, else a CPU copy of it."""
    if model.device == "cpu":
        return model
    copy = GuppyLM(model.cfg, dtype=model.dtype, device="cpu", init_weights=False)
    copy.load_state_dict(model.state_dict(dtype=None))
    return copy


def attention_maps(model, ids):
    """ids: a list of T token ids -> probs (L, nh, T, T) float: probs[l, h, i, j] is how much
    query position i attends to key position j in layer l, head h (rows sum to 1; 0 for j > i).
    Evaluation mode (no dropout), no gradients."""
    model = on_cpu(model)
    was_training = model.training
    model.eval()
    recorder = _AttentionRecorder()
    with no_grad(), watch(recorder):
        model(np.asarray(ids, dtype=np.int64)[None])
    model.train(was_training)
    return np.stack([p[0] for p in recorder.probs])              # (L, nh, T, T)


def reply_attention(model, tok, context_ids, reply_ids):
    """The maps of context + reply, the tokens as labels, and the first reply position: what
    plot_attention draws for one reply."""
    if not reply_ids:
        raise ValueError("the reply is empty (the model ended its turn at once): no attention to draw")
    ids = list(context_ids) + list(reply_ids)
    return attention_maps(model, ids), [shown(tok, i) for i in ids], len(context_ids)


def plot_attention(maps, labels, first_row, path, title=None):
    """Draw rows first_row.. of every layer's and head's map (the reply's tokens, as queries)
    against all columns (the whole context, as keys): one panel per layer (rows of panels) and
    head (columns of panels), tokens on the axes. Needs matplotlib; without it, an ImportError
    that says how to install it."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("the attention picture needs matplotlib: pip install -e \".[plot]\" "
                          "(or pip install matplotlib)") from None
    L, nh, T, _ = maps.shape
    queries = labels[first_row:]
    panel_w, panel_h = max(2.5, 0.12 * T), max(1.0, 0.12 * len(queries))   # inches
    fig, axes = plt.subplots(L, nh, figsize=(panel_w * nh + 1.2, panel_h * L + 1.5),
                             squeeze=False, sharex=True, sharey=True)
    for layer in range(L):
        for head in range(nh):
            ax = axes[layer, head]
            ax.imshow(maps[layer, head, first_row:], cmap="viridis", vmin=0, vmax=1,
                      aspect="auto", interpolation="nearest")
            if layer == 0:
                ax.set_title(f"head {head}", fontsize=9)
            if head == 0:
                ax.set_ylabel(f"layer {layer}", fontsize=9)
    # the axes are shared: ticks set once apply to every panel; matplotlib labels the outer ones
    axes[0, 0].set_xticks(range(T), labels)
    axes[0, 0].set_yticks(range(len(queries)), queries)
    for ax in axes.flat:
        ax.tick_params(axis="x", labelsize=6, labelrotation=90)
        ax.tick_params(axis="y", labelsize=6)
    fig.suptitle(title or "attention of the reply's tokens (rows: queries) over the whole context\n"
                 "(columns: keys); each row sums to 1; dark 0, yellow 1", fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp.png"                    # written whole, then renamed into place
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    os.replace(tmp, path)
