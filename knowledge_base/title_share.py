"""How much of a document's hand-tuned relevance its title gets: less the more distinct sections it has.

The hand-tuned mix gives the title cosine half the weight. A document of many sections (terms and
conditions of twenty numbered clauses, a long FAQ or handbook) has a title that describes none of them,
so a short single-topic sibling named after the question's subject outranks the document whose clause
answers it ("max weight for a wheelie bin": the new-bins page over the terms whose clause says it). So
the title's weight is `title_weight * sections ** -TITLE_SHRINK`, the rest going to the best chunk; a
one-section document (and every public-set document, a forum answer or an intent) keeps the mix as it was.
Measured left-one-centre-out on the 40 development sets (`benchmarks/section_title_study.py`, docs/DECISIONS.md
"Learned ranker and document windows").
"""
from __future__ import annotations

import numpy as np

from knowledge_base.snapshot import Snapshot

TITLE_SHRINK = 0.25  # exponent on the document's distinct sections


def section_counts(snap: Snapshot) -> np.ndarray:
    """Per snapshot document, its distinct non-empty sections (at least 1); computed once per snapshot."""
    if snap.section_counts is None:
        seen: set[tuple[int, str]] = set()
        counts = np.zeros(len(snap.doc_ids), dtype=np.float64)
        for doc, section in zip(snap.chunk_doc.tolist(), snap.chunk_sections, strict=True):
            if section and (doc, section) not in seen:
                seen.add((doc, section))
        for doc, _section in seen:
            counts[doc] += 1
        snap.section_counts = np.maximum(counts, 1.0)
    return snap.section_counts


def title_weights(snap: Snapshot, rows: np.ndarray, title_weight: float) -> np.ndarray:
    """Per candidate (snapshot rows, -1 for a document newer than the snapshot: full weight), its title's weight."""
    shrink = np.ones(len(rows))
    known = rows >= 0
    shrink[known] = section_counts(snap)[rows[known]] ** -TITLE_SHRINK
    return title_weight * shrink
