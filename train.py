"""Train GuppyLM from nothing: dataset -> tokenizer -> token cache -> model -> checkpoints.

    python train.py                      # everything missing, then train (a GPU: the original
                                         # recipe; no GPU: the CPU preset, about 15 minutes)
    python train.py --preset tiny        # the whole pipeline in seconds (for tests)
    python train.py --preset guppy       # the original recipe: batch 32, 10,000 steps
    python train.py --resume             # continue runs/guppy from its last checkpoint
    python train.py --steps 500 --lr 1e-3 --out runs/try   # any setting, see --help

Every stage is skipped when its output exists: runs/data/{train,eval}.jsonl (data/),
runs/data/tokenizer.json (bpe/), runs/data/tokens-*.npz (the encoded samples), and the run in
runs/guppy/: checkpoints/step-N/ folders with `last` and `best` links to them, log.jsonl (every
step's loss, learning rate and gradient norm; every evaluation's held-out loss and per-parameter
gradient norms), loss.png (with matplotlib), and samples.txt (replies and the eval pass rate).
Ctrl-C saves a checkpoint and stops; --resume continues exactly where it stopped.
"""

import argparse
import dataclasses
import json
import math
import os
import shutil
import signal
import sys
import time

import numpy as np

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
    lr: float = 3e-4              # peak learning rate
    min_lr: float = 3e-5          # the cosine schedule ends here
    warmup: int = 200             # steps of linear warmup
    weight_decay: float = 0.1     # AdamW's decoupled weight decay
    beta1: float = 0.9            # AdamW beta1
    beta2: float = 0.95           # AdamW beta2
    grad_clip: float = 1.0        # clip the global gradient norm to this (0: off)
    batching: str = "bucket"      # bucket (similar lengths) | pack (several per row) | pad (original)
    loss_on: str = "all"          # all: learn the whole turn (better replies, see README) | reply
    eval_every: int = 500         # steps between held-out evaluations (and checkpoints)
    eval_samples: int = 600       # held-out samples per evaluation (all 3,000 at the end)
    seed: int = 0                 # weights, dropout and batch order
    device: str = "auto"          # cpu | cuda | auto (cuda when CuPy sees a GPU)
    amp: bool = True              # on a GPU: mixed precision (float16 products, float32 weights)
    sync_every: int = 100         # on a GPU: steps between copies of the losses to the host
    resume: bool = False          # continue the run in --out from its last checkpoint
    fresh: bool = False           # delete the run in --out and start over


CHOICES = {"batching": ("bucket", "pack", "pad"), "loss_on": ("all", "reply"),
           "device": ("auto", "cpu", "cuda")}

PRESETS = {
    # the original GuppyLM recipe (the defaults above)
    "guppy": {},
    # no GPU: from nothing to a fish that answers in character in at most 15 minutes on 2 cores
    "cpu": dict(steps=2000, lr=1e-3, min_lr=1e-4, warmup=100, eval_every=250, eval_samples=400),
    # the whole pipeline in seconds, for tests
    "tiny": dict(out="runs/tiny", data_dir="runs/tiny/data", n_samples=3000, vocab_size=512,
                 d_model=32, n_layers=2, n_heads=2, ffn_hidden=64, dropout=0.0, batch_size=16,
                 steps=30, lr=3e-3, min_lr=3e-4, warmup=5, eval_every=10, eval_samples=64),
}


