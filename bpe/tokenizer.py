"""Tokenizer: a byte-level BPE that trains, encodes, decodes, saves and loads tokenizer.json.

Ids, for a tokenizer we train: the special tokens first (Guppy's "<pad>", "<|im_start|>",
"<|im_end|>" are 0, 1, 2), then the 256 bytes (in byte_level.BYTE_ORDER), then one id per merge.
Any text encodes: every byte has a token, and every Python string has bytes (a lone surrogate,
which UTF-8 cannot encode, is the byte Python escaped as it, or else U+FFFD: see
byte_level.text_to_bytes). Example:

    >>> tok = Tokenizer.train(["aaabdaaabac"], vocab_size=3 + 256 + 3, min_frequency=1,
    ...                       special_tokens=["<pad>", "<|im_start|>", "<|im_end|>"])
    >>> tok.encode("aaabdaaabac<|im_end|>")   # 'a' is 67, 'b' 68, 'c' 69, 'd' 70
    [261, 70, 261, 67, 69, 2]
    >>> [tok.decode([i]) for i in (259, 260, 261)]   # the merges: a+a, a+b, aa+ab
    ['aa', 'ab', 'aaab']
"""
import os
from functools import partial
from itertools import chain

from bpe import hf_json
from bpe.byte_level import BYTE_ORDER, is_unicode, text_to_bytes, to_bytes, to_chars
from bpe.split import GPT2_SPLIT, count_chunks, needs_context, special_splitter, split_specials
from bpe.trainer import learn_merges, merge

_MEMO_LIMIT = 200_000  # entries per encoding memo; it starts afresh beyond this, so memory stays bounded


