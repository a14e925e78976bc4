"""Benchmark: one full CPU training step of the 8.7M GuppyLM, ours against PyTorch, side by side.

    python bench/train_step.py                         # every shape, >= 12 steps and 20 s each
    python bench/train_step.py --shapes 32x64 bucket   # some of them
    python bench/train_step.py --steps 20 --no-memory  # more steps, skip the peak-RSS subprocesses

One step = tinygrad_guppy.app.training.train_step (forward, backward, global-norm clip to 1.0, AdamW)
in float32 on 2 threads, against TorchGuppyLM (tests/torch_reference.py, the same
architecture) with torch.optim.AdamW: lr 3e-4, betas (0.9, 0.95), weight decay 0.1, clip 1.0,
dropout 0.1 on both sides, train mode. Both start from the same weights (ours, loaded into torch)
and get the same batch at every step; the steps alternate ours / theirs (who goes first alternates
too) so that noise from other work on the machine hits both alike. After --warmup steps each, at
least --steps steps are timed, more until ours has run --seconds (short steps get more samples);
the report gives medians and the ratio ours / PyTorch (target: <= 1.0 at 32x64, 32x128, bucket).

Shapes:
- 32x64, 32x128: B = 32 rows of T random ids (every target counts).
- bucket, pack, pad, pair: real batches as train.py makes them (tinygrad_guppy.app.batching,
  train.py's batch size, row length and loss_on, see --loss-on): "bucket" (B = 32 samples of
  similar length), "pack" (rows of 128 positions holding several samples, with a segment mask),
  "pad" (the original's pad-to-the-longest) and "pair" (pad's 32 random samples, two to a row with
  a segment mask: train.py's default since issue 12). The samples
  are runs/data/train.jsonl tokenized with runs/data/tokenizer.json as train.py does when both
  exist (--prepare makes them, with train.py's stages); otherwise a STAND-IN with the real data's
  length distribution (about 27 tokens, 10 to 60, reply about half) and random ids, and the
  report says so.

Peak memory: each side runs the same step (the largest batch of the shape, --memory-steps times)
in its own fresh subprocess, which then reports its peak RSS (VmHWM, a per-process high-water
mark).
The subprocess for ours never imports torch.

Results are printed and written to bench/results/train_step-cpu.{md,json} (or --out).
"""

import os

# Two threads for every BLAS and OpenMP pool, set before numpy or torch is imported.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "2"

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]   # the project, and tests/torch_reference.py
from tinygrad_guppy.engine import backend  # noqa: E402
from tinygrad_guppy.app import batching  # noqa: E402
from tinygrad_guppy.model import GuppyConfig, GuppyLM  # noqa: E402
from tinygrad_guppy.engine.optim import AdamW  # noqa: E402
from tinygrad_guppy.app.training import train_step  # noqa: E402
from train import TrainConfig  # noqa: E402  (train.py's defaults: the batches it makes)

backend.keep_freed_memory()   # as train.py does (see backend.py); it is process-wide, so PyTorch's
                              # side of the bench runs with it too

THREADS = 2
LR, BETAS, WEIGHT_DECAY, GRAD_CLIP = 3e-4, (0.9, 0.95), 0.1, 1.0
TRAIN_DEFAULTS = TrainConfig()
BATCH_SIZE, PACK_LEN = TRAIN_DEFAULTS.batch_size, TRAIN_DEFAULTS.max_seq_len    # 32, 128
SHAPES = ["32x64", "32x128", "bucket", "pack", "pad", "pair"]
TARGET_SHAPES = ["32x64", "32x128", "bucket"]   # issue 7: ratio <= 1.0 at each of these
MAX_STEPS = 100                                 # timed steps per side, at most (see --seconds)
DATA_FILE = os.path.join(ROOT, "runs", "data", "train.jsonl")
TOKENIZER_FILE = os.path.join(ROOT, "runs", "data", "tokenizer.json")


# ---- batches -----------------------------------------------------------------------------------

