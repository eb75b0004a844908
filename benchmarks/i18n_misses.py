"""Non-English questions on every development help centre: fact said, declined or wrong, and why each miss.

For each development set (`examples/` and `answers_quality.DEVELOPMENT`), every question with
`lang != en` of its golden file and of any `golden_i18n_dev*.jsonl` beside it is asked in a new
conversation, offline, and judged as `eval answers` judges it. Each answerable miss is put in one
bucket, in this order:
  wrong_doc    search put another document first (the answer cites it, or it declined);
  declined     the right document was first but the bot declined;
  no_fact_doc  the required document does not hold the fact as written (a data issue, not ours);
  section      the right document was answered, with a section that lacks the fact.
Prints one row per set (fact said / declined / wrong over its non-English questions, the buckets, and
the first non-English question's latency: what a customer waits after a sync), the pooled row, and
`--rows FILE` writes every question's verdict as JSON lines.

    nice python benchmarks/i18n_misses.py [--only NAME] [--rows out.jsonl] [--cache DIR]

`--cache DIR` keeps each set's index in DIR/<name> between runs (a re-sync of unchanged documents
costs nothing); leave it out to index afresh, as a new install does.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUCKETS = ("wrong_doc", "declined", "no_fact_doc", "section")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="run these sets by name (repeatable)")
    parser.add_argument("--rows", type=Path, help="write every question's verdict here (JSON lines)")
    parser.add_argument("--cache", type=Path, help="keep each set's index here between runs")
    parser.add_argument("--grep", help="only the questions this regular expression finds (case-insensitive): a "
                                       "change that only touches some questions is measured on those")
    args = parser.parse_args()

    from benchmarks.answers_quality import help_centres

    out = args.rows.open("w", encoding="utf-8") if args.rows else None
    totals: Counter[str] = Counter()
    latencies: list[float] = []
    print(f"{'set':22}{'n':>4}{'ans':>5}{'said':>7}{'declined':>9}{'wrong':>7}  "
          + "".join(f"{b:>12}" for b in BUCKETS) + f"{'first ms':>10}")
    for name, docs, golden, _ in help_centres(holdout=False):
        if args.only and name not in args.only:
            continue
        files = [golden, *sorted(golden.parent.glob("golden_i18n_dev*.jsonl"))]
        counts, first_ms, rows = _run_set(name, docs, files, args.cache, args.grep)
        if not counts["questions"]:
            continue
        totals.update(counts)
        latencies.append(first_ms)
        _print_row(name, counts, first_ms)
        for row in rows:
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    _print_row("ALL", totals, sorted(latencies)[len(latencies) // 2] if latencies else 0.0)
    if out is not None:
        out.close()
    print(json.dumps({"pooled": _rates(totals), "counts": dict(totals)}, sort_keys=True))


def _run_set(name: str, docs: Path, files: list[Path], cache: Path | None,
             grep: str | None = None) -> tuple[Counter[str], float, list[dict]]:
    from benchmarks.indexed_centre import indexed_centre
    from bot.answering.evaluation import _judge, says_facts
    from bot.answering.golden import load_golden
    from server import build_services

    questions = [q for f in files for q in load_golden(f)
                 if q.lang != "en" and (grep is None or re.search(grep, q.question, re.IGNORECASE))]
    counts: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    if not questions:
        return counts, 0.0, rows
    with indexed_centre(docs, prefix="i18n-misses-", keep=cache / name if cache is not None else None) as (
            settings, kb):
        services = build_services(settings, knowledge_base=kb)
        first_ms = 0.0
        try:
            for i, q in enumerate(questions):
                conversation, _ = services.bot.start_conversation()
                started = time.perf_counter()
                outcome = services.bot.post_and_answer(conversation.id, q.question)
                if i == 0:
                    first_ms = (time.perf_counter() - started) * 1000
                verdict = _judge(q, outcome, None)
                result = kb.search(q.question)
                top = result.hits[0].document_id if result.hits else None
                in_doc = says_facts(" ".join(c.text for d in q.must_cite for c in kb.document_chunks(d)), q)
                bucket = _bucket(verdict, top, in_doc)
                counts["questions"] += 1
                counts["answerable"] += q.answerable
                counts["said"] += verdict.fact_said
                counts["answered"] += verdict.answered
                counts["not_answered"] += not verdict.answered
                counts["wrong"] += verdict.wrong
                counts["declined_answerable"] += q.answerable and not verdict.answered
                counts["declined_unanswerable"] += not q.answerable and not verdict.answered
                if bucket:
                    counts[bucket] += 1
                rows.append({"set": name, "id": q.id, "lang": q.lang, "answerable": q.answerable,
                             "said": verdict.fact_said, "answered": verdict.answered, "wrong": verdict.wrong,
                             "bucket": bucket, "top": top, "must_cite": q.must_cite, "cited": verdict.cited,
                             "score": result.hits[0].score if result.hits else None,
                             "search_answerable": result.answerable, "translated": result.translated,
                             "question": q.question, "answer": verdict.answer[:400]})
        finally:
            services.close()
    return counts, first_ms, rows


def _bucket(verdict: Any, top: str | None, in_doc: bool) -> str | None:
    if not verdict.answerable or verdict.fact_said:
        return None
    if verdict.answered and not verdict.cited_required or not verdict.answered and top not in verdict.must_cite:
        return "wrong_doc"
    if not verdict.answered:
        return "declined"
    return "section" if in_doc else "no_fact_doc"


def _rates(c: Counter[str]) -> dict[str, float | None]:
    def rate(a: str, b: str) -> float | None:
        return round(c[a] / c[b], 3) if c[b] else None

    return {"fact_said": rate("said", "answerable"), "declined_answerable": rate("declined_answerable", "answerable"),
            "wrong": rate("wrong", "questions"),
            "declined_unanswerable": round(c["declined_unanswerable"] / max(1, c["questions"] - c["answerable"]), 3)}


def _print_row(name: str, c: Counter[str], first_ms: float) -> None:
    r = _rates(c)
    print(f"{name:22}{c['questions']:>4}{c['answerable']:>5}{_f(r['fact_said']):>7}{_f(r['declined_answerable']):>9}"
          f"{_f(r['wrong']):>7}  " + "".join(f"{c[b]:>12}" for b in BUCKETS) + f"{first_ms:>10.0f}", flush=True)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
