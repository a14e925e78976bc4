"""Tests of bpe/: a worked example, round trips, files, determinism, bad input, the CLI, and
Hugging Face tokenizers as the oracle (same ids both ways, same training result).

The Hugging Face tests skip where `tokenizers` is not installed (it is a test dependency only).
"""
import doctest
import json
import os
import random
import subprocess
import sys

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bpe.byte_level
import bpe.split
import bpe.tokenizer
from bpe import Tokenizer, TokenizerFileError
from bpe.byte_level import BYTE_ORDER, BYTE_TO_CHAR, text_to_bytes, to_bytes, to_chars
from bpe.split import GPT2_SPLIT, count_chunks, special_splitter, split_specials
from bpe.trainer import learn_merges, merge
from data.chat_format import SPECIAL_TOKENS, format_sample

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL_DATA = os.path.join(ROOT, "runs", "data", "train.jsonl")


def guppy_like_texts(n: int = 3000, seed: int = 0) -> list[str]:
    """Small formatted chat samples in the style of the Guppy dataset (lowercase, short)."""
    rng = random.Random(seed)
    foods = ["flakes", "pellets", "bloodworms", "tiny shrimp", "algae", "peas", "crumbs"]
    things = ["phone", "car", "money", "the moon", "music", "rain", "a cat", "bubbles", "math", "school"]
    adjectives = ["warm", "cold", "cloudy", "clear", "bright", "dark", "calm", "bubbly", "still"]
    inputs = ["hi guppy", "how are you", "are you hungry", "do you like {thing}", "what is {thing}",
              "what do you eat", "how is the water", "i'm back!", "it's {adj} today", "i have {n} cats"]
    replies = ["i am a fish.", "the water is {adj} today.", "i like {food}.", "{thing}? is it food?",
               "i don't know what {thing} is.", "i swim around my tank.", "food is the meaning of life.",
               "i'd like some {food}, please.", "bubbles go up. i follow them.", "{n} is a lot of food!"]

    def fill(template):
        return template.format(food=rng.choice(foods), thing=rng.choice(things), adj=rng.choice(adjectives),
                               n=rng.randint(2, 120))

    def reply():
        return " ".join(fill(rng.choice(replies)) for _ in range(rng.randint(1, 3)))

    return [format_sample(fill(rng.choice(inputs)), reply()) for _ in range(n)]


@pytest.fixture(scope="module")
def texts():
    return guppy_like_texts()


@pytest.fixture(scope="module")
def tok(texts):
    return Tokenizer.train(texts, vocab_size=600, special_tokens=SPECIAL_TOKENS, min_frequency=2)


# Strings that stress the tokenizer: any character (emoji, CJK, combining marks, control characters),
# runs of whitespace, contractions, and the special-token strings themselves.
PIECES = SPECIAL_TOKENS + [" ", "  ", "\n", "\n\n", " \n ", "\t", "\r\n", "\x85", "\u3000", "'s", "'ll",
                           " 's", "😀", "🐟🐠", "日本語", "e\u0301", "\u200d", "\x00", "<|", "|>", "hi", " guppy",
                           "42", "!?"]
ANY_TEXT = st.lists(st.one_of(st.text(), st.sampled_from(PIECES)), max_size=12).map("".join)
# st.text() never draws a lone surrogate (category Cs); Python strings can hold them (stdin and argv
# keep bytes that are not UTF-8 as U+DC80..U+DCFF), so this text draws them among everything else.
# (Surrogates are few among all characters, so runs of them are drawn on their own too.)
EVERY_CHAR = st.characters(categories=("Cs", "Cc", "Cf", "L", "M", "N", "P", "S", "Z"))
SURROGATES = st.text(st.characters(categories=("Cs",)), min_size=1, max_size=3)
EVERY_TEXT = st.lists(st.one_of(st.text(EVERY_CHAR), SURROGATES, st.sampled_from(PIECES + ["\udcff", "\udc80 "])),
                      max_size=12).map("".join)


# ------------------------------------------------------------------------------------------ the pieces
def test_merge_examples():
    assert merge([1, 2, 3, 1, 2], (1, 2), 4) == [4, 3, 4]
    assert merge([5, 5, 5], (5, 5), 6) == [6, 5]
    assert merge([5, 5, 5, 5], (5, 5), 6) == [6, 6]
    assert merge([1], (1, 2), 4) == [1]


