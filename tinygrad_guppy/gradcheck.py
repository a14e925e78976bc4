"""Finite-difference gradient checks: the oracle for every gradient in this project.

The idea: for a scalar function f of an array x, the derivative along a direction v is

    <grad f(x), v>  ~=  (f(x + h v) - f(x - h v)) / 2h        (central difference, error O(h^2))

so backprop's gradient can be checked without trusting any of its code. Everything here runs in
float64: with float32's 7 digits, the difference f(x + h v) - f(x - h v) would be mostly rounding
noise. Ops with a non-scalar output are reduced with a random upstream gradient,
f = sum(op(x) * dout): a plain sum would hide errors that a uniform gradient cancels.

For a small tensor every entry is checked; for a large one, one random direction v (which touches
every entry at once) plus a sample of single entries, so that errors confined to a few entries
cannot hide in the sum.

    python -m tinygrad_guppy.gradcheck                # the full 8.7M model, all 76 tensors
    python -m tinygrad_guppy.gradcheck --config tiny  # a 2-layer toy model, in a second
"""

import argparse
import dataclasses
import sys
import time

import numpy as np

from tinygrad_guppy.engine import fused, ops
from tinygrad_guppy.engine.tensor import Tensor
from tinygrad_guppy.model import GuppyConfig, GuppyLM

H = 1e-6  # step of the central differences (float64: rounding ~1e-16 * |f| / h, truncation ~h^2)
# The step along a random direction v with N(0, 1) entries is smaller, because h v moves every
# entry at once and so pushes some of the model's 147K ReLU inputs across zero (a kink, where the
# difference means nothing). Such crossings are detected and the direction redrawn (see
# relu_pattern), and with 1e-7 they are rare: 0 to 8 redraws per tensor over seeds 0-4.
H_DIRECTIONAL = 1e-7

# Tolerances on the relative error |analytic - numeric| / max(|analytic|, |numeric|). Measured on
# the full model (python -m tinygrad_guppy.gradcheck --seed 0..4): directional errors 5e-11 ..
# 1e-7, single entries up to 1e-6 (an entry's derivative is smaller, so rounding weighs more);
# a wrong gradient gives 1e-3 or more.
DIRECTIONAL_TOL = 1e-6
ENTRY_TOL = 1e-5
# A central difference of f carries rounding noise of about eps * scale / h (eps = 2.2e-16), where
# scale is the size of the terms f adds up: |f| for a loss (a mean of positive terms), and
# sum(|out * dout|) for an op reduced with a random upstream gradient, whose terms can cancel.
# Measured at 0.1 .. 0.6 times that on the tiny and full models. Derivatives near that size cannot
# be checked relatively, so differences up to NOISE_FACTOR times it count as agreement.
NOISE_FACTOR = 8.0


def rounding_noise(scale, h=H):
    """The size of the rounding error in a central difference, at step h, of a function whose
    terms have total size `scale`."""
    return NOISE_FACTOR * np.finfo(np.float64).eps * max(abs(scale), 1.0) / h


def relative_error(analytic, numeric, noise=0.0, tol=1.0):
    """|a - n| / max(|a|, |n|, noise / tol): the relative error for derivatives well above the
    rounding noise, while a difference within the noise scores at most tol (agreement)."""
    return abs(analytic - numeric) / max(abs(analytic), abs(numeric), noise / tol, 1e-300)


def relu_pattern(out):
    """The on/off state of every ReLU in the graph that made `out`, as bytes. Where it differs
    between two points, a ReLU input crossed zero between them: a kink, where f has no derivative."""
    states, stack, seen = [], [out], set()
    while stack:
        fn = stack.pop()._ctx
        if fn is None or id(fn) in seen:
            continue
        seen.add(id(fn))
        if isinstance(fn, (ops.ReLU, fused.BiasReLU)):
            states.append(np.packbits(fn.out > 0).tobytes())
        stack.extend(fn.parents)
    return b"".join(states)


class KinkCrossed(Exception):
    """A ReLU switched between x - h d and x + h d: the difference straddles a kink and says
    nothing about the derivative at x."""


def value_and_pattern(f):
    """f() -> a one-element Tensor built with gradients on (so its graph can be inspected).
    Returns its value and its ReLU pattern."""
    out = f()
    return float(out.data), relu_pattern(out)


