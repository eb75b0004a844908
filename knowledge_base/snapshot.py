"""What search keeps in memory for one index generation: documents, chunks, vectors, keywords.

Rebuilt when the index's `generation()` changes (see `Searcher`); the cross-lingual part is added
on the first question that needs it, so a knowledge base whose customers all write in its own
language never loads the second model.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from knowledge_base.coarse_index import CoarseIndex, build_coarse_index
from knowledge_base.crosslingual import cross_lingual_text
from knowledge_base.crosslingual_store import CrossLingualRow
from knowledge_base.lexical import LexicalIndex, normalise
from knowledge_base.query import QueryNormaliser
from knowledge_base.windows import WindowVectors, read_windows

if TYPE_CHECKING:
    from knowledge_base.crosslingual_terms import TermTranslator
    from knowledge_base.index import ChromaIndex, ChunkMatch


@dataclass(frozen=True)
class CrossLingualView:
    """The snapshot's documents in the cross-lingual space, and that space's near-miss level."""

    title_vectors: np.ndarray
    chunk_vectors: np.ndarray | None
    level: float
    terms: TermTranslator | None = None  # the question's words into the base's (`crosslingual_terms.py`)


@dataclass
class Snapshot:
    """What search keeps in memory for one index generation (latest version of each document)."""

    generation: int
    doc_ids: list[str]
    doc_rows: dict[str, int]
    versions: np.ndarray  # int64 per doc
    titles: list[str]
    sources: list[str]
    urls: list[str | None]
    trusts: list[str]  # per document: "official" or "community"
    title_vectors: np.ndarray  # (docs, dim) float32, L2-normalised
    chunk_doc: np.ndarray  # int32 doc row per chunk, non-decreasing (chunks are stored by document)
    doc_starts: np.ndarray  # first chunk row of each doc (for reduceat and passage look-ups)
    chunk_ids: Sequence[str]  # a list when built, computed from the arrays when mapped (`snapshot_files`)
    chunk_texts: Sequence[str]
    chunk_sections: Sequence[str]
    chunk_rows: Mapping[str, int]  # chunk id -> row, to resolve the ids a dense query returns
    lexical: LexicalIndex
    chunk_vectors: np.ndarray | None = None  # (chunks, dim) unit rows, on bases up to IN_MEMORY_BELOW
    chunk_versions: np.ndarray | None = None  # int64 per chunk
    coarse: CoarseIndex | None = None  # dense search of bases above IN_MEMORY_BELOW (`coarse_index.py`)
    title_index: CoarseIndex | None = None  # titles of bases above search.TITLES_EXACT_BELOW documents
    windows: WindowVectors | None = None  # whole-document windows (`windows.py`); None: not stored
    level: float = 0.45
    cross_lingual: CrossLingualView | None = None  # built on the first question that needs it
    cross_lingual_checked: float = -1e9  # monotonic time it was last found incomplete
    normaliser: QueryNormaliser | None = None
    built_in: float = 0.0
    built_at: float = field(default_factory=time.monotonic)

    @property
    def chunks(self) -> int:
        return len(self.chunk_ids)

    def cross_lingual_rows(self) -> list[CrossLingualRow]:
        """Every chunk as the cross-lingual store needs it (to read or fill in its second vector)."""
        versions = self.chunk_versions if self.chunk_versions is not None else np.zeros(self.chunks, np.int64)
        return [CrossLingualRow(id=cid, document_id=self.doc_ids[int(doc)], version=int(version),
                                text=cross_lingual_text(self.titles[int(doc)], section, text))
                for cid, doc, version, section, text in zip(self.chunk_ids, self.chunk_doc, versions,
                                                            self.chunk_sections, self.chunk_texts, strict=False)]


def as_unit_rows(vectors: Sequence[Sequence[float]]) -> np.ndarray:
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[0] == 0:
        return arr.reshape(0, arr.shape[-1] if arr.ndim == 2 else 0)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return arr / np.maximum(norms, 1e-12)


def build_snapshot(index: ChromaIndex, *, generation: int, title_vectors: Callable[[list[str]], np.ndarray],
                   in_memory_below: int, known: Callable[[str], bool]) -> Snapshot:
    """Read every chunk and its vector once, keep the latest version of each document, and index the
    texts for keywords. Vectors are held for exact scoring up to `in_memory_below` chunks, and
    grouped into a coarse index above (Chroma's graph is then never loaded). The near-miss level is
    filled in by the searcher, which owns the ranking."""
    started = time.perf_counter()
    latest: dict[str, ChunkMatch] = {}
    rows: list[ChunkMatch] = []
    vectors: dict[str, Sequence[float]] = {}
    in_memory = index.count() <= in_memory_below
    # NOTE: pages above ~32k rows hit SQLite's bound-variable limit inside embedded Chroma.
    for chunk, vector in index.iter_chunks_with_vectors(page_size=20_000, vectors=True):
        rows.append(chunk)
        if vector is not None:
            vectors[chunk.id] = vector
        seen = latest.get(chunk.document_id)
        if seen is None or chunk.version > seen.version or (
            chunk.version == seen.version and chunk.position < seen.position):
            latest[chunk.document_id] = chunk
    doc_ids = sorted(latest)
    doc_rows = {d: i for i, d in enumerate(doc_ids)}
    kept = [c for c in rows if c.version == latest[c.document_id].version]
    kept.sort(key=lambda c: (doc_rows[c.document_id], c.position))
    titles = [latest[d].title or d for d in doc_ids]
    chunk_doc = np.asarray([doc_rows[c.document_id] for c in kept], dtype=np.int32)
    snap = Snapshot(
        generation=generation,
        doc_ids=doc_ids,
        doc_rows=doc_rows,
        versions=np.asarray([latest[d].version for d in doc_ids], dtype=np.int64),
        titles=titles,
        sources=[latest[d].source for d in doc_ids],
        urls=[latest[d].url for d in doc_ids],
        trusts=[latest[d].trust for d in doc_ids],
        title_vectors=title_vectors(titles),
        chunk_doc=chunk_doc,
        doc_starts=np.searchsorted(chunk_doc, np.arange(len(doc_ids))).astype(np.int64),
        chunk_ids=[c.id for c in kept],
        chunk_texts=[c.text for c in kept],
        chunk_sections=[c.section for c in kept],
        chunk_rows={c.id: row for row, c in enumerate(kept)},
        chunk_versions=np.asarray([c.version for c in kept], dtype=np.int64),
        lexical=LexicalIndex([c.embed_text for c in kept]),
    )
    # NOTE: with no chunks the dense part has nothing to score; Chroma answers the same.
    unit_rows = as_unit_rows([vectors[c.id] for c in kept]) if kept and all(c.id in vectors for c in kept) else None
    if in_memory:
        snap.chunk_vectors = unit_rows
    elif unit_rows is not None:
        snap.coarse = build_coarse_index(unit_rows)
    if index.windows is not None:
        snap.windows = read_windows(index.windows, doc_rows, snap.versions)
    snap.normaliser = QueryNormaliser(snap.lexical.frequencies(), fold=normalise, known=known)
    snap.built_in = time.perf_counter() - started
    return snap
