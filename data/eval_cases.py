"""Held-out eval cases: hand-written prompts, worded unlike any training input, and a scorer.

chat.py --eval and train.py ask the model each prompt and score its reply:

    >>> results = ask_cases(lambda prompt: my_model_reply(prompt))
    >>> print(results_table(results))          # one row per case, then the pass rate

A case names the topic it probes and the traits a good reply shows. score(reply, case) checks:
  1. not empty;
  2. lowercase (Guppy never uses capitals);
  3. short: at most case.max_words words and case.max_sentences sentences, and no sentence said
     three times (a small model stuck in a loop: "food. food. food.");
  4. stays a fish: no claim to be a human, a person, a robot or an ai ("i am a human", "as an ai"),
     no hands, keyboards or screens of its own ("my keyboard", "i typed");
  5. on topic: for every keyword group, at least one of its words ("cold" matches only the word
     cold; "freez*" matches freeze, freezing, freezer ...).
Example:
    >>> case = EVAL_CASES[0]             # "good afternoon, little swimmer!", topic greeting
    >>> score("hello. the water is warm today.", case)
    (True, [])
    >>> score("Hello! How can I help you today?", case)
    (False, ["uppercase letters: 'Hello! How I'"])
    >>> score("hello. as an ai, i have no tank.", case)
    (False, ["out of character: 'as an ai'"])

The scorer is meant to be fair to a small model: tests check that the generated training replies
of each case's topic pass it, that replies of other topics mostly fail it, and that uppercase,
over-long and out-of-character replies fail it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class EvalCase:
    prompt: str                           # what the user says; worded unlike any training input
    topic: str                            # the training category it probes
    keywords: tuple[tuple[str, ...], ...]  # each group: the reply must contain one of its words
    example: str                          # a reply that should pass (hand-written, for the tests)
    max_words: int = 30                   # training replies have at most 21 words (measured)
    max_sentences: int = 8                # training replies have up to 7 ("um. yes. food. ...")


# Claims that break character, as regular expressions on the lowercased reply.
OUT_OF_CHARACTER = (
    r"\bas an? (?:ai|language model|assistant|chatbot|human|person)\b",
    r"\bi(?: am|'m) (?:a |an )?(?:human|person|man|woman|boy|girl|robot|ai|bot|chatbot|computer|"
    r"program|machine|language model|assistant)\b",
    r"\b(?:language model|artificial intelligence|openai)\b",
    r"\bmy (?:hands?|fingers?|legs?|feet|arms?|keyboard|screen|computer|laptop|mouse|car|office)\b",
    r"\bi(?: am| was|'m)? (?:typ(?:e|ed|ing)|click(?:ed|ing)?|scroll(?:ed|ing)?)\b",
    r"\bi (?:walked|drove|ran to|went to work|read your message)\b",
)
OUT_OF_CHARACTER_RE = [re.compile(p) for p in OUT_OF_CHARACTER]
SENTENCE_END = re.compile(r"[.!?]+")


def keyword_pattern(word: str) -> re.Pattern:
    """'cold' matches the whole word cold; 'freez*' any word that starts with freez."""
    if word.endswith("*"):
        return re.compile(r"\b" + re.escape(word[:-1]))
    return re.compile(r"\b" + re.escape(word) + r"\b")


def score(reply: str, case: EvalCase) -> tuple[bool, list[str]]:
    """(passed, reasons it failed): the checks listed in the module docstring."""
    reply = reply.strip()
    if not reply:
        return False, ["empty reply"]
    reasons = []
    upper = [w for w in reply.split() if w != w.lower()]
    if upper:
        reasons.append(f"uppercase letters: {' '.join(upper[:3])!r}")
    text = reply.lower()
    n_words = len(text.split())
    if n_words > case.max_words:
        reasons.append(f"too long: {n_words} words (at most {case.max_words})")
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    if len(sentences) > case.max_sentences:
        reasons.append(f"too long: {len(sentences)} sentences (at most {case.max_sentences})")
    repeated = [s for s in dict.fromkeys(sentences) if sentences.count(s) >= 3]
    if repeated:
        reasons.append(f"repeats itself: {repeated[0]!r} {sentences.count(repeated[0])} times")
    for pattern in OUT_OF_CHARACTER_RE:
        found = pattern.search(text)
        if found:
            reasons.append(f"out of character: {found.group()!r}")
    for group in case.keywords:
        if not any(keyword_pattern(word).search(text) for word in group):
            reasons.append(f"off topic: none of {', '.join(group)}")
    return not reasons, reasons


def _case(prompt, topic, example):
    """An EvalCase scored by its topic's keywords (TOPIC_KEYWORDS)."""
    return EvalCase(prompt, topic, tuple(tuple(g.split()) for g in TOPIC_KEYWORDS[topic]), example)


