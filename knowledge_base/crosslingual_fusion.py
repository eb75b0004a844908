"""One ranking from two for a question in another language: USE's, and MiniLM's of its translated words.

The two fail on different questions (USE on near topics and facts deep in a chunk, the translated
words where a key word has no good match), so a document both put high is the safest answer. Each
document's fused score is a weighted mean of its calibrated scores in the two rankings (0 where a
ranking did not return it). The two judges agreeing on the first document is itself the strongest
evidence: on our 77 non-English dev questions, where they agreed the first document was right for
42 of 44, where they disagreed for 13 of 33; so agreement is answered from a lower fused score.
The weights and thresholds were chosen by leave-one-help-centre-out on the four dev help centres
(right document answered / wrong or unanswerable answered, summed over the held-out sets: USE alone
at 0.35, 41 / 9; fused at one threshold, 41 / 4; fused with agreement, 44 / 3).
"""
from __future__ import annotations

from dataclasses import replace

from knowledge_base.results import DocumentHit, Passage

# USE's share of the fused score, and the fused score from which a question counts as answerable
# when the two rankings put the same document first, and when they do not.
USE_WEIGHT = 0.5
# Fewest translated words worth a second ranking: one word ("language", "bot") matches a title, not a
# question, and two-word chit-chat in German or Italian was answered with confidence that way.
MIN_WORDS = 2
AGREED_THRESHOLD = 0.28
FUSED_THRESHOLD = 0.45


def fuse(by_meaning: list[DocumentHit], by_words: list[DocumentHit], *, k: int,
         weight: float = USE_WEIGHT) -> list[DocumentHit]:
    """The documents of both rankings by fused score, best first, with both rankings' passages."""
    meaning = {h.document_id: h for h in by_meaning}
    words = {h.document_id: h for h in by_words}
    fused: list[DocumentHit] = []
    for doc_id in dict.fromkeys([*meaning, *words]):
        a, b = meaning.get(doc_id), words.get(doc_id)
        score = weight * (a.score if a else 0.0) + (1.0 - weight) * (b.score if b else 0.0)
        base = a or b
        assert base is not None
        fused.append(replace(base, score=round(score, 6), passages=_passages(a, b),
                             coverage=max(a.coverage if a else 0.0, b.coverage if b else 0.0)))
    fused.sort(key=lambda h: h.score, reverse=True)
    return fused[:k]


def answerable(by_meaning: list[DocumentHit], by_words: list[DocumentHit], fused: list[DocumentHit]) -> bool:
    """Whether the fused first document answers: a lower bar when both rankings put it first."""
    if not fused:
        return False
    agreed = bool(by_meaning and by_words) and by_meaning[0].document_id == by_words[0].document_id
    return fused[0].score >= (AGREED_THRESHOLD if agreed else FUSED_THRESHOLD)


def _passages(a: DocumentHit | None, b: DocumentHit | None) -> list[Passage]:
    """The translated words' passages first (they matched on the base's own words), then USE's."""
    seen: set[str] = set()
    out: list[Passage] = []
    for hit in (b, a):
        for p in hit.passages if hit else []:
            if p.chunk_id not in seen:
                seen.add(p.chunk_id)
                out.append(p)
    return out
