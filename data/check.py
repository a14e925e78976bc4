"""The data check: runs after every generation and fails loudly; also `python -m data check FILE...`.

It reads samples ({"input", "output", "category"}) grouped by file (one file = one split) and looks
for what would quietly spoil training:
  - leaked template syntax: braces, brackets, underscores, code words such as "lambda" or "random.";
  - uppercase letters, empty fields, control characters, stray whitespace;
  - samples too long for the 128-token window (bounded without a tokenizer, see token_bound);
  - too few categories, a starved category, too few distinct replies overall or in a category;
  - a category missing from one of the files, and (input, output) pairs found in two files;
  - an input too close to a hand-written eval case (data/eval_cases.py: a near duplicate, or a
    shared 4-word sequence specific to the topic), which would let the model see the case.

    >>> report = check_splits({"train": train_samples, "eval": eval_samples})
    >>> print(report.table()); report.ok
    True
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from data.chat_format import SPECIAL_TOKENS, format_sample
from data.eval_cases import HeldOut, held_out_prompts

FIELDS = ("input", "output", "category")

# Characters that never occur in a finished sample but do occur in template or code syntax:
# slot braces, brackets, the underscores of pool names, format specifiers, and the <, | and > of
# a special token written into the text.
LEAK_CHARS = re.compile(r"[{}\[\]()<>|_$%\\`=#@*~^]")
# Words that only code or a half-filled template would write.
LEAK_WORDS = re.compile(r"\b(?:lambda|self\.\w+|random\.\w+|rng\.\w+|null|undefined|placeholder|"
                        r"todo|fixme|xxx)\b")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class DataCheckError(ValueError):
    """Raised when a generated dataset fails the check; the message holds the table and problems."""


class DataFileError(ValueError):
    """A dataset file that cannot be read: missing, or a line that is not JSON."""


def token_bound(user_text: str, reply: str) -> int:
    """An upper bound on the tokens of the formatted sample, for any byte-level BPE tokenizer.

    A byte-level BPE starts from one token per UTF-8 byte and every merge joins two tokens into
    one, so ordinary text never takes more tokens than it has bytes; each special token is one
    token. The bound is therefore (bytes of the text outside the special tokens) + (number of
    special tokens), whatever the merges are. Example:
        format_sample("hi", "hello.") = "<|im_start|>user\\nhi<|im_end|>\\n<|im_start|>assistant\\nhello.<|im_end|>"
        text outside the specials: "user\\nhi" (7 bytes) + "\\n" (1) + "assistant\\nhello." (16)
        = 24 bytes, and 4 special tokens: token_bound("hi", "hello.") == 28
    """
    text = format_sample(user_text, reply)
    n_special = 0
    for token in SPECIAL_TOKENS:
        n_special += text.count(token)
        text = text.replace(token, "")
    return len(text.encode("utf-8")) + n_special


@dataclass
class CheckLimits:
    """What the check demands. The defaults are the project's must-holds for the 60K Guppy set."""
    max_tokens: int = 128                 # the model's window (max_seq_len)
    min_categories: int = 60              # distinct categories over all files
    min_distinct_per_category: int = 100  # distinct replies a category needs (see below)
    min_distinct_ratio: float = 0.5       # distinct replies / samples, over all files
    min_category_share: float = 0.5       # a category holds at least this share of the average count
    min_distinct_input_ratio: float = 2 / 3  # distinct user messages / samples, over all files
                                          # (60,000 samples -> 40,000 different messages)
    min_inputs_per_category: int = 300    # distinct user messages a category needs (see below)

    def distinct_needed(self, count: int) -> int:
        """Distinct replies a category of `count` samples needs: min_distinct_per_category, or half
        its samples when it is too small to reach that (so a 6,000-sample test set is judged fairly).
        100 samples -> 50; 900 samples -> 100."""
        return min(self.min_distinct_per_category, math.ceil(count / 2))

    def inputs_needed(self, count: int) -> int:
        """Distinct user messages a category of `count` samples needs: min_inputs_per_category,
        or half its samples when it is smaller (81 samples -> 41; 811 -> 300)."""
        return min(self.min_inputs_per_category, math.ceil(count / 2))