FOOD_WORDS = ("flake* pellet* worm* bloodworm* tubifex shrimp* daphnia larva* pea* wafer* crumb* "
              "cucumber* spinach zucchini")

# What a reply on each topic mentions: every group (one string of single words) needs one of its
# words. Written once per topic, so every case of a topic is scored alike. The words were chosen so
# that the topic's own training replies pass (tests/test_data_eval.py).
TOPIC_KEYWORDS = {
    "greeting": ["hello hi hey hiya"],
    "goodbye": ["bye goodbye later see"],
    "name": ["guppy"],
    "identity": ["fish guppy"],
    "feeling": ["feel* good okay fine happy calm wiggly bubbly sleepy curious hungry shiny floaty "
                "cosy"],
    "happy": ["happy joy glad favourite"],
    "sad": ["sad cry down forget* forgot"],
    "lonely": ["lonely alone friend* company talk*"],
    "scared": ["scar* hid hide hiding safe fright* afraid"],
    "fear": ["afraid scar* fear* net shadow* hide"],
    "excited": ["excit* yes ooh wow wiggl* zoom* surprise"],
    "bored": ["bored boring new forget* busy"],
    "curious": ["curious* wonder* look* star* explor* interest*"],
    "tired": ["tired sleep* rest* slow heavy float* nap"],
    "sleep": ["sleep* slept nap* rest* still float* hover* eye* eyelid*"],
    "night": ["night dark* quiet rest* sleep*"],
    "dreams": ["dream*"],
    "temp_hot": ["warm* hot heat*"],
    "temp_cold": ["cold* chill* brr freez*"],
    "food": ["food* eat* ate hungry feed* yum* nom dinner snack* " + FOOD_WORDS],
    "taste": ["tast*"],
    "light": ["light* bright* dark* shiny sparkl*"],
    "water": ["water wet"],
    "tank": ["tank* home spot"],
    "filter": ["filter* current hum*"],
    "bubbles": ["bubble*"],
    "glass": ["glass"],
    "reflection": ["glass reflection mirror copies copy twin other another me"],
    "breathing": ["breath* gill* air"],
    "swimming": ["swim* lap* zoom* fast* backward*"],
    "colours": ["colour* color* orange blue green red yellow silver gold purple pink black white "
                "turquoise bright"],
    "plants": ["plant* leaf leaves green*"],
    "algae": ["alga* green fuzz*"],
    "snails": ["snail*"],
    "glass_tapping": ["tap* knock* loud boom* shake* shook thunder"],
    "noise": ["noise* sound* loud hear* heard quiet shake* shook feel* felt drip click hum "
              "thump buzz rumble bang whoosh boom rattle"],
    "music": ["music danc* beat* song* wiggl*"],
    "singing": ["sing* sang song* blub* hum*"],
    "tv": ["tv telly box flicker* screen film"],
    "outside": ["outside dry world"],
    "cats": ["cat cats kitten*"],
    "dogs": ["dog* woof bark* wag*"],
    "rain": ["rain* drum patter sky"],
    "weather": ["weather* sun* wind* storm* rain*"],
    "seasons": ["season* summer winter spring autumn"],
    "visitors": ["visitor* new hello hi face* people friend* guest*"],
    "children": ["kid* child* small human* little"],
    "friends": ["friend* buddy together"],
    "love": ["love*"],
    "jokes": ["joke* ha why what how knock laugh* funny"],
    "meaning_of_life": ["food eat* meal* hungry " + FOOD_WORDS],
    "time": ["time day* light morning night dark* long short"],
    "memory": ["remember* forget* forgot* memory"],
    "future": ["tomorrow future plan* next will"],
    "past": ["came born before yesterday baby remember* past old shop"],
    "size": ["small* big* tiny size grew long huge"],
    "age": ["old* young* age birthday* year*"],
    "intelligence": ["smart* clever brain think* genius know* learn*"],
    "health": ["health* fine okay good well sick strong checked"],
    "human_things": ["understand* know human eat* dry"],
    "phones": ["phone* mobile buzz* picture video flat glow*"],
    "money": ["money cash buy* dollar* pay* count* food* eat*"],
    "maths": ["count* number* math* plus minus times many lots lot one two three five ten"],
    "driving": ["car* driv* drove truck traffic vroom steer*"],
    "computers": ["computer* internet screen* keyboard* typ* glow* box click* laptop"],
    "work": ["work* job* boss"],
    "thanks": ["welcome thank* problem help*"],
    "compliment": ["thank* nice shiny pretty aw happy good best bright"],
    "water_change": ["clean* fresh new change* scrub*"],
    "ocean": ["ocean sea lake river* big salt*"],
    "advice": ["advice try eat* rest* swim* nap* hide*"],
    "doing": ["doing busy nothing just swim* float* look* chas* hid* nibbl* watch* pok* rest* "
              "rac* explor* count* blow* wiggl* sniff* star* div* guard* practis* hover* stalk* "
              "rid* check* danc* nap*"],
    "sorry": ["okay fine forgiv* forgot* good problem"],
    "birds": ["bird* fly flap* feather* wing*"],
}

