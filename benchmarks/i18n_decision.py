"""How a non-English question's answer is decided, and which decision holds up on help centres left out.

`dump`: for every non-English question of every development set (as `i18n_misses.py` lists them),
the two rankings search fuses (USE's and MiniLM's of the translated words, top 10 each, calibrated
scores) and, for each document that could come first, what the offline answer would show if search
called it answerable and if it were a near miss (shown or not, fact said or not). One JSON line each.

`fit`: replays the decision on those rows for a grid of fusion weights and thresholds and picks, for
each set left out, the one that maximises facts said - COST x wrong answers on the other sets; prints
the held-out figures per set next to those of the decision the fit started from (`START`), and the
product's decision of today (`crosslingual_fusion`'s numbers) on every set.

    nice python benchmarks/i18n_decision.py dump --cache /tmp/i18n-cache --out rows.jsonl
    python benchmarks/i18n_decision.py fit rows.jsonl
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COST = 3.0  # a wrong answer (cited, confident, wrong) against a fact said, as the English fit weighs it
NEAR_MISS_FLOOR = 0.2  # the policy's default


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("--cache", type=Path)
    dump.add_argument("--out", type=Path, required=True)
    dump.add_argument("--only", action="append")
    fit = sub.add_parser("fit")
    fit.add_argument("rows", type=Path)
    fit.add_argument("--cost", type=float, default=COST)
    fit.add_argument("--family", choices=["search", "section", "rank"], default="search",
                     help="refit search's thresholds and fusion weight, or add the section's score to them")
    args = parser.parse_args()
    if args.command == "dump":
        _dump(args.out, args.cache, args.only)
    else:
        rules = {"search": grid, "section": section_grid, "rank": rank_grid}[args.family]()
        _fit([json.loads(line) for line in args.rows.open(encoding="utf-8")], rules=rules, cost=args.cost)


# -- dump ------------------------------------------------------------------------------------------
def _dump(out: Path, cache: Path | None, only: list[str] | None) -> None:
    from benchmarks.answers_quality import help_centres

    with out.open("w", encoding="utf-8") as sink:
        for name, docs, golden, _ in help_centres(holdout=False):
            if only and name not in only:
                continue
            files = [golden, *sorted(golden.parent.glob("golden_i18n_dev*.jsonl"))]
            for row in _dump_set(name, docs, files, cache):
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(name, flush=True)


def _dump_set(name: str, docs: Path, files: list[Path], cache: Path | None) -> Iterable[dict[str, Any]]:
    from benchmarks.indexed_centre import indexed_centre
    from bot.answering.answerer import Answerer
    from bot.answering.evaluation import says_facts
    from bot.answering.golden import load_golden
    from bot.policy import load_policy
    from knowledge_base import crosslingual_fusion
    from knowledge_base.ranking import margin, rank
    from knowledge_base.results import DocumentHit, Passage, SearchResult
    from server import _array_embedder

    questions = [q for f in files for q in load_golden(f) if q.lang != "en"]
    if not questions:
        return
    with indexed_centre(docs, prefix="i18n-decision-", keep=cache / name if cache is not None else None) as (_, kb):
        answerer = Answerer(chat_model=None, policy=load_policy(None), cross_lingual=kb.cross_lingual,
                            english=_array_embedder(kb))
        searcher = kb._get_searcher()

        def whole(hit: DocumentHit) -> list[Passage]:
            return [Passage(c.id, c.text, c.section, 0.0) for c in kb.document_chunks(hit.document_id)]

        try:
            for q in questions:
                snap = searcher._current_snapshot()
                language = searcher._detect(q.question)
                space, level, text, vector, crossed = searcher._route(snap, q.question, language)
                row: dict[str, Any] = {"set": name, "id": q.id, "lang": q.lang, "answerable": q.answerable,
                                       "must_cite": q.must_cite, "routed": crossed, "question": q.question}
                if not crossed:
                    yield row
                    continue
                ranked = rank(searcher.index, snap, space, vector, text, k=10)
                use = [searcher._hit(snap, c, margin(ranked, i, level), level) for i, c in enumerate(ranked)]
                view = snap.cross_lingual
                english = view.terms.translate(q.question, language) if view and view.terms else ""
                words = searcher.search(english, k=10, language=searcher.language).hits if english else []
                row.update(translated=english, use=_pairs(use), words=_pairs(words))
                by_use, by_words = {h.document_id: h for h in use}, {h.document_id: h for h in words}
                candidates = {}
                for doc in dict.fromkeys(h.document_id for h in [*words[:3], *use[:3]]):
                    a, b = by_use.get(doc), by_words.get(doc)
                    candidates[doc] = crosslingual_fusion.fuse([a] if a else [], [b] if b else [], k=1)[0]
                shown: dict[str, Any] = {}
                for doc, hit in candidates.items():
                    verdict = {}
                    for kind, answerable in (("answerable", True), ("near", False)):
                        result = SearchResult(query=q.question, hits=[hit], answerable=answerable, language=language,
                                              cross_lingual=True, translated=english)
                        answer = answerer.extract(q.question, result, language=q.lang, whole=whole)
                        verdict[kind] = [answer.grounded, answer.grounded and says_facts(answer.text, q)]
                    found = answerer._section(q.question, result, hit, whole(hit))
                    verdict["section"] = [round(found.score, 4), found.support] if found is not None else [0.0, 0]
                    shown[doc] = verdict
                row["shown"] = shown
                yield row
        finally:
            kb.close()


def _pairs(hits: list[Any]) -> list[list[Any]]:
    return [[h.document_id, round(h.score, 4), round(h.coverage, 4)] for h in hits]


# -- fit -------------------------------------------------------------------------------------------
Rule = dict[str, float]


def decide(row: dict[str, Any], rule: Rule) -> tuple[str | None, str]:
    """(document shown or None, "answerable" | "near" | "declined") under `rule`, as search and the answer decide."""
    use = {d: s for d, s, _ in row["use"]}
    words = {d: s for d, s, _ in row["words"]}
    if len(row["translated"].split()) < 2 or not words:
        ranked = sorted(use.items(), key=lambda kv: -kv[1])
        top, score = ranked[0] if ranked else (None, 0.0)
        answerable = score >= rule["alone"]
    else:
        w, r = rule["weight"], rule.get("rank_weight", rule["weight"])
        fused = {d: w * use.get(d, 0.0) + (1 - w) * words.get(d, 0.0) for d in dict.fromkeys([*use, *words])}
        # The first document may be chosen with another weight than the one its score is judged with.
        top = max(fused, key=lambda d: r * use.get(d, 0.0) + (1 - r) * words.get(d, 0.0))
        score = fused[top]
        agreed = row["use"][0][0] == row["words"][0][0]
        answerable = score >= (rule["agreed"] if agreed else rule["fused"])
        # The translated words alone sure of the fused first document (off at 1.0).
        answerable = answerable or (row["words"][0][0] == top and row["words"][0][1] >= rule.get("words", 1.0))
    if top is None:
        return None, "declined"
    if answerable:
        return top, "answerable"
    return (top, "near") if score >= rule.get("floor", NEAR_MISS_FLOOR) else (None, "declined")


def outcome(row: dict[str, Any], rule: Rule) -> tuple[bool, bool, bool]:
    """(fact said, answered, wrong) of one question under `rule`.

    Past search's decision, the section the answer would show is judged by its score (`s_min`: an
    answerable result whose best sentence scores less is declined; `s_near`: a near miss whose best
    sentence scores this much is answered from the whole document, as an answerable one is).
    """
    if not row.get("routed"):
        return False, False, False  # not routed across languages: outside this decision
    top, kind = decide(row, rule)
    if top is None:
        return False, False, False
    shown = row["shown"].get(top)
    if shown is None:  # a document outside both rankings' top 3 (rare): judge it unshown
        return False, False, False
    section = shown.get("section", [0.0, 0])[0]
    if kind == "answerable" and section < rule.get("s_min", -9.0):
        return False, False, False
    if kind == "near" and section >= rule.get("s_near", 9.0):
        kind = "answerable"
    grounded, said = shown[kind]
    if not grounded:
        return False, False, False
    right = top in row["must_cite"]
    return said and right and row["answerable"], True, not (row["answerable"] and right)


def score(rows: list[dict[str, Any]], rule: Rule, cost: float) -> tuple[int, int, int, float]:
    said = answered = wrong = 0
    for row in rows:
        s, a, w = outcome(row, rule)
        said, answered, wrong = said + s, answered + a, wrong + w
    return said, answered, wrong, said - cost * wrong


# The decision this fit started from (before f172e28), which held-out figures are compared with and
# ties lean towards; the product's own is `product_rule()`.
START: Rule = {"weight": 0.5, "agreed": 0.28, "fused": 0.45, "alone": 0.35}


def product_rule() -> Rule:
    """The decision search makes today (`crosslingual_fusion` and search's threshold for USE alone)."""
    from knowledge_base import crosslingual_fusion
    from knowledge_base.search import CROSS_LINGUAL_THRESHOLD

    return {"weight": crosslingual_fusion.USE_WEIGHT, "rank_weight": crosslingual_fusion.RANK_WEIGHT,
            "agreed": crosslingual_fusion.AGREED_THRESHOLD, "fused": crosslingual_fusion.FUSED_THRESHOLD,
            "alone": CROSS_LINGUAL_THRESHOLD}


def rank_grid() -> list[Rule]:
    """The starting decision's thresholds, the first document chosen with another fusion weight."""
    return [{**START, "rank_weight": r, "agreed": a, "fused": f}
            for r, a, f in itertools.product([0.2, 0.3, 0.4, 0.5], [0.25, 0.28, 0.32], [0.4, 0.45, 0.5])]


def section_grid() -> list[Rule]:
    """The starting search decision, with the section's score as a second judge (`outcome`)."""
    return [{**START, "s_min": lo, "s_near": hi}
            for lo, hi in itertools.product([-9.0, 0.5, 0.6, 0.7, 0.8], [9.0, 0.8, 0.9, 1.0, 1.1, 1.2])]


def grid() -> list[Rule]:
    weights = [0.3, 0.4, 0.5, 0.6, 0.7]
    agreed = [0.15, 0.18, 0.2, 0.22, 0.25, 0.28, 0.32]
    fused = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]
    floors = [0.2, 0.25, 0.3, 1.0]
    words = [0.5, 0.6, 0.7, 1.0]
    return [{"weight": w, "agreed": a, "fused": f, "alone": 0.35, "floor": fl, "words": wo}
            for w, a, f, fl, wo in itertools.product(weights, agreed, fused, floors, words)]


