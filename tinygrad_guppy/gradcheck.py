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
import math
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
        one_hot = np.zeros_like(x)
        one_hot[index] = 1.0
        try:
            numeric_i = central_difference(f, x, one_hot, h, pattern)
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

    rows = []
    for i, (a, t) in enumerate(zip(arrays, tensors)):
        if checked[i]:
            grad = t.grad if t.grad is not None else np.zeros_like(a)
            rows.append(check_tensor(f, f"input {i}", a, grad, rng, n_entries, scale=scale))
    return rows


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
                    "entries, and the input-embedding path. Exit status 1 if any check fails.")
    parser.add_argument("--config", choices=["full", "tiny"], default="full",
                        help="full: the 8.7M GuppyConfig(); tiny: a 2-layer toy (default: full)")
    parser.add_argument("--seed", type=int, default=0, help="weights, batch and directions (default: 0)")
    parser.add_argument("--seq", type=int, default=16, help="sequence length of the batch (default: 16)")
    parser.add_argument("--entries", type=int, default=3,
                        help="single entries checked per tensor (default: 3)")
    args = parser.parse_args(argv)

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


if __name__ == "__main__":
    sys.exit(main())
