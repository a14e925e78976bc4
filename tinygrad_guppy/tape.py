"""The autograd tape: one training step of GuppyLM, every op made visible.

The engine records each Function it runs (engine.tensor.watch shows them to us as they run): here
they are listed in forward order with their input and output shapes, the time of their forward
and of their backward, and the norm of the gradient that flowed back into their output. Read
bottom to top, the backward column is the backward pass: it starts at the loss (|dout| = 1) and
ends in the parameters, whose gradient norms follow the table.

    python -m tinygrad_guppy.tape                       # a small fresh model (2 layers, width 32)
    python -m tinygrad_guppy.tape --run runs/guppy      # the run's trained checkpoint
    python -m tinygrad_guppy.tape --dot tape.dot        # also the graph as Graphviz DOT text;
    dot -Tsvg tape.dot -o tape.svg                      #   Graphviz draws it

The batch is random token ids (this layer knows no text): the tape shows the work of a step, which
does not depend on what the ids mean. It runs on the CPU, where an op's time is its own.
"""

import argparse
import dataclasses
import sys
import time

import numpy as np

from tinygrad_guppy import checkpoint
from tinygrad_guppy.engine import backend
from tinygrad_guppy.engine.optim import AdamW
from tinygrad_guppy.engine.tensor import watch
from tinygrad_guppy.gradcheck import tiny_config
from tinygrad_guppy.model import GuppyLM


@dataclasses.dataclass
class Entry:
    """One Function applied in the forward pass."""
    number: int               # 1, 2, ... in forward order
    op: str                   # the Function's class name
    inputs: list              # [(label, shape)]: a parameter's name, "#n" for op n's output, or "const"
    output: tuple             # the output's shape
    forward_s: float
    backward_s: float = None  # None: no gradient flowed through this op
    dout_norm: float = None   # the norm of the gradient of this op's output


class Tape:
    """A watcher (see engine.tensor.watch) that writes an Entry for every Function run, and fills
    in its backward time and gradient norm when backward reaches it."""

    def __init__(self, named_parameters):
        self.param_names = {id(p): name for name, p in named_parameters}
        self.entries = []
        self._entry_of = {}    # id(Function) -> Entry
        self._made_by = {}     # id(output Tensor) -> Entry
        self._alive = []       # the Functions and outputs seen: kept, so that no id is reused

    def forward(self, fn, inputs, out, seconds):
        entry = Entry(len(self.entries) + 1, type(fn).__name__,
                      [(self._label(t), tuple(t.shape)) for t in inputs], tuple(out.shape), seconds)
        self.entries.append(entry)
        self._entry_of[id(fn)], self._made_by[id(out)] = entry, entry
        self._alive += [fn, out]

    def backward(self, fn, dout, grads, seconds):
        entry = self._entry_of[id(fn)]
        entry.backward_s = seconds
        entry.dout_norm = float(np.sqrt(np.sum(np.square(dout, dtype=np.float64))))

    def _label(self, t):
        if id(t) in self.param_names:
            return self.param_names[id(t)]
        if id(t) in self._made_by:
            return f"#{self._made_by[id(t)].number}"
        return "const"          # token ids, positions, a number: data, not learned


@dataclasses.dataclass
class Step:
    """What record_step saw: the tape, the loss, each parameter's gradient norm, the times."""
    tape: Tape
    loss: float
    grad_norms: list          # [(name, shape, norm)] in the model's parameter order
    forward_s: float
    backward_s: float
    optimizer_s: float


def random_batch(cfg, batch=2, seq=16, seed=0):
    """idx (B, T) random ordinary token ids and targets (B, T): each row's next id."""
    rng = np.random.default_rng(seed)
    T = min(seq, cfg.max_seq_len)
    low = max(cfg.pad_id, cfg.bos_id, cfg.eos_id) + 1
    ids = rng.integers(low, cfg.vocab_size, size=(batch, T + 1))
    return ids[:, :-1], ids[:, 1:]


def record_step(model, idx, targets, lr=1e-3):
    """One training step (training mode: forward through model.loss, backward, an AdamW update),
    recorded on a Tape. The gradient norms are read before the update. A forward and backward
    run first, unrecorded, so that the times are those of a step in a running loop (the first
    call of an op starts threads and fills caches)."""
    tape = Tape(model.named_parameters())
    model.train()
    model.loss(idx, targets).backward()
    model.zero_grad()
    with watch(tape):
        start = time.perf_counter()
        loss = model.loss(idx, targets)
        middle = time.perf_counter()
        loss.backward()
        end = time.perf_counter()
    grad_norms = [(name, tuple(p.shape), _norm(p.grad)) for name, p in model.named_parameters()]
    optimizer = AdamW(model.parameters(), lr=lr)
    start_update = time.perf_counter()
    optimizer.step()
    return Step(tape, float(loss.data), grad_norms, middle - start, end - middle,
                time.perf_counter() - start_update)


def _norm(grad):
    if grad is None:
        return None
    return float(np.sqrt(np.sum(np.square(backend.to_numpy(grad), dtype=np.float64))))


def _shape(shape):
    """(2, 16, 32) -> "(2,16,32)", (32,) -> "(32,)": tuples, without the spaces."""
    return str(tuple(shape)).replace(" ", "")


