"""Benchmark: what learning the user's words (--loss-on all) costs or gives the replies.

    python bench/loss_on.py --data-dir runs/data runs/all_run runs/reply_run

A run trained with --loss-on all reports its held-out loss over every token of a turn, one trained
with --loss-on reply over the reply tokens only, so their logged numbers do not compare. This
reads each run's last checkpoint and measures both on all the eval samples: the loss on the reply
tokens (what Guppy says: the number to compare), and on the whole turn. Pass rates come from each
run's samples.txt (train.py's report).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tinygrad_guppy import checkpoint  # noqa: E402
from tinygrad_guppy.app import prepare, training  # noqa: E402
from train import TrainConfig, held_out_batches  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default="runs/data", help="the runs' dataset and tokenizer")
    parser.add_argument("runs", nargs="+", help="run folders (train.py --out)")
    args = parser.parse_args(argv)
    quiet = lambda message: None                  # noqa: E731
    held_out = prepare.ensure_samples(args.data_dir, log=quiet)["eval"]
    print(f"{len(held_out):,} eval samples of {args.data_dir}; each run's last checkpoint")
    print("| run | loss on | held-out loss, reply tokens | held-out loss, whole turn | pass rates |")
    print("|---|---|---|---|---|")
    for run in args.runs:
        folder = os.path.join(run, "last")
        model = checkpoint.load(folder)
        _, state = checkpoint.load_training_state(folder)
        losses = {}
        for loss_on in ("reply", "all"):
            # train.py's held-out batches, with the targets of each way of learning
            batches = held_out_batches(held_out, TrainConfig(loss_on=loss_on), model.cfg.pad_id)
            losses[loss_on] = training.held_out_loss(model, batches)
        rates = ""
        samples_txt = os.path.join(run, "samples.txt")
        if os.path.exists(samples_txt):
            with open(samples_txt) as f:
                rates = "; ".join(line.strip() for line in f
                                  if "pass rate" in line or "scored by the same rules" in line)
        print(f"| {run} (step {state['step']:,}) | {state['config']['loss_on']} | "
              f"{losses['reply']:.4f} | {losses['all']:.4f} | {rates} |")


if __name__ == "__main__":
    main()
