"""Tests of the user's side of the data (data/grammar.py, the persona's intents and ChatStyle) and of
the rules that keep the eval cases unseen (data/eval_cases.py: HeldOut, near_duplicates).

A small persona with every grammar feature is used where a test needs exact behaviour; the real
Guppy persona where a count or a rule must hold on the 60K data (tests/test_data.py has those).
"""

import dataclasses
import json
import random
import re
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings, strategies as st

from data.check import CheckLimits, check_splits
from data.eval_cases import (COMMON_WORDS, EVAL_CASES, HeldOut, _char_masks, held_out_prompts,
                             lcs_length, near_duplicates, shared_fourgrams, specific_fourgrams,
                             words_only)
from data.generate import Templates, generate, make_sample
from data.grammar import split_end, stretch_one, swap_shorthands
from data.persona import (ChatStyle, Intent, More, Persona, PersonaError, Topic, load_persona,
                          persona_from_json, persona_to_json, widen)

GUPPY = load_persona(None)

CAT = Persona(
    name="tom",
    pools={"toy": ("ball", "string", "mouse", "box")},
    topics=(
        Topic("play", inputs=("want to play?",),
              intents=(Intent("offer", ("want the {toy}?", "i have a {toy} for you")),
                       Intent("ask", ("do you like the {toy}?", "is the {toy} {fun}?"))),
              words={"fun": ("fun", "great", "the best")},
              contexts=("i found a toy.",),
              replies=("yes! the {toy}!", "i pounce on the {toy}.")),
        Topic("nap", inputs=("are you sleepy?",),
              intents=(Intent("nap_time", ("nap time?", "time for a nap")),),
              replies=("i nap on the rug.", "yes. wake me for food.")),
    ),
    prefixes=("hey tom, ", "so "),
    chat=ChatStyle(contexts=("i'm home.",), question_contexts=("quick question.",),
                   closers=("lol",), vocatives=(", kitty", ", tom"),
                   shorthands={"you": ("u",), "want to": ("wanna",)},
                   stretch=("hey", "nap"), emoji=("🐱",)),
)
ALL_ON = dict(context_rate=1.0, closer_rate=1.0, vocative_rate=1.0, no_apostrophe_rate=1.0,
              shorthand_rate=1.0, stretch_rate=1.0, emoji_rate=1.0, max_chars=200)


def with_chat(persona, **changes):
    return dataclasses.replace(persona, chat=dataclasses.replace(persona.chat, **changes))


def messages(persona, topic, n=300, seed=0):
    templates, rng = Templates(persona), random.Random(seed)
    return [make_sample(templates, topic, rng) for _ in range(n)]


# ---- the point: inputs and intents, slots shared with the reply ----

def test_without_chat_style_a_message_is_a_filled_input_or_frame():
    plain = dataclasses.replace(CAT, prefixes=())
    frames = {"want to play?", "want the {toy}?", "i have a {toy} for you",
              "do you like the {toy}?", "is the {toy} {fun}?"}
    seen = set()
    for user, reply in messages(plain, "play"):
        matched = [f for f in frames
                   if any(user == f.format(toy=t, fun=u) for t in CAT.pools["toy"]
                          for u in CAT.topics[0].words["fun"])]
        assert matched, user
        seen.update(matched)
        for toy in CAT.pools["toy"]:     # one toy per sample: the reply names the user's toy
            if f"the {toy}" in user and "{toy}" in "".join(CAT.topics[0].replies):
                assert reply in (f"yes! the {toy}!", f"i pounce on the {toy}.")
    assert seen == frames                # every frame of every intent (and the input) is used


def test_inputs_and_each_intent_are_equally_likely():
    # play: inputs (1 phrasing) + 2 intents -> about a third each
    users = [u for u, _ in messages(dataclasses.replace(CAT, prefixes=()), "play", n=3000)]
    share = sum(u == "want to play?" for u in users) / len(users)
    assert 0.28 < share < 0.39


# ---- steps 2 to 4: context, opener, name, closer, chat spelling ----