def parse_args(argv=None):
    """TrainConfig from the command line: the preset's values, then any flag given."""
    fields = dataclasses.fields(TrainConfig)
    comments = _field_comments()
    parser = argparse.ArgumentParser(
        description="Train GuppyLM from nothing (dataset, tokenizer, model) into --out.",
        epilog="presets (their values replace the defaults above; flags replace both):\n" +
               "\n".join(f"  {name:<6} {', '.join(f'{k}={v}' for k, v in p.items()) or '(the defaults)'}"
                         for name, p in PRESETS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    for f in fields:
        flag = "--" + f.name.replace("_", "-")
        if f.type in ("bool", bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None,
                                help=f"{comments[f.name]} (default: {'on' if f.default else 'off'})")
        else:
            kind = {"int": int, "float": float, "str": str}[f.type if isinstance(f.type, str) else f.type.__name__]
            parser.add_argument(flag, type=kind, default=None, choices=CHOICES.get(f.name),
                                help=f"{comments[f.name]} (default: {f.default})")
    args = parser.parse_args(argv)
    given = {k: v for k, v in vars(args).items() if v is not None}
    preset = given.get("preset", "auto")
    if preset == "auto":
        preset = "guppy" if _pick_device(given.get("device", "auto")) == "cuda" else "cpu"
    if preset not in PRESETS:
        parser.error(f"--preset must be one of auto, {', '.join(PRESETS)}; got {preset!r}")
    return TrainConfig(**{**PRESETS[preset], **given, "preset": preset})


def _field_comments():
    """The comment after each TrainConfig field, as its --help text (written once, above)."""
    import inspect
    comments = {}
    for line in inspect.getsource(TrainConfig).splitlines():
        name, _, comment = line.strip().partition("#")
        if ":" in name and comment:
            comments[name.split(":")[0].strip()] = comment.strip()
    return comments


def _pick_device(device):
    from tinygrad_guppy.engine import backend
    if device == "auto":
        return backend.default_device()
    return device


# ---------------------------------------------------------------------------------------------
# helpers with explicit arguments


def get_lr(step, cfg):
    from tinygrad_guppy.engine.optim import lr_at
    return lr_at(step, cfg.lr, cfg.min_lr, cfg.warmup, cfg.steps)


def batch_stream(samples, cfg, start_step):
    """Training batches from global step `start_step` on, forever. Epoch e's batches come from a
    generator seeded with (seed, e), so the order is the same however often the run stops."""
    from tinygrad_guppy.app.batching import make_batches
    epoch, skip = 0, start_step
    while True:
        rng = np.random.default_rng([cfg.seed, epoch])
        batches = list(make_batches(cfg.batching, samples, cfg.batch_size, rng, cfg.max_seq_len,
                                    cfg.loss_on, pad_id=0))
        if skip >= len(batches):
            skip -= len(batches)
        else:
            yield from batches[skip:]
            skip = 0
        epoch += 1


def eval_batches(samples, cfg, n):
    """Fixed held-out batches: the first n eval samples, bucketed the same way every time."""
    from tinygrad_guppy.app.batching import make_batches
    return list(make_batches("bucket", samples[:n], cfg.batch_size, np.random.default_rng(0),
                             cfg.max_seq_len, cfg.loss_on, pad_id=0))


def grad_norms(model):
    """{parameter name: L2 norm of its gradient}: what a learner looks at to see every gradient."""
    from tinygrad_guppy.engine import backend
    return {name: float(np.sqrt(backend.to_numpy((p.grad * p.grad).sum())))
            for name, p in model.named_parameters() if p.grad is not None}


def to_host(values):
    """Python floats from numbers that may be device scalars, with a single copy from the GPU
    (the one moment the host waits for it)."""
    from tinygrad_guppy.engine import backend
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


def final_report(model, tok, eval_rows, path):
    """Replies to fixed prompts, the pass rate of the hand-written eval cases (new wording), and
    the pass rate on 200 held-out samples scored by the same rules (training-style wording);
    printed and written to samples.txt. Greedy decoding, so the numbers are reproducible.
    Returns the two pass rates."""
    from data.eval_cases import cases_from_split, ask_cases, results_table
    from tinygrad_guppy.app.conversation import Conversation
    conv = Conversation(model.eval(), tok)
    reply = lambda prompt: conv.reply_text(prompt, greedy=True)
    lines = ["sample replies (greedy):"]
    lines += [f"  you:   {p}\n  guppy: {reply(p)}" for p in SAMPLE_PROMPTS]
    results = ask_cases(reply)
    lines += ["", "hand-written eval cases, worded unlike any training input (greedy):",
              results_table(results)]
    held_out = ask_cases(reply, cases_from_split(eval_rows))
    rate = sum(r.passed for r in results) / len(results)
    held_out_rate = sum(r.passed for r in held_out) / max(len(held_out), 1)
    lines += [f"held-out samples (eval.jsonl prompts, training-style wording) scored by the same "
              f"rules: {sum(r.passed for r in held_out)}/{len(held_out)} = {held_out_rate:.0%}"]
    text = "\n".join(lines)
    print(text)
    with open(path, "w") as f:
        f.write(text + "\n")
    return rate, held_out_rate


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    cfg = parse_args(argv)
    device = _pick_device(cfg.device)
    from tinygrad_guppy.engine import backend
    backend.keep_freed_memory()             # a training step reuses the same big blocks (backend.py)
    from tqdm import tqdm

    from tinygrad_guppy import checkpoint
    from tinygrad_guppy.app import prepare
    from tinygrad_guppy.model import GuppyConfig, GuppyLM
    from tinygrad_guppy.engine.optim import AdamW
    from tinygrad_guppy.app.training import held_out_loss, train_step

    # 0. the run folder: refuse to overwrite a run unless asked
    last_dir = os.path.join(cfg.out, "last")
    if cfg.fresh and os.path.isdir(cfg.out):
        shutil.rmtree(cfg.out)
    if os.path.exists(last_dir) and not cfg.resume:
        _, state = checkpoint.load_training_state(last_dir)
        if state["step"] >= state["config"]["steps"]:
            print(f"{cfg.out} holds a finished run ({state['step']:,} steps). Chat with it: "
                  f"python chat.py --run {cfg.out}\nTo train again: --fresh (deletes it), or "
                  f"another --out.")
            return 0
        sys.exit(f"{cfg.out} holds a run stopped at step {state['step']:,} of "
                 f"{state['config']['steps']:,}: continue it with --resume, or start over with "
                 f"--fresh (deletes it), or use another --out")
    if cfg.resume:
        if not os.path.exists(last_dir):
            sys.exit(f"--resume: no checkpoint in {cfg.out} (expected {last_dir}); start a run "
                     f"without --resume")
        _, state = checkpoint.load_training_state(last_dir)
        keep = {"resume", "fresh", "device"}
        cfg = TrainConfig(**{**state["config"], **{k: getattr(cfg, k) for k in keep}})
    os.makedirs(cfg.out, exist_ok=True)
    print(f"GuppyLM training, preset {cfg.preset}, device {device}, run folder {cfg.out}")

    # 1-3. dataset, tokenizer, token cache
    train_path, eval_path = prepare.ensure_dataset(cfg.data_dir, cfg.n_samples, cfg.data_seed,
                                                   cfg.persona or None)
    tok_path = os.path.join(cfg.data_dir, "tokenizer.json")
    tok = prepare.ensure_tokenizer(tok_path, train_path, cfg.vocab_size, cfg.min_frequency)
    if len(tok) > cfg.vocab_size:
        sys.exit(f"{tok_path} has {len(tok):,} tokens but the model has --vocab-size "
                 f"{cfg.vocab_size:,}: delete the tokenizer to retrain it, or raise --vocab-size")
    splits = prepare.ensure_tokens(cfg.data_dir, {"train": train_path, "eval": eval_path}, tok_path, tok)
    too_long = max(len(s.ids) for s in splits["train"] + splits["eval"])
    if too_long - 1 > cfg.max_seq_len:
        sys.exit(f"a sample has {too_long} tokens, more than --max-seq-len {cfg.max_seq_len} + 1")

    # 4. model and optimizer (restored on --resume)
    model_cfg = GuppyConfig(vocab_size=cfg.vocab_size, max_seq_len=cfg.max_seq_len,
                            d_model=cfg.d_model, n_layers=cfg.n_layers, n_heads=cfg.n_heads,
                            ffn_hidden=cfg.ffn_hidden, dropout=cfg.dropout)
    model = GuppyLM(model_cfg, seed=cfg.seed, device=device)
    optimizer = AdamW(model.parameters(), lr=cfg.lr, betas=(cfg.beta1, cfg.beta2),
                      weight_decay=cfg.weight_decay)
    scaler = None
    if device == "cuda" and cfg.amp:
        from tinygrad_guppy.engine.amp import GradScaler
        scaler = GradScaler()
    step, best = 0, math.inf
    if cfg.resume:
        model.load_state_dict(checkpoint.load_weights(last_dir))
        opt_state, state = checkpoint.load_training_state(last_dir)
        optimizer.load_state_dict(opt_state)
        if state["dropout_rng"] is not None:
            model.dropout_rng.bit_generator.state = state["dropout_rng"]
        if scaler is not None and state.get("scaler"):
            scaler.load_state_dict(state["scaler"])
        step, best = state["step"], state["best_eval_loss"]
        print(f"resuming from step {step:,} (best held-out loss so far {best:.4f})")
    print(f"model: {model.num_parameters():,} parameters; {len(splits['train']):,} training "
          f"samples, batching {cfg.batching}, loss on {cfg.loss_on}; {cfg.steps:,} steps")

    def save(links, step, best):
        state = {"step": step, "best_eval_loss": best, "config": dataclasses.asdict(cfg),
                 "dropout_rng": rng_state(model.dropout_rng),
                 "scaler": scaler.state_dict() if scaler is not None else None}
        checkpoint.save_training_checkpoint(cfg.out, step, model, optimizer, state, tok_path, links)

    # 5. the loop. Ctrl-C sets a flag; the step in flight finishes, a checkpoint is saved.
    stop = {"requested": False}

    def on_sigint(signum, frame):
        stop["requested"] = True
        signal.signal(signal.SIGINT, signal.default_int_handler)   # a second Ctrl-C stops at once
    previous_handler = signal.signal(signal.SIGINT, on_sigint)

    log = Log(os.path.join(cfg.out, "log.jsonl"), resume_step=step if cfg.resume else None)
    held_out = eval_batches(splits["eval"], cfg, cfg.eval_samples)
    batches = batch_stream(splits["train"], cfg, step)
    bar = tqdm(total=cfg.steps, initial=step, unit="step", dynamic_ncols=True)
    tokens_seen, t0 = 0, time.perf_counter()
    # On the CPU every step's numbers are read at once. On a GPU, reading a loss waits for the GPU
    # to finish, so they stay on the device and are copied back every sync_every steps.
    sync_every = 1 if device == "cpu" else cfg.sync_every
    pending = []                              # (step, lr, target tokens, loss, grad_norm)

    def flush():
        values = to_host([v for record in pending for v in record[3:]])
        for (step_i, lr_i, n_i, _, _), loss_i, norm_i in zip(pending, values[0::2], values[1::2]):
            overflow = scaler is not None and not math.isfinite(norm_i)   # a skipped step
            if not math.isfinite(loss_i) or not (overflow or math.isfinite(norm_i)):
                bar.close()
                sys.exit(f"step {step_i}: the loss is {loss_i} (gradient norm {norm_i}): training "
                         f"diverged. Nothing after the last good checkpoint was saved; it is "
                         f"{os.path.realpath(last_dir) if os.path.exists(last_dir) else 'none'}. "
                         f"Try a lower --lr.")
            log.write(step=step_i, loss=loss_i, lr=lr_i, grad_norm=None if overflow else norm_i,
                      target_tokens=n_i, **({"skipped": "gradient overflow"} if overflow else {}))
        bar.set_postfix(loss=f"{values[-2]:.3f}", lr=f"{pending[-1][1]:.1e}",
                        tok_s=f"{tokens_seen / (time.perf_counter() - t0):,.0f}")
        pending.clear()

    try:
        while step < cfg.steps and not stop["requested"]:
            batch = next(batches)
            lr = get_lr(step, cfg)
            loss, grad_norm = train_step(model, optimizer, batch, lr, cfg.grad_clip, scaler)
            step += 1
            tokens_seen += batch.n_target_tokens
            pending.append((step, lr, batch.n_target_tokens, loss, grad_norm))
            evaluating = step % cfg.eval_every == 0 or step == cfg.steps
            if len(pending) >= sync_every or evaluating or stop["requested"]:
                flush()
            bar.update(1)
            if evaluating:
                eval_loss = held_out_loss(model, held_out)
                log.write(step=step, eval_loss=eval_loss, grad_norms=grad_norms(model))
                links = ["last"] + (["best"] if eval_loss < best else [])
                best = min(best, eval_loss)
                save(links, step, best)
                bar.write(f"step {step:,}: held-out loss {eval_loss:.4f} (best {best:.4f})")
    finally:
        bar.close()
        signal.signal(signal.SIGINT, previous_handler)
    if stop["requested"]:
        save(["last"], step, best)
        print(f"stopped at step {step:,}; saved {os.path.realpath(last_dir)}. Continue with: "
              f"python train.py --resume --out {cfg.out}")
        return 0

    # 6. the end: full held-out loss, loss curve, sample replies, eval-case pass rate
    from tinygrad_guppy.app.batching import make_batches
    full_eval = held_out_loss(model, list(make_batches("bucket", splits["eval"], cfg.batch_size,
                                                  np.random.default_rng(0), loss_on=cfg.loss_on)))
    log.write(step=step, final_eval_loss=full_eval)
    print(f"done: {step:,} steps in {time.perf_counter() - t0:,.0f} s; held-out loss on all "
          f"{len(splits['eval']):,} eval samples: {full_eval:.4f}")
    if plot_losses(os.path.join(cfg.out, "log.jsonl"), os.path.join(cfg.out, "loss.png")):
        print(f"loss curve: {os.path.join(cfg.out, 'loss.png')}")
    best_model = checkpoint.load(os.path.join(cfg.out, "best"), device=device)
    pass_rate, held_out_rate = final_report(best_model, tok, prepare.read_samples(eval_path),
                                            os.path.join(cfg.out, "samples.txt"))
    log.write(step=step, eval_pass_rate=pass_rate, held_out_pass_rate=held_out_rate)
    print(f"chat with it: python chat.py --run {cfg.out}")
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