def central_difference(f, x, d, h, pattern_at_x):
    """(f(x + h d) - f(x - h d)) / 2h, the derivative of f along d; x is the array f reads, changed
    in place and restored exactly. Raises KinkCrossed if a ReLU switches on the way."""
    original = x.copy()
    x += h * d
    f_plus, pattern_plus = value_and_pattern(f)
    x[...] = original - h * d
    f_minus, pattern_minus = value_and_pattern(f)
    x[...] = original
    if pattern_plus != pattern_at_x or pattern_minus != pattern_at_x:
        raise KinkCrossed
    return (f_plus - f_minus) / (2 * h)


def entry_derivative(f, x, index, h, pattern_at_x):
    """df/dx[index] by central differences: the difference along the one-hot direction."""
    one_hot = np.zeros_like(x)
    one_hot[index] = 1.0
    return central_difference(f, x, one_hot, h, pattern_at_x)


@dataclasses.dataclass
class Row:
    """The check of one tensor's gradient."""
    name: str
    shape: tuple
    grad_norm: float
    analytic: float        # <grad, v>
    numeric: float         # the central difference along v
    error: float           # relative error of the directional check
    entry_error: float     # the worst relative error over the checked single entries
    kinks: int             # directions and entries redrawn because a ReLU switched
    passed: bool


MAX_KINKS = 20  # redraws allowed per tensor before the check gives up (and fails)


def check_tensor(f, name, x, grad, rng, n_entries=3, h=H, h_directional=H_DIRECTIONAL, scale=None):
    """Check `grad` (the analytic gradient with respect to the array x) against f itself: one
    random direction v with N(0, 1) entries, plus every entry of a small x or n_entries single
    entries of a large one (the largest-gradient entry first, then random ones). A direction or
    entry whose difference crosses a ReLU kink is redrawn (counted in Row.kinks). `scale` is the
    size of the terms f adds up, for its rounding noise (default: |f|)."""
    f_value, pattern = value_and_pattern(f)
    scale = abs(f_value) if scale is None else scale
    kinks, analytic, numeric = 0, float("nan"), float("nan")
    while kinks <= MAX_KINKS:
        v = rng.standard_normal(x.shape)
        try:
            numeric = central_difference(f, x, v, h_directional, pattern)
            analytic = float((grad * v).sum())
            break
        except KinkCrossed:
            kinks += 1
    error = relative_error(analytic, numeric, rounding_noise(scale, h_directional), DIRECTIONAL_TOL)

    noise = rounding_noise(scale, h)
    if x.size <= 16:
        candidates, wanted = list(range(x.size)), x.size
    else:
        candidates = [int(np.argmax(np.abs(grad)))] + rng.permutation(x.size)[:n_entries + MAX_KINKS].tolist()
        wanted = n_entries
    entry_errors = []
    for i in candidates:
        if len(entry_errors) == wanted or kinks > MAX_KINKS:
            break
        index = np.unravel_index(i, x.shape)
        try:
            numeric_i = entry_derivative(f, x, index, h, pattern)
        except KinkCrossed:
            kinks += 1
            continue
        entry_errors.append(relative_error(float(grad[index]), numeric_i, noise, ENTRY_TOL))
    entry_error = max(entry_errors, default=float("inf"))
    passed = error <= DIRECTIONAL_TOL and entry_error <= ENTRY_TOL and len(entry_errors) == wanted
    return Row(name, tuple(x.shape), float(np.sqrt((grad * grad).sum())), analytic, numeric, error,
               entry_error, kinks, passed)


def check_function(fn, inputs, seed=0, n_entries=3, **settings):
    """Check fn's backward for every float input: fn(*Tensors, **settings) -> Tensor.

    inputs are float64 arrays (checked) or other arrays (integer ids: passed through unchanged).
    Returns one Row per float input.
    """
    rng, arrays, grads, f, scale = _reduced(fn, inputs, seed, settings)
    return [check_tensor(f, f"input {i}", arrays[i], grad, rng, n_entries, scale=scale)
            for i, grad in grads.items()]


