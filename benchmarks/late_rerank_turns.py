"""Late interaction end to end: the bot's whole turn on every development golden question, side by side
for several re-rank weights on one index per centre (`knowledge_base/late_interaction.py`).

Per development centre (never a hold-out) the knowledge base is indexed once; then, for each weight (0 is
the shipped ranking), every golden question is searched and asked through the bot's turn, and bucketed
as `answer_misses.py` does (`ok` = the fact said). Token vectors are embedded at query time and kept
for the index (the cheapest source to try; the product's source does not change what is matched).
Prints per weight the pooled buckets, facts said and wrong answers, and the weight chosen
leave-one-centre-out (the one with most facts said minus wrong answers on the other centres), with the
held-out figures it gives. `--rows FILE` writes every row (JSONL).

    python benchmarks/late_rerank_turns.py [--weights 0 0.5 1] [--move-lead] [--band B] [--skip NAME...] [--rows F]
    python benchmarks/late_rerank_turns.py --report ROWS.jsonl [ROWS2.jsonl ...]   # merge runs, choose LOCO
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
                    rows.append({"kb": name, "weight": w, "move_lead": move_lead, "id": q.id, "lang": q.lang,
                             "answerable": q.answerable,
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
    parser.add_argument("--move-lead", action="store_true", help="the pair's scores move too (default: only the order)")
    parser.add_argument("--only")
    parser.add_argument("--skip", nargs="*", default=[], help="centres already measured (rows kept from a run before)")
    parser.add_argument("--rows", type=Path)
    parser.add_argument("--report", type=Path, nargs="+", help="only report these --rows files (merged)")
    args = parser.parse_args()
    if args.report:
        report([json.loads(line) for path in args.report for line in path.read_text().splitlines() if line.strip()])
        return
    rows: list[dict[str, Any]] = []
    for name, docs, golden in dev_sets():
        if (args.only and name != args.only) or name in args.skip:
            continue
        mine = centre_rows(name, docs, golden, args.weights, args.band, args.move_lead)
        rows += mine
        print(name, {w: figures([r for r in mine if r["weight"] == w]) for w in args.weights}, file=sys.stderr,
              flush=True)
        if args.rows:
            with args.rows.open("a", encoding="utf-8") as out:
                out.write("".join(json.dumps(r) + "\n" for r in mine))
    report(rows)


def variant(row: dict[str, Any]) -> str:
    """'shipped' for weight 0, else 'move W' (scores move) or 'order W' (only the order)."""
    if not row["weight"]:
        return "shipped"
    return f"{'move' if row.get('move_lead', True) else 'order'} {row['weight']}"


def report(rows: list[dict[str, Any]]) -> None:
    """Per variant: pooled figures, the sets whose facts or wrong answers moved, and the variant chosen
    leave-one-centre-out (most facts said minus wrong answers on the other centres; ties: shipped)."""
    unique = {(r["kb"], variant(r), r["id"]): r for r in rows}  # the shipped pass of several runs counts once
    rows = list(unique.values())
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[(r["kb"], variant(r))].append(r)
    by = {key: figures(mine) for key, mine in grouped.items()}
    sets = sorted({s for s, v in by if v == "shipped"})
    everywhere = {v for _, v in by if all((s, v) in by for s in sets)}
    names = sorted(everywhere, key=lambda v: (v != "shipped", v))
    left = sorted({v for _, v in by} - everywhere)
    print(f"{len(sets)} centres; variants measured on only some, left out: {left}")
    for v in names:
        pooled = Counter(r["bucket"] for r in rows if r["kb"] in sets and variant(r) == v
                         and (r["lang"] == "en" or not r["answerable"]))
        total = {k: sum(by[(s, v)][k] for s in sets) for k in by[(sets[0], v)]}
        print(f"{v:12} {json.dumps(total)} {json.dumps(dict(sorted(pooled.items())))}")
        if v != "shipped":
            moved = [(s, by[(s, v)]["facts"] - by[(s, "shipped")]["facts"], by[(s, v)]["wrong"]
                      - by[(s, "shipped")]["wrong"]) for s in sets]
            print("    facts/wrong vs shipped: " + " ".join(f"{s[:14]} {f:+d}/{w:+d}" for s, f, w in moved if f or w))
            print(f"    sets with facts up {sum(f > 0 for _, f, _ in moved)}, down {sum(f < 0 for _, f, _ in moved)};"
                  f" wrong up {sum(w > 0 for _, _, w in moved)}, down {sum(w < 0 for _, _, w in moved)}")
    held = {"facts": 0, "wrong": 0}
    chosen: Counter[str] = Counter()
    for s in sets:
        def gain(v: str, s: str = s) -> int:
            return sum(by[(o, v)]["facts"] - by[(o, v)]["wrong"] for o in sets if o != s)
        best = max(names, key=lambda v: (gain(v), v == "shipped"))
        chosen[best] += 1
        held["facts"] += by[(s, best)]["facts"]
        held["wrong"] += by[(s, best)]["wrong"]
    shipped = {k: sum(by[(s, "shipped")][k] for s in sets) for k in held}
    print(f"leave-one-centre-out: chosen {dict(chosen)}; held out {json.dumps(held)} (shipped {json.dumps(shipped)})")


if __name__ == "__main__":
    main()