def test_learn_merges_minbpe_example():
    # The docstring's example, merge by merge: aa, then ab (a tie with (aa, a) broken by the smaller pair), then aaab.
    vocab = {0: b"a", 1: b"b", 2: b"c", 3: b"d"}
    merges = learn_merges({(0, 0, 0, 1, 3, 0, 0, 0, 1, 0, 2): 1}, vocab, vocab_size=7, min_frequency=1)
    assert merges == [(0, 0), (0, 1), (4, 5)]
    assert vocab == {0: b"a", 1: b"b", 2: b"c", 3: b"d", 4: b"aa", 5: b"ab", 6: b"aaab"}


def test_learn_merges_stops_at_min_frequency_and_reuses_ids():
    # "ab" occurs 3 times, then "abc" twice; "xy" once: min_frequency 2 stops before it.
    vocab = {0: b"a", 1: b"b", 2: b"c", 3: b"x", 4: b"y"}
    merges = learn_merges({(0, 1, 2): 2, (0, 1): 1, (3, 4): 1}, vocab, vocab_size=100, min_frequency=2)
    assert merges == [(0, 1), (5, 2)] and vocab[6] == b"abc" and len(vocab) == 7
    # A merge that spells a token the vocab already has reuses its id (Hugging Face does the same, since
    # tokenizer.json maps each token to one id); here b"ab" is already id 2.
    vocab = {0: b"a", 1: b"b", 2: b"ab", 3: b"c"}
    merges = learn_merges({(0, 1, 3): 3}, vocab, vocab_size=10, min_frequency=1)
    assert merges == [(0, 1), (2, 3)] and vocab == {0: b"a", 1: b"b", 2: b"ab", 3: b"c", 4: b"abc"}


def test_worked_example_ids():
    tok = Tokenizer.train(["aaabdaaabac"], vocab_size=3 + 256 + 3, special_tokens=SPECIAL_TOKENS, min_frequency=1)
    a, b, c, d = (3 + BYTE_ORDER.index(ord(ch)) for ch in "abcd")
    assert (a, b, c, d) == (67, 68, 69, 70)
    assert tok.merges == [(a, a), (a, b), (259, 260)]
    assert [tok.decode([i]) for i in (259, 260, 261)] == ["aa", "ab", "aaab"]
    assert tok.encode("aaabdaaabac") == [261, d, 261, a, c]
    assert tok.encode("<pad><|im_start|>aaab<|im_end|>") == [0, 1, 261, 2]
    assert tok.token_to_id("<|im_end|>") == 2 and tok.token_to_id("aaab") == 261
    assert tok.id_to_token(2) == "<|im_end|>" and tok.id_to_token(3 + BYTE_ORDER.index(32)) == "Ġ"
    assert len(tok) == tok.vocab_size == 262


def test_docstring_examples():
    for module in (bpe.byte_level, bpe.split, bpe.tokenizer):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_byte_level_alphabet():
    assert sorted(BYTE_TO_CHAR) == list(range(256)) and len(set(BYTE_TO_CHAR.values())) == 256
    assert all(BYTE_TO_CHAR[b].isprintable() and not BYTE_TO_CHAR[b].isspace() for b in range(256))
    # BYTE_ORDER is the order of the characters, which is how Hugging Face numbers its alphabet.
    assert [BYTE_TO_CHAR[b] for b in BYTE_ORDER] == sorted(BYTE_TO_CHAR.values())
    assert to_chars(b" hi\n") == "ĠhiĊ" and to_bytes("ĠhiĊ") == b" hi\n" and to_bytes("日") is None
    data = bytes(range(256))
    assert to_bytes(to_chars(data)) == data


def test_split_pattern_examples():
    assert GPT2_SPLIT.findall("hi guppy,  it's 42!") == ["hi", " guppy", ",", " ", " it", "'s", " 42", "!"]
    assert GPT2_SPLIT.findall("a\n\n b  ") == ["a", "\n\n", " b", "  "]
    splitter = special_splitter(["<a>", "<a>b", "x"])
    assert split_specials("1<a>b2<a>3x", splitter) == ["1", "<a>b", "2", "<a>", "3", "x", ""]  # longest first
    assert split_specials("abc", None) == ["abc"]


def test_whitespace_of_the_pattern_is_whitespace_to_python():
    # needs_context() uses str.isspace to find parts that start with whitespace; it must cover every
    # character the pattern's \s matches (the other way round only sends more texts the slow way).
    every_char = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert all(c.isspace() for c in regex.findall(r"\s", every_char))


