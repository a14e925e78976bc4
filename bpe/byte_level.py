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
