"""train.py and chat.py end to end with the tiny preset: every stage, the files, Ctrl-C, SIGTERM
and --resume (the same losses as an uninterrupted run, step for step), --resume with other flags,
one process per run folder, a full disk, and the errors a user meets."""

import errno
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import chat  # noqa: E402
from data.dev_cases import DEV_CASES  # noqa: E402
from data.eval_cases import EVAL_CASES  # noqa: E402
import train  # noqa: E402
from tinygrad_guppy import checkpoint  # noqa: E402
from tinygrad_guppy.app import prepare  # noqa: E402


def tiny_args(tmp_path, *extra, out="run"):
    return ["--preset", "tiny", "--out", str(tmp_path / out), "--data-dir", str(tmp_path / "data"),
            *extra]


def step_losses(run):
    with open(os.path.join(run, "log.jsonl")) as f:
        return {r["step"]: r["loss"] for r in map(json.loads, f) if "loss" in r}


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tiny")
    assert train.main(tiny_args(tmp)) == 0
    return tmp


def test_tiny_preset_writes_every_stage(tiny_run):
    data, run = tiny_run / "data", tiny_run / "run"
    assert {"train.jsonl", "eval.jsonl", "tokenizer.json"} <= set(os.listdir(data))
    assert any(name.startswith("tokens-") for name in os.listdir(data))
    for link in ("best", "last"):
        files = set(os.listdir(run / link))
        assert files == {"model.safetensors", "config.json", "tokenizer.json", "train_state.npz"}
    losses = step_losses(run)
    assert sorted(losses) == list(range(1, 31))
    records = [json.loads(line) for line in open(run / "log.jsonl")]
    evals = [r for r in records if "eval_loss" in r]
    assert [r["step"] for r in evals] == [10, 20, 30]
    assert len(evals[0]["grad_norms"]) == 28                       # every parameter tensor
    assert any("eval_pass_rate" in r and "dev_pass_rate" in r for r in records)
    report = (run / "samples.txt").read_text()
    assert "hand-written eval cases" in report and "held-out samples" in report
    assert "dev pass rate: " in report
    assert any("held_out_pass_rate" in r for r in records)


def test_tiny_preset_grows_up(tiny_run):
    """At every evaluation the growing-up prompts are answered; growing_up.md shows them."""
    from tinygrad_guppy.app import growing_up
    run = tiny_run / "run"
    evals = [r for r in map(json.loads, open(run / "log.jsonl")) if "eval_loss" in r]
    assert all(list(r["replies"]) == growing_up.PROMPTS for r in evals)
    text = (run / "growing_up.md").read_text()
    assert re.findall(r"^## step (\d+): held-out loss ([\d.]+)$", text, re.M) == [
        (str(r["step"]), f"{r['eval_loss']:.4f}") for r in evals]
    assert text.count("| hi guppy | ") == len(evals) == 3
    if importlib.util.find_spec("matplotlib"):
        assert (run / "grad_norms.png").read_bytes()[:4] == b"\x89PNG"


def test_second_run_skips_what_exists(tiny_run, capsys):
    assert train.main(tiny_args(tiny_run)) == 0
    out = capsys.readouterr().out
    assert "holds a finished run" in out and "python chat.py" in out


