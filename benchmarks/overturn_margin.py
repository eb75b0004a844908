"""What score the first document gets when the learned ranker overturned the hand-tuned first, offline.

The calibrated score (`calibration.py`) was fitted on the hand-tuned relevance and its margin. Where
the learned ranker puts another document first, `ranking.margin` gives that document no margin, so
its score falls below the hand-tuned first's and an answerable question the ranker put right is
declined. This replays search's ranking from `rank_signals.py`'s recording for every English golden
question (answerable and not) of every development centre, with the shipped ranker or one refitted
leave-one-centre-out (`--refit L2`), and counts per centre, for each rule that gives the overturned
first document its margin (`RULES`):
- `right_ok`: answerable, a required document first, scored at or above the threshold (0.5);
- `right_near`: the same, scored in the near-miss band (0.2-0.5: shown only on keyword evidence);
- `unans_ok` / `unans_near`: unanswerable questions scored in those bands (wrong answers' risk);
- `wrong_ok`: answerable, another document first, scored at or above the threshold.
Where the two rankings agree, every rule but `ranker_margin` gives the same score.

Measured on 2026-12-05 (22 centres; 969 answerable, 233 unanswerable English questions; shipped
ranker): right first 788, overturned 151; over 0.5, right first / wrong first / unanswerable:
shipped 472 / 47 / 63, ranker_margin 544 / 44 / 69 (what search now does), inherit 483 / 52 / 63,
overturned_ranker_margin 478 / 50 / 63. With the ranker refitted left-one-centre-out at L2 0.002
(right first 803): shipped 474 / 45 / 63, ranker_margin 560 / 41 / 67.

    python benchmarks/rank_signals.py --out /tmp/signals.pkl
    python benchmarks/overturn_margin.py --signals /tmp/signals.pkl [--refit 0.0015]
"""
from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from fit_ranker import fit  # noqa: E402
from rank_study import SHIPPED, as_fit_rows, candidate_table  # noqa: E402

from knowledge_base.calibration import DEFAULT_CALIBRATION  # noqa: E402
from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402
from knowledge_base.rank_features import question_length  # noqa: E402
from knowledge_base.ranking import COVERAGE_WEIGHT, TITLE_WEIGHT  # noqa: E402

THRESHOLD = 0.5
NEAR_FLOOR = 0.2


def questions(centres: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for c in centres:
        for q in c["questions"]:
            t = candidate_table(c, q)
            t["length"] = question_length(q["text"])
            t["base"] = (1 - TITLE_WEIGHT) * t["chunk"] + TITLE_WEIGHT * t["title"] + COVERAGE_WEIGHT * t["cov"]
            rows.append({"set": c["name"], "t": t, "q": q, "level": c["level"],
                         "answerable": bool(q["must_cite"])})
    return rows


Rule = Callable[[np.ndarray, np.ndarray, int], tuple[float, float]]  # (base, raw, first) -> (relevance, margin)


def _second(values: np.ndarray, i: int) -> float:
    others = np.delete(values, i)
    return float(others.max()) if len(others) else float("nan")


def shipped_rule(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """Today: the first document's own hand-tuned relevance, its hand-tuned margin floored at 0."""
    return float(base[i]), max(float(base[i]) - _second(base, i), 0.0)


def ranker_margin(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """Its own relevance, and its lead in the learned ranking."""
    return float(base[i]), float(raw[i]) - _second(raw, i)


def inherit(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """The hand-tuned first's relevance and margin: the question is as answerable as before, only
    the document changes."""
    top = int(np.argmax(base))
    return float(base[top]), max(float(base[top]) - _second(base, top), 0.0)


def inherit_capped(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """The hand-tuned first's relevance, and the smaller of its margin and the ranker's lead."""
    top = int(np.argmax(base))
    return float(base[top]), min(max(float(base[top]) - _second(base, top), 0.0), float(raw[i]) - _second(raw, i))


def own_capped(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """Its own relevance, and the smaller of the hand-tuned first's margin and the ranker's lead."""
    top = int(np.argmax(base))
    return float(base[i]), min(max(float(base[top]) - _second(base, top), 0.0), float(raw[i]) - _second(raw, i))


def overturned_ranker_margin(base: np.ndarray, raw: np.ndarray, i: int) -> tuple[float, float]:
    """As today where the rankings agree; an overturned first document its lead in the learned ranking."""
    if i == int(np.argmax(base)):
        return shipped_rule(base, raw, i)
    return ranker_margin(base, raw, i)


RULES: dict[str, Rule] = {"shipped": shipped_rule, "ranker_margin": ranker_margin, "inherit": inherit,
                          "overturned_ranker_margin": overturned_ranker_margin,
                          "inherit_capped": inherit_capped, "own_capped": own_capped}


def score(relevance: float, level: float, margin: float) -> float:
    return DEFAULT_CALIBRATION.score(relevance, level, margin) if not math.isnan(margin) else \
        DEFAULT_CALIBRATION.score(relevance, level, relevance - level)


def weights_per_centre(rows: list[dict[str, Any]], refit: float | None) -> dict[str, np.ndarray]:
    names = sorted({r["set"] for r in rows})
    if refit is None:
        w = np.asarray(LearnedRanker.load().weights)
        return {n: w for n in names}
    fit_rows = as_fit_rows([r for r in rows if r["answerable"]], SHIPPED)
    out = {}
    for held in names:
        beta = fit([r for r in fit_rows if r["set"] != held], refit)
        out[held] = beta[1:] / beta[0]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signals", type=Path, required=True)
    parser.add_argument("--refit", type=float, help="refit the four features leave-one-centre-out at this L2")
    args = parser.parse_args()
    rows = questions(pickle.loads(args.signals.read_bytes()))
    weights = weights_per_centre(rows, args.refit)
    totals: dict[str, Counter[str]] = {name: Counter() for name in RULES}
    per_set: dict[tuple[str, str], Counter[str]] = {}
    for r in rows:
        t = r["t"]
        feats = np.stack([f(t) for f in SHIPPED], axis=1)
        raw = t["base"] + feats @ weights[r["set"]]
        i = int(np.argmax(raw))
        right = bool(t["labels"][i])
        overturned = i != int(np.argmax(t["base"]))
        for name, rule in RULES.items():
            relevance, margin = rule(t["base"], raw, i)
            s = score(relevance, r["level"], margin)
            band = "ok" if s >= THRESHOLD else "near" if s >= NEAR_FLOOR else "low"
            kind = ("right" if right else "wrong") if r["answerable"] else "unans"
            c = per_set.setdefault((name, r["set"]), Counter())
            for counter in (totals[name], c):
                counter[f"{kind}_{band}"] += 1
                counter["overturned"] += overturned
                counter[f"{kind}_first"] += 1
    keys = ("right_first", "wrong_first", "right_ok", "right_near", "wrong_ok", "wrong_near", "unans_first", "unans_ok",
            "unans_near", "overturned")
    print(f"{'rule':16}" + "".join(f"{k:>12}" for k in keys))
    for name, counter in totals.items():
        print(f"{name:16}" + "".join(f"{counter[k]:>12}" for k in keys))
    for name in RULES:
        print(f"\n{name}: per centre right_ok/right_first, unans_ok+near/unans, wrong_ok")
        print("  " + "  ".join(f"{s[:10]} {c['right_ok']}/{c['right_first']} {c['unans_ok']}+{c['unans_near']}"
                               f"/{c['unans_first']} {c['wrong_ok']}"
                               for (n, s), c in sorted(per_set.items()) if n == name))


if __name__ == "__main__":
    main()