def _ms(seconds):
    return "-" if seconds is None else f"{seconds * 1e3:.3f}"


def _sci(x):
    return "-" if x is None else f"{x:.2e}"


def format_step(step):
    """The table the command prints."""
    lines = [f"{'#':>4}  {'op':<20} {'output':<14} {'fwd ms':>8} {'bwd ms':>8} {'|dout|':>9}  inputs"]
    for e in step.tape.entries:
        inputs = ", ".join(f"{label} {_shape(shape)}" for label, shape in e.inputs)
        lines.append(f"{e.number:>4}  {e.op:<20} {_shape(e.output):<14} {_ms(e.forward_s):>8} "
                     f"{_ms(e.backward_s):>8} {_sci(e.dout_norm):>9}  {inputs}")
    n = len(step.tape.entries)
    lines += ["", f"loss {step.loss:.4f}; {n} ops: forward {step.forward_s * 1e3:.1f} ms, backward "
              f"{step.backward_s * 1e3:.1f} ms, AdamW update {step.optimizer_s * 1e3:.1f} ms", "",
              f"{'parameter':<28} {'shape':<12} {'|grad|':>9}"]
    lines += [f"{name:<28} {_shape(shape):<12} {_sci(norm):>9}" for name, shape, norm in step.grad_norms]
    return "\n".join(lines)


def to_dot(step):
    """The graph as Graphviz DOT text: a box per op (forward order, top to bottom), an ellipse per
    parameter with its gradient norm, arrows from inputs to the ops that read them."""
    norms = {name: norm for name, _, norm in step.grad_norms}
    lines = ["digraph tape {", "  rankdir=TB;", '  node [fontname="Helvetica", fontsize=10];']
    params, consts = {}, 0
    for e in step.tape.entries:
        lines.append(f'  op{e.number} [shape=box, label="#{e.number} {e.op}\\n{_shape(e.output)}'
                     f'\\nfwd {_ms(e.forward_s)} ms, bwd {_ms(e.backward_s)} ms\\n|dout| {_sci(e.dout_norm)}"];')
        for label, shape in e.inputs:
            if label.startswith("#"):
                source = f"op{label[1:]}"
            elif label == "const":
                consts += 1
                source = f"const{consts}"
                lines.append(f'  {source} [shape=plaintext, label="{_shape(shape)}"];')
            elif label in params:
                source = params[label]
            else:                                   # a parameter met for the first time
                source = params[label] = f"p{len(params) + 1}"
                lines.append(f'  {source} [shape=ellipse, label="{label}\\n{_shape(shape)}\\n'
                             f'|grad| {_sci(norms.get(label))}"];')
            lines.append(f"  {source} -> op{e.number};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tinygrad_guppy.tape",
        description="One training step of GuppyLM made visible: every op in forward order with its "
                    "shapes, forward and backward time and the norm of the gradient into its output, "
                    "then every parameter's gradient norm.")
    parser.add_argument("--run", default=None,
                        help="a run folder (its best, else last, checkpoint) or a checkpoint folder; "
                             "default: a small fresh model (2 layers, width 32)")
    parser.add_argument("--batch", type=int, default=2, help="rows of random token ids (default: 2)")
    parser.add_argument("--seq", type=int, default=16, help="tokens per row (default: 16)")
    parser.add_argument("--seed", type=int, default=0, help="the batch's ids and a fresh model's weights (default: 0)")
    parser.add_argument("--dot", metavar="FILE", default=None,
                        help="also write the graph as Graphviz DOT text (render: dot -Tsvg FILE -o tape.svg)")
    args = parser.parse_args(argv)
    if args.batch < 1 or args.seq < 1:
        parser.error("--batch and --seq must be at least 1")

    if args.run is None:
        model, source = GuppyLM(tiny_config(), seed=args.seed), "a fresh model"
    else:
        folder = checkpoint.find(args.run)
        if folder is None:
            sys.exit(f"no checkpoint in {args.run}: expected {args.run}/best/{checkpoint.WEIGHTS_FILE} "
                     f"(train one with: python train.py)")
        try:
            model, source = checkpoint.load(folder), folder
        except (OSError, ValueError) as e:
            sys.exit(f"cannot load the model: {e}")
    cfg = model.cfg
    idx, targets = random_batch(cfg, args.batch, args.seq, args.seed)
    step = record_step(model, idx, targets)
    print(f"tape: one training step of {source}: {cfg.n_layers} layers, d_model {cfg.d_model}, "
          f"{cfg.n_heads} heads, {model.num_parameters():,} parameters; batch {idx.shape[0]} x "
          f"{idx.shape[1]} random token ids, float32, CPU")
    print("ops in forward order; fwd and bwd: each op's own time; |dout|: the norm of the gradient "
          "that flowed back into the op's output; inputs: a parameter, #n = op n's output, const = data\n")
    print(format_step(step))
    if args.dot:
        checkpoint.atomic_write_bytes(args.dot, to_dot(step).encode())
        print(f"\ngraph: {args.dot} ({len(step.tape.entries)} ops); draw it with: dot -Tsvg {args.dot} -o tape.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
