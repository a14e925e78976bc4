"""Benchmark: which batching gives the lowest held-out loss per second of CPU training.

    python bench/batching.py train bucket8 --fresh --out runs/b8   # train.py with that batching
    python bench/batching.py --data-dir runs/data                  # time a step of each batching
    python bench/batching.py --data-dir runs/data --curves pad=runs/a bucket8=runs/b8 ...

A batching changes two things: the time of a step (padding is wasted compute) and what a step
learns (batches of similar length are batches of similar samples). The two are measured apart,
because the machine is shared and noisy while the second is not:

1. Held-out loss against step comes from whole training runs (train.py, CPU preset, same data and
   seed, only the batching changed): for a given seed and data it is the same number whatever
   else the machine is doing. Each run's log.jsonl holds it every --eval-every steps.
2. Time per step is measured here, in ONE process, the candidates' steps alternating (the first
   candidate rotates each round), so a load change hits all of them alike: the full model,
   train.py's batch size, learning rate and loss_on, each candidate's own batches of the real
   data (its first epoch, the seed of train.py's epoch 0).

--curves then combines them: the time at step s is s x the candidate's mean step time (its
batches differ in length, so the mean, not the median, is what a run of many steps costs).
Candidates: "pad" (the original), "pair" (train.py's default: pad's batches, two samples a row),
"bucketN" (sort N batches' worth of samples by length, cut into batches; train.py's "bucket" is
bucket<BUCKET_WINDOW>), "pack".
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "2"   # as bench/train_step.py: 2 threads, set before numpy is imported

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
from tinygrad_guppy.app import batching, prepare  # noqa: E402
from tinygrad_guppy.app.training import train_step  # noqa: E402
from tinygrad_guppy.engine import backend  # noqa: E402
from tinygrad_guppy.engine.optim import AdamW  # noqa: E402
from tinygrad_guppy.model import GuppyConfig, GuppyLM  # noqa: E402
from train import PRESETS, TrainConfig  # noqa: E402

CPU = TrainConfig(**{**PRESETS["cpu"], "preset": "cpu"})   # the CPU preset's settings
DEFAULT_CANDIDATES = ["pad", "pair", f"bucket{batching.BUCKET_WINDOW}", "bucket8", "bucket4"]


def candidate_batches(kind, samples, n, seed=CPU.seed):
    """The first n batches of `kind` ("pad", "pair", "pack" or "bucketN"), as train.py's epoch 0
    makes them."""
    rng = np.random.default_rng([seed, 0])
    if kind.startswith("bucket"):
        window = int(kind[len("bucket"):] or batching.BUCKET_WINDOW)
        epoch = batching.bucket_batches(samples, CPU.batch_size, rng, CPU.loss_on, 0, window)
    else:
        epoch = batching.make_batches(kind, samples, CPU.batch_size, rng, CPU.max_seq_len,
                                      CPU.loss_on, 0)
    out = []
    for batch in epoch:
        out.append(batch)
        if len(out) == n:
            break
    return out


def time_steps(candidates, samples, steps, warmup, vocab_size):
    """{kind: [seconds of each timed step]}, the candidates' steps alternating in one process."""
    model = GuppyLM(GuppyConfig(vocab_size=vocab_size), seed=0)
    optimizer = AdamW(model.parameters(), lr=CPU.lr, betas=(CPU.beta1, CPU.beta2),
                      weight_decay=CPU.weight_decay)
    batches = {kind: candidate_batches(kind, samples, warmup + steps) for kind in candidates}
    times = {kind: [] for kind in candidates}
    for r in range(warmup + steps):
        order = candidates[r % len(candidates):] + candidates[:r % len(candidates)]
        for kind in order:
            start = time.perf_counter()
            train_step(model, optimizer, batches[kind][r], CPU.lr, CPU.grad_clip)
            if r >= warmup:
                times[kind].append(time.perf_counter() - start)
    return times, batches


