"""The application: where text (bpe/), the persona's data (data/) and the model meet. prepare.py
makes the dataset, tokenizer and token cache; batching.py the training batches; training.py one
training step and the held-out loss; conversation.py a chat, turn by turn; chat_api.py the Python
API (`Guppy`: load a run, reply, stream, chat completions); convert.py brings in a model trained
by the original GuppyLM. train.py and chat.py are built from these.
"""

from tinygrad_guppy.app.chat_api import Guppy

__all__ = ["Guppy"]
