"""Generation speed, batch 1, the full 8.7M model: tokens/s with and without the KV cache.

    python bench/generation.py [--run runs/guppy] [--tokens 100] [--repeats 5] [--threads 2]

With --run, a trained checkpoint is used (replies end at <|im_end|>, so the bench disables the
stop token to always generate --tokens tokens); otherwise random weights (speed does not depend on
the weights). If torch is installed, the original's way (the whole prefix recomputed for every
token, as the original GuppyLM's generate does) is timed with the same weights for reference.
Target (DESIGN.md): at least 400 tokens/s with the cache on 2 cores.
"""

import argparse
import os
import statistics
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", default=None, help="a run folder (its best checkpoint) or a checkpoint "
                                                     "folder (default: random weights)")
    parser.add_argument("--tokens", type=int, default=100, help="new tokens per generation (default: 100)")
    parser.add_argument("--prompt-len", type=int, default=20, help="prompt tokens (default: 20)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats, median reported (default: 5)")
    parser.add_argument("--threads", type=int, default=2, help="BLAS / torch threads (default: 2)")
    parser.add_argument("--vocab-limit", type=int, default=None,
                        help="logits for ids below this only, as chat.py does with the tokenizer's "
                             "size (default: the --run's tokenizer size, else all 4096)")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    import numpy as np
    ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]   # the project, and tests/torch_reference.py
    from tinygrad_guppy import checkpoint
    from tinygrad_guppy.sampling import Generator
    from tinygrad_guppy.model import GuppyConfig, GuppyLM

    folder = checkpoint.find(args.run) if args.run else None
    if args.run and folder is None:
        sys.exit(f"no checkpoint in {args.run}")
    model = checkpoint.load(folder) if folder else GuppyLM(GuppyConfig(), seed=0)
    model.eval()
    if args.prompt_len + args.tokens > model.cfg.max_seq_len:
        sys.exit(f"--prompt-len + --tokens must be at most max_seq_len={model.cfg.max_seq_len}")
    prompt = np.random.default_rng(0).integers(3, model.cfg.vocab_size, size=args.prompt_len).tolist()
    limit = args.vocab_limit
    if limit is None and args.run:
        from bpe import Tokenizer
        limit = len(Tokenizer.load(os.path.join(folder, "tokenizer.json")))
    gen = Generator(model, vocab_limit=limit)

    def timed(use_cache):
        start = time.perf_counter()
        n = len(list(gen.stream(prompt, args.tokens, greedy=True, stop_ids=[], use_cache=use_cache)))
        return n / (time.perf_counter() - start)

    results = {}
    timed(True)                                                   # warm-up
    for label, use_cache in (("ours, KV cache", True), ("ours, no cache", False)):
        results[label] = statistics.median(timed(use_cache) for _ in range(args.repeats))

    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        from torch_reference import TorchGuppyLM
        torch.set_num_threads(args.threads)
        ref = TorchGuppyLM(model.cfg).eval()
        ref.load_state_dict({k: torch.from_numpy(v) for k, v in model.state_dict().items()})

        def torch_no_cache():
            ids = torch.tensor([prompt])
            start = time.perf_counter()
            with torch.no_grad():
                for _ in range(args.tokens):
                    next_id = ref(ids)[0][:, -1].argmax(-1, keepdim=True)
                    ids = torch.cat([ids, next_id], dim=1)
            return args.tokens / (time.perf_counter() - start)

        torch_no_cache()
        results["PyTorch, no cache (the original's generate)"] = statistics.median(
            torch_no_cache() for _ in range(args.repeats))

    print(f"generation, batch 1, {model.num_parameters():,} parameters, prompt {args.prompt_len} "
          f"+ {args.tokens} new tokens, logits for {gen.vocab_limit} ids, {args.threads} threads, "
          f"median of {args.repeats}:")
    for label, tps in results.items():
        print(f"  {label:<45} {tps:8.1f} tokens/s")
    print(f"  KV cache speed-up: {results['ours, KV cache'] / results['ours, no cache']:.1f}x")


if __name__ == "__main__":
    main()
