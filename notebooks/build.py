"""Write notebooks/train_guppy.ipynb and notebooks/use_guppy.ipynb from this repository.

    python notebooks/build.py            # rewrite both notebooks (run it after changing a source)
    python notebooks/build.py --check    # exit 1, naming what changed, if one is out of date

Each notebook carries the project, as the original GuppyLM's notebooks carry their sources, so it
runs in Colab with nothing uploaded and nothing cloned: its first code cell holds the sources
(SOURCE_DIRS and SOURCE_FILES: the packages, train.py, chat.py, pyproject.toml) as base64 of
zlib-compressed JSON {path: text}, about 180 KB for 460 KB of sources, which the next cell writes
out to tinygrad-guppy/ and pip-installs. A compressed blob rather than readable text keeps each
notebook under half the size (people read the sources in the repository). The cells are written
below as plain strings; no outputs are stored.

Settings the tests use (tests/test_notebooks.py runs both notebooks on the CPU): GUPPY_PRESET
(train_guppy: tiny), GUPPY_MODEL (use_guppy: the model to load), GUPPY_NOTEBOOK_SKIP_INSTALL=1
(the tests' Python has the dependencies; installing would change it).
"""

import base64
import hashlib
import json
import os
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = ("train_guppy.ipynb", "use_guppy.ipynb")
SOURCE_DIRS = ("tinygrad_guppy", "bpe", "data")              # every .py, .cu and .cuh file under these
SOURCE_FILES = ("train.py", "chat.py", "pyproject.toml")
README_STUB = ("# tinygrad-guppy\n\nWritten out by a notebook from its embedded sources. The "
               "project, its README and its tests are in its repository.\n")


def sources(root=ROOT):
    """{path: text} of what the notebooks carry, in sorted order."""
    files = {"README.md": README_STUB}      # pyproject.toml names a readme; the real one stays home
    for top in SOURCE_DIRS:
        for folder, dirs, names in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in names:
                if name.endswith((".py", ".cu", ".cuh")):
                    path = os.path.join(folder, name)
                    files[os.path.relpath(path, root).replace(os.sep, "/")] = read(path)
    for name in SOURCE_FILES:
        files[name] = read(os.path.join(root, name))
    return dict(sorted(files.items()))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def pack(files):
    """base64 text (in lines of 100) of zlib-compressed JSON: what the sources cell holds."""
    blob = base64.b64encode(zlib.compress(json.dumps(files, sort_keys=True).encode(), 9)).decode()
    return "\n".join(blob[i:i + 100] for i in range(0, len(blob), 100))


def unpack(text):
    return json.loads(zlib.decompress(base64.b64decode(text)))


# ---- the cells -----------------------------------------------------------------------------------
# Code cells are raw strings; {{NAME}} marks a value filled in at build time.

SOURCES_CELL = r'''#@title The project's sources (written by notebooks/build.py: run this cell, no need to read it)
SOURCES = """
{{BLOB}}
"""
SOURCES_SHA256 = "{{SHA256}}"'''

INSTALL_CELL = r'''#@title Write out the project and install it
import base64, codecs, hashlib, json, os, re, shutil, subprocess, sys, zlib


def run(*command):
    """Run a command, showing its output as it comes; stop the notebook here if it fails."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env) as p:
        for chunk in iter(lambda: p.stdout.read1(4096), b""):
            print(decoder.decode(chunk), end="", flush=True)
    if p.returncode:
        raise RuntimeError(f"{' '.join(command)} failed (exit status {p.returncode}): see above")


packed = base64.b64decode(SOURCES)
assert hashlib.sha256(packed).hexdigest() == SOURCES_SHA256, "the sources cell is damaged: get the notebook again"
HOME = os.path.abspath("tinygrad-guppy")       # the project, written out; runs/ goes inside it
for path, text in json.loads(zlib.decompress(packed)).items():
    os.makedirs(os.path.dirname(os.path.join(HOME, path)), exist_ok=True)
    with open(os.path.join(HOME, path), "w", encoding="utf-8") as f:
        f.write(text)
os.chdir(HOME)
sys.path.insert(0, HOME)                        # import the files above, as `python train.py` does
print(f"tinygrad-guppy written to {HOME}")

# a GPU: nvidia-smi answers, and its "CUDA Version" says which CuPy wheel fits the driver
smi = subprocess.run(["nvidia-smi"], capture_output=True, text=True) if shutil.which("nvidia-smi") else None
GPU = smi is not None and smi.returncode == 0
cuda = re.search(r"CUDA Version: (\d+)", smi.stdout) if GPU else None
extras = "plot" + ((",cuda13" if cuda and int(cuda.group(1)) >= 13 else ",cuda12") if GPU else "")
if os.environ.get("GUPPY_NOTEBOOK_SKIP_INSTALL") == "1":
    print("GUPPY_NOTEBOOK_SKIP_INSTALL=1: installing nothing (this Python has the dependencies)")
else:
    run(sys.executable, "-m", "pip", "install", "-q", f".[{extras}]")
print(f"installed tinygrad-guppy[{extras}]; " + ("a GPU is here" if GPU else "no GPU: the CPU will do"))'''

