"""GuppyLM: size, names, the full-model gradient check, learning, checkpoints, bad input."""

import json
import os

import numpy as np
import pytest
from safetensors.numpy import save_file

from tinygrad_guppy import checkpoint, gradcheck
from tinygrad_guppy.engine import nn
from tinygrad_guppy.model import GuppyConfig, GuppyLM, count_parameters, parameter_shapes
from tinygrad_guppy.engine.optim import AdamW, clip_scale, global_grad_norm, lr_at
from tinygrad_guppy.engine.tensor import Tensor


def expected_shapes(cfg):
    """DESIGN.md's parameter names and shapes (PyTorch convention), the tied head included."""
    C, F, V = cfg.d_model, cfg.ffn_hidden, cfg.vocab_size
    shapes = {"tok_emb.weight": (V, C), "pos_emb.weight": (cfg.max_seq_len, C)}
    for i in range(cfg.n_layers):
        b = f"blocks.{i}."
        shapes.update({
            b + "norm1.weight": (C,), b + "norm1.bias": (C,),
            b + "attn.qkv.weight": (3 * C, C), b + "attn.qkv.bias": (3 * C,),
            b + "attn.out.weight": (C, C), b + "attn.out.bias": (C,),
            b + "norm2.weight": (C,), b + "norm2.bias": (C,),
            b + "ffn.up.weight": (F, C), b + "ffn.up.bias": (F,),
            b + "ffn.down.weight": (C, F), b + "ffn.down.bias": (C,)})
    shapes.update({"norm.weight": (C,), "norm.bias": (C,), "lm_head.weight": (V, C)})
    return shapes


@pytest.fixture(scope="module")
def full_model():
    return GuppyLM(GuppyConfig(), seed=0)


def test_parameter_count_and_names(full_model):
    cfg = GuppyConfig()
    assert full_model.num_parameters() == 8_726_016 == count_parameters(cfg)
    assert len(full_model.parameters()) == 76
    state = full_model.state_dict()
    assert {k: v.shape for k, v in state.items()} == expected_shapes(cfg)
    assert all(v.dtype == np.float32 for v in state.values())
    assert full_model.lm_head.weight is full_model.tok_emb.weight          # tied, one tensor


def test_init_as_the_original(full_model):
    state = full_model.state_dict()
    for name, v in state.items():
        if name.endswith("norm1.weight") or name.endswith("norm2.weight") or name == "norm.weight":
            assert np.all(v == 1.0), name
        elif name.endswith(".bias"):
            assert np.all(v == 0.0), name
        else:                                                  # Linear and Embedding weights
            assert abs(v.std() - 0.02) < 0.002 and abs(v.mean()) < 0.002, name


def test_load_state_dict_is_strict_and_exact(full_model):
    state = full_model.state_dict()
    other = GuppyLM(GuppyConfig(), seed=1)
    other.load_state_dict(state)
    assert all(np.array_equal(v, other.state_dict()[k]) for k, v in state.items())

    missing = dict(state)
    del missing["blocks.3.ffn.up.bias"]
    with pytest.raises(ValueError, match=r"missing \['blocks.3.ffn.up.bias'\]"):
        other.load_state_dict(missing)
    extra = dict(state, **{"blocks.9.norm1.weight": np.ones(384, np.float32)})
    with pytest.raises(ValueError, match="unexpected"):
        other.load_state_dict(extra)
    misshapen = dict(state, **{"norm.bias": np.zeros(385, np.float32)})
    with pytest.raises(ValueError, match=r"norm.bias has shape \(385,\), the model expects \(384,\)"):
        other.load_state_dict(misshapen)
    untied = dict(state, **{"lm_head.weight": state["lm_head.weight"] + 1.0})
    with pytest.raises(ValueError, match="tied"):
        other.load_state_dict(untied)
    without_alias = {k: v for k, v in state.items() if k != "lm_head.weight"}
    other.load_state_dict(without_alias)                       # a shared tensor stored once is fine


