"""Tests of the dataset generator (data/): determinism, the must-hold counts, the data check
catching planted defects, personas (swapping, validation), and the command line.

The counts test generates the full 60K set (about 5 seconds with the check); everything else uses
6,000 samples.
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from data.__main__ import main
from data.chat_format import format_sample
from data.check import CheckLimits, DataCheckError, check_splits, token_bound
from data.generate import apportion, fill, generate, to_jsonl, write_dataset
from data.persona import (Persona, PersonaError, Topic, load_persona, parse_template,
                          persona_to_json)

REPO = Path(__file__).resolve().parents[1]
GUPPY = load_persona(None)


@pytest.fixture(scope="module")
def small():
    """(train, eval) of 6,000 samples, seed 1."""
    return generate(GUPPY, 6000, seed=1)


@pytest.fixture(scope="module")
def full():
    """(train, eval) of the real 60,000 samples, seed 42."""
    return generate(GUPPY, 60000, seed=42)


def copy_splits(small):
    train, evals = small
    return {"train.jsonl": [dict(s) for s in train], "eval.jsonl": [dict(s) for s in evals]}


# ---- determinism ----

def test_same_seed_same_bytes(tmp_path):
    a = write_dataset(tmp_path / "a", n=6000, seed=7, progress=False, quiet=True)
    b = write_dataset(tmp_path / "b", n=6000, seed=7, progress=False, quiet=True)
    c = write_dataset(tmp_path / "c", n=6000, seed=8, progress=False, quiet=True)
    for path_a, path_b, path_c in zip(a, b, c):
        assert path_a.read_bytes() == path_b.read_bytes()
        assert path_a.read_bytes() != path_c.read_bytes()


def test_same_bytes_in_processes_with_different_hash_seeds():
    # str hashes (and so set order) change with PYTHONHASHSEED; the output must not
    code = ("import hashlib; from data.generate import generate, to_jsonl; "
            "from data.persona import load_persona; t, e = generate(load_persona(None), 3000, 5); "
            "print(hashlib.sha256((to_jsonl(t) + to_jsonl(e)).encode()).hexdigest())")
    digests = set()
    for hash_seed in ("0", "1"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True,
                             capture_output=True, text=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_generation_ignores_and_keeps_the_global_random_state():
    random.seed(0)
    before = random.getstate()
    first = generate(GUPPY, 3000, seed=3)
    assert random.getstate() == before        # the generator used only its own Random
    random.seed(12345)
    assert generate(GUPPY, 3000, seed=3) == first


# ---- the must-hold counts, on the real 60K ----

def test_counts_of_the_60k_dataset(full):
    train, evals = full
    assert (len(train), len(evals)) == (57000, 3000)
    samples = train + evals
    categories = {s["category"] for s in samples}
    assert len(categories) >= 60
    assert {s["category"] for s in evals} == categories           # each category in eval
    replies = {s["output"] for s in samples}
    assert len(replies) >= 30000
    # the user's side (issue 12): at least 40,000 different messages, 300 in every topic
    assert len({s["input"] for s in samples}) >= 40000
    inputs_per_category = {}
    for s in samples:
        inputs_per_category.setdefault(s["category"], set()).add(s["input"])
    assert min(len(x) for x in inputs_per_category.values()) >= 300
    per_category = {}
    for s in samples:
        per_category.setdefault(s["category"], set()).add(s["output"])
    assert min(len(r) for r in per_category.values()) >= 100
    train_pairs = {(s["input"], s["output"]) for s in train}
    assert not any((s["input"], s["output"]) in train_pairs for s in evals)
    for s in samples:
        for text in (s["input"], s["output"]):
            assert text == text.lower()
            assert not any(c in text for c in "{}[]_<>|")
    # the longest formatted sample: at most 120 tokens for any byte-level BPE (116 bytes of text
    # and 4 special tokens), far inside the 128-token window
    assert max(token_bound(s["input"], s["output"]) for s in samples) <= 120
    report = check_splits({"train": train, "eval": evals})
    assert report.ok, report.table()
    rows = {what: value for what, value, _, _ in report.rows}
    assert rows["inputs near an eval or dev case"] == rows["inputs sharing a 4-gram with one"] == "0"


def test_the_wide_persona_passes_the_check_with_more_ways_to_ask(full):
    """data/guppy_wide.py (the guppy preset's data): all of Guppy's grammar and more; its 60,000
    samples pass the data check (eval and dev cases kept away) with more distinct user messages."""
    wide = load_persona("data.guppy_wide")
    assert [t.name for t in wide.topics] == [t.name for t in GUPPY.topics]
    for narrow_topic, wide_topic in zip(GUPPY.topics, wide.topics):
        frames = {(i.name, f) for i in wide_topic.intents for f in i.frames}
        assert {(i.name, f) for i in narrow_topic.intents for f in i.frames} < frames
        assert all(set(v) <= set(wide_topic.words[k]) for k, v in narrow_topic.words.items())
        assert (wide_topic.inputs, wide_topic.replies) == (narrow_topic.inputs, narrow_topic.replies)
    train, evals = generate(wide, 60000, seed=42)
    report = check_splits({"train": train, "eval": evals})
    assert report.ok, report.table()
    distinct = len({s["input"] for s in train + evals})
    assert distinct > len({s["input"] for s in full[0] + full[1]}) + 3000


def test_categories_are_balanced(full):
    train, evals = full
    counts = {}
    for s in train + evals:
        counts[s["category"]] = counts.get(s["category"], 0) + 1
    assert max(counts.values()) - min(counts.values()) <= 1


# ---- filling slots ----

def test_fill_shares_a_slot_between_input_and_reply_and_keeps_numbered_slots_distinct():
    pools = {"food": ("flakes", "peas", "worms")}
    rng = random.Random(0)
    for _ in range(50):
        bound = {}
        question = fill(parse_template("want some {food}?"), pools, bound, rng)
        answer = fill(parse_template("yes, {food}! and {food2}."), pools, bound, rng)
        assert question == f"want some {bound['food']}?"
        assert answer == f"yes, {bound['food']}! and {bound['food2']}."
        assert bound["food"] != bound["food2"]


def test_every_word_of_every_pool_is_used(full):
    # slots frozen at import time would repeat one word per template; filled per sample, every
    # word of every pool shows up somewhere in the 60K samples
    train, evals = full
    text = "\n".join(s["input"] + "\n" + s["output"] for s in train + evals)
    for pool, words in GUPPY.pools.items():
        assert [w for w in words if w not in text] == [], pool


def test_apportion():
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert apportion(3000, [811] * 4 + [810] * 70) == apportion(3000, [811] * 4 + [810] * 70)
    assert sum(apportion(3000, [811] * 4 + [810] * 70)) == 3000
    assert apportion(5, [0, 1]) == [0, 5]


# ---- the check: clean data passes, planted defects fail ----

def test_check_passes_clean_data(small):
    report = check_splits(copy_splits(small))
    assert report.ok, report.table()
    assert "data check PASSED" in report.table()


def plant(splits, split, index, **fields):
    splits[split][index].update(fields)
    return splits


@pytest.mark.parametrize("defect, expected", [
    (lambda s: plant(s, "train.jsonl", 10, output="i like {food} a lot."), "template syntax"),
    (lambda s: plant(s, "train.jsonl", 11, input="do you like food_item?"), "template syntax"),
    (lambda s: plant(s, "eval.jsonl", 3, output="i like random.choice a lot."), "template syntax"),
    (lambda s: plant(s, "eval.jsonl", 4, output="Hello. I am Guppy."), "uppercase"),
    (lambda s: plant(s, "train.jsonl", 12, output=""), "empty field"),
    (lambda s: plant(s, "train.jsonl", 13, output="i  like food."), "stray whitespace"),
    (lambda s: plant(s, "train.jsonl", 14, output="blub. " * 30), "too long"),
    (lambda s: plant(s, "train.jsonl", 15, output="food.\nfood."), "control character"),
])
def test_check_catches_a_planted_defect(small, defect, expected):
    report = check_splits(defect(copy_splits(small)))
    assert not report.ok
    assert any(problem.startswith(expected) for problem in report.problems), report.problems


def test_check_catches_a_pair_in_both_splits(small):
    splits = copy_splits(small)
    splits["eval.jsonl"][0] = dict(splits["train.jsonl"][0])
    report = check_splits(splits)
    assert not report.ok
    assert any("in both train.jsonl and eval.jsonl" in p for p in report.problems)


def test_check_catches_a_category_missing_from_eval(small):
    splits = copy_splits(small)
    splits["eval.jsonl"] = [s for s in splits["eval.jsonl"] if s["category"] != "snails"]
    report = check_splits(splits)
    assert any("eval.jsonl lacks 1 categories: snails" in p for p in report.problems)


def test_check_catches_too_few_distinct_replies(small):
    splits = copy_splits(small)
    for s in splits["train.jsonl"]:
        if s["category"] == "food":
            s["output"] = "yes! flakes, please. now."
    for s in splits["train.jsonl"][::2]:
        s["output"] = "blub."
    report = check_splits(splits)
    assert any(p.startswith("only ") and "distinct replies" in p for p in report.problems)
    assert any(p.startswith("category 'food' has") for p in report.problems)


def test_check_catches_too_few_categories_and_a_starved_one(small):
    splits = copy_splits(small)
    report = check_splits(splits, CheckLimits(min_categories=100))
    assert any("categories, fewer than 100" in p for p in report.problems)
    splits["train.jsonl"] = [s for s in splits["train.jsonl"] if s["category"] != "tv"]
    report = check_splits(splits)
    assert any(p.startswith("category 'tv' has") and "under 50%" in p for p in report.problems)


def test_check_rejects_malformed_samples(small):
    splits = copy_splits(small)
    splits["train.jsonl"][0] = {"input": "hi", "output": "hello."}
    splits["train.jsonl"][1] = {"input": "hi", "output": 3, "category": "greeting"}
    report = check_splits(splits)
    assert sum(p.startswith("malformed sample") for p in report.problems) == 2


def test_token_bound_example():
    assert token_bound("hi", "hello.") == 28


def test_token_bound_holds_for_a_real_byte_level_bpe(small):
    tokenizers = pytest.importorskip("tokenizers")
    from tokenizers import decoders, models, pre_tokenizers, trainers
    from data.chat_format import SPECIAL_TOKENS
    train, evals = small
    texts = [format_sample(s["input"], s["output"]) for s in train + evals]
    tok = tokenizers.Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(texts, trainers.BpeTrainer(
        vocab_size=1000, special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    for s, text in zip(train + evals, texts):
        assert len(tok.encode(text).ids) <= token_bound(s["input"], s["output"])


# ---- write_dataset ----

def test_write_dataset_writes_nothing_when_the_check_fails(tmp_path):
    with pytest.raises(DataCheckError, match="categories, fewer than 1000"):
        write_dataset(tmp_path, n=6000, seed=1, limits=CheckLimits(min_categories=1000),
                      progress=False, quiet=True)
    assert list(tmp_path.iterdir()) == []


def test_write_dataset_lines_are_the_sample_format(tmp_path):
    train_path, eval_path = write_dataset(tmp_path, n=6000, seed=2, progress=False, quiet=True)
    lines = eval_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 300
    assert list(json.loads(lines[0])) == ["input", "output", "category"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eval.jsonl", "train.jsonl"]  # no temp files


def test_too_small_n_is_a_clear_error():
    with pytest.raises(ValueError, match="use a larger --n"):
        generate(GUPPY, 500, seed=0)


# ---- personas ----

TINY = Persona(
    name="tom",
    pools={"toy": ("ball", "string", "mouse", "box", "sock", "leaf", "cork", "feather")},
    topics=(Topic("play", ("want to play?", "do you like the {toy}?"),
                  ("yes! the {toy}!", "i pounce on the {toy}.", "the {toy} is mine.")),
            Topic("nap", ("are you sleepy?", "nap time?"),
                  ("i nap on the {toy}.", "yes. wake me for the {toy}."))),
    tails=("purr.", "meow."), tail_rate=0.5,
)
TINY_LIMITS = CheckLimits(min_categories=2, min_distinct_per_category=5,   # a toy persona:
                          min_distinct_input_ratio=0.05, min_inputs_per_category=2)  # 4 inputs


def test_a_persona_swaps_without_touching_the_generator(tmp_path):
    train, evals = write_dataset(tmp_path, n=60, seed=0, persona=TINY, limits=TINY_LIMITS,
                                 progress=False, quiet=True)
    samples = [json.loads(line) for line in train.read_text().splitlines()]
    assert {s["category"] for s in samples} == {"play", "nap"}
    assert not any("fish" in s["output"] for s in samples)


def test_persona_from_module_file_and_json_give_the_same_data(tmp_path):
    py_file = tmp_path / "tiny_persona.py"
    py_file.write_text("from data.persona import ChatStyle, Intent, Persona, Topic\n"
                       f"PERSONA = {TINY!r}\n")
    json_file = tmp_path / "tiny.json"
    json_file.write_text(json.dumps(persona_to_json(TINY)))
    assert load_persona(str(py_file)) == TINY
    assert load_persona(str(json_file)) == TINY
    assert load_persona("data.guppy") is GUPPY
    a = generate(load_persona(str(json_file)), 60, seed=4)
    assert a == generate(TINY, 60, seed=4)


def test_exported_guppy_json_generates_the_same_bytes(tmp_path):
    path = tmp_path / "guppy.json"
    assert main(["export-persona", str(path)]) == 0
    from_json = generate(load_persona(str(path)), 3000, seed=9)
    assert to_jsonl(from_json[0]) == to_jsonl(generate(GUPPY, 3000, seed=9)[0])


@pytest.mark.parametrize("bad, message", [
    (Persona("x", {"toy": ("ball",)}, (Topic("t", ("hi",), ("i like {toys}.",)),)),
     "{toys} names no pool; the pools are toy"),
    (Persona("x", {"toy": ("ball",)}, (Topic("t", ("hi",), ("I like it.",)),)),
     "uppercase"),
    (Persona("x", {"toy": ("ball",)}, (Topic("t", ("hi",), ("i like {toy} and {toy2}.",)),)),
     "needs 2 different words from pool 'toy'"),
    (Persona("x", {"toy": ("ball",)}, (Topic("t", ("hi",), ("i like { toy }.",)),)),
     "a brace that is not a slot"),
    (Persona("x", {"toy": ()}, (Topic("t", ("hi",), ("ok.",)),)), "pool 'toy' is empty"),
    (Persona("x", {}, (Topic("t", ("hi",), ("ok.",)), Topic("t", ("yo",), ("ok.",)))),
     "two topics are named 't'"),
    (Persona("x", {}, ()), "has no topics"),
])
def test_bad_personas_are_clear_errors(bad, message):
    with pytest.raises(PersonaError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_persona(bad)


def test_missing_persona_sources_are_clear_errors(tmp_path):
    with pytest.raises(PersonaError, match="does not exist"):
        load_persona(str(tmp_path / "nope.json"))
    with pytest.raises(PersonaError, match="cannot import persona module"):
        load_persona("no_such_module_here")
    empty = tmp_path / "empty.py"
    empty.write_text("X = 1\n")
    with pytest.raises(PersonaError, match="defines no PERSONA"):
        load_persona(str(empty))
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x"}')
    with pytest.raises(PersonaError, match="the field 'pools' is missing"):
        load_persona(str(broken))


def test_a_topic_with_too_few_combinations_is_a_clear_error():
    thin = Persona("x", {}, tuple(Topic(f"t{i}", ("hi",), ("ok.",)) for i in range(3)))
    with pytest.raises(ValueError, match="topic 't0' gave only 1 different"):
        generate(thin, 300, seed=0)


# ---- command line ----

def test_cli_generates_and_checks(tmp_path, capsys):
    assert main(["--n", "6000", "--seed", "3", "--out", str(tmp_path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "data check PASSED" in out and "eval.jsonl (300)" in out
    files = [str(tmp_path / "train.jsonl"), str(tmp_path / "eval.jsonl")]
    assert main(["check", *files]) == 0
    lines = (tmp_path / "eval.jsonl").read_text().splitlines()
    lines[5] = lines[5].replace('"output": "', '"output": "{slot} ')
    (tmp_path / "eval.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["check", *files]) == 1
    assert "template syntax: " in capsys.readouterr().out


def test_cli_errors_are_clear(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl does not exist" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"input": "hi", "output": "hello.", "category": "greeting"}\nnot json\n')
    assert main(["check", str(bad)]) == 2
    assert "bad.jsonl:2 is not a JSON object" in capsys.readouterr().err
    assert main(["--n", "100", "--out", str(tmp_path / "x"), "--no-progress"]) == 2
    assert "use a larger --n" in capsys.readouterr().err
    assert main(["--persona", "nope.json", "--out", str(tmp_path / "x")]) == 2
    assert main(["--n", "6000", "--out", str(tmp_path / "y"), "--no-progress",
                 "--min-categories", "500"]) == 1
    assert not (tmp_path / "y").exists()


def test_python_m_data_help_lists_every_flag():
    out = subprocess.run([sys.executable, "-m", "data", "--help"], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout
    for flag in ("--n", "--seed", "--out", "--persona", "--eval-fraction", "--no-progress",
                 "--min-categories", "--min-distinct-per-category", "--max-tokens", "check FILE"):
        assert flag in out
