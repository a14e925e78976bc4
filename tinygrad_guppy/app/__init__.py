"""The application: where text (bpe/), the persona's data (data/) and the model meet. prepare.py
makes the dataset, tokenizer and token cache; batching.py the training batches; training.py one
training step and the held-out loss; conversation.py a chat, turn by turn. train.py and chat.py are
built from these.
"""
