"""What a search returns: documents with their best passages and a calibrated score.

`score` is in [0, 1] and means the same from query to query and knowledge base to knowledge base,
so one threshold (`answerable_threshold`) decides whether the knowledge base can answer at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The operator's `answerable_threshold` unless configured (knowledge_base/config.py); also what a result
# says it was decided against when built without one.
DEFAULT_ANSWERABLE_THRESHOLD = 0.5


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
    # The idf-weighted share of the question's content words that the document's best passage holds
    # (0..1): whether what was found covers what was asked, beside how close it is in meaning.
    coverage: float = 0.0
    trust: str = "official"  # "community": customers' words, never quoted as the company's answer


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[DocumentHit]  # best first
    answerable: bool  # top score >= the threshold of the path taken
    language: str = ""  # ISO 639-1 code the question was detected in ("" when not detected)
    # True when the question was not in the knowledge base's language and was matched with the
    # cross-lingual embedder: the passages are in the knowledge base's language, not the customer's.
    cross_lingual: bool = False
    # On that path, the question's key words in the knowledge base's own words ("" when none were
    # found): searched like a question in its language and fused with the cross-lingual ranking.
    translated: str = ""
    # The score `answerable` was decided against (the operator's `answerable_threshold`, or the
    # cross-lingual path's): rules that look below it (near misses) stay relative to what was configured.
    threshold: float = DEFAULT_ANSWERABLE_THRESHOLD

    @property
    def top_score(self) -> float:
        return self.hits[0].score if self.hits else 0.0