def random_batches(B, T, n, cfg, seed=0):
    """n batches of B rows of T random ids (never a special token, so every target counts)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        ids = rng.integers(3, cfg.vocab_size, size=(B, T + 1))
        out.append(batching.Batch(ids[:, :-1].copy(), ids[:, 1:].copy(), pad_id=cfg.pad_id))
    return out


def standin_samples(cfg, n=8000, seed=0):
    """Samples shaped like the Guppy data: n tokens ~ 27 on average, within 10..60, starting with
    <|im_start|> and ending with <|im_end|>, the reply starting about half-way. Random ids."""
    rng = np.random.default_rng(seed)
    lengths = np.clip(np.round(rng.gamma(shape=6.0, scale=27.0 / 6.0, size=n)), 10, 60).astype(int)
    samples = []
    for length in lengths:
        ids = rng.integers(3, cfg.vocab_size, size=length)
        ids[0], ids[-1] = cfg.bos_id, cfg.eos_id
        reply_start = int(np.clip(round(length * rng.uniform(0.35, 0.65)), 2, length - 2))
        samples.append(batching.Sample(ids, reply_start))
    return samples


def real_samples(prepare=False):
    """The Guppy training samples, tokenized as train.py does (tinygrad_guppy.app.prepare), or None
    when runs/data has no dataset or tokenizer yet. prepare=True first makes whatever is missing,
    with train.py's stages and defaults (60K samples, a 4096-token BPE)."""
    from tinygrad_guppy.app import prepare as stages
    data_dir = os.path.dirname(DATA_FILE)
    if not prepare and not (os.path.exists(DATA_FILE) and os.path.exists(TOKENIZER_FILE)):
        return None
    quiet = lambda message: None                   # noqa: E731 (the stages' log lines)
    # both splits, as train.py asks: the token cache is keyed by the files it was made from
    return stages.ensure_samples(data_dir, log=quiet)["train"]


def make_batches(shape, n, cfg, prepare=False, loss_on=TRAIN_DEFAULTS.loss_on):
    """(n batches for `shape`, a description of where they come from)."""
    if "x" in shape:
        B, T = map(int, shape.split("x"))
        return random_batches(B, T, n, cfg), "random ids"
    samples, source = real_samples(prepare), "real data (runs/data)"
    if samples is None:
        samples, source = standin_samples(cfg), "STAND-IN (random ids, real length distribution)"
    epoch = batching.make_batches(shape, samples, BATCH_SIZE, np.random.default_rng(0),
                                  seq_len=PACK_LEN, loss_on=loss_on, pad_id=cfg.pad_id)
    source += f", loss on {loss_on}"
    batches, rows = [], None
    for batch in epoch:
        rows = rows or len(batch.idx)           # 32 rows a batch (16 with "pair": two a row)
        if len(batch.idx) == rows:              # the last, short batch of an epoch is skipped
            batches.append(batch)
        if len(batches) == n:
            break
    return batches, source


# ---- one step of each side ----------------------------------------------------------------------

def build_ours(cfg, state=None):
    model = GuppyLM(cfg, seed=0, dtype="float32").train()
    if state is not None:
        model.load_state_dict(state)
    optimizer = AdamW(model.parameters(), lr=LR, betas=BETAS, weight_decay=WEIGHT_DECAY)
    return lambda batch: train_step(model, optimizer, batch, lr=LR, grad_clip=GRAD_CLIP)


def build_torch(cfg, state):
    import torch
    from torch_reference import TorchGuppyLM
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    model = TorchGuppyLM(cfg).train()
    model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=BETAS, weight_decay=WEIGHT_DECAY)

    def step(batch):
        as_torch = [None if a is None else torch.from_numpy(a)
                    for a in (batch.idx, batch.targets, batch.segments, batch.positions)]
        _, loss = model(*as_torch)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
        optimizer.step()
        return loss.item(), grad_norm.item()
    return step


# ---- measurements -------------------------------------------------------------------------------

@dataclasses.dataclass
class Side:
    ms: list            # milliseconds per measured step
    tokens: list        # B * T per measured step
    targets: list       # non-padding target tokens per measured step

    @property
    def median_ms(self):
        return statistics.median(self.ms)

    def tokens_per_s(self):
        return 1000.0 * sum(self.tokens) / sum(self.ms)

    def targets_per_s(self):
        return 1000.0 * sum(self.targets) / sum(self.ms)