GPU_CHECK_WITH_SELF_CHECK = r'''if GPU:
    run("nvidia-smi")
    run(sys.executable, "-m", "tinygrad_guppy.gpucheck")     # the project's own GPU self-check
else:
    print("No GPU: training runs on the CPU with NumPy. For the original recipe in minutes, pick a "
          "GPU: Runtime > Change runtime type > T4 GPU, then run all again.")'''

GPU_CHECK_WITH_CUPY = r'''if GPU:
    run("nvidia-smi")
    import cupy
    props = cupy.cuda.runtime.getDeviceProperties(0)
    print(f"CuPy {cupy.__version__} sees {props['name'].decode()}: compute capability "
          f"{props['major']}.{props['minor']}, {props['totalGlobalMem'] / 2**30:.1f} GiB")
    from tinygrad_guppy.engine import backend
    print(f"tinygrad-guppy will train on: {backend.default_device()}")
else:
    print("No GPU: training runs on the CPU with NumPy. For the original recipe in minutes, pick a "
          "GPU: Runtime > Change runtime type > T4 GPU, then run all again.")'''

TALK_CELL = r'''#@title Talk to Guppy (an empty line or /quit ends, /reset forgets)
from IPython.core.error import StdinNotImplementedError

chat = guppy.conversation()
while True:
    try:
        text = input("you> ")
    except (EOFError, StdinNotImplementedError):     # a notebook runner with no keyboard
        print("(no keyboard here: nothing to say)")
        break
    if text.strip() in ("", "/quit"):
        break
    if text.strip() == "/reset":
        chat.reset()
        print("(a fresh start: Guppy remembers nothing)")
        continue
    pieces = chat.reply(text)
    for note in chat.notes:
        print(note)
    print("guppy> ", end="")
    for piece in pieces:
        print(piece, end="", flush=True)
    print()'''

PROMPTS = ["hi guppy", "are you hungry?", "what is the meaning of life?", "do you like bubbles?",
           "what do you think about my phone?"]