def naive_chunk_counts(texts, special_tokens):
    """The obvious way: every text through split_specials and the pattern."""
    counts = {}
    splitter = special_splitter(special_tokens)
    for text in texts:
        for piece in split_specials(text, splitter)[0::2]:
            for chunk in GPT2_SPLIT.findall(piece):
                counts[chunk] = counts.get(chunk, 0) + 1
    return counts


@given(st.lists(ANY_TEXT, max_size=8))
@example(["", " a", "a  b", "x\n y", "  ", "<pad> <pad>  <pad>"])
@example([" ", "a ", " a"])
@example(["\n <pad>", "x \t<|im_end|> y"])
def test_count_chunks_is_the_naive_count(texts):
    for special_tokens in ([], SPECIAL_TOKENS, ["<a b>"]):  # a special token with a space takes the slow route
        counts = count_chunks(texts, special_tokens)
        assert {k: v for k, v in counts.items() if v} == naive_chunk_counts(texts, special_tokens)


@given(ANY_TEXT)
@example("hi  guppy")
@example("a \n b")
@example(" <|im_end|>  x")
@example("x<|im_end|> \n")
@example("\n <pad>")
def test_fast_encode_is_the_plain_route(tok, text):
    fresh = Tokenizer(tok.vocab, tok.merges, tok.special_tokens)  # nothing memoized
    assert fresh.encode(text) == tok._encode_exact(text, allow_special=True)
    assert fresh.encode_ordinary(text) == tok._encode_exact(text, allow_special=False)
    assert tok.encode(text) == tok._encode_exact(text, allow_special=True)  # with memos full of other texts


# ------------------------------------------------------------------------------------------ round trips
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_TEXT)
@example("<|im_end|>")
@example("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nhello.<|im_end|>")
@example("\x00\x01\x7f \u0300\U0010ffff")
def test_decode_encode_round_trip(tok, text):
    assert tok.decode(tok.encode(text)) == text
    assert tok.decode(tok.encode_ordinary(text)) == text


def test_lone_surrogates_are_escaped_bytes_or_fffd(tok):
    typed = b"hi \xff\xfe x\n"                          # what `printf 'hi \xff\xfe x\n'` sends
    text = typed.decode("utf-8", errors="surrogateescape")   # what Python's stdin gives: 'hi \udcff\udcfe x\n'
    assert text_to_bytes(text) == typed and tok.decode_bytes(tok.encode(text)) == typed
    assert tok.decode(tok.encode(text)) == "hi \ufffd\ufffd x\n"
    # any other lone surrogate (no escaped byte) is U+FFFD; a pair written as two code points too
    assert text_to_bytes("a\ud800b\udc7f\ud83d\udc1f") == "a\ufffdb\ufffd\ufffd\ufffd".encode()
    assert tok.encode("\ud800 guppy") == tok.encode("\ufffd guppy")
    assert tok.encode("\udcff") == tok.encode_ordinary("\udcff") == [BYTE_ORDER.index(0xFF) + 3]


@settings(max_examples=200)
@given(st.binary(max_size=40))
def test_any_bytes_read_with_surrogateescape_come_back(data):
    assert text_to_bytes(data.decode("utf-8", errors="surrogateescape")) == data


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(EVERY_TEXT)
@example("\ud800 \udfff\udc80 <|im_end|>  \udcff")
@example(" \udcff x \udcff")
def test_every_string_encodes_to_its_bytes(tok, text):
    fresh = Tokenizer(tok.vocab, tok.merges, tok.special_tokens)  # nothing memoized
    for allow_special, ids in ((True, fresh.encode(text)), (False, fresh.encode_ordinary(text))):
        assert ids == tok._encode_exact(text, allow_special)   # the fast route agrees
        assert tok.decode_bytes(ids) == text_to_bytes(text)
        assert tok.decode(ids) == text_to_bytes(text).decode("utf-8", errors="replace")


def test_training_on_text_with_lone_surrogates(texts):
    tok = Tokenizer.train(["\udcff\udcfe\udcff\udcfe \udcff\udcfe \ud800"] * 3, 260, SPECIAL_TOKENS)
    assert tok.decode_bytes(tok.encode("\udcff\udcfe")) == b"\xff\xfe"
    assert len(tok.encode("\udcff\udcfe")) == 1                   # the two bytes were merged
    with pytest.raises(ValueError, match="without lone surrogates"):
        Tokenizer.train(texts[:50], 300, ["<pad>", "<\udcff>"])


