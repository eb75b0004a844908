"""Choose the follow-up word rule's threshold leave-one-centre-out without re-running the bot.

Reads the turns of `conversation_failures.py --rule-off --rows off.jsonl` (the rule never declines
there, and each call's message, query, shown section and verdict are kept in `holds_calls`), then
replays variants of `answerability.follow_up_holds` on them: a turn the variant would decline says no
fact and no wrong answer, any other keeps what the bot said. Variants: FOLLOW_UP_ADDS 1-4, with and
without `context.framing_words` taken off the added words, and whether a framing word shown still holds
the turn. For each held-out centre the variant with most later-turn facts on the other centres whose
wrong answers are not above main's (2, no framing words) is picked and scored on the held-out one.

    python benchmarks/conversation_failures.py --rule-off --rows off.jsonl
    python benchmarks/follow_up_rule_replay.py off.jsonl
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answering import context, extractive

VARIANTS: dict[str, dict[str, Any] | None] = {
    "rule off": None, "main (2)": dict(n=2), "3": dict(n=3), "4": dict(n=4),
    "framing 1": dict(n=1, frame=True), "framing 2": dict(n=2, frame=True), "framing 3": dict(n=3, frame=True),
    "framing 1, shown holds": dict(n=1, frame=True, keep=True),
    "framing 2, shown holds": dict(n=2, frame=True, keep=True),
    "framing 3, shown holds": dict(n=3, frame=True, keep=True),
}


def holds(message: str, query: str, shown: str, n: int = 2, frame: bool = False, keep: bool = False) -> bool:
    """`answerability.follow_up_holds` with its threshold and framing words as parameters."""
    if query == message or not query.endswith(message):
        return True
    topic = query[: -len(message)]
    added = extractive.content_words(message) - extractive.content_words(topic)
    named = added - context.framing_words(message, topic) if frame else added
    return len(named) < n or bool((added if keep else named) & extractive.content_words(shown))


def outcome(row: dict[str, Any], variant: dict[str, Any] | None) -> tuple[bool, bool]:
    calls = row.get("holds_calls") or []
    if variant is not None and calls and not holds(*calls[-1][:3], **variant):
        return False, False
    return row["fact"], row["wrong"]


def totals(rows: list[dict[str, Any]], variant: dict[str, Any] | None, centres: set[str]) -> tuple[int, int]:
    o = [outcome(r, variant) for r in rows if r["centre"] in centres and r["i"] > 0]
    return sum(f for f, _ in o), sum(w for _, w in o)


def main() -> None:
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
    centres = sorted({r["centre"] for r in rows})
    print(f"{len(centres)} centres; later turns fact/wrong in sample")
    for name, variant in VARIANTS.items():
        print(f"  {name:24s} {totals(rows, variant, set(centres))}")
    candidates = {k: v for k, v in VARIANTS.items() if v is not None}
    held = [0, 0]
    picks: collections.Counter[str] = collections.Counter()
    for centre in centres:
        others = set(centres) - {centre}
        ceiling = totals(rows, candidates["main (2)"], others)[1]
        allowed = [k for k in candidates if totals(rows, candidates[k], others)[1] <= ceiling]
        scored = {k: totals(rows, candidates[k], others) for k in allowed}
        best = max(allowed, key=lambda k: (scored[k][0], -scored[k][1]))
        picks[best] += 1
        fact, wrong = totals(rows, candidates[best], {centre})
        held[0] += fact
        held[1] += wrong
    main_totals = totals(rows, candidates["main (2)"], set(centres))
    print(f"held out (LOCO) later turns fact/wrong {tuple(held)}; main {main_totals}; picks {dict(picks)}")


if __name__ == "__main__":
    main()
