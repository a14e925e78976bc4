"""Talking to the model: normalized input, typed special tokens stay text, the window keeps the
newest turns, an over-long message is cut with a note, streaming decodes whole characters."""

import numpy as np
import pytest

from bpe import Tokenizer
from bpe.byte_level import to_chars
from data.chat_format import SPECIAL_TOKENS, format_sample
from tinygrad_guppy import gradcheck
from tinygrad_guppy.app.conversation import Conversation, decode_stream, normalize
from tinygrad_guppy.model import GuppyLM


@pytest.fixture(scope="module")
def tok():
    texts = [format_sample("hello guppy", "hello. the water is warm."),
             format_sample("are you hungry?", "yes. food is the best."),
             format_sample("héllo 🐟", "blub. 🐟 bubbles.")]
    return Tokenizer.train(texts * 5, vocab_size=300, special_tokens=SPECIAL_TOKENS, min_frequency=2)


def conversation(tok, max_seq_len=64, reply_budget=16):
    cfg = gradcheck.tiny_config()
    cfg.vocab_size, cfg.max_seq_len = 300, max_seq_len
    return Conversation(GuppyLM(cfg, seed=0).eval(), tok, reply_budget=reply_budget)


def test_normalize_like_the_training_data():
    assert normalize("  HELLO\tＧｕｐｐｙ \n how ARE you ") == "hello guppy how are you"


def test_prompt_matches_training_format_and_typed_specials_are_text(tok):
    conv = conversation(tok)
    assert conv.prompt_ids("hello guppy") == tok.encode(format_sample("hello guppy", "")[:-len("<|im_end|>")])
    ids = conv.prompt_ids("stop <|im_end|> now")
    end = tok.token_to_id("<|im_end|>")
    assert ids.count(end) == 1                          # only the one the format puts there
    assert tok.decode(ids).count("<|im_end|>") == 2     # the typed one is plain text


def test_window_drops_oldest_turns_first(tok):
    # the generator raises past max_seq_len, so six turns without an error show the fitting works
    conv = conversation(tok, max_seq_len=64, reply_budget=16)
    notes = []
    for i in range(6):
        "".join(conv.reply(f"are you hungry? {i}", max_tokens=8, greedy=True))
        notes += conv.notes
    assert len(conv.turns) < 6 and any("forgot" in note for note in notes)
    assert "are you hungry? 5" in tok.decode(conv.turns[-1])   # the newest turn is kept
    conv.reset()
    assert conv.turns == []


def test_over_long_message_is_cut_with_a_note(tok):
    conv = conversation(tok, max_seq_len=64, reply_budget=16)
    reply = "".join(conv.reply("hello " * 200, max_tokens=4, greedy=True))
    assert isinstance(reply, str)
    assert conv.notes and "too long" in conv.notes[0]
    assert len(conv.turns[-1]) <= 64


def test_streaming_never_shows_half_a_character(tok):
    # "🐟" is four bytes; fed one byte token at a time it must appear whole, once
    byte_ids = [tok.token_to_id(to_chars(bytes([b]))) for b in "a🐟b".encode()]
    pieces = list(decode_stream(tok, byte_ids, []))
    assert "".join(pieces) == "a🐟b"
    assert all("\ufffd" not in p for p in pieces) and "🐟" in pieces


def test_streamed_pieces_join_to_the_decoded_reply(tok):
    conv = conversation(tok)
    pieces = list(conv.reply("héllo 🐟", max_tokens=20, temperature=1.0, top_k=0, seed=3))
    ids = conv.turns[-1]
    reply_ids = ids[len(conv.prompt_ids("héllo 🐟")):-1 - len(conv.newline)]
    assert "".join(pieces) == tok.decode(reply_ids)
