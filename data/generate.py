"""The generator: a persona (data) + a seed -> train.jsonl and eval.jsonl, checked before writing.

    >>> train_path, eval_path = write_dataset("runs/data", n=60000, seed=42)   # the built-in Guppy
    runs/data/train.jsonl has 57,000 samples and runs/data/eval.jsonl 3,000, one JSON object a line:
    {"input": "are you cold?", "output": "brr. i am a cold little fish.", "category": "temp_cold"}

How one sample is made (make_sample), all with one explicit random.Random(seed):
  1. the user's point: one of the topic's plain inputs or a frame of one of its intents
     (grammar.py), and one of its reply templates;
  2. fill every {slot} with a word from its pool, afresh for this sample; a slot has one value
     per sample, so "want some {food}?" -> "yes! {food}, please." stays about the same food;
  3. the message as people type it (grammar.as_typed): sometimes a sentence of context, an
     opener ("hey guppy, "), a closer, chat spelling; then sometimes an opener before the reply
     ("hmm.") and a tail after it ("is it food time yet?"); extras only while the sample stays short.
How the dataset is made (generate): the n samples are shared evenly among the topics; every
(input, output) pair is made once only, so no pair can land in both splits; an input too close
to a hand-written eval case (eval_cases.HeldOut) is drawn again, so the cases stay unseen; each
topic gives 5% of its samples to eval, so every category is in eval; each split is shuffled.
Same seed, same bytes.
"""

from __future__ import annotations

import json
import math
import os
import random
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from data.check import CheckLimits, DataCheckError, check_splits, token_bound
from data.eval_cases import HeldOut, held_out_prompts
from data.grammar import TopicGrammar, as_typed, fill, user_point
from data.persona import Persona, load_persona, parse_template

EVAL_FRACTION = 0.05   # 60,000 samples -> 57,000 train + 3,000 eval
EXTRAS_BUDGET = 120    # extras are added to a sample only while token_bound stays <= this
MAX_TRIES = 50         # draws allowed per wanted sample before a topic is declared too small


