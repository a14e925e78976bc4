"""The user's side of a sample: what someone types to the character, built from the persona's grammar.

A message is made in steps, each from the persona's data (persona.py: Intent, Topic, ChatStyle):
  1. the point (user_point): one of the topic's plain `inputs`, or a frame of one of its intents
     (each of these choices equally likely), every {slot} filled: "is it {hot} in there?" ->
     "is it roasting in there?";
  2. sometimes a sentence of context before it, the topic's or a generic one:
     "the heating is on full blast. is it roasting in there?";
  3. sometimes an opener (the persona's prefixes), a name before the final ? or ! (vocatives)
     and a closer after it: "hey guppy, is it roasting in there, little buddy? lol";
  4. chat spelling, each at its own rate: shorthands ("you" -> "u", "please" -> "pls"),
     apostrophes left out ("it's" -> "its"), one stretched word ("hi" -> "hiii"), the final
     punctuation left off or doubled ("??", "?!"), a trailing emoji.
Steps 2 to 4 (as_typed) keep each change only while the message has at most ChatStyle.max_chars
characters and `fits(message)` says the whole sample still fits.

    >>> templates, rng, bound = Templates(load_persona(None)), random.Random(4), {}
    >>> point = user_point(templates, "temp_hot", bound, rng)
    >>> point
    'are you roasting in there?'
    >>> as_typed(point, templates, "temp_hot", bound, rng, fits=lambda text: True)
    'guppy, the heating is on full blast. are you roasting in there?'
"""

from __future__ import annotations

import random
import re
from typing import Callable

from data.persona import Persona, Topic, parse_template, pool_of, topic_pools

ENDS = ("?", "!", ".")
DOUBLED = {"?": ("??", "?!", "???"), "!": ("!!", "!!!"), ".": ("...",)}
SHORTHAND_SHARE = 0.75        # in a message with shorthands, the share of the words swapped
VOWELS = "aeiouy"


def fill(parts: list[str], pools: dict[str, tuple[str, ...]], bound: dict[str, str],
         rng: random.Random) -> str:
    """Join a parsed template, drawing a word for each slot not yet in `bound` (and recording it).

    Example: parts = ['i like ', 'food', ' and ', 'food2', '.'], bound = {} -> 'i like peas and
    flakes.' with bound = {'food': 'peas', 'food2': 'flakes'}; food2 never repeats food's word.
    """
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:           # literal text
            out.append(part)
            continue
        if part not in bound:    # a slot met for the first time in this sample
            pool = pool_of(part)
            taken = [word for slot, word in bound.items() if pool_of(slot) == pool]
            word = rng.choice(pools[pool])
            while word in taken:
                word = rng.choice(pools[pool])
            bound[part] = word
        out.append(bound[part])
    return "".join(out)


class TopicGrammar:
    """One topic's user side, parsed once per generation: the choices of step 1 and the contexts."""
    def __init__(self, persona: Persona, topic: Topic):
        self.pools = topic_pools(persona, topic)             # the persona's and the topic's own
        self.choices = []                                    # [[parsed frame, ...], ...]
        if topic.inputs:
            self.choices.append([parse_template(x) for x in topic.inputs])
        self.choices += [[parse_template(f) for f in intent.frames] for intent in topic.intents]
        self.contexts = [parse_template(x) for x in topic.contexts]


def split_end(text: str) -> tuple[str, str]:
    """('is it hot', '?') for 'is it hot?'; ('hi', '') when the text has no final punctuation."""
    body = text.rstrip("?!.")
    return body, text[len(body):]


def user_point(templates, topic: str, bound: dict[str, str], rng: random.Random) -> str:
    """Step 1: one of the topic's plain inputs or intents (equally likely), one of its frames,
    filled. `templates` is the persona parsed once (generate.Templates); `bound` holds the slots
    filled so far and receives the new ones, which the reply then shares."""
    grammar = templates.grammars[topic]
    return fill(rng.choice(rng.choice(grammar.choices)), grammar.pools, bound, rng)


