"""Replay answerability rules on `answerability_rows.py`'s rows and choose them leave-one-help-centre-out.

Each rule decides, from search's figures and the chosen section's (see `bot.answering.answerability`),
whether to show the top company document's section or decline. A question triage handed off stays
handed off. For each rule family, its parameters are chosen on every dev knowledge base but one (the
grid point with the best utility: right answers minus `--cost` times wrong answers) and scored on
the one left out; the printed figures are those held-out scores, per knowledge base and pooled,
beside the rule before this session's calibration, the first rule and the product's, replayed on
the same rows. `--sweep FAMILY` prints a family's whole trade-off instead (every grid point, pooled
over all sets: not cross-validated); `--tradeoff` the product's rule with one threshold moved at a
time, per knowledge base. `--threshold T` replays everything as if the operator had set
`answerable_threshold` to T (the rows were searched at the default 0.5).

    python benchmarks/answerability_fit.py ROWS.jsonl [--cost 2] [--english] [--golden-only]
        [--threshold 0.5] [--family NAME ...] [--sweep FAMILY | --tradeoff | --centre-floor]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answering import extractive  # noqa: E402
from bot.answering.answerability import PREVIOUS_RULE, RULE, Rule  # noqa: E402

NEAR_MISS_FLOOR = 0.2  # the policy's default `near_miss_floor`
THRESHOLD = 0.5  # the default `answerable_threshold`, the one the rows were searched with
Row = dict[str, Any]
# The product's rule on 2026-12-05, before the third session's calibration over all 16 dev centres
# (its kind rule at a fixed 0.35: `before` keeps it fixed whatever the threshold).
BEFORE_RULE = Rule(near_miss_coverage=0.35, covered_support=2, near_miss_support=4, min_coverage=0.2,
                   thin_coverage=0.25, thin_support=3, strong_score=0.75, kind_below=0.15, kind_support=1,
                   thin_share=0.45, kind_section=0.0, near_miss_section=0.0)
Decide = Callable[[Row, dict[str, Any]], bool]


def section(row: Row) -> dict[str, Any] | None:
    """The section the answerer would show: chosen from the whole document when search said
    answerable and the top hit is a company document, else from the passages search found."""
    return row.get("w") if row["search_answerable"] and row["top_official_first"] else row.get("p")


def outcome(row: Row, answer: bool) -> str:
    """ok / fact_missing / wrong / declined / handoff for the question under a decision."""
    if str(row["outcome"]).startswith("handoff"):
        return "handoff"
    shown = section(row)
    if not answer or shown is None or "top" not in row:
        return "declined"
    if not row["answerable_q"] or not row["right"]:
        return "wrong"
    return "ok" if shown["says"] else "fact_missing"


# -- rule families: (name, parameter grid, decide) -----------------------------------------------
def by_rule(rule: Rule, row: Row) -> bool:
    """`rule` as the answerer applies it, after its near-miss floor (the policy's 0.2)."""
    s = section(row)
    if s is None:
        return False
    answerable = row["search_answerable"] and row["top_official_first"]
    if not answerable and row["score"] < NEAR_MISS_FLOOR:
        return False
    kind_shown = extractive.expected_kind(row["question"]) is not None and not s["kind_missing"]
    return rule.shows(score=row["score"], coverage=row["coverage"], support=s["support"], answerable=answerable,
                      cross_lingual=row["cross_lingual"], kind_shown=kind_shown, share=s["section_share"],
                      threshold=row.get("threshold", THRESHOLD), section_score=s["section_score"])


def at_threshold(rows: list[Row], threshold: float) -> list[Row]:
    """The rows as search would have decided them at another `answerable_threshold` (English
    questions; the cross-lingual path has its own threshold and is left as it was)."""
    def moved(r: Row) -> Row:
        if r["cross_lingual"] or "score" not in r:
            return r
        return {**r, "threshold": threshold,
                "search_answerable": bool(r["top_official_first"]) and r["score"] >= threshold}
    return [moved(r) for r in rows]


def before(row: Row, p: dict[str, Any]) -> bool:
    """The product's rule before the kind rule followed the operator's threshold: a fixed 0.35."""
    return by_rule(replace(BEFORE_RULE, kind_below=row.get("threshold", THRESHOLD) - 0.35), row)


def today(row: Row, p: dict[str, Any]) -> bool:
    """The rule before this change (`answerability.PREVIOUS_RULE`)."""
    return by_rule(PREVIOUS_RULE, row)


def product(row: Row, p: dict[str, Any]) -> bool:
    """The product's rule (`answerability.RULE`)."""
    return by_rule(RULE, row)


def guarded(row: Row, p: dict[str, Any]) -> bool:
    """`answerability.Rule` with the grid's thresholds."""
    return by_rule(Rule(**p), row)


def shared(row: Row, p: dict[str, Any]) -> bool:
    """Answerable results must show `share` of the question's words; near misses as today plus it."""
    s = section(row)
    if s is None or s["section_share"] < p["share"] or (p["kind"] and s["kind_missing"] and s["shown_share"] < 0.5):
        return False
    if row["search_answerable"] and row["top_official_first"]:
        return True
    if row["score"] < p["floor"]:
        return False
    return (row["coverage"] >= p["cov"] and s["support"] >= 2) or (s["support"] >= 3 and row["coverage"] >= 0.2)


def unmatched(row: Row, p: dict[str, Any]) -> bool:
    """Answer when the score is high enough for the question's words the section lacks."""
    s = section(row)
    if s is None or row["score"] < p["floor"]:
        return False
    need = p["base"] + p["per_word"] * s["unmatched"]
    if not (row["search_answerable"] and row["top_official_first"]):
        need = max(need, p["near"])
        if not ((row["coverage"] >= 0.3 and s["support"] >= 2) or (s["support"] >= 3 and row["coverage"] >= 0.2)):
            return False
    return row["score"] >= need and s["section_share"] >= p["share"]


def rare(row: Row, p: dict[str, Any]) -> bool:
    """The product's rule, then: an English match under `below` whose shown part lacks the question's
    rarest words (`answerability_terms.py`: `missing` of its two rarest, the rarest at least `idf`
    of the centre's largest idf) or names `foreign` words the centre never uses is declined."""
    if not shown_today(row):
        return False
    s = section(row)
    if row["cross_lingual"] or s is None or "rare_missing" not in s or row["score"] >= p["below"]:
        return True
    lacks = s["rare_missing"] if p["missing"] == 1 else s["rare2_missing"] >= p["missing"]
    if lacks and s["rare_idf"] >= p["idf"] and (p["path"] == "both" or (p["path"] == "near") != answerable(row)):
        return False
    return not (p["foreign"] and s["foreign"] >= p["foreign"])


def shown_today(row: Row) -> bool:
    """The product's decision, remembered on the row (the grids replay it thousands of times)."""
    if "_product" not in row:
        row["_product"] = product(row, {})
    return bool(row["_product"])


def answerable(row: Row) -> bool:
    return bool(row["search_answerable"] and row["top_official_first"])


def kind_absent(row: Row, p: dict[str, Any]) -> bool:
    """The product's rule, then: a question for a time, an amount or a count whose shown part holds
    none is declined under `below`."""
    if not shown_today(row):
        return False
    s = section(row)
    if row["cross_lingual"] or s is None or row["score"] >= p["below"]:
        return True
    return not (s["kind_missing"] and (p["path"] == "both" or (p["path"] == "near") != answerable(row)))


def ablated(row: Row, p: dict[str, Any]) -> bool:
    """The product's rule, then: an English match under `below` is declined when leaving one of the
    question's words the shown part lacks out of the question brings it `neg` or more closer to the
    shown part (the section reads as the question without that word), or `gap` says the word matters
    to the question more than to the section (`neg_delta`, `gap`: see `/tmp` study)."""
    if not shown_today(row):
        return False
    if row["cross_lingual"] or "neg_delta" not in row or row["score"] >= p["below"]:
        return True
    if p["path"] != "both" and (p["path"] == "near") == answerable(row):
        return True
    if p.get("yes_no") and not extractive.asks_yes_no(row["question"]):
        return True
    return row[p.get("words", "neg_delta")] < p["neg"] and row["gap"] < p["gap"]


FAMILIES: dict[str, tuple[dict[str, list[Any]], Decide]] = {
    "today": ({}, today),
    "product": ({}, product),
    "shared": ({"share": [0.0, 0.2, 0.25, 0.3, 0.34, 0.4, 0.5], "floor": [0.15, 0.2, 0.25, 0.3],
                "cov": [0.2, 0.25, 0.3, 0.35], "kind": [False, True]}, shared),
    "guarded": ({"thin_coverage": [0.0, 0.15, 0.2, 0.25, 0.3], "thin_support": [2, 3, 4],
                 "strong_score": [0.6, 0.7, 0.75, 0.8, 0.9], "near_miss_coverage": [0.3, 0.35, 0.4],
                 "near_miss_support": [3, 4, 5, 6]}, guarded),
    "kind": ({"kind_below": [0.3, 0.2, 0.15, 0.1, 0.0, -1.0], "kind_support": [1, 2]}, guarded),
    "thin_share": ({"thin_share": [0.34, 0.4, 0.45, 0.5, 0.6, 0.75, 2.0]}, guarded),
    # The kind rule under the operator's threshold and the section's match, with the near misses' match.
    "kind_matched": ({"kind_below": [0.2, 0.15, 0.1, 0.05, -1.0], "kind_section": [0.0, 2.0, 2.5, 2.8, 3.0, 3.5]},
                     guarded),
    # The older thresholds again, around the product's, with the section checks in place.
    "recheck": ({"thin_coverage": [0.2, 0.25, 0.3], "thin_support": [2, 3, 4], "strong_score": [0.7, 0.75, 0.8],
                 "near_miss_coverage": [0.3, 0.35, 0.4], "near_miss_support": [3, 4, 5]}, guarded),
    "matched": ({"kind_section": [0.0, 2.5, 2.8, 3.0, 3.5], "near_miss_section": [0.0, 2.5, 2.6, 2.7, 2.8, 3.0]},
                guarded),
    "rare": ({"below": [0.0, 0.6, 0.7, 0.8, 2.0], "missing": [1, 2], "idf": [0.0, 0.3, 0.4, 0.5],
              "path": ["both", "near", "answerable"], "foreign": [0, 1, 2]}, rare),
    "ablated": ({"below": [0.0, 0.6, 0.7, 0.8, 2.0], "neg": [0.03, 0.04, 0.05, 0.06, 0.08, 9.0],
                 "gap": [0.12, 0.15, 0.2, 0.25, 9.0], "path": ["both", "near", "answerable"]}, ablated),
    "ablated_rare": ({"below": [0.0, 0.6, 0.7, 0.8, 2.0], "neg": [0.03, 0.04, 0.05, 0.06, 0.08],
                      "gap": [9.0], "path": ["both", "near", "answerable"],
                      "words": ["neg_delta", "neg_rare", "neg_foreign"], "yes_no": [False, True]}, ablated),
    # Only yes/no questions, any score, any word the section lacks: the one threshold moved.
    "yes_no_left_out": ({"below": [2.0], "neg": [0.03, 0.04, 0.05, 0.06, 0.08, 9.0], "gap": [9.0], "path": ["both"],
                         "words": ["neg_delta"], "yes_no": [True]}, ablated),
    "kind_absent": ({"below": [0.0, 0.6, 0.7, 0.8, 2.0], "path": ["both", "near", "answerable"]}, kind_absent),
    "unmatched": ({"floor": [0.15, 0.2, 0.3], "base": [0.0, 0.2, 0.3, 0.4], "per_word": [0.0, 0.03, 0.05, 0.08, 0.1],
                   "near": [0.2, 0.3, 0.4], "share": [0.0, 0.25, 0.34]}, unmatched),
}


def grid(params: dict[str, list[Any]]) -> Iterable[dict[str, Any]]:
    keys = list(params)
    for values in itertools.product(*(params[k] for k in keys)):
        yield dict(zip(keys, values, strict=True))


def tally(rows: list[Row], decide: Decide, p: dict[str, Any]) -> dict[str, Any]:
    """Counts and rates: answerable ok / right answered, unanswerable declined, wrong over all."""
    outs = [(r, outcome(r, decide(r, p))) for r in rows]
    yes = [o for r, o in outs if r["answerable_q"]]
    no = [o for r, o in outs if not r["answerable_q"]]
    wrong = sum(o == "wrong" for _, o in outs)
    return {"n": len(rows), "answerable": len(yes), "ok": yes.count("ok"),
            "right": yes.count("ok") + yes.count("fact_missing"), "unanswerable": len(no),
            "declined": sum(o in ("declined", "handoff") for o in no), "wrong": wrong}


def utility(t: dict[str, Any], cost: float) -> float:
    return t["right"] - cost * t["wrong"]


def rates(t: dict[str, Any]) -> str:
    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "
    return (f"fact {r(t['ok'], t['answerable'])} ({t['ok']}/{t['answerable']})  right-answered "
            f"{r(t['right'], t['answerable'])}  declined {r(t['declined'], t['unanswerable'])} "
            f"({t['declined']}/{t['unanswerable']})  wrong {r(t['wrong'], t['n'])} ({t['wrong']})")


def add(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {k: a.get(k, 0) + b[k] for k in b}


def _size(p: dict[str, Any]) -> float:
    """Ties go to the smaller numbers (the more lenient or simpler grid point); names do not count."""
    return sum(float(v) for v in p.values() if isinstance(v, int | float))


def cross_validate(rows: list[Row], family: str, cost: float) -> None:
    params, decide = FAMILIES[family]
    kbs = sorted({r["kb"] for r in rows})
    pooled: dict[str, Any] = {}
    print(f"\n== {family} (parameters chosen on the other sets, cost of a wrong answer {cost})")
    for held in kbs:
        train = [r for r in rows if r["kb"] != held]
        test = [r for r in rows if r["kb"] == held]
        best = max(grid(params), key=lambda p: (utility(tally(train, decide, p), cost), -_size(p)))
        t = tally(test, decide, best)
        pooled = add(pooled, t)
        print(f"  {held:16} {rates(t)}   {best}")
    print(f"  {'POOLED':16} {rates(pooled)}")
    every = max(grid(params), key=lambda p: (utility(tally(rows, decide, p), cost), -_size(p)))
    print(f"  fitted on all: {every}  -> {rates(tally(rows, decide, every))}")


# From lenient to strict: the rule before this change, then the product's rule with one figure moved.
TRADEOFF = [("previous rule", PREVIOUS_RULE)] + [
    (f"{name}={value}", replace(RULE, **{name: value}))
    for name, values in (("thin_coverage", (0.0, 0.15, 0.2, 0.25, 0.3, 0.35)), ("strong_score", (0.6, 0.9)),
                         ("near_miss_support", (3, 5)), ("near_miss_coverage", (0.3, 0.4)),
                         ("kind_below", (0.3, 0.0, -1.0)), ("thin_share", (0.4, 0.6, 2.0)),
                         ("kind_section", (0.0, 3.5)), ("near_miss_section", (0.0, 2.5, 3.0)))
    for value in values
]


def tradeoff(rows: list[Row]) -> None:
    """Answered vs declined vs wrong per knowledge base for each rule of TRADEOFF (not cross-validated)."""
    kbs = sorted({r["kb"] for r in rows})
    for label, rule in TRADEOFF:
        print(f"{label}{'  (the product)' if rule == RULE else ''}")
        for kb in [*kbs, "POOLED"]:
            part = rows if kb == "POOLED" else [r for r in rows if r["kb"] == kb]
            print(f"  {kb:16} {rates(tally(part, lambda r, p, rule=rule: by_rule(rule, r), {}))}")


FLOORS = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def centre_floor(rows: list[Row], cost: float) -> None:
    """What a per-centre score floor on top of the product's rule could gain at best: each centre's
    floor chosen on its own questions' answers (an oracle no calibration from synthetic questions can
    beat), against one floor for all. The gain bounds what adapting to a centre's score scale is worth."""
    def floored(part: list[Row], floor: float) -> dict[str, Any]:
        return tally(part, lambda r, p: product(r, p) and (r["cross_lingual"] or r["score"] >= floor), {})
    kbs = sorted({r["kb"] for r in rows})
    best = max(FLOORS, key=lambda f: (utility(floored(rows, f), cost), -f))
    print(f"one floor for all: {best}  {rates(floored(rows, best))}")
    pooled: dict[str, Any] = {}
    for kb in kbs:
        part = [r for r in rows if r["kb"] == kb]
        floor = max(FLOORS, key=lambda f: (utility(floored(part, f), cost), -f))
        t = floored(part, floor)
        pooled = add(pooled, t)
        print(f"  {kb:16} floor {floor:<4}  {rates(t)}")
    print(f"  {'POOLED (oracle)':16} {rates(pooled)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path)
    parser.add_argument("--cost", type=float, default=2.0, help="a wrong answer counts as this many right ones")
    parser.add_argument("--english", action="store_true", help="English questions only")
    parser.add_argument("--golden-only", action="store_true", help="golden files only (no extra questions)")
    parser.add_argument("--sweep", help="print every grid point of this family, pooled")
    parser.add_argument("--threshold", type=float, default=THRESHOLD,
                        help="replay as if the operator had set this answerable_threshold (English questions)")
    parser.add_argument("--family", action="append", help="families to cross-validate (default: all)")
    parser.add_argument("--tradeoff", action="store_true",
                        help="per knowledge base, the product's rule from lenient to strict (one threshold moved)")
    parser.add_argument("--centre-floor", action="store_true",
                        help="the best score floor per centre, chosen on its own answers (an upper bound)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    if args.english:
        rows = [r for r in rows if r["lang"] == "en"]
    if args.golden_only:
        rows = [r for r in rows if r["file"] == "golden"]
    if args.threshold != THRESHOLD:
        rows = at_threshold(rows, args.threshold)
    if args.tradeoff:
        tradeoff(rows)
        return
    if args.centre_floor:
        centre_floor(rows, args.cost)
        return
    if args.sweep:
        params, decide = FAMILIES[args.sweep]
        for p in grid(params):
            print(f"{rates(tally(rows, decide, p))}   {p}")
        return
    kbs = sorted({r["kb"] for r in rows})
    print("the rule before the calibration over all dev centres (kind rule at a fixed 0.35), replayed:")
    for kb in kbs:
        print(f"  {kb:16} {rates(tally([r for r in rows if r['kb'] == kb], before, {}))}")
    print(f"  {'POOLED':16} {rates(tally(rows, before, {}))}")
    print("the first rule (answerability.PREVIOUS_RULE), replayed:")
    for kb in kbs:
        print(f"  {kb:16} {rates(tally([r for r in rows if r['kb'] == kb], today, {}))}")
    print(f"  {'POOLED':16} {rates(tally(rows, today, {}))}")
    print("the product's rule (answerability.RULE):")
    for kb in kbs:
        print(f"  {kb:16} {rates(tally([r for r in rows if r['kb'] == kb], product, {}))}")
    print(f"  {'POOLED':16} {rates(tally(rows, product, {}))}")
    for family in args.family or [f for f in FAMILIES if f not in ("today", "product")]:
        cross_validate(rows, family, args.cost)


if __name__ == "__main__":
    main()
