"""The offline study of the overturned first document's margin (`benchmarks/overturn_margin.py`)."""
from __future__ import annotations

import numpy as np
import pytest

from tests.benchmark_scripts import load_benchmark


def test_the_rules_differ_only_where_the_learned_ranker_overturned_the_first_document() -> None:
    study = load_benchmark("overturn_margin")
    base = np.array([0.60, 0.55, 0.30])  # the hand-tuned mix puts the first document first
    overturned = np.array([0.65, 0.70, 0.30])  # the learned ranker puts the second first
    # Today's rule: the overturned first document keeps its own relevance and gets no margin.
    assert study.shipped_rule(base, overturned, 1) == pytest.approx((0.55, 0.0))
    # Its lead in the learned ranking (what search now reads), or the hand-tuned first's score.
    assert study.ranker_margin(base, overturned, 1) == pytest.approx((0.55, 0.05))
    assert study.inherit(base, overturned, 1) == pytest.approx((0.60, 0.05))
    agreed = np.array([0.75, 0.60, 0.30])
    assert study.overturned_ranker_margin(base, agreed, 0) == study.shipped_rule(base, agreed, 0)
    assert study.ranker_margin(base, agreed, 0) == pytest.approx((0.60, 0.15))
