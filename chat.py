"""Chat with a trained GuppyLM.

    python chat.py                          # a conversation with runs/guppy (/reset, /quit)
    python chat.py --prompt "hi guppy"      # one reply, then exit
    python chat.py --eval                   # the held-out eval cases: a table and the pass rate
    python chat.py --eval --cases dev       # the development cases (for judging data changes)
    python chat.py --run runs/try --temperature 0.9 --top-p 0.9 --seed 1
    python chat.py --explain --prompt "hi guppy"      # each token's probabilities, as sampled
    python chat.py --attention att.png --prompt "hi guppy"   # the reply's attention, per head

The model is the run's best checkpoint (its `last` one if there is no best). Replies stream token
by token. Input is normalized as the training data is written (lowercase, NFKC, single spaces),
so "HELLO" works; typing "<|im_end|>" is plain text, not the end of the turn. The conversation
keeps as many past turns as fit in the 128-token window, dropping the oldest first.
"""

import argparse
import io
import sys

from data.dev_cases import DEV_CASES
from data.eval_cases import EVAL_CASES, ask_cases, results_table
from tinygrad_guppy.app.attention import plot_attention, reply_attention
from tinygrad_guppy.app.chat_api import load_run
from tinygrad_guppy.app.conversation import Conversation
from tinygrad_guppy.app.explain import explain, format_explanation, sampling_settings


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Chat with a trained GuppyLM.")
    p.add_argument("--run", default="runs/guppy", help="the run folder train.py wrote (default: runs/guppy)")
    p.add_argument("--prompt", default=None, help="answer this one message and exit")
    p.add_argument("--eval", action="store_true", help="run the held-out eval cases and print the pass rate")
    p.add_argument("--cases", choices=("eval", "dev"), default="eval",
                   help="with --eval: the eval cases (the test, data/eval_cases.py) or the development "
                        "cases data changes are judged on (data/dev_cases.py) (default: eval)")
    p.add_argument("--temperature", type=float, default=0.7, help="sampling temperature; 0 = greedy (default: 0.7)")
    p.add_argument("--top-k", type=int, default=50, help="sample among the k most likely tokens; 0 = all (default: 50)")
    p.add_argument("--top-p", type=float, default=1.0, help="nucleus sampling: the smallest set reaching p (default: 1.0 = off)")
    p.add_argument("--greedy", action="store_true", help="always take the most likely token (--eval default)")
    p.add_argument("--seed", type=int, default=None, help="seed for sampling, for repeatable replies (default: random)")
    p.add_argument("--max-tokens", type=int, default=64, help="longest reply in tokens (default: 64)")
    p.add_argument("--device", default="cpu", help="cpu or cuda (default: cpu)")
    p.add_argument("--explain", action="store_true",
                   help="after each reply, one line per token: the model's 5 most likely tokens "
                        "and the 5 the sampler drew from after temperature/top-k/top-p")
    p.add_argument("--attention", metavar="FILE.png", default=None,
                   help="with --prompt: draw the reply's attention over the context, one panel "
                        "per layer and head (needs matplotlib: pip install -e \".[plot]\")")
    args = p.parse_args(argv)
    if args.temperature < 0 or not 0 < args.top_p <= 1 or args.top_k < 0 or args.max_tokens < 1:
        p.error("need --temperature >= 0, 0 < --top-p <= 1, --top-k >= 0 and --max-tokens >= 1")
    if args.attention is not None and args.prompt is None:
        p.error("--attention draws one reply: give it with --prompt \"...\"")
    return args


def load(run, device):
    """(model, tokenizer) from the run's best (or last) checkpoint, or exit with one clear line."""
    try:
        return load_run(run, device)
    except FileNotFoundError as e:
        sys.exit(str(e))
    except (OSError, ValueError) as e:
        sys.exit(f"cannot load the model: {e}")


def draw_attention(model, tok, conv, path):
    """The picture of the last reply's attention (chat.py --attention FILE.png)."""
    reply_ids = [pick.token for pick in conv.picks if pick.token != conv.end_id]
    try:
        maps, labels, first_row = reply_attention(model, tok, conv.last_context, reply_ids)
        plot_attention(maps, labels, first_row, path)
    except (ImportError, ValueError) as e:
        sys.exit(f"--attention: {e}")
    except OSError as e:
        sys.exit(f"--attention: cannot write {path}: {e.strerror or e}")
    L, nh, T, _ = maps.shape
    print(f"attention: {L} layers x {nh} heads; the reply's {T - first_row} tokens over all {T} "
          f"tokens of the context -> {path}")


def tolerate_any_bytes():
    """Nothing typed or pasted may end the chat: bytes on stdin that are not UTF-8 are kept as lone
    surrogates (errors="surrogateescape"), which the tokenizer turns back into those bytes, and a
    character the terminal cannot show is printed as "?"."""
    for stream, errors in ((sys.stdin, "surrogateescape"), (sys.stdout, "replace")):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=errors)


def main(argv=None):
    args = parse_args(argv)
    tolerate_any_bytes()
    model, tok = load(args.run, args.device)
    conv = Conversation(model, tok)
    sampling = dict(max_tokens=args.max_tokens, temperature=args.temperature, top_k=args.top_k,
                    top_p=args.top_p, greedy=args.greedy or args.temperature == 0, seed=args.seed)

    def say(text):
        pieces = conv.reply(text, **sampling)
        for note in conv.notes:
            print(note)
        print("guppy> ", end="", flush=True)
        for piece in pieces:
            print(piece, end="", flush=True)
        print()
        if args.explain:
            print(format_explanation(explain(conv.picks, tok), sampling_settings(**sampling)))

    if args.eval:
        if not (args.temperature != 0.7 or args.top_k != 50 or args.top_p != 1.0 or args.seed is not None):
            sampling["greedy"] = True      # the default: reproducible, like train.py's report
        cases = DEV_CASES if args.cases == "dev" else EVAL_CASES
        results = ask_cases(lambda prompt: conv.reply_text(prompt, **sampling), cases)
        print(results_table(results, name=args.cases))
        return 0
    if args.prompt is not None:
        say(args.prompt)
        if args.attention:
            draw_attention(model, tok, conv, args.attention)
        return 0
    print("Guppy is listening. /reset forgets the conversation, /quit (or Ctrl-D) leaves.")
    while True:
        try:
            text = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.strip() == "/quit":
            return 0
        if text.strip() == "/reset":
            conv.reset()
            print("(a fresh start: Guppy remembers nothing)")
            continue
        if text.strip():
            try:
                say(text)
            except KeyboardInterrupt:
                print("\n(interrupted)")


if __name__ == "__main__":
    sys.exit(main())
