"""GPU benchmark: our engine (CuPy, our CUDA kernels, mixed precision) against the same GuppyLM in
PyTorch with AMP (autocast float16 + GradScaler), on the same GPU, in one run.

    python bench/gpu.py                       # everything: steps, GEMMs, the 10,000-step recipe (~15 min on a T4)
    python bench/gpu.py --recipe-steps 0      # steps and GEMMs only (a minute or two)
    python bench/gpu.py --no-steps --no-gemm --recipes torch-pad      # one recipe run (~5 min on a T4)

What it measures (all at the full model, batch 32, mixed precision on both sides):
1. One training step at fixed shapes (B=32, T=64 and T=128, no padding): ours and PyTorch's in
   alternating rounds, the median ms/step of each, tokens/s, the ratio ours/PyTorch, and the peak
   GPU memory allocated during a step (ours: CuPy's memory pool, PyTorch: max_memory_allocated).
2. Our float16 GEMM kernel (kernels/gemm.cu) beside cuBLAS at the model's matrix shapes: GPU time
   (cupyx.profiler.benchmark) and TFLOPS.
3. The full recipe of the original (batch 32, AdamW lr 3e-4, betas (0.9, 0.95), weight decay 0.1,
   200 warmup steps then cosine to 3e-5, clip 1.0, dropout 0.1) for --recipe-steps steps, timed
   end to end (losses copied back every 100 steps): PyTorch on the original's batching (each batch
   padded to its longest sample, "pad"), ours on the same batches, and ours on train.py's default
   batching ("bucket", similar lengths together). The data are synthetic (random token ids with
   lengths like the real dataset's, about 27 tokens, 10 to 60), since only the shapes matter to speed.

PyTorch gets its best plain setup: batches pre-pinned and copied with non_blocking=True, no
.item() per step (its GradScaler still waits for the GPU once per step to decide whether to skip).
Without CuPy or a GPU this script prints why and measures nothing.
"""

import argparse
import datetime
import itertools
import os
import platform
import statistics
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]   # the project, and tests/torch_reference.py

from tinygrad_guppy.engine import backend, optim  # noqa: E402
from tinygrad_guppy.app import batching  # noqa: E402
from tinygrad_guppy.model import GuppyConfig  # noqa: E402

RECIPE = dict(batch_size=32, lr=3e-4, min_lr=3e-5, betas=(0.9, 0.95), weight_decay=0.1, warmup=200, clip=1.0)


def why_not_runnable():
    """None when CuPy sees a GPU, else the reason in one sentence."""
    try:
        import cupy  # noqa: F401
    except ImportError:
        return ("CuPy is not installed: pip install -e \".[cuda12]\" (CUDA 12 driver) or \".[cuda13]\"; "
                "see docs/gpu.md")
    if not backend.cuda_available():
        return "CuPy is installed but sees no GPU (nvidia-smi shows none, or the driver is missing)"
    return None


# ---- the two training steps ----------------------------------------------------------------------

def ours(cfg, seed=0, mixed=True):
    """Our model on the GPU and a function batch, lr -> loss (a device scalar)."""
    from tinygrad_guppy.engine import amp
    from tinygrad_guppy.model import GuppyLM
    from tinygrad_guppy.app.training import train_step

    model = GuppyLM(cfg, seed=seed, device="cuda")
    optimizer = optim.AdamW(model.parameters(), lr=RECIPE["lr"], betas=RECIPE["betas"],
                            weight_decay=RECIPE["weight_decay"])
    scaler = amp.GradScaler() if mixed else None

    def step(batch, lr):
        return train_step(model, optimizer, batch, lr, RECIPE["clip"], scaler)[0]
    return step