def apportion(total: int, weights: list[int]) -> list[int]:
    """Split `total` into whole shares proportional to `weights` (largest remainder; ties go to
    the earlier index, so the result is deterministic).
    Example: apportion(10, [1, 1, 1]) -> [4, 3, 3]."""
    exact = [total * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


class Templates:
    """A persona's templates, parsed once per generation (not at import time)."""
    def __init__(self, persona: Persona):
        self.persona = persona
        self.grammars = {t.name: TopicGrammar(persona, t) for t in persona.topics}  # user side
        self.replies = {t.name: [parse_template(x) for x in t.replies] for t in persona.topics}
        self.prefixes = [parse_template(x) for x in persona.prefixes]
        self.contexts = [parse_template(x) for x in persona.chat.contexts]
        self.question_contexts = [parse_template(x) for x in persona.chat.question_contexts]
        self.openers = [parse_template(x) for x in persona.openers]
        self.tails = [parse_template(x) for x in persona.tails]


def make_sample(templates: Templates, topic: str, rng: random.Random) -> tuple[str, str]:
    """One (input, output) pair for `topic`, every slot filled now. The steps are in the module
    docstring; the random draws happen in the same order whatever is kept, so a seed fixes all."""
    persona, pools = templates.persona, templates.grammars[topic].pools
    bound = {}  # slot -> word, shared by the input and the reply
    point = user_point(templates, topic, bound, rng)
    reply = fill(rng.choice(templates.replies[topic]), pools, bound, rng)
    user = as_typed(point, templates, topic, bound, rng,
                    fits=lambda text: token_bound(text, reply) <= EXTRAS_BUDGET)

    if templates.openers and rng.random() < persona.opener_rate:
        opener = fill(rng.choice(templates.openers), pools, bound, rng)
        if token_bound(user, f"{opener} {reply}") <= EXTRAS_BUDGET:
            reply = f"{opener} {reply}"
    if templates.tails and rng.random() < persona.tail_rate:
        tail = fill(rng.choice(templates.tails), pools, bound, rng)
        if token_bound(user, f"{reply} {tail}") <= EXTRAS_BUDGET:
            reply = f"{reply} {tail}"
    return user, reply


def generate(persona: Persona, n: int, seed: int, eval_fraction: float = EVAL_FRACTION,
             progress: bool = False, held_out: list[str] | None = None,
             stats: dict | None = None) -> tuple[list[dict], list[dict]]:
    """(train, eval): lists of {"input", "output", "category"}; len(eval) = round(n * eval_fraction).

    held_out: prompts that no input may come near (eval_cases.HeldOut's rules); None = the
    hand-written eval cases, [] = none. A sample whose input breaks the rules is drawn again.
    stats, if given, receives {"redrawn_near_held_out": number of such draws}."""
    templates = Templates(persona)
    rules = HeldOut(held_out_prompts() if held_out is None else held_out)
    redrawn = 0
    topics = [t.name for t in persona.topics]
    n_eval = round(n * eval_fraction)
    if n_eval < len(topics) or n - n_eval < len(topics):
        smallest = math.ceil(len(topics) / min(eval_fraction, 1 - eval_fraction))
        raise ValueError(f"n={n} with eval fraction {eval_fraction} gives {n_eval} eval and "
                         f"{n - n_eval} train samples, but both splits need all {len(topics)} "
                         f"categories; use a larger --n (at least about {smallest})")
    rng = random.Random(seed)
    counts = apportion(n, [1] * len(topics))     # samples per topic, as even as can be
    eval_counts = apportion(n_eval, counts)      # of which in eval
    seen = set()  # (input, output) pairs made so far, over all topics; only tested, never iterated
    train, evals = [], []
    with tqdm(total=n, unit="sample", desc="generating", delay=1.0, disable=not progress) as bar:
        for topic, count, n_topic_eval in zip(topics, counts, eval_counts):
            samples = []
            # subtle: for-else; the else branch runs only if the loop ends without `break`
            for _ in range(count * MAX_TRIES):
                pair = make_sample(templates, topic, rng)
                if pair in seen or token_bound(*pair) > EXTRAS_BUDGET:   # made, or too long
                    continue
                if rules.matches(pair[0]):   # too close to an eval or dev case: keep it unseen
                    redrawn += 1
                    continue
                seen.add(pair)
                samples.append({"input": pair[0], "output": pair[1], "category": topic})
                if len(samples) == count:
                    break
            else:
                raise ValueError(f"topic {topic!r} gave only {len(samples)} different (input, "
                                 f"output) pairs in {count * MAX_TRIES:,} draws, and needs {count}; "
                                 "give it more phrasings, replies or slots, or use a smaller --n")
            # the samples came out in random order, so the first ones are a random eval share
            evals += samples[:n_topic_eval]
            train += samples[n_topic_eval:]
            bar.update(count)
    rng.shuffle(train)
    rng.shuffle(evals)
    if stats is not None:
        stats["redrawn_near_held_out"] = redrawn
    return train, evals


def atomic_write_text(path: Path, text: str) -> None:
    """Write a text file atomically: a temporary file in the same folder, then os.replace, so a
    reader never sees half a file and an interrupted run leaves the old file in place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def to_jsonl(samples: list[dict]) -> str:
    """One JSON object a line, keys in the order input, output, category."""
    return "".join(json.dumps({"input": s["input"], "output": s["output"],
                               "category": s["category"]}, ensure_ascii=False) + "\n"
                   for s in samples)


def write_dataset(out_dir: str | Path, n: int = 60000, seed: int = 42, persona=None,
                  eval_fraction: float = EVAL_FRACTION, limits: CheckLimits | None = None,
                  progress: bool = True, quiet: bool = False) -> tuple[Path, Path]:
    """Generate, check, and write out_dir/train.jsonl and out_dir/eval.jsonl; return their paths.

    persona: None (the built-in Guppy), a Persona, or a spec for load_persona ("x.py", "x.json",
    "pkg.module"). The check runs on the samples before anything is written: if it fails, nothing
    is written and DataCheckError carries the summary table. Unless quiet, prints the table.
    """
    persona = load_persona(persona)
    start = time.perf_counter()
    stats = {}
    train, evals = generate(persona, n, seed, eval_fraction, progress=progress, stats=stats)
    out_dir = Path(out_dir)
    train_path, eval_path = out_dir / "train.jsonl", out_dir / "eval.jsonl"
    report = check_splits({train_path.name: train, eval_path.name: evals}, limits)
    if not report.ok:
        raise DataCheckError("the generated data failed the check; nothing was written\n"
                             + report.table())
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(train_path, to_jsonl(train))
    atomic_write_text(eval_path, to_jsonl(evals))
    if not quiet:
        print(report.table())
        print(f"wrote {train_path} ({len(train):,}) and {eval_path} ({len(evals):,}) "
              f"for persona {persona.name!r}, seed {seed}, in {time.perf_counter() - start:.1f} s; "
              f"{stats['redrawn_near_held_out']:,} draws were too close to an eval or dev case and "
              "were drawn again")
    return train_path, eval_path