def train_cells(gpu_check):
    return [
        ("markdown", r'''# GuppyLM: train a small fish that talks, from nothing

This notebook trains [GuppyLM](https://github.com/arman-bd/guppylm), the 8.7M-parameter language
model that plays Guppy, a small fish, with **tinygrad-guppy**: the same model rebuilt on our own
autograd engine (NumPy on the CPU, CuPy and our own CUDA kernels on a GPU), our own byte-level
BPE tokenizer and our own data generator. Nothing is downloaded but Python packages: the project
travels inside this notebook.

**Pick a GPU** (Runtime > Change runtime type > T4 GPU), then **Runtime > Run all**:

1. the project is written out and installed (with CuPy when there is a GPU);
2. the GPU check;
3. training, `python train.py`: the dataset (60,000 samples from templates and a grammar), the tokenizer, then
   the model: the original recipe (10,000 steps) on a GPU, the CPU preset (2,800 steps, about 14
   minutes on 2 cores) without one;
4. the loss curve;
5. Guppy answers a few messages, then the 128 hand-written eval cases;
6. the model, zipped, to download (for `use_guppy.ipynb`, `chat.py` or the Python API);
7. a box to talk to Guppy yourself.

The README's "On Colab" section has the times measured so far.'''),
        ("code", SOURCES_CELL),
        ("markdown", "## 1. Install"),
        ("code", INSTALL_CELL),
        ("markdown", "## 2. The GPU check"),
        ("code", gpu_check),
        ("markdown", r'''## 3. Train

`auto` takes the original recipe (`guppy`: batch 32, 10,000 steps, mixed precision) on a GPU and
the `cpu` preset without one; `tiny` trains a toy model in seconds (the tests use it). Every stage
is skipped when its output exists, so running this again reuses what is done; a finished run is
kept (delete the run folder to train again).'''),
        ("code", r'''#@title Settings
PRESET = "auto"  #@param ["auto", "guppy", "cpu", "tiny"]
RUN = "runs/guppy"  #@param {type:"string"}
PRESET = os.environ.get("GUPPY_PRESET", PRESET)    # the tests set GUPPY_PRESET=tiny'''),
        ("code", r'''run(sys.executable, "train.py", "--preset", PRESET, "--out", RUN)'''),
        ("markdown", "## 4. The loss curve"),
        ("code", r'''from IPython.display import Image, display

png = os.path.join(RUN, "loss.png")
if os.path.exists(png):
    display(Image(png))
else:
    print(f"no {png}: train.py draws it with matplotlib (pip install matplotlib)")
with open(os.path.join(RUN, "log.jsonl")) as f:
    records = [json.loads(line) for line in f]
final = [r["final_eval_loss"] for r in records if "final_eval_loss" in r]
if final:
    print(f"held-out loss at the end: {final[-1]:.3f} nats per token")'''),
        ("markdown", r'''## 5. Guppy answers

Greedy replies (always the likeliest token, so they repeat), through the Python API
(`tinygrad_guppy.app.Guppy`, see the README), then the hand-written eval cases: prompts worded
unlike any training input, each scored for staying a short, lowercase fish on the topic.'''),
        ("code", r'''from tinygrad_guppy.app import Guppy

guppy = Guppy.load(RUN)
for prompt in {{PROMPTS}}:
    print(f"you:   {prompt}\nguppy: {guppy.reply(prompt, greedy=True)}\n")'''.replace("{{PROMPTS}}", repr(PROMPTS))),
        ("code", r'''from data.eval_cases import ask_cases, results_table

print(results_table(ask_cases(lambda prompt: guppy.reply(prompt, greedy=True))))'''),
        ("markdown", r'''## 6. Download the model

A zip of the best checkpoint (`model.safetensors`, `config.json`, `tokenizer.json`) with the
training log, the loss curve and the sample replies. Unzipped it is a run folder:
`python chat.py --run FOLDER`, `Guppy.load(FOLDER)`, or upload the zip to `use_guppy.ipynb`.'''),
        ("code", r'''import zipfile
from tinygrad_guppy import checkpoint

ZIP = os.path.abspath(f"{os.path.basename(os.path.normpath(RUN))}-model.zip")
best = checkpoint.find(RUN)
with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("model.safetensors", "config.json", "tokenizer.json"):
        z.write(os.path.join(best, name), name)
    for name in ("log.jsonl", "loss.png", "samples.txt"):
        if os.path.exists(os.path.join(RUN, name)):
            z.write(os.path.join(RUN, name), name)
print(f"{ZIP}: {os.path.getsize(ZIP) / 1e6:.1f} MB, from {best}")
try:
    from google.colab import files
    files.download(ZIP)
except ImportError:
    print("(not in Colab: the zip is at the path above)")'''),
        ("markdown", "## 7. Talk to Guppy yourself"),
        ("code", TALK_CELL),
    ]


