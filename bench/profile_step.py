"""Where a CPU training step's time goes: wall time per op (forward and backward apart), the
optimizer, and what is left (the engine's own Python, the graph walk, the gradient norm).

    python bench/profile_step.py                    # 32x64 and bucket, 10 steps each after 2 warm-up
    python bench/profile_step.py --shapes 32x128 --steps 5

Each Function's forward and backward are wrapped with a timer for the run (nothing in the engine
changes), so the figures include what an op waits for: run it on a quiet machine. Batches and
settings are train_step.py's.
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "2"      # as train_step.py: before numpy is imported

import argparse  # noqa: E402
import collections  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "bench")]
import train_step as bench  # noqa: E402  (its batches, its settings)
from tinygrad_guppy.engine import fused, ops  # noqa: E402
from tinygrad_guppy.engine.optim import AdamW  # noqa: E402
from tinygrad_guppy.engine.tensor import Function  # noqa: E402

spent = collections.defaultdict(float)     # "Linear forward" -> seconds


def timed(name, method):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper


def instrument():
    """Wrap forward and backward of every Function in ops.py and fused.py, and AdamW.step."""
    for module in (ops, fused):
        for cls in vars(module).values():
            if isinstance(cls, type) and issubclass(cls, Function) and cls is not Function:
                cls.forward = timed(f"{cls.__name__} forward", cls.forward)
                cls.backward = timed(f"{cls.__name__} backward", cls.backward)
    AdamW.step = timed("AdamW.step", AdamW.step)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", default=["32x64", "bucket"], choices=bench.SHAPES)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10)
    args = parser.parse_args()
    bench.backend.keep_freed_memory()
    instrument()
    cfg = bench.GuppyConfig()
    print(f"load average {os.getloadavg()[0]:.2f}")
    for shape in args.shapes:
        batches, source = bench.make_batches(shape, args.warmup + args.steps, cfg)
        step = bench.build_ours(cfg)
        total = 0.0
        for i, batch in enumerate(batches):
            if i == args.warmup:
                spent.clear()
                total = 0.0
            start = time.perf_counter()
            step(batch)
            total += time.perf_counter() - start
        n = len(batches) - args.warmup
        print(f"\n{shape} [{source}]: {1000 * total / n:.0f} ms a step (mean of {n})")
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"  {name:<32} {1000 * seconds / n:7.1f} ms  {100 * seconds / total:5.1f}%")
        print(f"  {'the rest':<32} {1000 * (total - sum(spent.values())) / n:7.1f} ms")


if __name__ == "__main__":
    main()
