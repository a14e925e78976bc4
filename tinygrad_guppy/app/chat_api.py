"""Talking to the fish from Python: load a run, get or stream a reply, hold a conversation, or ask
for a chat completion shaped like OpenAI's (as the original GuppyLM's `chat_completion` gives).

    from tinygrad_guppy.app import Guppy
    guppy = Guppy.load("runs/guppy")                       # the run's best checkpoint
    guppy.reply("hi guppy")                                # 'hello. the water is warm today.'
    for piece in guppy.stream("are you hungry?", seed=0):  # the reply, piece by piece
        print(piece, end="")
    chat = guppy.conversation()                            # a multi-turn chat with memory
    chat.say("hi guppy"); chat.say("what did i just say?")
    guppy.chat_completion([{"role": "user", "content": "hi guppy"}], temperature=0.7)

Sampling options, as keyword arguments everywhere (SAMPLING): max_tokens, temperature, top_k,
top_p, greedy, seed. A reply and a stream remember nothing; a conversation keeps its turns (as
chat.py does); a chat completion reads the whole history from its messages, as OpenAI's does.
"""

import numbers
import os
import time
import uuid

from bpe import Tokenizer
from tinygrad_guppy import checkpoint
from tinygrad_guppy.app.conversation import Conversation

SAMPLING = dict(max_tokens=64,     # the longest reply, in tokens
                temperature=0.7,   # < 1 sharpens the distribution, > 1 flattens it; 0 = greedy
                top_k=50,          # sample among the k most likely tokens; 0 = all
                top_p=1.0,         # nucleus: the smallest set whose probability reaches p
                greedy=False,      # always the most likely token (repeatable)
                seed=None)         # an int for a repeatable sample
ROLES = ("system", "user", "assistant")


def sampling_options(options):
    """SAMPLING updated with `options`, checked: an unknown name is a TypeError (as for any
    keyword), a bad value a ValueError that says what is allowed."""
    unknown = sorted(set(options) - set(SAMPLING))
    if unknown:
        raise TypeError(f"unknown sampling option {unknown[0]!r}; the options are "
                        f"{', '.join(SAMPLING)}")
    o = {**SAMPLING, **options}
    integer = lambda v: isinstance(v, numbers.Integral) and not isinstance(v, bool)
    number = lambda v: isinstance(v, numbers.Real) and not isinstance(v, bool)
    checks = [("max_tokens", integer(o["max_tokens"]) and o["max_tokens"] >= 1, "an int >= 1"),
              ("temperature", number(o["temperature"]) and o["temperature"] >= 0, "a number >= 0"),
              ("top_k", integer(o["top_k"]) and o["top_k"] >= 0, "an int >= 0 (0 = all)"),
              ("top_p", number(o["top_p"]) and 0 < o["top_p"] <= 1, "a number in (0, 1]"),
              ("greedy", isinstance(o["greedy"], bool), "True or False"),
              ("seed", o["seed"] is None or integer(o["seed"]), "an int or None")]
    for name, ok, allowed in checks:
        if not ok:
            raise ValueError(f"{name}={o[name]!r}: must be {allowed}")
    o["greedy"] = o["greedy"] or o["temperature"] == 0
    return o


def checked_messages(messages):
    """[(role, content)] from OpenAI-style messages, or a ValueError naming the bad one. System
    messages are left out: Guppy was trained without a system prompt (as the original)."""
    if not isinstance(messages, (list, tuple)):
        raise ValueError(f"messages must be a list of {{'role', 'content'}} dicts, got "
                         f"{type(messages).__name__}")
    if not messages:
        raise ValueError("messages is empty: give at least one "
                         "{'role': 'user', 'content': '...'}")
    out = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or "role" not in m or "content" not in m:
            raise ValueError(f"messages[{i}] must be a dict with 'role' and 'content', got {m!r}")
        if m["role"] not in ROLES:
            raise ValueError(f"messages[{i}] has an unknown role {m['role']!r}: use one of "
                             f"{', '.join(map(repr, ROLES))}")
        if not isinstance(m["content"], str):
            raise ValueError(f"messages[{i}]['content'] must be a string, got "
                             f"{type(m['content']).__name__}")
        if m["role"] != "system":
            out.append((m["role"], m["content"]))
    if not out or out[-1][0] != "user":
        raise ValueError("the last message (system messages aside) must be the user's: it is the "
                         "one Guppy answers")
    return out