@dataclass
class CheckReport:
    """The result: one row per measurement, and the problems found (empty when the data passed)."""
    rows: list[tuple[str, str, str, bool]] = field(default_factory=list)  # (what, value, limit, ok)
    problems: list[str] = field(default_factory=list)                     # one line each
    longest_bound: int = 0                                                # tokens, upper bound

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> str:
        """A short summary table, ending with PASSED or FAILED and the problems."""
        width = max(len(what) for what, _, _, _ in self.rows)
        lines = [f"  {what:<{width}}  {value:>16}  {limit:<22} {'ok' if ok else 'FAIL'}"
                 for what, value, limit, ok in self.rows]
        lines.append("data check PASSED" if self.ok else "data check FAILED:")
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def check_splits(splits: dict[str, list[dict]], limits: CheckLimits | None = None,
                 held_out: list[str] | None = None) -> CheckReport:
    """Check samples grouped by split name (usually a file name) against every rule above.
    held_out: the prompts inputs must stay away from; None = the hand-written eval cases."""
    limits = limits or CheckLimits()
    report = CheckReport()
    defects: dict[str, list[str]] = {}  # kind of defect -> where it happened ("train.jsonl:12: ...")

    def defect(kind: str, where: str, detail: str) -> None:
        defects.setdefault(kind, []).append(f"{where}: {detail}")

    category_counts = Counter()          # category -> samples, over all splits
    category_replies: dict[str, set] = {}  # category -> distinct replies
    all_replies = set()
    inputs_per_category: dict[str, set] = {}   # category -> distinct user messages
    categories_per_split: dict[str, set] = {}
    pairs_per_split: dict[str, set] = {}
    longest, longest_where, total_bound, n_samples = 0, "", 0, 0

    for split, samples in splits.items():
        split_categories, split_pairs = set(), set()
        for line_no, sample in enumerate(samples, start=1):
            where = f"{split}:{line_no}"
            if not isinstance(sample, dict) or set(sample) != set(FIELDS):
                keys = sorted(sample) if isinstance(sample, dict) else type(sample).__name__
                defect("malformed sample", where, f"expected the keys {list(FIELDS)}, got {keys}")
                continue
            if not all(isinstance(sample[key], str) for key in FIELDS):
                defect("malformed sample", where, "every field must be a string")
                continue
            n_samples += 1
            user, reply, category = sample["input"], sample["output"], sample["category"]
            for key in FIELDS:
                text = sample[key]
                if not text.strip():
                    defect("empty field", where, f"{key} is empty")
                    continue
                if text != text.lower():
                    defect("uppercase", where, f"{key} {text!r}")
                probe = text.replace("_", " ") if key == "category" else text  # "temp_hot" is fine
                leak = LEAK_CHARS.search(probe) or LEAK_WORDS.search(probe)
                if leak:
                    defect("template syntax", where, f"{key} has {leak.group()!r}: {text!r}")
                if CONTROL.search(text):
                    defect("control character", where, f"{key} {text!r}")
                if text != text.strip() or "  " in text:
                    defect("stray whitespace", where, f"{key} {text!r}")
            bound = token_bound(user, reply)
            total_bound += bound
            if bound > longest:
                longest, longest_where = bound, where
            if bound > limits.max_tokens:
                defect("too long", where, f"up to {bound} tokens > {limits.max_tokens}: {reply!r}")
            category_counts[category] += 1
            category_replies.setdefault(category, set()).add(reply)
            inputs_per_category.setdefault(category, set()).add(user)
            all_replies.add(reply)
            split_categories.add(category)
            split_pairs.add((user, reply))
        categories_per_split[split] = split_categories
        pairs_per_split[split] = split_pairs

    report.longest_bound = longest
    rows = report.rows
    rows.append(("samples", f"{n_samples:,}", ", ".join(f"{s} {len(v):,}" for s, v in splits.items()),
                 n_samples > 0))
    if n_samples == 0:
        report.problems.append("no samples to check")
        return report

    n_categories = len(category_counts)
    rows.append(("categories", f"{n_categories}", f">= {limits.min_categories}",
                 n_categories >= limits.min_categories))
    if n_categories < limits.min_categories:
        report.problems.append(f"{n_categories} categories, fewer than {limits.min_categories}")

    # per-category counts: none starved
    average = n_samples / n_categories
    fewest = min(category_counts, key=lambda c: (category_counts[c], c))
    needed_count = math.floor(limits.min_category_share * average)
    rows.append(("samples per category (min)", f"{category_counts[fewest]:,} {fewest}",
                 f">= {needed_count:,}", category_counts[fewest] >= needed_count))
    for category in sorted(category_counts):
        if category_counts[category] < needed_count:
            report.problems.append(
                f"category {category!r} has {category_counts[category]} samples, "
                f"under {limits.min_category_share:.0%} of the average {average:.0f}")

    # distinct replies: overall and per category
    distinct = len(all_replies)
    needed_distinct = math.ceil(limits.min_distinct_ratio * n_samples)
    rows.append(("distinct replies", f"{distinct:,}", f">= {needed_distinct:,}",
                 distinct >= needed_distinct))
    if distinct < needed_distinct:
        report.problems.append(f"only {distinct:,} distinct replies in {n_samples:,} samples; "
                               f"need {limits.min_distinct_ratio:.0%} ({needed_distinct:,})")
    least = min(category_replies, key=lambda c: (len(category_replies[c]), c))
    rows.append(("distinct replies per category (min)", f"{len(category_replies[least]):,} {least}",
                 f">= {limits.distinct_needed(category_counts[least])}",
                 len(category_replies[least]) >= limits.distinct_needed(category_counts[least])))
    for category in sorted(category_replies):
        have, need = len(category_replies[category]), limits.distinct_needed(category_counts[category])
        if have < need:
            report.problems.append(f"category {category!r} has {have} distinct replies, needs {need}")

    # distinct user messages: reported (how varied the wording is that the model learns from)
    all_inputs = set().union(*inputs_per_category.values())
    fewest_inputs = min(inputs_per_category, key=lambda c: (len(inputs_per_category[c]), c))
    # subtle: rounded to 9 places first, so 2/3 of 60,000 asks for 40,000, not 40,001
    needed_inputs = math.ceil(round(limits.min_distinct_input_ratio * n_samples, 9))
    rows.append(("distinct user messages", f"{len(all_inputs):,}", f">= {needed_inputs:,}",
                 len(all_inputs) >= needed_inputs))
    if len(all_inputs) < needed_inputs:
        report.problems.append(f"only {len(all_inputs):,} distinct user messages in {n_samples:,} "
                               f"samples; need {needed_inputs:,}: give the topics intents with "
                               "frames and synonyms (docs/persona.md)")
    need = limits.inputs_needed(category_counts[fewest_inputs])
    rows.append(("distinct user messages per category (min)",
                 f"{len(inputs_per_category[fewest_inputs]):,} {fewest_inputs}", f">= {need}",
                 len(inputs_per_category[fewest_inputs]) >= need))
    for category in sorted(inputs_per_category):
        have, need = len(inputs_per_category[category]), limits.inputs_needed(category_counts[category])
        if have < need:
            report.problems.append(f"category {category!r} has {have} distinct user messages, "
                                   f"needs {need}")

    # the hand-written eval cases stay unseen: no input too close to one
    rules = HeldOut(held_out_prompts() if held_out is None else held_out)
    near, shared = [], []
    for user in sorted(all_inputs):
        for i, why in rules.matches(user):
            (shared if why.startswith("shares") else near).append((rules.prompts[i], user, why))
    for what, found, rule in (("inputs near an eval or dev case", near, "near duplicate"),
                              ("inputs sharing a 4-gram with one", shared, "specific 4-gram")):
        rows.append((what, f"{len(found):,}", "= 0", not found))
        for prompt, user, why in found[:3]:
            report.problems.append(f"eval case {prompt!r} and input {user!r}: {rule}, {why}")
        if len(found) > 3:
            report.problems.append(f"... and {len(found) - 3:,} more inputs too close to an eval "
                                   f"case ({rule})")

    # every category in every split, and no (input, output) pair in two splits
    if len(splits) > 1:
        missing = [(split, sorted(set(category_counts) - cats))
                   for split, cats in categories_per_split.items() if set(category_counts) - cats]
        rows.append(("categories missing from a file", f"{sum(len(m) for _, m in missing)}", "= 0",
                     not missing))
        for split, categories in missing:
            more = " ..." if len(categories) > 5 else ""
            report.problems.append(f"{split} lacks {len(categories)} categories: "
                                   f"{', '.join(categories[:5])}{more}")
        names = list(pairs_per_split)
        shared = []
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                # subtle: sorted, so the examples printed do not depend on set (hash) order
                shared += [(a, b, pair) for pair in sorted(pairs_per_split[a] & pairs_per_split[b])]
        rows.append(("pairs in two files", f"{len(shared):,}", "= 0", not shared))
        for a, b, (user, reply) in shared[:3]:
            report.problems.append(f"in both {a} and {b}: input {user!r}, output {reply!r}")
        if len(shared) > 3:
            report.problems.append(f"... and {len(shared) - 3:,} more pairs in two files")

    # per-sample defects
    for kind in ("malformed sample", "empty field", "uppercase", "template syntax",
                 "control character", "stray whitespace", "too long"):
        found = defects.get(kind, [])
        rows.append((kind, f"{len(found):,}", "= 0", not found))
        for example in found[:3]:
            report.problems.append(f"{kind}: {example}")
        if len(found) > 3:
            report.problems.append(f"... and {len(found) - 3:,} more samples with {kind}")

    rows.append(("tokens per sample (upper bound)",
                 f"mean {total_bound / n_samples:.1f}, max {longest}",
                 f"<= {limits.max_tokens} ({longest_where})", longest <= limits.max_tokens))
    return report


def read_jsonl(path: str | Path) -> list[dict]:
    """The samples of a JSON-lines file; a clear error names the file and line of a bad line."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path} does not exist; generate it with `python -m data --out DIR`")
    samples = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            try:
                samples.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise DataFileError(f"{path}:{line_no} is not a JSON object ({e.msg}); each line "
                                    'must be one {"input", "output", "category"}') from e
    return samples


def check_files(paths: list[str | Path], limits: CheckLimits | None = None) -> CheckReport:
    """Check JSON-lines files; each file is one split (e.g. train.jsonl and eval.jsonl)."""
    splits = {}
    for path in paths:
        if str(path) in splits:
            raise DataFileError(f"{path} is given twice; give each file once")
        splits[str(path)] = read_jsonl(path)
    return check_splits(splits, limits)