def _reduced(fn, inputs, seed, settings):
    """fn reduced to a scalar with a random upstream gradient: f() = sum(fn(inputs) * dout), run
    once with backward. Returns (rng, the input arrays that f reads, {input number: its analytic
    gradient} for the float64 inputs, f, and the size of the terms f adds up)."""
    rng = np.random.default_rng(seed)
    arrays = [np.array(a) for a in inputs]
    checked = [a.dtype == np.float64 for a in arrays]
    tensors = [Tensor(a, requires_grad=c) for a, c in zip(arrays, checked)]
    out = fn(*tensors, **settings)
    dout = rng.standard_normal(out.shape)
    scale = float(np.abs(out.data * dout).sum())     # the terms f = sum(out * dout) adds up
    out.backward(dout)

    def f():
        return (fn(*[Tensor(a, requires_grad=c) for a, c in zip(arrays, checked)], **settings) * dout).sum()

    grads = {i: t.grad if t.grad is not None else np.zeros_like(a)
             for i, (a, t) in enumerate(zip(arrays, tensors)) if checked[i]}
    return rng, arrays, grads, f, scale


# ---- one op, entry by entry: what `--op NAME --show` prints -------------------------------------

def _uniform(low=-2.0, high=2.0):
    return lambda rng, shape: rng.uniform(low, high, size=shape)


def _off_zero(rng, shape):
    """Values in [-2, -0.1] or [0.1, 2]: a step h never crosses a kink at 0 (ReLU, 1/y)."""
    x = rng.uniform(0.1, 2.0, size=shape)
    return np.where(rng.random(shape) < 0.5, -x, x)


def _distinct(rng, shape):
    """Values 0.1 apart in random order: no tie for max (a tie is a kink)."""
    return rng.permutation(int(np.prod(shape))).reshape(shape) * 0.1


@dataclasses.dataclass
class OpCase:
    """One op on a small input, for a reader to watch its gradient being checked."""
    what: str                 # the op in words, with the shapes used
    fn: object                # Tensors -> Tensor
    inputs: list              # [(name, shape, how to draw it: (rng, shape) -> array)]; ids are int


def _ids(rng, shape):
    return rng.integers(0, 6, size=shape)