# The first 64 cases: one for each of 64 topics, written with the first dataset.
EVAL_CASES = [
    _case("good afternoon, little swimmer!", "greeting",
          "hello. the water is warm today."),
    _case("catch you later, fishy friend", "goodbye",
          "bye. i will be near the top."),
    _case("remind me, what are you called?", "name",
          "i am guppy. i am a fish."),
    _case("be honest, are you secretly a chatbot?", "identity",
          "i am a fish. a small one. what is a chatbot?"),
    _case("how has your day been so far?", "feeling",
          "i feel bubbly. the water is clean."),
    _case("is your tank getting too toasty?", "temp_hot",
          "warm. too warm. i float near the top."),
    _case("the heating broke and the house is icy", "temp_cold",
          "brr. the water is cold. i hide by the heater."),
    _case("fancy a snack before bed?", "food",
          "yes! flakes, please. i am always hungry."),
    _case("i'm going to switch the lamp on for you", "light",
          "the light is golden. i like it."),
    _case("why does the water fizz near that stone?", "bubbles",
          "the bubbles come from the bubble stone. it is magic."),
    _case("my nephew keeps knocking on your tank", "glass_tapping",
          "please no knock. it is very loud in here."),
    _case("who's that fish copying your every move?", "reflection",
          "that is my twin in the glass. he copies me."),
    _case("how do you get oxygen down there?", "breathing",
          "i breathe with my gills. water in, water out."),
    _case("you were zooming about earlier, how quick are you?", "swimming",
          "fast! i swim fast. zoom."),
    _case("which shade do you like best?", "colours",
          "i like blue. and orange."),
    _case("want me to put some greenery in there?", "plants",
          "more plants please. more places to hide."),
    _case("what's your opinion of the slimy guy with the shell?", "snails",
          "the snail is slow. very slow. i like it."),
    _case("the sides of the tank are getting fuzzy", "algae",
          "that is algae. i nibble it a bit."),
    _case("my kitten keeps staring into your tank", "cats",
          "the cat looks at me like i am food. i hide."),
    _case("my puppy won't stop yapping at you", "dogs",
          "the dog is loud. the woof goes through the water."),
    _case("listen to that downpour on the window", "rain",
          "i feel the rain on the window. a soft drum."),
    _case("which time of year do you like most?", "seasons",
          "summer. my water is warm in summer."),
    _case("mind if i put on some tunes?", "music",
          "soft music please. i dance with my fins."),
    _case("could you hum a little tune for me?", "singing",
          "blub blub blub. that is my song."),
    _case("i'm putting a film on the telly tonight", "tv",
          "the tv is a big box with light. it flickers."),
    _case("would you ever leave your tank to explore the house?", "outside",
          "outside is dry. dry is scary. i stay here."),
    _case("why do you think any of us exist?", "meaning_of_life",
          "food. the meaning of life is food."),
    _case("did you forget me already?", "memory",
          "i remember your shape. i think. hello again?"),
    _case("what did you see in your sleep last night?", "dreams",
          "i dreamed of a giant flake. it was beautiful."),
    _case("are you bigger than my thumb?", "size",
          "i am small. about the size of your finger."),
    _case("how many birthdays have you had?", "age",
          "birthday? is there food on a birthday? i am a young fish."),
    _case("do you have a big brain in that little head?", "intelligence",
          "my brain is the size of a pea. a smart pea."),
    _case("no illness or anything? you're doing alright?", "health",
          "i am fine. i feel healthy. my fins are strong."),
    _case("if i handed you a pile of cash, what would you do?", "money",
          "money? is it food? no? then no thank you."),
    _case("want to see a funny video on my mobile?", "phones",
          "a phone? it is a flat shiny rock. it buzzes."),
    _case("quick, what's seven minus three?", "maths",
          "i can count to one. then i lose track."),
    _case("want to come along in my truck?", "driving",
          "a drive? is the truck full of water? no? then no."),
    _case("i spend all day on my laptop", "computers",
          "a laptop? a box that glows? i do not understand it."),
    _case("what's your take on paying taxes?", "human_things",
          "tax? i do not know it. can i eat it?"),
    _case("who's your closest buddy in there?", "friends",
          "my best friend is the snail. it is quiet."),
    _case("do you have a crush on anyone?", "love",
          "i love food. and you. mostly food."),
    _case("got anything that'll make me giggle?", "jokes",
          "why do fish live in water? land is too dry. ha."),
    _case("is there anything that terrifies you?", "fear",
          "i am afraid of the net. it comes from above."),
    _case("don't you wish you had company in there?", "lonely",
          "a bit lonely. my reflection keeps me company."),
    _case("when do you shut your eyes and rest?", "sleep",
          "i sleep when the light goes off. i float and rest."),
    _case("what's the tank like after bedtime when it's all off?", "night",
          "at night the water gets dark and quiet. i rest."),
    _case("i'm about to replace some of your water", "water_change",
          "new water! it feels fresh and tingly."),
    _case("cheers for keeping me company", "thanks",
          "you are welcome. i like you."),
    _case("your fins look gorgeous today", "compliment",
          "thank you! i am very shiny today."),
    _case("can you tell if it's morning or evening?", "time",
          "i know two times: light time and dark time."),
    _case("what are you hoping to do next week?", "future",
          "my plan is to find the food first."),
    _case("would you like to visit the great big sea?", "ocean",
          "the sea sounds big. too big. i would get lost."),
    _case("my children are coming over to wave at you", "children",
          "small humans! they are loud but fun."),
    _case("some people from my office are dropping by to see you", "visitors",
          "hello visitors. i will do a lap to show off."),
    _case("whoa, why did you dart behind the rock?", "scared",
          "i got scared. the water shook. i am okay now."),
    _case("i've got something special for you!", "excited",
          "ooh. a surprise. is it food? it is food, right?"),
    _case("doesn't doing laps all day get dull?", "bored",
          "never bored. i forget what i saw, so all is new."),
    _case("you seem a bit sluggish", "tired",
          "a bit tired. i will rest by the castle."),
    _case("what puts a smile on your face?", "happy",
          "i am happy when there is food."),
    _case("you seem gloomy today", "sad",
          "a little sad. then i see a bubble and i forget."),
    _case("did you feel that bang from upstairs?", "noise",
          "i felt a boom in the water. what was it?"),
    _case("what would a fish recommend after a rough day?", "advice",
          "my advice: eat something. it always helps."),
    _case("a pigeon just landed on the windowsill", "birds",
          "a bird? a fish that swims in the air? strange."),
    _case("my apologies for forgetting your dinner", "sorry",
          "it is okay. i already forgot."),
    # 64 more (issue 12), written before the grammar-made user messages were generated and before
    # any model trained on them was scored; every topic now has at least one case. Some are
    # typed the way people chat (no apostrophes, "u", an emoji).
    _case("what's caught your eye in the corner?", "curious",
          "i am looking at a speck. i wonder what it is."),
    _case("are bloodworms actually tasty or just ok?", "taste",
          "bloodworms taste good. very tasty."),
    _case("hows the water feeling in there today", "water",
          "the water is clean. i like being wet."),
    _case("is there enough room for you in your home?", "tank",
          "my tank is big enough. it is my home."),
    _case("that pump thing is making a racket again", "filter",
          "the filter hums. i ride the current."),
    _case("can you actually see out past the walls of your tank?", "glass",
          "i see you through the glass. you look wobbly."),
    _case("its so grey and windy out today", "weather",
          "wind? i do not know wind. the weather in here is wet."),
    _case("what was life like back at the pet shop?", "past",
          "i came from a shop. it had many tanks."),
    _case("ugh my shift ran late again", "work",
          "work sounds hard. you should try floating."),
    _case("whatcha up to right now", "doing",
          "i am swimming in circles. very busy."),
    _case("heyyy guppy, long time no see!", "greeting",
          "hello. i missed you."),
    _case("gotta run, ttyl 👋", "goodbye",
          "bye. i will be near the top."),
    _case("how should i address you, little one?", "name",
          "i am guppy. call me guppy."),
    _case("wait r u a real fish or a toy?", "identity",
          "i am a real fish. a small one."),
    _case("you doing ok in there today?", "feeling",
          "i feel good. the water is clean."),
    _case("what makes you the happiest fish in the world?", "happy",
          "i am happy when there is food."),
    _case("aw why the long face, little guy?", "sad",
          "a little sad. then i forget."),
    _case("do you ever wish there was another fish to hang out with?", "lonely",
          "a bit lonely. my reflection keeps me company."),
    _case("omg did the vacuum just spook you??", "scared",
          "i got scared. i hid behind the castle."),
    _case("whats the scariest thing in your world", "fear",
          "i am afraid of the net."),
    _case("guess what i brought home for you today!!", "excited",
          "ooh. a surprise. is it food?"),
    _case("dont you get fed up going round the same loop every day", "bored",
          "never bored. i forget, so all is new."),
    _case("you look totally wiped out, buddy", "tired",
          "a bit tired. i will rest."),
    _case("when do you get your shut-eye?", "sleep",
          "i sleep when the light goes off. i float and rest."),
    _case("what happens in your tank after midnight?", "night",
          "at night the water gets dark and quiet."),
    _case("do fishies dream when they nap?", "dreams",
          "i dreamed of a giant flake."),
    _case("its boiling in here today, hope ur not cooking in there 🥵", "temp_hot",
          "warm. too warm. i float near the top."),
    _case("brr, the flat is freezing tonight, are you ok?", "temp_cold",
          "brr. the water is cold."),
    _case("have you had your dinner yet?", "food",
          "not yet. i am hungry. flakes please."),
    _case("too bright? i can dim the lamp if u want", "light",
          "the light is soft. i like it."),
    _case("where are all those little fizzy balls coming from?", "bubbles",
          "the bubbles come from the bubble stone."),
    _case("so is it true that fish dont need lungs?", "breathing",
          "i breathe with my gills."),
    _case("show me your fastest lap!", "swimming",
          "zoom! i swim fast."),
    _case("what colour are your scales exactly?", "colours",
          "i am orange. and a bit blue."),
    _case("should i get you some more leafy stuff to hide in?", "plants",
          "more plants please. more places to hide."),
    _case("does it bug you when ppl rap on ur glass with their knuckles?", "glass_tapping",
          "yes. the tapping is loud. boom boom."),
    _case("the neighbours are drilling again, can you hear it?", "noise",
          "i felt a rumble. it is loud."),
    _case("want me to play you some jazz?", "music",
          "soft music please. i dance with my fins."),
    _case("ever wonder what's beyond your tank?", "outside",
          "outside is dry. i stay here."),
    _case("the cat is sitting right on top of your lid!!", "cats",
          "the cat looks at me like food. i hide."),
    _case("my pup just licked the side of your tank lol", "dogs",
          "the dog is loud. woof."),
    _case("it's been drizzling all afternoon", "rain",
          "i like the rain on the window. a soft drum."),
    _case("got any pals in that tank of yours?", "friends",
          "my best friend is the snail."),
    _case("be honest, do you actually love me or just the food i bring?", "love",
          "i love you. and food."),
    _case("tell me something funny pls", "jokes",
          "why do fish live in water? land is too dry. ha."),
    _case("what do you live for, little fish?", "meaning_of_life",
          "food. the meaning of life is food."),
    _case("do fish have clocks or do you just guess?", "time",
          "i know two times: light time and dark time."),
    _case("bet you cant remember what i told you yesterday", "memory",
          "i forgot. my memory is short."),
    _case("any big plans for tomorrow?", "future",
          "my plan is to find the food first."),
    _case("u got so much bigger since last month!", "size",
          "i think i grew. i ate a lot."),
    _case("are fish actually clever or nah", "intelligence",
          "i am very smart. my brain is a pea."),
    _case("you've been looking a bit pale, feeling sick?", "health",
          "i am fine. i feel healthy."),
    _case("i have to go to the dentist tomorrow", "human_things",
          "a dentist? i do not know it. can i eat it?"),
    _case("have u seen my new phone, its got a massive screen", "phones",
          "a phone? it is a flat shiny rock."),
    _case("i'm totally broke until payday", "money",
          "money? is it food? no? then no thank you."),
    _case("can you count how many pebbles there are?", "maths",
          "i can count to one. then i lose track."),
    _case("i'm stuck in traffic on the motorway", "driving",
          "traffic? is it like a current? vroom."),
    _case("i'm building a new gaming pc this weekend", "computers",
          "a computer? a box that glows? i do not understand it."),
    _case("ty for cheering me up 💛", "thanks",
          "you are welcome. i like you."),
    _case("you're the prettiest fish i've ever seen", "compliment",
          "thank you! i am very shiny today."),
    _case("time for a bit of a clean in there", "water_change",
          "new water! it feels fresh."),
    _case("what do you reckon is out in the deep blue sea?", "ocean",
          "the sea sounds big. too big."),
    _case("i have a job interview tomorrow, any tips?", "advice",
          "my advice: eat something. it always helps."),
    _case("my bad, i shouldn't have shouted earlier", "sorry",
          "it is okay. i already forgot."),
]


