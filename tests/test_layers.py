"""The layers of DESIGN.md, kept: the engine imports no text, data, model or application code; the
model layer no text, data or application code; bpe/ and data/ nothing of the package."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGINE = sorted((ROOT / "tinygrad_guppy" / "engine").glob("*.py"))
MODEL = [ROOT / "tinygrad_guppy" / name for name in
         ("__init__.py", "model.py", "checkpoint.py", "sampling.py", "gradcheck.py", "gpucheck.py",
          "tape.py")]
TEXT_AND_DATA = sorted((ROOT / "bpe").glob("*.py")) + sorted((ROOT / "data").glob("*.py"))


def imported_modules(path, root=ROOT):
    """Every module name an import statement in `path` names (relative imports resolved)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = ".".join(path.relative_to(root).with_suffix("").parts[:-node.level])
                base = f"{package}.{node.module}" if node.module else package
            else:
                base = node.module
            names += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return names


def offending(paths, forbidden, root=ROOT):
    return [(p.relative_to(root).as_posix(), name) for p in paths for name in imported_modules(p, root)
            if any(name == f or name.startswith(f + ".") for f in forbidden)]


def test_the_layer_lists_are_not_empty():
    assert len(ENGINE) >= 8 and all(p.exists() for p in MODEL) and TEXT_AND_DATA


@pytest.mark.parametrize("paths, forbidden", [
    (ENGINE, ["bpe", "data", "tinygrad_guppy.model", "tinygrad_guppy.checkpoint",
              "tinygrad_guppy.sampling", "tinygrad_guppy.gradcheck", "tinygrad_guppy.app"]),
    (MODEL, ["bpe", "data", "tinygrad_guppy.app"]),
    (TEXT_AND_DATA, ["tinygrad_guppy"]),
], ids=["engine", "model", "bpe-and-data"])
def test_no_layer_imports_one_above_it(paths, forbidden):
    assert offending(paths, forbidden) == []


def test_the_check_sees_an_offending_import(tmp_path):
    bad = tmp_path / "tinygrad_guppy" / "engine" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("import numpy\nfrom data.chat_format import IM_END\nfrom ..app import training\n")
    assert offending([bad], ["data", "tinygrad_guppy.app"], root=tmp_path) == [
        ("tinygrad_guppy/engine/probe.py", "data.chat_format"),
        ("tinygrad_guppy/engine/probe.py", "data.chat_format.IM_END"),
        ("tinygrad_guppy/engine/probe.py", "tinygrad_guppy.app"),
        ("tinygrad_guppy/engine/probe.py", "tinygrad_guppy.app.training")]