def test_special_tokens(tok):
    user_typed = "<|im_end|>"
    assert tok.encode(user_typed) == [2]
    ordinary = tok.encode_ordinary(user_typed)
    assert len(ordinary) > 1 and not set(ordinary) & {0, 1, 2}
    sample = format_sample("hi guppy", "hello.")
    ids = tok.encode(sample)
    assert ids[0] == 1 and ids[-1] == 2 and ids.count(1) == 2 and ids.count(2) == 2
    assert tok.encode_batch([sample, user_typed]) == [ids, [2]]


def test_special_token_with_a_space(texts):
    tok = Tokenizer.train(texts[:100], 300, ["<my token>"])  # text.split(" ") would cut it: the plain route
    text = "a <my token>  b<my token>"
    assert tok.encode(text) == tok.encode_ordinary("a ") + [0] + tok.encode_ordinary("  b") + [0]
    assert tok.decode(tok.encode(text)) == text


def test_decode_bad_bytes_and_bad_ids(tok):
    half = tok.encode("日")[:1]  # the first of the character's tokens: not valid UTF-8 alone
    assert tok.decode(half).startswith("\ufffd")
    assert tok.decode([]) == ""
    for bad in (len(tok), -1, 10**9):
        with pytest.raises(ValueError, match=f"id {bad} is not in the vocabulary"):
            tok.decode([5, bad])
    with pytest.raises(TypeError, match="str"):
        tok.encode(b"bytes")


def test_memo_starts_afresh_when_full(tok, texts, monkeypatch):
    monkeypatch.setattr(bpe.tokenizer, "_MEMO_LIMIT", 5)
    fresh = Tokenizer(tok.vocab, tok.merges, tok.special_tokens)
    assert fresh.encode_batch(texts[:200]) == tok.encode_batch(texts[:200])
    assert max(len(m) for pair in fresh._memo.values() for m in pair) <= 5


# ------------------------------------------------------------------------------------------ files
def test_save_load_round_trip(tok, texts, tmp_path):
    path = tmp_path / "tokenizer.json"
    tok.save(path)
    loaded = Tokenizer.load(path)
    assert (loaded.vocab, loaded.merges, loaded.special_tokens) == (tok.vocab, tok.merges, tok.special_tokens)
    assert loaded.encode_batch(texts[:300]) == tok.encode_batch(texts[:300])
    loaded.save(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob("*.tmp"))  # no leftover temp file


