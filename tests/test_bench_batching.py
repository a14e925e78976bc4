"""Smoke tests of bench/batching.py and bench/loss_on.py at a toy size: their Python runs end to end
(the numbers they print are measured on the real data, see bench/README.md)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*args):
    out = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out.stdout


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """A tiny-preset run trained through `bench/batching.py train bucket4` (4 steps)."""
    tmp = tmp_path_factory.mktemp("bench")
    run("bench/batching.py", "train", "bucket4", "--preset", "tiny", "--steps", "4",
        "--eval-every", "2", "--out", str(tmp / "run"), "--data-dir", str(tmp / "data"))
    return tmp


def test_train_through_the_bench_uses_the_asked_batching(tiny_run):
    records = [json.loads(line) for line in (tiny_run / "run" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in records if "eval_loss" in r] == [2, 4]
    # the steps' target tokens are those of bucket batches sorted within windows of 4 batches
    # (train.py's epoch 0: seed (0, 0)), not of the default window
    from tinygrad_guppy.app import batching, prepare
    data = tiny_run / "data"
    samples = prepare.ensure_samples(str(data), log=lambda m: None)["train"]   # made by the run
    logged = [r["target_tokens"] for r in records if "target_tokens" in r]

    def first_steps(window):
        rng = np.random.default_rng([0, 0])
        epoch = batching.bucket_batches(samples, 16, rng, "all", 0, window)
        return [next(epoch).n_target_tokens for _ in range(4)]
    assert logged == first_steps(4) != first_steps(batching.BUCKET_WINDOW)
    with pytest.raises(AssertionError, match="usage"):
        run("bench/batching.py", "train")


def test_step_times_and_curves(tiny_run):
    out = run("bench/batching.py", "--data-dir", str(tiny_run / "data"), "--candidates", "pad",
              "bucket4", "--steps", "1", "--warmup", "0", "--curves",
              f"bucket4={tiny_run / 'run'}")
    assert "| pad |" in out and "| bucket4 |" in out
    assert "| 2 | " in out and "| 4 | " in out and "held-out loss" in out


def test_loss_on_reads_a_run(tiny_run):
    out = run("bench/loss_on.py", "--data-dir", str(tiny_run / "data"), str(tiny_run / "run"))
    assert f"| {tiny_run / 'run'} (step 4) | all |" in out