def load_run(run="runs/guppy", device="cpu"):
    """(model, tokenizer) from a run folder: its `best` checkpoint, else `last`, else the folder
    itself (a converted or downloaded model). A missing or broken file is an error that names it."""
    folder = checkpoint.find(run)
    if folder is None:
        broken = next((os.path.join(run, name) for name in ("best", "last", ".")
                       if os.path.isfile(os.path.join(run, name, checkpoint.CONFIG_FILE))), None)
        if broken is None:
            raise FileNotFoundError(
                f"no trained model in {run}: {os.path.join(run, 'best', checkpoint.WEIGHTS_FILE)} is "
                f"missing. Train one with: python train.py" + (f" --out {run}" if run != "runs/guppy" else ""))
        folder = broken        # it has a config but no weights: loading says which file is missing
    tok_path = os.path.join(folder, checkpoint.TOKENIZER_FILE)
    if not os.path.exists(tok_path):
        raise FileNotFoundError(f"{tok_path} is missing: the checkpoint has no tokenizer. Train with: "
                                f"python train.py")
    model = checkpoint.load(folder, device=device)
    return model.eval(), Tokenizer.load(tok_path)


class Guppy:
    """A trained GuppyLM and its tokenizer, ready to talk. Thread-unsafe, like the model."""

    def __init__(self, model, tokenizer, name="guppy"):
        self.model, self.tokenizer, self.name = model.eval(), tokenizer, name

    @classmethod
    def load(cls, run="runs/guppy", device="cpu"):
        """The model of a run folder (see load_run); named after the folder."""
        model, tok = load_run(run, device)
        return cls(model, tok, name=os.path.basename(os.path.normpath(os.path.abspath(run))))

    def conversation(self):
        """A new multi-turn chat: `say(text, **sampling)` returns the reply and remembers the turn;
        `reply(text, **sampling)` streams it; `reset()` forgets. See app/conversation.py."""
        return Conversation(self.model, self.tokenizer)

    def reply(self, text, **sampling):
        """Guppy's reply to one message, as a string (no memory of earlier calls)."""
        return "".join(self.stream(text, **sampling)).strip()

    def stream(self, text, **sampling):
        """Guppy's reply to one message, as an iterator of text pieces while it is generated."""
        if not isinstance(text, str):
            raise ValueError(f"the message must be a string, got {type(text).__name__}")
        return self.conversation().reply(text, **sampling_options(sampling))

    def chat_completion(self, messages, **sampling):
        """The reply to the last of `messages` ([{"role", "content"}, ...], oldest first; the
        earlier ones are the history) as OpenAI's chat completion object:

            {"id": "chatcmpl-...", "object": "chat.completion", "created": 1764000000,
             "model": "guppy", "choices": [{"index": 0, "finish_reason": "stop",
                                            "message": {"role": "assistant", "content": "..."}}],
             "usage": {"prompt_tokens": 18, "completion_tokens": 9, "total_tokens": 27}}

        finish_reason is "stop" when Guppy ended its turn, "length" when max_tokens (or the
        128-token window) cut it off. The oldest messages are dropped when the history does not
        fit in the window; prompt_tokens counts what was read.
        """
        *history, (_, text) = checked_messages(messages)
        conv = self.conversation()
        conv.set_history(history)
        content = "".join(conv.reply(text, **sampling_options(sampling))).strip()
        info = conv.last_reply
        return {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion",
                "created": int(time.time()), "model": self.name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                             "finish_reason": info.finish_reason}],
                "usage": {"prompt_tokens": info.prompt_tokens,
                          "completion_tokens": info.completion_tokens,
                          "total_tokens": info.prompt_tokens + info.completion_tokens}}
