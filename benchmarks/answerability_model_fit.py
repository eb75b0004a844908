"""Fit and compare answerability decisions leave-one-centre-out on `answerability_rows.py`'s rows.

Every development set at once (examples/ and the dev help centres, with their extra unanswerable
questions). Each decision says, for an English question whose top company document has a section to
show (search above the near-miss floor), whether to show it; everything else (hand-offs, questions
matched across languages, nothing to show) is decided as the product decides it today. Compared:

- `rule`: the product's rule (`answerability.RULE` and the yes/no check), replayed;
- `refit`: the rule's thresholds (`REFIT_GRID`) chosen on the other centres: the most facts with no
  more wrong answers than the product's rule there;
- `logistic`: a logistic model over `Signals` (standardised, L2), with and without the rule's
  decision as one of them, and with each path (answerable, near miss) its own weights;
- `tree`: a depth-3 classification tree over the same signals.

A model's cut-off (its operating point) is chosen on the other centres too, from their own
out-of-fold probabilities (an inner leave-one-centre-out): the cut-off that says the most facts
while answering no more questions wrongly than the rule there. A wrong answer costs more than a
decline (a decline offers a person), so wrong answers are held, not traded. The figures printed are
the held-out centres', per knowledge base and pooled, then the pooled trade-off of the out-of-fold
probabilities over cut-offs. Nothing is written here: `answerability_model_write.py` writes the
logistic with each path its own weights, which the product ships for English questions
(`bot/answering/learned_answerability.py`); its signals are the product's own `Signals`.

    python benchmarks/answerability_model_fit.py ROWS.jsonl [ROWS.jsonl ...] [--target ok|right] [--l2 1]
        [--extra] [--no-refit]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answering import extractive  # noqa: E402
from bot.answering.answerability import RULE, Rule  # noqa: E402
from bot.answering.learned_answerability import Signals, by_path, held_shares  # noqa: E402

NEAR_MISS_FLOOR = 0.2  # the policy's default `near_miss_floor`
Row = dict[str, Any]
L2 = 1.0
# The product's rule before the sixth session's refit (`--before-refit` compares against it).
BEFORE_REFIT = replace(RULE, near_miss_coverage=0.35, near_miss_support=4, thin_coverage=0.25, strong_score=0.75)


def section(row: Row) -> dict[str, Any] | None:
    """The section the answerer would show (whole document when answerable, else search's passages)."""
    return row.get("w") if answerable(row) else row.get("p")


def answerable(row: Row) -> bool:
    return bool(row["search_answerable"] and row["top_official_first"])


def modelled(row: Row) -> bool:
    """Whether the learned decision decides this row (else the product's rule, as today)."""
    if str(row["outcome"]).startswith("handoff") or "top" not in row or section(row) is None:
        return False
    if row["lang"] != "en" or row["cross_lingual"]:
        return False
    return answerable(row) or row["score"] >= NEAR_MISS_FLOOR


def signals(row: Row, rule: Rule = RULE) -> Signals:
    s = section(row)
    assert s is not None
    held, held_long = held_shares(row["question"], f"{s['heading']}\n{s['body']}")
    return Signals(above=row["score"] - row["threshold"], margin=row["score"] - row["second"],
                   coverage=row["coverage"], passage=row["passage"], section_score=s["section_score"],
                   support=float(s["support"]), share=s["share"], shown_share=s["shown_share"],
                   asked=Signals.asked_words(s["asked"]),
                   kind_asked=float(extractive.expected_kind(row["question"]) is not None),
                   kind_shown=float(s["kind_shown"]), yes_no=float(s["yes_no"]), drop=s["drop"],
                   answerable=float(answerable(row)), rule=float(rule_shows(rule, row)), held=held,
                   held_long=held_long)


EXTRA = ("second_coverage", "coverage_lead", "unmatched", "number_missing", "kind_missing", "score")


def extra(row: Row) -> np.ndarray:
    """Signals `Signals` leaves out, to see whether any would earn a place."""
    s = section(row)
    assert s is not None
    return np.array([row["second_coverage"], row["coverage"] - row["second_coverage"], s["unmatched"],
                     float(s["number_missing"]), float(s["kind_missing"]), row["score"]], dtype=float)


def rule_shows(rule: Rule, row: Row) -> bool:
    """The answerer's decision: the rule after the near-miss floor, then the yes/no check."""
    s = section(row)
    if s is None or "top" not in row:
        return False
    if not answerable(row) and row["score"] < NEAR_MISS_FLOOR:
        return False
    if not rule.shows(score=row["score"], coverage=row["coverage"], support=s["support"], answerable=answerable(row),
                      cross_lingual=row["cross_lingual"], kind_shown=s["kind_shown"], share=s["share"],
                      threshold=row["threshold"], section_score=s["section_score"]):
        return False
    return row["cross_lingual"] or row["lang"] != "en" or not s["yes_no"] or s["drop"] < rule.yes_no_drop


def outcome(row: Row, shown: bool) -> str:
    if str(row["outcome"]).startswith("handoff"):
        return "handoff"
    s = section(row)
    if not shown or s is None or "top" not in row:
        return "declined"
    if not row["answerable_q"] or not row["right"]:
        return "wrong"
    return "ok" if s["says"] else "fact_missing"


def counts(rows: list[Row], shown: np.ndarray) -> dict[str, int]:
    """ok / answered without the fact / declined (answerable); declined (unanswerable); wrong."""
    t = {"answerable": 0, "ok": 0, "fact_missing": 0, "declined_a": 0, "unanswerable": 0, "declined_u": 0,
         "wrong": 0, "wrong_u": 0, "n": len(rows)}
    for row, show in zip(rows, shown, strict=True):
        o = outcome(row, bool(show))
        if row["answerable_q"]:
            t["answerable"] += 1
            t["ok"] += o == "ok"
            t["fact_missing"] += o == "fact_missing"
            t["declined_a"] += o in ("declined", "handoff")
        else:
            t["unanswerable"] += 1
            t["declined_u"] += o in ("declined", "handoff")
        t["wrong"] += o == "wrong"
        t["wrong_u"] += o == "wrong" and not row["answerable_q"]
    return t


def fmt(t: dict[str, int]) -> str:
    a, u = max(1, t["answerable"]), max(1, t["unanswerable"])
    return (f"fact {t['ok']:4}/{t['answerable']:<4} ({t['ok'] / a:.3f})  no-fact {t['fact_missing']:3} "
            f"declined {t['declined_a']:3} ({t['declined_a'] / a:.3f}) | unans declined {t['declined_u']:3}/"
            f"{t['unanswerable']:<3} ({t['declined_u'] / u:.3f}) | wrong {t['wrong']:3} "
            f"({t['wrong'] / max(1, t['n']):.3f})")


# -- models ---------------------------------------------------------------------------------------
def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, weights, bias) by Newton's method on standardised signals with an L2 penalty."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])