def test_chat_prompt_and_eval(tiny_run, capsys):
    run = str(tiny_run / "run")
    assert chat.main(["--run", run, "--prompt", "HELLO <|im_end|> guppy", "--seed", "0"]) == 0
    assert "guppy> " in capsys.readouterr().out
    assert chat.main(["--run", run, "--eval"]) == 0
    out = capsys.readouterr().out
    assert "eval pass rate: " in out and f"/{len(EVAL_CASES)} = " in out.splitlines()[-1]
    assert chat.main(["--run", run, "--eval", "--cases", "dev"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("dev pass rate: ") and DEV_CASES[0].prompt in out
    assert f"/{len(DEV_CASES)} = " in out.splitlines()[-1]


def test_chat_explain_and_attention(tiny_run, tmp_path, capsys):
    run, picture = str(tiny_run / "run"), tmp_path / "att.png"
    assert chat.main(["--run", run, "--prompt", "hi guppy", "--greedy", "--explain", "--max-tokens", "6"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = [line for line in lines if re.match(r"^ +\d+  ", line)]
    assert 1 <= len(table) <= 6 and "greedy decoding" in "\n".join(lines)
    for line in table:           # greedy: the chosen token is the model's first candidate, used 100%
        _, model_top, used_top = line.split(" | ")
        assert line.split()[1] == model_top.split()[0] and used_top.split()[1] == "100%"
    if importlib.util.find_spec("matplotlib"):
        assert chat.main(["--run", run, "--prompt", "hi guppy", "--seed", "0", "--attention", str(picture)]) == 0
        assert "attention: 2 layers x 2 heads;" in capsys.readouterr().out and picture.exists()
    with pytest.raises(SystemExit):                       # --attention draws one --prompt reply
        chat.main(["--run", run, "--attention", str(picture)])


def test_tape_on_the_tiny_run(tiny_run, capsys):
    from tinygrad_guppy import tape
    assert tape.main(["--run", str(tiny_run / "run")]) == 0
    out = capsys.readouterr().out
    assert "one training step of " + str(tiny_run / "run" / "best") in out
    assert "blocks.1.ffn.down.bias" in out and "CrossEntropy" in out


def test_chat_errors_name_the_missing_or_bad_file(tmp_path, tiny_run):
    with pytest.raises(SystemExit, match="no trained model in .*python train.py"):
        chat.main(["--run", str(tmp_path / "nothing")])
    broken = tmp_path / "broken"
    os.makedirs(broken)
    for name in ("config.json", "tokenizer.json"):
        (broken / name).write_bytes((tiny_run / "run" / "best" / name).read_bytes())
    (broken / "model.safetensors").write_bytes(b"not weights")
    with pytest.raises(SystemExit, match="model.safetensors is unreadable"):
        chat.main(["--run", str(broken)])


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["ctrl-c", "sigterm", "kill-9"])
def test_stop_then_resume_gives_the_same_losses(tmp_path, tiny_run, sig):
    # Ctrl-C and SIGTERM: the step in flight finishes and a checkpoint is saved. kill -9: nothing
    # is saved, --resume starts from the last checkpoint and does the steps after it again.
    steps = ["--steps", "60", "--eval-every", "20"]
    assert train.main(tiny_args(tmp_path, *steps, out="straight")) == 0
    want = step_losses(tmp_path / "straight")

    cmd = [sys.executable, os.path.join(ROOT, "train.py"), *tiny_args(tmp_path, *steps, out="cut")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log, last = tmp_path / "cut" / "log.jsonl", tmp_path / "cut" / "last"
    ready = (lambda: log.exists() and len(log.read_text().splitlines()) >= 5) if sig != signal.SIGKILL \
        else (lambda: last.exists() and max(step_losses(tmp_path / "cut"), default=0) > 22)
    deadline = time.time() + 60
    while time.time() < deadline and not ready():
        time.sleep(0.02)
    proc.send_signal(sig)
    output, _ = proc.communicate(timeout=60)
    if sig != signal.SIGKILL:
        assert proc.returncode == 0, output
        assert "stopped at step" in output and "--resume" in output
        assert ("(SIGTERM)" if sig == signal.SIGTERM else "(Ctrl-C)") in output
    else:
        assert proc.returncode == -signal.SIGKILL
    stopped = max(step_losses(tmp_path / "cut"))
    assert 5 <= stopped < 60, output

    assert train.main(tiny_args(tmp_path, *steps, "--resume", out="cut")) == 0
    assert step_losses(tmp_path / "cut") == want                 # exactly, step for step
    records = [json.loads(line) for line in open(tmp_path / "cut" / "log.jsonl")]
    assert [r["step"] for r in records if "loss" in r] == list(range(1, 61))   # no step twice
    transcript = (tmp_path / "cut" / "growing_up.md").read_text()      # rewritten from that log
    assert re.findall(r"^## step (\d+)", transcript, re.M) == ["20", "40", "60"]
    assert transcript == (tmp_path / "straight" / "growing_up.md").read_text().replace("straight", "cut")


def test_resume_refuses_to_change_what_the_run_is(tiny_run):
    before = step_losses(tiny_run / "run")
    with pytest.raises(SystemExit, match=r"--resume cannot change what .*run is: --n-samples 100 \(the run has "
                                         r"3000\), --d-model 64 \(the run has 32\)\. Drop them, or start a new run"):
        train.main(tiny_args(tiny_run, "--resume", "--d-model", "64", "--n-samples", "100"))
    with pytest.raises(SystemExit, match="--steps 20: .*run is at step 30 already"):
        train.main(tiny_args(tiny_run, "--resume", "--steps", "20"))
    with pytest.raises(SystemExit):
        train.parse_flags(["--resume", "--fresh"])
    assert step_losses(tiny_run / "run") == before


def test_resume_with_more_steps_extends_the_run(tmp_path, tiny_run, capsys):
    # The rule: the schedule the run was planned with goes on (cosine to its 30th step, then
    # --min-lr), so the extended run is, step for step, a run planned with --decay-steps 30.
    assert train.main(tiny_args(tmp_path, "--steps", "60", "--decay-steps", "30", out="planned")) == 0
    assert train.main(tiny_args(tmp_path, out="grown")) == 0                    # 30 steps: finished
    capsys.readouterr()
    assert train.main(tiny_args(tmp_path, "--resume", out="grown")) == 0
    assert "nothing to resume. To train it longer: python train.py --resume --steps N" in capsys.readouterr().out
    assert train.main(tiny_args(tmp_path, "--resume", "--steps", "60", "--eval-every", "15", out="grown")) == 0
    out = capsys.readouterr().out
    assert "from step 30 on, steps 30 -> 60, eval_every 10 -> 15" in out
    assert "extended from 30 to 60 steps" in out and "cosine to step 30, then --min-lr 0.0003" in out
    assert step_losses(tmp_path / "grown") == step_losses(tmp_path / "planned")
    records = [json.loads(line) for line in open(tmp_path / "grown" / "log.jsonl")]
    assert [r["step"] for r in records if "eval_loss" in r] == [10, 20, 30, 45, 60]   # applied
    assert {r["lr"] for r in records if r.get("step", 0) > 30 and "lr" in r} == {3e-4}
    # another setting that may change is applied from the next step, and said so
    assert train.main(tiny_args(tmp_path, "--resume", "--steps", "64", "--min-lr", "1e-4", out="grown")) == 0
    assert "min_lr 0.0003 -> 0.0001" in capsys.readouterr().out
    records = [json.loads(line) for line in open(tmp_path / "grown" / "log.jsonl")]
    assert [r["lr"] for r in records if r.get("step", 0) > 60 and "lr" in r] == [1e-4] * 4


def test_one_training_process_per_run_folder(tmp_path, tiny_run):
    cmd = [sys.executable, os.path.join(ROOT, "train.py"), *tiny_args(tmp_path, "--steps", "100000", out="busy")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = tmp_path / "busy" / "train.lock"
    deadline = time.time() + 60
    while time.time() < deadline and not (lock.exists() and lock.read_text().strip() == str(proc.pid)):
        time.sleep(0.02)
    try:
        with pytest.raises(checkpoint.RunFolderBusy, match=f"busy is in use by another training process "
                                                           f"\\(pid {proc.pid}\\)"):
            train.main(tiny_args(tmp_path, "--fresh", out="busy"))
    finally:
        proc.kill()                                   # kill -9: its lock file stays behind
        proc.wait(timeout=60)
    assert lock.read_text().strip() == str(proc.pid)
    assert train.main(tiny_args(tmp_path, "--fresh", out="busy")) == 0          # a dead pid blocks nothing
    assert max(step_losses(tmp_path / "busy")) == 30


def test_full_disk_at_a_checkpoint_stops_cleanly(tmp_path, tiny_run, monkeypatch):
    real = checkpoint.atomic_write_bytes

    def disk_full_at_step_20(path, data):
        if "step-000020" in path:
            with open(path, "wb") as f:
                f.write(data[:len(data) // 2])       # part of the file fits, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        return real(path, data)

    monkeypatch.setattr(checkpoint, "atomic_write_bytes", disk_full_at_step_20)
    with pytest.raises(SystemExit, match=r"step 20: cannot write to .*No space left on device.*training "
                                         r"stopped.*last: .*step-000010\).*python train.py --resume"):
        train.main(tiny_args(tmp_path, out="full"))
    run = tmp_path / "full"
    assert os.listdir(run / "checkpoints") == ["step-000010"]          # nothing half-written is left
    for link in ("last", "best"):
        assert os.path.realpath(run / link).endswith("step-000010")
        checkpoint.load(run / link)
        checkpoint.load_training_state(run / link)
    monkeypatch.setattr(checkpoint, "atomic_write_bytes", real)
    assert train.main(tiny_args(tmp_path, "--resume", out="full")) == 0   # room again: it goes on
    assert step_losses(run) == step_losses(tiny_run / "run")


def test_unfinished_run_needs_resume_or_fresh(tmp_path, tiny_run, monkeypatch):
    from tinygrad_guppy.app import training
    real, calls = training.train_step, {"n": 0}

    def ctrl_c_at_step_12(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 12:
            os.kill(os.getpid(), signal.SIGINT)       # as if the user pressed Ctrl-C here
        return real(*args, **kwargs)

    monkeypatch.setattr(training, "train_step", ctrl_c_at_step_12)
    assert train.main(tiny_args(tmp_path, out="r")) == 0
    assert max(step_losses(tmp_path / "r")) == 12
    assert os.path.realpath(tmp_path / "r" / "last").endswith("step-000012")
    monkeypatch.setattr(training, "train_step", real)
    with pytest.raises(SystemExit, match="stopped at step 12 of 30: continue it with --resume"):
        train.main(tiny_args(tmp_path, out="r"))
    assert train.main(tiny_args(tmp_path, "--fresh", out="r")) == 0
    assert max(step_losses(tmp_path / "r")) == 30


def test_diverging_loss_stops_with_a_clear_message(tmp_path, tiny_run, monkeypatch):
    from tinygrad_guppy.app import training
    real = training.train_step
    calls = {"n": 0}

    def diverges(*args, **kwargs):
        loss, norm = real(*args, **kwargs)
        calls["n"] += 1
        return (float("nan") if calls["n"] >= 12 else loss), norm

    monkeypatch.setattr(training, "train_step", diverges)
    with pytest.raises(SystemExit, match="step 12: the loss is nan.*last good checkpoint.*step-000010"):
        train.main(tiny_args(tmp_path, out="nan"))


def test_help_lists_every_setting(capsys):
    with pytest.raises(SystemExit):
        train.parse_args(["--help"])
    text = capsys.readouterr().out
    for flag in ("--steps", "--lr", "--batching", "--loss-on", "--resume", "--preset", "--eval-every"):
        assert flag in text
    assert "presets" in text and "tiny" in text


def test_a_dataset_made_from_other_settings_is_an_error_not_reused(tmp_path):
    data_dir = str(tmp_path / "data")
    quiet = lambda message: None
    prepare.ensure_dataset(data_dir, n_samples=3000, seed=1, log=quiet)
    made = json.loads((tmp_path / "data" / "dataset.json").read_text())
    assert made == {"persona": "guppy", "n_samples": 3000, "seed": 1}
    assert prepare.ensure_dataset(data_dir, n_samples=3000, seed=1, log=quiet)[0].endswith("train.jsonl")
    with pytest.raises(ValueError, match=r"made from .*'guppy'.*data.guppy_wide.*another --data-dir"):
        prepare.ensure_dataset(data_dir, n_samples=3000, seed=1, persona="data.guppy_wide", log=quiet)
    with pytest.raises(ValueError, match="'seed': 2"):
        prepare.ensure_dataset(data_dir, n_samples=3000, seed=2, log=quiet)


def test_the_guppy_preset_trains_on_the_wide_persona_in_its_own_data_folder():
    guppy, cpu = train.config_from_flags({"preset": "guppy"}), train.config_from_flags({"preset": "cpu"})
    assert (guppy.persona, guppy.data_dir, guppy.steps) == ("data.guppy_wide", "runs/data-wide", 10_000)
    assert (cpu.persona, cpu.data_dir) == ("", "runs/data")


def test_train_on_the_wide_persona(tmp_path):
    """The guppy preset's persona, end to end at the tiny preset's size: its data folder records it."""
    assert train.main(tiny_args(tmp_path, "--persona", "data.guppy_wide", "--steps", "4",
                                "--eval-every", "4")) == 0
    made = json.loads((tmp_path / "data" / "dataset.json").read_text())
    assert made == {"persona": "data.guppy_wide", "n_samples": 3000, "seed": 42}
    assert (tmp_path / "run" / "best" / "model.safetensors").exists()
