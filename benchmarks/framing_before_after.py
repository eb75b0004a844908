"""Before/after of conv13's two follow-up changes in one run, each centre indexed once.

Every multi-turn case of the development centres (English only, no cross-lingual vectors) is asked
twice in new conversations: as on main (no framing words in `answerability.follow_up_holds`, a new
subject searched with its lead-in) and as changed (`context.framing_words`, `context.without_lead_in`).
Prints, per kind, all turns and later turns (a first turn is a single question) with facts, their share
of the answerable turns and wrong answers, and the centres whose later-turn figures moved.

    python benchmarks/framing_before_after.py [--only NAME[,NAME]] [--rows turns.jsonl]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from answers_quality import help_centres  # noqa: E402

from bot.answering import context  # noqa: E402
from bot.answering.evaluation import _judge  # noqa: E402
from bot.answering.golden import load_conversations  # noqa: E402

_CHANGED: tuple[Callable[..., set[str]], Callable[[str], str]] = (context.framing_words, context.without_lead_in)
VARIANTS: dict[str, tuple[Callable[..., set[str]], Callable[[str], str]]] = {
    "before": (lambda _m, _t="": set(), lambda q: q), "after": _CHANGED}


def summary(rows: list[dict[str, Any]]) -> None:
    counts: dict[tuple[str, str, str], list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    per: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        for key in ((r["variant"], r["kind"], "all"), (r["variant"], r["kind"], "later" if r["i"] else "first")):
            c = counts[key]
            c[0] += 1
            c[1] += r["fact"]
            c[2] += r["wrong"]
            c[3] += r["answerable"]
        if r["i"]:
            per[(r["centre"], r["variant"])][0] += r["fact"]
            per[(r["centre"], r["variant"])][1] += r["wrong"]
    for key, (turns, fact, wrong, answerable) in sorted(counts.items()):
        print(f"{key}: turns {turns} fact {fact} ({fact / max(1, answerable):.3f} of answerable) wrong {wrong}")
    for centre in sorted({c for c, _v in per}):
        before, after = per[(centre, "before")], per[(centre, "after")]
        if before != after:
            print(f"  {centre}: later fact {before[0]} -> {after[0]}, wrong {before[1]} -> {after[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="help centres by name, comma-separated")
    parser.add_argument("--rows", help="write every turn as JSON lines here")
    args = parser.parse_args()

    from commands import _throwaway
    from server import build_knowledge_base, build_services
    from settings import Settings

    rows: list[dict[str, Any]] = []
    for name, docs, _golden, files in help_centres(holdout=False, which="all"):
        if (args.only and name not in args.only.split(",")) or not files:
            continue
        print(name, file=sys.stderr, flush=True)
        cases = [c for f in files for c in load_conversations(f)]
        with tempfile.TemporaryDirectory(prefix="framing-before-after-") as tmp:
            settings = _throwaway(Settings(), Path(tmp))
            kb = build_knowledge_base(settings)
            kb.sync(docs)
            services = build_services(settings, knowledge_base=kb)
            try:
                for label, (framing, lead_in) in VARIANTS.items():
                    context.framing_words, context.without_lead_in = framing, lead_in  # type: ignore[assignment]
                    for case in cases:
                        conversation, _token = services.bot.start_conversation()
                        for i, turn in enumerate(case.turns):
                            v = _judge(turn, services.bot.post_and_answer(conversation.id, turn.question), case.kind)
                            rows.append(dict(variant=label, centre=name, case=case.id, kind=case.kind, i=i,
                                             fact=v.fact_said, wrong=v.wrong, answerable=v.answerable))
            finally:
                context.framing_words, context.without_lead_in = _CHANGED  # type: ignore[assignment]
                services.close()
    if args.rows:
        Path(args.rows).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary(rows)


if __name__ == "__main__":
    main()