def as_typed(text: str, templates, topic: str, bound: dict[str, str], rng: random.Random,
             fits: Callable[[str], bool]) -> str:
    """Steps 2 to 4: the point `text` with context, opener, name, closer and chat spelling, at
    the persona's rates. An extra is kept only while the message has at most max_chars characters
    and fits(message) holds. The draws happen in the same order whatever is kept."""
    persona, chat = templates.persona, templates.persona.chat
    grammar = templates.grammars[topic]
    pools = grammar.pools

    def keep(candidate: str) -> bool:
        return len(candidate) <= chat.max_chars and fits(candidate)

    # 2. a sentence of context first: the topic's own or a generic one, half and half
    generic = templates.contexts + (templates.question_contexts if text.endswith("?") else [])
    if rng.random() < chat.context_rate and (grammar.contexts or generic):
        own = grammar.contexts and (not generic or rng.random() < 0.5)
        context = fill(rng.choice(grammar.contexts if own else generic), pools, bound, rng)
        if keep(f"{context} {text}"):
            text = f"{context} {text}"
    # 3. opener, a name before the end, closer
    if templates.prefixes and rng.random() < persona.prefix_rate:
        prefix = fill(rng.choice(templates.prefixes), pools, bound, rng)
        # subtle: "hey guppy, hi guppy" reads badly, so no prefix when the name is already there
        if persona.name not in text and keep(prefix + text):
            text = prefix + text
    if chat.vocatives and rng.random() < chat.vocative_rate:
        vocative = rng.choice(chat.vocatives)
        body, end = split_end(text)
        # subtle: one way of calling the character per message ("hi fishy, little buddy" reads
        # badly), so none when the message already holds a name the vocatives use
        named = persona.name in text or any(v.strip(" ,") in text for v in chat.vocatives)
        if not named and keep(body + vocative + end):
            text = body + vocative + end
    if chat.closers and rng.random() < chat.closer_rate:
        closer = rng.choice(chat.closers)
        if keep(f"{text} {closer}"):
            text = f"{text} {closer}"
    # 4. chat spelling (kept only if the message still fits: a stretched word is longer)
    plain = text
    if chat.shorthands and rng.random() < chat.shorthand_rate:
        text = swap_shorthands(text, chat.shorthands, rng)
    if rng.random() < chat.no_apostrophe_rate:
        text = text.replace("'", "")
    if chat.stretch and rng.random() < chat.stretch_rate:
        text = stretch_one(text, chat.stretch, rng)
    ending = rng.random()
    body, end = split_end(text)
    if end and ending < chat.no_end_rate:
        text = body
    elif end and ending < chat.no_end_rate + chat.double_end_rate:
        text = body + rng.choice(DOUBLED[end[-1]])
    if text != plain and not keep(text):
        text = plain
    if chat.emoji and rng.random() < chat.emoji_rate:
        emoji = rng.choice(chat.emoji)
        if keep(f"{text} {emoji}"):
            text = f"{text} {emoji}"
    return text


def swap_shorthands(text: str, shorthands: dict[str, tuple[str, ...]], rng: random.Random) -> str:
    """Each word or phrase with a chat spelling swapped for one, SHORTHAND_SHARE of the time.
    Example: shorthands {"you": ("u",), "please": ("pls",)}: "can you help, please?" ->
    "can u help, pls?" (or with one of them kept)."""
    # longest keys first, so "you're" is tried before "you"; never half a word ("you'll")
    keys = sorted(shorthands, key=lambda k: (-len(k), k))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b(?!')")

    def swap(match: re.Match) -> str:
        if rng.random() < SHORTHAND_SHARE:
            return rng.choice(shorthands[match.group()])
        return match.group()
    return pattern.sub(swap, text)


def stretch_one(text: str, words: tuple[str, ...], rng: random.Random) -> str:
    """One of `words` found in the text with its last vowel (or y) said 3 to 5 times:
    "hi guppy" -> "hiii guppy", "please" -> "pleaseee", "cold" -> "cooold". Unchanged if none."""
    found = [m for m in re.finditer(r"[a-z']+", text) if m.group() in words]
    if not found:
        return text
    m = rng.choice(found)
    word = m.group()
    i = max(word.rfind(v) for v in VOWELS)
    stretched = word[:i] + word[i] * rng.randint(3, 5) + word[i + 1:]
    return text[:m.start()] + stretched + text[m.end():]
