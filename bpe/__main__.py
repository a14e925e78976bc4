"""The bpe command line: train a tokenizer, or show how one cuts a text into tokens.

    python -m bpe train --input runs/data/train.jsonl --vocab-size 4096 --out runs/tokenizer.json
    python -m bpe show --tokenizer runs/tokenizer.json "hi guppy, are you hungry?"

train reads Guppy dataset lines ({"input", "output", "category"}) and learns from the texts the model
sees (data.chat_format.format_sample), or, from any other file, one text per line.
"""
import argparse
import json
import os
import sys
import time

from bpe.byte_level import text_to_bytes
from bpe.tokenizer import Tokenizer
from data.chat_format import SPECIAL_TOKENS, format_sample


def read_texts(path: str) -> list[str]:
    """A .jsonl dataset -> one formatted sample per line; any other file -> its lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not path.endswith(".jsonl"):
        return lines
    texts = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            sample = json.loads(line)
            texts.append(format_sample(sample["input"], sample["output"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise SystemExit(f"{path}, line {number}: expected a JSON object with \"input\" and \"output\" "
                             f"strings, found {line[:80]!r}") from None
    return texts


def train(args) -> None:
    texts = []
    for path in args.input:
        try:
            texts += read_texts(path)
        except OSError as error:
            raise SystemExit(f"cannot read {path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise SystemExit(f"cannot read {path}: it is not UTF-8 text") from None
    if not any(texts):
        raise SystemExit(f"no text to train on in {', '.join(args.input)}")
    start = time.perf_counter()
    try:
        tok = Tokenizer.train(texts, args.vocab_size, args.special_tokens, args.min_frequency, progress=True)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    seconds = time.perf_counter() - start
    try:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        tok.save(args.out)
    except OSError as error:
        raise SystemExit(f"cannot write {args.out}: {error.strerror}") from None
    n_special = len(args.special_tokens)
    stopped = "" if len(tok) == args.vocab_size else \
        f" (stopped early: no pair of tokens occurs {args.min_frequency} times any more)"
    print(f"trained on {len(texts):,} texts in {seconds:.2f} s: {len(tok):,} tokens = {n_special} special + "
          f"256 bytes + {len(tok) - n_special - 256:,} merged{stopped}")
    print(f"wrote {args.out}")


def show(args) -> None:
    try:
        tok = Tokenizer.load(args.tokenizer)
    except (OSError, ValueError) as error:
        raise SystemExit(str(error)) from None
    ids = tok.encode_ordinary(args.text) if args.ordinary else tok.encode(args.text)
    print(f"{len(ids)} tokens for {len(text_to_bytes(args.text))} bytes of text")
    print(f"{'id':>6}  piece")
    for i in ids:
        piece = tok.decode_bytes([i])
        try:
            shown = repr(piece.decode("utf-8"))
        except UnicodeDecodeError:  # part of a character: show the bytes
            shown = repr(piece)
        print(f"{i:>6}  {shown}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bpe", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("train", help="learn a tokenizer from texts and save it as tokenizer.json")
    p.add_argument("--input", required=True, nargs="+",
                   help="FILE.jsonl (Guppy samples) or text files (one text a line)")
    p.add_argument("--vocab-size", type=int, default=4096, help="tokens in all, special tokens included (default 4096)")
    p.add_argument("--min-frequency", type=int, default=2, help="stop when no pair occurs this often (default 2)")
    p.add_argument("--special-tokens", nargs="*", default=SPECIAL_TOKENS,
                   help=f"special tokens, ids 0.. in this order (default: {' '.join(SPECIAL_TOKENS)})")
    p.add_argument("--out", default="runs/tokenizer.json",
                   help="where to write tokenizer.json (default runs/tokenizer.json)")
    p.set_defaults(run=train)
    p = commands.add_parser("show", help="print the ids of a text and the piece each one stands for")
    p.add_argument("--tokenizer", default="runs/tokenizer.json", help="a tokenizer.json (default runs/tokenizer.json)")
    p.add_argument("--ordinary", action="store_true", help="treat special-token strings in the text as plain text")
    p.add_argument("text", help="the text to tokenize")
    p.set_defaults(run=show)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main(sys.argv[1:])
