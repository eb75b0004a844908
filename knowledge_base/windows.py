"""Whole-document windows: a second, coarser vector set per document, for one ranking signal.

The searchable chunks are split per section (<= 900 chars, `chunking.py`), so a question whose answer
runs across a heading, or is phrased like the document as a whole, matches no one chunk well. The
LangChain tutorial's 1000/200 sliding windows over the whole text (title in front) carry that:
`benchmarks/window_signal.py` measured a document's best window cosine, times the question's length,
as a learned-ranker feature at 115 -> 118 of 142 dev questions right first (leave-one-help-centre-out).

Windows are embedded at sync beside the chunks, kept in a Chroma collection of their own (never
searched: the snapshot reads them once), and held per document as int8 codes with a scale per row
(a quarter of float32's bytes; the cosine moves by well under 0.01).
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge_base.chroma_rows import guard

if TYPE_CHECKING:
    import chromadb

SUFFIX = "_windows"
WINDOW_SIZE, WINDOW_OVERLAP = 1000, 200  # the tutorial's numbers (characters)


def document_windows(title: str, text: str) -> list[str]:
    """The document's title and text cut into overlapping windows as the tutorial cuts them."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=WINDOW_SIZE, chunk_overlap=WINDOW_OVERLAP)
    return splitter.split_text(f"{title}\n\n{text}" if title else text)


