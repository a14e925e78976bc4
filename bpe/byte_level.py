"""GPT-2's byte-level alphabet: every byte gets a printable character, so a token can be a string.

A byte-level BPE works on bytes, but a tokenizer.json stores each token as a JSON string. GPT-2's
trick (used by Hugging Face's ByteLevel pre-tokenizer and decoder) gives each of the 256 bytes one
printable character: the 188 bytes that already print as themselves keep their character ('a' is
still 'a'), and the other 68 (the control bytes, the space, DEL, NBSP, the soft hyphen) are moved
to the characters from U+0100 up, in byte order. Example:

    >>> to_chars(b"hi there\\n")
    'hiĠthereĊ'
    >>> to_bytes("hiĠthereĊ")
    b'hi there\\n'

The order of BYTE_ORDER (printable bytes first, then the moved ones) is also the order in which our
trainer, like Hugging Face's, gives the bytes their ids: Hugging Face sorts its alphabet by
character, and these characters sort exactly in this order.
"""

_PRINTABLE = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
BYTE_ORDER = _PRINTABLE + [b for b in range(256) if b not in _PRINTABLE]  # 256 bytes, printable first

BYTE_TO_CHAR = {}  # int -> str, e.g. 97 -> 'a', 32 -> 'Ġ', 10 -> 'Ċ'
for _moved, _byte in enumerate(b for b in range(256) if b not in _PRINTABLE):
    BYTE_TO_CHAR[_byte] = chr(256 + _moved)
for _byte in _PRINTABLE:
    BYTE_TO_CHAR[_byte] = chr(_byte)
CHAR_TO_BYTE = {char: byte for byte, char in BYTE_TO_CHAR.items()}  # str -> int


def text_to_bytes(text: str) -> bytes:
    """Text -> the bytes a byte-level BPE works on: its UTF-8, for every Python string.

    A Python string may hold lone surrogates (U+D800..U+DFFF), which UTF-8 cannot encode. Python
    makes them itself: reading stdin, argv or a file with errors="surrogateescape" keeps a byte that
    is not UTF-8 as U+DC80..U+DCFF (byte 0xFF as U+DCFF). Those become their byte again, so the
    bytes typed come back exactly; any other lone surrogate becomes U+FFFD (the replacement
    character). Example:

        >>> text_to_bytes(b"hi \\xff\\xfe x".decode("utf-8", errors="surrogateescape"))
        b'hi \\xff\\xfe x'
        >>> text_to_bytes("a\\ud800b")
        b'a\\xef\\xbf\\xbdb'
    """
    try:
        return text.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte: U+FFFD in its place
        return text.translate(_NOT_A_BYTE).encode("utf-8", errors="surrogateescape")


def is_unicode(text: str) -> bool:
    """True if text holds no lone surrogate, so that it is valid Unicode (and valid UTF-8 encoded)."""
    return not any("\ud800" <= c <= "\udfff" for c in text)


# the lone surrogates that surrogateescape never makes -> U+FFFD (for str.translate)
_NOT_A_BYTE = {code: "\ufffd" for code in [*range(0xD800, 0xDC80), *range(0xDD00, 0xE000)]}


def to_chars(data: bytes) -> str:
    """Bytes -> the string Hugging Face stores for them: b'a b' -> 'aĠb'."""
    # subtle: Latin-1 turns each byte into the character with the same number, and str.translate
    # then swaps every character for its printable stand-in, all in C.
    return data.decode("latin-1").translate(BYTE_TO_CHAR)


def to_bytes(token: str) -> bytes | None:
    """The inverse of to_chars; None if some character is not in the byte-level alphabet."""
    try:
        return bytes([CHAR_TO_BYTE[char] for char in token])
    except KeyError:
        return None
