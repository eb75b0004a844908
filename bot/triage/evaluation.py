"""Measure the triage on labelled rows: per-label precision/recall/F1, handoff precision/recall, speed.

Rows are `{"id", "text", "expected"}` with `expected` one of the triage's labels (legal and self_harm
included: hold-outs label them). Sets written only with the five core labels still score legal or
self_harm predictions as handoffs; per-label figures are printed for every label.
`stages` counts the handoffs each stage decided (rules, model) and how many of them were right.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.triage.decision import Triage

EVAL_LABELS = ("customer_request", "security", "billing_dispute", "complaint", "legal", "self_harm", "none")


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def evaluate_triage(rows: Iterable[dict[str, Any]], triage: Triage) -> dict[str, Any]:
    """Run `triage` on every row and return the figures as one JSON-ready dict."""
    pairs: list[tuple[str, str, bool]] = []  # expected, predicted (5-label view), handed off
    stages: dict[str, dict[str, int]] = {}
    elapsed = 0.0
    for n, row in enumerate(rows, 1):
        expected = row.get("expected")
        if expected not in EVAL_LABELS or not isinstance(row.get("text"), str):
            raise ValueError(f"row {row.get('id', n)}: needs a 'text' and 'expected' in {list(EVAL_LABELS)}")
        start = time.perf_counter()
        decision = triage.classify(row["text"])
        elapsed += time.perf_counter() - start
        predicted = decision.label if decision.label in EVAL_LABELS else "other_handoff"
        pairs.append((expected, predicted, decision.reason is not None))
        if decision.reason is not None:
            stage = stages.setdefault(decision.stage, {"handoffs": 0, "correct": 0})
            stage["handoffs"] += 1
            stage["correct"] += expected != "none"
    if not pairs:
        raise ValueError("no rows to evaluate")

    result: dict[str, Any] = {"n": len(pairs)}
    for label in EVAL_LABELS:
        tp = sum(1 for e, p, _ in pairs if e == label and p == label)
        n_predicted = sum(1 for _, p, _ in pairs if p == label)
        support = sum(1 for e, _, _ in pairs if e == label)
        precision, recall = _ratio(tp, n_predicted), _ratio(tp, support)
        result[label] = {"precision": precision, "recall": recall, "f1": _f1(precision, recall),
                         "support": support, "predicted": n_predicted}
    true_handoff = sum(1 for e, _, h in pairs if e != "none" and h)
    result["handoff_precision"] = _ratio(true_handoff, sum(1 for _, _, h in pairs if h))
    result["handoff_recall"] = _ratio(true_handoff, sum(1 for e, _, _ in pairs if e != "none"))
    result["stages"] = stages  # stage -> handoffs it decided, and how many needed a person
    result["ms_per_utterance"] = round(elapsed * 1000 / len(pairs), 4)
    confusion: dict[str, dict[str, int]] = {}
    for (e, p), count in sorted(Counter((e, p) for e, p, _ in pairs).items()):
        confusion.setdefault(e, {})[p] = count
    result["confusion"] = confusion  # expected -> predicted -> count
    return result


def _main(argv: list[str]) -> int:
    """`python -m bot.triage.evaluation FILE.jsonl...`: figures per file, for development."""
    from bot.policy import load_policy
    from bot.triage.setup import offline_triage

    triage = offline_triage(load_policy(None))
    for name in argv:
        rows = [json.loads(line) for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
        print(name, json.dumps(evaluate_triage(rows, triage)))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