def _fit(rows: list[dict[str, Any]], *, rules: list[Rule], cost: float) -> None:
    by_set: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_set[row["set"]].append(row)
    totals = {"start": [0, 0, 0], "held_out": [0, 0, 0]}
    print(f"{'held out':22}{'n':>4}{'ans':>5}     start said/answered/wrong   held-out said/answered/wrong   rule")
    for name, held in by_set.items():
        train = [r for r in rows if r["set"] != name]
        best = max(rules, key=_objective(train, cost))
        cur, new = score(held, START, cost), score(held, best, cost)
        for key, figures in (("start", cur), ("held_out", new)):
            totals[key] = [a + b for a, b in zip(totals[key], figures[:3], strict=True)]
        print(f"{name:22}{len(held):>4}{sum(r['answerable'] for r in held):>5}   {cur[0]:>8}{cur[1]:>9}{cur[2]:>7}"
              f"        {new[0]:>10}{new[1]:>9}{new[2]:>7}       {best}")
    n, a = len(rows), sum(r["answerable"] for r in rows)
    print(f"{'ALL':22}{n:>4}{a:>5}   {totals['start'][0]:>8}{totals['start'][1]:>9}{totals['start'][2]:>7}"
          f"        {totals['held_out'][0]:>10}{totals['held_out'][1]:>9}{totals['held_out'][2]:>7}")
    best_all = max(rules, key=_objective(rows, cost))
    print("on every set:", best_all, score(rows, best_all, cost)[:3], "start:", score(rows, START, cost)[:3],
          "product:", score(rows, product_rule(), cost)[:3])


def _objective(rows: list[dict[str, Any]], cost: float) -> Callable[[Rule], tuple[float, float]]:
    # Ties go to the rule nearest the starting one (fewest changes), then to the stricter one.
    return lambda rule: (score(rows, rule, cost)[3],
                         -sum(abs(rule[k] - START[k]) for k in START if k != "alone"))


if __name__ == "__main__":
    main()