def use_cells(explain):
    cells = [
        ("markdown", r'''# Talk to GuppyLM

Load a trained GuppyLM and talk to it, with **tinygrad-guppy** (the model on our own NumPy engine;
the project travels inside this notebook). The model can be:

* the zip that `train_guppy.ipynb` downloads (`guppy-model.zip`), or any run folder zipped;
* a model trained with the **original GuppyLM** (PyTorch): its `best_model.pt` and `tokenizer.json`
  (or the Hugging Face upload's `pytorch_model.bin`, `tokenizer.json` and `config.json`), converted
  here to our files; PyTorch is not needed.

**Runtime > Run all**: when the model setting below is empty, the notebook asks you to upload the
files. A CPU runtime is enough.'''),
        ("code", SOURCES_CELL),
        ("markdown", "## 1. Install"),
        ("code", INSTALL_CELL),
        ("markdown", "## 2. The model"),
        ("code", r'''#@title The model: a run folder, a .zip of one, or the original's best_model.pt (empty: upload)
MODEL = ""  #@param {type:"string"}
MODEL = os.environ.get("GUPPY_MODEL", MODEL)       # the tests set GUPPY_MODEL'''),
        ("code", r'''import zipfile

if not MODEL:
    try:
        from google.colab import files
    except ImportError:
        raise RuntimeError("set MODEL above: a run folder, a .zip of one, or a best_model.pt") from None
    print("Upload guppy-model.zip, or best_model.pt and tokenizer.json (and config.json if you have it)")
    uploaded = list(files.upload())
    MODEL = next((n for n in uploaded if n.endswith((".zip", ".pt", ".bin"))), uploaded[0])
MODEL = os.path.abspath(MODEL)

if MODEL.endswith(".zip"):
    RUN = os.path.join("runs", os.path.basename(MODEL)[:-len(".zip")])
    with zipfile.ZipFile(MODEL) as z:
        z.extractall(RUN)
    inside = os.listdir(RUN)                          # a zipped folder: the model is one level down
    if len(inside) == 1 and os.path.isdir(os.path.join(RUN, inside[0])):
        RUN = os.path.join(RUN, inside[0])
elif MODEL.endswith((".pt", ".bin")):                 # the original GuppyLM's PyTorch checkpoint
    RUN = "runs/original"
    beside = os.path.dirname(MODEL)
    config = os.path.join(beside, "config.json")
    run(sys.executable, "-m", "tinygrad_guppy.app.convert", MODEL, os.path.join(beside, "tokenizer.json"),
        "--out", RUN, *(["--config", config] if os.path.exists(config) else []))
else:
    RUN = MODEL
print(f"the model: {RUN}")'''),
        ("markdown", r'''## 3. Talk

The Python API (`tinygrad_guppy.app.Guppy`): one reply, a reply streamed piece by piece, a
conversation that remembers, and a chat completion shaped like OpenAI's (as the original's
`GuppyInference.chat_completion`). Sampling options are keyword arguments: `max_tokens`,
`temperature`, `top_k`, `top_p`, `greedy`, `seed`.'''),
        ("code", r'''from tinygrad_guppy.app import Guppy

guppy = Guppy.load(RUN)
for prompt in {{PROMPTS}}:
    print(f"you:   {prompt}\nguppy: {guppy.reply(prompt, greedy=True)}\n")'''.replace("{{PROMPTS}}", repr(PROMPTS))),
        ("code", r'''print("guppy (streamed): ", end="")
for piece in guppy.stream("tell me about your tank", temperature=0.8, seed=0):
    print(piece, end="", flush=True)
print()

chat = guppy.conversation()
for text in ["hi guppy", "are you hungry?", "what do you want to eat?"]:
    print(f"you:   {text}\nguppy: {chat.say(text, seed=0)}")'''),
        ("code", r'''completion = guppy.chat_completion(
    [{"role": "user", "content": "hi guppy"},
     {"role": "assistant", "content": "hello. the water is warm today."},
     {"role": "user", "content": "what is the meaning of life?"}],
    temperature=0.7, top_k=50, max_tokens=64, seed=0)
print(json.dumps(completion, indent=2))'''),
    ]
    cells += explain
    cells += [("markdown", f"## {5 if explain else 4}. Talk to Guppy yourself"), ("code", TALK_CELL)]
    return cells


