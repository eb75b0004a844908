"""Does the learned answerability decision gain from more help centres? The shipped model against a refit.

On `answerability_rows.py`'s rows of every development set (examples/ and the dev help centres, never a
hold-out), compared per centre and pooled, facts said / answered without the fact / unanswerable declined /
wrong answers (`answerability_model_fit.fmt`):

- `rule`: the hand-set rule, replayed;
- `shipped`: the pinned model (`bot/answering/assets/answerability.json`) at its own cut-off. On the
  centres it was fitted on this is in-sample; on the `--unseen` ones (dev centres added after its fit) it
  is a fair out-of-sample test;
- `old only`: the shipped recipe refitted on the new rows of the centres the shipped fit saw (its cut-off
  from their pooled leave-one-centre-out probabilities, as `answerability_model_write.py` picks it), scored
  on the unseen ones: separates drift of the rows since the fit from the gain of more centres;
- `LOCO refit`: each centre scored by the model fitted on all the others, its cut-off chosen on them
  (`answerability_model_fit.cross_validate`): the held-out estimate of a refit on everything.

Then the trade-off around the cut-off: pooled (all centres, and the unseen ones) over cut-offs, for the
LOCO refit's out-of-fold probabilities and for the shipped recipe's held out (a seen centre's from
the model of the other seen centres, an unseen one's from the shipped model). Nothing is written here.

    python benchmarks/answerability_refit_study.py ROWS.jsonl [ROWS.jsonl ...] --unseen A,B,C [--l2 1]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # its sibling answerability_model_fit, when loaded by a test

from answerability_model_fit import (  # noqa: E402
    L2,
    Data,
    columns,
    counts,
    cutoff_for,
    fit_logistic,
    fmt,
    oof,
    signals,
)

from bot.answering.learned_answerability import LearnedDecision, by_path  # noqa: E402

CUTS = (0.35, 0.40, 0.43, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70)


def shipped_probability(data: Data, model: LearnedDecision) -> np.ndarray:
    """The pinned model's probability on every row it decides (0 elsewhere, where the rule decides)."""
    return np.array([model.probability(signals(r)) if m else 0.0 for r, m in zip(data.rows, data.model, strict=True)])


