"""Instructions per customer turn, counted by callgrind: a CPU figure that a busy machine does not move.

Server CPU per turn (`cpu_per_turn.py`) swings 20-40% between runs on a shared 2-core machine; the
instructions a turn executes do not. This runs customer turns in-process through the real Flask app
(POST with its token and rate limits, stored and redacted, triaged, searched on the bundled example
help centre, answered extractively, stored, published to the conversation's subscribers), with the
turn run on the request's thread so one profiler sees all of it, and counts instructions with
callgrind around the measured turns only (start-up, indexing and warm-up are not counted). What it
leaves out is the server around the app (the event loop, HTTP parsing, the stream's writes and the
hand-off between threads): `cpu_per_turn.py` measures those, against the anchor.
NOTE: count Python-side changes with it, not the product against the anchor: valgrind has no AVX-512,
so onnxruntime's int8 kernels it counts are not the ones this machine runs, and an embedding weighs
about twice as much here as in CPU time (`server_profile.py` splits real CPU time by part).

    python benchmarks/turn_instructions.py [--turns 40] [--warm-up 30] [--root CHECKOUT] [--anchor]

Needs valgrind. `--root` counts another checkout's code (e.g. main) with this script. `--anchor`
also counts the anchor's turns (`anchor_langchain_tutorial.py`: POST /ask through its Flask app, the
same numbered questions) and prints the ratio, both in-process. Prints the instructions per turn,
the share spent in onnxruntime (the embedding), and one JSON line.
`--inside` is the child valgrind runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [  # the customers' questions of web_load.py, numbered like its --distinct
    "How long does standard delivery to Canada take?", "How much does express shipping cost in the US?",
    "How many days do I have to return something?", "How do I reset my password?",
    "Can I change the delivery address after ordering?", "When will my refund show up on my card?",
    "Which payment methods do you accept?", "How do I track my order?",
]


def inside(root: Path, data_dir: Path, turns: int, warm_up: int) -> None:
    """The child: build the app on `root`'s code, run warm-up turns, then the counted ones (none: only
    index the examples into `data_dir`, natively, so valgrind's run does not embed them)."""
    sys.path.insert(0, str(root))
    from bot.triage.setup import InlineExecutor
    from bot.web.config import WebSettings
    from server import Settings, create_app

    limits = WebSettings(rate_limit_per_ip="100000 per minute", rate_limit_per_conversation="100000 per minute")
    app = create_app(Settings(data_dir=data_dir, web=limits), start_background=False)
    services = app.extensions["supportbot"]
    if turns == 0:
        services.close()
        return
    services.bot._pool = InlineExecutor()  # NOTE: the turn on the request's thread, so callgrind sees it whole
    client = app.test_client()
    created = client.post("/api/conversations", json={"locale": "en"}).get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    subscription = services.bus.subscribe(created["id"])

    def turn(n: int) -> None:
        text = f"{QUESTIONS[n % len(QUESTIONS)]} (#{n % len(QUESTIONS)}-{n})"
        response = client.post(f"/api/conversations/{created['id']}/messages", json={"text": text}, headers=auth)
        assert response.status_code == 201, response.get_json()
        replies = 0
        while (event := subscription.get(0)) is not None:
            replies += event.type == "message" and event.data["role"] == "bot"
        assert replies >= 1, f"turn {n}: no bot reply"

    _counted(turn, turns, warm_up)
    services.close()