def torch_reference(cfg, seed=0):
    """The same architecture in PyTorch with AMP, and its step function batch, lr -> loss."""
    import torch
    from torch_reference import TorchGuppyLM

    torch.manual_seed(seed)
    model = TorchGuppyLM(cfg).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=RECIPE["lr"], betas=RECIPE["betas"],
                                  weight_decay=RECIPE["weight_decay"])
    scaler = torch.amp.GradScaler("cuda")

    def to_gpu(a):
        return None if a is None else torch.from_numpy(a).pin_memory().cuda(non_blocking=True)

    def step(batch, lr):
        model.train()
        idx, targets = to_gpu(batch.idx), to_gpu(batch.targets)
        with torch.autocast("cuda", dtype=torch.float16):
            _, loss = model(idx, targets, to_gpu(batch.segments), to_gpu(batch.positions))
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), RECIPE["clip"])
        for group in optimizer.param_groups:
            group["lr"] = lr
        scaler.step(optimizer)
        scaler.update()
        return loss.detach()
    return step


def sync_all():
    import cupy
    cupy.cuda.Device().synchronize()
    try:
        import torch
        if torch.cuda.is_available():
            torch.cuda.synchronize()
    except ImportError:
        pass


def torch_available():
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


# ---- 1. one step ---------------------------------------------------------------------------------

def fixed_batches(cfg, T, n, seed=0):
    rng = np.random.default_rng(seed)
    return [batching.Batch(rng.integers(3, cfg.vocab_size, size=(RECIPE["batch_size"], T)),
                           rng.integers(3, cfg.vocab_size, size=(RECIPE["batch_size"], T)))
            for _ in range(n)]


def seconds_per_step(step, batches, steps):
    sync_all()
    start = time.perf_counter()
    for i in range(steps):
        step(batches[i % len(batches)], RECIPE["lr"])
    sync_all()
    return (time.perf_counter() - start) / steps


def peak_memory_ours(step, batches):
    """Peak bytes in use from CuPy's pool during a few steps (a memory hook sees every allocation)."""
    import cupy

    class PeakHook(cupy.cuda.MemoryHook):
        name = "PeakHook"

        def __init__(self):
            self.pool, self.peak = cupy.get_default_memory_pool(), 0

        def malloc_postprocess(self, **kwargs):
            self.peak = max(self.peak, self.pool.used_bytes())

    hook = PeakHook()
    with hook:
        for batch in batches[:3]:
            step(batch, RECIPE["lr"])
        sync_all()
    return hook.peak


def peak_memory_torch(step, batches):
    import torch
    torch.cuda.reset_peak_memory_stats()
    for batch in batches[:3]:
        step(batch, RECIPE["lr"])
    torch.cuda.synchronize()
    return torch.cuda.max_memory_allocated()


def bench_steps(cfg, rounds, steps_per_round, with_torch):
    rows = []
    for T in (64, 128):
        batches = fixed_batches(cfg, T, 8)
        runners = {"ours": ours(cfg)}
        if with_torch:
            runners["torch"] = torch_reference(cfg)
        for step in runners.values():                       # warm up: compile, autotune, allocate
            seconds_per_step(step, batches, 5)
        times = {name: [] for name in runners}
        for _ in range(rounds):                              # alternate, so drift hits both
            for name, step in runners.items():
                times[name].append(seconds_per_step(step, batches, steps_per_round))
        memory = {"ours": peak_memory_ours(runners["ours"], batches)}
        if with_torch:
            memory["torch"] = peak_memory_torch(runners["torch"], batches)
        for name in runners:
            ms = 1000 * statistics.median(times[name])
            rows.append(dict(T=T, engine=name, ms=ms, tokens_per_s=RECIPE["batch_size"] * T / ms * 1000,
                             memory_mb=memory[name] / 2**20, spread=1000 * (max(times[name]) - min(times[name]))))
        if with_torch:
            rows[-2]["ratio"] = rows[-2]["ms"] / rows[-1]["ms"]
        del runners
        sync_all()
    return rows


# ---- 2. GEMMs --------------------------------------------------------------------------------------

