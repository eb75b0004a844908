"""Late interaction end to end: the bot's whole turn on every development golden question, side by side
for several re-rank weights on one index per centre (`knowledge_base/late_interaction.py`).

Per development centre (never a hold-out) the knowledge base is indexed once; then, for each weight (0 is
the shipped ranking), every golden question is searched and asked through the bot's turn, and bucketed
as `answer_misses.py` does (`ok` = the fact said). Token vectors are embedded at query time and kept
for the index (the cheapest source to try; the product's source does not change what is matched).
Prints per weight the pooled buckets, facts said and wrong answers, and the weight chosen
leave-one-centre-out (the one with most facts said minus wrong answers on the other centres), with the
held-out figures it gives. `--rows FILE` writes every row (JSONL).

    python benchmarks/late_rerank_turns.py [--weights 0 0.5 1 2] [--band 0.05] [--only NAME] [--rows FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from answer_misses import bucket, dev_sets  # noqa: E402
from indexed_centre import indexed_centre  # noqa: E402

from bot.answering.evaluation import _judge  # noqa: E402
from bot.answering.golden import load_golden  # noqa: E402
from knowledge_base.late_interaction import LateInteraction  # noqa: E402
from server import build_services  # noqa: E402


def centre_rows(name: str, docs: Path, golden: Path, weights: list[float], band: float,
                move_lead: bool) -> list[dict[str, Any]]:
    rows = []
    questions = load_golden(golden)
    with indexed_centre(docs, prefix="supportbot-late-") as (settings, kb):
        services = build_services(settings, knowledge_base=kb)
        try:
            kb.search("warm up")
            searcher = kb._searcher
            for w in weights:
                searcher.late_interaction = LateInteraction(weight=w, band=band, move_lead=move_lead)
                for q in questions:
                    result = kb.search(q.question)
                    top = [(h.document_id, round(h.score, 3)) for h in result.hits[:3]]
                    conversation, _token = services.bot.start_conversation()
                    verdict = _judge(q, services.bot.post_and_answer(conversation.id, q.question), None)
                    rows.append({"kb": name, "weight": w, "id": q.id, "lang": q.lang, "answerable": q.answerable,
                                 "bucket": bucket(q, verdict, top[0][0] if top else None), "search": top,
                                 "wrong": verdict.wrong})
        finally:
            services.close()
    return rows


def figures(rows: list[dict[str, Any]]) -> dict[str, int]:
    counted = [r for r in rows if r["lang"] == "en" or not r["answerable"]]
    return {"facts": sum(r["bucket"] == "ok" for r in rows), "facts_en": sum(r["bucket"] == "ok" for r in counted),
            "wrong": sum(bool(r["wrong"]) for r in rows), "right_first_missed": sum(r["bucket"] == "wrong_doc_first"
                                                                                      for r in counted)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.5, 1.0, 2.0])
    parser.add_argument("--band", type=float, default=0.05)
    parser.add_argument("--order-only", action="store_true", help="the pair's scores swap, the lead does not move")
    parser.add_argument("--only")
    parser.add_argument("--rows", type=Path)
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for name, docs, golden in dev_sets():
        if args.only and name != args.only:
            continue
        mine = centre_rows(name, docs, golden, args.weights, args.band, not args.order_only)
        rows += mine
        print(name, {w: figures([r for r in mine if r["weight"] == w]) for w in args.weights}, file=sys.stderr,
              flush=True)
        if args.rows:
            with args.rows.open("a", encoding="utf-8") as out:
                out.write("".join(json.dumps(r) + "\n" for r in mine))
    report(rows, args.weights)


def report(rows: list[dict[str, Any]], weights: list[float]) -> None:
    by: dict[tuple[str, float], dict[str, int]] = {}
    sets = sorted({r["kb"] for r in rows})
    grouped: dict[tuple[str, float], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[(r["kb"], r["weight"])].append(r)
    for key, mine in grouped.items():
        by[key] = figures(mine)
    for w in weights:
        pooled = Counter(r["bucket"] for r in rows if r["weight"] == w and (r["lang"] == "en" or not r["answerable"]))
        total = figures([r for r in rows if r["weight"] == w])
        print(f"weight {w}: {json.dumps(total)} {json.dumps(dict(sorted(pooled.items())))}")
        if w:
            moved = " ".join(f"{s[:14]} {by[(s, w)]['facts'] - by[(s, 0.0)]['facts']:+d}/"
                             f"{by[(s, w)]['wrong'] - by[(s, 0.0)]['wrong']:+d}" for s in sets
                             if (s, 0.0) in by and (by[(s, w)]['facts'], by[(s, w)]['wrong'])
                             != (by[(s, 0.0)]['facts'], by[(s, 0.0)]['wrong']))
            print(f"    per set facts/wrong vs weight 0: {moved}")
    held = {"facts": 0, "wrong": 0}
    chosen = Counter()
    for s in sets:
        def gain(w: float, s: str = s) -> int:
            return sum(by[(o, w)]["facts"] - by[(o, w)]["wrong"] for o in sets if o != s)
        best = max(weights, key=lambda w: (gain(w), -w))
        chosen[best] += 1
        held["facts"] += by[(s, best)]["facts"]
        held["wrong"] += by[(s, best)]["wrong"]
    print(f"leave-one-centre-out: weights chosen {dict(chosen)}; held out {json.dumps(held)} "
          f"(weight 0: {json.dumps({k: sum(by[(s, 0.0)][k] for s in sets) for k in held})})")


if __name__ == "__main__":
    main()
