"""Train GuppyLM from nothing: dataset -> tokenizer -> token cache -> model -> checkpoints.

    python train.py                      # everything missing, then train (a GPU: the original
                                         # recipe; no GPU: the CPU preset, about 15 minutes)
    python train.py --preset tiny        # the whole pipeline in seconds (for tests)
    python train.py --preset guppy       # the original recipe: batch 32, 10,000 steps
    python train.py --resume             # continue runs/guppy from its last checkpoint
    python train.py --resume --steps 3000  # train a finished (or stopped) run longer
    python train.py --steps 500 --lr 1e-3 --out runs/try   # any setting, see --help

main() runs five stages, top to bottom:
    1. open_run   the run folder, locked (train.lock: one training process per folder); refuse to
                  overwrite a run unless asked; on --resume, its settings (see resume_settings)
    2. prepare    runs/data/{train,eval}.jsonl (data/), tokenizer.json (bpe/), tokens-*.npz (the
                  encoded samples), each skipped when it exists
    3. build      the model, AdamW and (GPU) the loss scaler, restored from the checkpoint on --resume
    4. train      the loop: a step, its numbers logged, a held-out evaluation (with the growing-up
                  prompts' replies) and a checkpoint every --eval-every steps; Ctrl-C or SIGTERM
                  finishes the step in flight, saves and stops; a checkpoint that cannot be
                  written (a full disk) stops it cleanly
    5. report     held-out loss on every eval sample, loss.png, grad_norms.png, sample replies, the
                  eval pass rates
The run folder (runs/guppy/) gets checkpoints/step-N/ folders with `last` and `best` links to them,
log.jsonl (every step's loss, learning rate and gradient norm; every evaluation's held-out loss,
per-parameter gradient norms and replies to a few fixed prompts), growing_up.md (those replies,
evaluation by evaluation), loss.png and grad_norms.png (each layer's gradient norm; both with
matplotlib) and samples.txt.
"""

import argparse
import dataclasses
import inspect
import json
import math
import os
import signal
import sys
import time

import numpy as np
from tqdm import tqdm

from data.dev_cases import DEV_CASES
from data.eval_cases import ask_cases, cases_from_split, results_table
from tinygrad_guppy import checkpoint
from tinygrad_guppy.app import growing_up, prepare, training
from tinygrad_guppy.app.batching import make_batches
from tinygrad_guppy.app.conversation import Conversation
from tinygrad_guppy.engine import backend
from tinygrad_guppy.engine.amp import GradScaler
from tinygrad_guppy.engine.optim import AdamW, lr_at
from tinygrad_guppy.model import GuppyConfig, GuppyLM

# ---------------------------------------------------------------------------------------------
# configuration: one dataclass, one commented field per setting; presets change some of them


@dataclasses.dataclass
class TrainConfig:
    preset: str = "auto"          # cpu | guppy | tiny; auto = guppy with a GPU, cpu without
    out: str = "runs/guppy"       # the run folder: checkpoints, log.jsonl, loss.png, samples.txt
    data_dir: str = "runs/data"   # dataset, tokenizer and token cache
    n_samples: int = 60000        # samples to generate (57,000 train + 3,000 eval)
    data_seed: int = 42           # seed of the dataset generator
    persona: str = ""             # another persona (module or .py/.json file); "" = Guppy
    vocab_size: int = 4096        # tokenizer size target and the model's embedding rows
    min_frequency: int = 2        # a pair merges only if it occurs at least this often
    d_model: int = 384            # model width
    n_layers: int = 6             # transformer blocks
    n_heads: int = 6              # attention heads
    ffn_hidden: int = 768         # feed-forward hidden width
    max_seq_len: int = 128        # context window in tokens
    dropout: float = 0.1          # dropout in training
    batch_size: int = 32          # samples per step
    steps: int = 10_000           # optimizer steps
    decay_steps: int = 0          # the cosine decay ends at this step, then --min-lr (0: --steps)
    lr: float = 3e-4              # peak learning rate
    min_lr: float = 3e-5          # the cosine schedule ends here
    warmup: int = 200             # steps of linear warmup
    weight_decay: float = 0.1     # AdamW's decoupled weight decay
    beta1: float = 0.9            # AdamW beta1
    beta2: float = 0.95           # AdamW beta2
    grad_clip: float = 1.0        # clip the global gradient norm to this (0: off)
    batching: str = "pair"        # pair (random, 2 a row) | bucket (by length) | pack | pad (original)
    loss_on: str = "all"          # all: learn the whole turn (better replies, see README) | reply
    eval_every: int = 500         # steps between held-out evaluations (and checkpoints)
    eval_samples: int = 600       # held-out samples per evaluation (all 3,000 at the end)
    seed: int = 0                 # weights, dropout and batch order
    device: str = "auto"          # cpu | cuda | auto (cuda when CuPy sees a GPU)
    amp: bool = True              # on a GPU: mixed precision (float16 products, float32 weights)
    sync_every: int = 100         # on a GPU: steps between copies of the losses to the host
    resume: bool = False          # continue the run in --out from its last checkpoint
    fresh: bool = False           # delete the run in --out and start over


