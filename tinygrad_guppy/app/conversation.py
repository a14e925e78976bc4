"""Talking to a trained model: the chat format, multi-turn history inside the 128-token window,
input normalized the way the training data is written, and replies streamed as text.

    conv = Conversation(model, tokenizer)
    for piece in conv.reply("HELLO Guppy!", temperature=0.7, top_k=50, seed=0):
        print(piece, end="", flush=True)
    conv.say("are you hungry?")             # the whole reply as a string; the turn is kept too
    conv.last_reply                         # ReplyInfo(prompt_tokens, completion_tokens, finish_reason)

The user's text is encoded without special tokens, so typing "<|im_end|>" cannot end the turn:
the prompt's special tokens are inserted as ids, exactly where training put them.
"""

import re
import unicodedata
from typing import NamedTuple

from data.chat_format import IM_END, IM_START
from tinygrad_guppy.sampling import Generator


class ReplyInfo(NamedTuple):
    """What a finished reply cost and why it stopped."""
    prompt_tokens: int          # the ids the model read: the history kept and this turn's prompt
    completion_tokens: int      # the reply's ids (the <|im_end|> that ended it not counted)
    finish_reason: str          # "stop": the model ended its turn; "length": it was cut off


def normalize(text):
    """The training data's style: Unicode NFKC, lowercase, whitespace collapsed to one space.
    Example: "  HELLO\\tＧｕｐｐｙ " -> "hello guppy"."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).lower()).strip()


def decode_stream(tok, tokens, ids):
    """Yield the text of `tokens` (an iterable of ids) piece by piece as they arrive, appending
    each id to the list `ids`. Joined, the pieces are tok.decode(ids)."""
    shown = ""
    for token in tokens:
        ids.append(token)
        text = tok.decode(ids)
        # subtle: a character split over several byte tokens decodes as U+FFFD until its last
        # byte arrives, so a trailing replacement character is held back.
        if not text.endswith("\ufffd"):
            yield text[len(shown):]
            shown = text
    text = tok.decode(ids)
    if len(text) > len(shown):
        yield text[len(shown):]


class Conversation:
    """A chat with history. Each turn is `<|im_start|>user\\n{text}<|im_end|>\\n<|im_start|>
    assistant\\n{reply}<|im_end|>\\n`; the oldest turns are dropped when the window is full."""

    def __init__(self, model, tokenizer, reply_budget=48):
        self.model, self.tok = model, tokenizer
        self.generator = Generator(model, vocab_limit=len(tokenizer))
        self.window = model.cfg.max_seq_len
        self.reply_budget = reply_budget      # tokens kept free for the reply
        self.start_id, self.end_id = tokenizer.token_to_id(IM_START), tokenizer.token_to_id(IM_END)
        self.newline = tokenizer.encode_ordinary("\n")
        self.turns = []                       # ids of finished turns, oldest first
        self.notes = []                       # messages for the user (e.g. a cut message)
        self.last_reply = None                # ReplyInfo of the last finished reply
        self.picks = []                       # the sampler's Picks of the last reply (explain.py)
        self.last_context = []                # the ids the last reply was generated after

    def reset(self):
        self.turns = []

    def message_ids(self, role, text):
        """The ids of one whole message: `<|im_start|>{role}\\n{text}<|im_end|>\\n`."""
        return [self.start_id] + self.tok.encode_ordinary(f"{role}\n{text}") + [self.end_id] + self.newline

    def prompt_ids(self, text):
        """The ids of one user turn and the assistant header, from normalized text."""
        return self.message_ids("user", text) + [self.start_id] + self.tok.encode_ordinary("assistant\n")

    def set_history(self, messages):
        """Replace the history with earlier messages, a list of (role, text), oldest first; each
        is normalized and becomes one unit that the window may drop."""
        self.turns = [self.message_ids(role, normalize(text)) for role, text in messages]

    def context(self, text):
        """History + this turn, fitted into the window: oldest turns dropped first; a message too
        long even alone is cut (with a note in self.notes)."""
        self.notes = []
        room = self.window - self.reply_budget
        prompt = self.prompt_ids(text)
        if len(prompt) > room:
            text = self.longest_start_that_fits(text, room)
            prompt = self.prompt_ids(text)
            self.notes.append(f"(your message was too long for Guppy's {self.window}-token memory; "
                              f"it was cut to: {text!r})")
        turns = list(self.turns)
        while turns and sum(map(len, turns)) + len(prompt) > room:
            turns.pop(0)
        if len(turns) < len(self.turns):
            self.notes.append(f"(Guppy forgot the {len(self.turns) - len(turns)} oldest turn(s): "
                              f"they no longer fit in its memory)")
            self.turns = turns
        return [i for turn in turns for i in turn] + prompt

    def longest_start_that_fits(self, text, room):
        """The longest start of text whose prompt is at most `room` tokens, ended at a space if it
        holds one. A binary search over its length: a 10,000-character line costs 14 encodings."""
        def fits(n):
            return len(self.prompt_ids(text[:n])) <= room
        lo, hi = 0, len(text)             # text[:lo] fits (or lo is 0); the longest lies in [lo, hi]
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if fits(mid) else (lo, mid - 1)
        start = text[:lo]
        if " " in start and text[lo:lo + 1] not in ("", " "):   # a word was cut in two: drop it
            start = start[:start.rindex(" ")]
        return start

    def reply(self, text, max_tokens=64, temperature=0.7, top_k=50, top_p=1.0, greedy=False,
              seed=None):
        """An iterator of text pieces of the reply, as it is generated; when it is exhausted the
        turn joins the history. The context is fitted at once, so self.notes is ready to show."""
        prompt = self.context(normalize(text))
        max_tokens = min(max_tokens, self.window - len(prompt))
        return self._stream(prompt, max_tokens, temperature, top_k, top_p, greedy, seed)

    def _stream(self, prompt, max_tokens, temperature, top_k, top_p, greedy, seed):
        reply_ids = []
        tokens = self._tokens(prompt, max_tokens, temperature, top_k, top_p, greedy, seed)
        yield from decode_stream(self.tok, tokens, reply_ids)
        self.turns.append(self._last_turn(prompt, reply_ids))
        # the generator stops at <|im_end|> (not counted), or after max_tokens, which reply()
        # has already lowered to what the window leaves
        self.last_reply = ReplyInfo(len(prompt), len(reply_ids),
                                    "length" if len(reply_ids) >= max_tokens else "stop")

    def _tokens(self, prompt, max_tokens, temperature, top_k, top_p, greedy, seed):
        """The reply's ids as they are sampled; each Pick is kept in self.picks, the end
        token's included, and the context in self.last_context."""
        self.picks, self.last_context = [], list(prompt)
        for pick in self.generator.picks(prompt, max_tokens, temperature, top_k, top_p, greedy,
                                         seed, stop_ids=[self.end_id]):
            self.picks.append(pick)
            if pick.token != self.end_id:
                yield pick.token

    def _last_turn(self, prompt, reply_ids):
        """The ids of the turn just finished (prompt of this turn, reply, end token, newline)."""
        history = sum(map(len, self.turns))
        return prompt[history:] + reply_ids + [self.end_id] + self.newline

    def say(self, text, **sampling):
        """The whole reply as one string; the turn joins the history (a multi-turn chat)."""
        return "".join(self.reply(text, **sampling)).strip()

    def reply_text(self, text, **sampling):
        """The whole reply as one string (no streaming); the history is left unchanged."""
        saved = list(self.turns)
        out = "".join(self.reply(text, **sampling)).strip()
        self.turns = saved
        return out