def test_full_model_gradcheck_all_76_tensors():
    rows = gradcheck.check_model(GuppyConfig(), seed=0)
    assert len(rows) == 77                                     # 76 tensors + the input embeddings
    failed = [gradcheck.format_row(r) for r in rows if not r.passed]
    assert not failed, "\n".join([gradcheck.HEADER] + failed)


def test_gradcheck_catches_a_broken_model_gradient(monkeypatch):
    # The model check must be able to fail: corrupt the LayerNorm weight gradient by 1%.
    from tinygrad_guppy.engine import fused
    real = fused.layernorm_backward

    def off_by_one_percent(*args, **kwargs):
        dx, dw, db = real(*args, **kwargs)
        return dx, dw * 1.01, db

    monkeypatch.setattr(fused, "layernorm_backward", off_by_one_percent)
    rows = gradcheck.check_model(gradcheck.tiny_config(), seed=0)
    failed = {r.name for r in rows if not r.passed}
    assert "blocks.0.norm1.weight" in failed and "norm.weight" in failed


def test_float32_run_stays_float32():
    model = GuppyLM(gradcheck.tiny_config(), seed=0).train()
    idx, targets, segments, positions = gradcheck.model_batch(model.cfg)
    logits, loss = model(idx, targets, segments, positions)
    seen, stack = set(), [loss]
    while stack:                                               # every tensor in the graph
        t = stack.pop()
        assert t.dtype in (np.float32, np.int64, np.bool_), (t, t._ctx)
        if t._ctx is not None and id(t) not in seen:
            seen.add(id(t))
            stack.extend(t._ctx.parents)
    loss.backward()
    assert {p.grad.dtype for p in model.parameters()} == {np.dtype(np.float32)}


