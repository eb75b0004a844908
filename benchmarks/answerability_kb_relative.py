"""Does a knowledge-base-relative signal make the learned answerability decision generalise better?

Test of the hypothesis that search's scores shift from one help centre to another (writing style,
document length, vocabulary), so one cut-off declines right answers in some and lets wrong ones
through in others. Each knowledge base's own pseudo-queries (`answerability_rows.py --pseudo`: its
titles and section headings searched with their own document left out, no labels) give its score scale;
the shipped logistic (`Signals`, each path its own weights) is refitted with KB-relative columns added
and compared leave-one-centre-out with the same cut-off choice as `answerability_model_fit.py` (chosen on
the other centres: most facts with no more wrong answers than the rule). Printed: held-out figures per
knowledge base and pooled, the pooled trade-off over cut-offs for each variant, and an *oracle*: the
shipped model's held-out probabilities with a per-centre shift of the logit chosen on that centre's own
labels, the most any per-centre recalibration of the model could gain.

    python benchmarks/answerability_kb_relative.py ROWS.jsonl PSEUDO.json [--l2 1]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answerability_model_fit import (  # noqa: E402
    L2,
    Data,
    columns,
    counts,
    cross_validate,
    cutoff_for,
    fmt,
    logistic,
    section,
    tradeoff,
)

from bot.answering.learned_answerability import by_path  # noqa: E402

Stats = dict[str, float]


def kb_stats(pseudo: list[dict[str, Any]]) -> Stats:
    """Label-free figures of one knowledge base's score scale from its pseudo-queries' top *other* documents."""
    score = np.array([p["score"] for p in pseudo]) if pseudo else np.zeros(1)
    cover = np.array([p["coverage"] for p in pseudo]) if pseudo else np.zeros(1)
    margin = np.array([p["margin"] for p in pseudo]) if pseudo else np.zeros(1)
    own = np.array([p["self"] for p in pseudo]) if pseudo else np.zeros(1)
    return {"p50": float(np.median(score)), "p90": float(np.quantile(score, 0.9)),
            "spread": float(max(0.05, np.quantile(score, 0.9) - np.quantile(score, 0.1))),
            "cov50": float(np.median(cover)), "margin50": float(np.median(margin)),
            "self50": float(np.median(own)), "scores": score.tolist()}  # type: ignore[dict-item]


def relative(row: dict[str, Any], st: Stats, variant: str) -> list[float]:
    """The KB-relative columns of one row for `variant`."""
    score, coverage = float(row["score"]), float(row["coverage"])
    margin = score - float(row["second"])
    if variant == "offset":  # the scale's level as a plain signal: the model learns a per-KB shift
        return [st["p50"], st["p90"]]
    if variant == "gap":  # score above the KB's pseudo-query level, and in units of its spread
        return [score - st["p50"], (score - st["p50"]) / st["spread"]]
    if variant == "percentile":  # share of the KB's pseudo-queries whose top other document scores lower
        scores = np.asarray(st["scores"])
        return [float((scores < score).mean())]
    if variant == "self":  # score against how well the KB's own titles/headings find their own page
        return [score - st["self50"], score / max(0.05, st["self50"])]
    if variant == "coverage":  # coverage and margin above the KB's pseudo-query medians
        return [coverage - st["cov50"], margin - st["margin50"]]
    if variant == "all":
        return [*relative(row, st, "gap"), *relative(row, st, "percentile"), *relative(row, st, "self"),
                *relative(row, st, "coverage")]
    raise ValueError(variant)


VARIANTS = ("offset", "gap", "percentile", "self", "coverage", "all")


def widened(data: Data, stats: dict[str, Stats], variant: str) -> Data:
    """A copy of `data` whose signals carry `variant`'s KB-relative columns after `Signals`' own."""
    wide = Data.__new__(Data)
    wide.__dict__.update(data.__dict__)
    extra = [relative(r, stats[r["kb"]], variant) if m and section(r) is not None else None
             for r, m in zip(data.rows, data.model, strict=True)]
    width = len(next(e for e in extra if e is not None))
    wide.x = np.hstack([data.x, np.array([e if e is not None else [0.0] * width for e in extra])])
    return wide


def wanted_shifts(data: Data, probability: np.ndarray) -> dict[str, float]:
    """Per centre, the logit shift that best fits its own labels (maximum likelihood, modelled rows)."""
    logit = np.log(np.clip(probability, 1e-9, 1 - 1e-9) / np.clip(1 - probability, 1e-9, 1))
    out = {}
    for kb in data.kbs:
        part = (data.kb == kb) & data.model
        grid = np.arange(-3.0, 3.01, 0.05)
        ll = [float(np.sum(data.y[part] * -np.log1p(np.exp(-(logit[part] + b)))
                           + (1 - data.y[part]) * -np.log1p(np.exp(logit[part] + b)))) for b in grid]
        out[kb] = float(grid[int(np.argmax(ll))])
    return out


def rank_correlation(a: list[float], b: list[float]) -> float:
    ra, rb = np.argsort(np.argsort(a)), np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def oracle(data: Data, probability: np.ndarray, cutoff: float) -> tuple[np.ndarray, np.ndarray]:
    """Per centre, the logit shift (chosen on its own labels) with the most facts at no more wrong answers
    than the shared cut-off gives there: the ceiling of any per-centre recalibration of this model.
    Returns the (shared, oracle) decisions."""
    logit = np.log(np.clip(probability, 1e-9, 1 - 1e-9) / np.clip(1 - probability, 1e-9, 1))
    base = data.decide(probability, cutoff)
    shown = base.copy()
    moved = []
    for kb in data.kbs:
        part = data.kb == kb
        limit = int((base & data.wrong & part).sum())
        best = (int((base & data.ok & part).sum()), 0.0)
        for shift in np.arange(-3.0, 3.01, 0.1):
            p = 1.0 / (1.0 + np.exp(-(logit + shift)))
            d = data.decide(p, cutoff) & part
            if int((d & data.wrong).sum()) <= limit and int((d & data.ok).sum()) > best[0]:
                best = (int((d & data.ok).sum()), float(shift))
        p = 1.0 / (1.0 + np.exp(-(logit + best[1])))
        shown[part] = data.decide(p, cutoff)[part]
        moved.append((kb, best[1], int((shown & data.ok & part).sum()) - int((base & data.ok & part).sum())))
    print(f"\n== oracle: per-centre logit shift on its own labels, no more wrong answers there (cut-off {cutoff})")
    print(f"  shared  {fmt(counts(data.rows, base))}")
    print(f"  oracle  {fmt(counts(data.rows, shown))}")
    print("  gains: " + ", ".join(f"{kb} {s:+.1f}: +{g}" for kb, s, g in moved if g))
    return base, shown


def predictable(data: Data, probability: np.ndarray, stats: dict[str, Stats]) -> None:
    """Whether any label-free figure of a centre predicts the shift its own labels want."""
    wanted = wanted_shifts(data, probability)
    print("\n== the logit shift each centre's labels want (max. likelihood) against its pseudo-query figures")
    for kb in data.kbs:
        s = stats[kb]
        print(f"    {kb:22} shift {wanted[kb]:+.2f}  p50 {s['p50']:.3f} spread {s['spread']:.3f} "
              f"cov50 {s['cov50']:.3f} self50 {s['self50']:.3f}")
    shifts = [wanted[kb] for kb in data.kbs]
    for key in ("p50", "p90", "spread", "cov50", "margin50", "self50"):
        print(f"  Spearman(shift, {key}) = {rank_correlation(shifts, [stats[kb][key] for kb in data.kbs]):+.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path)
    parser.add_argument("pseudo", type=Path)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    stats = {kb: kb_stats(p) for kb, p in json.loads(args.pseudo.read_text()).items()}
    data = Data(rows, "ok")
    print(f"{len(rows)} rows, {len(data.kbs)} knowledge bases, {int(data.model.sum())} decided by a model")
    print("  per knowledge base, pseudo-queries: median top other score / p90 / spread / coverage / own page:")
    for kb in data.kbs:
        s = stats[kb]
        print(f"    {kb:22} {s['p50']:.3f} {s['p90']:.3f} {s['spread']:.3f} {s['cov50']:.3f} {s['self50']:.3f}")
    fit: Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]] = columns(logistic(args.l2), by_path)
    name = f"shipped form: logistic (L2 {args.l2}), each path its own weights"
    probability = cross_validate(data, name, fit)
    tradeoff(data, probability, name)
    oracle(data, probability, cutoff_for(data, probability, np.ones(len(rows), dtype=bool)))
    predictable(data, probability, stats)
    for variant in args.variants.split(","):
        wide = widened(data, stats, variant)
        name = f"with KB-relative '{variant}'"
        tradeoff(wide, cross_validate(wide, name, fit), name)


if __name__ == "__main__":
    main()
