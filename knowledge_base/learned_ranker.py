"""The learned ranker: weights fitted on our own questions, checked by their sha256 before use.

`assets/ranker.json` is written by `benchmarks/fit_ranker.py` (leave-one-help-centre-out on our
development help centres; never on ../shared/eval). Its weights are in units of the hand-tuned
relevance, so a document's relevance becomes `hand-tuned mix + weights . features` and the
calibrated score keeps its meaning. The file is pinned like the embedding model: a different or
damaged file is refused at load rather than ranking silently otherwise.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge_base.errors import KnowledgeBaseError
from knowledge_base.pinned_files import read_pinned
from knowledge_base.rank_features import FEATURES

RANKER_PATH = Path(__file__).resolve().parent / "assets" / "ranker.json"
RANKER_SHA256 = "d59757ca3db34c02ae36ab723ce5c7370d11b9eae377c088f20ad40dfc291513"


class RankerUnavailable(KnowledgeBaseError):
    """The learned ranker's weights are missing, not the pinned file, or for other features."""


@dataclass(frozen=True)
class LearnedRanker:
    """`adjustment(features)`: what each candidate's relevance moves by (`FEATURES` order)."""

    weights: tuple[float, ...]

    def adjustment(self, features: np.ndarray) -> np.ndarray:
        return np.asarray(features, dtype=np.float64) @ np.asarray(self.weights, dtype=np.float64)

    @classmethod
    def load(cls, path: Path | None = None, *, sha256: str | None = None) -> LearnedRanker:
        """The weights in `path` (default `RANKER_PATH`) if its bytes are the pinned ones (`RANKER_SHA256`).

        Raises:
            RankerUnavailable: the file is missing, its sha256 is not `sha256`, or it names other features.
        """
        path = path or RANKER_PATH
        data = read_pinned(path, sha256 or RANKER_SHA256, what="learned ranker weights",
                           rebuild="benchmarks/fit_ranker.py", error=RankerUnavailable)
        model = json.loads(data)
        if tuple(model.get("features", ())) != FEATURES:
            raise RankerUnavailable(f"{path} is for features {model.get('features')}, search computes {FEATURES}")
        return cls(weights=tuple(float(w) for w in model["weights"]))