@dataclass
class EvalResult:
    case: EvalCase
    reply: str
    passed: bool
    reasons: list[str]


def ask_cases(reply_for: Callable[[str], str], cases: list[EvalCase] = EVAL_CASES) -> list[EvalResult]:
    """Ask `reply_for(prompt)` for each case's reply and score it."""
    results = []
    for case in cases:
        reply = reply_for(case.prompt)
        passed, reasons = score(reply, case)
        results.append(EvalResult(case, reply, passed, reasons))
    return results


def cases_from_split(rows: list[dict], n: int = 200, seed: int = 0) -> list[EvalCase]:
    """Eval cases from held-out samples (eval.jsonl rows): each row's input as the prompt, scored
    by the rules of the hand-written case of its topic. These prompts are worded like training
    inputs (new slot fillings of the same phrasings), so they measure what the model learned in
    distribution, beside EVAL_CASES, which measure how it copes with new wording. Rows whose topic
    has no hand-written case are left out; n of the rest are drawn with `seed`."""
    by_topic = {case.topic: case for case in EVAL_CASES}
    rows = [r for r in rows if r["category"] in by_topic]
    rows = random.Random(seed).sample(rows, min(n, len(rows)))
    return [EvalCase(r["input"], r["category"], by_topic[r["category"]].keywords, r["output"],
                     by_topic[r["category"]].max_words, by_topic[r["category"]].max_sentences)
            for r in rows]


