"""The learned head's thresholds are chosen by cross-validation on training rows alone (build_classifier.py)."""
from __future__ import annotations

import numpy as np

from bot.triage.classifier import LABELS
from bot.triage.training.build_classifier import choose_thresholds, folds, precision_lower_bound


def test_folds_are_seeded_and_keep_a_group_together() -> None:
    groups = ["a", "a", "b", "c", "c", "c", "d", "e"]
    first, again = folds(len(groups), 3, groups=groups), folds(len(groups), 3, groups=groups)
    assert first.tolist() == again.tolist()
    for g in set(groups):
        assert len({int(first[i]) for i, x in enumerate(groups) if x == g}) == 1
    rows = folds(10, 5)
    assert sorted(np.bincount(rows).tolist()) == [2, 2, 2, 2, 2]


def test_the_precision_bound_asks_for_more_than_a_handful_of_right_handoffs() -> None:
    assert precision_lower_bound(11, 0) < 0.9 < precision_lower_bound(60, 0)
    assert precision_lower_bound(0, 0) == 0.0
    assert precision_lower_bound(90, 10) < 0.9


def _pool(right: int, wrong: int, p: float) -> tuple[np.ndarray, list[str]]:
    """`right` security rows and `wrong` none rows that the head calls security with probability p."""
    probs = np.zeros((right + wrong, len(LABELS)), dtype=np.float32)
    probs[:, LABELS.index("security")] = p
    probs[:, LABELS.index("none")] = 1 - p
    return probs, ["security"] * right + ["none"] * wrong


def test_a_label_is_switched_on_only_when_surely_precise() -> None:
    few, expected = _pool(11, 0, 0.97)
    assert choose_thresholds(few, expected, np.ones((11, len(LABELS)), bool), precision=0.9, min_gain=2)[
        "security"] == 1.01
    many, expected = _pool(60, 0, 0.97)
    assert choose_thresholds(many, expected, np.ones((60, len(LABELS)), bool), precision=0.9, min_gain=2)[
        "security"] <= 0.97


def test_a_source_whose_precision_would_drop_stops_the_threshold() -> None:
    probs, expected = _pool(60, 1, 0.97)
    probs[-1, LABELS.index("security")], probs[-1, LABELS.index("none")] = 0.955, 0.045  # one wrong, lower down
    source = np.array([False] * 60 + [True])  # a source where the rules were never wrong
    chosen = choose_thresholds(probs, expected, np.ones((61, len(LABELS)), bool), precision=0.9, min_gain=2,
                               no_drop=[(source, 1.0)])
    assert chosen["security"] == 0.96
