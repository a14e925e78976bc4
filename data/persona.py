"""What a persona is: word pools and topics (user phrasings and reply templates), as plain data.

The generator (generate.py) knows nothing about fish; everything Guppy says lives in guppy.py as a
`Persona`. To re-skin the model, write another `Persona` and pass it with `--persona`:

    python -m data --persona my_persona.py      # a file that defines PERSONA = Persona(...)
    python -m data --persona my_pkg.my_persona  # an importable module that defines PERSONA
    python -m data --persona my_persona.json    # the same fields as JSON (see persona_to_json)
    python -m data export-persona guppy.json    # the built-in Guppy as JSON, a place to start

Templates are lowercase text with slots in braces. A slot names a word pool, optionally followed by
a digit to ask for a second, different word from the same pool. Within one sample, a slot has the
same value everywhere it appears, in the user's message and in the reply:

    >>> parse_template("do you like {food}? i like {food} and {food2}.")
    ['do you like ', 'food', '? i like ', 'food', ' and ', 'food2', '.']

(even positions are literal text, odd positions are slot names). Filled with food = "flakes" and
food2 = "peas", that reads "do you like flakes? i like flakes and peas.".

What users say is a small grammar, also data (docs/persona.md shows how to write one). A topic's
intents are the things a user may mean ("the water is too hot"), each with sentence frames that
say it ("is it {hot} in there?", "why is the tank so {hot}?"); the topic's own word pools hold the
synonyms ("hot": "boiling", "roasting", "too warm"); its contexts are sentences that may come
first ("the heating is on full blast."). The persona's ChatStyle says how people type: closers
("lol"), a name at the end (", little buddy"), generic context ("i just got home."), and chat
spelling (no apostrophes, "u" for "you", "hiii", a trailing emoji), each at its own rate.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

# A slot: a pool name (lowercase letters and underscores) and an optional number, in braces.
# One capturing group, so SLOT.split(text) alternates literal text and slot names.
SLOT = re.compile(r"\{([a-z_]+[0-9]*)\}")


class PersonaError(ValueError):
    """A persona that cannot be loaded or used; the message names the problem and the fix."""


@dataclass(frozen=True)
class Intent:
    """One thing a user may mean within a topic, and the sentence frames that say it."""
    name: str                   # what the user means, e.g. "too_hot" (named in errors and docs)
    frames: tuple[str, ...]     # ways to say it: "is it {hot} in there?", "why is it so {hot}?"


@dataclass(frozen=True)
class Topic:
    """One category of the dataset: what a user says about it and how the character answers."""
    name: str                   # the "category" written with every sample, e.g. "temp_hot"
    inputs: tuple[str, ...]     # user phrasings; may use {slots}
    replies: tuple[str, ...]    # reply templates, one to two short sentences; may use {slots}
    intents: tuple[Intent, ...] = ()   # the grammar: what users mean, each with its frames; a
                                       # sample picks `inputs` or one intent, all equally likely
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # this topic's own pools
                                       # (synonyms), used like the persona's: {hot} in a frame
    contexts: tuple[str, ...] = ()     # sentences that may come before the user's point, e.g.
                                       # "the heating is on full blast."; may use {slots}


@dataclass(frozen=True)
class ChatStyle:
    """How people type to the character. Each rate is the chance that one message gets it."""
    contexts: tuple[str, ...] = ()     # generic sentences before the point: "i just got home."
    question_contexts: tuple[str, ...] = ()  # the same, before a question only: "quick question."
    closers: tuple[str, ...] = ()      # after the message: "lol", "haha"
    vocatives: tuple[str, ...] = ()    # before its final ? or !: ", little buddy" (starts with ,)
    shorthands: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "you" -> ("u",);
                                       # keys are lowercase words or phrases ("want to")
    stretch: tuple[str, ...] = ()      # words whose last vowel may be stretched: "hi" -> "hiii"
    emoji: tuple[str, ...] = ()        # one may end the message: "hi 🙂"
    context_rate: float = 0.0          # a sentence of context first (topic's or generic, 50/50)
    closer_rate: float = 0.0
    vocative_rate: float = 0.0
    no_apostrophe_rate: float = 0.0    # "i'm" -> "im", "what's" -> "whats"
    shorthand_rate: float = 0.0        # then each shorthand word is swapped (3 in 4 of them)
    stretch_rate: float = 0.0
    emoji_rate: float = 0.0
    no_end_rate: float = 0.0           # the final ".", "?" or "!" left off
    double_end_rate: float = 0.0       # "?" -> "??" or "?!", "!" -> "!!"
    max_chars: int = 90                # extras are added only while the message stays this short

    RATES = ("context_rate", "closer_rate", "vocative_rate", "no_apostrophe_rate",
             "shorthand_rate", "stretch_rate", "emoji_rate", "no_end_rate", "double_end_rate")


@dataclass(frozen=True)
class Persona:
    """A character, as data. All text is lowercase; templates may use the slots named in `pools`."""
    name: str                              # e.g. "guppy"; no prefix is added to an input that
                                           # already says the name ("hey guppy, hi guppy")
    pools: dict[str, tuple[str, ...]]      # slot name -> the words it can take
    topics: tuple[Topic, ...]              # one per category
    prefixes: tuple[str, ...] = ()         # ways a user may open a message, e.g. "hey guppy, "
    openers: tuple[str, ...] = ()          # a short first word of a reply, e.g. "hmm."
    tails: tuple[str, ...] = ()            # a short closing sentence, e.g. "is it food time?"
    prefix_rate: float = 0.0               # chance that a sample's input gets a prefix
    opener_rate: float = 0.0               # chance that a reply gets an opener
    tail_rate: float = 0.0                 # chance that a reply gets a tail
    chat: ChatStyle = ChatStyle()          # how users type (the default: plain, no extras)


def parse_template(text: str) -> list[str]:
    """Split a template into literal text (even positions) and slot names (odd positions)."""
    return SLOT.split(text)


def pool_of(slot: str) -> str:
    """The pool a slot draws from: 'food2' -> 'food', 'food' -> 'food'."""
    return slot.rstrip("0123456789")


@dataclass(frozen=True)
class More:
    """What a wider grammar adds to one topic (see widen): the user's side only."""
    frames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # intent name -> more frames
    intents: tuple[Intent, ...] = ()   # new intents, after the topic's own
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # pool -> more words (a new
                                       # pool if the topic has none of that name)
    contexts: tuple[str, ...] = ()     # more sentences that may come first


