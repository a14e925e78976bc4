"""The application: where text (bpe/), the persona's data (data/) and the model meet. prepare.py
makes the dataset, tokenizer and token cache; batching.py the training batches; training.py one
training step and the held-out loss; conversation.py a chat, turn by turn; chat_api.py the Python
API (`Guppy`: load a run, reply, stream, chat completions); convert.py brings in a model trained
by the original GuppyLM. The look-inside views: explain.py (each reply token's probabilities, as
sampled), attention.py (the attention maps of a reply), growing_up.py (the same prompts at every
evaluation, each layer's gradient norm). train.py and chat.py are built from these.
"""

from tinygrad_guppy.app.chat_api import Guppy

__all__ = ["Guppy"]
