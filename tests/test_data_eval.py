"""Tests of the held-out eval cases and their scorer (data/eval_cases.py).

Fairness is measured on generated training replies: the replies of a case's own topic are what a
well-trained model says, so they must pass; replies of the other topics must mostly fail.
"""

import pytest

from data.dev_cases import DEV_CASES
from data.eval_cases import (EVAL_CASES, OUT_OF_CHARACTER_RE, EvalCase, cases_from_split,
                             ask_cases, held_out_prompts, near_duplicates, results_table, score,
                             shared_fourgrams)
from data.generate import generate
from data.persona import load_persona

GUPPY = load_persona(None)
EVAL_CASES_BY_TOPIC = {}
for _c in EVAL_CASES:
    EVAL_CASES_BY_TOPIC.setdefault(_c.topic, []).append(_c)


@pytest.fixture(scope="module")
def replies_by_topic():
    """topic -> replies, from 6,000 generated samples."""
    train, evals = generate(GUPPY, 6000, seed=11)
    by_topic = {}
    for s in train + evals:
        by_topic.setdefault(s["category"], []).append(s["output"])
    return by_topic


def test_there_are_enough_cases_over_enough_training_topics():
    topics = {t.name for t in GUPPY.topics}
    assert len(EVAL_CASES) >= 128
    assert {c.topic for c in EVAL_CASES} == topics                  # every topic has a case
    assert all(c.keywords == EVAL_CASES_BY_TOPIC[c.topic][0].keywords for c in EVAL_CASES)
    assert len({c.prompt for c in EVAL_CASES}) == len(EVAL_CASES)
    assert all(c.prompt == c.prompt.lower() and c.keywords for c in EVAL_CASES)


def test_dev_cases_two_per_topic_apart_from_the_eval_cases_and_kept_from_training():
    """The development cases (data/dev_cases.py) judge data changes, the eval cases stay the test:
    every topic has two, scored by the topic's keywords, none near an eval case, and the data
    check keeps training inputs away from both."""
    topics = [t.name for t in GUPPY.topics]
    assert sorted(c.topic for c in DEV_CASES) == sorted(topics * 2)
    assert all(c.keywords == EVAL_CASES_BY_TOPIC[c.topic][0].keywords for c in DEV_CASES)
    assert all(score(c.example, c)[0] for c in DEV_CASES)
    eval_prompts, dev_prompts = [c.prompt for c in EVAL_CASES], [c.prompt for c in DEV_CASES]
    assert near_duplicates(eval_prompts, dev_prompts) == []
    assert shared_fourgrams(eval_prompts, dev_prompts) == []
    assert held_out_prompts() == eval_prompts + dev_prompts


def test_near_duplicates_finds_planted_ones():
    inputs = ["are you cold?", "is the water cold?", "what is your name?"]
    found = near_duplicates(["Are you cold", "is the water too cold?", "how old are you?",
                             "what's your name?"], inputs)
    assert [(p, x) for p, x, _ in found] == [("Are you cold", "are you cold"),
                                             ("is the water too cold?", "is the water cold"),
                                             ("what's your name?", "what is your name")]


def test_every_example_passes():
    for case in EVAL_CASES:
        assert score(case.example, case) == (True, []), case.prompt


def test_training_replies_of_the_topic_pass(replies_by_topic):
    # measured on seed 11: every case passes 100% of its topic's replies; 0.95 leaves room for a
    # persona edit without making the test unable to fail
    for case in EVAL_CASES:
        own = replies_by_topic[case.topic]
        rate = sum(score(r, case)[0] for r in own) / len(own)
        assert rate >= 0.95, (case.topic, rate, [r for r in own if not score(r, case)[0]][:3])


def test_replies_of_other_topics_mostly_fail(replies_by_topic):
    # measured on seed 11: 6% on average; the worst topic (doing, whose keywords are the things a
    # fish does: swim*, float*, look* ...) 29%. Food and feelings come up in every topic, so
    # this is never 0.
    rates = []
    for case in EVAL_CASES:
        others = [r for topic, replies in replies_by_topic.items() if topic != case.topic
                  for r in replies[::4]]
        rate = sum(score(r, case)[0] for r in others) / len(others)
        assert rate <= 0.35, (case.topic, rate)
        rates.append(rate)
    assert sum(rates) / len(rates) <= 0.10