def widen(persona: Persona, more: dict[str, More]) -> Persona:
    """The persona with a wider user side: each named topic gets its More added to what it has.

    A wider grammar teaches more ways of saying each thing, but a model needs more steps to learn
    them (README, The dataset: at the CPU preset's 2,800 steps the narrower grammar scored better,
    at twice the steps the wider one far better), so both can live side by side:
        PERSONA = widen(GUPPY, {"temp_hot": More(frames={"too_hot": ("is it sweltering?",)})})
    """
    by_name = {topic.name: topic for topic in persona.topics}
    unknown = sorted(set(more) - set(by_name))
    if unknown:
        raise PersonaError(f"widen: no topic named {unknown[0]!r} in persona {persona.name!r}")
    topics = []
    for topic in persona.topics:
        add = more.get(topic.name, More())
        missing = sorted(set(add.frames) - {intent.name for intent in topic.intents})
        if missing:
            raise PersonaError(f"widen: topic {topic.name!r} has no intent {missing[0]!r} to add "
                               "frames to; add it as a new intent instead")
        intents = tuple(Intent(i.name, i.frames + add.frames.get(i.name, ())) for i in topic.intents)
        words = {pool: topic.words.get(pool, ()) + add.words.get(pool, ())
                 for pool in {**topic.words, **add.words}}
        topics.append(replace(topic, intents=intents + add.intents, words=words,
                              contexts=topic.contexts + add.contexts))
    return replace(persona, topics=tuple(topics))


