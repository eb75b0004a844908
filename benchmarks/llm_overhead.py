"""Time the product adds before an LLM's first token (budget: under 60 ms).

Runs the real `ChatOpenAI` client against the fake OpenAI server on loopback, whose first token is
instant, and measures from `Answerer.answer()` being called (prompt building, the HTTP round trip,
SSE parsing, the sentinel gate) to the first `on_token` call. Nothing is subtracted; the raw HTTP
floor (the same request sent with plain httpx) is printed beside it for context. With `--search`
it also times condense + knowledge-base search + answer to first token over the example corpus.
It also times the extra round trip a missed question pays: the LLM's rewrite of it for a second
search (`Answerer.search_query`, whole reply, the fake answering at once).

    python benchmarks/llm_overhead.py [--runs 200] [--search]

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_openai import FakeOpenAI  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from bot.answering.answerer import Answerer, condense_query  # noqa: E402
from bot.answering.llm import make_chat_model  # noqa: E402
from bot.config import LLMSettings  # noqa: E402
from bot.conversations.records import Kind, Message, Role  # noqa: E402
from knowledge_base.results import DocumentHit, Passage, SearchResult  # noqa: E402

BUDGET_MS = 60.0
PARAGRAPH = (
    "Orders placed before 2 pm on a business day leave our warehouse the same day. Standard delivery "
    "takes three to five business days; express delivery arrives the next business day. You get a "
    "tracking link by email as soon as the carrier scans the parcel. "
)


def _result() -> SearchResult:
    """Five documents with two ~800-character passages each: a realistic prompt size."""
    hits = [
        DocumentHit(
            f"doc{d}.md",
            f"Document {d}",
            f"doc{d}.md",
            None,
            0.9 - d * 0.05,
            [Passage(f"doc{d}.md::v1::{p}", PARAGRAPH * 3, "Section", 0.8) for p in range(2)],
        )
        for d in range(5)
    ]
    return SearchResult(query="how long does delivery take", hits=hits, answerable=True)


def _history() -> list[Message]:
    now = datetime.now(UTC)
    turns = [
        (Role.CUSTOMER, "Hi, where is my order?"),
        (Role.BOT, "You get a tracking link by email [1]."),
        (Role.CUSTOMER, "I did not get it"),
        (Role.BOT, "The link is sent when the carrier scans the parcel [1]."),
    ]
    return [Message(i, "c1", role, Kind.TEXT, text, now) for i, (role, text) in enumerate(turns, start=1)]


def _time_to_first_token(run: Callable[[Callable[[str], None]], object]) -> float:
    first: list[float] = []
    start = time.perf_counter()
    run(lambda token: first or first.append(time.perf_counter()))
    return (first[0] - start) * 1000


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "min": round(ordered[0], 2),
    }


def _measure(run: Callable[[Callable[[str], None]], object], runs: int) -> dict[str, float]:
    for _ in range(min(20, runs)):
        _time_to_first_token(run)
    return _stats([_time_to_first_token(run) for _ in range(runs)])


def _http_floor(fake: FakeOpenAI, body: dict, runs: int) -> dict[str, float]:
    import httpx

    with httpx.Client() as client:

        def run(on_token: Callable[[str], None]) -> None:
            with client.stream(
                "POST", f"{fake.base_url}/chat/completions", json=body, headers={"Authorization": "Bearer k"}
            ) as response:
                for line in response.iter_lines():
                    if '"content": "' in line and '"content": ""' not in line:
                        on_token(line)
                        break

        return _measure(run, runs)


def _search_figures(answerer: Answerer, runs: int) -> dict[str, object] | str:
    try:
        from knowledge_base.config import KnowledgeBaseSettings
        from knowledge_base.service import build_knowledge_base

        kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=Path(tempfile.mkdtemp(prefix="llm-overhead-"))))
        kb.sync(ROOT / "examples")
        history = _history()
        questions = itertools.cycle(
            ["how long does standard delivery take?", "and what about express?", "can I return shoes?"]
        )

        search_ms: list[float] = []

        def run(on_token: Callable[[str], None]) -> None:
            question = next(questions)
            start = time.perf_counter()
            result = kb.search(condense_query(question, history))
            search_ms.append((time.perf_counter() - start) * 1000)
            answerer.answer(question, result, history=history, on_token=on_token)

        figures: dict[str, object] = dict(_measure(run, runs))
        figures["search_alone"] = _stats(search_ms[-runs:])
        kb.close()
        return figures
    except Exception as exc:
        return f"skipped: {type(exc).__name__}: {exc}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--search", action="store_true", help="also time search + answer over examples/")
    args = parser.parse_args()

    with FakeOpenAI() as fake:
        model = make_chat_model(
            LLMSettings(api_key=SecretStr("k"), base_url=fake.base_url, max_retries=0, timeout_s=10)
        )
        answerer = Answerer(chat_model=model, timeout_s=10)
        result, history = _result(), _history()
        product = _measure(
            lambda on_token: answerer.answer(
                "and how long does express take?", result, history=history, on_token=on_token
            ),
            args.runs,
        )
        floor = _http_floor(fake, fake.requests[-1], args.runs)

        def rewrite(done: Callable[[str], None]) -> None:  # timed until the whole rewrite is back
            fake.enqueue("How long does express delivery take?")
            answerer.search_query("¿y cuánto tarda el exprés?", history)
            done("")

        rewrite_ms = _measure(rewrite, args.runs)
        searched = _search_figures(answerer, args.runs) if args.search else "not run (use --search)"

    print(
        f"answer() -> first token   p50 {product['p50']:7.2f} ms   p95 {product['p95']:7.2f} ms"
        f"   (budget {BUDGET_MS:.0f} ms)"
    )
    print(f"raw HTTP floor (httpx)    p50 {floor['p50']:7.2f} ms   p95 {floor['p95']:7.2f} ms")
    print(f"product-added vs floor    p50 {product['p50'] - floor['p50']:7.2f} ms")
    print(
        f"missed-question rewrite   p50 {rewrite_ms['p50']:7.2f} ms   p95 {rewrite_ms['p95']:7.2f} ms"
        "   (plus the LLM's own time)"
    )
    if isinstance(searched, dict):
        alone = searched["search_alone"]
        print(
            f"search + answer -> token  p50 {searched['p50']:7.2f} ms   p95 {searched['p95']:7.2f} ms"
            f"   (search alone p50 {alone['p50']:.2f} ms, p95 {alone['p95']:.2f} ms)"
        )
    else:
        print(f"search + answer -> token  {searched}")
    print(
        json.dumps(
            {
                "benchmark": "llm_overhead",
                "runs": args.runs,
                "budget_ms": BUDGET_MS,
                "first_token_ms": product,
                "http_floor_ms": floor,
                "rewrite_ms": rewrite_ms,
                "search_first_token_ms": searched,
                "within_budget": product["p95"] < BUDGET_MS,
            }
        )
    )


if __name__ == "__main__":
    main()