OPS = {
    "add": OpCase("x (2,3) + y (3,), y broadcast over the rows (ops.Add)", lambda x, y: x + y,
                  [("x", (2, 3), _uniform()), ("y", (3,), _uniform())]),
    "sub": OpCase("x (2,3) - y (2,1) (ops.Sub)", lambda x, y: x - y,
                  [("x", (2, 3), _uniform()), ("y", (2, 1), _uniform())]),
    "mul": OpCase("x (2,3) * y (2,3) (ops.Mul)", lambda x, y: x * y,
                  [("x", (2, 3), _uniform()), ("y", (2, 3), _uniform())]),
    "div": OpCase("x (2,3) / y (3,), |y| >= 0.1 (ops.Div)", lambda x, y: x / y,
                  [("x", (2, 3), _uniform()), ("y", (3,), _off_zero)]),
    "neg": OpCase("-x, x (2,3) (ops.Neg)", lambda x: -x, [("x", (2, 3), _uniform())]),
    "pow": OpCase("x ** 3, x (2,3) (ops.Pow)", lambda x: x ** 3, [("x", (2, 3), _uniform())]),
    "exp": OpCase("exp(x), x (2,3) (ops.Exp)", lambda x: x.exp(), [("x", (2, 3), _uniform())]),
    "log": OpCase("log(x), x (2,3) in [0.5, 3] (ops.Log)", lambda x: x.log(),
                  [("x", (2, 3), _uniform(0.5, 3.0))]),
    "relu": OpCase("relu(x), x (2,4) with |x| >= 0.1, off the kink (ops.ReLU)", lambda x: x.relu(),
                   [("x", (2, 4), _off_zero)]),
    "dropout": OpCase("dropout(x, p=0.5), x (2,4), one fixed mask (ops.Dropout)",
                      lambda x: ops.Dropout.apply(x, p=0.5, rng=np.random.default_rng(0)),
                      [("x", (2, 4), _uniform())]),
    "sum": OpCase("x.sum(axis=1), x (2,3) (ops.Sum)", lambda x: x.sum(axis=1), [("x", (2, 3), _uniform())]),
    "mean": OpCase("x.mean(axis=0), x (2,3) (ops.Mean)", lambda x: x.mean(axis=0),
                   [("x", (2, 3), _uniform())]),
    "max": OpCase("x.max(axis=1), x (2,3) without ties (ops.Max)", lambda x: x.max(axis=1),
                  [("x", (2, 3), _distinct)]),
    "reshape": OpCase("x.reshape(3, 2), x (2,3) (ops.Reshape)", lambda x: x.reshape(3, 2),
                      [("x", (2, 3), _uniform())]),
    "permute": OpCase("x.permute(2, 0, 1), x (2,1,3) (ops.Permute)", lambda x: x.permute(2, 0, 1),
                      [("x", (2, 1, 3), _uniform())]),
    "getitem": OpCase("x[[0, 2, 2]], x (3,2): row 2 taken twice, its gradients add (ops.GetItem)",
                      lambda x: x[np.array([0, 2, 2])], [("x", (3, 2), _uniform())]),
    "cat": OpCase("cat([x (2,1), y (2,2)], axis=1) (ops.Concatenate)",
                  lambda x, y: Tensor.cat([x, y], axis=1),
                  [("x", (2, 1), _uniform()), ("y", (2, 2), _uniform())]),
    "matmul": OpCase("a (2,3) @ b (3,2) (ops.MatMul)", lambda a, b: a @ b,
                     [("a", (2, 3), _uniform()), ("b", (3, 2), _uniform())]),
    "linear": OpCase("x (2,3) @ w^T + b, w (2,3), b (2,) (ops.Linear)",
                     lambda x, w, b: ops.Linear.apply(x, w, b),
                     [("x", (2, 3), _uniform()), ("w", (2, 3), _uniform()), ("b", (2,), _uniform())]),
    "embedding": OpCase("weight[ids], weight (6,2), ids (2,3) integers in [0, 6) (ops.Embedding)",
                        lambda w, ids: ops.Embedding.apply(w, ids),
                        [("weight", (6, 2), _uniform()), ("ids", (2, 3), _ids)]),
    "softmax": OpCase("softmax(x) over the last axis, x (2,3) (fused.Softmax)", lambda x: x.softmax(),
                      [("x", (2, 3), _uniform())]),
    "log_softmax": OpCase("log_softmax(x) over the last axis, x (2,3) (fused.LogSoftmax)",
                          lambda x: x.log_softmax(), [("x", (2, 3), _uniform())]),
    "layernorm": OpCase("layer_norm(x, w, b), x (2,4), w (4,), b (4,) (fused.LayerNorm)",
                        lambda x, w, b: fused.layer_norm(x, w, b),
                        [("x", (2, 4), _uniform()), ("w", (4,), _uniform()), ("b", (4,), _uniform())]),
    "attention": OpCase("causal self-attention, qkv (1,3,12): 3 tokens, 2 heads of size 2 "
                        "(fused.CausalSelfAttention)", lambda qkv: fused.causal_self_attention(qkv, 2),
                        [("qkv", (1, 3, 12), _uniform())]),
    "cross_entropy": OpCase("cross_entropy(logits (3,4), targets [1, 3, -100]): the mean over the 2 "
                            "rows whose target is not the ignored -100 (fused.CrossEntropy)",
                            lambda logits, targets: fused.cross_entropy(logits, targets),
                            [("logits", (3, 4), _uniform()),
                             ("targets", (3,), lambda rng, shape: np.array([1, 3, -100]))]),
}


@dataclasses.dataclass
class EntryCheck:
    """One entry of an input's gradient, analytic beside numeric."""
    input: str
    index: tuple
    analytic: float
    numeric: float            # nan where the difference crossed a ReLU kink
    error: float              # relative error (see relative_error)
    passed: bool


def check_entries(name, seed=0):
    """Every entry of every float input of OPS[name], with the oracle of check_function: f = sum(op
    * dout) for a random dout, central differences at step H, errors relative as everywhere here,
    against ENTRY_TOL."""
    case = OPS[name]
    rng = np.random.default_rng(seed)
    inputs = [make(rng, shape) for _, shape, make in case.inputs]
    _, arrays, grads, f, scale = _reduced(case.fn, inputs, seed, {})
    _, pattern = value_and_pattern(f)
    noise = rounding_noise(scale, H)
    entries = []
    for i, grad in grads.items():
        for index in np.ndindex(arrays[i].shape):
            try:
                numeric = entry_derivative(f, arrays[i], index, H, pattern)
            except KinkCrossed:
                numeric = float("nan")
            error = relative_error(float(grad[index]), numeric, noise, ENTRY_TOL)
            entries.append(EntryCheck(case.inputs[i][0], index, float(grad[index]), numeric, error,
                                 error <= ENTRY_TOL))
    return entries