def validate_persona(persona: Persona) -> None:
    """Raise PersonaError naming the first problem: unknown slots, stray braces, uppercase, ..."""
    if not isinstance(persona, Persona):
        raise PersonaError(f"expected a data.persona.Persona, got {type(persona).__name__}")
    if not persona.topics:
        raise PersonaError(f"persona {persona.name!r} has no topics; add at least one Topic")
    for pool, words in persona.pools.items():
        if not re.fullmatch(r"[a-z_]+", pool):
            raise PersonaError(f"pool name {pool!r}: use lowercase letters and underscores only")
        if not words:
            raise PersonaError(f"pool {pool!r} is empty; give it at least one word")
        for word in words:
            _check_text(word, f"pool {pool!r}")
            if "{" in word or "}" in word:
                raise PersonaError(f"pool {pool!r}: {word!r} has a brace; pools hold plain words")
    for rate_name in ("prefix_rate", "opener_rate", "tail_rate"):
        rate = getattr(persona, rate_name)
        if not 0.0 <= rate <= 1.0:
            raise PersonaError(f"{rate_name} is {rate}; it is a probability, between 0 and 1")
    for where, texts in (("prefixes", persona.prefixes), ("openers", persona.openers),
                         ("tails", persona.tails)):
        for text in texts:
            _check_template(text, where, persona.pools)
    _check_chat_style(persona.chat)
    for text in persona.chat.contexts + persona.chat.question_contexts:
        _check_template(text, "chat context", persona.pools)
    seen = set()
    for topic in persona.topics:
        if not re.fullmatch(r"[a-z0-9_]+", topic.name):
            raise PersonaError(f"topic name {topic.name!r}: use lowercase letters, digits and _")
        if topic.name in seen:
            raise PersonaError(f"two topics are named {topic.name!r}; topic names must be unique")
        seen.add(topic.name)
        where = f"topic {topic.name!r}"
        if not (topic.inputs or topic.intents) or not topic.replies:
            raise PersonaError(f"{where} needs at least one input (or intent) and one reply")
        _check_pools(topic.words, f"{where} words")
        for pool in topic.words:
            if pool in persona.pools:
                raise PersonaError(f"{where} words: {pool!r} is also a persona pool; "
                                   "give the topic's pool another name")
        pools = topic_pools(persona, topic)
        for text in topic.inputs:
            _check_template(text, f"{where} input", pools)
        for intent in topic.intents:
            if not isinstance(intent, Intent) or not re.fullmatch(r"[a-z0-9_]+", intent.name):
                raise PersonaError(f"{where}: an intent needs a name of lowercase letters, digits "
                                   f"and _, got {intent!r}")
            if not intent.frames:
                raise PersonaError(f"{where} intent {intent.name!r} has no frames; give it one")
            for text in intent.frames:
                _check_template(text, f"{where} intent {intent.name!r} frame", pools)
        for text in topic.contexts:
            _check_template(text, f"{where} context", pools)
        for text in topic.replies:
            _check_template(text, f"{where} reply", pools)


def topic_pools(persona: Persona, topic: Topic) -> dict[str, tuple[str, ...]]:
    """The pools a topic's templates may use: the persona's and the topic's own words."""
    return {**persona.pools, **topic.words}


def _check_pools(pools: dict[str, tuple[str, ...]], where: str) -> None:
    for pool, words in pools.items():
        if not re.fullmatch(r"[a-z_]+", pool):
            raise PersonaError(f"{where}: pool name {pool!r}: use lowercase letters and "
                               "underscores only")
        if not words:
            raise PersonaError(f"{where}: pool {pool!r} is empty; give it at least one word")
        for word in words:
            _check_text(word, f"{where}: pool {pool!r}")
            if "{" in word or "}" in word:
                raise PersonaError(f"{where}: pool {pool!r}: {word!r} has a brace; pools hold "
                                   "plain words")


