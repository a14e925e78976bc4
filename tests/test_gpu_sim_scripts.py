"""The entry points' GPU branches, end to end on the simulated GPU (our kernels in cudasim, CuPy faked
by NumPy: tests/cudasim): train.py's whole GPU loop (evaluations, checkpoints, Ctrl-C and --resume,
the final report), its checkpoint on the CPU, and chat.py on both devices. (gpucheck and
bench/gpu.py run in tests/test_gpu_sim.py.)

The simulator is slow, so the run is small: the tiny preset at batch 4 for 9 steps, and the eval
cases cut to their first 3 (each report and chat --eval still runs every line of its code; the CPU
tests in test_train.py run them all).
"""

import json
import os
import signal
import sys

import numpy as np
import pytest

import cudasim
from cudasim.fakecupy import fake_cupy_installed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import chat  # noqa: E402
import train  # noqa: E402

pytestmark = pytest.mark.skipif(not cudasim.available(), reason="cudasim needs g++")

STEPS, STOP_AT = 9, 7


def args(tmp, out, *extra):
    return ["--preset", "tiny", "--device", "cuda", "--steps", str(STEPS), "--eval-every", "3",
            "--batch-size", "4", "--eval-samples", "8", "--n-samples", "1500", "--dropout", "0.1",
            "--out", str(tmp / out), "--data-dir", str(tmp / "data"), *extra]


def first_cases(real, n=3):
    """ask_cases on the first n cases of whatever list it is given (the hand-written ones by default)."""
    from data.eval_cases import EVAL_CASES
    return lambda reply_for, cases=EVAL_CASES: real(reply_for, cases[:n])


def log_records(run):
    with open(os.path.join(run, "log.jsonl")) as f:
        return [json.loads(line) for line in f]


def step_losses(run):
    return {r["step"]: r["loss"] for r in log_records(run) if "loss" in r}


@pytest.fixture(scope="module")
def gpu_run(tmp_path_factory):
    """The tiny preset on the simulated GPU, stopped by Ctrl-C at step 7 and resumed to the end (with
    its report); beside it the same 9 steps without a stop (train.py's stages, no report)."""
    from tinygrad_guppy.app import training
    tmp = tmp_path_factory.mktemp("gpu")
    real_step, calls, printed = training.train_step, {"n": 0}, {}

    def ctrl_c_at_step_7(*a, **k):
        calls["n"] += 1
        if calls["n"] == STOP_AT:
            os.kill(os.getpid(), signal.SIGINT)           # as if the user pressed Ctrl-C here
        return real_step(*a, **k)

    with pytest.MonkeyPatch.context() as mp, fake_cupy_installed():
        mp.setattr(train, "ask_cases", first_cases(train.ask_cases))
        mp.setattr(training, "train_step", ctrl_c_at_step_7)
        assert train.main(args(tmp, "run")) == 0
        printed["stop"] = os.path.realpath(tmp / "run" / "last")
        printed["checkpoints at the stop"] = sorted(os.listdir(tmp / "run" / "checkpoints"))
        mp.setattr(training, "train_step", real_step)
        assert train.main(args(tmp, "run", "--resume")) == 0

        flags = train.parse_flags(args(tmp, "straight"))
        cfg, _ = train.open_run(train.config_from_flags(flags), flags)
        run = train.build(cfg, "cuda", None)
        assert not train.train(run, train.prepare_data(cfg), train.Log(os.path.join(cfg.out, "log.jsonl")))
    return tmp, printed


def test_the_gpu_loop_stops_resumes_and_reports(gpu_run):
    tmp, printed = gpu_run
    run = tmp / "run"
    assert printed["stop"].endswith(f"step-{STOP_AT:06d}")       # Ctrl-C saved the step it was on
    steps = [r["step"] for r in log_records(run) if "loss" in r]
    assert steps == list(range(1, STEPS + 1))                     # each step once, across the stop
    evals = [r for r in log_records(run) if "eval_loss" in r]
    assert [r["step"] for r in evals] == [3, 6, 9]
    # the best (step 6) and the stop's (step 7) were on disk; the resumed run's end replaced them
    assert printed["checkpoints at the stop"] == ["step-000006", "step-000007"]
    assert os.path.realpath(run / "best").endswith("step-000009")
    for r in evals:   # the gradient norms are of the loss, not of the loss times the 65,536 loss scale
        assert 0 < max(r["grad_norms"].values()) < 100, r["grad_norms"]
    records = log_records(run)
    assert any("final_eval_loss" in r for r in records) and any("eval_pass_rate" in r for r in records)
    assert "hand-written eval cases" in (run / "samples.txt").read_text()


def test_resume_on_the_gpu_gives_the_same_losses(gpu_run):
    """Weights, AdamW's moments and step count, the loss scale and the dropout generator all come
    back from the checkpoint: the resumed steps are the uninterrupted run's, exactly."""
    tmp, _ = gpu_run
    assert step_losses(tmp / "run") == step_losses(tmp / "straight")


def test_the_gpu_checkpoint_loads_on_the_cpu_with_the_same_logits(gpu_run):
    from tinygrad_guppy import checkpoint
    tmp, _ = gpu_run
    ids = np.array([[1, 45, 77, 3, 101, 9, 2, 5]])
    cpu = checkpoint.load(tmp / "run" / "best", device="cpu").eval()
    logits_cpu = cpu(ids)[0].numpy()
    with fake_cupy_installed():
        gpu = checkpoint.load(tmp / "run" / "best", device="cuda").eval()
        logits_gpu = gpu(ids)[0].numpy()
    # float32 on both sides, summed in other orders: measured 3e-7 of the largest logit
    assert np.abs(logits_gpu - logits_cpu).max() <= 1e-5 * np.abs(logits_cpu).max()


def test_chat_answers_from_the_gpu_checkpoint_on_both_devices(gpu_run, capsys, monkeypatch):
    tmp, _ = gpu_run
    run = str(tmp / "run")
    assert chat.main(["--run", run, "--prompt", "hi guppy", "--seed", "0"]) == 0
    assert "guppy> " in capsys.readouterr().out
    monkeypatch.setattr(chat, "ask_cases", first_cases(chat.ask_cases))
    with fake_cupy_installed():
        assert chat.main(["--run", run, "--device", "cuda", "--prompt", "hi guppy", "--seed", "0"]) == 0
        assert "guppy> " in capsys.readouterr().out
        assert chat.main(["--run", run, "--device", "cuda", "--eval"]) == 0
        assert "eval pass rate:" in capsys.readouterr().out
