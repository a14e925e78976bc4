"""Benchmark: two versions of our engine, one CPU training step each, alternating in one process.

    python bench/ab_step.py main HEAD                      # git revisions (or WORKTREE: the files as they are)
    python bench/ab_step.py main WORKTREE --shapes 32x64 bucket --steps 30

Is a change to the engine worth its code? train_step.py compares us with PyTorch, whose speed moves
with the machine's load differently from ours; this compares us with ourselves. The package
tinygrad_guppy/ of each revision is copied out (`git archive`) under its own name (guppy_a,
guppy_b), so both import side by side; each builds the same model from the same weights and gets
the same batches (train_step.py's, --shapes as there); the steps alternate A / B, who goes first
alternating too, and the report gives each side's median and the paired ratio B / A (the median
over steps of B's time over A's on the same batch). Two copies of the same code read 0.97-1.03 on a
quiet machine (see bench/README.md): effects under about 3% need several runs to tell apart.
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "2"      # as train_step.py: before numpy is imported

import argparse  # noqa: E402
import importlib  # noqa: E402
import io  # noqa: E402
import pathlib  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tarfile  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
import train_step as bench  # noqa: E402  (its batches, its settings)

PACKAGE = "tinygrad_guppy"


def export(revision, name, folder):
    """Copy tinygrad_guppy/ at `revision` (or the working tree for WORKTREE) to folder/name/, with
    every `tinygrad_guppy` in its Python files renamed to `name`."""
    target = folder / name
    if revision == "WORKTREE":
        shutil.copytree(ROOT / PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, PACKAGE],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder / "tmp", filter="data")
        (folder / "tmp" / PACKAGE).rename(target)
    for path in target.rglob("*.py"):
        path.write_text(path.read_text().replace(PACKAGE, name))


def build(name, cfg, state):
    """A train_step closure of package `name`'s engine, from the weights `state`."""
    model_module = importlib.import_module(f"{name}.model")
    optim = importlib.import_module(f"{name}.engine.optim")
    training = importlib.import_module(f"{name}.app.training")
    model = model_module.GuppyLM(model_module.GuppyConfig(**vars(cfg)), seed=0).train()
    model.load_state_dict(state)
    optimizer = optim.AdamW(model.parameters(), lr=bench.LR, betas=bench.BETAS,
                            weight_decay=bench.WEIGHT_DECAY)

    def step(batch):       # train_step reads the batch's arrays only: either package's Batch does
        loss, _ = training.train_step(model, optimizer, batch, lr=bench.LR, grad_clip=bench.GRAD_CLIP)
        return float(loss)
    return step


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", help="a git revision, or WORKTREE")
    parser.add_argument("b", help="a git revision, or WORKTREE")
    parser.add_argument("--shapes", nargs="+", default=["32x64", "bucket"], choices=bench.SHAPES)
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps per side first")
    parser.add_argument("--steps", type=int, default=20, help="timed steps per side")
    args = parser.parse_args()

    cfg = bench.GuppyConfig()
    state = bench.GuppyLM(cfg, seed=0).state_dict()
    bench.backend.keep_freed_memory()
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        for revision, name in ((args.a, "guppy_a"), (args.b, "guppy_b")):
            export(revision, name, folder)
        sys.path.insert(0, str(folder))
        steps = {"a": build("guppy_a", cfg, state), "b": build("guppy_b", cfg, state)}
        print(f"A = {args.a}, B = {args.b}; load average {os.getloadavg()[0]:.2f}", flush=True)
        for shape in args.shapes:
            batches, source = bench.make_batches(shape, args.warmup + args.steps, cfg)
            ms = {"a": [], "b": []}
            losses = {"a": [], "b": []}
            for i, batch in enumerate(batches):
                for side in ("ab" if i % 2 == 0 else "ba"):
                    start = time.perf_counter()
                    losses[side].append(steps[side](batch))
                    if i >= args.warmup:
                        ms[side].append(1000.0 * (time.perf_counter() - start))
            paired = statistics.median(b / a for a, b in zip(ms["a"], ms["b"]))
            # float32 rounding differs between two versions and grows over the steps: the largest
            # relative gap between the two sides' losses says whether they still compute the same
            gap = max(abs(b - a) / abs(a) for a, b in zip(losses["a"], losses["b"]))
            print(f"{shape:>7}: A {statistics.median(ms['a']):7.1f} ms  B {statistics.median(ms['b']):7.1f} ms"
                  f"  B/A paired {paired:.3f}  ({len(ms['a'])} steps; losses within {gap:.0e}; "
                  f"load {os.getloadavg()[0]:.2f})  [{source}]", flush=True)


if __name__ == "__main__":
    main()
