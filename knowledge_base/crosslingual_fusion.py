"""One ranking from two for a question in another language: USE's, and MiniLM's of its translated words.

The two fail on different questions (USE on near topics and facts deep in a chunk, the translated
words where a key word has no good match), so a document both put high is the safest answer. Each
document's fused score is a weighted mean of its calibrated scores in the two rankings (0 where a
ranking did not return it), judged against its own threshold. Chosen by leave-one-help-centre-out
on our four dev help centres (`benchmarks/i18n_fusion.py`).
"""
from __future__ import annotations

from dataclasses import replace

from knowledge_base.results import DocumentHit, Passage

# USE's share of the fused score, and the fused score from which a question counts as answerable.
USE_WEIGHT = 0.5
FUSED_THRESHOLD = 0.4


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
