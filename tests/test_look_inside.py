"""The look-inside views: the explain table agrees with the sampler, the attention maps are the
model's own (rows sum to 1, causal), the tape lists every op and parameter with the true gradient
norms, and gradcheck --show prints every entry within the check's tolerance."""

import importlib.util
import math
import os
import re
import sys

import numpy as np
import pytest

import cudasim
from cudasim.fakecupy import fake_cupy_installed
from tinygrad_guppy import checkpoint, gradcheck, tape
from tinygrad_guppy.app.attention import attention_maps, plot_attention, reply_attention
from tinygrad_guppy.app.conversation import Conversation
from tinygrad_guppy.app.explain import explain, format_explanation, sampling_settings, softmax
from tinygrad_guppy.engine import fused, ops
from tinygrad_guppy.engine.tensor import watch
from tinygrad_guppy.model import GuppyLM

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import chat  # noqa: E402


def tiny_model(seed=0, dtype="float32"):
    cfg = gradcheck.tiny_config()
    cfg.vocab_size, cfg.max_seq_len = 300, 64
    return GuppyLM(cfg, seed=seed, dtype=dtype).eval()


# ---- the engine's watch ---------------------------------------------------------------------------

def test_watch_sees_every_function_forward_then_backward_and_stops_after_the_block():
    from tinygrad_guppy import Tensor
    seen = []

    class Watcher:
        def forward(self, fn, inputs, out, seconds):
            seen.append(("forward", type(fn).__name__, [t.shape for t in inputs], out.shape))

        def backward(self, fn, dout, grads, seconds):
            seen.append(("backward", type(fn).__name__, dout.tolist(), [g.tolist() for g in grads]))

    x = Tensor([2.0, 3.0], requires_grad=True)
    with watch(Watcher()):
        ((x + x) * x).sum().backward()
    assert seen == [("forward", "Add", [(2,), (2,)], (2,)), ("forward", "Mul", [(2,), (2,)], (2,)),
                    ("forward", "Sum", [(2,)], ()),
                    ("backward", "Sum", 1.0, [[1.0, 1.0]]),
                    ("backward", "Mul", [1.0, 1.0], [[2.0, 3.0], [4.0, 6.0]]),   # d(a * x): x, a = 2x
                    ("backward", "Add", [2.0, 3.0], [[2.0, 3.0], [2.0, 3.0]])]
    (x * x).sum()
    assert len(seen) == 6                                               # nothing after the block


# ---- explain ---------------------------------------------------------------------------------------

def test_greedy_always_takes_the_first_candidate(tok):
    conv = Conversation(tiny_model(), tok)
    conv.reply_text("hello guppy", max_tokens=12, greedy=True)
    rows = explain(conv.picks, tok)
    assert len(rows) == len(conv.picks) >= 1
    for pick, row in zip(conv.picks, rows):
        assert row.model_top[0][0] == row.token and row.sampled_top == [(row.token, 1.0)]
        assert row.token_id == pick.token == int(np.argmax(pick.logits))
        assert row.p_model == pytest.approx(row.model_top[0][1]) and row.p_sampled == 1.0


def test_the_table_shows_the_probabilities_the_sampler_drew_with(tok):
    conv = Conversation(tiny_model(seed=3), tok)
    sampling = dict(max_tokens=12, temperature=0.8, top_k=10, top_p=0.9, seed=5)
    conv.reply_text("are you hungry?", **sampling)
    rows = explain(conv.picks, tok)
    rng = np.random.default_rng(5)                # the generator's draws, replayed from the picks
    for pick, row in zip(conv.picks, rows):
        assert pick.ids[rng.choice(len(pick.ids), p=pick.probs)] == pick.token
        shown = [p for _, p in row.sampled_top]
        assert shown == pick.probs[:5].tolist()                      # the very numbers drawn with
        assert row.p_sampled == pick.probs[pick.ids.tolist().index(pick.token)]
        model_probs = softmax(pick.logits)
        assert row.p_model == model_probs[pick.token]
        assert [p for _, p in row.model_top] == sorted(model_probs, reverse=True)[:5]
    # temperature < 1 and the cuts sharpen: what was sampled from is more peaked than the model
    assert all(r.sampled_top[0][1] >= r.model_top[0][1] for r in rows)
    text = format_explanation(rows, sampling_settings(**sampling))
    assert "temperature 0.8, top-k 10, top-p 0.9" in text
    assert len(text.splitlines()) == 2 + len(rows)                   # header, then one line a token


# ---- attention -------------------------------------------------------------------------------------

