"""Rank documents for one query vector: the signals (dense chunk, title, keyword coverage) and their mix.

A document's raw relevance is
    (1 - TITLE_WEIGHT) * best chunk cosine + TITLE_WEIGHT * title cosine + COVERAGE_WEIGHT * coverage
    + the learned ranker's adjustment (default space only; `learned_ranker.py`, `rank_features.py`)
where coverage is the share of the question's idf-weighted content words in the document's best
chunk. Measured against the alternatives on every knowledge base we have (`benchmarks/kb_answerability.py`
and the README): reciprocal rank fusion of the same signals, BM25 instead of coverage, separate
heading vectors and paragraph-level vectors either lost recall@1 on the public sets or won less than
the noise of our help centres, so this tuned mix stays.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from knowledge_base.coarse_index import CoarseIndex
from knowledge_base.rank_features import candidate_features, question_length
from knowledge_base.snapshot import Snapshot

if TYPE_CHECKING:
    from knowledge_base.index import ChromaIndex, ChunkMatch
    from knowledge_base.learned_ranker import LearnedRanker

TITLE_WEIGHT = 0.5
COVERAGE_WEIGHT = 0.2
EXACT_BELOW = 256  # chunks: below this every chunk is scored exactly
DENSE_K = 32  # chunks fetched from HNSW per query on larger bases (at least 8 per requested doc)
EXTRA_CANDIDATES = 16  # documents added to the pool from the title and keyword signals each
# A document's best dense chunks kept as its matches: search shows these as its passages
# (`search.PASSAGES_PER_DOC` is this number) and ranks by its best chunk, so more were records built for nothing.
MATCHES_PER_DOC = 3


@dataclass(frozen=True)
class Space:
    """One embedding space to rank in: the default embedder's or the cross-lingual one."""

    title_vectors: np.ndarray  # (docs, dim) unit rows
    chunk_vectors: np.ndarray | None  # (chunks, dim) unit rows held in memory, None on big bases
    nearest: Callable[[np.ndarray, int], list[tuple[str, float]]]  # (chunk id, cosine) best first, from Chroma
    fresh: bool  # the snapshot is the index's current generation: its in-memory vectors may be used
    title_weight: float = TITLE_WEIGHT  # the cross-lingual space weighs titles differently (see search.py)
    # A big base's titles grouped like its chunks (`coarse_index.py`): the best titles come from a few
    # lists and only the candidates' rows are read, instead of a cosine with every title per query.
    title_index: CoarseIndex | None = None
    ranker: LearnedRanker | None = None  # fitted on English questions in the default space only


class Match(NamedTuple):
    """A dense hit with what ranking, grouping and quoting need (no full chunk metadata).

    A named tuple, not a frozen dataclass: search builds one per kept dense chunk on every query, and a
    frozen dataclass's `__init__` (one `object.__setattr__` a field) cost ~1.3 us against ~0.3 us.
    """

    id: str
    document_id: str
    version: int
    text: str
    section: str
    similarity: float
    title: str = ""
    source: str = ""
    url: str | None = None
    trust: str = "official"

    @classmethod
    def of(cls, chunk: ChunkMatch, similarity: float) -> Match:
        return cls(id=chunk.id, document_id=chunk.document_id, version=chunk.version, text=chunk.text,
                   section=chunk.section, similarity=similarity, title=chunk.title, source=chunk.source, url=chunk.url,
                   trust=chunk.trust)


@dataclass
class Candidate:
    row: int  # doc row in the snapshot, -1 for a document newer than the snapshot
    document_id: str
    chunk: float
    title: float
    coverage: float
    matches: list[Match]
    raw: float = 0.0
    agree: float = 0.0  # 1 when this document is both the dense and the keyword top-1
    best_chunk: int = -1  # snapshot chunk row to show when no dense match of this document came back
    base: float = 0.0  # the hand-tuned mix alone (`raw` adds the learned ranker's adjustment)
    features: np.ndarray | None = None  # `rank_features.FEATURES`, when the space has a learned ranker


