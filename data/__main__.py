"""Command line of the dataset generator.

    python -m data --n 60000 --seed 42 --out runs/data      # generate + check + write
    python -m data check runs/data/train.jsonl runs/data/eval.jsonl
    python -m data export-persona runs/guppy.json           # the persona as JSON, to re-skin
    python -m data sample --topic temp_hot --n 20           # read what a topic's users say
    python -m data --persona runs/guppy.json --out runs/my_data

Exit status: 0 when the data passed the check, 1 when it failed, 2 for bad arguments or files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from data.check import CheckLimits, DataCheckError, check_files
from data.generate import EVAL_FRACTION, Templates, atomic_write_text, make_sample, write_dataset
from data.persona import PersonaError, load_persona, persona_to_json

LIMITS = CheckLimits()


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-categories", type=int, default=LIMITS.min_categories,
                        help="fail if there are fewer categories than this (default: %(default)s)")
    parser.add_argument("--min-distinct-per-category", type=int,
                        default=LIMITS.min_distinct_per_category,
                        help="fail if a category has fewer distinct replies than this, or than half "
                             "its samples when it is smaller (default: %(default)s)")
    parser.add_argument("--min-distinct-ratio", type=float, default=LIMITS.min_distinct_ratio,
                        help="fail if distinct replies / samples is lower (default: %(default)s)")
    parser.add_argument("--min-distinct-input-ratio", type=float,
                        default=LIMITS.min_distinct_input_ratio,
                        help="fail if distinct user messages / samples is lower (default: 2/3)")
    parser.add_argument("--min-inputs-per-category", type=int,
                        default=LIMITS.min_inputs_per_category,
                        help="fail if a category has fewer distinct user messages than this, or "
                             "than half its samples when it is smaller (default: %(default)s)")
    parser.add_argument("--max-tokens", type=int, default=LIMITS.max_tokens,
                        help="fail if a formatted sample may exceed this many tokens "
                             "(default: %(default)s, the model's window)")


def limits_from(args: argparse.Namespace) -> CheckLimits:
    return CheckLimits(max_tokens=args.max_tokens, min_categories=args.min_categories,
                       min_distinct_per_category=args.min_distinct_per_category,
                       min_distinct_ratio=args.min_distinct_ratio,
                       min_distinct_input_ratio=args.min_distinct_input_ratio,
                       min_inputs_per_category=args.min_inputs_per_category)


def generate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data",
        description="Generate the Guppy dataset: train.jsonl and eval.jsonl in --out, one "
                    '{"input", "output", "category"} per line, the same bytes for the same seed. '
                    "The data check runs before anything is written and the exit status is 1 "
                    "if it fails.",
        epilog="other commands: `python -m data check FILE...` checks existing files; "
               "`python -m data export-persona FILE` writes the persona as JSON; "
               "`python -m data sample` prints samples to read. Each has its own --help.")
    parser.add_argument("--n", type=int, default=60000,
                        help="samples in all, train and eval together (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=42,
                        help="random seed; the same seed gives the same bytes (default: %(default)s)")
    parser.add_argument("--out", default="runs/data",
                        help="folder for train.jsonl and eval.jsonl (default: %(default)s)")
    parser.add_argument("--persona", default=None,
                        help="the character: a .py file or module defining PERSONA, or a .json "
                             "file (default: the built-in Guppy, data/guppy.py)")
    parser.add_argument("--eval-fraction", type=float, default=EVAL_FRACTION,
                        help="share of the samples that go to eval.jsonl (default: %(default)s)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_limit_options(parser)
    return parser


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data check",
        description="Run the data check on JSON-lines files and print its summary table; each "
                    "file counts as one split (no (input, output) pair may be in two files, and "
                    "every category must be in every file). Exit status 1 if the check fails.")
    parser.add_argument("files", nargs="+", help="JSON-lines files, e.g. train.jsonl eval.jsonl")
    add_limit_options(parser)
    return parser


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data export-persona",
        description="Write a persona as JSON: a starting point for a new character, to be used "
                    "with `python -m data --persona FILE.json`.")
    parser.add_argument("file", help="where to write the JSON, e.g. runs/guppy.json")
    parser.add_argument("--persona", default=None,
                        help="the persona to export (default: the built-in Guppy)")
    return parser


def sample_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data sample",
        description="Print generated samples (user message -> reply), to read what a persona's "
                    "grammar makes. Nothing is written.")
    parser.add_argument("--topic", default=None, help="only this topic (default: all topics)")
    parser.add_argument("--n", type=int, default=20, help="samples to print (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    parser.add_argument("--persona", default=None,
                        help="a .py file, module or .json file (default: the built-in Guppy)")
    return parser


def print_samples(args: argparse.Namespace) -> int:
    persona = load_persona(args.persona)
    names = [t.name for t in persona.topics]
    if args.topic is not None and args.topic not in names:
        print(f"error: no topic {args.topic!r}; the topics are {', '.join(names)}", file=sys.stderr)
        return 2
    templates, rng = Templates(persona), random.Random(args.seed)
    for i in range(args.n):
        topic = args.topic or names[i % len(names)]
        user, reply = make_sample(templates, topic, rng)
        print(f"{topic:<16} {user}\n{'':<16} -> {reply}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["check"]:
            args = check_parser().parse_args(argv[1:])
            report = check_files(args.files, limits_from(args))
            print(report.table())
            return 0 if report.ok else 1
        if argv[:1] == ["sample"]:
            return print_samples(sample_parser().parse_args(argv[1:]))
        if argv[:1] == ["export-persona"]:
            args = export_parser().parse_args(argv[1:])
            persona = load_persona(args.persona)
            path = Path(args.file)
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, json.dumps(persona_to_json(persona), indent=1) + "\n")
            print(f"wrote persona {persona.name!r} ({len(persona.topics)} topics) to {path}")
            return 0
        args = generate_parser().parse_args(argv)
        if args.n < 1 or not 0 < args.eval_fraction < 1:
            print("error: --n must be positive and --eval-fraction between 0 and 1", file=sys.stderr)
            return 2
        write_dataset(args.out, n=args.n, seed=args.seed, persona=args.persona,
                      eval_fraction=args.eval_fraction, limits=limits_from(args),
                      progress=not args.no_progress)
        return 0
    except DataCheckError as e:  # generated data that failed the check; nothing was written
        print(e, file=sys.stderr)
        return 1
    except (PersonaError, ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