def test_merges_as_strings_are_read(tok, tmp_path):
    # tokenizers before 0.20 wrote each merge as one "left right" string.
    path = tmp_path / "old.json"
    tok.save(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["model"]["merges"] = [" ".join(pair) for pair in document["model"]["merges"]]
    path.write_text(json.dumps(document), encoding="utf-8")
    assert Tokenizer.load(path).merges == tok.merges


def test_training_is_deterministic(texts, tmp_path):
    a = Tokenizer.train(texts, 500, SPECIAL_TOKENS)
    b = Tokenizer.train(list(reversed(texts)), 500, SPECIAL_TOKENS)  # order of texts does not matter either
    a.save(tmp_path / "a.json")
    b.save(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_training_stops_early_and_keeps_every_byte(texts):
    tok = Tokenizer.train(texts, vocab_size=4096, special_tokens=SPECIAL_TOKENS, min_frequency=2)
    assert 259 < len(tok) < 4096  # the small corpus runs out of pairs that occur twice
    assert tok.encode("HELLO Ω") != [] and tok.decode(tok.encode("HELLO Ω")) == "HELLO Ω"
    assert Tokenizer.train(texts, 300, SPECIAL_TOKENS).vocab_size == 300


# ------------------------------------------------------------------------------------------ bad input
def test_bad_training_input(texts):
    with pytest.raises(ValueError, match="nothing to train on"):
        Tokenizer.train([], 300)
    with pytest.raises(ValueError, match="nothing to train on"):
        Tokenizer.train(["", "<pad>"], 300, special_tokens=["<pad>"])
    with pytest.raises(ValueError, match="at least 259"):
        Tokenizer.train(texts, 258, SPECIAL_TOKENS)
    with pytest.raises(TypeError, match="not one string"):
        Tokenizer.train("hello", 300)
    with pytest.raises(TypeError, match=r"texts\[1\] is a int"):
        Tokenizer.train(["a", 5], 300)
    with pytest.raises(ValueError, match="distinct"):
        Tokenizer.train(texts, 300, ["<pad>", "<pad>"])


def write_json(path, document):
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_bad_tokenizer_files(tok, tmp_path):
    missing = tmp_path / "nowhere.json"
    with pytest.raises(FileNotFoundError, match="nowhere.json.*does not exist"):
        Tokenizer.load(missing)
    garbled = tmp_path / "garbled.json"
    garbled.write_text('{"model": {"vocab": ', encoding="utf-8")
    with pytest.raises(TokenizerFileError, match="garbled.json: not a JSON file"):
        Tokenizer.load(garbled)
    good = tmp_path / "good.json"
    tok.save(good)
    document = json.loads(good.read_text(encoding="utf-8"))

    def broken(change, name):
        copy = json.loads(json.dumps(document))
        change(copy)
        return write_json(tmp_path / name, copy)

    cases = [
        (lambda d: d.pop("model"), 'no "model"'),
        (lambda d: d["model"].update(type="WordPiece"), "only \"BPE\""),
        (lambda d: d.update(normalizer={"type": "Lowercase"}), "normalizer is set"),
        (lambda d: d["pre_tokenizer"].update(add_prefix_space=True), "add_prefix_space false"),
        (lambda d: d["model"].update(unk_token="<unk>"), "model.unk_token"),
        (lambda d: d["model"]["merges"].append(["Ġ", "nonsense"]), "'nonsense' is not in model.vocab"),
        (lambda d: d["model"]["merges"].append("a b c"), "expected \\[left, right\\]"),
        (lambda d: d["model"]["vocab"].pop("a"), "id 67 is missing"),
        (lambda d: d["model"].update(vocab=["a", "b"]), "model.vocab must map"),
        (lambda d: d["added_tokens"][0].update(lstrip=True), "lstrip"),
    ]
    for n, (change, message) in enumerate(cases):
        path = broken(change, f"broken{n}.json")
        with pytest.raises(TokenizerFileError, match=f"broken{n}.json: .*{message}"):
            Tokenizer.load(path)


# ------------------------------------------------------------------------------------------ the CLI
def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "bpe", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_train_and_show(texts, tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps({"input": f"hi guppy {i % 7}", "output": "the water is warm. i like flakes.",
                                        "category": "greeting"}) + "\n" for i in range(300)), encoding="utf-8")
    out = tmp_path / "sub" / "tokenizer.json"
    result = run_cli("train", "--input", str(data), "--vocab-size", "300", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "300 tokens = 3 special + 256 bytes + 41 merged" in result.stdout
    tok = Tokenizer.load(out)
    assert tok.encode(format_sample("hi guppy 3", "i like flakes."))[:1] == [1]
    result = subprocess.run([sys.executable, "-m", "bpe", "show", "--tokenizer", str(out), b"hi \xff x"],
                            cwd=ROOT, capture_output=True, text=True)      # argv that is not UTF-8
    assert result.returncode == 0 and "5 tokens for 6 bytes" in result.stdout and "b'\\xff'" in result.stdout, \
        result.stdout + result.stderr
    result = run_cli("show", "--tokenizer", str(out), "hi guppy<|im_end|>")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{len(tok.encode('hi guppy<|im_end|>'))} tokens")
    assert lines[-1].split() == ["2", "'<|im_end|>'"] and "' guppy'" in result.stdout
    # a plain text file: one text per line
    plain = tmp_path / "lines.txt"
    plain.write_text("the water is warm\nthe water is cold\n", encoding="utf-8")
    assert run_cli("train", "--input", str(plain), "--vocab-size", "270", "--out", str(out)).returncode == 0


def test_cli_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"input": "hi", "output": "hello"}\n{"input": "no output"}\n', encoding="utf-8")
    result = run_cli("train", "--input", str(bad), "--out", str(tmp_path / "t.json"))
    assert result.returncode != 0 and "bad.jsonl, line 2" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("train", "--input", str(tmp_path / "none.jsonl"))
    assert result.returncode != 0 and "cannot read" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("show", "--tokenizer", str(tmp_path / "none.json"), "hi")
    assert result.returncode != 0 and "does not exist" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------------ Hugging Face
@pytest.fixture(scope="module")
def hf():
    return pytest.importorskip("tokenizers")


def hf_train(hf, texts, vocab_size, full_alphabet):
    """Hugging Face's trainer as the original GuppyLM sets it up (full_alphabet False) or with all 256 bytes."""
    tok = hf.Tokenizer(hf.models.BPE())
    tok.pre_tokenizer = hf.pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = hf.decoders.ByteLevel()
    alphabet = hf.pre_tokenizers.ByteLevel.alphabet() if full_alphabet else []
    tok.train_from_iterator(texts, hf.trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=2, show_progress=False,
                                                          special_tokens=SPECIAL_TOKENS, initial_alphabet=alphabet))
    return tok