def time_shape(shape, cfg, warmup, steps, seconds, prepare, loss_on):
    """Alternate ours and torch step by step on the same batches; returns (ours, theirs, source).
    At least `steps` timed steps per side, more while ours has run under `seconds` of timed steps
    (at most MAX_STEPS): short steps get more samples, so their medians are as steady as long ones'.
    Who goes first alternates from step to step, so neither side always runs on the caches and
    the CPU state the other left behind."""
    batches, source = make_batches(shape, warmup + max(steps, MAX_STEPS), cfg, prepare, loss_on)
    if len(batches) < warmup + steps:
        raise SystemExit(f"{shape}: only {len(batches)} full batches, need {warmup + steps}")
    state = GuppyLM(cfg, seed=0).state_dict()
    ours_step, torch_step = build_ours(cfg, state), build_torch(cfg, state)
    ours, theirs = Side([], [], []), Side([], [], [])
    for i, batch in enumerate(batches):
        if i >= warmup + steps and sum(ours.ms) >= 1000.0 * seconds:
            break
        sides = [(ours, ours_step), (theirs, torch_step)]
        for side, step in (sides if i % 2 == 0 else sides[::-1]):
            start = time.perf_counter()
            step(batch)
            elapsed = time.perf_counter() - start
            if i >= warmup:
                side.ms.append(1000.0 * elapsed)
                side.tokens.append(batch.idx.size)
                side.targets.append(batch.n_target_tokens)
    return ours, theirs, source


def peak_rss_mib():
    """This process's peak resident memory so far (VmHWM), in MiB.

    subtle: not resource.getrusage's ru_maxrss, which Linux carries across exec(): a child started
    from this (large) benchmark process would report the parent's peak as its own.
    """
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024      # the line reads "VmHWM:  123456 kB"
    raise RuntimeError("no VmHWM line in /proc/self/status (this benchmark needs Linux)")


def memory_child(side, shape, memory_steps, state_file, loss_on):
    """In a fresh process: build one side, run the largest batch of the shape memory_steps times,
    print the peak RSS (MiB) before the first step and after the last as JSON."""
    cfg = GuppyConfig()
    batches, _ = make_batches(shape, 16, cfg, loss_on=loss_on)
    batch = max(batches, key=lambda b: b.idx.size)
    state = dict(np.load(state_file))
    step = build_ours(cfg, state) if side == "ours" else build_torch(cfg, state)
    del state
    before = peak_rss_mib()
    for _ in range(memory_steps):
        step(batch)
    after = peak_rss_mib()
    print(json.dumps({"setup_mib": before, "peak_mib": after, "B": batch.idx.shape[0],
                      "T": batch.idx.shape[1]}))


def measure_memory(side, shape, memory_steps, state_file, loss_on):
    cmd = [sys.executable, os.path.abspath(__file__), "--child", side, "--shapes", shape,
           "--memory-steps", str(memory_steps), "--state-file", state_file, "--loss-on", loss_on]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"memory subprocess for {side} {shape} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- report -------------------------------------------------------------------------------------

