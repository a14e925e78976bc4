"""bpe: a pure-Python byte-level BPE tokenizer that reads and writes Hugging Face tokenizer.json."""
