"""The converter from the original GuppyLM's best_model.pt + tokenizer.json: the checkpoint is made
here with the PyTorch reference (the original's architecture and names) and saved the way the
original saves it; the converted model must give PyTorch's logits. The .pt reader runs nothing
that a file names."""

import dataclasses
import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

from bpe import Tokenizer
from data.chat_format import SPECIAL_TOKENS, format_sample
from tinygrad_guppy import checkpoint
from tinygrad_guppy.app import Guppy
from pt_format import save_like_torch
from tinygrad_guppy.app.convert import Placeholder, convert, main, read_pt
from tinygrad_guppy.model import GuppyConfig, GuppyLM

CFG = GuppyConfig(vocab_size=300, max_seq_len=32, d_model=32, n_layers=2, n_heads=2, ffn_hidden=48)
TEXTS = [format_sample("hi guppy", "hello. the water is warm."),
         format_sample("are you hungry?", "yes. food is the best.")] * 5


@pytest.fixture(scope="module")
def torch_model():
    torch = pytest.importorskip("torch")
    from torch_reference import TorchGuppyLM
    torch.manual_seed(0)
    return TorchGuppyLM(CFG).eval()


@pytest.fixture(scope="module")
def hf_tokenizer(tmp_path_factory):
    """tokenizer.json as the original makes it: Hugging Face tokenizers, byte-level BPE."""
    tokenizers = pytest.importorskip("tokenizers")
    from tokenizers import decoders, models, pre_tokenizers, processors, trainers
    tok = tokenizers.Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, special_tokens=SPECIAL_TOKENS, min_frequency=2,
                                  show_progress=False)
    tok.train_from_iterator(TEXTS, trainer)
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    path = tmp_path_factory.mktemp("hf") / "tokenizer.json"
    tok.save(str(path))
    return str(path)


def logits_agree(folder, torch_model):
    import torch
    ids = np.random.default_rng(0).integers(0, CFG.vocab_size, size=(2, 20))
    ours, _ = checkpoint.load(folder).eval()(ids)
    with torch.no_grad():
        theirs, _ = torch_model(torch.from_numpy(ids))
    # float32 both sides, same math in another order: measured max difference ~2e-7
    np.testing.assert_allclose(ours.data, theirs.numpy(), atol=1e-5, rtol=1e-5)


def test_the_originals_best_model_pt_converts_with_the_same_logits(tmp_path, torch_model, hf_tokenizer, capsys):
    import torch
    pt = tmp_path / "best_model.pt"
    torch.save({"model_state_dict": torch_model.state_dict(), "config": dataclasses.asdict(CFG),
                "optimizer_state_dict": {"state": {}, "param_groups": [{"lr": 3e-4}]},
                "step": 100, "val_loss": np.float64(1.25)}, pt)
    assert main([str(pt), hf_tokenizer, "--out", str(tmp_path / "run")]) == 0
    assert "python chat.py --run" in capsys.readouterr().out
    assert sorted(os.listdir(tmp_path / "run")) == ["config.json", "model.safetensors", "tokenizer.json"]
    assert checkpoint.load_config(tmp_path / "run") == CFG
    logits_agree(tmp_path / "run", torch_model)
    reply = Guppy.load(str(tmp_path / "run")).reply("hi guppy", max_tokens=4, seed=0)
    assert isinstance(reply, str)


def test_a_bare_state_dict_with_a_hugging_face_config(tmp_path, torch_model, hf_tokenizer):
    import torch
    state = {f"_orig_mod.{k}": v for k, v in torch_model.state_dict().items()}   # torch.compile's names
    torch.save(state, tmp_path / "pytorch_model.bin")
    hf_config = {"model_type": "guppylm", "vocab_size": 300, "max_position_embeddings": 32,
                 "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2,
                 "intermediate_size": 48, "hidden_dropout_prob": 0.1, "pad_token_id": 0,
                 "bos_token_id": 1, "eos_token_id": 2}
    (tmp_path / "config.json").write_text(json.dumps(hf_config))
    model, left_out = convert(tmp_path / "pytorch_model.bin", hf_tokenizer, tmp_path / "run",
                              config_path=tmp_path / "config.json")
    assert model.cfg == CFG and left_out == []
    logits_agree(tmp_path / "run", torch_model)
    # without a config the heads are not in the shapes: the original's head size 64 gives 1 here
    model, _ = convert(tmp_path / "pytorch_model.bin", hf_tokenizer, tmp_path / "guess")
    assert model.cfg.n_heads == 1 and model.cfg.d_model == 32


