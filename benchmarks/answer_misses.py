"""Why golden questions fail, in aggregate: each miss put in one bucket by its first cause.

For every golden question of the dev help centres (never the hold-out), the knowledge base is
searched as the turn would search it, then the question is asked through the bot's whole turn
(`evaluate_answers`' judge). Answerable questions fall in one of:
- `ok`: the fact said, from a required document;
- `wrong_doc_first`: search put another document first (a ranking miss);
- `declined_right_doc`: search had a required document first, the bot declined (answerability);
- `fact_missing`: a required document cited, the fact not in what was shown (section choice/trim);
- `cited_other`: search had the right document first but the answer cited another (e.g. community skip);
unanswerable ones in `declined` or `answered`. `--rows FILE` writes every row (question, bucket,
search top 3 with scores, the answer's start) as JSONL for reading the misses.

    python benchmarks/answer_misses.py [--only NAME] [--rows FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)
from indexed_centre import indexed_centre  # noqa: E402

from bot.answering.evaluation import Verdict, _judge  # noqa: E402
from bot.answering.golden import GoldenQuestion, load_golden  # noqa: E402
from server import build_services  # noqa: E402

ANSWERABLE_BUCKETS = ("ok", "wrong_doc_first", "declined_right_doc", "fact_missing", "cited_other")


def dev_sets() -> list[tuple[str, Path, Path]]:
    """(name, docs, golden) of `examples/` and the dev help centres, never a hold-out."""
    return [(name, docs, golden) for name, docs, golden, _ in help_centres(holdout=False)]


def bucket(q: GoldenQuestion, verdict: Verdict, search_first: str | None) -> str:
    """The first cause of a miss (see the module docstring)."""
    if not q.answerable:
        return "answered" if verdict.answered else "declined"
    if verdict.fact_said:
        return "ok"
    if search_first not in q.must_cite:
        return "wrong_doc_first"
    if not verdict.answered:
        return "declined_right_doc"
    if not verdict.cited_required:
        return "cited_other"
    return "fact_missing"


def diagnose(name: str, docs: Path, golden: Path) -> list[dict[str, Any]]:
    rows = []
    with indexed_centre(docs, prefix="supportbot-misses-") as (settings, kb):
        services = build_services(settings, knowledge_base=kb)
        try:
            for q in load_golden(golden):
                result = kb.search(q.question)
                top = [(h.document_id, round(h.score, 3)) for h in result.hits[:3]]
                conversation, _token = services.bot.start_conversation()
                verdict = _judge(q, services.bot.post_and_answer(conversation.id, q.question), None)
                rows.append({"kb": name, "id": q.id, "lang": q.lang, "question": q.question,
                             "must_cite": list(q.must_cite), "bucket": bucket(q, verdict, top[0][0] if top else None),
                             "search": top, "answerable": result.answerable, "cited": verdict.cited,
                             "missing": verdict.missing, "answer": verdict.answer[:400]})
        finally:
            services.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="one knowledge base by name")
    parser.add_argument("--rows", type=Path, help="write every row as JSONL here")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for name, docs, golden in dev_sets():
        if args.only and name != args.only:
            continue
        rows += diagnose(name, docs, golden)
    if args.rows:
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    names = sorted({r["kb"] for r in rows}) + ["ALL"]
    columns = [*ANSWERABLE_BUCKETS, "declined", "answered"]
    print(f"{'knowledge base (EN answerable | unanswerable)':46}" + "".join(f"{c:>20}" for c in columns))
    for name in names:
        mine = [r for r in rows if name in ("ALL", r["kb"]) and (r["lang"] == "en" or not r["must_cite"])]
        counts = Counter(r["bucket"] for r in mine)
        print(f"{name:46}" + "".join(f"{counts.get(c, 0):>20}" for c in columns))
    pooled = Counter(r["bucket"] for r in rows if r["lang"] == "en" or not r["must_cite"])
    print(json.dumps(dict(sorted(pooled.items()))))


if __name__ == "__main__":
    main()