def format_entries(name, entries):
    lines = [f"{name}: {OPS[name].what}",
             f"analytic: backward of f = sum({name}(inputs) * dout), dout random; numeric: (f(x + h) - "
             f"f(x - h)) / 2h for each entry x, h = {H:g}, float64",
             f"rel err: |analytic - numeric| / max(|analytic|, |numeric|), a difference within "
             f"float64 rounding noise counting as agreement; tolerance {ENTRY_TOL:g}",
             f"{'input':<8} {'entry':<10} {'analytic':>15} {'numeric':>15} {'rel err':>9}  pass"]
    for e in entries:
        index = str(e.index).replace(" ", "")
        lines.append(f"{e.input:<8} {index:<10} {e.analytic:>+15.8e} {e.numeric:>+15.8e} "
                     f"{e.error:>9.1e}  {'ok' if e.passed else 'FAIL'}")
    worst = max(e.error for e in entries)
    lines.append(f"{sum(e.passed for e in entries)}/{len(entries)} entries agree; worst relative "
                 f"error {worst:.1e} (tolerance {ENTRY_TOL:g})")
    return "\n".join(lines)


# ---- the whole model -----------------------------------------------------------------------------

def tiny_config():
    """A 2-layer toy GuppyLM for quick checks (same code paths, 28 parameter tensors)."""
    return GuppyConfig(vocab_size=64, max_seq_len=16, d_model=32, n_layers=2, n_heads=4,
                       ffn_hidden=48)


def model_batch(cfg, T=16, seed=0):
    """A batch that exercises every path: row 0 holds two packed samples (segments, positions
    restarting), row 1 one sample followed by padding (targets pad_id, ignored by the loss)."""
    rng = np.random.default_rng(seed)
    T = min(T, cfg.max_seq_len)
    low = max(cfg.eos_id, cfg.pad_id, cfg.bos_id) + 1
    idx = rng.integers(low, cfg.vocab_size, size=(2, T))
    targets = rng.integers(low, cfg.vocab_size, size=(2, T))
    split, length = T // 3, 2 * T // 3
    segments = np.zeros((2, T), dtype=np.int64)
    segments[0, split:] = 1
    segments[1, length:] = 1                 # the padding is its own segment
    positions = np.concatenate([np.arange(split), np.arange(T - split)])[None].repeat(2, 0)
    positions[1] = np.arange(T)
    idx[1, length:] = cfg.pad_id
    targets[1, length - 1:] = cfg.pad_id
    return idx, targets, segments, positions


def check_model(cfg, seed=0, T=16, n_entries=3, progress=None):
    """Check every parameter tensor of GuppyLM(cfg) in float64, and the gradient flowing into
    the input embeddings, on model_batch. Training mode: dropout is on, with its generator reset
    before every evaluation so that f is one fixed function. Returns a list of Rows."""
    model = GuppyLM(cfg, seed=seed, dtype="float64").train()
    idx, targets, segments, positions = model_batch(cfg, T, seed)
    dropout_state = model.dropout_rng.bit_generator.state

    x = model.embed(idx, positions).retain_grad()     # (B, T, C), the input embeddings
    _, loss = model.from_embeddings(x, targets, segments)
    loss.backward()
    x_data, x_grad = x.data.copy(), x.grad

    def f():
        model.dropout_rng.bit_generator.state = dropout_state
        return model(idx, targets, segments, positions)[1]

    def f_from_x():
        model.dropout_rng.bit_generator.state = dropout_state
        return model.from_embeddings(Tensor(x_data, requires_grad=True), targets, segments)[1]

    rng = np.random.default_rng(seed + 1000)
    rows = []
    for name, p in model.named_parameters():
        rows.append(check_tensor(f, name, p.data, p.grad, rng, n_entries))
        if progress:
            progress(rows[-1])
    rows.append(check_tensor(f_from_x, "(input embeddings)", x_data, x_grad, rng, n_entries))
    if progress:
        progress(rows[-1])
    return rows


