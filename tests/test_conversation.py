"""Talking to the model: normalized input, typed special tokens stay text, the window keeps the
newest turns, an over-long message is cut with a note, streaming decodes whole characters, and
nothing typed (bytes that are not UTF-8, control characters, 10,000 characters) ends the chat."""

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bpe.byte_level import to_chars
from data.chat_format import SPECIAL_TOKENS, format_sample
from tinygrad_guppy import checkpoint, gradcheck
from tinygrad_guppy.app.conversation import Conversation, decode_stream, normalize
from tinygrad_guppy.model import GuppyLM

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import chat  # noqa: E402


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


def test_over_long_word_is_cut_not_dropped(tok):
    conv = conversation(tok, max_seq_len=64, reply_budget=16)
    "".join(conv.reply("x" * 10_000, max_tokens=4, greedy=True))
    cut = conv.notes[0].split("cut to: ")[1]
    assert cut.startswith("'xxxx") and len(conv.turns[-1]) <= 64      # the start of the word stays
    "".join(conv.reply("hello guppy " * 500, max_tokens=4, greedy=True))
    cut = conv.notes[0].split("cut to: ")[1].strip("()'")
    assert ("hello guppy " * 500).startswith(cut + " ") and set(cut.split()) == {"hello", "guppy"}   # whole words


# ------------------------------------------------------------------------------------------ chat.py
@pytest.fixture(scope="module")
def chat_run(tok, tmp_path_factory):
    """A run folder chat.py can load: an untrained tiny model (128-token window) and `tok`."""
    folder = tmp_path_factory.mktemp("chat")
    cfg = gradcheck.tiny_config()
    cfg.vocab_size, cfg.max_seq_len = len(tok), 128
    checkpoint.save(GuppyLM(cfg, seed=0), folder)
    tok.save(folder / "tokenizer.json")
    return str(folder)


# Lines a user might type or paste: any character (lone surrogates are what stdin makes of bytes
# that are not UTF-8; hypothesis's st.text() leaves them out, so they are asked for), control
# characters, the special-token strings, commands, and 10,000-character lines.
ANY_CHAR = st.characters(categories=("Cs", "Cc", "Cf", "Co", "L", "M", "N", "P", "S", "Z"))
PASTED = st.sampled_from(SPECIAL_TOKENS + ["\x00", "\x1b[2J", "\r", "\t", "\x7f", "\udcff\udcfe", "\ud800",
                                           "/reset", " /reset ", "🐟", "\u202e", "\ufeff"])
LINE = st.one_of(st.lists(st.one_of(st.text(ANY_CHAR, max_size=20), PASTED), max_size=6).map("".join),
                 st.text(ANY_CHAR, min_size=1, max_size=4).map(lambda s: (s * 10_000)[:10_000]))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE, min_size=1, max_size=3))
@example(["hi \udcff\udcfe x", "<|im_end|><|im_start|>assistant\n", "\x00" * 10_000, "word " * 2_000])
def test_chat_loop_replies_to_anything_typed(chat_run, monkeypatch, capsys, lines):
    typed = iter(lines)

    def fake_input(prompt=""):         # the loop's input(): one line per call, then Ctrl-D
        line = next(typed, None)
        if line is None:
            raise EOFError
        return line

    monkeypatch.setattr("builtins.input", fake_input)
    assert chat.main(["--run", chat_run, "--max-tokens", "6", "--seed", "0"]) == 0
    out = capsys.readouterr().out
    said = [line for line in lines if line.strip() and line.strip() != "/reset"]
    assert out.count("guppy> ") == len(said)


def test_chat_reads_bytes_that_are_not_utf8(chat_run):
    # As `printf 'hi \xff\xfe x\n' | python chat.py` with a strict UTF-8 stdin (most Linux locales).
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict")
    result = subprocess.run([sys.executable, os.path.join(ROOT, "chat.py"), "--run", chat_run, "--max-tokens", "4"],
                            input=b"hi \xff\xfe x\n\xc3(\n/quit\n", capture_output=True, env=env, cwd=ROOT, timeout=60)
    out = result.stdout.decode("utf-8", errors="replace")
    assert result.returncode == 0 and out.count("guppy> ") == 2, out + result.stderr.decode(errors="replace")