@pytest.mark.parametrize("packed", [False, True])
def test_loss_skips_ignored_positions_with_the_same_loss_and_gradients(packed):
    # model.loss sends only the positions with a target to the head: same loss and gradients as
    # the full forward (float64, dropout on: the same masks are drawn in the same order).
    cfg = gradcheck.tiny_config()
    results = []
    for method in ("forward", "loss"):
        model = GuppyLM(cfg, seed=0, dtype="float64").train()
        idx, targets, segments, positions = gradcheck.model_batch(cfg)
        if not packed:
            segments = positions = None
        targets = targets.copy()
        targets[:, : targets.shape[1] // 2] = cfg.pad_id          # half the positions ignored
        if method == "forward":
            loss = model(idx, targets, segments, positions)[1]
        else:
            loss = model.loss(idx, targets, segments, positions)
        loss.backward()
        results.append((loss.item(), {n: p.grad for n, p in model.named_parameters()}))
    (want, want_grads), (got, got_grads) = results
    assert got == pytest.approx(want, rel=1e-12)
    for name, g in want_grads.items():
        np.testing.assert_allclose(got_grads[name], g, rtol=1e-10, atol=1e-14, err_msg=name)

    model = GuppyLM(cfg, seed=0, dtype="float64")
    nothing = np.full_like(targets, cfg.pad_id)                   # no target at all: loss 0
    assert model.loss(idx, nothing).item() == 0.0


def test_tiny_model_memorizes_one_batch():
    cfg = gradcheck.tiny_config()
    cfg.dropout = 0.0
    model = GuppyLM(cfg, seed=0)
    rng = np.random.default_rng(0)
    idx = rng.integers(3, cfg.vocab_size, size=(4, 16))
    targets = np.roll(idx, -1, axis=1)
    opt = AdamW(model.parameters(), lr=3e-3, weight_decay=0.0)
    for step in range(300):
        _, loss = model(idx, targets)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if loss.item() < 0.05:
            break
    assert loss.item() < 0.05, f"loss {loss.item():.3f} after {step + 1} steps"


def test_eval_is_deterministic_and_train_uses_dropout():
    model = GuppyLM(gradcheck.tiny_config(), seed=0)
    idx = np.arange(3, 19).reshape(2, 8)
    a, b = model.eval()(idx)[0].numpy(), model(idx)[0].numpy()
    np.testing.assert_array_equal(a, b)
    c = model.train()(idx)[0].numpy()
    assert not np.allclose(a, c)


def test_bad_inputs_are_clear_errors():
    model = GuppyLM(gradcheck.tiny_config(), seed=0)
    V, T = model.cfg.vocab_size, model.cfg.max_seq_len
    with pytest.raises(ValueError, match=rf"must be in \[0, {V}\); got min 0, max {V}"):
        model(np.array([[0, V]]))
    with pytest.raises(ValueError, match=rf"sequence length {T + 1} is longer than max_seq_len={T}"):
        model(np.zeros((1, T + 1), dtype=np.int64))
    with pytest.raises(TypeError, match="integer token ids"):
        model(np.zeros((1, 4), dtype=np.float32))
    with pytest.raises(ValueError, match=r"shape \(B, T\)"):
        model(np.zeros(4, dtype=np.int64))
    with pytest.raises(ValueError, match="targets shape"):
        model(np.zeros((1, 4), dtype=np.int64), np.zeros((1, 3), dtype=np.int64))
    with pytest.raises(ValueError, match="segments"):
        model(np.zeros((1, 4), dtype=np.int64), segments=np.zeros((1, 5), dtype=np.int64))
    with pytest.raises(ValueError, match="d_model=10 must be divisible by n_heads=3"):
        GuppyConfig(d_model=10, n_heads=3)


def test_checkpoint_round_trip(tmp_path):
    model = GuppyLM(gradcheck.tiny_config(), seed=3)
    checkpoint.save(model, tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["config.json", "model.safetensors"]
    assert json.loads((tmp_path / "config.json").read_text())["d_model"] == 32
    loaded = checkpoint.load(tmp_path)
    assert loaded.cfg == model.cfg
    idx = np.arange(3, 11).reshape(1, 8)
    np.testing.assert_array_equal(model.eval()(idx)[0].numpy(), loaded.eval()(idx)[0].numpy())


def test_checkpoint_errors_name_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="config.json"):
        checkpoint.load(tmp_path)
    checkpoint.save(GuppyLM(gradcheck.tiny_config()), tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"garbage")
    with pytest.raises(ValueError, match="model.safetensors is unreadable"):
        checkpoint.load(tmp_path)
    (tmp_path / "config.json").write_text("{not json")
    with pytest.raises(ValueError, match="config.json is unreadable"):
        checkpoint.load(tmp_path)


def test_parameter_shapes_are_the_state_dicts():
    for cfg in (gradcheck.tiny_config(), GuppyConfig()):
        shapes = {name: array.shape for name, array in GuppyLM(cfg).state_dict().items()}
        assert parameter_shapes(cfg) == shapes


def test_checkpoint_config_is_checked_against_the_weights_header_first(tmp_path, monkeypatch):
    checkpoint.save(GuppyLM(gradcheck.tiny_config(), seed=3), tmp_path)
    config = json.loads((tmp_path / "config.json").read_text())

    def allocates(*args, **kwargs):
        raise AssertionError("a model or its weights were allocated before the config was checked")

    def load_with(**changes):
        (tmp_path / "config.json").write_text(json.dumps({**config, **changes}))
        with monkeypatch.context() as m:
            m.setattr(checkpoint, "GuppyLM", allocates)
            m.setattr(checkpoint, "load_file", allocates)
            checkpoint.load(tmp_path)

    # the case: an absurd config.json would have asked for 894 GiB
    with pytest.raises(ValueError, match=r"model.safetensors does not fit config.json: d_model is 200000 in "
                                         r"config.json but 32 in the weights; n_layers is 1000 .* but 2 in"):
        load_with(d_model=200000, n_layers=1000)
    with pytest.raises(ValueError, match="n_layers is 1000000000 in config.json but 2"):
        load_with(n_layers=10**9)
    with pytest.raises(ValueError, match="vocab_size is 4096 in config.json but 64"):
        load_with(vocab_size=4096)
    with pytest.raises(ValueError, match=r"eos_id must be a token id in \[0, vocab_size=64\), got 64"):
        load_with(eos_id=64)
    with pytest.raises(ValueError, match=r"d_model=32 must be divisible by n_heads=5"):
        load_with(n_heads=5)
    # the fields agree but a tensor does not: it is named
    weights = GuppyLM(gradcheck.tiny_config()).state_dict()
    weights["blocks.1.attn.qkv.bias"] = weights["blocks.1.attn.qkv.bias"][:-1]
    save_file(weights, str(tmp_path / "model.safetensors"))
    with pytest.raises(ValueError, match=r"blocks.1.attn.qkv.bias has shape \(95,\), the config needs \(96,\)"):
        load_with()
    del weights["blocks.1.attn.qkv.bias"]
    save_file(weights, str(tmp_path / "model.safetensors"))
    with pytest.raises(ValueError, match="it has no tensor blocks.1.attn.qkv.bias"):
        load_with()


def test_checkpoint_load_draws_no_initial_weights(tmp_path, monkeypatch):
    model = GuppyLM(gradcheck.tiny_config(), seed=3)
    checkpoint.save(model, tmp_path)
    drawn = []
    real = nn._normal
    monkeypatch.setattr(nn, "_normal", lambda rng, *args: drawn.append(rng is not None) or real(rng, *args))
    loaded = checkpoint.load(tmp_path)
    assert drawn and not any(drawn)                 # every weight was made without drawing numbers
    for name, array in model.state_dict().items():
        np.testing.assert_array_equal(loaded.state_dict()[name], array)


@pytest.mark.parametrize("fused", [False, True])
def test_adamw_matches_the_formula(fused):
    p = Tensor(np.array([1.0, -2.0]), requires_grad=True)
    opt = AdamW([p], lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.1, fused=fused)
    m = v = np.zeros(2)
    want = np.array([1.0, -2.0])
    for t in range(1, 4):
        g = np.array([0.5, 3.0]) * t
        p.grad = g
        opt.step(grad_scale=0.5)
        g = g * 0.5
        want = want * (1 - 0.1 * 0.1)
        m = 0.9 * m + 0.1 * g
        v = 0.95 * v + 0.05 * g * g
        want = want - 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.95 ** t)) + 1e-8)
    np.testing.assert_allclose(p.data, want, rtol=1e-12)


