"""Write the learned answerability decision (`bot/answering/assets/answerability.json`) from rows.

The rows are `answerability_rows.py`'s, of every development set at once (examples/ and the dev help
centres, never a hold-out or ../shared/eval). The model is `answerability_model_fit.py`'s logistic with
each path its own weights, fitted on every English row the answerer decides with it; its cut-off is the
point of the leave-one-centre-out probabilities that says the most facts with no more wrong answers than
the hand-set rule, pooled over all centres (how `answerability_model_fit.py` picks it within each fold).
Prints the held-out figures at that cut-off and the new file's sha256, to pin in
`learned_answerability.MODEL_SHA256`.

    python benchmarks/answerability_model_write.py ROWS.jsonl [ROWS.jsonl ...] [--l2 1] [--out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answerability_model_fit import L2, Data, columns, cutoff_for, fit_logistic, oof, report  # noqa: E402

from bot.answering.learned_answerability import MODEL_PATH, LearnedDecision, by_path  # noqa: E402


def learned(data: Data, l2: float) -> tuple[LearnedDecision, np.ndarray]:
    """The decision fitted on every modelled row, its cut-off from the out-of-fold probabilities; and those."""
    def fit(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        mean, scale, w, b = fit_logistic(x, y, l2)
        return lambda xs: 1.0 / (1.0 + np.exp(-(((xs - mean) / scale) @ w + b)))

    everyone = np.ones(len(data.rows), dtype=bool)
    probability = oof(data, columns(fit, by_path), everyone)
    cutoff = cutoff_for(data, probability, everyone)
    mean, scale, w, b = fit_logistic(by_path(data.x[data.model]), data.y[data.model], l2)
    decision = LearnedDecision(mean=tuple(round(float(v), 6) for v in mean),
                               scale=tuple(round(float(v), 6) for v in scale),
                               weights=tuple(round(float(v), 6) for v in w), bias=round(b, 6),
                               cutoff=round(cutoff, 4))
    return decision, probability


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path, nargs="+")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.rows for line in path.read_text().splitlines() if line.strip()]
    data = Data(rows, "ok")
    decision, probability = learned(data, args.l2)
    report(data, "the product's rule (replayed)", data.rule)
    report(data, f"out-of-fold probabilities at the pooled cut-off {decision.cutoff}",
           data.decide(probability, decision.cutoff))
    text = decision.as_json()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out}: sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()}")


if __name__ == "__main__":
    main()
