"""The Python API (tinygrad_guppy.app.Guppy): replies, streams, conversations, OpenAI-shaped chat
completions, bad input rejected with a clear error, and README's example, run as written."""

import contextlib
import io
import os
import re

import pytest

from data.chat_format import format_prompt, format_sample
from tinygrad_guppy import checkpoint
from tinygrad_guppy.app import Guppy
from tinygrad_guppy.app.chat_api import SAMPLING, sampling_options
from tinygrad_guppy.model import GuppyConfig, GuppyLM

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tiny_model(seed=0):
    cfg = GuppyConfig(vocab_size=300, max_seq_len=128, d_model=32, n_layers=2, n_heads=2, ffn_hidden=48)
    return GuppyLM(cfg, seed=seed)


@pytest.fixture(scope="module")
def guppy(tok):
    return Guppy(tiny_model(), tok)


def silent_model(tok):
    """A model whose every reply is empty: the head's bias makes <|im_end|> the likeliest token."""
    model = tiny_model()
    end = tok.token_to_id("<|im_end|>")
    model.norm.weight.data[:] = 0
    model.norm.bias.data[:] = model.tok_emb.weight.data[end] * 1e4   # logits = E @ bias: E[end] wins
    return model


def test_reply_and_stream_give_the_same_text(guppy):
    pieces = list(guppy.stream("Hi Guppy", seed=3, temperature=1.0, top_k=0))
    assert len(pieces) > 1 and all(isinstance(p, str) for p in pieces)
    assert "".join(pieces).strip() == guppy.reply("hi guppy", seed=3, temperature=1.0, top_k=0)
    assert guppy.reply("hi guppy", greedy=True) == guppy.reply("hi guppy", temperature=0)


def test_chat_completion_is_shaped_like_openais(guppy):
    out = guppy.chat_completion([{"role": "user", "content": "hi guppy"}], max_tokens=5, seed=1)
    assert set(out) == {"id", "object", "created", "model", "choices", "usage"}
    assert out["object"] == "chat.completion" and out["id"].startswith("chatcmpl-")
    assert isinstance(out["created"], int) and out["model"] == "guppy"
    (choice,) = out["choices"]
    assert choice["index"] == 0 and choice["message"]["role"] == "assistant"
    assert choice["message"]["content"] == guppy.reply("hi guppy", max_tokens=5, seed=1)
    # an untrained model does not end its turn within 5 tokens: cut off by max_tokens
    assert choice["finish_reason"] == "length" and out["usage"]["completion_tokens"] == 5
    prompt = len(guppy.tokenizer.encode(format_prompt("hi guppy")))
    assert out["usage"] == {"prompt_tokens": prompt, "completion_tokens": 5, "total_tokens": prompt + 5}


def test_finish_reason_stop_when_guppy_ends_the_turn(tok):
    out = Guppy(silent_model(tok), tok).chat_completion([{"role": "user", "content": "hi"}])
    assert out["choices"][0]["finish_reason"] == "stop"
    assert out["choices"][0]["message"]["content"] == "" and out["usage"]["completion_tokens"] == 0


def test_earlier_messages_are_the_history_in_the_training_format(guppy):
    messages = [{"role": "system", "content": "you are a fish"},        # left out, as the original
                {"role": "user", "content": "HI Guppy"},
                {"role": "assistant", "content": "hello. the water is warm."},
                {"role": "user", "content": "are you hungry?"}]
    out = guppy.chat_completion(messages, max_tokens=2, greedy=True)
    expected = guppy.tokenizer.encode(format_sample("hi guppy", "hello. the water is warm.") + "\n"
                                      + format_prompt("are you hungry?"))
    assert out["usage"]["prompt_tokens"] == len(expected)
    conv = guppy.conversation()
    conv.set_history([("user", "HI Guppy"), ("assistant", "hello. the water is warm.")])
    assert conv.context("are you hungry?") == expected
    # the same history, typed turn by turn into a conversation, gives the same reply
    assert out["choices"][0]["message"]["content"] == conv.say("are you hungry?", max_tokens=2, greedy=True)