def report(rows, meta):
    lines = [f"# train_step (CPU): ours vs PyTorch, {meta['threads']} threads",
             "",
             f"`{meta['command']}`  ",
             f"{meta['when']}, {meta['machine']}, numpy {meta['numpy']}, torch {meta['torch']}; "
             f"{meta['warmup']} warm-up + at least {meta['steps']} measured steps per side (more "
             f"until ours has run {meta['seconds']:g} s: the steps column), alternating; "
             f"medians. Load average (1 min) {meta['load_before']} before, "
             f"{meta['load_after']} after: other work shares these cores.",
             "",
             "| shape | batches | steps | ours ms | torch ms | ratio | paired ratio | ours tok/s "
             "| torch tok/s | ours target tok/s | torch target tok/s | ours peak RSS MiB | torch peak RSS MiB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        mem_o = f"{r['ours_peak_mib']:.0f}" if r.get("ours_peak_mib") else "-"
        mem_t = f"{r['torch_peak_mib']:.0f}" if r.get("torch_peak_mib") else "-"
        lines.append(f"| {r['shape']} | {r['source']} | {len(r['ours_all_ms'])} "
                     f"| {r['ours_ms']:.0f} | {r['torch_ms']:.0f} "
                     f"| **{r['ratio']:.2f}** | {r['paired_ratio']:.2f} | {r['ours_tok_s']:.0f} "
                     f"| {r['torch_tok_s']:.0f} | {r['ours_target_tok_s']:.0f} "
                     f"| {r['torch_target_tok_s']:.0f} | {mem_o} | {mem_t} |")
    lines += ["",
              "ratio = median ours ms / median torch ms; paired ratio = median over steps of "
              "ours / torch on the same batch. tok/s counts B * T positions, target tok/s only the "
              "positions whose target is not padding (the useful work). Peak RSS: VmHWM of a "
              "fresh process per side running the shape's largest batch "
              f"{meta['memory_steps']} times."]
    return "\n".join(lines) + "\n"


def write_atomic(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", nargs="+", default=SHAPES, choices=SHAPES,
                        help="which batches to time (default: all)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps per side first")
    parser.add_argument("--steps", type=int, default=12, help="timed steps per side, at least")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="keep timing (up to %d steps) until ours has run this many seconds of "
                             "timed steps: more samples for the short steps (default 20)" % MAX_STEPS)
    parser.add_argument("--memory-steps", type=int, default=3,
                        help="steps each peak-RSS subprocess runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS subprocesses")
    parser.add_argument("--loss-on", default=TRAIN_DEFAULTS.loss_on, choices=["all", "reply"],
                        help="targets of the real batches: the whole turn or the reply only "
                             f"(default: train.py's, {TRAIN_DEFAULTS.loss_on})")
    parser.add_argument("--prepare", action="store_true",
                        help="make runs/data (dataset, tokenizer, tokens) first if missing, as "
                             "train.py does, so that bucket/pack/pad use the real data")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "train_step-cpu"),
                        help="write OUT.md and OUT.json (default bench/results/train_step-cpu)")
    parser.add_argument("--child", choices=["ours", "torch"], help=argparse.SUPPRESS)
    parser.add_argument("--state-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.steps < 1 or args.warmup < 0:
        parser.error("--steps must be >= 1 and --warmup >= 0")
    if args.child:
        return memory_child(args.child, args.shapes[0], args.memory_steps, args.state_file,
                            args.loss_on)

    import torch
    cfg = GuppyConfig()
    meta = {"command": "python " + " ".join(["bench/train_step.py"] + sys.argv[1:]),
            "when": time.strftime("%Y-%m-%d %H:%M"), "threads": THREADS,
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
            "numpy": np.__version__, "torch": torch.__version__,
            "warmup": args.warmup, "steps": args.steps, "seconds": args.seconds,
            "memory_steps": args.memory_steps,
            "load_before": round(os.getloadavg()[0], 2)}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        state_file = os.path.join(tmp, "state.npz")
        np.savez(state_file, **GuppyLM(cfg, seed=0).state_dict())
        for shape in args.shapes:
            ours, theirs, source = time_shape(shape, cfg, args.warmup, args.steps, args.seconds,
                                              args.prepare, args.loss_on)
            paired = statistics.median(o / t for o, t in zip(ours.ms, theirs.ms))
            row = {"shape": shape, "source": source, "ours_ms": ours.median_ms,
                   "torch_ms": theirs.median_ms, "ratio": ours.median_ms / theirs.median_ms,
                   "paired_ratio": paired,
                   "ours_tok_s": ours.tokens_per_s(), "torch_tok_s": theirs.tokens_per_s(),
                   "ours_target_tok_s": ours.targets_per_s(),
                   "torch_target_tok_s": theirs.targets_per_s(),
                   "ours_all_ms": [round(x, 1) for x in ours.ms],
                   "torch_all_ms": [round(x, 1) for x in theirs.ms]}
            if not args.no_memory:
                for side in ("ours", "torch"):
                    mem = measure_memory(side, shape, args.memory_steps, state_file, args.loss_on)
                    row[f"{side}_peak_mib"] = mem["peak_mib"]
                    row[f"{side}_setup_mib"] = mem["setup_mib"]
            print(f"{shape:>7}: ours {row['ours_ms']:7.1f} ms  torch {row['torch_ms']:7.1f} ms  "
                  f"ratio {row['ratio']:.3f} (paired {paired:.3f})  "
                  f"ours {row['ours_tok_s']:6.0f} tok/s ({row['ours_target_tok_s']:6.0f} targets)  "
                  f"torch {row['torch_tok_s']:6.0f} tok/s ({row['torch_target_tok_s']:6.0f})  "
                  f"peak RSS ours {row.get('ours_peak_mib', 0):.0f} MiB, "
                  f"torch {row.get('torch_peak_mib', 0):.0f} MiB   [{source}]", flush=True)
            rows.append(row)
    meta["load_after"] = round(os.getloadavg()[0], 2)
    text = report(rows, meta)
    print("\n" + text)
    write_atomic(args.out + ".md", text)
    write_atomic(args.out + ".json", json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