def test_every_extra_at_rate_one():
    cat = with_chat(CAT, **ALL_ON)
    for user, _ in messages(cat, "nap", n=200):
        assert user.endswith(" 🐱"), user
        assert "lol" in user
        assert user.startswith(("i'm home.", "im home.", "quick question.", "hey tom", "so "))
        assert "'" not in user                                  # no apostrophes at all


def test_question_contexts_come_only_before_questions():
    cat = with_chat(dataclasses.replace(CAT, prefixes=()), context_rate=1.0)
    for user, _ in messages(cat, "nap", n=300):
        if user.startswith("quick question."):
            assert user.endswith("?"), user
    assert any(u.startswith("quick question. nap time") for u, _ in messages(cat, "nap", n=300))


def test_one_name_per_message():
    cat = with_chat(CAT, vocative_rate=1.0)
    for user, _ in messages(dataclasses.replace(cat, prefix_rate=1.0), "play"):
        assert not ("tom" in user and "kitty" in user) and user.count("tom") <= 1, user
    users = [u for u, _ in messages(cat, "play")]
    assert any(u.endswith(", kitty?") or u.endswith(", tom?") for u in users)


def test_max_chars_bounds_every_extra():
    short = with_chat(CAT, **{**ALL_ON, "max_chars": 1})
    frames = {"are you sleepy?", "nap time?", "time for a nap"}
    for user, _ in messages(dataclasses.replace(short, prefix_rate=1.0), "nap"):
        assert user in frames                 # nothing could be added within 1 character


def test_guppy_rates_are_what_the_docs_say():
    users = [s["input"] for s in generate(GUPPY, 6000, seed=5)[0]]
    emoji = sum(any(ord(c) > 0x2000 for c in u) for u in users) / len(users)
    assert 0.06 < emoji < 0.12                                # emoji_rate 0.1, some don't fit
    no_end = sum(u[-1] not in "?!." for u in users) / len(users)
    assert 0.3 < no_end < 0.75                                # many statements have none anyway
    assert all(u == u.lower() for u in users)


def test_swap_shorthands_whole_words_only():
    table = {"you": ("u",), "you're": ("ur",), "please": ("pls",), "i don't know": ("idk",)}
    rng = random.Random(0)
    out = {swap_shorthands("you're sure you'll come, you? i don't know, please", table, rng)
           for _ in range(200)}
    assert "ur sure you'll come, u? idk, pls" in out
    assert not any(re.search(r"\bu'll|youu|ur're", x) for x in out)


def test_stretch_one():
    rng = random.Random(1)
    assert stretch_one("nothing to stretch", ("hi",), rng) == "nothing to stretch"
    for _ in range(20):
        out = stretch_one("hi guppy, please", ("hi", "please"), rng)
        assert out in {f"h{'i' * k} guppy, please" for k in (3, 4, 5)} | \
                      {f"hi guppy, pleas{'e' * k}" for k in (3, 4, 5)}, out
    assert stretch_one("so cold", ("cold",), random.Random(0)) in ("so cooold", "so coooold",
                                                                  "so cooooold")


def test_split_end():
    assert split_end("is it hot?!") == ("is it hot", "?!")
    assert split_end("hi") == ("hi", "")


# ---- validation and JSON ----