def test_the_reader_gives_torchs_values_for_every_layout(tmp_path):
    torch = pytest.importorskip("torch")
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 7
    tensors = {"transposed": base.t(), "slice": base[1:3, ::2], "half": base.half(),
               "bfloat16": base.bfloat16(), "double": base.double(), "long": torch.arange(5),
               "bool": base > 1, "scalar": torch.tensor(3.5), "empty": torch.zeros(0, 3),
               "param": torch.nn.Parameter(base.clone())}
    torch.save({"t": tensors, "shared": [base, base[2]]}, tmp_path / "x.pt")
    got = read_pt(tmp_path / "x.pt")
    for name, t in tensors.items():
        expected = t.detach().float().numpy() if name == "bfloat16" else t.detach().numpy()
        np.testing.assert_array_equal(got["t"][name], expected, err_msg=name)
        assert got["t"][name].shape == tuple(t.shape)
    np.testing.assert_array_equal(got["shared"][1], base[2].numpy())


def test_the_originals_layout_converts_without_torch(tmp_path, capsys):
    # the same file layout, written by tests/pt_format.py, so this runs where torch is absent
    source = GuppyLM(CFG, seed=3)
    save_like_torch(tmp_path / "best_model.pt", {"model_state_dict": source.state_dict(),
                                                 "config": dataclasses.asdict(CFG), "step": 100})
    tok = Tokenizer.train(TEXTS, vocab_size=300, special_tokens=SPECIAL_TOKENS, min_frequency=2)
    tok.save(tmp_path / "tokenizer.json")
    assert main([str(tmp_path / "best_model.pt"), str(tmp_path / "tokenizer.json"),
                 "--out", str(tmp_path / "run")]) == 0
    assert "wrote" in capsys.readouterr().out
    ids = np.random.default_rng(0).integers(0, CFG.vocab_size, size=(2, 20))
    converted, _ = checkpoint.load(tmp_path / "run").eval()(ids)
    expected, _ = source.eval()(ids)
    np.testing.assert_array_equal(converted.data, expected.data)
    assert isinstance(Guppy.load(str(tmp_path / "run")).reply("hi guppy", max_tokens=3), str)


def test_the_test_writer_writes_what_torch_reads(tmp_path):
    torch = pytest.importorskip("torch")
    state = GuppyLM(CFG, seed=1).state_dict()
    save_like_torch(tmp_path / "x.pt", {"model_state_dict": state, "config": {"d_model": 32, "dropout": 0.1}})
    loaded = torch.load(tmp_path / "x.pt", weights_only=True)
    assert loaded["config"] == {"d_model": 32, "dropout": 0.1}
    for name, array in state.items():
        np.testing.assert_array_equal(loaded["model_state_dict"][name].numpy(), array)


class RunsACommand:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def test_the_reader_runs_nothing_a_file_names(tmp_path, monkeypatch, hf_tokenizer):
    monkeypatch.chdir(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("evil/data.pkl", pickle.dumps({"model_state_dict": RunsACommand()}, protocol=2))
    (tmp_path / "evil.pt").write_bytes(buffer.getvalue())
    loaded = read_pt(tmp_path / "evil.pt")
    assert isinstance(loaded["model_state_dict"], Placeholder) and "system" in repr(loaded["model_state_dict"])
    assert not os.path.exists(tmp_path / "PWNED")
    with pytest.raises(ValueError, match="holds no state dict of tensors"):
        convert(tmp_path / "evil.pt", hf_tokenizer, tmp_path / "run")


def test_bad_inputs_say_what_is_wrong(tmp_path, torch_model, hf_tokenizer):
    import torch
    (tmp_path / "old.pt").write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ValueError, match="not a PyTorch checkpoint in the zip format"):
        read_pt(tmp_path / "old.pt")
    with pytest.raises(SystemExit, match="does not exist"):
        main([str(tmp_path / "missing.pt"), hf_tokenizer])
    pt = tmp_path / "best_model.pt"
    torch.save({"model_state_dict": torch_model.state_dict(), "config": {"n_layers": 6}}, pt)
    with pytest.raises(ValueError, match="the config says n_layers=6 but the weights have 2"):
        convert(pt, hf_tokenizer, tmp_path / "run")
    no_chat = Tokenizer.train(["hello there"] * 3, vocab_size=270, special_tokens=["<pad>"])
    no_chat.save(tmp_path / "plain.json")
    torch.save({"model_state_dict": torch_model.state_dict()}, pt)
    with pytest.raises(ValueError, match="lacks the chat tokens"):
        convert(pt, tmp_path / "plain.json", tmp_path / "run")
    state = torch_model.state_dict()
    del state["blocks.1.ffn.down.bias"]
    torch.save(state, pt)
    with pytest.raises(ValueError, match=r"missing \['blocks.1.ffn.down.bias'\]"):
        convert(pt, hf_tokenizer, tmp_path / "run")
