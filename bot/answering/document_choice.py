"""Which company document the offline answer shows: search's first, or a runner-up whose section answers better.

Search ranks documents by their best chunk, title and keywords; the answer needs one section that
holds the fact. When the first document's best section matches the question's words weakly and the
second's strongly (and close in meaning), the second's section is the better passage. `strength` puts
both on one scale: search's calibrated score times `SCORE_WEIGHT`, plus the section's own score
(`SectionAnswer.score`: its best sentences' shared words, heading and kind of fact), plus `DENSE_WEIGHT`
times the best similarity of any of the document's chunks to the question (`DocumentHit.similarities`).
A runner-up is shown when it beats the first by `MARGIN` (None: never). Chosen leave-one-centre-out
over the development sets (`benchmarks/passage_fit.py`).
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.answering.sections import SectionAnswer
from knowledge_base.results import DocumentHit

MARGIN: float | None = None
SCORE_WEIGHT = 1.0
DENSE_WEIGHT = 4.0
DEPTH = 3  # search's first documents looked at (the first included)


def strength(hit: DocumentHit, section: SectionAnswer) -> float:
    """How well `hit`'s chosen `section` answers, on a scale shared by the documents of one question."""
    meaning = max(hit.similarities.values(), default=max((p.score for p in hit.passages), default=0.0))
    return SCORE_WEIGHT * hit.score + section.score + DENSE_WEIGHT * meaning


def runner_up(first: tuple[DocumentHit, SectionAnswer],
              others: Sequence[tuple[DocumentHit, SectionAnswer]]) -> tuple[DocumentHit, SectionAnswer] | None:
    """The runner-up to show instead of `first`, or None (`MARGIN` unset, or none beats it by it)."""
    if MARGIN is None or not others:
        return None
    best = max(others, key=lambda other: strength(*other))
    return best if strength(*best) > strength(*first) + MARGIN else None

