"""`benchmarks/answerability_model_fit.py`: its models learn, and an operating point never adds wrong answers."""
from __future__ import annotations

from typing import Any

import numpy as np

from tests.benchmark_scripts import load_benchmark

fit = load_benchmark("answerability_model_fit")


def _row(kb: str, *, score: float, answerable_q: bool, says: bool = True) -> dict[str, Any]:
    """A near miss (search said not answerable) whose passages' section shares three words."""
    part = {"support": 3, "section_score": 4.0, "says": says, "share": 0.5, "shown_share": 0.5, "asked": 4,
            "kind_shown": False, "yes_no": False, "drop": 0.0, "unmatched": 1, "number_missing": False,
            "kind_missing": False, "heading": "Pausing", "body": "Pause your plan under Account > Plan."}
    return {"kb": kb, "lang": "en", "question": "how do i pause my plan", "outcome": "declined", "answered": False,
            "cross_lingual": False, "search_answerable": False, "top_official_first": True, "top": "doc",
            "right": answerable_q, "answerable_q": answerable_q, "score": score, "second": 0.1,
            "threshold": 0.5, "coverage": 0.1, "second_coverage": 0.0, "passage": score, "p": part, "w": part}


def test_the_logistic_fit_ranks_positives_above_negatives() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] - 0.5 * x[:, 1] + rng.normal(scale=0.3, size=400) > 0).astype(float)
    predict = fit.logistic(1.0)(x, y)
    p = predict(x)
    assert p[y == 1].mean() > 0.75 > 0.25 > p[y == 0].mean()


def test_the_cut_off_says_the_most_facts_without_more_wrong_answers_than_the_rule() -> None:
    # Under today's rule every one of these near misses is declined (coverage 0.1): no wrong answers.
    rows = [_row(kb, score=s, answerable_q=s >= 0.4) for kb in ("a", "b") for s in (0.25, 0.3, 0.35, 0.4, 0.45)]
    data = fit.Data(rows, "ok")
    assert not data.rule.any() and data.model.all()
    probability = np.array([r["score"] for r in rows])  # a model that reads the score
    everyone = np.ones(len(rows), dtype=bool)
    cutoff = fit.cutoff_for(data, probability, everyone)
    shown = data.decide(probability, cutoff)
    assert not (shown & data.wrong).any()  # no wrong answer the rule did not give
    assert (shown & data.ok).sum() == 4  # and every fact it can say under that
    assert cutoff == 0.4