def test_adamw_fused_gives_the_formula_update_in_float32():
    """_step_fused against step()'s formula on a float32 model: the same update to float32
    rounding (the two orders of operations differ by a few ulps)."""
    cfg = gradcheck.tiny_config()
    models = [GuppyLM(cfg, seed=0) for _ in range(2)]
    optimizers = [AdamW(m.parameters(), lr=1e-2, fused=fused) for m, fused in zip(models, (False, True))]
    rng = np.random.default_rng(0)
    for step in range(3):
        grads = [rng.standard_normal(p.shape).astype(np.float32) for p in models[0].parameters()]
        for model, optimizer in zip(models, optimizers):
            for p, g in zip(model.parameters(), grads):
                p.grad = g
            optimizer.step(grad_scale=0.7)
    for (name, a), b in zip(models[0].named_parameters(), models[1].parameters()):
        assert a.dtype == b.dtype == np.float32
        np.testing.assert_allclose(b.data, a.data, rtol=1e-6, atol=1e-7, err_msg=name)


def test_clip_and_schedule():
    a = Tensor(np.zeros(2), requires_grad=True)
    a.grad = np.array([3.0, 4.0])
    assert global_grad_norm([a]) == 5.0
    assert clip_scale(5.0, 1.0) == pytest.approx(0.2)
    assert clip_scale(0.5, 1.0) == 1.0
    lrs = [lr_at(s, 3e-4, 3e-5, 200, 10_000) for s in range(10_001)]
    assert lrs[0] == pytest.approx(1.5e-6) and lrs[199] == pytest.approx(3e-4)
    assert lrs[200] == pytest.approx(3e-4) and lrs[10_000] == pytest.approx(3e-5)
    assert lrs[5100] == pytest.approx((3e-4 + 3e-5) / 2)
    assert all(x >= y for x, y in zip(lrs[200:], lrs[201:]))   # non-increasing after warmup