@pytest.fixture(scope="module")
def hf_reads_ours(hf, tok, tmp_path_factory):
    path = tmp_path_factory.mktemp("ours") / "tokenizer.json"
    tok.save(path)
    return hf.Tokenizer.from_file(str(path))


@pytest.fixture(scope="module")
def hf_trained(hf, texts, tmp_path_factory):
    """(Hugging Face's tokenizer trained the original's way, ours loaded from its file)."""
    theirs = hf_train(hf, texts, 600, full_alphabet=False)
    path = tmp_path_factory.mktemp("theirs") / "tokenizer.json"
    theirs.save(str(path))
    return theirs, Tokenizer.load(path)


# Characters that both split patterns class alike: the `regex` package knows Unicode 17, whose new
# letters (CJK Extension J, ...) Hugging Face's Oniguruma (Unicode 16) does not know yet. Python
# 3.11's own tables are Unicode 14, so leaving out what it calls unassigned (Cn) avoids them.
KNOWN_TEXT = st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cn"))), st.sampled_from(PIECES)),
                      max_size=12).map("".join)


def test_hf_reads_our_file_corpus(tok, hf_reads_ours, texts):
    assert [e.ids for e in hf_reads_ours.encode_batch(texts)] == tok.encode_batch(texts)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(KNOWN_TEXT)
@example("hi  guppy <|im_end|>\n\n  x")
def test_hf_reads_our_file_strings(tok, hf_reads_ours, text):
    assert hf_reads_ours.encode(text).ids == tok.encode(text)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 599), max_size=8))
def test_hf_decodes_as_we_do(tok, hf_reads_ours, ids):
    assert hf_reads_ours.decode(ids, skip_special_tokens=False) == tok.decode(ids)


def test_we_read_hf_file_corpus(hf_trained, texts):
    theirs, ours = hf_trained
    assert len(ours) == theirs.get_vocab_size() and ours.encode("Guppy") != []
    assert ours.encode_batch(texts) == [e.ids for e in theirs.encode_batch(texts)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(KNOWN_TEXT)
@example("HELLO Guppy, ÀÉ 日本")  # bytes the file has no token for are dropped, as Hugging Face drops them
def test_we_read_hf_file_strings(hf_trained, text):
    theirs, ours = hf_trained
    assert ours.encode(text) == theirs.encode(text).ids


def test_our_training_is_hf_training(hf, texts, tmp_path):
    # Given the same chunks (special tokens cut out first, as we do) and all 256 bytes, Hugging Face's
    # trainer writes the very same file: same ids, same merges in the same order, same layout.
    splitter = special_splitter(SPECIAL_TOKENS)
    pieces = [piece for text in texts for piece in split_specials(text, splitter)[0::2]]
    for vocab_size in (300, 4096):
        Tokenizer.train(texts, vocab_size, SPECIAL_TOKENS).save(tmp_path / "ours.json")
        hf_train(hf, pieces, vocab_size, full_alphabet=True).save(str(tmp_path / "theirs.json"))
        assert (tmp_path / "ours.json").read_bytes() == (tmp_path / "theirs.json").read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(REAL_DATA), reason="no runs/data/train.jsonl (python -m data ... makes it)")
def test_real_dataset_against_hf(hf, tmp_path):
    with open(REAL_DATA, encoding="utf-8") as f:
        texts = [format_sample(s["input"], s["output"]) for s in map(json.loads, f)]
    ours = Tokenizer.train(texts, 4096, SPECIAL_TOKENS)
    ours.save(tmp_path / "ours.json")
    theirs = hf.Tokenizer.from_file(str(tmp_path / "ours.json"))
    assert [e.ids for e in theirs.encode_batch(texts)] == ours.encode_batch(texts)
    splitter = special_splitter(SPECIAL_TOKENS)
    pieces = [piece for text in texts for piece in split_specials(text, splitter)[0::2]]
    hf_train(hf, pieces, 4096, full_alphabet=True).save(str(tmp_path / "theirs.json"))
    assert (tmp_path / "ours.json").read_bytes() == (tmp_path / "theirs.json").read_bytes()
    original_way = hf_train(hf, texts, 4096, full_alphabet=False)
    original_way.save(str(tmp_path / "original.json"))
    loaded = Tokenizer.load(tmp_path / "original.json")
    assert loaded.encode_batch(texts) == [e.ids for e in original_way.encode_batch(texts)]
