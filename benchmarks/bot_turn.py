"""A full bot turn in-process, without an LLM: store, triage, retrieve, answer, store.

Budget (issue 3): p50 under 25 ms. Uses the real offline embedder, embedded Chroma and a SQLite
file, on the bundled example knowledge base. Prints figures and a final JSON line.

    python benchmarks/bot_turn.py [--turns 200]
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from server import Settings, build_services

QUESTIONS = [
    "How long does standard delivery take?",
    "can I change the address after ordering",
    "how do I descale my kettle",
    "what payment methods do you take",
    "How do I reset my password?",
    "do you ship to Norway",
    "how long until I get my refund",
    "what does error E4 mean on the espresso machine",
    "how do I pause my subscription",
    "is there a warranty on the grinder",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), db={"url": None, "redis_url": None}, kb={"chroma_url": None})
        services = build_services(settings)
        report = services.knowledge_base.sync(settings.examples_dir)
        print(f"indexed examples: {report}")
        bot = services.bot
        for question in QUESTIONS[:3]:  # warm the embedder and caches
            conversation, _ = bot.start_conversation()
            bot.post_and_answer(conversation.id, question)
        timings, outcomes = [], {}
        for i in range(args.turns):
            conversation, _ = bot.start_conversation()
            started = time.perf_counter()
            outcome = bot.post_and_answer(conversation.id, QUESTIONS[i % len(QUESTIONS)])
            timings.append((time.perf_counter() - started) * 1000)
            outcomes[outcome.outcome] = outcomes.get(outcome.outcome, 0) + 1
        services.close()
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"turns: {len(timings)}  p50 {p50:.1f} ms  p95 {p95:.1f} ms  (budget p50 < 25 ms)  outcomes {outcomes}")
    print(json.dumps({"turns": len(timings), "turn_p50_ms": round(p50, 2), "turn_p95_ms": round(p95, 2),
                      "outcomes": outcomes}))


if __name__ == "__main__":
    main()
