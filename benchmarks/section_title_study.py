"""Does a many-section document's title cost it the first place? Variants scored offline, left-one-centre-out.

The hand-tuned relevance gives the title cosine half the weight. A document of many sections (terms and
conditions of 20 numbered clauses, a long FAQ or handbook) has a title that describes none of them, so a
short single-topic sibling named after the question's subject outranks the document whose clause answers it
("max weight for a wheelie bin": the new-bins page over the terms). Variants, on `rank_signals.py`'s
recordings (`rank_study.candidate_table` adds each document's distinct sections, length and the heading of
its best chunk):
- `base:` a hand rule in the mix itself, the shipped four weights kept (nothing fitted; each rule's one
  parameter is a grid, so read it as a choice among a few): the title weight shrinking with the number of
  distinct sections (`0.5 * sections ** -alpha`, the rest to the best chunk), or the title replaced by
  the cosine of the best chunk's heading (title + section path) for documents of at least N sections;
- `feat:` an extra learned feature fitted on top of the shipped four (`rank_study._on_shipped`'s protocol:
  per L2, left-one-centre-out; the public sets counted with the weight fitted on every centre);
- `refit:` the four features refitted with the extra feature, left-one-centre-out (`rank_study.report`).

Measured 2026-12-06 (40 sets, 1,833 questions, shipped 1,435 right first): alpha 0.25 chosen left-one-centre-out,
1,498, public sets unchanged (their documents have one section); a flat lower title weight as much but loses them;
not shipped: end to end facts said up and wrong answers up too (docs/DECISIONS.md, "A many-section document's title").

    python benchmarks/section_title_study.py --signals /tmp/signals.pkl --public /tmp/public_signals.pkl
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from fit_ranker import fit  # noqa: E402
from rank_study import (  # noqa: E402
    L2_GRID,
    SHIPPED,
    Feature,
    _public_first,
    _shipped_score,
    as_fit_rows,
    build,
    loo,
    right_first,
)

from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402
from knowledge_base.ranking import COVERAGE_WEIGHT, TITLE_WEIGHT  # noqa: E402

Score = Callable[[dict[str, np.ndarray]], np.ndarray]
ALPHAS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5, 1.0)
NEW = ("millbrook-waste", "saltmarsh-marina", "oakridge-driving")


def _many(t: dict[str, np.ndarray]) -> np.ndarray:
    """0 for a one-section document, towards 1 for many: 1 - 1/sections."""
    return 1.0 - 1.0 / t["sections"]


def _logsec(t: dict[str, np.ndarray]) -> np.ndarray:
    return np.log(t["sections"])


def _logchars(t: dict[str, np.ndarray]) -> np.ndarray:
    return np.log1p(np.maximum(t["chars"] / 1500.0 - 1.0, 0.0))


def shrunk_title(alpha: float) -> Score:
    """The hand-tuned mix with the title weight `0.5 * sections ** -alpha` (the rest to the best chunk)."""
    def base(t: dict[str, np.ndarray]) -> np.ndarray:
        w = TITLE_WEIGHT * t["sections"] ** -alpha
        return (1 - w) * t["chunk"] + w * t["title"] + COVERAGE_WEIGHT * t["cov"]
    return base


def flat_title(weight: float) -> Score:
    def base(t: dict[str, np.ndarray]) -> np.ndarray:
        return (1 - weight) * t["chunk"] + weight * t["title"] + COVERAGE_WEIGHT * t["cov"]
    return base


def heading_for_title(min_sections: float, mix: float = 1.0) -> Score:
    """The hand-tuned mix with the title cosine replaced (share `mix`) by the best chunk's heading cosine
    (title + section path) for documents of at least `min_sections` sections."""
    def base(t: dict[str, np.ndarray]) -> np.ndarray:
        long = t["sections"] >= min_sections
        title = np.where(long, (1 - mix) * t["title"] + mix * t["best_head"], t["title"])
        return (1 - TITLE_WEIGHT) * t["chunk"] + TITLE_WEIGHT * title + COVERAGE_WEIGHT * t["cov"]
    return base


def base_variants() -> dict[str, Score]:
    out: dict[str, Score] = {f"title*sec^-{a}": shrunk_title(a) for a in ALPHAS}
    for weight in (0.45, 0.4, 0.35, 0.3):  # control: a lower title weight for every document, sections ignored
        out[f"title weight {weight} (all docs)"] = flat_title(weight)
    for n in (3, 5, 8, 12):
        out[f"head-for-title sec>={n}"] = heading_for_title(n)
        out[f"half-head sec>={n}"] = heading_for_title(n, 0.5)
    return out


def feature_variants() -> dict[str, list[Feature]]:
    return {
        "title*logsec": [lambda t: t["title"] * _logsec(t)],
        "title*many": [lambda t: t["title"] * _many(t)],
        "title_x_sections+sections": [lambda t: t["title"] * _logsec(t), _logsec],
        "(chunk-title)*logsec": [lambda t: (t["chunk"] - t["title"]) * _logsec(t)],
        "(chunk-title)*many": [lambda t: (t["chunk"] - t["title"]) * _many(t)],
        "(head-title)*logsec": [lambda t: (t["best_head"] - t["title"]) * _logsec(t)],
        "(head-title)*many": [lambda t: (t["best_head"] - t["title"]) * _many(t)],
        "(chunk-title)*logchars": [lambda t: (t["chunk"] - t["title"]) * _logchars(t)],
        "title*logchars": [lambda t: t["title"] * _logchars(t)],
        "(chunk-title)*logsec*len": [lambda t: (t["chunk"] - t["title"]) * _logsec(t) * t["length"]],
    }


def per_set(rows: list[dict[str, Any]], score: Score) -> dict[str, int]:
    fit_rows = as_fit_rows(rows, [], score)
    return {k: right_first([r for r in fit_rows if r["set"] == k], None) for k in sorted({r["set"] for r in rows})}


def moves(after: dict[str, int], before: dict[str, int]) -> str:
    return " ".join(f"{k[:14]}{after[k] - before[k]:+d}" for k in after if after[k] != before[k])


def _alpha_loco(rows: list[dict[str, Any]], w: np.ndarray, before: dict[str, int]) -> None:
    """The shrink exponent chosen on every centre but one (the larger alpha on ties), counted on that one."""
    table = {}
    for alpha in ALPHAS:
        base = shrunk_title(alpha)
        def score(t: dict[str, np.ndarray], base: Score = base) -> np.ndarray:
            return np.c_[base(t), np.stack([f(t) for f in SHIPPED], axis=1)] @ w
        table[alpha] = per_set(rows, score)
    held_out = {}
    for held in before:
        pick = max(ALPHAS, key=lambda a: (sum(v for k, v in table[a].items() if k != held), a))
        held_out[held] = (table[pick][held], pick)
    total = sum(n for n, _ in held_out.values())
    print(f"alpha chosen left-one-centre-out: first {total} (shipped {sum(before.values())}); alphas chosen "
          f"{sorted({a for _, a in held_out.values()})}")
    print(f"{'':8}{moves({k: n for k, (n, _) in held_out.items()}, before)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signals", type=Path, required=True)
    parser.add_argument("--public", type=Path, required=True)
    parser.add_argument("--only", action="append", default=[], help="only variants whose name holds this")
    parser.add_argument("--refit", action="store_true", help="also refit the four features with each extra one")
    args = parser.parse_args()
    rows = build(pickle.loads(args.signals.read_bytes()))
    public = build(pickle.loads(args.public.read_bytes()))
    w = np.r_[1.0, LearnedRanker.load().weights]
    shipped = _shipped_score(w)
    before = per_set(rows, shipped)
    pub_before = _public_first(public, [], np.ones(1), shipped)
    new = sum(before.get(k, 0) for k in NEW)
    print(f"questions {len(rows)} shipped first {sum(before.values())} (new three {new}) public {pub_before}")
    chosen = [n for n in [*base_variants(), *feature_variants()] if not args.only or any(o in n for o in args.only)]
    for name, base in base_variants().items():
        if name not in chosen:
            continue
        def score(t: dict[str, np.ndarray], base: Score = base) -> np.ndarray:
            return np.c_[base(t), np.stack([f(t) for f in SHIPPED], axis=1)] @ w
        after = per_set(rows, score)
        print(f"base:{name:30} first {sum(after.values())} new3 {sum(after.get(k, 0) for k in NEW) - new:+d} public "
              f"{_public_first(public, [], np.ones(1), score)}\n{'':8}{moves(after, before)}", flush=True)
    if any("sec^" in n for n in chosen):
        _alpha_loco(rows, w, before)
    for name, extra in feature_variants().items():
        if name not in chosen:
            continue
        fit_rows = as_fit_rows(rows, extra, shipped)
        for l2 in L2_GRID:
            cv = loo(fit_rows, l2)
            beta = fit(fit_rows, l2)
            kept = _public_first(public, extra, beta, shipped)
            print(f"feat:{name:30} l2={l2:<8} LOO {sum(cv.values())} new3 {sum(cv.get(k, 0) for k in NEW) - new:+d} "
                  f"weights {np.round(beta[1:] / beta[0], 4).tolist()} public {kept}\n{'':8}{moves(cv, before)}",
                  flush=True)
        if args.refit:
            refit_rows = as_fit_rows(rows, SHIPPED + extra)
            for l2 in (0.001, 0.002, 0.003, 0.005):
                cv = loo(refit_rows, l2)
                beta = fit(refit_rows, l2)
                kept = _public_first(public, SHIPPED + extra, beta)
                gained = sum(cv.get(k, 0) for k in NEW) - new
                print(f"refit:{name:29} l2={l2:<8} LOO {sum(cv.values())} new3 {gained:+d}"
                      f" weights {np.round(beta[1:] / beta[0], 4).tolist()} public {kept}", flush=True)


if __name__ == "__main__":
    main()