def text_digest(text: str) -> str:
    """What a stored vector's text is recognised by when a document's next version is synced."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def embed_once(embed: Callable[[list[str]], list[list[float]]], texts: list[str],
               known: Mapping[str, Sequence[float]] | None = None) -> list[Sequence[float]]:
    """`embed(texts)` with each distinct text embedded once (a short document's one window is its one
    chunk's text), and none whose vector `known` holds by `text_digest`: an edited document's
    unchanged chunks and windows keep the vectors its previous version stored."""
    known = known or {}
    found = {t: known[d] for t in dict.fromkeys(texts) if (d := text_digest(t)) in known} if known else {}
    distinct = [t for t in dict.fromkeys(texts) if t not in found]
    vectors: dict[str, Sequence[float]] = dict(zip(distinct, embed(distinct), strict=True)) if distinct else {}
    vectors |= found
    return [vectors[t] for t in texts]


# (document id, version, its window texts, their vectors): what a sync stores per document.
DocumentWindows = tuple[str, int, Sequence[str], Sequence[Sequence[float]]]


@dataclass(frozen=True)
class WindowVectors:
    """Every document's window vectors, rows grouped by document in snapshot order."""

    codes: np.ndarray  # (windows, dim) int8, row i ~ codes[i] * scales[i]
    scales: np.ndarray  # (windows,) float32
    starts: np.ndarray  # (docs + 1,) int64: document d's windows are rows starts[d]:starts[d + 1]

    @classmethod
    def of(cls, vectors: np.ndarray, starts: np.ndarray) -> WindowVectors:
        """Quantise unit rows (symmetric int8, one scale per row)."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
        scales = (np.abs(vectors).max(axis=1) / 127.0).astype(np.float32) if len(vectors) else np.zeros(0, np.float32)
        codes = np.rint(vectors / np.maximum(scales, 1e-12)[:, None]).astype(np.int8)
        return cls(codes=codes, scales=scales, starts=np.asarray(starts, dtype=np.int64))

    def best(self, rows: Sequence[int] | np.ndarray, query: np.ndarray) -> np.ndarray:
        """Per document row in `rows`: its best window cosine with `query` (nan for one with no windows).

        Only those documents' windows are read, one contiguous slice each: on a big base the codes
        are read from the saved file by rows (`file_rows.py`), never mapped into the worker's RSS.
        """
        wanted = np.asarray(rows, dtype=np.int64)
        out = np.full(len(wanted), np.nan)
        first, counts = self.starts[wanted], self.starts[wanted + 1] - self.starts[wanted]
        present = np.flatnonzero(counts > 0)
        if not len(present):
            return out
        sizes = counts[present]
        offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))  # each document's first row in the gathered ones
        if isinstance(self.codes, np.ndarray):  # in memory: one gather of every window row, not a slice each
            gathered = np.repeat(first[present] - offsets, sizes) + np.arange(int(sizes.sum()))
            codes, scales = self.codes[gathered].astype(np.float32), self.scales[gathered]
        else:
            spans = [(int(a), int(a + n)) for a, n in zip(first[present].tolist(), sizes.tolist(), strict=True)]
            codes = np.concatenate([self.codes[a:b] for a, b in spans]).astype(np.float32)
            scales = np.concatenate([self.scales[a:b] for a, b in spans])
        sims = np.einsum("ij,j->i", codes, query) * scales
        out[present] = np.maximum.reduceat(sims, offsets)
        return out


class WindowStore:
    """Window vectors in a Chroma collection beside the chunks' (ids `<document>@<version>#w<n>`)."""

    def __init__(self, *, client: chromadb.ClientAPI, name: str) -> None:
        self._lock = threading.Lock()
        with guard(f"open collection {name + SUFFIX!r}"):
            self._collection = client.get_or_create_collection(name + SUFFIX, embedding_function=None,
                                                               configuration={"hnsw": {"space": "cosine"}})

    @staticmethod
    def drop(client: chromadb.ClientAPI, name: str) -> None:
        """Delete the collection beside `name` if there is one (a re-index starts it afresh)."""
        with guard(f"delete collection {name + SUFFIX!r}"):
            if name + SUFFIX in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                client.delete_collection(name + SUFFIX)

    def upsert(self, documents: Sequence[DocumentWindows]) -> None:
        """Store each document's window vectors (and their texts' digests) for a group of documents in one write."""
        ids: list[str] = []
        metadatas: list[Mapping[str, str | int]] = []
        vectors: list[Sequence[float]] = []
        for document_id, version, texts, rows in documents:
            ids += [f"{document_id}@{version}#w{i}" for i in range(len(rows))]
            metadatas += [{"document_id": document_id, "version": version, "position": i, "digest": text_digest(t)}
                          for i, t in enumerate(texts)]
            vectors += list(rows)
        if not ids:
            return
        with guard("write window vectors"), self._lock:
            self._collection.upsert(ids=ids, embeddings=np.asarray(vectors, dtype=np.float32),
                                    metadatas=metadatas)  # type: ignore[arg-type]

    def delete(self, where: dict[str, Any]) -> None:
        with guard("delete window vectors"), self._lock:
            self._collection.delete(where=where)

    def vectors_of(self, document_id: str, version: int) -> dict[str, Sequence[float]]:
        """A stored version's window vectors by their texts' digests (none for windows stored without one)."""
        with guard("read window vectors"):
            res = self._collection.get(where={"$and": [{"document_id": document_id}, {"version": version}]},
                                       include=["metadatas", "embeddings"])
        found = res.get("embeddings")
        vectors: list[Any] = list(found) if found is not None else []
        return {str(meta["digest"]): vector for meta, vector in zip(res["metadatas"] or [], vectors, strict=False)
                if meta and meta.get("digest")}

    def rows(self, *, page_size: int = 20_000) -> Iterator[tuple[str, int, int, Sequence[float]]]:
        """Every stored window as (document id, version, position, vector)."""
        offset = 0
        while True:
            with guard("read window vectors"):
                res = self._collection.get(limit=page_size, offset=offset, include=["metadatas", "embeddings"])
            found = res.get("embeddings")
            vectors: list[Any] = list(found) if found is not None else []
            for meta, vector in zip(res["metadatas"] or [], vectors, strict=False):
                yield str(meta["document_id"]), int(str(meta["version"])), int(str(meta["position"])), vector
            if len(res["ids"]) < page_size:
                return
            offset += page_size


_READ_BATCH = 8192  # windows normalised and quantised at a time while the snapshot reads them


def read_windows(store: WindowStore, doc_rows: dict[str, int], versions: np.ndarray) -> WindowVectors | None:
    """The windows of each document's version in the snapshot, grouped by its row; None when no
    document has any stored (an index written before windows existed: the signal is then left out).

    A document without windows of its version (synced before windows existed, or added by a process
    whose index had none) gets an empty span: the ranker uses its best chunk in their place, and every
    other document keeps its windows. Rows are quantised as they are read, so a big base holds int8
    codes (a quarter of float32's bytes) rather than every vector while it sorts them.
    """
    doc_of: list[np.ndarray] = []
    position_of: list[np.ndarray] = []
    quantised: list[WindowVectors] = []
    batch: list[tuple[int, int, Sequence[float]]] = []

    def flush() -> None:
        if not batch:
            return
        vectors = np.asarray([t[2] for t in batch], dtype=np.float32).reshape(len(batch), -1)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        quantised.append(WindowVectors.of(vectors, np.zeros(1, np.int64)))
        doc_of.append(np.asarray([t[0] for t in batch], dtype=np.int64))
        position_of.append(np.asarray([t[1] for t in batch], dtype=np.int64))
        batch.clear()

    for doc_id, version, position, vector in store.rows():
        row = doc_rows.get(doc_id)
        if row is not None and int(versions[row]) == version:
            batch.append((row, position, vector))
            if len(batch) >= _READ_BATCH:
                flush()
    flush()
    if not quantised:
        return None
    docs, positions = np.concatenate(doc_of), np.concatenate(position_of)
    order = np.lexsort((positions, docs))  # by document row, then position (stable, as a sort by both)
    counts = np.bincount(docs, minlength=len(doc_rows))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return WindowVectors(codes=np.concatenate([q.codes for q in quantised])[order],
                         scales=np.concatenate([q.scales for q in quantised])[order], starts=starts)
