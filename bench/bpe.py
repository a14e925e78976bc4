"""Benchmark of bpe/: train the 4096-token BPE on the 60K Guppy texts and encode all of them, next
to Hugging Face tokenizers (Rust) on the same texts in the same run.

    python bench/bpe.py                      # runs/data/{train,eval}.jsonl if they exist, else a stand-in
    python bench/bpe.py --data runs/data     # another folder holding train.jsonl and eval.jsonl
    python bench/bpe.py --standin            # the stand-in corpus even if the real data exists
    python bench/bpe.py --out bench/results/bpe-standin.md   # also write the report there

Targets (issue 3), on 2 CPU cores: training takes at most 1.0x Hugging Face's time (min_frequency 2,
vocab_size 4096); encoding all 60K texts takes at most 1.0 s. Ours and Hugging Face's alternate,
`--repeats` times each; the report gives medians and the ratio.

Encoding is timed from a freshly loaded tokenizer (nothing memoized yet), as train.py will use it:
load tokenizer.json, encode the whole dataset once. Hugging Face's encode_batch uses both cores.
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from bpe import Tokenizer  # noqa: E402
from data.chat_format import SPECIAL_TOKENS, format_sample  # noqa: E402

# ---------------------------------------------------------------------------- the stand-in corpus
# Until the data generator lands: short lowercase chat samples from templates and word pools, in
# the style of Guppy's dataset (about 27 tokens a sample). Only for timing; not the persona.
POOLS = {
    "food": "flakes pellets bloodworms shrimp algae crumbs peas daphnia larvae brine worms seeds mosquitoes cucumber "
            "spinach zucchini krill plankton snails insects lettuce carrots wafers granules tubifex microworms "
            "moina cyclops broccoli melon banana rice noodles bread cheese apple egg yolk oats mango".split(),
    "thing": "phone car money pizza moon music computer math school rain snow ocean cat dog bubbles plants rocks "
             "light sun television bicycle keyboard umbrella birthday homework calendar airplane guitar pencil "
             "mirror window castle filter heater pump gravel bridge treasure diver shell net lamp clock song "
             "internet website password email telescope microwave refrigerator sandwich jacket backpack wallet "
             "library museum hospital restaurant supermarket football basketball tennis chess painting poem "
             "newspaper magazine volcano mountain desert forest jungle island river waterfall rainbow thunder "
             "lightning tornado hurricane earthquake galaxy planet rocket satellite robot dinosaur dragon unicorn "
             "elephant giraffe penguin octopus turtle crocodile butterfly spider ladder hammer scissors candle "
             "blanket pillow sofa kitchen garden fence mailbox doorbell vacuum laundry elevator escalator tractor "
             "submarine helicopter motorcycle skateboard trampoline balloon kite fireworks holiday vacation "
             "wedding concert theater cinema camera battery charger headphones speaker printer tablet".split(),
    "adj": "warm cold cloudy clear bright dark calm bubbly still green murky shiny cozy quiet noisy blue gentle "
           "fresh strange sparkly wobbly tiny huge soft smooth slippery crunchy salty sweet bitter sour loud "
           "fuzzy sticky chilly toasty breezy foggy glittery golden silver purple orange yellow pink dusty "
           "muddy sandy rocky leafy wavy swirly twinkly peaceful spooky mysterious wonderful terrible lovely".split(),
    "feel": "happy hungry sleepy curious bored excited calm scared lonely grumpy silly proud confused wiggly "
            "playful tired cheerful shy brave nervous jealous grateful hopeful relaxed restless cranky dizzy "
            "giggly puzzled surprised startled content peckish chatty dreamy".split(),
    "place": "tank corner castle plants gravel filter surface bottom glass cave log shell bubbles light shadow "
             "heater pump bowl pebbles driftwood moss ferns tunnel archway lilypad reeds sandbar ledge "
             "treasure chest ship wreck".split(),
    "verb": "swim hide float wiggle explore nap dart circle glide rest wander drift splash chase nibble zoom "
            "dive sink paddle flutter hover sparkle dream sing dance wobble peek sniff munch gulp bounce spin "
            "twirl tumble slide scoot shimmy".split(),
    "human": "job office meeting boss salary taxes rent mortgage election president government lawyer doctor "
             "teacher engineer scientist programmer accountant plumber electrician firefighter policeman "
             "astronaut pilot chef farmer artist musician dentist nurse pharmacist architect journalist "
             "philosophy history geography chemistry physics biology economics politics religion psychology "
             "algebra geometry calculus statistics spreadsheet presentation deadline promotion interview "
             "vaccine medicine surgery insurance pension retirement university graduation diploma exam "
             "traffic highway parking gasoline subway train ticket passport luggage airport hotel cruise "
             "shopping discount receipt invoice coupon subscription streaming podcast algorithm software "
             "hardware smartphone laptop bluetooth wifi cryptocurrency blockchain stocks investment".split(),
    "time": "morning night afternoon evening today yesterday tomorrow now weekend monday friday".split(),
    "name": "guppy fish friend buddy pal little one sweetie champ".split(),
}
INPUTS = [
    "hi {name}", "hello {name}", "good {time} {name}", "how are you", "how are you feeling this {time}",
    "what are you doing", "are you {feel}", "do you like {thing}", "what is a {thing}", "what do you eat",
    "how is the water", "do you want some {food}", "what is the meaning of life", "can you see me",
    "what's your name", "do you sleep", "are you a fish", "tell me about the {thing}", "i'm {feel} today",
    "it's {adj} outside", "i have {n} {thing}s", "what time is it", "do you know what a {thing} is",
    "i'll be back soon", "we've got {food} for you", "where do you {verb}", "do you {verb} at {time}",
    "is the {place} {adj}", "what's near the {place}", "have you seen my {thing}", "can you {verb}",
    "why do you {verb} so much", "what do you think about {thing}", "do you miss the {place}",
    "are you {adj}", "i bought a new {thing}", "my {thing} is broken", "guess what i ate for {time}",
    "do you have a {human}", "what do you know about {human}", "i had a {human} today",
    "can you help me with my {human}", "i'm worried about my {human}", "have you heard of {human}",
]
REPLIES = [
    "i am {feel}.", "the water is {adj} today.", "i like {food}.", "a {thing}? is it food?",
    "i don't know what a {thing} is.", "i {verb} around my {place}.", "i'm a small fish.",
    "food is the meaning of life.", "i can see light and shapes.", "i feel the water move.",
    "the light is {adj}.", "i ate {food} this {time}.", "i'd like some {food} please.",
    "bubbles go up. i follow them.", "i don't understand {thing}s. i am a fish.", "i rest near the {place} at night.",
    "you're big and blurry.", "{n} is a lot of {food}.", "my fins are {adj}.", "i hide behind the {place}.",
    "the glass is cold.", "is it feeding time?", "i think a {thing} is not in my water.",
    "i can't do that. i have fins.", "i love {food}!", "i {verb} when the water is {adj}.",
    "the {place} is {adj} this {time}.", "i'm {feel} and {feel}.", "maybe the {thing} is a big fish.",
    "i only know water and {food}.", "i {verb} and {verb} all day.", "can a {thing} swim?",
    "i saw a shadow near the {place}.", "the {place} feels {adj}.", "i'll {verb} by the {place} later.",
    "we're friends. you bring {food}.", "i heard a hum from the {thing}.", "it's {adj} by the {place}.",
    "{human}? that sounds like a human thing.", "i don't have a {human}. i have a {place}.",
    "is {human} something you can eat?", "fish don't need {human}. we need {food}.",
]


def standin_texts(n: int = 60000, seed: int = 42) -> list[str]:
    """n formatted Guppy-like samples (see POOLS, INPUTS, REPLIES), the same for the same seed."""
    rng = random.Random(seed)

    def fill(template: str) -> str:
        words = {key: rng.choice(pool) for key, pool in POOLS.items()}
        words["feel"] = rng.choice(POOLS["feel"])
        return template.format(n=rng.randint(2, 99), **words)

    texts = []
    for _ in range(n):
        user = fill(rng.choice(INPUTS))
        if rng.random() < 0.2:
            user = f"{fill(rng.choice(INPUTS[:3]))}. {user}"
        reply = " ".join(fill(rng.choice(REPLIES)) for _ in range(rng.randint(1, 3)))
        texts.append(format_sample(user, reply))
    return texts


def real_texts(folder: str) -> list[str]:
    """The formatted samples of folder/train.jsonl and, if it is there, folder/eval.jsonl."""
    texts = []
    for name in ("train.jsonl", "eval.jsonl"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                texts += [format_sample(s["input"], s["output"]) for s in map(json.loads, filter(str.strip, f))]
    return texts


# ---------------------------------------------------------------------------- timing
def hf_train(texts: list[str], vocab_size: int, min_frequency: int, full_alphabet: bool = False):
    """Hugging Face's trainer, set up as the original GuppyLM does (without the full byte alphabet)."""
    from tokenizers import Tokenizer as HFTokenizer, decoders, models, pre_tokenizers, trainers
    tok = HFTokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    alphabet = pre_tokenizers.ByteLevel.alphabet() if full_alphabet else []
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=min_frequency, special_tokens=SPECIAL_TOKENS,
                                  initial_alphabet=alphabet, show_progress=False)
    tok.train_from_iterator(texts, trainer)
    return tok


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="runs/data",
                        help="folder with train.jsonl and eval.jsonl (default runs/data)")
    parser.add_argument("--standin", action="store_true", help="use the stand-in corpus even if --data exists")
    parser.add_argument("--n", type=int, default=60000, help="stand-in samples (default 60000)")
    parser.add_argument("--vocab-size", type=int, default=4096)
    parser.add_argument("--min-frequency", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each, alternating (default 5)")
    parser.add_argument("--out", help="also write the report (markdown) to this file")
    args = parser.parse_args()

    have_real = os.path.exists(os.path.join(args.data, "train.jsonl"))
    if have_real and not args.standin:
        texts, source = real_texts(args.data), f"{args.data}/{{train,eval}}.jsonl (generated by data/)"
    else:
        texts, source = standin_texts(args.n), f"STAND-IN corpus ({args.n:,} samples from bench/bpe.py templates)"
    try:
        import tokenizers
    except ImportError:
        tokenizers = None
    report = ["# bpe benchmark\n", f"- corpus: {source}: {len(texts):,} texts, "
              f"{sum(map(len, texts)) / len(texts):.1f} characters each on average",
              f"- machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start (other jobs "
              f"slow Hugging Face's two threads more than our one); Python {sys.version.split()[0]}"
              + (f"; tokenizers {tokenizers.__version__}" if tokenizers else "; tokenizers not installed")]

    folder = tempfile.mkdtemp()
    ours_path = os.path.join(folder, "ours.json")
    times = {"ours train": [], "hf train": [], "ours encode": [], "hf encode": [], "ours load": []}
    for _ in range(args.repeats):
        seconds, ours = timed(Tokenizer.train, texts, args.vocab_size, SPECIAL_TOKENS, args.min_frequency)
        times["ours train"].append(seconds)
        if tokenizers:
            seconds, hf = timed(hf_train, texts, args.vocab_size, args.min_frequency)
            times["hf train"].append(seconds)
        ours.save(ours_path)
        seconds, fresh = timed(Tokenizer.load, ours_path)
        times["ours load"].append(seconds)
        seconds, ours_ids = timed(fresh.encode_batch, texts)
        times["ours encode"].append(seconds)
        if tokenizers:
            seconds, hf_encodings = timed(hf.encode_batch, texts)
            times["hf encode"].append(seconds)
    median = {key: statistics.median(values) for key, values in times.items() if values}

    n_tokens = sum(map(len, ours_ids))
    report += [f"- ours: {len(ours):,} tokens after training (vocab_size {args.vocab_size}, "
               f"min_frequency {args.min_frequency}); {n_tokens / len(texts):.1f} tokens per text"]
    if tokenizers:
        from tokenizers import Tokenizer as HFTokenizer
        hf_full = hf_train(texts, args.vocab_size, args.min_frequency, full_alphabet=True)
        hf_ours = HFTokenizer.from_file(ours_path)
        same = all(e.ids == ids for e, ids in zip(hf_ours.encode_batch(texts), ours_ids))
        report += [f"- Hugging Face: {hf.get_vocab_size():,} tokens as the original trains it (only the bytes it "
                   f"saw), {hf_full.get_vocab_size():,} with the full byte alphabet; "
                   f"{sum(len(e.ids) for e in hf_encodings) / len(texts):.1f} tokens per text",
                   f"- Hugging Face reading our file gives our ids on all {len(texts):,} texts: {same}"]
    report += ["", f"median of {args.repeats} runs, alternating | ours (s) | Hugging Face (s) | ours / HF | target",
               "---|---|---|---|---"]
    for task, target in (("train", "ours / HF <= 1.0"), ("encode", "ours <= 1.0 s")):
        ours_s, hf_s = median[f"ours {task}"], median.get(f"hf {task}")
        hf_cell, ratio = (f"{hf_s:.3f}", f"{ours_s / hf_s:.2f}") if hf_s else ("-", "-")
        report.append(f"{task} ({len(texts):,} texts) | {ours_s:.3f} | {hf_cell} | {ratio} | {target}")
    report.append(f"load tokenizer.json (ours) | {median['ours load']:.3f} | | |")
    text = "\n".join(report)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