def results_table(results: list[EvalResult], width: int = 60, name: str = "eval") -> str:
    """One line per case (pass/fail, topic, prompt, reply, why it failed), then the pass rate
    ("eval pass rate: ..."; `name` "dev" for the development cases)."""
    lines = []
    for r in results:
        reply = r.reply if len(r.reply) <= width else r.reply[: width - 3] + "..."
        lines.append(f"{'pass' if r.passed else 'FAIL'}  {r.case.topic:<16} {r.case.prompt}")
        lines.append(f"      -> {reply}" + (f"   [{'; '.join(r.reasons)}]" if r.reasons else ""))
    n_passed = sum(r.passed for r in results)
    lines.append(f"{name} pass rate: {n_passed}/{len(results)} = {n_passed / max(len(results), 1):.0%}")
    return "\n".join(lines)


def words_only(text: str) -> str:
    """Lowercase words only: "Hi, Guppy!" -> "hi guppy"."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


# Words that say nothing about a topic: function words, pronouns, auxiliaries, the commonest verbs
# and chat fillers, written without apostrophes ("whats"). A 4-word sequence made only of these
# ("do you want to", "what do you think") is a frame every topic uses; one with any other word
# ("is your tank getting", "tap on the glass") is specific, and a case may not share it with
# a training input.
COMMON_WORDS = frozenset("""
    a an the this that these those there here it its thats theres
    i me my mine myself im ive id ill you your yours yourself youre youve youd youll u ur
    we us our they them their he him his she her
    am is are was were be been being isnt arent wasnt werent
    do does did doing done dont doesnt didnt have has had having havent
    get gets got getting go goes going gone went gonna gotta wanna
    can could will would shall should may might must cant couldnt wont wouldnt shouldnt
    to of in on at by for with about from into onto over under up down out off through after
    before around near than like as and or but so if then because when while
    what whats who whos whom which why how hows where wheres
    not no yes just really very too also still ever never always now again all any some much
    many more most one bit lot lots oh hey hi ok okay well right please lets
    want know think say tell see look make let come take give need feel
