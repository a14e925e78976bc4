"""Pre-tokenization: cut text into chunks, so that BPE merges never cross a chunk boundary.

Two steps, as in Hugging Face's tokenizers with a ByteLevel pre-tokenizer:
1. Special tokens are cut out first (leftmost, and the longest one where several start at the
   same place), so "<|im_end|>" in a text is one token and never pieces of one.
2. Each piece between them is split with GPT-2's pattern: a word with at most one space in front
   of it, a run of digits, a run of other symbols, or whitespace.

    >>> GPT2_SPLIT.findall("hi guppy,  it's 42!")
    ['hi', ' guppy', ',', ' ', ' it', "'s", ' 42', '!']

The space trick (what makes counting and encoding fast). A space that is followed by a character
other than whitespace always starts a new chunk: no chunk holds a non-space character followed by a
space, and a run of whitespace gives its last space to the word after it (" guppy"). So
`text.split(" ")` cuts text into parts that the pattern can split one at a time, each part after
the first with its space put back in front (" " + part), and identical parts are split and counted
only once, however many times they occur. A part that is empty, starts with whitespace, or starts
with a special token breaks the rule ("\\n <pad>" splits as "\\n ", "<pad>", not "\\n", " ",
"<pad>"): a text with such a part takes the plain, slower route.
"""
from collections import Counter

import regex

# GPT-2's split pattern, as Hugging Face's ByteLevel pre-tokenizer (use_regex=True) writes it:
# contractions | letters | digits | other symbols (each with an optional space in front)
# | whitespace not followed by a non-space (so the last space of a run stays with the next word)
# | any other whitespace. Compiled once, here.
GPT2_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
GPT2_SPLIT = regex.compile(GPT2_PATTERN)


def special_splitter(special_tokens) -> regex.Pattern | None:
    """A pattern whose .split(text) gives [text, special, text, special, ..., text]; None if no specials.

    subtle: the alternatives are tried in order at each position, so sorting them longest first
    gives the longest special token that starts at the leftmost place (what Hugging Face does).
    """
    if not special_tokens:
        return None
    longest_first = sorted(special_tokens, key=len, reverse=True)
    return regex.compile("(" + "|".join(regex.escape(token) for token in longest_first) + ")")


def split_specials(text: str, splitter: regex.Pattern | None) -> list[str]:
    """'a<|im_end|>b' -> ['a', '<|im_end|>', 'b']: ordinary text at even positions, specials at odd."""
    return [text] if splitter is None else splitter.split(text)


def needs_context(part: str, splitter: regex.Pattern | None) -> bool:
    """True if a part (after the first) of text.split(" ") may not split on its own: see above.

    That is, if the space in front of it may not start a chunk: when the part is empty, starts with
    whitespace, or starts with a special token (the space then ends its piece of text).
    """
    return part == "" or part[0].isspace() or (splitter is not None and splitter.match(part) is not None)


def count_chunks(texts: list[str], special_tokens: list[str]) -> Counter:
    """How often each chunk occurs in texts, special tokens left out. str -> int.

    Example: count_chunks(["hi guppy", "hi<pad> guppy"], ["<pad>"]) -> {'hi': 2, ' guppy': 2}
    """
    splitter = special_splitter(special_tokens)
    chunks = Counter()

    def add(text: str, count: int):  # text: a whole text, or a part with its space in front
        for piece in split_specials(text, splitter)[0::2]:  # the ordinary text between special tokens
            for chunk in GPT2_SPLIT.findall(piece):
                chunks[chunk] += count

    if not texts:
        return chunks
    if any(" " in token for token in special_tokens):  # split(" ") would cut a special token apart
        for text in texts:
            add(text, 1)
        return chunks
    # Count the parts of all texts at once (joined by spaces, then split again); each text's first
    # part has no space in front of it, so it moves to its own count.
    parts = Counter(" ".join(texts).split(" "))
    first_parts = Counter([text.partition(" ")[0] for text in texts])
    parts.subtract(first_parts)
    awkward = {part for part, count in parts.items() if count > 0 and needs_context(part, splitter)}
    if awkward:  # rare: take the texts that hold such a part out of the counts, split them whole
        for text in texts:
            text_parts = text.split(" ")
            if not awkward.isdisjoint(text_parts[1:]):
                first_parts[text_parts[0]] -= 1
                parts.subtract(text_parts[1:])
                add(text, 1)
    for part, count in first_parts.items():
        if count > 0:
            add(part, count)
    for part, count in parts.items():
        if count > 0:
            add(" " + part, count)
    return chunks
