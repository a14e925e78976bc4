"""data: the Guppy persona as data, and the generator that turns it into a dataset.

    python -m data --n 60000 --seed 42 --out runs/data     # train.jsonl (57,000) + eval.jsonl (3,000)
    python -m data check runs/data/train.jsonl runs/data/eval.jsonl

The files, in reading order:
    chat_format.py  the one-turn chat template and the special tokens, defined once
    persona.py      what a persona is (word pools + topics), the {slot} syntax, loading and checks
    guppy.py        the built-in persona: a small, friendly, slightly dumb fish (data only)
    grammar.py      the user's side of a sample: an intent's frame, context, chat spelling
    generate.py     persona + seed -> samples; the split; write_dataset() for train.py
    check.py        the data check that every generation must pass (also `python -m data check`)
    eval_cases.py   hand-written held-out prompts, score(reply, case) for chat.py and train.py,
                    and the rules that keep the prompts out of the training data (HeldOut)
    __main__.py     the command line
"""
