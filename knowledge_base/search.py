"""Search: rank documents by chunk, title and keyword evidence; return a calibrated, comparable score.

A document's raw relevance to a question is
    (1 - TITLE_WEIGHT) * best chunk cosine + TITLE_WEIGHT * title cosine + COVERAGE_WEIGHT * coverage
where the chunk cosines come from an exact product with the chunk vectors held in memory (bases up
to IN_MEMORY_BELOW chunks) or from Chroma's HNSW index (bigger ones), the title vectors and the
keyword coverage (share of the question's idf-weighted content words found in the document's best
chunk) from the same in-memory snapshot, rebuilt when the index's `generation()` changes. The calibrated score compares
the best raw relevance with the knowledge base's near-miss level (see `calibration.py`).
Weights were chosen by measurement (see the report of issue 2): titles alone lift recall@1 the
most, keyword coverage helps short, informal questions.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from knowledge_base.calibration import DEFAULT_CALIBRATION, OFF_DOMAIN_ANCHORS, Calibration
from knowledge_base.lexical import LexicalIndex
from knowledge_base.results import DocumentHit, Passage, SearchResult

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.index import ChromaIndex, ChunkMatch

log = logging.getLogger(__name__)

TITLE_WEIGHT = 0.5
COVERAGE_WEIGHT = 0.2
EXACT_BELOW = 256  # chunks: below this every chunk is scored exactly (one Chroma query for all)
DENSE_K = 32  # chunks fetched from HNSW per query on larger bases (at least 8 per requested doc)
EXTRA_CANDIDATES = 16  # documents added to the pool from the title and keyword signals each
PASSAGES_PER_DOC = 3
NEAR_MISS_SAMPLE = 64  # documents whose titles probe the near-miss level
# Up to this many chunks the snapshot also holds their vectors (1.5 KB each) and dense scoring is
# one exact matrix product in memory: ~0.1 ms at 1,000 chunks, ~1 ms at 20,000, against ~1 ms
# per Chroma query plus its locking under concurrent turns. Bigger bases use Chroma's HNSW.
IN_MEMORY_BELOW = 20_000


@dataclass
class _Snapshot:
    """What search keeps in memory for one index generation (latest version of each document)."""

    generation: int
    doc_ids: list[str]
    doc_rows: dict[str, int]
    versions: np.ndarray  # int64 per doc
    titles: list[str]
    sources: list[str]
    urls: list[str | None]
    title_vectors: np.ndarray  # (docs, dim) float32, L2-normalised
    chunk_doc: np.ndarray  # int32 doc row per chunk, non-decreasing (chunks are stored by document)
    doc_starts: np.ndarray  # first chunk row of each doc (for reduceat and passage look-ups)
    chunk_ids: list[str]
    chunk_texts: list[str]
    chunk_sections: list[str]
    chunk_rows: dict[str, int]  # chunk id -> row, to resolve the ids a dense query returns
    lexical: LexicalIndex
    chunk_vectors: np.ndarray | None = None  # (chunks, dim) unit rows, on bases up to IN_MEMORY_BELOW
    level: float = 0.45
    built_in: float = 0.0
    built_at: float = field(default_factory=time.monotonic)

    @property
    def chunks(self) -> int:
        return len(self.chunk_ids)


@dataclass(frozen=True, slots=True)
class _Match:
    """A dense hit with what ranking, grouping and quoting need (no full chunk metadata)."""

    id: str
    document_id: str
    version: int
    text: str
    section: str
    similarity: float
    title: str = ""
    source: str = ""
    url: str | None = None

    @classmethod
    def of(cls, chunk: ChunkMatch, similarity: float) -> _Match:
        return cls(id=chunk.id, document_id=chunk.document_id, version=chunk.version, text=chunk.text,
                   section=chunk.section, similarity=similarity, title=chunk.title, source=chunk.source, url=chunk.url)


@dataclass
class _Candidate:
    row: int  # doc row in the snapshot, -1 for a document newer than the snapshot
    document_id: str
    chunk: float
    title: float
    coverage: float
    matches: list[_Match]
    raw: float = 0.0
    agree: float = 0.0  # 1 when this document is both the dense and the keyword top-1
    best_chunk: int = -1  # snapshot chunk row to show when no dense match of this document came back


def _as_unit_rows(vectors: Sequence[Sequence[float]]) -> np.ndarray:
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[0] == 0:
        return arr.reshape(0, arr.shape[-1] if arr.ndim == 2 else 0)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return arr / np.maximum(norms, 1e-12)


def _cosines(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """`rows @ vector` on the calling thread only.

    NOTE: numpy's `@` hands a big matrix-vector product to OpenBLAS's own threads, which fight
    onnxruntime's and the other request threads for two cores: 2-8 ms at 10,000 x 384 in a busy
    server against 0.7 ms for einsum's single-threaded loop.
    """
    return np.einsum("ij,j->i", rows, vector)


def _nearest_in_memory(vectors: np.ndarray, ids: list[str], query: np.ndarray, k: int) -> list[tuple[str, float]]:
    """The `k` best (chunk id, cosine) by one exact matrix product, best first (as `ChromaIndex.nearest`)."""
    sims = _cosines(vectors, query)
    k = min(k, len(sims))
    top = np.argpartition(-sims, k - 1)[:k] if k < len(sims) else np.arange(len(sims))
    top = top[np.argsort(-sims[top], kind="stable")]
    return [(ids[int(i)], float(sims[i])) for i in top]


class Searcher:
    """Answers `search(query)` over one `ChromaIndex`; safe to share between threads."""

    def __init__(self, *, index: ChromaIndex, embedder: Embeddings, settings: KnowledgeBaseSettings,
                 calibration: Calibration | None = None, in_memory_below: int = IN_MEMORY_BELOW) -> None:
        self.index = index
        self.in_memory_below = in_memory_below
        self.embedder = embedder
        self.settings = settings
        self.calibration = calibration or DEFAULT_CALIBRATION
        self._snapshot: _Snapshot | None = None
        self._build_lock = threading.Lock()
        self._title_cache: dict[str, np.ndarray] = {}
        self._anchors: np.ndarray | None = None

    # -- public --------------------------------------------------------------------------------
    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        """The best documents for `query`, each with its best passages and a calibrated score."""
        k = k or self.settings.top_k
        if not query.strip():
            return SearchResult(query=query, hits=[], answerable=False)
        snapshot = self._current_snapshot()
        if snapshot.chunks == 0:
            return SearchResult(query=query, hits=[], answerable=False)
        vector = self._embed_query(query)
        ranked = self._rank(snapshot, vector, query, k=k)
        hits = [self._hit(snapshot, cand, self._margin(snapshot, ranked, i)) for i, cand in enumerate(ranked[:k])]
        answerable = bool(hits) and hits[0].score >= self.settings.answerable_threshold
        return SearchResult(query=query, hits=hits, answerable=answerable)

    def refresh(self) -> None:
        """Rebuild the in-memory snapshot and load the model now (at start-up, or right after a sync),
        so the first question does not pay for either."""
        self._current_snapshot(force=True)
        self._embed_query("warm up")

    @property
    def near_miss_level(self) -> float:
        return self._current_snapshot().level

    def raw_relevance(self, query: str, *, k: int = 5) -> list[tuple[str, float]]:
        """(document id, uncalibrated relevance) best first: for fitting and studying the calibration."""
        return [(c["document_id"], c["raw"]) for c in self.explain(query, k=k)]

    def explain(self, query: str, *, k: int = 5) -> list[dict[str, float | str]]:
        """The signals behind the ranking of the top `k` documents (for studies and debugging)."""
        snapshot = self._current_snapshot()
        if snapshot.chunks == 0 or not query.strip():
            return []
        vector = self._embed_query(query)
        ranked = self._rank(snapshot, vector, query, k=k)
        unknown = snapshot.lexical.unknown_share(query)
        anchor = self._anchor_similarity(vector)
        fifth = ranked[min(4, len(ranked) - 1)].raw if ranked else 0.0
        # The question's own background: how well the runners-up (ranks 2-10) match it on average.
        background = float(np.mean([c.raw for c in ranked[1:10]])) if len(ranked) > 1 else snapshot.level
        return [{"document_id": c.document_id, "raw": c.raw, "chunk": c.chunk, "title": c.title,
                 "coverage": c.coverage, "level": snapshot.level, "margin": self._margin(snapshot, ranked, i),
                 "unknown": unknown, "anchor": anchor, "agree": c.agree, "rank5": fifth, "background": background}
                for i, c in enumerate(ranked[:k])]

    def _anchor_similarity(self, vector: np.ndarray) -> float:
        """The query's best cosine with generic off-domain sentences (chit-chat, weather, trivia)."""
        anchors = self._anchors
        if anchors is None:
            anchors = self._anchors = _as_unit_rows(self.embedder.embed_documents(list(OFF_DOMAIN_ANCHORS)))
        return float((anchors @ vector).max()) if len(anchors) else 0.0

    # -- ranking -------------------------------------------------------------------------------
    def _embed_query(self, text: str) -> np.ndarray:
        embed_array = getattr(self.embedder, "embed_array", None)
        if embed_array is not None:
            vec = np.asarray(embed_array([text])[0], dtype=np.float32)
        else:
            vec = np.asarray(self.embedder.embed_query(text), dtype=np.float32)
        return vec / max(float(np.linalg.norm(vec)), 1e-12)

    def _rank(self, snap: _Snapshot, vector: np.ndarray, text: str, *, k: int,
              exclude: str | None = None) -> list[_Candidate]:
        """Candidates from the three signals, scored and sorted best first."""
        n_dense = snap.chunks if snap.chunks <= EXACT_BELOW else max(DENSE_K, 8 * k)
        # A snapshot behind the index (a rebuild is pending or rate-limited mid-sync) lets Chroma
        # score, so what was just written is found at once.
        if snap.chunk_vectors is not None and snap.generation == self.index.generation(max_age_s=0.5):
            nearest = _nearest_in_memory(snap.chunk_vectors, snap.chunk_ids, vector, n_dense)
        else:
            nearest = self.index.nearest(vector.tolist(), n_dense)
        matches = self._resolve(snap, nearest)
        # Keep only the newest version of each document seen (a sync may be mid-way).
        newest: dict[str, int] = {}
        for m in matches:
            if m.version > newest.get(m.document_id, -1):
                newest[m.document_id] = m.version
        for doc_id, row in ((d, snap.doc_rows.get(d)) for d in list(newest)):
            if row is not None and int(snap.versions[row]) > newest[doc_id]:
                newest[doc_id] = int(snap.versions[row])
        by_doc: dict[str, list[_Match]] = {}
        for m in matches:
            if m.version == newest[m.document_id] and m.document_id != exclude:
                by_doc.setdefault(m.document_id, []).append(m)
        exact = snap.chunks <= EXACT_BELOW and len(matches) >= snap.chunks
        floor = min((m.similarity for m in matches), default=0.0) if not exact else -1.0

        title_sims = _cosines(snap.title_vectors, vector) if len(snap.doc_ids) else np.zeros(0, np.float32)
        chunk_cov = snap.lexical.coverage(text)
        # Chunks are grouped by document, so a segmented max gives each document's best chunk.
        doc_cov = np.maximum.reduceat(chunk_cov, snap.doc_starts) if len(snap.doc_ids) else chunk_cov[:0]

        pool: dict[str, int] = {d: snap.doc_rows.get(d, -1) for d in by_doc}
        for signal in (title_sims, doc_cov):
            if signal.size:
                top = np.argpartition(-signal, min(EXTRA_CANDIDATES, signal.size - 1))[:EXTRA_CANDIDATES]
                for row in top:
                    pool.setdefault(snap.doc_ids[int(row)], int(row))
        pool.pop(exclude, None) if exclude is not None else None

        candidates: list[_Candidate] = []
        for doc_id, row in pool.items():
            found = by_doc.get(doc_id, [])
            chunk = max((m.similarity for m in found), default=floor)
            if row >= 0:
                title, cov = float(title_sims[row]), float(doc_cov[row])
            else:  # newer than the snapshot: only its chunks are known
                title, cov = chunk, 0.0
            cand = _Candidate(row=row, document_id=doc_id, chunk=chunk, title=title, coverage=cov, matches=found)
            if not found and row >= 0:  # found by title or keywords only: show its best keyword chunk
                start = int(snap.doc_starts[row])
                end = int(snap.doc_starts[row + 1]) if row + 1 < len(snap.doc_starts) else snap.chunks
                cand.best_chunk = start + int(np.argmax(chunk_cov[start:end]))
            cand.raw = (1.0 - TITLE_WEIGHT) * chunk + TITLE_WEIGHT * title + COVERAGE_WEIGHT * cov
            candidates.append(cand)
        candidates.sort(key=lambda c: c.raw, reverse=True)
        if matches and doc_cov.size:
            dense_top = max((m for m in matches if m.document_id in by_doc), key=lambda m: m.similarity,
                            default=None)
            lexical_top = snap.doc_ids[int(np.argmax(doc_cov))] if float(doc_cov.max()) > 0 else None
            for cand in candidates:
                if dense_top is not None and cand.document_id == dense_top.document_id == lexical_top:
                    cand.agree = 1.0
        return candidates

    def _resolve(self, snap: _Snapshot, nearest: list[tuple[str, float]]) -> list[_Match]:
        """Dense hits from the snapshot; chunks written after it was built are read from the index."""
        found: list[_Match] = []
        unseen: dict[str, float] = {}
        for chunk_id, similarity in nearest:
            row = snap.chunk_rows.get(chunk_id)
            if row is None:
                unseen[chunk_id] = similarity
                continue
            doc = int(snap.chunk_doc[row])
            found.append(_Match(id=chunk_id, document_id=snap.doc_ids[doc], version=int(snap.versions[doc]),
                                text=snap.chunk_texts[row], section=snap.chunk_sections[row], similarity=similarity))
        # NOTE: an id deleted between the query and this read is simply left out; its replacement
        # version was written before the delete, so it is either in the snapshot or read here too.
        found += [_Match.of(chunk, unseen[chunk.id]) for chunk in self.index.chunks(list(unseen))]
        found.sort(key=lambda m: m.similarity, reverse=True)
        return found

    @staticmethod
    def _margin(snap: _Snapshot, ranked: list[_Candidate], i: int) -> float:
        """How far this document is above the best other one (negative below the first)."""
        if i > 0:
            return ranked[i].raw - ranked[0].raw
        if len(ranked) > 1:
            return ranked[0].raw - ranked[1].raw
        return ranked[0].raw - snap.level  # a one-document base: compare with the near-miss level

    def _hit(self, snap: _Snapshot, cand: _Candidate, margin: float) -> DocumentHit:
        passages = [
            Passage(chunk_id=m.id, text=m.text, section=m.section, score=float(m.similarity))
            for m in sorted(cand.matches, key=lambda m: m.similarity, reverse=True)[:PASSAGES_PER_DOC]
        ]
        if not passages and cand.best_chunk >= 0:
            best = cand.best_chunk
            passages = [Passage(chunk_id=snap.chunk_ids[best], text=snap.chunk_texts[best],
                                section=snap.chunk_sections[best], score=float(cand.chunk))]
        if cand.row >= 0:
            title, source, url = snap.titles[cand.row], snap.sources[cand.row], snap.urls[cand.row]
        else:
            first = cand.matches[0]
            title, source, url = first.title, first.source, first.url
        score = self.calibration.score(cand.raw, snap.level, margin)
        return DocumentHit(document_id=cand.document_id, title=title, source=source, url=url,
                           score=round(score, 6), passages=passages)

    # -- snapshot ------------------------------------------------------------------------------
    def _current_snapshot(self, *, force: bool = False) -> _Snapshot:
        """The snapshot for the index's current generation, rebuilt when a write happened.

        During a long sync every write bumps the generation; a big base is then rebuilt at most
        once per two build durations, and never while another thread is rebuilding it (the dense
        part stays live meanwhile).
        """
        snap = self._snapshot
        # NOTE: a collection-metadata read costs ~2 ms; other processes' writes may show 0.5 s late.
        generation = self.index.generation(max_age_s=0 if force else 0.5)
        if snap is not None and not force and snap.generation == generation:
            return snap
        if snap is not None and not force and time.monotonic() - snap.built_at < 2 * snap.built_in:
            return snap
        # While another thread rebuilds, searches keep using the old snapshot instead of waiting.
        if not self._build_lock.acquire(blocking=snap is None or force):
            return snap  # type: ignore[return-value]  # only non-blocking when a snapshot exists
        try:
            snap = self._snapshot
            if snap is not None and not force and snap.generation == generation:
                return snap
            self._snapshot = self._build(generation)
            return self._snapshot
        finally:
            self._build_lock.release()

    def _build(self, generation: int) -> _Snapshot:
        started = time.perf_counter()
        latest: dict[str, ChunkMatch] = {}
        rows: list[ChunkMatch] = []
        vectors: dict[str, Sequence[float]] = {}
        with_vectors = self.index.count() <= self.in_memory_below
        # NOTE: pages above ~32k rows hit SQLite's bound-variable limit inside embedded Chroma.
        for chunk, vector in self.index.iter_chunks_with_vectors(page_size=20_000, vectors=with_vectors):
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
        snap = _Snapshot(
            generation=generation,
            doc_ids=doc_ids,
            doc_rows=doc_rows,
            versions=np.asarray([latest[d].version for d in doc_ids], dtype=np.int64),
            titles=titles,
            sources=[latest[d].source for d in doc_ids],
            urls=[latest[d].url for d in doc_ids],
            title_vectors=self._title_vectors(titles),
            chunk_doc=chunk_doc,
            doc_starts=np.searchsorted(chunk_doc, np.arange(len(doc_ids))).astype(np.int64),
            chunk_ids=[c.id for c in kept],
            chunk_texts=[c.text for c in kept],
            chunk_sections=[c.section for c in kept],
            chunk_rows={c.id: row for row, c in enumerate(kept)},
            lexical=LexicalIndex([c.embed_text for c in kept]),
            # NOTE: with no chunks the dense part has nothing to score; Chroma answers the same.
            chunk_vectors=_as_unit_rows([vectors[c.id] for c in kept]) if with_vectors and kept else None,
        )
        snap.level = self._near_miss_level(snap)
        snap.built_in = time.perf_counter() - started
        snap.built_at = time.monotonic()
        log.debug("search snapshot: %d documents, %d chunks, near-miss level %.3f, built in %.2fs",
                  len(doc_ids), len(kept), snap.level, snap.built_in)
        return snap

    def _title_vectors(self, titles: list[str]) -> np.ndarray:
        """Title embeddings, cached by text across rebuilds so a sync re-embeds only new titles."""
        missing = sorted({t for t in titles if t not in self._title_cache})
        if missing:
            for text, vec in zip(missing, _as_unit_rows(self.embedder.embed_documents(missing))):
                self._title_cache[text] = vec
        if not titles:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._title_cache[t] for t in titles]).astype(np.float32)

    def _near_miss_level(self, snap: _Snapshot) -> float:
        """Median raw relevance of a document's title to the best *other* document (leave-one-out)."""
        n = len(snap.doc_ids)
        if n < 2:
            return self.calibration.level([])
        picks = np.unique(np.linspace(0, n - 1, num=min(n, NEAR_MISS_SAMPLE)).round().astype(int))
        near: list[float] = []
        for row in picks:
            ranked = self._rank(snap, snap.title_vectors[row], snap.titles[row], k=1, exclude=snap.doc_ids[row])
            if ranked:
                near.append(ranked[0].raw)
        return self.calibration.level(near)