@pytest.mark.parametrize("change, message", [
    (lambda p: dataclasses.replace(p, topics=(dataclasses.replace(
        p.topics[0], words={"toy": ("sock",)}),) + p.topics[1:]), "'toy' is also a persona pool"),
    (lambda p: dataclasses.replace(p, topics=(dataclasses.replace(
        p.topics[0], intents=(Intent("offer", ()),)),) + p.topics[1:]), "intent 'offer' has no frames"),
    (lambda p: dataclasses.replace(p, topics=(dataclasses.replace(
        p.topics[0], intents=(Intent("Offer!", ("hi",)),)),) + p.topics[1:]), "an intent needs a name"),
    (lambda p: dataclasses.replace(p, topics=(dataclasses.replace(
        p.topics[0], intents=(Intent("offer", ("want the {toys}?",)),)),) + p.topics[1:]),
     "intent 'offer' frame 'want the {toys}?': {toys} names no pool"),
    (lambda p: dataclasses.replace(p, topics=(dataclasses.replace(
        p.topics[0], contexts=("I found it.",)),) + p.topics[1:]), "uppercase"),
    (lambda p: with_chat(p, emoji_rate=1.5), "chat emoji_rate is 1.5"),
    (lambda p: with_chat(p, stretch=("zzz",)), "one lowercase word with a vowel"),
    (lambda p: with_chat(p, shorthands={"You": ("u",)}), "chat shorthands"),
    (lambda p: with_chat(p, max_chars=0), "max_chars is 0"),
])
def test_bad_grammar_is_a_clear_error(change, message):
    with pytest.raises(PersonaError, match=re.escape(message)):
        load_persona(change(CAT))


def test_widen_adds_frames_intents_words_and_contexts():
    more = More(frames={"ask": ("is the {toy} {fun} today?",)},
                intents=(Intent("new_toy", ("i got you a {toy} {gift}",)),),
                words={"fun": ("cool",), "gift": ("today", "as a treat")}, contexts=("look.",))
    play = widen(CAT, {"play": more}).topics[0]
    assert [(i.name, i.frames) for i in play.intents] == [
        ("offer", ("want the {toy}?", "i have a {toy} for you")),
        ("ask", ("do you like the {toy}?", "is the {toy} {fun}?", "is the {toy} {fun} today?")),
        ("new_toy", ("i got you a {toy} {gift}",))]
    assert play.words == {"fun": ("fun", "great", "the best", "cool"), "gift": ("today", "as a treat")}
    assert play.contexts == ("i found a toy.", "look.")
    assert widen(CAT, {"play": more}).topics[1] == CAT.topics[1]      # other topics as they were
    assert CAT.topics[0].intents[1].frames == ("do you like the {toy}?", "is the {toy} {fun}?")
    with pytest.raises(PersonaError, match="no topic named 'bath'"):
        widen(CAT, {"bath": More()})
    with pytest.raises(PersonaError, match="no intent 'chase'.*add it as a new intent"):
        widen(CAT, {"play": More(frames={"chase": ("chase it?",)})})


def test_json_round_trip_keeps_the_grammar(tmp_path):
    for persona in (CAT, GUPPY):
        obj = json.loads(json.dumps(persona_to_json(persona)))
        assert persona_from_json(obj) == persona
    obj = persona_to_json(CAT)
    obj["chat"]["typo_rate"] = 0.1
    with pytest.raises(PersonaError, match="chat has unknown fields"):
        persona_from_json(obj)


# ---- the eval cases stay unseen ----

def reference_near_duplicates(prompts, inputs, max_ratio=0.8, max_jaccard=0.6):
    """The rule as first written (data/eval_cases.py before issue 12): a plain double loop."""
    found = []
    unique_inputs = sorted({words_only(x) for x in inputs})
    for prompt in prompts:
        p = words_only(prompt)
        p_words = set(p.split())
        for x in unique_inputs:
            x_words = set(x.split())
            if x == p:
                found.append((prompt, x, "same text"))
                continue
            jaccard = len(p_words & x_words) / len(p_words | x_words)
            if jaccard > max_jaccard:
                found.append((prompt, x, f"word overlap {jaccard:.2f}"))
                continue
            ratio = SequenceMatcher(None, x, p).ratio()
            if ratio > max_ratio:
                found.append((prompt, x, f"similarity {ratio:.2f}"))
    return found


