"""What the growing-up prompts cost train.py per evaluation, against training steps and the held-out
loss, on one checkpoint, in one process, alternating.

    python bench/growing_up.py --run runs/guppy [--repeats 3] [--steps 5]

Each repeat: the growing-up prompts (app/growing_up.ask, as train.py calls it at an evaluation),
the held-out loss on the CPU preset's eval_samples, then --steps training steps on the real
batches (the checkpoint keeps training a little; the timing does not depend on it). Reported:
medians, the prompts' time in training steps, and its share of the eval_every steps between two
evaluations. Needs the data the run was trained on in --data-dir (train.py writes it).
"""

import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import train  # noqa: E402
from bpe import Tokenizer  # noqa: E402
from tinygrad_guppy import checkpoint  # noqa: E402
from tinygrad_guppy.app import growing_up, prepare, training  # noqa: E402
from tinygrad_guppy.engine.optim import AdamW  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", default="runs/guppy", help="a run folder or a checkpoint folder (default: runs/guppy)")
    parser.add_argument("--data-dir", default="runs/data", help="the run's data (default: runs/data)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats, medians reported (default: 3)")
    parser.add_argument("--steps", type=int, default=5, help="training steps per repeat (default: 5)")
    args = parser.parse_args()

    folder = checkpoint.find(args.run)
    if folder is None:
        sys.exit(f"no checkpoint in {args.run}")
    cfg = train.config_from_flags(train.parse_flags(["--preset", "cpu"]))
    tok = Tokenizer.load(os.path.join(folder, checkpoint.TOKENIZER_FILE))
    paths = {name: os.path.join(args.data_dir, f"{name}.jsonl") for name in ("train", "eval")}
    splits = prepare.ensure_tokens(args.data_dir, paths, os.path.join(args.data_dir, "tokenizer.json"),
                                   tok, log=lambda *a: None)
    model = checkpoint.load(folder)
    optimizer = AdamW(model.parameters(), lr=1e-4)
    held_out = train.held_out_batches(splits["eval"][:cfg.eval_samples], cfg, model.cfg.pad_id)
    batches = train.batch_stream(splits["train"], cfg, 0, model.cfg.pad_id)

    ask_s, loss_s, step_s = [], [], []
    for _ in range(args.repeats):
        start = time.perf_counter()
        replies = growing_up.ask(model, tok)
        ask_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        training.held_out_loss(model, held_out)
        loss_s.append(time.perf_counter() - start)
        for _ in range(args.steps):
            batch = next(batches)
            start = time.perf_counter()
            training.train_step(model, optimizer, batch, 1e-4)
            step_s.append(time.perf_counter() - start)
    ask, loss, step = (statistics.median(x) for x in (ask_s, loss_s, step_s))
    tokens = sum(len(tok.encode(reply)) + 1 for reply in replies.values())    # + 1: the end token
    print(f"{folder}: load average {os.getloadavg()[0]:.1f}; BLAS threads "
          f"{os.environ.get('OPENBLAS_NUM_THREADS', 'default')}")
    print(f"growing-up prompts: {ask:.2f} s (runs {', '.join(f'{x:.2f}' for x in ask_s)}), "
          f"{len(replies)} replies, {tokens} tokens generated")
    print(f"held-out loss on {cfg.eval_samples} samples: {loss:.2f} s; a training step: {step:.3f} s "
          f"(median of {len(step_s)})")
    print(f"per evaluation the prompts cost {ask / step:.1f} training steps, {ask / loss:.2f}x the "
          f"held-out loss, {ask / (cfg.eval_every * step):.1%} of the {cfg.eval_every} steps between "
          f"two evaluations")


if __name__ == "__main__":
    main()
