"""The one-turn chat format that the model is trained on, and its special tokens.

This is the one place that names the special tokens and their order; their ids are their positions
in SPECIAL_TOKENS (the tokenizer gives them ids 0, 1, 2, and GuppyConfig's pad_id, bos_id and
eos_id match). Example:

    >>> format_sample("hi guppy", "hello. the water is warm today.")
    '<|im_start|>user\\nhi guppy<|im_end|>\\n<|im_start|>assistant\\nhello. the water is warm today.<|im_end|>'
"""

PAD = "<pad>"            # id 0: fills the end of a row; the loss ignores it
IM_START = "<|im_start|>"  # id 1: a turn begins
IM_END = "<|im_end|>"      # id 2: a turn ends; generation stops here
SPECIAL_TOKENS = [PAD, IM_START, IM_END]


def format_prompt(user_text: str) -> str:
    """The text the model sees before it writes Guppy's reply."""
    return f"{IM_START}user\n{user_text}{IM_END}\n{IM_START}assistant\n"


def format_sample(user_text: str, reply: str) -> str:
    """A whole training sample: the prompt, the reply, and the end-of-turn token."""
    return format_prompt(user_text) + reply + IM_END
