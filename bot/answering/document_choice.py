"""Which company document the offline answer shows: search's first, or a runner-up whose section answers better.

Search ranks documents by their best chunk, title and keywords; the answer needs one section that
holds the fact. When the first document's best section matches the question's words weakly and a
runner-up's strongly (a first document ranked on its title, a runner-up whose section names what
was asked), the runner-up's section is the better passage.
`strength` puts the documents on one scale: search's calibrated score times `SCORE_WEIGHT`, plus the
chosen section's own score (`SectionAnswer.score`: its best sentences' shared words, heading and kind
of fact), plus `DENSE_WEIGHT` times the document's best chunk similarity to the question. A runner-up
among search's first `DEPTH` company documents is shown when it beats the first by `MARGIN` (None: never).

Only when search found the question answerable: the runner-up keeps the first's calibrated score, so
what is declined does not change. Chosen leave-one-centre-out over the 25 development sets' English
golden questions (`benchmarks/passage_fit.py --grid document`; 23 folds picked 0.5 / 1 / 8, two a
margin of 1): facts said 632 -> 638 of 1113, right document cited first 0.628 -> 0.635, wrong answers
139 -> 134 of 1382, median words shown 107 -> 106 (10 centres gained a fact, 3 lost one). The bot's
whole turn on the same sets: facts said 591 -> 599, wrong answers 134 -> 127 of 1603.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.answering.sections import SectionAnswer
from knowledge_base.results import DocumentHit

MARGIN: float | None = 0.5
SCORE_WEIGHT = 1.0
DENSE_WEIGHT = 8.0
DEPTH = 3  # search's first documents looked at (the first included)


def strength(hit: DocumentHit, section: SectionAnswer) -> float:
    """How well `hit`'s chosen `section` answers, on a scale shared by the documents of one question."""
    meaning = max((p.score for p in hit.passages), default=0.0)  # its best chunk: search returns it first
    return SCORE_WEIGHT * hit.score + section.score + DENSE_WEIGHT * meaning


def runner_up(first: tuple[DocumentHit, SectionAnswer],
              others: Sequence[tuple[DocumentHit, SectionAnswer]]) -> tuple[DocumentHit, SectionAnswer] | None:
    """The runner-up to show instead of `first`, or None (`MARGIN` unset, or none beats it by it)."""
    if MARGIN is None or not others:
        return None
    best = max(others, key=lambda other: strength(*other))
    return best if strength(*best) > strength(*first) + MARGIN else None