def logistic(l2: float) -> Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]:
    def fit(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        mean, scale, w, b = fit_logistic(x, y, l2)
        return lambda xs: 1.0 / (1.0 + np.exp(-(((xs - mean) / scale) @ w + b)))
    return fit


def tree(depth: int = 3, leaf: int = 20) -> Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]:
    """A CART tree (Gini) of `depth` whose leaves hold their share of positives."""
    def grow(x: np.ndarray, y: np.ndarray, level: int) -> Any:
        value = float(y.mean()) if len(y) else 0.0
        if level == depth or len(y) < 2 * leaf or value in (0.0, 1.0):
            return value
        best: tuple[float, int, float] | None = None
        for j in range(x.shape[1]):
            order = np.argsort(x[:, j], kind="stable")
            xs, ys = x[order, j], y[order]
            left = np.cumsum(ys)[:-1]
            n_left = np.arange(1, len(ys))
            right = ys.sum() - left
            n_right = len(ys) - n_left
            gini = (n_left * (1 - (left / n_left) ** 2 - (1 - left / n_left) ** 2)
                    + n_right * (1 - (right / n_right) ** 2 - (1 - right / n_right) ** 2))
            ok = (n_left >= leaf) & (n_right >= leaf) & (xs[:-1] < xs[1:])
            if not ok.any():
                continue
            i = int(np.argmin(np.where(ok, gini, np.inf)))
            if best is None or gini[i] < best[0]:
                best = (float(gini[i]), j, float((xs[i] + xs[i + 1]) / 2))
        if best is None:
            return value
        _, j, cut = best
        mask = x[:, j] <= cut
        return (j, cut, grow(x[mask], y[mask], level + 1), grow(x[~mask], y[~mask], level + 1))

    def predict_one(node: Any, v: np.ndarray) -> float:
        while isinstance(node, tuple):
            j, cut, lo, hi = node
            node = lo if v[j] <= cut else hi
        return float(node)

    def fit(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        root = grow(x, y, 0)
        return lambda xs: np.array([predict_one(root, v) for v in xs])
    return fit


Fit = Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]