def logistic_fit(l2: float) -> Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]:
    def fit(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        mean, scale, w, b = fit_logistic(x, y, l2)
        return lambda xs: 1.0 / (1.0 + np.exp(-(((xs - mean) / scale) @ w + b)))
    return columns(fit, by_path)


def fitted_on(data: Data, within: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """The shipped recipe fitted on the centres in `within`: its probabilities on every row, and its
    cut-off from the pooled leave-one-centre-out probabilities among those centres."""
    fit = logistic_fit(l2)
    cutoff = cutoff_for(data, oof(data, fit, within), within)
    predict = fit(data.x[within & data.model], data.y[within & data.model])
    return predict(data.x), cutoff


def held_out(data: Data, l2: float, pool: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Each centre of `pool` (default all) decided by the model fitted on all the others of `pool` at the
    cut-off chosen on them (`answerability_model_fit.cross_validate`'s folds): decisions, out-of-fold
    probabilities, cut-offs (rows outside `pool` stay undecided)."""
    pool = np.ones(len(data.rows), dtype=bool) if pool is None else pool
    shown = np.zeros(len(data.rows), dtype=bool)
    probability = np.zeros(len(data.rows))
    cutoffs = []
    for held in sorted(set(data.kb[pool].tolist())):
        others = pool & (data.kb != held)
        p, cutoff = fitted_on(data, others, l2)
        cutoffs.append(cutoff)
        test = data.kb == held
        probability[test] = p[test]
        shown[test] = data.decide(p, cutoff)[test]
    return shown, probability, cutoffs


def table(data: Data, decisions: dict[str, np.ndarray], unseen: set[str]) -> None:
    """Per centre, then pooled over the unseen centres, the seen ones and all."""
    for kb in data.kbs:
        part = data.kb == kb
        rows = [r for r, p in zip(data.rows, part, strict=True) if p]
        mark = " (unseen)" if kb in unseen else ""
        print(f"  {kb}{mark}")
        for name, shown in decisions.items():
            print(f"    {name:17} {fmt(counts(rows, shown[part]))}")
    for label, keep in (("POOLED unseen", np.isin(data.kb, list(unseen))),
                        ("POOLED seen", ~np.isin(data.kb, list(unseen))), ("POOLED all", np.ones(len(data.kb), bool))):
        rows = [r for r, p in zip(data.rows, keep, strict=True) if p]
        print(f"  {label}")
        for name, shown in decisions.items():
            print(f"    {name:17} {fmt(counts(rows, shown[keep]))}")


def tradeoff(data: Data, probabilities: dict[str, np.ndarray], unseen: set[str]) -> None:
    everyone, fresh = np.ones(len(data.kb), bool), np.isin(data.kb, list(unseen))
    for label, keep in (("all centres", everyone), ("unseen centres", fresh)):
        rows = [r for r, p in zip(data.rows, keep, strict=True) if p]
        print(f"\n-- trade-off over cut-offs, pooled over {label}")
        print(f"  {'rule':28} {fmt(counts(rows, data.rule[keep]))}")
        for name, p in probabilities.items():
            for c in CUTS:
                print(f"  {name + f' {c:.2f}':28} {fmt(counts(rows, data.decide(p, c)[keep]))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path, nargs="+")
    parser.add_argument("--unseen", required=True, help="comma-separated: the centres the shipped fit never saw")
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.rows for line in path.read_text().splitlines() if line.strip()]
    unseen = set(args.unseen.split(","))
    data = Data(rows, "ok")
    missing = unseen - set(data.kbs)
    if missing:
        raise SystemExit(f"no rows for {sorted(missing)}")
    model = LearnedDecision.load()
    shipped_p = shipped_probability(data, model)
    shipped = data.decide(shipped_p, model.cutoff)
    turn = np.array([r["answered"] for r in rows])
    print(f"{len(rows)} rows, {len(data.kbs)} knowledge bases ({len(unseen)} unseen by the shipped fit), "
          f"{int(data.model.sum())} decided by the model; the replayed shipped model agrees with the bot's turn "
          f"on {int((turn == shipped).sum())} of {len(rows)}")
    seen = ~np.isin(data.kb, list(unseen))
    old_p, old_cut = fitted_on(data, seen, args.l2)
    print(f"shipped cut-off {model.cutoff}; the shipped recipe refitted on the seen centres' new rows: cut-off "
          f"{old_cut:.4f}")
    loco, loco_p, cutoffs = held_out(data, args.l2)
    print(f"LOCO refit cut-offs per fold {min(cutoffs):.3f}-{max(cutoffs):.3f} (median {np.median(cutoffs):.3f})")
    # the shipped recipe held out: a seen centre by the model fitted on the other seen ones (the seventh
    # session's estimate), an unseen one by the shipped model itself
    shipped_held, shipped_held_p, _ = held_out(data, args.l2, seen)
    shipped_held, shipped_held_p = np.where(seen, shipped_held, shipped), np.where(seen, shipped_held_p, shipped_p)
    _everyone_p, everyone_cut = fitted_on(data, np.ones(len(rows), dtype=bool), args.l2)
    print(f"\nthe refit on everything (what answerability_model_write.py would write): cut-off {everyone_cut:.4f}")
    print("\n== side by side (shipped and old only: in-sample on the seen centres; 'shipped, held out': a seen "
          "centre by the model of the other seen ones)")
    table(data, {"rule": data.rule, "shipped": shipped, "old only": data.decide(old_p, old_cut),
                 "shipped, held out": shipped_held,
                 "LOCO refit": loco}, unseen)
    tradeoff(data, {"LOCO refit": loco_p, "shipped, held out": shipped_held_p}, unseen)


if __name__ == "__main__":
    main()