def format_row(r):
    return (f"{r.name:<28} {str(r.shape):<12} {r.grad_norm:>10.3e} {r.analytic:>+14.6e} "
            f"{r.numeric:>+14.6e} {r.error:>9.1e} {r.entry_error:>9.1e} {r.kinks:>5}  "
            f"{'ok' if r.passed else 'FAIL'}")


HEADER = (f"{'tensor':<28} {'shape':<12} {'|grad|':>10} {'<grad, v>':>14} {'numeric':>14} "
          f"{'rel err':>9} {'entries':>9} {'kinks':>5}  pass")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tinygrad_guppy.gradcheck",
        description="Check every gradient of GuppyLM against central finite differences in "
                    "float64: one random direction per parameter tensor plus sampled single "
                    "entries, and the input-embedding path. Or, with --op, one op on a small input "
                    "(--list names them; --show prints every entry). Exit status 1 if any check fails.")
    parser.add_argument("--config", choices=["full", "tiny"], default="full",
                        help="full: the 8.7M GuppyConfig(); tiny: a 2-layer toy (default: full)")
    parser.add_argument("--seed", type=int, default=0, help="weights, batch and directions (default: 0)")
    parser.add_argument("--seq", type=int, default=16, help="sequence length of the batch (default: 16)")
    parser.add_argument("--entries", type=int, default=3,
                        help="single entries checked per tensor (default: 3)")
    parser.add_argument("--op", choices=list(OPS), metavar="NAME", default=None,
                        help="check one op instead of the model (names: --list)")
    parser.add_argument("--show", action="store_true",
                        help="with --op: the analytic gradient beside the finite-difference one, "
                             "entry by entry, with the relative error")
    parser.add_argument("--list", action="store_true", help="name the ops --op can check, and exit")
    args = parser.parse_args(argv)

    if args.list:
        width = max(map(len, OPS))
        print("\n".join(f"{name:<{width}}  {case.what}" for name, case in OPS.items()))
        return 0
    if args.show and args.op is None:
        parser.error("--show needs --op NAME (the names: --list)")
    if args.op is not None:
        return check_op(args.op, args.seed, args.show)

    cfg = GuppyConfig() if args.config == "full" else tiny_config()
    print(f"gradcheck: GuppyLM {args.config} config, float64, batch 2x{min(args.seq, cfg.max_seq_len)}, "
          f"h={H} (entries), {H_DIRECTIONAL} (directions), tolerances: directional {DIRECTIONAL_TOL:g}, entries {ENTRY_TOL:g}")
    print(HEADER)
    start = time.perf_counter()
    rows = check_model(cfg, args.seed, args.seq, args.entries, progress=lambda r: print(format_row(r), flush=True))
    failed = [r for r in rows if not r.passed]
    worst = max(rows, key=lambda r: r.error)
    print(f"\n{len(rows) - 1} parameter tensors + the input embeddings: {len(rows) - len(failed)}/"
          f"{len(rows)} passed; worst directional error {worst.error:.1e} ({worst.name}); worst "
          f"entry error {max(r.entry_error for r in rows):.1e}; {time.perf_counter() - start:.1f} s")
    if failed:
        print("FAILED: " + ", ".join(r.name for r in failed))
    return 1 if failed else 0


def check_op(name, seed=0, show=False):
    """--op NAME: every entry of the op's gradients (printed with --show), and the check that the
    tests run (one random direction and sampled entries per input). Returns the exit status."""
    entries = check_entries(name, seed)
    if show:
        print(format_entries(name, entries) + "\n")
    case = OPS[name]
    rng = np.random.default_rng(seed)
    inputs = [make(rng, shape) for _, shape, make in case.inputs]
    rows = check_function(case.fn, inputs, seed)
    float_names = [n for (n, _, _), a in zip(case.inputs, inputs) if a.dtype == np.float64]
    for row, input_name in zip(rows, float_names):
        row.name = f"{name}: {input_name}"
    print(HEADER)
    print("\n".join(format_row(r) for r in rows))
    passed = all(r.passed for r in rows) and all(e.passed for e in entries)
    print(f"{name}: {'passed' if passed else 'FAILED'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
