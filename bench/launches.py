"""Kernel launches (and other stream operations) per training step, counted in the CUDA simulator.

    python bench/launches.py                    # the full model at batch 32 x 40, mixed precision
    python bench/launches.py --T 128 --fp32     # other shapes, float32

At the recipe's short sequences a T4 finishes most kernels faster than the host can launch them
(CuPy spends some microseconds of Python and driver time per launch), so the number of launches
per step bounds the step time from below. The fake CuPy (tests/cudasim/fakecupy.py) counts every
operation CuPy would put on the GPU's queue: our kernels, cuBLAS calls, CuPy's own elementwise and
reduction kernels, memsets and host-to-device copies; it runs in its counting mode (kernels are
checked but not run), so this takes seconds. Needs g++ (the simulator compiles the kernels).
tests/test_gpu_sim.py fails if the count grows (MAX_LAUNCHES there).
"""

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]

import gpu_checks  # noqa: E402
from tinygrad_guppy.model import GuppyConfig  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description="Launches per training step, counted in the simulator.")
    parser.add_argument("--B", type=int, default=32, help="batch size (default: 32)")
    parser.add_argument("--T", type=int, default=40, help="sequence length (default: 40)")
    parser.add_argument("--fp32", action="store_true", help="float32 instead of mixed precision")
    parser.add_argument("--pack", action="store_true", help="packed rows (segments and positions)")
    args = parser.parse_args(argv)
    launches = gpu_checks.launches_per_step(GuppyConfig(), args.B, args.T, mixed=not args.fp32,
                                            batching="pack" if args.pack else "bucket")
    print(f"{launches.total} stream operations per training step at {args.B} x {args.T}, "
          f"{'float32' if args.fp32 else 'mixed precision'}:\n")
    print(gpu_checks.launch_table(launches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
