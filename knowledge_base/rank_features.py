"""What the learned ranker adds to each candidate document's hand-tuned relevance, from signals
search already has.

The hand-tuned mix (`ranking.py`) weighs the title cosine and the keyword coverage the same for
every question. A long, chatty question ("our staffie went lame three months after we took out the
policy and the vet says...") is matched by a short title on one or two of its words, so the title
says less and the share of its words a passage holds says more; a short one is the other way
round. A community thread (customers' words, never quoted as the answer) should not come first
where an official article answers about as well. So the features are the title cosine and the
coverage, each scaled by the question's length, whether the document is a community one, and its best
whole-document window cosine (`windows.py`: what runs across sections) scaled by the question's length.
`benchmarks/fit_ranker.py` fits their weights; `learned_ranker.py` applies them.
"""
from __future__ import annotations

import numpy as np

from knowledge_base.lexical import terms

FEATURES = ("title_x_length", "coverage_x_length", "community", "window_x_length")
LENGTH_SATURATES = 12  # distinct content words: longer questions count as fully long


def question_length(text: str) -> float:
    """0..1: the question's distinct content words over `LENGTH_SATURATES`."""
    return min(len(set(terms(text))), LENGTH_SATURATES) / LENGTH_SATURATES


def candidate_features(title: np.ndarray, coverage: np.ndarray, community: np.ndarray, window: np.ndarray,
                       length: float) -> np.ndarray:
    """(candidates, len(FEATURES)) in `FEATURES` order, from per-candidate title cosines, best-chunk
    coverages, community flags (0/1) and best window cosines."""
    # NOTE: the columns written into one float64 table (the values `np.stack(...).astype(np.float64)` gives),
    # without the stack's per-call shape checks and the copy of the cast (~10 us a search).
    table = np.empty((len(title), len(FEATURES)), dtype=np.float64)
    table[:, 0] = title * length
    table[:, 1] = coverage * length
    table[:, 2] = community
    table[:, 3] = window * length
    return table