class Data:
    """The rows, their signals, labels and the rule's decisions, as arrays."""

    def __init__(self, rows: list[Row], target: str, rule: Rule = RULE) -> None:
        self.rows = rows
        self.kb = np.array([r["kb"] for r in rows])
        self.kbs = sorted(set(self.kb.tolist()))
        self.model = np.array([modelled(r) for r in rows])
        self.x = np.array([signals(r, rule).vector() if m else np.zeros(len(Signals.names()))
                           for r, m in zip(rows, self.model, strict=True)])
        self.extra = np.array([extra(r) if m else np.zeros(len(EXTRA)) for r, m in zip(rows, self.model, strict=True)])
        good = {"ok": ("ok",), "right": ("ok", "fact_missing")}[target]
        self.y = np.array([outcome(r, True) in good for r in rows], dtype=float)
        self.rule = np.array([rule_shows(rule, r) for r in rows])
        self.baseline = rule
        self.ok = np.array([outcome(r, True) == "ok" for r in rows])
        self.wrong = np.array([outcome(r, True) == "wrong" for r in rows])

    def decide(self, probability: np.ndarray, cutoff: float) -> np.ndarray:
        return np.where(self.model, probability >= cutoff, self.rule)


def columns(fit: Fit, keep: Callable[[np.ndarray], np.ndarray]) -> Fit:
    """`fit` on the columns `keep` makes of the signals (a subset, or with interactions)."""
    def fitted(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        predict = fit(keep(x), y)
        return lambda xs: predict(keep(xs))
    return fitted


RULE_COLUMN = Signals.names().index("rule")
ANSWERABLE_COLUMN = Signals.names().index("answerable")


def without_rule(x: np.ndarray) -> np.ndarray:
    return np.delete(x, RULE_COLUMN, axis=1)


def hybrid(data: Data, name: str, fit: Fit) -> None:
    """The rule, overturned only where the model is sure: a shown section declined under `low`, a
    declined one shown over `high`; both chosen on the other centres (inner out-of-fold probabilities)."""
    grid = [round(v, 2) for v in np.arange(0.05, 1.0, 0.05)]
    shown = np.zeros(len(data.rows), dtype=bool)
    chosen = []

    def decide(p: np.ndarray, low: float, high: float) -> np.ndarray:
        return np.where(data.model, np.where(data.rule, p >= low, p >= high), data.rule)

    def best(p: np.ndarray, within: np.ndarray) -> tuple[float, float]:
        rule_wrong = int((data.rule & data.wrong & within).sum())
        top = (-1, 0.0, 1.01)
        for low in [0.0, *grid]:
            for high in [*grid, 1.01]:
                d = decide(p, low, high) & within
                if int((d & data.wrong).sum()) <= rule_wrong:
                    facts = int((d & data.ok).sum())
                    if facts > top[0]:
                        top = (facts, low, high)
        return top[1], top[2]

    everyone = np.ones(len(data.rows), dtype=bool)
    probability = np.zeros(len(data.rows))
    for held in data.kbs:
        others = everyone & (data.kb != held)
        low, high = best(oof(data, fit, others), others)
        chosen.append((low, high))
        predict = fit(data.x[others & data.model], data.y[others & data.model])
        test = data.kb == held
        probability[test] = predict(data.x[test])
        shown[test] = decide(probability, low, high)[test]
    report(data, name, shown, f"(low, high) per fold: {sorted(set(chosen))}")


def oof(data: Data, fit: Fit, within: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities over the centres in `within` (leave-one-centre-out among them)."""
    p = np.zeros(len(data.rows))
    centres = sorted(set(data.kb[within].tolist()))
    for held in centres:
        train = within & data.model & (data.kb != held)
        test = within & (data.kb == held)
        predict = fit(data.x[train], data.y[train])
        p[test] = predict(data.x[test])
    return p


def cutoff_for(data: Data, probability: np.ndarray, within: np.ndarray) -> float:
    """The cut-off saying the most facts with no more wrong answers than the rule, over `within`."""
    rule_wrong = int((data.rule & data.wrong & within).sum())
    best = (-1, 1.01)
    for c in np.unique(np.round(probability[within & data.model], 4)):
        shown = data.decide(probability, float(c)) & within
        if int((shown & data.wrong).sum()) <= rule_wrong:
            facts = int((shown & data.ok).sum())
            if facts > best[0] or (facts == best[0] and c > best[1]):
                best = (facts, float(c))
    return best[1]


def cross_validate(data: Data, name: str, fit: Fit) -> np.ndarray:
    """Held-out decisions of a model with its cut-off chosen on the other centres; returns the
    out-of-fold probabilities (for the trade-off)."""
    shown = np.zeros(len(data.rows), dtype=bool)
    probability = np.zeros(len(data.rows))
    cutoffs = []
    everyone = np.ones(len(data.rows), dtype=bool)
    for held in data.kbs:
        others = everyone & (data.kb != held)
        inner = oof(data, fit, others)
        cutoff = cutoff_for(data, inner, others)
        cutoffs.append(cutoff)
        predict = fit(data.x[others & data.model], data.y[others & data.model])
        test = data.kb == held
        probability[test] = predict(data.x[test])
        shown[test] = data.decide(probability, cutoff)[test]
    report(data, name, shown, f"cut-offs {min(cutoffs):.3f}-{max(cutoffs):.3f} (median {np.median(cutoffs):.3f})")
    return probability


def report(data: Data, name: str, shown: np.ndarray, note: str = "") -> None:
    print(f"\n== {name} {note}")
    for kb in data.kbs:
        part = data.kb == kb
        print(f"  {kb:22} {fmt(counts([r for r, p in zip(data.rows, part, strict=True) if p], shown[part]))}")
    print(f"  {'POOLED':22} {fmt(counts(data.rows, shown))}")


REFIT_GRID: dict[str, list[Any]] = {
              "thin_coverage": [0.2, 0.25, 0.3], "thin_support": [2, 3, 4], "strong_score": [0.7, 0.75, 0.8],
              "near_miss_coverage": [0.3, 0.35, 0.4], "near_miss_support": [3, 4, 5],
              "yes_no_drop": [0.03, 0.05, 0.08]}


def refit(data: Data) -> None:
    """The rule's thresholds chosen on the other centres: most facts with no more wrong answers than today."""
    keys = list(REFIT_GRID)
    values = list(REFIT_GRID.values())
    points = [dict(zip(keys, v, strict=True)) for v in itertools.product(*values)]
    decisions = np.array([[rule_shows(replace(data.baseline, **p), r) for r in data.rows] for p in points])
    shown = np.zeros(len(data.rows), dtype=bool)
    chosen = []
    for held in data.kbs:
        others = data.kb != held
        rule_wrong = int((data.rule & data.wrong & others).sum())
        wrong = (decisions & data.wrong & others).sum(axis=1)
        facts = np.where(wrong <= rule_wrong, (decisions & data.ok & others).sum(axis=1), -1)
        i = int(np.argmax(facts))
        chosen.append(points[i])
        shown[data.kb == held] = decisions[i][data.kb == held]
    report(data, "refit of the rule", shown)
    for p in {json.dumps(c, sort_keys=True) for c in chosen}:
        print(f"    chosen: {p} ({sum(json.dumps(c, sort_keys=True) == p for c in chosen)} folds)")


def tradeoff(data: Data, probability: np.ndarray, name: str) -> None:
    """Pooled held-out outcomes of the out-of-fold probabilities over cut-offs (not a chosen point)."""
    print(f"\n-- {name}: trade-off over cut-offs (out-of-fold probabilities)\n  rule         "
          f"{fmt(counts(data.rows, data.rule))}")
    for c in (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        print(f"  cut-off {c:.2f}  {fmt(counts(data.rows, data.decide(probability, c)))}")
    cuts = (0.3, 0.4, 0.5, 0.6, 0.7)
    print("  per knowledge base, facts said / answered without the fact / unanswerable declined / wrong, "
          f"for the rule and cut-offs {cuts}:")
    for kb in data.kbs:
        part = data.kb == kb
        rows = [r for r, p in zip(data.rows, part, strict=True) if p]
        cells = [data.rule[part], *(data.decide(probability, c)[part] for c in cuts)]
        text = "  ".join("{ok}/{fact_missing}/{declined_u}/{wrong}".format(**counts(rows, shown)) for shown in cells)
        print(f"    {kb:22} rule {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path, nargs="+")
    parser.add_argument("--target", choices=["ok", "right"], default="ok",
                        help="what a model learns: the fact said (ok) or the right document (right)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--no-refit", action="store_true", help="skip the rule's refit (the slow part)")
    parser.add_argument("--before-refit", action="store_true",
                        help="compare against the rule before the sixth session's refit (`BEFORE_REFIT`)")
    parser.add_argument("--english", action="store_true", help="English questions only")
    parser.add_argument("--extra", action="store_true", help="also fit with the signals `Signals` leaves out")
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.rows for line in path.read_text().splitlines() if line.strip()]
    if args.english:
        rows = [r for r in rows if r["lang"] == "en"]
    baseline = BEFORE_REFIT if args.before_refit else RULE
    data = Data(rows, args.target, baseline)
    turn = np.array([r["answered"] for r in rows])
    print(f"{len(rows)} rows, {len(data.kbs)} knowledge bases, {int(data.model.sum())} decided by a model; "
          f"the replayed rule agrees with the bot's turn on {int((turn == data.rule).sum())} of {len(rows)}")
    report(data, "the product's rule (replayed)", data.rule)
    if not args.no_refit:
        refit(data)
    plain = columns(logistic(args.l2), without_rule)
    for name, fit in ((f"logistic (L2 {args.l2}), signals without the rule", plain),
                      (f"logistic (L2 {args.l2}), signals and the rule's decision", logistic(args.l2)),
                      (f"logistic (L2 {args.l2}), each path its own weights", columns(logistic(args.l2), by_path)),
                      ("tree (depth 3)", columns(tree(), without_rule))):
        tradeoff(data, cross_validate(data, name, fit), name)
    if args.extra:
        wide = Data(rows, args.target, baseline)
        wide.x = np.hstack([data.x, data.extra])
        for name, fit in ((f"logistic (L2 {args.l2}) with {EXTRA}, without the rule",
                           columns(logistic(args.l2), without_rule)),
                          (f"logistic (L2 {args.l2}) with {EXTRA} and the rule", logistic(args.l2))):
            tradeoff(wide, cross_validate(wide, name, fit), name)
    hybrid(data, "the rule overturned where the logistic (without the rule) is sure", plain)


if __name__ == "__main__":
    main()