def bench_gemms():
    import cupy
    from cupyx.profiler import benchmark

    from tinygrad_guppy.engine import cuda

    M = RECIPE["batch_size"] * 128
    shapes = [  # (name, M, K, N, transpose_a, transpose_b, out dtype)
        ("qkv forward  x @ W^T", M, 384, 1152, False, True, np.float16),
        ("ffn up       x @ W^T", M, 384, 768, False, True, np.float16),
        ("lm head      x @ E^T", M, 384, 4096, False, True, np.float16),
        ("qkv dx      dy @ W", M, 1152, 384, False, False, np.float16),
        ("qkv dW    dy^T @ x", 1152, M, 384, True, False, np.float32),
        ("lm head dE dy^T @ x", 4096, M, 384, True, False, np.float32),
    ]
    rng = np.random.default_rng(0)
    rows = []
    for name, m, k, n, ta, tb, out_dtype in shapes:
        a = cupy.asarray(rng.normal(size=(k, m) if ta else (m, k)).astype(np.float16))
        b = cupy.asarray(rng.normal(size=(n, k) if tb else (k, n)).astype(np.float16))
        row = dict(name=name, shape=f"{m}x{k}x{n}")
        for backend_name in ("cublas", "ours"):
            cuda.GEMM = backend_name
            result = benchmark(cuda.matmul, (a, b, ta, tb, out_dtype), n_repeat=50, n_warmup=5)
            seconds = float(np.median(result.gpu_times[0]))
            row[backend_name + "_us"] = seconds * 1e6
            row[backend_name + "_tflops"] = 2 * m * k * n / seconds / 1e12
        cuda.GEMM = "cublas"
        row["ratio"] = row["ours_us"] / row["cublas_us"]
        rows.append(row)
    return rows


# ---- 3. the recipe ---------------------------------------------------------------------------------