def inside_anchor(data_dir: Path, turns: int, warm_up: int) -> None:
    """The anchor's turn (`anchor_langchain_tutorial.py`) counted the same way: POST /ask through its
    Flask app, the same numbered questions, the same int8 embedder. Its chunks are embedded natively
    (turns 0) and read back under valgrind, as the product's index is; questions are embedded live."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from anchor_langchain_tutorial import app

    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    vectors = data_dir / "anchor_chunks.json"
    embedder = _ChunksRemembered(LocalMiniLMEmbeddings(), vectors)
    client = app(embedder=embedder).test_client()
    if turns == 0:
        data_dir.mkdir(parents=True, exist_ok=True)
        vectors.write_text(json.dumps(embedder.embedded))
        return

    def turn(n: int) -> None:
        text = f"{QUESTIONS[n % len(QUESTIONS)]} (#{n % len(QUESTIONS)}-{n})"
        response = client.post("/ask", json={"question": text})
        assert response.status_code == 200 and response.get_json()["answer"], response.get_json()

    _counted(turn, turns, warm_up)


class _ChunksRemembered:
    """The anchor's embedder with its chunks' vectors read from `path` when there (questions: embedded)."""

    def __init__(self, inner: Any, path: Path) -> None:
        self._inner = inner
        self.embedded: dict[str, list[float]] = json.loads(path.read_text()) if path.is_file() else {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in texts if t not in self.embedded]
        self.embedded.update(zip(missing, self._inner.embed_documents(missing), strict=True))
        return [self.embedded[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._inner.embed_query(text)  # type: ignore[no-any-return]


def _counted(turn: Callable[[int], None], turns: int, warm_up: int) -> None:
    """Warm-up turns uncounted, then `turns` turns with callgrind's instrumentation on."""
    for n in range(warm_up):
        turn(n)
    _instrument("on")
    for n in range(warm_up, warm_up + turns):
        turn(n)
    _instrument("off")


def _instrument(state: str) -> None:
    subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], check=True, capture_output=True)


def count(root: Path, turns: int, warm_up: int, *, anchor: bool = False) -> dict[str, float]:
    """Run the child under callgrind; instructions per turn in all and in onnxruntime (`anchor`: the
    anchor's turns instead of the product's)."""
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="turn-instructions-") as tmp:
        out, data = Path(tmp) / "callgrind.out", Path(tmp) / "data"
        child = [__file__, "--inside", "--root", str(root), "--data-dir", str(data), "--warm-up", str(warm_up),
                 *(["--anchor"] if anchor else [])]
        subprocess.run([sys.executable, *child, "--turns", "0"], check=True, capture_output=True)
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                   sys.executable, *child, "--turns", str(turns)]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"the counted run failed:\n{run.stderr[-3000:]}")
        collected = re.search(r"Collected : (\d+)", run.stderr)
        assert collected is not None, run.stderr[-2000:]
        annotated = subprocess.run(["callgrind_annotate", "--threshold=100", str(out)], capture_output=True,
                                   text=True, check=True).stdout
    onnx = sum(int(m.group(1).replace(",", "")) for m in re.finditer(r"^\s*([\d,]+) .*onnxruntime", annotated, re.M))
    total = int(collected.group(1))
    return {"instructions_per_turn": round(total / turns), "onnxruntime_per_turn": round(onnx / turns),
            "other_per_turn": round((total - onnx) / turns)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--warm-up", type=int, default=30)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code is counted")
    parser.add_argument("--anchor", action="store_true", help="count the LangChain tutorial anchor's turns too")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside and args.anchor:
        inside_anchor(args.data_dir, args.turns, args.warm_up)
        return 0
    if args.inside:
        inside(args.root.resolve(), args.data_dir, args.turns, args.warm_up)
        return 0
    figures = count(args.root.resolve(), args.turns, args.warm_up)
    report: dict[str, object] = {"benchmark": "turn_instructions", "root": str(args.root.resolve()),
                                 "turns": args.turns, **figures}
    print(f"{args.root.resolve()}: {_described(figures)}, {args.turns} turns after {args.warm_up}")
    if args.anchor:
        anchor = count(args.root.resolve(), args.turns, args.warm_up, anchor=True)
        ratio = figures["instructions_per_turn"] / anchor["instructions_per_turn"]
        print(f"anchor (LangChain tutorial): {_described(anchor)}; product/anchor {ratio:.2f}x")
        report |= {"anchor": anchor, "ratio_to_anchor": round(ratio, 3)}
    print(json.dumps(report, sort_keys=True))
    return 0


def _described(figures: dict[str, float]) -> str:
    return (f"{figures['instructions_per_turn'] / 1e6:.2f}M instructions per turn "
            f"({figures['onnxruntime_per_turn'] / 1e6:.2f}M in onnxruntime, the embedding; "
            f"{figures['other_per_turn'] / 1e6:.2f}M the rest)")


if __name__ == "__main__":
    sys.exit(main())