CHOICES = {"batching": ("bucket", "pack", "pad", "pair"), "loss_on": ("all", "reply"),
           "device": ("auto", "cpu", "cuda")}

PRESETS = {
    # the original GuppyLM recipe (the defaults above), on the wider user grammar, which pays
    # off with this many steps (data/guppy_wide.py; README, The dataset)
    "guppy": dict(persona="data.guppy_wide", data_dir="runs/data-wide"),
    # no GPU: from nothing to a fish that answers in character in at most 15 minutes on 2 cores
    # (no dropout: 15 minutes of training underfit, they do not overfit: README, The CPU preset)
    "cpu": dict(steps=2800, lr=1e-3, min_lr=1e-4, warmup=100, dropout=0.0, eval_every=250,
                eval_samples=400),
    # the whole pipeline in seconds, for tests
    "tiny": dict(out="runs/tiny", data_dir="runs/tiny/data", n_samples=3000, vocab_size=512,
                 d_model=32, n_layers=2, n_heads=2, ffn_hidden=64, dropout=0.0, batch_size=16,
                 steps=30, lr=3e-3, min_lr=3e-4, warmup=5, eval_every=10, eval_samples=64),
}


def parse_args(argv=None):
    """TrainConfig from the command line: the preset's values, then any flag given."""
    return config_from_flags(parse_flags(argv))


