"""Turn a raw relevance into a score in [0, 1] that means the same for every knowledge base.

Raw cosines are not comparable across knowledge bases: short, informal questions against short
articles score lower than long questions against long ones, and an in-domain question the base
does not cover still scores well against its neighbours. So the raw relevance of the best document
is measured against the knowledge base's own *near-miss level*: how well each document's title
matches the best *other* document (leave-one-out). A question the base cannot answer looks like
that; a question it can answer scores clearly above it. A two-parameter logistic maps the gap to
[0, 1]; its parameters come from our own labelled questions (`benchmarks/fit_calibration.py`).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Calibration:
    """score = sigmoid(slope * (raw - level) + offset), with `level` shrunk towards a prior on small bases."""

    slope: float
    offset: float
    prior_level: float = 0.45  # near-miss level assumed when the base has too few documents to measure
    prior_weight: float = 8.0  # how many measured documents the prior is worth

    def level(self, near_misses: Sequence[float]) -> float:
        """The near-miss level: the median leave-one-out relevance, shrunk towards the prior."""
        n = len(near_misses)
        if n == 0:
            return self.prior_level
        median = float(np.median(np.asarray(near_misses, dtype=np.float64)))
        return (n * median + self.prior_weight * self.prior_level) / (n + self.prior_weight)

    def score(self, raw: float, level: float) -> float:
        z = self.slope * (raw - level) + self.offset
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# Fitted by benchmarks/fit_calibration.py on our own labelled questions (examples/ and a second
# hand-written base); never on ../shared/eval.
DEFAULT_CALIBRATION = Calibration(slope=8.96, offset=0.536)


def fit_logistic(gaps: Sequence[float], labels: Sequence[bool], *, l2: float = 1e-3) -> tuple[float, float]:
    """(slope, offset) of a one-feature logistic regression by Newton's method, classes balanced."""
    x = np.asarray(gaps, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    pos = max(y.sum(), 1.0)
    neg = max(len(y) - y.sum(), 1.0)
    w = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))
    X = np.c_[x, np.ones_like(x)]
    beta = np.zeros(2)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(X @ beta)))
        grad = X.T @ (w * (p - y)) + l2 * np.r_[beta[0], 0.0]
        hess = (X * (w * p * (1 - p))[:, None]).T @ X + l2 * np.diag([1.0, 0.0])
        step = np.linalg.solve(hess + 1e-9 * np.eye(2), grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), float(beta[1])