def _check_chat_style(chat: ChatStyle) -> None:
    if not isinstance(chat, ChatStyle):
        raise PersonaError(f"chat must be a data.persona.ChatStyle, got {type(chat).__name__}")
    for rate_name in ChatStyle.RATES:
        rate = getattr(chat, rate_name)
        if not 0.0 <= rate <= 1.0:
            raise PersonaError(f"chat {rate_name} is {rate}; it is a probability, between 0 and 1")
    if chat.max_chars < 1:
        raise PersonaError(f"chat max_chars is {chat.max_chars}; give a positive length")
    for where, texts in (("closers", chat.closers), ("vocatives", chat.vocatives),
                         ("emoji", chat.emoji)):
        for text in texts:
            _check_text(text, f"chat {where}")
            if "{" in text or "}" in text:
                raise PersonaError(f"chat {where}: {text!r} has a brace; slots are not filled here")
    for word in chat.stretch:
        if not re.fullmatch(r"[a-z']*[aeiouy][a-z']*", word):
            raise PersonaError(f"chat stretch: {word!r} must be one lowercase word with a vowel")
    for key, spellings in chat.shorthands.items():
        if not re.fullmatch(r"[a-z']+(?: [a-z']+)*", key) or not spellings:
            raise PersonaError(f"chat shorthands: {key!r} -> {spellings!r}; keys are lowercase "
                               "words or phrases, each with at least one spelling")
        for spelling in spellings:
            _check_text(spelling, f"chat shorthands {key!r}")


