"""What a search returns: documents with their best passages and a calibrated score.

`score` is in [0, 1] and means the same from query to query and knowledge base to knowledge base,
so one threshold (`answerable_threshold`) decides whether the knowledge base can answer at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Passage:
    chunk_id: str
    text: str  # the chunk's own text, without the title/section header that was embedded
    section: str  # "Heading > Subheading", "" for a document's preamble
    score: float  # raw similarity of this chunk to the query (cosine, -1..1)


@dataclass(frozen=True)
class DocumentHit:
    document_id: str
    title: str
    source: str  # path relative to the synced folder, or the URL it came from
    url: str | None  # public link for citations, from front matter when given
    score: float  # calibrated, 0..1
    passages: list[Passage] = field(default_factory=list)  # best first


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[DocumentHit]  # best first
    answerable: bool  # top score >= the configured threshold

    @property
    def top_score(self) -> float:
        return self.hits[0].score if self.hits else 0.0