def test_a_conversation_remembers_until_reset(guppy):
    chat = guppy.conversation()
    chat.say("hi guppy", max_tokens=4, seed=0)
    chat.say("are you hungry?", max_tokens=4, seed=0)
    assert len(chat.turns) == 2 and chat.last_reply.completion_tokens <= 4
    chat.reset()
    assert chat.turns == []


@pytest.mark.parametrize("messages, message", [
    ([], "messages is empty"),
    ("hi guppy", "must be a list"),
    ([{"role": "fish", "content": "hi"}], r"messages\[0\] has an unknown role 'fish'"),
    ([{"role": "user", "content": 5}], r"messages\[0\]\['content'\] must be a string, got int"),
    ([{"role": "user", "content": None}], "must be a string, got NoneType"),
    ([{"role": "user"}], "must be a dict with 'role' and 'content'"),
    (["hi"], "must be a dict"),
    ([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}], "must be the user's"),
    ([{"role": "system", "content": "be a fish"}], "must be the user's"),
])
def test_bad_messages_are_a_clear_value_error(guppy, messages, message):
    with pytest.raises(ValueError, match=message):
        guppy.chat_completion(messages)


def test_sampling_options_are_checked(guppy):
    assert sampling_options({}) == SAMPLING
    assert sampling_options({"temperature": 0})["greedy"] is True
    with pytest.raises(TypeError, match="unknown sampling option 'temp'"):
        guppy.reply("hi", temp=0.5)
    for bad in [dict(temperature=-1), dict(max_tokens=0), dict(top_p=0), dict(top_k=-1),
                dict(max_tokens=True), dict(seed="one"), dict(greedy=1), dict(top_p=1.5)]:
        with pytest.raises(ValueError, match=f"{next(iter(bad))}=.*must be"):
            guppy.chat_completion([{"role": "user", "content": "hi"}], **bad)
    with pytest.raises(ValueError, match="must be a string"):
        guppy.reply(b"hi")


def save_run(folder, tok, model=None):
    checkpoint.save(model or tiny_model(), folder)
    tok.save(os.path.join(folder, "tokenizer.json"))


def test_load_a_run_folder_or_say_what_is_missing(tmp_path, tok):
    save_run(tmp_path / "my_fish", tok)
    guppy = Guppy.load(str(tmp_path / "my_fish"))
    assert guppy.name == "my_fish" and isinstance(guppy.reply("hi", max_tokens=3), str)
    with pytest.raises(FileNotFoundError, match="no trained model in .*python train.py"):
        Guppy.load(str(tmp_path / "nothing"))
    os.remove(tmp_path / "my_fish" / "tokenizer.json")
    with pytest.raises(FileNotFoundError, match="tokenizer.json is missing"):
        Guppy.load(str(tmp_path / "my_fish"))


def readme_example():
    """The first ```python block after README's "From Python" heading."""
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    section = readme[readme.index("\n## From Python"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_example_runs(tmp_path, tok, monkeypatch):
    save_run(tmp_path / "runs" / "guppy", tok)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(), "README.md", "exec"), {})
    printed = out.getvalue()
    assert "'object': 'chat.completion'" in printed or "chat.completion" in printed
    assert len(printed.splitlines()) >= 4



def test_on_the_simulated_gpu(tmp_path, tok):
    import importlib.util
    cudasim = pytest.importorskip("cudasim")
    if not cudasim.available() or importlib.util.find_spec("cupy") is not None:
        pytest.skip("cudasim needs g++, and runs only where real CuPy is not installed")
    from cudasim.fakecupy import fake_cupy_installed
    save_run(tmp_path / "run", tok)
    cpu = Guppy.load(str(tmp_path / "run"))
    with fake_cupy_installed():
        gpu = Guppy.load(str(tmp_path / "run"), device="cuda")
        assert type(gpu.model.tok_emb.weight.data).__module__ != "numpy"
        out = gpu.chat_completion([{"role": "user", "content": "hi guppy"}], max_tokens=6, greedy=True)
    # the same weights and greedy decoding: the same reply (float32 on both paths)
    assert out["choices"][0]["message"]["content"] == cpu.reply("hi guppy", max_tokens=6, greedy=True)
    assert out["usage"]["completion_tokens"] == 6