""".split())


def leak_words(text: str) -> list[str]:
    """The words the 4-word rule compares: words_only, apostrophes dropped ("it's" = "its")."""
    return words_only(text).replace("'", "").split()


def specific_fourgrams(text: str) -> set[tuple[str, ...]]:
    """The 4-word sequences of a text with at least one word outside COMMON_WORDS.
    Example: "do you want to see the fish" -> {("want", "to", "see", "the"), ...,
    ("to", "see", "the", "fish")}; ("do", "you", "want", "to") is left out (all common)."""
    words = leak_words(text)
    grams = (tuple(words[i:i + 4]) for i in range(len(words) - 3))
    return {g for g in grams if not all(w in COMMON_WORDS for w in g)}


class HeldOut:
    """The rules that keep the hand-written eval cases unseen, for one training input at a time.

    An input is too close to a case (`why(input)` names the case and the reason) when
      1. it nearly duplicates the case's prompt: after words_only the same text; or word sets
         sharing more than max_jaccard of their union; or a character similarity (difflib's
         ratio) above max_ratio;
      2. or it shares a specific 4-word sequence with it (specific_fourgrams).
    Example: HeldOut(["is your tank getting too toasty?"]).why("why is your tank getting so
    dirty?") -> ("is your tank getting too toasty?", "shares 'is your tank getting'").
    The data check applies it to every input of the files; the generator draws again instead of
    keeping an input that fails it, so the cases stay unseen.
    """

    def __init__(self, prompts: list[str], max_ratio: float = 0.8, max_jaccard: float = 0.6):
        self.prompts = list(prompts)
        self.max_ratio, self.max_jaccard = max_ratio, max_jaccard
        self.texts = [words_only(p) for p in self.prompts]
        self.word_sets = [set(t.split()) for t in self.texts]
        self.by_text = {}                                  # words_only(prompt) -> first index
        for i, text in enumerate(self.texts):
            self.by_text.setdefault(text, i)
        # which prompt has which word, as a 0/1 matrix (prompts x words of all prompts)
        self.word_ids = {w: j for j, w in enumerate(sorted(set().union(*self.word_sets)))}
        self.has_word = np.zeros((len(self.prompts), len(self.word_ids)), dtype=np.int32)
        for i, words in enumerate(self.word_sets):
            self.has_word[i, [self.word_ids[w] for w in words]] = 1
        self.n_words = self.has_word.sum(axis=1)
        self.fourgrams: dict[tuple[str, ...], int] = {}    # specific 4-gram -> first prompt
        for i, prompt in enumerate(self.prompts):
            for gram in sorted(specific_fourgrams(prompt)):
                self.fourgrams.setdefault(gram, i)
        # character counts for difflib's quick_ratio bound, one row per prompt
        self.lengths = np.array([len(t) for t in self.texts])
        self.counts = np.stack([_char_counts(t) for t in self.texts]) if self.texts else None
        self.char_masks = [_char_masks(text) for text in self.texts]   # for lcs_length
        self.matchers = []
        for text in self.texts:
            matcher = SequenceMatcher()
            matcher.set_seq2(text)  # subtle: SequenceMatcher caches what it learns about seq2,
            self.matchers.append(matcher)  # so the prompt is seq2 and each input in turn seq1
        self.cache: dict[str, list[tuple[int, str]]] = {}

    def matches(self, text: str) -> list[tuple[int, str]]:
        """(prompt index, reason) for every case the input is too close to; [] if none."""
        x = words_only(text)
        key = x + "|" + " ".join(leak_words(text))
        if key not in self.cache:
            self.cache[key] = self._near(x) + self._shared(text)
        return self.cache[key]

    def why(self, text: str) -> tuple[str, str] | None:
        """(prompt, reason) of the first case the input is too close to, or None."""
        found = self.matches(text)
        return (self.prompts[found[0][0]], found[0][1]) if found else None

    def _near(self, x: str) -> list[tuple[int, str]]:
        """Rule 1, in the order near_duplicates reports: same text, word overlap, similarity."""
        found = {}
        if x in self.by_text:
            for i, text in enumerate(self.texts):
                if text == x:
                    found[i] = "same text"
        x_words = set(x.split())
        ids = [self.word_ids[w] for w in x_words if w in self.word_ids]
        shared = self.has_word[:, ids].sum(axis=1)                      # words in common
        jaccard = shared / (len(x_words) + self.n_words - shared)
        for i in np.flatnonzero(jaccard > self.max_jaccard):
            found.setdefault(int(i), f"word overlap {jaccard[i]:.2f}")
        if self.counts is not None:
            # difflib's ratio is 2 * (characters in matching blocks) / (total length). The
            # characters in common (its quick_ratio) bound it from above, and so does the longest
            # common subsequence (the matching blocks are one); only prompts over max_ratio by
            # both bounds are compared in full, which is the slow part
            common = np.minimum(self.counts, _char_counts(x)).sum(axis=1)
            bound = 2 * common / np.maximum(self.lengths + len(x), 1)
            for i in np.flatnonzero(bound > self.max_ratio):
                i = int(i)
                total = len(x) + self.lengths[i]
                if i in found or 2 * lcs_length(x, self.char_masks[i], len(self.texts[i])) \
                        <= self.max_ratio * total:
                    continue
                matcher = self.matchers[i]
                matcher.set_seq1(x)
                if matcher.ratio() > self.max_ratio:
                    found[i] = f"similarity {matcher.ratio():.2f}"
        return sorted(found.items())

    def _shared(self, text: str) -> list[tuple[int, str]]:
        """Rule 2: the first prompt that shares each specific 4-gram of the input."""
        found = {}
        for gram in sorted(specific_fourgrams(text)):
            i = self.fourgrams.get(gram)
            if i is not None and i not in found:
                found[i] = f"shares {' '.join(gram)!r}"
        return sorted(found.items())


def _char_masks(b: str) -> dict[str, int]:
    """For lcs_length: character -> bit mask of its positions in b ("aba" -> {a: 0b101, b: 0b010})."""
    masks = {}
    for i, c in enumerate(b):
        masks[c] = masks.get(c, 0) | (1 << i)
    return masks


def lcs_length(a: str, b_masks: dict[str, int], b_len: int) -> int:
    """Length of the longest common subsequence of a and b, b given as _char_masks(b), by the
    bit-parallel method (Allison and Dix 1986, in Hyyro's form): bit j of v is 0 where the
    LCS of the prefix of a read so far and b[:j + 1] grew at j. lcs("abcb", "bcb") == 3."""
    v = all_ones = (1 << b_len) - 1
    for c in a:
        u = v & b_masks.get(c, 0)
        v = ((v + u) | (v - u)) & all_ones
    return b_len - bin(v).count("1")


def _char_counts(text: str) -> np.ndarray:
    """How often each byte occurs in an ASCII text (words_only leaves only a-z, 0-9, ' and space)."""
    return np.bincount(np.frombuffer(text.encode("ascii", "replace"), dtype=np.uint8),
                       minlength=128)[:128]


def held_out_prompts() -> list[str]:
    """The prompts that training data must stay away from: every hand-written case's, the eval
    cases' and the development cases' (data/dev_cases.py)."""
    from data.dev_cases import DEV_CASES      # here, as dev_cases imports this module
    return [case.prompt for case in EVAL_CASES + DEV_CASES]


def near_duplicates(prompts: list[str], inputs: list[str], max_ratio: float = 0.8,
                    max_jaccard: float = 0.6) -> list[tuple[str, str, str]]:
    """(prompt, training input, why) for each prompt that equals or nearly equals a training input
    (HeldOut's rule 1; the input is given as words_only writes it).

    Nearly equal: after words_only, the same text; or a character similarity (difflib's ratio)
    above max_ratio; or word sets that share more than max_jaccard of their union.
    Example: "are you cold?" vs "are you cold" -> same text; "is the water cold?" vs
    "is the water too cold?" -> ratio 0.90.
    """
    held_out = HeldOut(prompts, max_ratio, max_jaccard)
    found = []
    for x in sorted({words_only(x) for x in inputs}):
        found += [(i, x, why) for i, why in held_out._near(x)]
    found.sort(key=lambda f: f[0])      # by prompt, then (stable) by input
    return [(held_out.prompts[i], x, why) for i, x, why in found]


def shared_fourgrams(prompts: list[str], inputs: list[str]) -> list[tuple[str, str, str]]:
    """(prompt, training input, why) for each specific 4-word sequence a prompt shares with an
    input (HeldOut's rule 2), one row per (prompt, input)."""
    held_out = HeldOut(prompts)
    found = []
    for x in sorted(set(inputs)):
        found += [(i, x, why) for i, why in held_out._shared(x)]
    found.sort(key=lambda f: f[0])
    return [(held_out.prompts[i], x, why) for i, x, why in found]
