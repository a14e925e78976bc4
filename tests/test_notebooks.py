"""The Colab notebooks: the committed ones are what notebooks/build.py writes from today's sources
(no outputs stored), and both run top to bottom on the CPU in a real Jupyter kernel, from the
sources they carry: train_guppy.ipynb with the tiny preset, then use_guppy.ipynb on the model the
first one zipped, and on a checkpoint in the original GuppyLM's layout, converted."""

import dataclasses
import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "notebooks", "build.py")


def load_build():
    spec = importlib.util.spec_from_file_location("notebook_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_notebooks_are_up_to_date():
    result = subprocess.run([sys.executable, BUILD, "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_sees_a_changed_source_and_stored_outputs(tmp_path):
    build = load_build()
    for name in build.SOURCE_FILES:
        shutil.copyfile(os.path.join(ROOT, name), tmp_path / name)
    for top in build.SOURCE_DIRS:
        shutil.copytree(os.path.join(ROOT, top), tmp_path / top,
                        ignore=shutil.ignore_patterns("__pycache__"))
    os.makedirs(tmp_path / "notebooks")
    for name, text in build.build(str(tmp_path)).items():
        (tmp_path / "notebooks" / name).write_text(text)
    assert build.stale(str(tmp_path)) == []
    with open(tmp_path / "chat.py", "a") as f:
        f.write("# a change\n")
    assert build.stale(str(tmp_path)) == [(name, "sources changed: chat.py") for name in build.NOTEBOOKS]
    shutil.copyfile(os.path.join(ROOT, "chat.py"), tmp_path / "chat.py")
    nb = json.loads((tmp_path / "notebooks" / "use_guppy.ipynb").read_text())
    nb["cells"][-1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}]
    (tmp_path / "notebooks" / "use_guppy.ipynb").write_text(json.dumps(nb))
    assert build.stale(str(tmp_path)) == [("use_guppy.ipynb", "its cells or outputs differ from "
                                                              "notebooks/build.py's")]


def execute(name, cwd, **env):
    """Run a notebook in a fresh kernel with `cwd` as its folder; a cell error fails the test."""
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(os.path.join(ROOT, "notebooks", name), as_version=4)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env, GUPPY_NOTEBOOK_SKIP_INSTALL="1")
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(cwd)}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def text_of(nb):
    return "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("colab")
    return cwd, execute("train_guppy.ipynb", cwd, GUPPY_PRESET="tiny")


def test_train_notebook_runs_on_the_cpu(trained):
    cwd, nb = trained
    home = cwd / "tinygrad-guppy"
    text = text_of(nb)
    assert f"tinygrad-guppy written to {home}" in text and "No GPU" in text
    assert "GuppyLM training, preset tiny" in text and "guppy: " in text
    assert "eval pass rate:" in text and "no keyboard here" in text
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1                                             # the loss curve
    assert (home / "runs" / "guppy" / "best" / "model.safetensors").exists()
    assert (home / "guppy-model.zip").exists()


def test_use_notebook_talks_to_the_zipped_model(trained, tmp_path):
    cwd, _ = trained
    nb = execute("use_guppy.ipynb", tmp_path, GUPPY_MODEL=str(cwd / "tinygrad-guppy" / "guppy-model.zip"))
    text = text_of(nb)
    assert "the model: runs/guppy-model" in text and "guppy (streamed): " in text
    assert '"object": "chat.completion"' in text


def test_use_notebook_converts_an_original_checkpoint(trained, tmp_path):
    # the original's best_model.pt layout, written without torch (tests/pt_format.py)
    from pt_format import save_like_torch

    from tinygrad_guppy import checkpoint
    from tinygrad_guppy.model import GuppyLM
    cwd, _ = trained
    best = cwd / "tinygrad-guppy" / "runs" / "guppy" / "best"
    cfg = checkpoint.load_config(best)
    original = tmp_path / "original"
    os.makedirs(original)
    save_like_torch(original / "best_model.pt", {"model_state_dict": GuppyLM(cfg, seed=5).state_dict(),
                                                 "config": dataclasses.asdict(cfg)})
    (original / "tokenizer.json").write_bytes((best / "tokenizer.json").read_bytes())
    nb = execute("use_guppy.ipynb", tmp_path, GUPPY_MODEL=str(original / "best_model.pt"))
    text = text_of(nb)
    assert "wrote runs/original" in text and "the model: runs/original" in text
    assert '"object": "chat.completion"' in text