def parse_flags(argv=None):
    """{field: value} for each setting given on the command line; the others are left out."""
    comments = field_comments()
    parser = argparse.ArgumentParser(
        description="Train GuppyLM from nothing (dataset, tokenizer, model) into --out.",
        epilog="presets (their values replace the defaults above; flags replace both):\n" +
               "\n".join(f"  {name:<6} {', '.join(f'{k}={v}' for k, v in p.items()) or '(the defaults)'}"
                         for name, p in PRESETS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    for f in dataclasses.fields(TrainConfig):
        flag = "--" + f.name.replace("_", "-")
        if f.type in ("bool", bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None,
                                help=f"{comments[f.name]} (default: {'on' if f.default else 'off'})")
        else:
            kind = {"int": int, "float": float, "str": str}[f.type if isinstance(f.type, str) else f.type.__name__]
            parser.add_argument(flag, type=kind, default=None, choices=CHOICES.get(f.name),
                                help=f"{comments[f.name]} (default: {f.default})")
    given = {k: v for k, v in vars(parser.parse_args(argv)).items() if v is not None}
    if given.get("preset", "auto") not in ("auto", *PRESETS):
        parser.error(f"--preset must be one of auto, {', '.join(PRESETS)}; got {given['preset']!r}")
    if given.get("resume") and given.get("fresh"):
        parser.error("--resume continues the run in --out and --fresh deletes it: give one of them")
    return given


def config_from_flags(given):
    """TrainConfig from the flags given: the preset's values, then the flags."""
    preset = given.get("preset", "auto")
    if preset == "auto":
        preset = "guppy" if pick_device(given.get("device", "auto")) == "cuda" else "cpu"
    return TrainConfig(**{**PRESETS[preset], **given, "preset": preset})


def field_comments():
    """The comment after each TrainConfig field, as its --help text (written once, above)."""
    comments = {}
    for line in inspect.getsource(TrainConfig).splitlines():
        name, _, comment = line.strip().partition("#")
        if ":" in name and comment:
            comments[name.split(":")[0].strip()] = comment.strip()
    return comments


def pick_device(device):
    """'cpu' or 'cuda'; "auto" is cuda when CuPy sees a GPU."""
    return backend.default_device() if device == "auto" else device


# ---------------------------------------------------------------------------------------------
# helpers with explicit arguments


def batch_stream(samples, cfg, start_step, pad_id):
    """Training batches from global step `start_step` on, forever. Epoch e's batches come from a
    generator seeded with (seed, e), so the order is the same however often the run stops."""
    epoch, skip = 0, start_step
    while True:
        rng = np.random.default_rng([cfg.seed, epoch])
        batches = list(make_batches(cfg.batching, samples, cfg.batch_size, rng, cfg.max_seq_len,
                                    cfg.loss_on, pad_id))
        if skip >= len(batches):
            skip -= len(batches)
        else:
            yield from batches[skip:]
            skip = 0
        epoch += 1


def held_out_batches(samples, cfg, pad_id):
    """Fixed held-out batches of `samples`, bucketed the same way every time."""
    return list(make_batches("bucket", samples, cfg.batch_size, np.random.default_rng(0),
                             cfg.max_seq_len, cfg.loss_on, pad_id))


def to_host(values):
    """Python floats from numbers that may be device scalars, with a single copy from the GPU
    (the one moment the host waits for it)."""
    xp = backend.xp(*values)
    if xp is np:
        return [float(v) for v in values]
    return xp.stack([xp.asarray(v, dtype=xp.float32).reshape(()) for v in values]).get().tolist()


def rng_state(rng):
    """A generator's state, JSON-able (NumPy); None where the generator has none to give."""
    return getattr(rng.bit_generator, "state", None)


class Log:
    """log.jsonl: one JSON object a line, flushed as it is written (a kill loses nothing).
    Resuming from step N keeps the records up to step N: a run killed after its last checkpoint
    logged steps that the resumed run does again."""

    def __init__(self, path, resume_step=None):
        self.path = path
        if resume_step is not None and os.path.exists(path):
            with open(path) as f:
                kept = [line for line in f if line.endswith("\n")   # a kill can cut the last line
                        and json.loads(line)["step"] <= resume_step]
            with open(path + ".tmp", "w") as f:
                f.writelines(kept)
            os.replace(path + ".tmp", path)
        self.f = open(path, "a" if resume_step is not None else "w")

    def write(self, **record):
        self.f.write(json.dumps(record) + "\n")
        self.f.flush()


class Diverged(Exception):
    """A step's loss or gradient norm is not finite: training cannot go on."""


class StepRecords:
    """Each step's numbers on their way to log.jsonl and the progress bar. On the CPU they are read
    at once. On a GPU, reading a loss waits for the GPU to finish, so they stay on the device and
    are copied back every `sync_every` steps (and before an evaluation or a stop)."""

    def __init__(self, log, bar, mixed_precision, sync_every):
        self.log, self.bar = log, bar
        self.mixed_precision, self.sync_every = mixed_precision, sync_every
        self.pending = []                     # (step, lr, target tokens, loss, grad_norm)
        self.tokens, self.start = 0, time.perf_counter()

    def add(self, step, lr, n_tokens, loss, grad_norm):
        self.pending.append((step, lr, n_tokens, loss, grad_norm))
        self.tokens += n_tokens
        if len(self.pending) >= self.sync_every:
            self.flush()

    def flush(self):
        """Copy the pending numbers to the host and write them; raise Diverged on a bad one. Under
        mixed precision a non-finite gradient norm is an overflow step that was skipped, not an error."""
        if not self.pending:
            return
        values = to_host([v for record in self.pending for v in record[3:]])
        for (step, lr, n_tokens, _, _), loss, norm in zip(self.pending, values[0::2], values[1::2]):
            overflow = self.mixed_precision and not math.isfinite(norm)
            if not math.isfinite(loss) or not (overflow or math.isfinite(norm)):
                raise Diverged(f"step {step}: the loss is {loss} (gradient norm {norm})")
            self.log.write(step=step, loss=loss, lr=lr, grad_norm=None if overflow else norm,
                           target_tokens=n_tokens, **({"skipped": "gradient overflow"} if overflow else {}))
        self.bar.set_postfix(loss=f"{values[-2]:.3f}", lr=f"{self.pending[-1][1]:.1e}",
                             tok_s=f"{self.tokens / (time.perf_counter() - self.start):,.0f}")
        self.pending.clear()


class StopRequest:
    """Ctrl-C (SIGINT) or SIGTERM (what `kill`, job schedulers and notebooks send) during training
    sets `requested` to "Ctrl-C" or "SIGTERM": the step in flight finishes and the loop saves and
    stops. A second signal stops at once. Used as `with StopRequest() as stop:`."""

    NAMES = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}

    def __enter__(self):
        self.requested = None
        self.previous = {signum: signal.signal(signum, self._on_signal) for signum in self.NAMES}
        return self

    def _on_signal(self, signum, frame):
        self.requested = self.NAMES[signum]
        signal.signal(signal.SIGINT, signal.default_int_handler)   # a second one: stop now
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def plot_losses(log_path, png_path):
    """loss.png from log.jsonl: training loss per step, held-out loss per evaluation. Needs
    matplotlib (pip install -e ".[plot]"); returns False without it."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    train, held_out = [], []
    with open(log_path) as f:
        for line in f:
            r = json.loads(line)
            if "loss" in r:
                train.append((r["step"], r["loss"]))
            if "eval_loss" in r:
                held_out.append((r["step"], r["eval_loss"]))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if train:
        ax.plot(*zip(*train), lw=0.6, alpha=0.6, label="train loss (per step)")
    if held_out:
        ax.plot(*zip(*held_out), "o-", label="held-out loss")
    ax.set(xlabel="step", ylabel="cross-entropy (nats per token)", yscale="log", title="GuppyLM")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png_path + ".tmp.png", dpi=120)
    os.replace(png_path + ".tmp.png", png_path)
    plt.close(fig)
    return True


SAMPLE_PROMPTS = ["hi guppy", "are you hungry?", "what is the meaning of life?",
                  "do you like your tank?", "what do you think about my phone?"]


def pass_rates_report(model, tok, eval_rows, path):
    """Replies to fixed prompts, the pass rates of the hand-written eval cases and development
    cases (new wording), and the pass rate on 200 held-out samples scored by the same rules
    (training-style wording); printed and written to samples.txt. Greedy decoding, so the numbers
    are reproducible. Returns the three pass rates."""
    conv = Conversation(model.eval(), tok)
    reply = lambda prompt: conv.reply_text(prompt, greedy=True)
    lines = ["sample replies (greedy):"]
    lines += [f"  you:   {p}\n  guppy: {reply(p)}" for p in SAMPLE_PROMPTS]
    results = ask_cases(reply)
    lines += ["", "hand-written eval cases, worded unlike any training input (greedy):",
              results_table(results)]
    dev = ask_cases(reply, DEV_CASES)
    lines += ["", "development cases, the ones to judge a change to the data on (greedy):",
              results_table(dev, name="dev")]
    held_out = ask_cases(reply, cases_from_split(eval_rows))
    rate = sum(r.passed for r in results) / len(results)
    dev_rate = sum(r.passed for r in dev) / len(dev)
    held_out_rate = sum(r.passed for r in held_out) / max(len(held_out), 1)
    lines += [f"held-out samples (eval.jsonl prompts, training-style wording) scored by the same "
              f"rules: {sum(r.passed for r in held_out)}/{len(held_out)} = {held_out_rate:.0%}"]
    text = "\n".join(lines)
    print(text)
    with open(path, "w") as f:
        f.write(text + "\n")
    return rate, dev_rate, held_out_rate


# ---------------------------------------------------------------------------------------------
# the stages


def open_run(cfg, flags):
    """1. The run folder (this process holds its lock). Returns (cfg, resume_state): on --resume,
    the run's own settings with the flags given applied (resume_settings) and its last
    checkpoint's state; otherwise cfg as given and None; (None, None) when there is nothing to do
    (a finished run). Exits when --out holds an unfinished run and neither --resume nor --fresh
    says what to do with it."""
    last = os.path.join(cfg.out, "last")
    if cfg.fresh:
        checkpoint.clear_run(cfg.out)
    if os.path.exists(last) and not cfg.resume:
        _, state = checkpoint.load_training_state(last)
        if state["step"] >= state["config"]["steps"]:
            print(f"{cfg.out} holds a finished run ({state['step']:,} steps). Chat with it: "
                  f"python chat.py --run {cfg.out}\nTo train it longer: --resume --steps N. To train "
                  f"again: --fresh (deletes it), or another --out.")
            return None, None
        sys.exit(f"{cfg.out} holds a run stopped at step {state['step']:,} of "
                 f"{state['config']['steps']:,}: continue it with --resume, or start over with "
                 f"--fresh (deletes it), or use another --out")
    state = None
    if cfg.resume:
        if not os.path.exists(last):
            sys.exit(f"--resume: no checkpoint in {cfg.out} (expected {last}); start a run "
                     f"without --resume")
        _, state = checkpoint.load_training_state(last)
        cfg = resume_settings(cfg.out, state, flags)
        if state["step"] >= cfg.steps:
            print(f"{cfg.out} is finished ({state['step']:,} of {cfg.steps:,} steps): nothing to "
                  f"resume. To train it longer: python train.py --resume --steps N --out {cfg.out}")
            return None, None
    os.makedirs(cfg.out, exist_ok=True)
    return cfg, state


# On --resume, a setting either defines the run (its data, tokenizer, model, and which batches it
# sees: changing one would make another model) and may not change, or applies from the next step.
RUN_DEFINING = ("preset", "data_dir", "n_samples", "data_seed", "persona", "vocab_size",
                "min_frequency", "d_model", "n_layers", "n_heads", "ffn_hidden", "max_seq_len",
                "dropout", "batch_size", "batching", "loss_on", "seed")
NOT_SETTINGS = ("out", "resume", "fresh")    # which run, and what to do with it


def resume_settings(out, state, flags):
    """The settings of a resumed run: its own, with each flag given applied unless it is in
    RUN_DEFINING; exits naming every flag that is. --steps N beyond the run's extends it, and the
    learning-rate schedule stays the one the run was planned with: the cosine still ends at the
    run's last step (or --decay-steps), and the added steps train at --min-lr. So the losses are
    those of a run started with --steps N --decay-steps <the first run's steps>."""
    had = TrainConfig(**state["config"])
    had.decay_steps = had.decay_steps or had.steps          # the schedule as it was planned
    changed = {k: v for k, v in flags.items() if k not in NOT_SETTINGS and v != getattr(had, k)}
    refused = [k for k in changed if k in RUN_DEFINING]
    if refused:
        sys.exit(f"--resume cannot change what {out} is: " +
                 ", ".join(f"--{k.replace('_', '-')} {changed[k]} (the run has {getattr(had, k)})"
                           for k in refused) +
                 ". Drop them, or start a new run: --fresh (deletes this one) or another --out")
    cfg = dataclasses.replace(had, **changed, out=out, resume=True, fresh=False)
    if cfg.steps < state["step"]:
        sys.exit(f"--steps {cfg.steps:,}: {out} is at step {state['step']:,} already")
    if changed:
        print(f"--resume: from step {state['step']:,} on, " +
              ", ".join(f"{k} {getattr(had, k)} -> {v}" for k, v in changed.items()))
    if cfg.steps > had.steps:
        print(f"the run is extended from {had.steps:,} to {cfg.steps:,} steps; the learning rate "
              f"follows its schedule (cosine to step {cfg.decay_steps:,}, then --min-lr {cfg.min_lr:g})")
    return cfg


@dataclasses.dataclass
class Prepared:
    """What the data stages hand to training."""
    tok: object                  # the bpe.Tokenizer
    tok_path: str                # its tokenizer.json (copied into every checkpoint)
    eval_path: str               # eval.jsonl (the report scores its prompts)
    train: list                  # batching.Sample for each training sample
    held_out: list               # ... for each eval sample


def prepare_data(cfg):
    """2. Dataset, tokenizer and token cache, each made only if missing (app/prepare.py)."""
    train_path, eval_path = prepare.ensure_dataset(cfg.data_dir, cfg.n_samples, cfg.data_seed,
                                                   cfg.persona or None)
    tok_path = os.path.join(cfg.data_dir, "tokenizer.json")
    tok = prepare.ensure_tokenizer(tok_path, train_path, cfg.vocab_size, cfg.min_frequency)
    if len(tok) > cfg.vocab_size:
        sys.exit(f"{tok_path} has {len(tok):,} tokens but the model has --vocab-size "
                 f"{cfg.vocab_size:,}: delete the tokenizer to retrain it, or raise --vocab-size")
    splits = prepare.ensure_tokens(cfg.data_dir, {"train": train_path, "eval": eval_path}, tok_path, tok)
    longest = max(len(s.ids) for s in splits["train"] + splits["eval"])
    if longest - 1 > cfg.max_seq_len:
        sys.exit(f"a sample has {longest} tokens, more than --max-seq-len {cfg.max_seq_len} + 1")
    return Prepared(tok, tok_path, eval_path, splits["train"], splits["eval"])


@dataclasses.dataclass
class Run:
    """The state of training: what a checkpoint saves and --resume restores."""
    cfg: TrainConfig
    device: str                  # "cpu" or "cuda"
    model: GuppyLM
    optimizer: AdamW
    scaler: GradScaler | None    # mixed precision's loss scale (GPU with --amp), else None
    step: int = 0                # optimizer steps taken
    best: float = math.inf       # the lowest held-out loss so far

    def save(self, links, tok_path):
        """A checkpoint of this step, with `links` ("last", "best") pointed at it."""
        state = {"step": self.step, "best_eval_loss": self.best, "config": dataclasses.asdict(self.cfg),
                 "dropout_rng": rng_state(self.model.dropout_rng),
                 "scaler": self.scaler.state_dict() if self.scaler is not None else None}
        checkpoint.save_training_checkpoint(self.cfg.out, self.step, self.model, self.optimizer,
                                            state, tok_path, links)


def build(cfg, device, resume_state):
    """3. Model, optimizer and loss scaler; restored from the last checkpoint when resuming."""
    model_cfg = GuppyConfig(vocab_size=cfg.vocab_size, max_seq_len=cfg.max_seq_len,
                            d_model=cfg.d_model, n_layers=cfg.n_layers, n_heads=cfg.n_heads,
                            ffn_hidden=cfg.ffn_hidden, dropout=cfg.dropout)
    model = GuppyLM(model_cfg, seed=cfg.seed, device=device)
    optimizer = AdamW(model.parameters(), lr=cfg.lr, betas=(cfg.beta1, cfg.beta2),
                      weight_decay=cfg.weight_decay)
    scaler = GradScaler() if device == "cuda" and cfg.amp else None
    run = Run(cfg, device, model, optimizer, scaler)
    if resume_state is not None:
        last = os.path.join(cfg.out, "last")
        model.load_state_dict(checkpoint.load_weights(last))
        optimizer.load_state_dict(checkpoint.load_training_state(last)[0])
        if resume_state["dropout_rng"] is not None:
            model.dropout_rng.bit_generator.state = resume_state["dropout_rng"]
        if scaler is not None and resume_state.get("scaler"):
            scaler.load_state_dict(resume_state["scaler"])
        run.step, run.best = resume_state["step"], resume_state["best_eval_loss"]
        print(f"resuming from step {run.step:,} (best held-out loss so far {run.best:.4f})")
    return run


def evaluate_and_save(run, held_out, log, data):
    """At an evaluation step: the held-out loss, every gradient's norm and the replies to the
    growing-up prompts into the log (and growing_up.md), then a checkpoint (`best` too when the
    loss is the lowest yet). Returns the held-out loss."""
    loss = training.held_out_loss(run.model, held_out)
    replies = growing_up.ask(run.model, data.tok)
    log.write(step=run.step, eval_loss=loss, grad_norms=training.gradient_norms(run.model, run.scaler),
              replies=replies)
    growing_up.write_transcript(log.path, os.path.join(run.cfg.out, "growing_up.md"))
    links = ["last"] + (["best"] if loss < run.best else [])
    run.best = min(run.best, loss)
    run.save(links, data.tok_path)
    return loss


def train(run, data, log):
    """4. The loop, from run.step to cfg.steps. Returns what stopped it ("Ctrl-C" or "SIGTERM",
    after saving), None when it ran to the end. Raises Diverged on a non-finite loss, OSError
    when a checkpoint cannot be written."""
    cfg = run.cfg
    pad_id = run.model.cfg.pad_id
    held_out = held_out_batches(data.held_out[:cfg.eval_samples], cfg, pad_id)
    batches = batch_stream(data.train, cfg, run.step, pad_id)
    sync_every = 1 if run.device == "cpu" else cfg.sync_every
    with tqdm(total=cfg.steps, initial=run.step, unit="step", dynamic_ncols=True) as bar, \
            StopRequest() as stop:
        records = StepRecords(log, bar, run.scaler is not None, sync_every)
        while run.step < cfg.steps and not stop.requested:
            batch = next(batches)
            lr = lr_at(run.step, cfg.lr, cfg.min_lr, cfg.warmup, cfg.decay_steps or cfg.steps)
            loss, grad_norm = training.train_step(run.model, run.optimizer, batch, lr,
                                                  cfg.grad_clip, run.scaler)
            run.step += 1
            records.add(run.step, lr, batch.n_target_tokens, loss, grad_norm)
            bar.update(1)
            if run.step % cfg.eval_every == 0 or run.step == cfg.steps:
                records.flush()
                loss = evaluate_and_save(run, held_out, log, data)
                bar.write(f"step {run.step:,}: held-out loss {loss:.4f} (best {run.best:.4f})")
        records.flush()
        if stop.requested:
            run.save(["last"], data.tok_path)
    return stop.requested


def report(run, data, log, seconds):
    """5. The end: the held-out loss on every eval sample, the loss curve, and, from the best
    checkpoint, sample replies and the eval pass rates (samples.txt)."""
    cfg = run.cfg
    full = training.held_out_loss(run.model, held_out_batches(data.held_out, cfg, run.model.cfg.pad_id))
    log.write(step=run.step, final_eval_loss=full)
    print(f"done: {run.step:,} steps in {seconds:,.0f} s; held-out loss on all "
          f"{len(data.held_out):,} eval samples: {full:.4f}")
    if plot_losses(log.path, os.path.join(cfg.out, "loss.png")):
        print(f"loss curve: {os.path.join(cfg.out, 'loss.png')}")
    if growing_up.plot_layer_grad_norms(log.path, os.path.join(cfg.out, "grad_norms.png")):
        print(f"each layer's gradient norm: {os.path.join(cfg.out, 'grad_norms.png')}")
    print(f"the replies at every evaluation: {os.path.join(cfg.out, 'growing_up.md')}")
    best_model = checkpoint.load(os.path.join(cfg.out, "best"), device=run.device)
    pass_rate, dev_rate, held_out_rate = pass_rates_report(
        best_model, data.tok, prepare.read_samples(data.eval_path), os.path.join(cfg.out, "samples.txt"))
    log.write(step=run.step, eval_pass_rate=pass_rate, dev_pass_rate=dev_rate,
              held_out_pass_rate=held_out_rate)
    print(f"chat with it: python chat.py --run {cfg.out}")


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    flags = parse_flags(argv)
    cfg = config_from_flags(flags)
    backend.keep_freed_memory()             # a training step reuses the same big blocks (backend.py)
    with checkpoint.RunLock(cfg.out):       # one training process per run folder
        cfg, resume_state = open_run(cfg, flags)
        if cfg is None:
            return 0
        device = pick_device(cfg.device)
        print(f"GuppyLM training, preset {cfg.preset}, device {device}, run folder {cfg.out}")
        data = prepare_data(cfg)
        run = build(cfg, device, resume_state)
        print(f"model: {run.model.num_parameters():,} parameters; {len(data.train):,} training "
              f"samples, batching {cfg.batching}, loss on {cfg.loss_on}; {cfg.steps:,} steps")
        log = Log(os.path.join(cfg.out, "log.jsonl"), resume_step=run.step if cfg.resume else None)
        if cfg.resume:      # the transcript follows the log, which dropped the steps after the checkpoint
            growing_up.write_transcript(log.path, os.path.join(cfg.out, "growing_up.md"))
        start = time.perf_counter()
        last = os.path.join(cfg.out, "last")
        try:
            stopped = train(run, data, log)
        except Diverged as e:
            sys.exit(f"{e}: training diverged. Nothing after the last good checkpoint was saved; it "
                     f"is {os.path.realpath(last) if os.path.exists(last) else 'none'}. Try a lower --lr.")
        except OSError as e:                # a full disk, most likely: nothing half-written is kept
            sys.exit(f"step {run.step:,}: cannot write to {cfg.out} ({e}); training stopped. `last` "
                     f"and `best` still point at complete checkpoints (last: "
                     f"{os.path.realpath(last) if os.path.exists(last) else 'none yet'}). Make room, "
                     f"then continue with: python train.py --resume --out {cfg.out}")
        if stopped:
            print(f"stopped at step {run.step:,} ({stopped}); saved {os.path.realpath(last)}. "
                  f"Continue with: python train.py --resume --out {cfg.out}")
            return 0
        report(run, data, log, time.perf_counter() - start)
    return 0


def cli():
    """main() with the errors a user can meet as one line each: a bad or unreadable input file
    names itself (its stage's message), and Ctrl-C outside the training loop just stops (every
    file is written atomically, so nothing half-written is left)."""
    try:
        return main()
    except (ValueError, OSError) as e:
        sys.exit(f"train.py: {e}")
    except KeyboardInterrupt:
        sys.exit("train.py: interrupted")


if __name__ == "__main__":
    sys.exit(cli())