class _Memo(dict):
    """A dict that fills itself: memo[key] calls compute(key) the first time, then remembers."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):  # dict calls this when key is not there yet
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        value = self[key] = self.compute(key)
        return value


class Tokenizer:
    """A byte-level BPE tokenizer.

    vocab: id -> bytes, for every id 0..N-1 (a special token's bytes are its UTF-8 text)
    merges: (left id, right id) pairs in the order they were learned; earlier merges apply first
    special_tokens: text -> id; encode() turns these strings into their single ids
    """

    def __init__(self, vocab: dict[int, bytes], merges: list[tuple[int, int]], special_tokens: dict[str, int]):
        if sorted(vocab) != list(range(len(vocab))):
            raise ValueError("vocab ids must be 0..N-1 with none missing")
        self.vocab = dict(vocab)
        self.merges = list(merges)
        self.special_tokens = dict(special_tokens)
        for token, i in self.special_tokens.items():
            if not token or not is_unicode(token) or i not in self.vocab:
                raise ValueError(f"special token {token!r} must be non-empty text (no lone surrogates) "
                                 f"with an id in the vocab")
        id_of = self._id_of = {token: i for i, token in self.vocab.items()}  # bytes -> id
        special_ids = set(self.special_tokens.values())
        # byte -> its id; None where the vocab has no token for the byte (Hugging Face files may
        # lack some): such bytes are dropped when encoding, as Hugging Face does.
        self._byte_ids = [id_of.get(bytes([b])) for b in range(256)]
        self._byte_ids = [None if i in special_ids else i for i in self._byte_ids]
        self._rank = {}  # (int, int) -> rank: lower ranks merge first
        self._merged_id = {}  # (int, int) -> the id the pair merges into
        for rank, (left, right) in enumerate(self.merges):
            if left not in self.vocab or right not in self.vocab:
                raise ValueError(f"merge {rank} {(left, right)} uses an id that is not in the vocab")
            merged = id_of.get(self.vocab[left] + self.vocab[right])
            if merged is None:
                raise ValueError(f"merge {rank} {(left, right)} spells a token that is not in the vocab")
            # subtle: a pair listed twice keeps its last rank, as Hugging Face's merge table does.
            self._rank[left, right] = rank
            self._merged_id[left, right] = merged
        self._splitter = special_splitter(self.special_tokens)
        # The space trick (see bpe/split.py) needs special tokens without spaces.
        self._parts_work = not any(" " in token for token in self.special_tokens)
        self._chunk_ids = _Memo(self._encode_chunk)  # chunk -> ids
        self._memo = {  # allow_special -> (memo for a text's first part, memo for a part after " ")
            allow: (_Memo(partial(self._encode_exact, allow_special=allow)),
                    _Memo(partial(self._encode_part, allow_special=allow))) for allow in (True, False)}

    # ---------------------------------------------------------------- training
    @classmethod
    def train(cls, texts: list[str], vocab_size: int = 4096, special_tokens: list[str] = (),
              min_frequency: int = 2, progress: bool = False) -> "Tokenizer":
        """Learns a byte-level BPE from texts: special tokens get ids 0.., the 256 bytes the next
        ids, and merges the rest, until vocab_size or until no pair occurs min_frequency times.

        Special tokens in the texts are cut out before counting: no merge ever spans or builds one.
        """
        if isinstance(texts, str):
            raise TypeError("texts must be a list of strings, not one string: use [text]")
        texts = list(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"texts[{i}] is a {type(text).__name__}, not a str")
        special_tokens = list(special_tokens)
        if len(set(special_tokens)) != len(special_tokens) or \
                not all(isinstance(t, str) and t and is_unicode(t) for t in special_tokens):
            raise ValueError(f"special_tokens must be distinct, non-empty strings without lone surrogates; "
                             f"got {special_tokens!r}")
        if not isinstance(vocab_size, int) or vocab_size < 256 + len(special_tokens):
            raise ValueError(f"vocab_size={vocab_size!r} is too small: it must hold the 256 bytes and "
                             f"the {len(special_tokens)} special tokens, so at least {256 + len(special_tokens)}")
        if not isinstance(min_frequency, int) or min_frequency < 0:
            raise ValueError(f"min_frequency={min_frequency!r} must be a whole number >= 0")
        chunk_counts = count_chunks(texts, special_tokens)  # str -> int
        if not chunk_counts:
            raise ValueError(f"nothing to train on: the {len(texts)} texts hold no text outside special tokens")
        vocab = {i: token.encode("utf-8") for i, token in enumerate(special_tokens)}  # id -> bytes
        byte_ids = [0] * 256  # byte -> id
        for b in BYTE_ORDER:
            byte_ids[b] = len(vocab)
            vocab[len(vocab)] = bytes([b])
        words = {tuple([byte_ids[b] for b in text_to_bytes(chunk)]): count for chunk, count in chunk_counts.items()}
        merges = learn_merges(words, vocab, vocab_size, min_frequency, progress)
        return cls(vocab, merges, {token: i for i, token in enumerate(special_tokens)})

    # ---------------------------------------------------------------- encoding
    def encode(self, text: str) -> list[int]:
        """Text -> ids. Special tokens in the text become their ids: "<|im_end|>" -> [2].
        Any str encodes, lone surrogates included (see the module docstring)."""
        return self._encode(text, allow_special=True)

    def encode_ordinary(self, text: str) -> list[int]:
        """Text -> ids, never a special token: "<|im_end|>" typed by a user is plain text."""
        return self._encode(text, allow_special=False)

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        """encode() for each text. Cheap for a dataset: a word seen once is looked up after that."""
        return [self._encode(text, True) for text in texts]

    def _encode(self, text: str, allow_special: bool) -> list[int]:
        if not isinstance(text, str):
            raise TypeError(f"encode takes a str, not a {type(text).__name__}")
        if allow_special and not self._parts_work:
            return self._encode_exact(text, True)
        # The space trick (bpe/split.py): encode each space-separated part once, then reuse it.
        first_memo, rest_memo = self._memo[allow_special]
        parts = text.split(" ")
        rest = list(map(rest_memo.__getitem__, parts[1:]))  # the ids of each part after the first
        if None in rest:  # a part that may not be encoded on its own (two spaces in a row, ...)
            return self._encode_exact(text, allow_special)
        return first_memo[parts[0]] + list(chain.from_iterable(rest))

    def _encode_part(self, part: str, allow_special: bool) -> list[int] | None:
        """A part that came after a space -> its ids, with the space put back in front; None when
        the part may not be encoded on its own (split.needs_context)."""
        if needs_context(part, self._splitter if allow_special else None):
            return None
        return self._encode_exact(" " + part, allow_special)

    def _encode_exact(self, text: str, allow_special: bool) -> list[int]:
        """The plain route: cut out special tokens, split the rest with the pattern, merge each chunk."""
        ids = []
        pieces = split_specials(text, self._splitter if allow_special else None)
        for i, piece in enumerate(pieces):
            if i % 2 == 1:  # a special token
                ids.append(self.special_tokens[piece])
            else:
                for chunk in GPT2_SPLIT.findall(piece):
                    ids.extend(self._chunk_ids[chunk])
        return ids

    def _encode_chunk(self, chunk: str) -> list[int]:
        """One chunk -> ids: its bytes, then the merges by rank, lowest first (as in training)."""
        ids = [self._byte_ids[b] for b in text_to_bytes(chunk)]
        ids = [i for i in ids if i is not None]  # subtle: a byte with no token is dropped (HF files)
        while len(ids) >= 2:
            pair = min(zip(ids, ids[1:]), key=lambda p: self._rank.get(p, float("inf")))
            if pair not in self._rank:
                break  # no pair left that a merge knows
            ids = merge(ids, pair, self._merged_id[pair])
        return ids

    # ---------------------------------------------------------------- decoding
    def decode_bytes(self, ids) -> bytes:
        """Ids -> the bytes they stand for. An id outside the vocabulary is an error."""
        try:
            return b"".join([self.vocab[i] for i in ids])
        except KeyError as error:
            raise ValueError(f"id {error.args[0]!r} is not in the vocabulary "
                             f"(ids are 0..{len(self.vocab) - 1})") from None

    def decode(self, ids) -> str:
        """Ids -> text. Bytes that are not valid UTF-8 (half a character, or a byte that came in as a
        lone surrogate) become U+FFFD; decode_bytes gives them exactly."""
        return self.decode_bytes(ids).decode("utf-8", errors="replace")

    # ---------------------------------------------------------------- looking at tokens
    def __len__(self) -> int:
        return len(self.vocab)

    @property
    def vocab_size(self) -> int:
        """Number of ids (special tokens included): the model's embedding needs this many rows."""
        return len(self.vocab)

    def token_to_id(self, token: str) -> int:
        """A special token's id (tok.token_to_id("<|im_end|>") -> 2), or an ordinary token's, given as
        stored in tokenizer.json ("Ġguppy"). A string that is no token is a KeyError."""
        if token in self.special_tokens:
            return self.special_tokens[token]
        i = self._id_of.get(to_bytes(token))
        if i is not None and i not in self.special_tokens.values():
            return i
        raise KeyError(f"{token!r} is not a token of this tokenizer (special tokens: {list(self.special_tokens)})")

    def id_to_token(self, i: int) -> str:
        """The token as tokenizer.json stores it: a special token's text, else its byte-level
        characters (a space is 'Ġ', a newline 'Ċ'): id_to_token(tok.encode(" guppy")[0]) -> 'Ġguppy'."""
        for token, special_id in self.special_tokens.items():
            if special_id == i:
                return token
        if i not in self.vocab:
            raise ValueError(f"id {i!r} is not in the vocabulary (ids are 0..{len(self.vocab) - 1})")
        return to_chars(self.vocab[i])

    # ---------------------------------------------------------------- files
    def save(self, path: str | os.PathLike) -> None:
        """Writes a Hugging Face tokenizer.json (atomically: a temporary file, then a rename)."""
        hf_json.save(path, self.vocab, self.merges, self.special_tokens)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Tokenizer":
        """Reads a byte-level BPE tokenizer.json, ours or one written by Hugging Face tokenizers."""
        vocab, merges, special_tokens = hf_json.load(path)
        return cls(vocab, merges, special_tokens)