def explain_cells(root=ROOT):
    """The look-inside views, where the sources have them (app/explain.py: each token's
    probabilities; app/attention.py: the attention maps); none otherwise."""
    app = os.path.join(root, "tinygrad_guppy", "app")
    cells = []
    if os.path.exists(os.path.join(app, "explain.py")):
        cells += [("markdown", r'''## 4. Look inside

Why this word? For each token of a reply, the model's own probabilities beside the distribution
the sampler drew from after temperature and top-k (what `python chat.py --explain` prints).'''),
                  ("code", r'''from tinygrad_guppy.app.explain import explain, format_explanation, sampling_settings

chat = guppy.conversation()
options = dict(temperature=0.7, top_k=50, seed=0)
print("guppy:", chat.say("are you hungry?", **options))
print(format_explanation(explain(chat.picks, guppy.tokenizer), sampling_settings(**options)))''')]
    if cells and os.path.exists(os.path.join(app, "attention.py")):
        cells += [("markdown", "What each token of that reply looked at: the attention of every "
                               "layer and head (`python chat.py --attention FILE.png`)."),
                  ("code", r'''from IPython.display import Image, display
from tinygrad_guppy.app.attention import plot_attention, reply_attention

reply_ids = [pick.token for pick in chat.picks if pick.token != chat.end_id]
maps, labels, first_row = reply_attention(guppy.model, guppy.tokenizer, chat.last_context, reply_ids)
plot_attention(maps, labels, first_row, "attention.png")
display(Image("attention.png"))''')]
    return cells


def notebook(name, cells, title, gpu, root=ROOT):
    files = sources(root)
    blob = pack(files)
    sha = hashlib.sha256(base64.b64decode(blob)).hexdigest()
    slug = name.split(".")[0].replace("_", "-")
    out = []
    for i, (kind, text) in enumerate(cells):
        text = text.replace("{{BLOB}}", blob).replace("{{SHA256}}", sha)
        cell = {"cell_type": kind, "id": f"{slug}-{i:02d}", "metadata": {}, "source": text.splitlines(True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
            if text.startswith("#@title"):
                cell["metadata"]["cellView"] = "form"      # Colab shows the title and hides the code
        out.append(cell)
    metadata = {"colab": {"name": title, "provenance": []},
                "kernelspec": {"display_name": "Python 3", "name": "python3"},
                "language_info": {"name": "python"}}
    if gpu:
        metadata.update(accelerator="GPU")
        metadata["colab"]["gpuType"] = "T4"
    return {"cells": out, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def build(root=ROOT):
    """{file name: notebook JSON text} for both notebooks, from the sources under root."""
    has_gpucheck = os.path.exists(os.path.join(root, "tinygrad_guppy", "gpucheck.py"))
    gpu_check = GPU_CHECK_WITH_SELF_CHECK if has_gpucheck else GPU_CHECK_WITH_CUPY
    notebooks = {
        "train_guppy.ipynb": notebook("train_guppy.ipynb", train_cells(gpu_check), "GuppyLM: train",
                                      gpu=True, root=root),
        "use_guppy.ipynb": notebook("use_guppy.ipynb", use_cells(explain_cells(root)), "GuppyLM: talk",
                                    gpu=False, root=root),
    }
    return {name: json.dumps(nb, indent=1, ensure_ascii=False) + "\n" for name, nb in notebooks.items()}


def comparable(text):
    """A notebook with its sources decoded: two builds that differ only in how zlib compressed
    the same files (another zlib version) compare equal."""
    nb = json.loads(text)
    files = None
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if source.startswith(SOURCES_CELL.splitlines()[0]):
            blob = source.split('"""')[1].strip()
            files = unpack(blob)
            cell["source"] = []
    return nb, files


def stale(root=ROOT):
    """[(notebook, what differs)] for each committed notebook that is not what build() writes."""
    problems = []
    for name, text in build(root).items():
        path = os.path.join(root, "notebooks", name)
        if not os.path.exists(path):
            problems.append((name, "missing"))
            continue
        committed = read(path)
        if committed == text:
            continue
        try:
            (nb_old, old), (nb_new, new) = comparable(committed), comparable(text)
        except (ValueError, KeyError, IndexError, zlib.error) as e:
            problems.append((name, f"unreadable ({e})"))
            continue
        changed = sorted(p for p in set(old or {}) | set(new) if (old or {}).get(p) != new.get(p))
        if changed:
            problems.append((name, "sources changed: " + ", ".join(changed)))
        elif nb_old != nb_new:
            problems.append((name, "its cells or outputs differ from notebooks/build.py's"))
    return problems


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--check"]:
        problems = stale()
        for name, what in problems:
            print(f"notebooks/{name} is out of date ({what}): run python notebooks/build.py")
        return 1 if problems else 0
    if argv:
        sys.exit("usage: python notebooks/build.py [--check]")
    for name, text in build().items():
        path = os.path.join(ROOT, "notebooks", name)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
        print(f"wrote notebooks/{name} ({len(text.encode()) / 1000:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