def test_attention_maps_are_the_models_own_rows_sum_to_one_and_are_causal():
    model = tiny_model(dtype="float64")
    ids = np.random.default_rng(0).integers(3, 300, size=11)
    maps = attention_maps(model, ids)
    L, nh, T = model.cfg.n_layers, model.cfg.n_heads, len(ids)
    assert maps.shape == (L, nh, T, T)
    np.testing.assert_allclose(maps.sum(-1), 1.0, rtol=1e-12)
    assert np.all(maps[..., np.triu_indices(T, 1)[0], np.triu_indices(T, 1)[1]] == 0)
    # an independent oracle for layer 0: softmax(q k^T / sqrt(hs)) from the weights by hand
    x = model.tok_emb.weight.data[ids] + model.pos_emb.weight.data[:T]
    block = model.blocks[0]
    h = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)
    h = h * block.norm1.weight.data + block.norm1.bias.data
    qkv = h @ block.attn.qkv.weight.data.T + block.attn.qkv.bias.data
    C, hs = model.cfg.d_model, model.cfg.d_model // nh
    q = qkv[:, :C].reshape(T, nh, hs).transpose(1, 0, 2)
    k = qkv[:, C:2 * C].reshape(T, nh, hs).transpose(1, 0, 2)
    att = q @ k.transpose(0, 2, 1) / math.sqrt(hs) + np.where(np.tri(T) > 0, 0, -np.inf)
    np.testing.assert_allclose(maps[0], np.exp(att) / np.exp(att).sum(-1, keepdims=True), rtol=1e-10)


def test_attention_maps_are_recorded_not_recomputed(monkeypatch):
    """The maps are what the attention op's forward returned: change that function and they
    change with it."""
    model = tiny_model()
    ids = [5, 6, 7, 8]
    real = fused.attention_forward

    def halved(*args, **kwargs):
        y, probs, dropped = real(*args, **kwargs)
        probs *= 0.5                             # in place: the op may have given probs as out=
        return y, probs, dropped
    monkeypatch.setattr(fused, "attention_forward", halved)
    np.testing.assert_allclose(attention_maps(model, ids).sum(-1), 0.5, rtol=1e-6)


def test_attention_picture_of_a_reply(tok, tmp_path):
    pytest.importorskip("matplotlib")
    model = tiny_model()
    conv = Conversation(model, tok)
    conv.reply_text("hello guppy", max_tokens=6, temperature=1.0, top_k=0, seed=0)
    reply = [p.token for p in conv.picks if p.token != conv.end_id]
    maps, labels, first_row = reply_attention(model, tok, conv.last_context, reply)
    assert len(labels) == maps.shape[-1] == len(conv.last_context) + len(reply)
    assert first_row == len(conv.last_context) and labels[0] == "<|im_start|>"
    path = tmp_path / "pictures" / "att.png"
    plot_attention(maps, labels, first_row, str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="empty"):
        reply_attention(model, tok, conv.last_context, [])


def test_attention_picture_without_matplotlib_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)               # import fails
    with pytest.raises(ImportError, match=r'pip install -e "\.\[plot\]"'):
        plot_attention(np.ones((1, 1, 2, 2)) / 2, ["a", "b"], 1, str(tmp_path / "a.png"))


# ---- the tape --------------------------------------------------------------------------------------

class OutputKeeper:
    """A watcher that keeps every op's output and its gradient (to check the tape's |dout|)."""

    def __init__(self):
        self.outputs = []

    def forward(self, fn, inputs, out, seconds):
        self.outputs.append(out.retain_grad())

    def backward(self, fn, dout, grads, seconds):
        pass


def test_tape_lists_every_op_and_parameter_with_the_true_gradient_norms():
    cfg = gradcheck.tiny_config()
    idx, targets = tape.random_batch(cfg, batch=2, seq=8, seed=1)
    model = GuppyLM(cfg, seed=0)
    keeper = OutputKeeper()
    with watch(keeper):
        step = tape.record_step(model, idx, targets)
    recorded = keeper.outputs[-len(step.tape.entries):]           # the recorded step's (after the warm-up)
    # the same step without the tape: a warm-up forward and backward, then the step
    plain = GuppyLM(cfg, seed=0).train()
    plain.loss(idx, targets).backward()
    plain.zero_grad()
    loss = plain.loss(idx, targets)
    loss.backward()
    assert step.loss == pytest.approx(float(loss.data), rel=1e-6)
    names = [name for name, _ in plain.named_parameters()]
    assert [name for name, _, _ in step.grad_norms] == names and len(names) == 28
    for (name, _, norm), (_, p) in zip(step.grad_norms, plain.named_parameters()):
        assert norm == pytest.approx(float(np.linalg.norm(p.grad)), rel=1e-5), name
    entries = step.tape.entries
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))
    assert entries[-1].op == "CrossEntropy" and entries[-1].dout_norm == 1.0
    assert {label for e in entries for label, _ in e.inputs if not label.startswith("#")} == set(names) | {"const"}
    for e, out in zip(entries, recorded):
        assert e.output == out.shape and e.forward_s >= 0 and e.backward_s >= 0
        assert e.dout_norm == pytest.approx(float(np.linalg.norm(out.grad)), rel=1e-5), e