def synthetic_samples(n, vocab_size, seed=0):
    """Samples shaped like the real dataset's: about 27 tokens, between 10 and 60, the reply starting
    around the middle. Random ids: only the shapes matter to speed."""
    rng = np.random.default_rng(seed)
    lengths = np.clip(np.round(rng.normal(27, 9, size=n)), 10, 60).astype(int)
    return [batching.Sample(rng.integers(3, vocab_size, size=length), reply_start=int(length // 2))
            for length in lengths]


def endless_batches(kind, samples, seed):
    rng = np.random.default_rng(seed)
    for _ in itertools.count():
        yield from batching.make_batches(kind, samples, RECIPE["batch_size"], rng)


def run_recipe(step, kind, samples, steps, seed=0):
    batches = endless_batches(kind, samples, seed)
    tokens = useful = 0
    losses = []
    sync_all()
    start = time.perf_counter()
    for s in range(steps):
        batch = next(batches)
        tokens += batch.idx.size
        useful += batch.n_target_tokens
        loss = step(batch, optim.lr_at(s, RECIPE["lr"], RECIPE["min_lr"], RECIPE["warmup"], steps))
        if (s + 1) % 100 == 0:
            losses.append(float(loss))          # the only wait for the GPU, every 100 steps
    sync_all()
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, ms=1000 * seconds / steps, tokens_per_s=tokens / seconds,
                useful_per_s=useful / seconds, final_loss=losses[-1] if losses else float("nan"))


def bench_recipe(cfg, steps, which):
    samples = synthetic_samples(60_000, cfg.vocab_size)
    makers = {"torch-pad": (lambda: torch_reference(cfg), "pad"),
              "ours-pad": (lambda: ours(cfg), "pad"),
              "ours-bucket": (lambda: ours(cfg), "bucket")}
    rows = []
    for name in which:
        maker, kind = makers[name]
        step = maker()
        run_recipe(step, kind, samples, 10)                  # warm up
        result = run_recipe(step, kind, samples, steps)
        result["name"] = name
        rows.append(result)
        print(f"  {name:12s} {result['seconds']:8.1f} s  {result['ms']:7.2f} ms/step  "
              f"{result['useful_per_s']:10.0f} target tokens/s  final loss {result['final_loss']:.3f}", flush=True)
        del step
        sync_all()
    return rows


# ---- report ------------------------------------------------------------------------------------------

def device_name():
    import cupy
    props = cupy.cuda.runtime.getDeviceProperties(cupy.cuda.Device().id)
    name = props["name"]
    return name.decode() if isinstance(name, bytes) else name


def report(args, steps, gemms, recipe):
    import cupy
    lines = [f"# GPU benchmark: {device_name()}", "",
             f"- date: {datetime.date.today()}", f"- command: `python bench/gpu.py {' '.join(sys.argv[1:])}`",
             f"- CuPy {cupy.__version__}, CUDA runtime {cupy.cuda.runtime.runtimeGetVersion()}, "
             f"Python {platform.python_version()}, GEMM default: cuBLAS", ""]
    if steps:
        lines += ["## One training step (full model, batch 32, mixed precision)", "",
                  "| T | engine | ms/step (median) | spread | tokens/s | peak memory MB | ours/PyTorch |",
                  "|---|---|---|---|---|---|---|"]
        for r in steps:
            ratio = f"{r['ratio']:.2f}" if "ratio" in r else ""
            lines.append(f"| {r['T']} | {r['engine']} | {r['ms']:.2f} | {r['spread']:.2f} | "
                         f"{r['tokens_per_s']:.0f} | {r['memory_mb']:.0f} | {ratio} |")
        lines.append("")
    if gemms:
        lines += ["## float16 GEMM: ours (gemm.cu, WMMA) beside cuBLAS", "",
                  "| product | M x K x N | cuBLAS us | cuBLAS TFLOPS | ours us | ours TFLOPS | ours/cuBLAS |",
                  "|---|---|---|---|---|---|---|"]
        for r in gemms:
            lines.append(f"| {r['name']} | {r['shape']} | {r['cublas_us']:.1f} | {r['cublas_tflops']:.1f} | "
                         f"{r['ours_us']:.1f} | {r['ours_tflops']:.1f} | {r['ratio']:.2f} |")
        lines.append("")
    if recipe:
        lines += [f"## The recipe, {args.recipe_steps} steps (synthetic data shaped like the real set)", "",
                  "| run | total s | ms/step | tokens/s | target tokens/s | final loss |", "|---|---|---|---|---|---|"]
        for r in recipe:
            lines.append(f"| {r['name']} | {r['seconds']:.1f} | {r['ms']:.2f} | {r['tokens_per_s']:.0f} | "
                         f"{r['useful_per_s']:.0f} | {r['final_loss']:.3f} |")
        by_name = {r["name"]: r for r in recipe}
        if "torch-pad" in by_name:
            for name in ("ours-pad", "ours-bucket"):
                if name in by_name:
                    lines.append(f"\n{name} / torch-pad total time: "
                                 f"{by_name[name]['seconds'] / by_name['torch-pad']['seconds']:.2f}")
        lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of the step timing")
    parser.add_argument("--steps-per-round", type=int, default=20, help="steps timed per round")
    parser.add_argument("--recipe-steps", type=int, default=10_000, help="steps of the recipe (0: skip it)")
    parser.add_argument("--recipes", default="torch-pad,ours-pad,ours-bucket",
                        help="which recipe runs, comma-separated: torch-pad, ours-pad, ours-bucket")
    parser.add_argument("--no-steps", action="store_true", help="skip the one-step timing")
    parser.add_argument("--no-gemm", action="store_true", help="skip the GEMM comparison")
    parser.add_argument("--out", help="also write the report (markdown) to this file")
    args = parser.parse_args(argv)

    reason = why_not_runnable()
    if reason is not None:
        print(f"bench/gpu.py: nothing measured. {reason}.")
        return 0
    with_torch = torch_available()
    if not with_torch:
        print("PyTorch with CUDA is not available: timing ours alone (no ratios).")
    cfg = GuppyConfig()
    print(f"device: {device_name()}", flush=True)
    steps = []
    if not args.no_steps:
        print("1. one training step ...", flush=True)
        steps = bench_steps(cfg, args.rounds, args.steps_per_round, with_torch)
    gemms = []
    if not args.no_gemm:
        print("2. GEMMs ...", flush=True)
        gemms = bench_gemms()
    recipe = []
    if args.recipe_steps > 0:
        which = [w for w in args.recipes.split(",") if w and (with_torch or not w.startswith("torch"))]
        print(f"3. the recipe, {args.recipe_steps} steps: {', '.join(which)}", flush=True)
        recipe = bench_recipe(cfg, args.recipe_steps, which)
    text = report(args, steps, gemms, recipe)
    print()
    print(text)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        partial = args.out + ".tmp"
        with open(partial, "w") as f:
            f.write(text)
        os.replace(partial, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