def read_curve(run_dir):
    """[(step, held-out loss)] from a run's log.jsonl, the final full evaluation last."""
    curve, final = [], None
    with open(os.path.join(run_dir, "log.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            if "eval_loss" in record:
                curve.append((record["step"], record["eval_loss"]))
            if "final_eval_loss" in record:
                final = (record["step"], record["final_eval_loss"])
    return curve, final


def train_with(kind, train_args):
    """train.py (its command line, train_args) with the batching `kind`: "pad", "pair", "pack" or
    "bucketN" (train.py's bucket with BUCKET_WINDOW set to N for this process)."""
    import train
    if kind.startswith("bucket"):
        batching.BUCKET_WINDOW = int(kind[len("bucket"):] or batching.BUCKET_WINDOW)
        kind = "bucket"
    sys.argv = ["train.py", *train_args, "--batching", kind]
    return train.cli()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train"]:
        if len(argv) < 2:
            sys.exit("usage: python bench/batching.py train KIND [train.py flags], KIND one of "
                     "pad, pair, pack, bucketN")
        return train_with(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default="runs/data",
                        help="dataset, tokenizer and token cache, as train.py makes them")
    parser.add_argument("--candidates", nargs="+", default=DEFAULT_CANDIDATES,
                        help="batchings to time (default: %(default)s)")
    parser.add_argument("--steps", type=int, default=40, help="timed steps per candidate")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps per candidate first")
    parser.add_argument("--curves", nargs="*", default=[], metavar="KIND=RUN_DIR",
                        help="training runs to combine with the step times, e.g. pad=runs/v1_pad")
    args = parser.parse_args(argv)
    backend.keep_freed_memory()

    quiet = lambda message: None                  # noqa: E731
    samples = prepare.ensure_samples(args.data_dir, log=quiet)["train"]
    load = os.getloadavg()[0]
    print(f"{len(samples):,} training samples from {args.data_dir}; batch {CPU.batch_size}, "
          f"loss on {CPU.loss_on}; {args.steps} timed steps each, alternating; load average "
          f"{load:.1f} at the start")
    times, batches = time_steps(args.candidates, samples, args.steps, args.warmup, CPU.vocab_size)

    # padding: over a whole epoch, not only the timed steps
    print(f"\n| batching | positions per step (epoch) | non-padding | mean ms/step | median ms/step "
          f"| relative to {args.candidates[0]} |")
    print("|---|---|---|---|---|---|")
    mean_ms = {kind: 1000 * statistics.mean(t) for kind, t in times.items()}
    for kind in args.candidates:
        epoch = candidate_batches(kind, samples, 10**9)
        positions = sum(b.idx.size for b in epoch) / len(epoch)
        useful = sum(int((b.idx != 0).sum()) for b in epoch) / sum(b.idx.size for b in epoch)
        print(f"| {kind} | {positions:.0f} | {useful:.1%} | {mean_ms[kind]:.0f} | "
              f"{1000 * statistics.median(times[kind]):.0f} | "
              f"{mean_ms[kind] / mean_ms[args.candidates[0]]:.3f} |")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")

    if args.curves:
        curves = {}
        for spec in args.curves:
            kind, _, run_dir = spec.partition("=")
            if kind not in mean_ms:
                parser.error(f"--curves {spec}: {kind!r} was not timed; add it to --candidates")
            curves[kind] = read_curve(run_dir)
        steps = sorted({s for curve, _ in curves.values() for s, _ in curve})
        print("\nheld-out loss (nats per token) at each evaluation, and the training time it took "
              "(steps x mean step time):")
        print("| step | " + " | ".join(curves) + " |")
        print("|---|" + "---|" * len(curves))
        for s in steps:
            cells = []
            for kind, (curve, _) in curves.items():
                loss = dict(curve).get(s)
                cells.append(f"{loss:.3f} at {s * mean_ms[kind] / 1000:.0f} s" if loss else "")
            print(f"| {s} | " + " | ".join(cells) + " |")
        finals = {kind: final for kind, (_, final) in curves.items() if final}
        if finals:
            print("| final (all eval samples) | " + " | ".join(
                f"{finals[k][1]:.4f} at {finals[k][0] * mean_ms[k] / 1000:.0f} s" if k in finals
                else "" for k in curves) + " |")
        # the loss each has reached when the fastest has finished its steps
        budget = min(curve[-1][0] * mean_ms[kind] / 1000 for kind, (curve, _) in curves.items())
        print(f"\nat {budget:.0f} s of training (the fastest candidate's whole run):")
        for kind, (curve, _) in curves.items():
            t = np.array([s * mean_ms[kind] / 1000 for s, _ in curve])
            loss = np.interp(budget, t, [l for _, l in curve])
            print(f"  {kind:<10} held-out loss {loss:.3f} (linear between evaluations)")


if __name__ == "__main__":
    sys.exit(main())
