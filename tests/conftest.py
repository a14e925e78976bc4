"""Fixtures shared by several test files."""

import pytest

from bpe import Tokenizer
from data.chat_format import SPECIAL_TOKENS, format_sample


@pytest.fixture(scope="session")
def tok():
    """A small tokenizer (about 100 tokens) trained on three chat turns, one of them not ASCII."""
    texts = [format_sample("hello guppy", "hello. the water is warm."),
             format_sample("are you hungry?", "yes. food is the best."),
             format_sample("héllo 🐟", "blub. 🐟 bubbles.")]
    return Tokenizer.train(texts * 5, vocab_size=300, special_tokens=SPECIAL_TOKENS, min_frequency=2)
