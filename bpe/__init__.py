"""bpe: a pure-Python byte-level BPE tokenizer that reads and writes Hugging Face tokenizer.json.

    from bpe import Tokenizer
    tok = Tokenizer.train(texts, vocab_size=4096, special_tokens=["<pad>", "<|im_start|>", "<|im_end|>"])
    ids = tok.encode("<|im_start|>user\nhi guppy<|im_end|>")   # special tokens become ids 1 and 2
    tok.decode(ids)                                              # back to the same text
    tok.save("runs/tokenizer.json"); tok = Tokenizer.load("runs/tokenizer.json")

Read in this order: byte_level.py (bytes as printable characters), split.py (text -> chunks),
trainer.py (learning merges), tokenizer.py (encode, decode, the Tokenizer), hf_json.py (the file).
"""
from bpe.hf_json import TokenizerFileError
from bpe.tokenizer import Tokenizer

__all__ = ["Tokenizer", "TokenizerFileError"]