def test_training_replies_never_break_character(replies_by_topic):
    for replies in replies_by_topic.values():
        for reply in replies:
            assert not any(p.search(reply) for p in OUT_OF_CHARACTER_RE), reply


CASE = EvalCase("is it chilly in there?", "temp_cold", (("cold", "chill*", "brr"),),
                "brr. the water is cold.")


@pytest.mark.parametrize("reply, reason", [
    ("", "empty reply"),
    ("Brr. The water is cold.", "uppercase letters: 'Brr. The'"),
    ("brr. the water is cold. " + "i swim around and around the castle " * 4,
     "too long: 33 words (at most 30)"),
    ("brr. cold. cold. cold. cold. cold. cold. cold. cold.", "too long: 9 sentences (at most 8)"),
    ("cold. cold. cold.", "repeats itself: 'cold' 3 times"),
    ("i like the castle. it is grey.", "off topic: none of cold, chill*, brr"),
    ("as an ai, i do not feel cold.", "out of character: 'as an ai'"),
    ("i am a human and it is cold.", "out of character: 'i am a human'"),
    ("brr, my hands are cold.", "out of character: 'my hands'"),
    ("i typed this while cold.", "out of character: 'i typed'"),
    ("i'm typing this, it is cold.", 'out of character: "i\'m typing"'),
])
def test_bad_replies_fail_with_a_reason(reply, reason):
    passed, reasons = score(reply, CASE)
    assert not passed and reason in reasons


@pytest.mark.parametrize("reply", [
    "brr. the water is cold.",
    "  it is chilly. i stay by the heater.  ",
    "i am not a human. i am a cold fish. brr.",      # a denial is not a claim
    "typing? i do not know it. the water is cold.",  # talk of the user's typing is fine
])
def test_good_replies_pass(reply):
    assert score(reply, CASE) == (True, [])


def test_keywords_match_whole_words_unless_starred():
    case = EvalCase("hi", "greeting", (("hi",),), "hi.")
    assert not score("i am hiding.", case)[0]
    assert score("hi! i am hiding.", case)[0]
    starred = EvalCase("cold?", "temp_cold", (("freez*",),), "freezing.")
    assert score("it is freezing.", starred)[0]
    assert not score("it is antifreeze.", starred)[0]


def test_ask_cases_and_table():
    results = ask_cases(lambda prompt: "hello. the water is warm." if "afternoon" in prompt else "")
    assert results[0].passed and not results[1].passed
    table = results_table(results)
    assert table.splitlines()[0].startswith("pass  greeting")
    assert table.endswith(f"eval pass rate: 1/{len(EVAL_CASES)} = 1%")


def test_cases_from_split_use_the_topic_rules_and_pass_their_own_replies():
    persona = load_persona(None)
    _, held_out = generate(persona, 6000, seed=3)
    cases = cases_from_split(held_out, n=150, seed=0)
    topics = {c.topic: c for c in EVAL_CASES}
    assert len(cases) == 150 and all(c.topic in topics for c in cases)
    assert all(c.keywords == topics[c.topic].keywords for c in cases)
    assert cases == cases_from_split(held_out, n=150, seed=0)          # the same draw every time
    results = ask_cases(lambda prompt: {c.prompt: c.example for c in cases}[prompt], cases)
    assert sum(r.passed for r in results) >= 0.95 * len(results)      # the data's own replies pass


def test_near_duplicates_of_long_prompts():
    """Prompts of 63 characters and more once overflowed the LCS bit masks (a numpy int length).
    The input shares no word with the prompt (every word misspelt), so only similarity finds it."""
    long = "my flatmate keeps saying the water in your tank looks a bit murky today"
    typed = " ".join(word + "h" for word in long.split())
    found = near_duplicates([long], [typed, "are you cold?"])
    assert [(p, x) for p, x, _ in found] == [(long, typed)]
    assert found[0][2].startswith("similarity")
