"""`benchmarks/answerability_kb_relative.py`: its KB-relative columns read the centre's pseudo-queries, and its
per-centre oracle never adds a wrong answer in a centre."""
from __future__ import annotations

import sys
from types import ModuleType

import numpy as np

from tests.benchmark_scripts import BENCHMARKS, load_benchmark
from tests.test_answerability_model_fit import _row


def _study_script() -> ModuleType:
    """The study imports its sibling fit script as a script run from `benchmarks/` would."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return load_benchmark("answerability_kb_relative")
    finally:
        sys.path.remove(str(BENCHMARKS))


study = _study_script()
fit = sys.modules["answerability_model_fit"]


def _pseudo(scores: list[float], own: float) -> list[dict[str, float]]:
    return [{"score": s, "coverage": 0.5, "margin": 0.1, "self": own} for s in scores]


def test_a_score_is_read_against_its_own_centres_pseudo_queries() -> None:
    low, high = study.kb_stats(_pseudo([0.0, 0.1, 0.2], 0.5)), study.kb_stats(_pseudo([0.3, 0.4, 0.5], 0.9))
    row = _row("a", score=0.35, answerable_q=True)
    assert study.relative(row, low, "percentile") == [1.0]
    assert study.relative(row, high, "percentile") == [1 / 3]
    assert study.relative(row, low, "self")[0] > study.relative(row, high, "self")[0]


def test_the_oracle_shift_never_adds_a_wrong_answer_in_a_centre() -> None:
    rows = [_row(kb, score=s, answerable_q=s >= 0.4) for kb in ("a", "b") for s in (0.25, 0.3, 0.35, 0.4, 0.45)]
    data = fit.Data(rows, "ok")
    probability = np.array([r["score"] for r in rows]) + np.where(data.kb == "a", 0.1, -0.1)
    shared, oracle = study.oracle(data, probability, 0.5)
    for kb in ("a", "b"):
        part = data.kb == kb
        assert (oracle & data.wrong & part).sum() <= (shared & data.wrong & part).sum()
    assert (oracle & data.ok).sum() > (shared & data.ok).sum()  # centre b's shifted-down facts come back