def test_near_duplicates_is_the_first_rule_exactly():
    # the fast version (bounds, then difflib) against the plain loop, on real inputs made without
    # the rule (so that some are near a case) and on lowered thresholds (so that many are)
    train, _ = generate(GUPPY, 3000, seed=2, held_out=[])
    inputs = [s["input"] for s in train][:600] + ["are you cold", "Did you forget me?"]
    prompts = held_out_prompts()[::4] + ["are you cold?"]
    for ratio, jaccard in ((0.8, 0.6), (0.6, 0.4)):
        fast = near_duplicates(prompts, inputs, ratio, jaccard)
        assert sorted(fast) == sorted(reference_near_duplicates(prompts, inputs, ratio, jaccard))
    assert len(near_duplicates(prompts, inputs, 0.6, 0.4)) > 10


def test_specific_fourgrams():
    assert specific_fourgrams("do you want to see the fish") == {("to", "see", "the", "fish")}
    assert specific_fourgrams("what do you think about it") == set()       # all common
    assert specific_fourgrams("What's THE tank like?") == {("whats", "the", "tank", "like")}
    assert {"do", "you", "want", "to", "whats"} <= COMMON_WORDS


def test_held_out_example_and_reasons():
    rules = HeldOut(["is your tank getting too toasty?"])
    assert rules.why("why is your tank getting so dirty?") == (
        "is your tank getting too toasty?", "shares 'is your tank getting'")
    assert rules.why("is your tank getting hot?") == ("is your tank getting too toasty?",
                                                      "similarity 0.84")
    assert rules.why("is your tank hot?") is None
    assert rules.why("IS your tank getting too toasty") == ("is your tank getting too toasty?",
                                                            "same text")
    assert rules.why("what do you want to do") is None


def test_the_check_catches_an_input_near_an_eval_case():
    train, evals = generate(GUPPY, 6000, seed=1)
    splits = {"train.jsonl": [dict(s) for s in train], "eval.jsonl": [dict(s) for s in evals]}
    assert check_splits(splits).ok
    case = EVAL_CASES[5]                               # "is your tank getting too toasty?"
    splits["train.jsonl"][0]["input"] = case.prompt.rstrip("?")       # same words: also shares
    splits["train.jsonl"][1]["input"] = "why is your tank getting so dirty?"
    report = check_splits(splits)
    assert not report.ok
    assert any(p.startswith(f"eval case {case.prompt!r}") and "near duplicate, same text" in p
               for p in report.problems)
    assert any("specific 4-gram, shares 'is your tank getting'" in p for p in report.problems)
    rows = {what: value for what, value, _, _ in report.rows}
    assert (rows["inputs near an eval or dev case"], rows["inputs sharing a 4-gram with one"]) == ("1", "2")
    assert check_splits(splits, held_out=[]).ok        # the rule can be given other prompts


def test_the_generator_draws_again_near_a_held_out_prompt():
    cat = with_chat(dataclasses.replace(CAT, prefix_rate=0.5), context_rate=0.5, closer_rate=0.5,
                    emoji_rate=0.5)
    stats = {}
    train, evals = generate(cat, 80, seed=0, held_out=["do you like the ball?"], stats=stats)
    inputs = [s["input"] for s in train + evals]
    assert stats["redrawn_near_held_out"] > 0
    assert not any(HeldOut(["do you like the ball?"]).matches(x) for x in inputs)
    unfiltered = generate(cat, 80, seed=0, held_out=[])
    assert any("do you like the ball" in s["input"] for s in unfiltered[0] + unfiltered[1])
    assert shared_fourgrams(["do you like the ball?"], inputs) == []


@settings(max_examples=200, deadline=None)
@given(st.text("abc ", max_size=14), st.text("abc ", min_size=1, max_size=14))
def test_lcs_length_bounds_difflib_and_matches_dynamic_programming(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if ca == cb else max(table[i][j + 1], table[i + 1][j])
    lcs = lcs_length(a, _char_masks(b), len(b))
    assert lcs == table[len(a)][len(b)]
    matcher = SequenceMatcher(None, a, b)
    assert sum(block.size for block in matcher.get_matching_blocks()) <= lcs


def test_check_limits_for_the_user_side():
    limits = CheckLimits()
    assert limits.inputs_needed(811) == 300 and limits.inputs_needed(81) == 41