def _check_text(text: str, where: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise PersonaError(f"{where}: {text!r} is empty or not a string")
    if text != text.lower():
        raise PersonaError(f"{where}: {text!r} has uppercase letters; the character writes lowercase")


def _check_template(text: str, where: str, pools: dict[str, tuple[str, ...]]) -> None:
    _check_text(text, where)
    parts = parse_template(text)
    for literal in parts[0::2]:
        if "{" in literal or "}" in literal:
            raise PersonaError(f"{where} {text!r}: a brace that is not a slot; "
                               "slots look like {food} or {food2}")
    slots = parts[1::2]
    for slot in slots:
        if pool_of(slot) not in pools:
            raise PersonaError(f"{where} {text!r}: {{{slot}}} names no pool; "
                               f"the pools are {', '.join(sorted(pools))}")
    # {food}, {food2} and {food3} in one sample need three different words in the pool
    for pool in {pool_of(s) for s in slots}:
        wanted = len({s for s in slots if pool_of(s) == pool})
        if wanted > len(pools[pool]):
            raise PersonaError(f"{where} {text!r}: needs {wanted} different words from pool "
                               f"{pool!r}, which has only {len(pools[pool])}")


# ---- JSON form: the same fields, so a persona can be written without Python ----

def persona_to_json(persona: Persona) -> dict:
    """A Persona as a JSON-ready dict (lists for tuples); persona_from_json reads it back."""
    return {
        "name": persona.name,
        "pools": {pool: list(words) for pool, words in persona.pools.items()},
        "topics": [{"name": t.name, "inputs": list(t.inputs), "replies": list(t.replies),
                    "intents": [{"name": i.name, "frames": list(i.frames)} for i in t.intents],
                    "words": {pool: list(words) for pool, words in t.words.items()},
                    "contexts": list(t.contexts)}
                   for t in persona.topics],
        "prefixes": list(persona.prefixes), "openers": list(persona.openers),
        "tails": list(persona.tails), "prefix_rate": persona.prefix_rate,
        "opener_rate": persona.opener_rate, "tail_rate": persona.tail_rate,
        "chat": {f.name: _jsonable(getattr(persona.chat, f.name)) for f in fields(ChatStyle)},
    }


def _jsonable(value):
    """Tuples as lists, a dict of tuples as a dict of lists; other values as they are."""
    if isinstance(value, dict):
        return {key: list(words) for key, words in value.items()}
    return list(value) if isinstance(value, tuple) else value


def _chat_from_json(obj: dict, where: str) -> ChatStyle:
    known = {f.name: f for f in fields(ChatStyle)}
    unknown = sorted(set(obj) - set(known))
    if unknown:
        raise PersonaError(f"{where}: chat has unknown fields {unknown}; the fields are "
                           f"{', '.join(known)}")
    values = {}
    for name, value in obj.items():
        if name == "shorthands":
            values[name] = {key: tuple(spellings) for key, spellings in value.items()}
        elif isinstance(value, list):
            values[name] = tuple(value)
        else:
            values[name] = value
    return ChatStyle(**values)


def persona_from_json(obj: dict, where: str = "persona JSON") -> Persona:
    """A Persona from a dict with persona_to_json's fields (the optional ones may be left out)."""
    if not isinstance(obj, dict):
        raise PersonaError(f"{where}: expected a JSON object with 'name', 'pools' and 'topics'")
    for key in ("name", "pools", "topics"):
        if key not in obj:
            raise PersonaError(f"{where}: the field {key!r} is missing "
                               "(see `python -m data export-persona FILE` for an example)")
    try:
        topics = tuple(Topic(name=t["name"], inputs=tuple(t["inputs"]), replies=tuple(t["replies"]),
                             intents=tuple(Intent(i["name"], tuple(i["frames"]))
                                           for i in t.get("intents", ())),
                             words={pool: tuple(w) for pool, w in t.get("words", {}).items()},
                             contexts=tuple(t.get("contexts", ())))
                       for t in obj["topics"])
        chat = _chat_from_json(obj.get("chat", {}), where)
    except (KeyError, TypeError, AttributeError) as e:
        raise PersonaError(f"{where}: every topic needs 'name', 'inputs' and 'replies' (and each "
                           f"intent 'name' and 'frames'): {e!r}") from e
    return Persona(
        name=obj["name"],
        pools={pool: tuple(words) for pool, words in obj["pools"].items()},
        topics=topics,
        prefixes=tuple(obj.get("prefixes", ())), openers=tuple(obj.get("openers", ())),
        tails=tuple(obj.get("tails", ())), prefix_rate=float(obj.get("prefix_rate", 0.0)),
        opener_rate=float(obj.get("opener_rate", 0.0)), tail_rate=float(obj.get("tail_rate", 0.0)),
        chat=chat,
    )


def load_persona(spec: "str | Path | Persona | None" = None) -> Persona:
    """The persona named by `spec`, validated.

    None -> the built-in Guppy (data/guppy.py); a Persona -> itself; 'x.json' -> read as JSON;
    'x.py' -> the file's PERSONA; anything else -> an importable module's PERSONA, e.g. 'data.guppy'.
    """
    if spec is None:
        from data.guppy import PERSONA as persona
    elif isinstance(spec, Persona):
        persona = spec
    else:
        text = str(spec)
        if text.endswith(".json"):
            path = Path(text)
            if not path.is_file():
                raise PersonaError(f"persona file {text} does not exist")
            try:
                obj = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise PersonaError(f"persona file {text} is not valid JSON: {e}") from e
            persona = persona_from_json(obj, where=text)
        else:
            module = _import_persona_module(text)
            if not hasattr(module, "PERSONA"):
                raise PersonaError(f"{text} defines no PERSONA; add `PERSONA = Persona(...)` to it")
            persona = module.PERSONA
    validate_persona(persona)
    return persona


def _import_persona_module(text: str):
    if text.endswith(".py"):
        path = Path(text)
        if not path.is_file():
            raise PersonaError(f"persona file {text} does not exist")
        module_spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        return module
    try:
        return importlib.import_module(text)
    except ImportError as e:
        raise PersonaError(f"cannot import persona module {text!r} ({e}); give a module name "
                           "like my_pkg.my_persona, a .py file or a .json file") from e