def cosines(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """`rows @ vector` on the calling thread only.

    NOTE: numpy's `@` hands a big matrix-vector product to OpenBLAS's own threads, which fight
    onnxruntime's and the other request threads for two cores: 2-8 ms at 10,000 x 384 in a busy
    server against 0.7 ms for einsum's single-threaded loop.
    """
    return np.einsum("ij,j->i", rows, vector)


def nearest_in_memory(vectors: np.ndarray, ids: Sequence[str], query: np.ndarray, k: int) -> list[tuple[str, float]]:
    """The `k` best (chunk id, cosine) by one exact matrix product, best first (as `ChromaIndex.nearest`)."""
    sims = cosines(vectors, query)
    return [(ids[int(i)], float(sims[i])) for i in _best_rows(sims, k)]


def _best_rows(sims: np.ndarray, k: int) -> np.ndarray:
    """Rows of the `k` highest `sims`, best first (ties in row order)."""
    k = min(k, len(sims))
    top = np.argpartition(-sims, k - 1)[:k] if k < len(sims) else np.arange(len(sims))
    return top[np.argsort(-sims[top], kind="stable")]


def rank(index: ChromaIndex, snap: Snapshot, space: Space, vector: np.ndarray, text: str, *, k: int,
         exclude: str | None = None) -> list[Candidate]:
    """Candidates from the three signals, scored and sorted best first."""
    n_dense = snap.chunks if snap.chunks <= EXACT_BELOW else max(DENSE_K, 8 * k)
    # A snapshot behind the index (a rebuild is pending or rate-limited mid-sync) lets Chroma
    # score, so what was just written is found at once.
    if space.chunk_vectors is not None and space.fresh:
        matches, seen, lowest = _in_memory(snap, cosines(space.chunk_vectors, vector), n_dense)
    else:
        matches, seen, lowest = _resolve(index, snap, space.nearest(vector, n_dense))
    # Keep only the newest version of each document seen (a sync may be mid-way).
    newest: dict[str, int] = {}
    for m in matches:
        if m.version > newest.get(m.document_id, -1):
            newest[m.document_id] = m.version
    for doc_id, row in ((d, snap.doc_rows.get(d)) for d in list(newest)):
        if row is not None and int(snap.versions[row]) > newest[doc_id]:
            newest[doc_id] = int(snap.versions[row])
    by_doc: dict[str, list[Match]] = {}
    for m in matches:
        if m.version == newest[m.document_id] and m.document_id != exclude:
            by_doc.setdefault(m.document_id, []).append(m)
    exact = snap.chunks <= EXACT_BELOW and seen >= snap.chunks
    floor = lowest if not exact else -1.0

    chunk_cov = snap.lexical.coverage(text)
    # Chunks are grouped by document, so a segmented max gives each document's best chunk.
    doc_cov = np.maximum.reduceat(chunk_cov, snap.doc_starts) if len(snap.doc_ids) else chunk_cov[:0]

    pool: dict[str, int] = {d: snap.doc_rows.get(d, -1) for d in by_doc}
    if space.title_index is not None:
        for row, _sim in space.title_index.nearest(vector, EXTRA_CANDIDATES):
            pool.setdefault(snap.doc_ids[row], row)
        signals = [doc_cov]
    else:
        title_sims = cosines(space.title_vectors, vector) if len(snap.doc_ids) else np.zeros(0, np.float32)
        signals = [title_sims, doc_cov]
    for signal in signals:
        if signal.size:
            top = np.argpartition(-signal, min(EXTRA_CANDIDATES, signal.size - 1))[:EXTRA_CANDIDATES]
            for row in top:
                pool.setdefault(snap.doc_ids[int(row)], int(row))
    pool.pop(exclude, None) if exclude is not None else None
    if space.title_index is not None:  # the exact cosines of the pool's titles only
        rows = sorted({row for row in pool.values() if row >= 0})
        title_sims = np.zeros(len(snap.doc_ids), np.float32)
        if rows:
            title_sims[rows] = cosines(np.asarray(space.title_index.exact[rows], dtype=np.float32), vector)

    candidates, mixed = _candidates(snap, space, pool, by_doc, floor, title_sims, doc_cov, chunk_cov)
    if space.ranker is not None and candidates:
        _learned(space.ranker, snap, candidates, mixed, text, vector)
    candidates.sort(key=lambda c: c.raw, reverse=True)
    if matches and doc_cov.size:
        dense_top = max((m for m in matches if m.document_id in by_doc), key=lambda m: m.similarity,
                        default=None)
        lexical_top = snap.doc_ids[int(np.argmax(doc_cov))] if float(doc_cov.max()) > 0 else None
        for cand in candidates:
            if dense_top is not None and cand.document_id == dense_top.document_id == lexical_top:
                cand.agree = 1.0
    return candidates


@dataclass(frozen=True)
class _Signals:
    """The pool's signals as arrays, one entry per candidate in pool order (for the mix and the ranker)."""

    rows: np.ndarray  # doc row in the snapshot, -1 for a document newer than the snapshot
    chunk: np.ndarray
    title: np.ndarray
    coverage: np.ndarray


def _candidates(snap: Snapshot, space: Space, pool: dict[str, int], by_doc: dict[str, list[Match]], floor: float,
                title_sims: np.ndarray, doc_cov: np.ndarray, chunk_cov: np.ndarray,
                ) -> tuple[list[Candidate], _Signals]:
    """The pool's documents as candidates in pool order, with the hand-tuned mix of their signals.

    The signals are gathered and mixed as arrays (one numpy call per signal, not a few per document);
    float64 element-wise arithmetic rounds as Python's floats do, so the mix is the same number.
    """
    docs = list(pool)
    rows = np.fromiter(pool.values(), dtype=np.int64, count=len(docs))
    found = [by_doc.get(d, []) for d in docs]
    chunk = np.fromiter((max((m.similarity for m in f), default=floor) for f in found), dtype=np.float64,
                        count=len(docs))
    known = rows >= 0
    title, cov = chunk.copy(), np.zeros(len(docs))  # newer than the snapshot: only its chunks are known
    title[known] = title_sims[rows[known]]
    cov[known] = doc_cov[rows[known]]
    base = (1.0 - space.title_weight) * chunk + space.title_weight * title + COVERAGE_WEIGHT * cov
    candidates = [Candidate(row=r, document_id=d, chunk=c, title=t, coverage=v, matches=f, raw=b, base=b)
                  for r, d, c, t, v, f, b in zip(rows.tolist(), docs, chunk.tolist(), title.tolist(), cov.tolist(),
                                                 found, base.tolist(), strict=True)]
    for cand in candidates:
        if not cand.matches and cand.row >= 0:  # found by title or keywords only: show its best keyword chunk
            start = int(snap.doc_starts[cand.row])
            end = int(snap.doc_starts[cand.row + 1]) if cand.row + 1 < len(snap.doc_starts) else snap.chunks
            cand.best_chunk = start + int(chunk_cov[start:end].argmax())
    return candidates, _Signals(rows=rows, chunk=chunk, title=title, coverage=cov)


def _learned(ranker: LearnedRanker, snap: Snapshot, candidates: list[Candidate], signals: _Signals, text: str,
             vector: np.ndarray) -> None:
    """Add the learned ranker's adjustment to each candidate's raw relevance (features kept for fitting)."""
    community = np.fromiter(((snap.trusts[c.row] if c.row >= 0 else c.matches[0].trust) == "community"
                             for c in candidates), dtype=np.float64, count=len(candidates))
    chunk = signals.chunk
    window = chunk.copy()  # no windows (an index from before them, a document newer than the snapshot): its best chunk
    if snap.windows is not None:
        known = np.flatnonzero(signals.rows >= 0)
        best = snap.windows.best(signals.rows[known], vector)
        window[known] = np.where(np.isnan(best), chunk[known], best)
    table = candidate_features(signals.title, signals.coverage, community, window, question_length(text))
    for cand, features, delta in zip(candidates, table, ranker.adjustment(table).tolist(), strict=True):
        cand.features = features
        cand.raw = cand.base + delta


def _in_memory(snap: Snapshot, sims: np.ndarray, k: int) -> tuple[list[Match], int, float]:
    """The `k` best snapshot chunks by `sims` as matches, at most `MATCHES_PER_DOC` a document, best
    first; with how many chunks were looked at and the lowest similarity among them (as `_resolve`)."""
    rows = _best_rows(sims, k)
    if not len(rows):
        return [], 0, 0.0
    # NOTE: k is small (at most max(DENSE_K, 8 * k) or EXACT_BELOW rows), so counting per document in a
    # loop costs less than numpy's grouping calls; the rows stay best first either way.
    found = []
    per_doc: dict[int, int] = {}
    for row, doc, similarity in zip(rows.tolist(), snap.chunk_doc[rows].tolist(), sims[rows].tolist(), strict=True):
        kept = per_doc.get(doc, 0)
        if kept >= MATCHES_PER_DOC:
            continue
        per_doc[doc] = kept + 1
        found.append(Match(snap.chunk_ids[row], snap.doc_ids[doc], int(snap.versions[doc]), snap.chunk_texts[row],
                           snap.chunk_sections[row], similarity))
    return found, len(rows), float(sims[rows[-1]])


def _resolve(index: ChromaIndex, snap: Snapshot, nearest: list[tuple[str, float]]) -> tuple[list[Match], int, float]:
    """Dense hits from the snapshot, at most `MATCHES_PER_DOC` a document; chunks written after it was
    built are read from the index. Also how many hits there were, and the lowest similarity among them."""
    found: list[Match] = []
    unseen: dict[str, float] = {}
    per_doc: dict[int, int] = {}
    similarities: list[float] = []  # of every hit resolved, kept or not
    for chunk_id, similarity in nearest:
        row = snap.chunk_rows.get(chunk_id)
        if row is None:
            unseen[chunk_id] = similarity
            continue
        similarities.append(similarity)
        doc = int(snap.chunk_doc[row])
        kept = per_doc.get(doc, 0)
        if kept >= MATCHES_PER_DOC:
            continue
        per_doc[doc] = kept + 1
        found.append(Match(id=chunk_id, document_id=snap.doc_ids[doc], version=int(snap.versions[doc]),
                           text=snap.chunk_texts[row], section=snap.chunk_sections[row], similarity=similarity))
    # NOTE: an id deleted between the query and this read is simply left out; its replacement
    # version was written before the delete, so it is either in the snapshot or read here too.
    read = [Match.of(chunk, unseen[chunk.id]) for chunk in index.chunks(list(unseen))]
    similarities += [m.similarity for m in read]
    found += read
    found.sort(key=lambda m: m.similarity, reverse=True)
    return found, len(similarities), min(similarities, default=0.0)


def margin(ranked: list[Candidate], i: int, level: float) -> float:
    """How far this document is above the best other one (negative below the first), in the ranking
    that ordered them (the learned ranker's where the space has one).

    The first document's margin is its lead in that ranking. It used to be the hand-tuned mix's
    margin, floored at 0 where the learned ranker had overturned the hand-tuned first document: a
    document the ranker put right first then scored below the one it overturned and was declined
    (refitted on 19 centres, 28 of its 29 newly right first questions). The learned lead separates
    answerable questions from unanswerable ones better than the hand-tuned one on all 22 development
    centres (`benchmarks/overturn_margin.py`: right first vs unanswerable AUROC 0.740 -> 0.779 with
    the shipped ranker; with as many unanswerable questions scored over 0.5, 63 of 233, right first
    ones over it 469 -> 507 of 788 and wrong first ones 43 -> 34). The bot's whole turn on them
    (`answers_quality.py`): facts said (English) 507 -> 525 of 969, wrong answers 112 -> 113 of 1,387.
    """
    if i > 0:
        return ranked[i].raw - ranked[0].raw
    if len(ranked) > 1:
        return ranked[0].raw - ranked[1].raw
    return ranked[0].base - level  # a one-document base: compare with the near-miss level (as the gap is)