def test_tape_command_and_its_dot_graph(tmp_path, capsys):
    dot_path = tmp_path / "tape.dot"
    assert tape.main(["--dot", str(dot_path), "--seq", "8"]) == 0
    out = capsys.readouterr().out
    assert "CausalSelfAttention" in out and "blocks.1.ffn.down.weight" in out
    assert re.search(r"^\s+1  Embed\s+\(2,8,32\)", out, re.M)            # the fused embedding sum
    dot = dot_path.read_text()
    assert dot.startswith("digraph tape {") and dot.rstrip().endswith("}")
    defined = set(re.findall(r"^  (\w+) \[", dot, re.M))
    edges = re.findall(r"^  (\w+) -> (\w+);", dot, re.M)
    assert edges and all(a in defined and b in defined for a, b in edges)
    assert sum(name.startswith("p") for name in defined) == 28          # one node per parameter
    assert dot.count('"') % 2 == 0 and dot.count("[") == dot.count("]")


def test_tape_names_a_missing_checkpoint(tmp_path):
    with pytest.raises(SystemExit, match="no checkpoint in"):
        tape.main(["--run", str(tmp_path)])


# ---- gradcheck --op --show ------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(gradcheck.OPS))
def test_every_listed_op_shows_entries_within_the_tolerance(name):
    entries = gradcheck.check_entries(name)
    assert entries and all(e.error <= gradcheck.ENTRY_TOL for e in entries), entries


def test_show_prints_every_entry_and_list_names_the_ops(capsys):
    assert gradcheck.main(["--list"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(gradcheck.OPS)
    assert gradcheck.main(["--op", "linear", "--show"]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^(x|w|b) +\([\d,]*\) +([-+\d.e]+) +([-+\d.e]+) +([\d.e+-]+)  ok$", out, re.M)
    assert len(rows) == 6 + 6 + 2                                      # x (2,3), w (2,3), b (2,)
    assert all(float(err) <= gradcheck.ENTRY_TOL for *_, err in rows)
    assert "linear: passed" in out


def test_show_catches_a_wrong_backward(monkeypatch, capsys):
    def wrong(self, dout):                                            # dx = dout * y, scaled by mistake
        dx, dy = real(self, dout)
        return dx * 1.001, dy
    real = ops.Mul.backward
    monkeypatch.setattr(ops.Mul, "backward", wrong)
    assert gradcheck.main(["--op", "mul", "--show"]) == 1
    out = capsys.readouterr().out
    assert out.count("FAIL") >= 6 and "mul: FAILED" in out


# ---- the simulated GPU path of chat.py --explain --attention --------------------------------------

def test_chat_explain_and_attention_on_the_simulated_gpu(tok, tmp_path, capsys):
    """A model on the GPU path: the explain table comes from its own sampling; the attention
    picture from a CPU copy (the GPU kernel keeps no probability matrix), equal to the CPU maps."""
    if not cudasim.available() or importlib.util.find_spec("cupy") is not None:
        pytest.skip("needs g++ and no real CuPy (as tests/test_gpu_sim.py)")

    checkpoint.save(tiny_model(), str(tmp_path))
    tok.save(str(tmp_path / "tokenizer.json"))
    ids = [1, 40, 41, 42, 2]
    cpu_maps = attention_maps(checkpoint.load(str(tmp_path)), ids)
    with fake_cupy_installed():
        gpu_model = checkpoint.load(str(tmp_path), device="cuda")
        assert gpu_model.device == "cuda"
        np.testing.assert_allclose(attention_maps(gpu_model, ids), cpu_maps, rtol=1e-6)
        args = ["--run", str(tmp_path), "--device", "cuda", "--prompt", "hello guppy", "--greedy",
                "--explain", "--max-tokens", "5"]
        if importlib.util.find_spec("matplotlib"):
            args += ["--attention", str(tmp_path / "att.png")]
        assert chat.main(args) == 0
    out = capsys.readouterr().out
    assert "greedy decoding" in out and len(re.findall(r"^ +\d+  ", out, re.M)) >= 1


# ---- growing up -----------------------------------------------------------------------------------

def test_growing_up_transcript_and_layer_norms(tok):
    from tinygrad_guppy.app import growing_up
    replies = growing_up.ask(tiny_model(), tok, prompts=["hello guppy", "a | b"], max_tokens=5)
    assert list(replies) == ["hello guppy", "a | b"]
    records = [{"step": 1, "loss": 5.0},
               {"step": 10, "eval_loss": 4.25, "replies": {"a | b": "x\ny |", "hi": ""}}]
    text = growing_up.transcript(records, "demo")
    assert "## step 10: held-out loss 4.2500" in text
    assert "| a \\| b | x y \\| |" in text and "| hi | (nothing) |" in text
    assert "(no evaluation yet)" in growing_up.transcript(records[:1], "demo")
    norms = {"tok_emb.weight": 3.0, "pos_emb.weight": 4.0, "blocks.0.attn.qkv.weight": 1.0,
             "blocks.0.ffn.up.bias": 1.0, "blocks.11.norm1.weight": 2.0, "norm.bias": 0.5}
    assert growing_up.layer_grad_norms(norms) == {"embeddings": 5.0, "block 0": 2 ** 0.5,
                                                  "block 11": 2.0, "final norm": 0.5}
