"""Which company document the offline answer shows: search's first, or a runner-up whose section answers better.

Search ranks documents by their best chunk, title and keywords; the answer needs one section that
holds the fact. Search's first document is often right but its best section weak, while the second
or third document's section names what was asked (on the development sets 14.5% of answerable English
questions had the right document second or third).

Two rules from the reverted first try (sixth session, `docs/DECISIONS.md`):
- Whether to answer at all is decided on the first document, by the checks as they are
  (`Answerer.extract`): a runner-up is only looked at once the first's answer passed them all, and is
  itself shown only when its own section passes the same checks. So nothing declined is answered.
- Documents are compared on a scale that does not depend on their own titles' words: a section's
  score (`SectionAnswer.score`) half-weights the words of its document's title (every sentence of a
  document is about them), which is fair inside one document but not across two ("do gift cards
  expire?" on the gift-card page against a holiday page that mentions gift cards once). `strength`
  reads what the customer would read (title, heading and body shown): the share of the question's
  content words it holds, whether it holds the kind of fact asked for (a time, an amount, a count),
  the document's best chunk similarity and search's calibrated score.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering import answerability
from bot.answering.sections import SectionAnswer
from knowledge_base.results import DocumentHit

MARGIN: float | None = None  # a runner-up is shown when its strength beats the first's by this (None: never)
SHARE_WEIGHT = 1.0
KIND_WEIGHT = 0.5
DENSE_WEIGHT = 1.0
SCORE_WEIGHT = 1.0
DEPTH = 3  # search's first company documents looked at (the first included)


@dataclass(frozen=True)
class Shown:
    """One document's answer: the hit and the section that would be shown from it."""

    hit: DocumentHit
    section: SectionAnswer


def features(question: str, shown: Shown) -> tuple[float, float, float, float]:
    """What `strength` weighs: (share of the question's words, kind of fact held, best chunk similarity, score)."""
    seen = f"{shown.hit.title}\n{shown.section.heading}\n{shown.section.body}"
    share = answerability.question_share(question, seen)
    kind = float(answerability.kind_shown(question, shown.section.body))
    meaning = max((p.score for p in shown.hit.passages), default=0.0)
    return share, kind, meaning, shown.hit.score


def strength(question: str, shown: Shown) -> float:
    """How well `shown` answers `question`, on a scale shared by the documents of one question."""
    share, kind, meaning, score = features(question, shown)
    return SHARE_WEIGHT * share + KIND_WEIGHT * kind + DENSE_WEIGHT * meaning + SCORE_WEIGHT * score


def challengers(question: str, first: Shown, others: Sequence[Shown]) -> list[Shown]:
    """The runner-ups that beat `first` by `MARGIN`, strongest first ([] when `MARGIN` is unset).

    The caller shows the first of them that passes the checks the first document passed.
    """
    if MARGIN is None or not others:
        return []
    bar = strength(question, first) + MARGIN
    scored = [(strength(question, other), i, other) for i, other in enumerate(others)]
    return [other for value, _i, other in sorted(scored, key=lambda s: (-s[0], s[1])) if value > bar]
