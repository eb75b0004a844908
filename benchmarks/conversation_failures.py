"""Why multi-turn turns fail: every follow-up and topic-shift turn of the development help centres,
sorted by cause.

Indexes each development centre (English only: no cross-lingual vectors), asks every multi-turn case
in a new conversation, and for each turn records how the context code read it (`context.candidates`),
where the message alone and the message with its topic would have led (both searched, for the record
only: the turn itself runs as the product does), which query the turn used, and whether the follow-up
word rule (`answerability.follow_up_holds`) declined it. A failed turn (fact not said, or a wrong
answer) goes to one bucket: not detected as a follow-up, searched with the wrong context, the right
document with another section (or the previous answer again), declined by the word rule, declined
with the right document found, a retrieval miss both ways, a hand-off. `--rows FILE` keeps every turn.

    python benchmarks/conversation_failures.py [--only NAME[,NAME]] [--rows turns.jsonl] [--show BUCKET] [--rule-off]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from answers_quality import help_centres  # noqa: E402

import bot.turn  # noqa: E402
from bot.answering import answerability, context  # noqa: E402
from bot.answering.evaluation import _judge  # noqa: E402
from bot.answering.golden import load_conversations  # noqa: E402
from bot.conversations.records import Message  # noqa: E402
from knowledge_base.results import SearchResult  # noqa: E402

_record: dict[str, Any] = {}
_search = bot.turn.contextual_search
_holds = answerability.follow_up_holds


def _top(result: SearchResult) -> dict[str, Any]:
    return {"doc": result.hits[0].document_id if result.hits else None, "ok": result.answerable,
            "score": round(result.top_score, 3)}


def _recorded_search(search: Any, question: str, history: Sequence[Message]) -> tuple[str, SearchResult]:
    options = context.candidates(question, history)
    _record.update(reading=options.reading, has_topic=options.with_topic is not None)
    if options.with_topic is not None:
        _record.update(alone_top=_top(search.search(options.alone)), topic_top=_top(search.search(options.with_topic)))
    query, result = _search(search, question, history)
    _record.update(query=query, chosen=_top(result), used_topic=options.with_topic is not None
                   and query == options.with_topic)
    return query, result


_RULE_OFF = {"on": False}


def _recorded_holds(message: str, query: str, shown: str) -> bool:
    held = _holds(message, query, shown)
    _record.setdefault("holds_calls", []).append([message, query, shown, held])
    if not held:
        _record["rule_declined"] = True
    return held or _RULE_OFF["on"]


def bucket(row: dict[str, Any]) -> str | None:
    """The cause of a failed turn, None for a turn that did not fail."""
    must = set(row["must_cite"])
    chosen, alone, topic = ((row.get(k) or {}).get("doc") for k in ("chosen", "alone_top", "topic_top"))
    if row["fact"] or (not row["answerable"] and not row["wrong"]):
        return None
    if row["i"] == 0:
        return "first turn (a single question)"
    if row["outcome"] not in ("answered", "declined"):
        return f"not answered: {row['outcome']}"
    if not row["answerable"]:
        return "unanswerable answered" + (" (with its topic)" if row.get("used_topic") else "")
    if row["outcome"] == "answered":
        if row["cited"] and row["cited"][0] in must:
            return "right document, the previous answer again" if row["same_as_previous"] else \
                "right document, another section"
        if row.get("used_topic"):
            return "wrong document, searched with its topic" + (" (alone was right)" if alone in must else "")
        return "wrong document, searched alone" + (" (with its topic was right)" if topic in must else "")
    if row.get("rule_declined"):
        return "declined by the follow-up word rule" + (" (right document)" if chosen in must else "")
    if chosen in must:
        return "declined, right document found"
    if row.get("used_topic") and alone in must:
        return "declined, searched with its topic (alone was right)"
    if row.get("has_topic") and not row.get("used_topic") and topic in must:
        return "declined, searched alone (with its topic was right)"
    return "declined, retrieval miss"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="help centres by name, comma-separated")
    parser.add_argument("--rows", help="write every turn as JSON lines here")
    parser.add_argument("--show", help="print the turns of this bucket")
    parser.add_argument("--rule-off", action="store_true",
                        help="never let the follow-up word rule decline (its verdicts are still recorded in "
                             "holds_calls, for benchmarks/follow_up_rule_replay.py)")
    args = parser.parse_args()
    _RULE_OFF["on"] = args.rule_off

    from commands import _throwaway
    from server import build_knowledge_base, build_services
    from settings import Settings

    bot.turn.contextual_search = _recorded_search
    answerability.follow_up_holds = _recorded_holds
    rows: list[dict[str, Any]] = []
    for name, docs, _golden, files in help_centres(holdout=False, which="all"):
        if (args.only and name not in args.only.split(",")) or not files:
            continue
        print(name, file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="conversation-failures-") as tmp:
            settings = _throwaway(Settings(), Path(tmp))
            kb = build_knowledge_base(settings)
            kb.sync(docs)
            services = build_services(settings, knowledge_base=kb)
            try:
                for case in [c for f in files for c in load_conversations(f)]:
                    conversation, _token = services.bot.start_conversation()
                    previous = ""
                    for i, turn in enumerate(case.turns):
                        _record.clear()
                        verdict = _judge(turn, services.bot.post_and_answer(conversation.id, turn.question), case.kind)
                        rows.append(dict(centre=name, case=case.id, kind=case.kind, i=i, question=turn.question,
                                         answerable=verdict.answerable, must_cite=verdict.must_cite,
                                         outcome=verdict.outcome, cited=verdict.cited, missing=verdict.missing,
                                         fact=verdict.fact_said, wrong=verdict.wrong,
                                         same_as_previous=bool(verdict.answer) and verdict.answer == previous,
                                         **_record))
                        previous = verdict.answer
            finally:
                services.close()
    if args.rows:
        Path(args.rows).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary: dict[str, Any] = {}
    for kind in ("follow_up", "topic_shift"):
        turns = [r for r in rows if r["kind"] == kind]
        later = [r for r in turns if r["i"] > 0]
        causes = collections.Counter(b for b in map(bucket, turns) if b)
        summary[kind] = {"turns": len(turns), "facts": sum(r["fact"] for r in turns),
                         "wrong": sum(r["wrong"] for r in turns), "later_turns": len(later),
                         "later_facts": sum(r["fact"] for r in later), "later_wrong": sum(r["wrong"] for r in later),
                         "causes": dict(causes.most_common())}
        print(f"== {kind}: " + ", ".join(f"{k} {v}" for k, v in summary[kind].items() if k != "causes"))
        for cause, count in causes.most_common():
            print(f"  {count:4d}  {cause}")
        for r in turns:
            if args.show and bucket(r) == args.show:
                print(f"    {r['centre']} {r['case']}#{r['i']} {r['question']!r} (reading {r.get('reading')}, "
                      f"cited {r['cited'][:1]}, must {r['must_cite']}, missing {r['missing']})")
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
