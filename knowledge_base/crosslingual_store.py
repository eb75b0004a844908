"""The second vector of every chunk (cross-lingual, see `crosslingual.py`) in a Chroma collection
of its own beside the main one, with the same chunk ids.

Written after the chunks, off the ingest path (`crosslingual_fill.py`), and deleted with them;
search reads what is stored (`stored`) and never computes a whole knowledge base's vectors in a
turn, so an upgrade needs no re-index either.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge_base.chroma_rows import guard
from knowledge_base.crosslingual import NamedEmbedder
from knowledge_base.crosslingual_texts import CrossLingualTexts

if TYPE_CHECKING:
    import chromadb

SUFFIX = "_crosslingual"


@dataclass(frozen=True, slots=True)
class CrossLingualRow:
    """A chunk as the cross-lingual store needs it; `text` is `cross_lingual_text(...)` of the chunk."""

    id: str
    document_id: str
    version: int
    text: str


class CrossLingualStore:
    """Cross-lingual chunk vectors keyed by chunk id."""

    def __init__(self, *, client: chromadb.ClientAPI, name: str, embedder: NamedEmbedder) -> None:
        self.embedder = embedder
        self._lock = threading.Lock()
        with guard(f"open collection {name + SUFFIX!r}"):
            self._collection = client.get_or_create_collection(
                name + SUFFIX, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": embedder.model_id},
            )
            empty = self._collection.count() == 0
        # The base's words and titles in the same space, filled in with the chunks (`crosslingual_texts.py`).
        self.texts = CrossLingualTexts(client=client, name=name, embedder=embedder, empty_index=empty)

    @staticmethod
    def drop(client: chromadb.ClientAPI, name: str) -> None:
        """Delete the collection beside `name` if there is one (a re-index starts it afresh)."""
        with guard(f"delete collection {name + SUFFIX!r}"):
            if name + SUFFIX in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                client.delete_collection(name + SUFFIX)
        CrossLingualTexts.drop(client, name)

    def embed(self, chunks: Sequence[CrossLingualRow]) -> np.ndarray:
        return self.embedder.embed_array([c.text for c in chunks])

    def upsert(self, chunks: Sequence[CrossLingualRow], vectors: np.ndarray | None = None) -> None:
        """Store the chunks' cross-lingual vectors (computed here unless given)."""
        if not chunks:
            return
        vectors = self.embed(chunks) if vectors is None else vectors
        with guard("write cross-lingual vectors"), self._lock:
            step = 5000
            for start in range(0, len(chunks), step):
                part = chunks[start:start + step]
                self._collection.upsert(
                    ids=[c.id for c in part], embeddings=[v.tolist() for v in vectors[start:start + step]],
                    metadatas=[{"document_id": c.document_id, "version": c.version} for c in part],
                )

    def delete(self, where: dict[str, Any]) -> None:
        with guard("delete cross-lingual vectors"), self._lock:
            self._collection.delete(where=where)

    def missing_ids(self, ids: Sequence[str]) -> list[str]:
        """Those of `ids` (in order) that have no cross-lingual vector yet."""
        have: set[str] = set()
        step = 20_000
        for start in range(0, len(ids), step):
            with guard("read cross-lingual ids"):
                have.update(self._collection.get(ids=list(ids[start:start + step]), include=[])["ids"])
        return [i for i in ids if i not in have]

    def stored(self, chunks: Sequence[CrossLingualRow]) -> tuple[np.ndarray, np.ndarray]:
        """(vectors, present): one row per chunk in the order given, zeros where none is stored yet.

        Nothing is computed: search must not embed a whole knowledge base inside a customer's turn.
        """
        found = self._read([c.id for c in chunks])
        width = len(next(iter(found.values()))) if found else 1
        out = np.zeros((len(chunks), width), dtype=np.float32)
        present = np.asarray([c.id in found for c in chunks], dtype=bool)
        rows = [i for i, c in enumerate(chunks) if c.id in found]
        if rows:
            out[rows] = np.asarray([found[chunks[i].id] for i in rows], dtype=np.float32)
        return out, present

    def _read(self, ids: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        step = 20_000  # NOTE: bigger pages hit SQLite's bound-variable limit inside embedded Chroma
        for start in range(0, len(ids), step):
            with guard("read cross-lingual vectors"):
                res = self._collection.get(ids=list(ids[start:start + step]), include=["embeddings"])
            embeddings = res.get("embeddings")
            if embeddings is not None:
                found.update(zip(res["ids"], embeddings, strict=False))
        return found

    def nearest(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Ids and cosines of the `k` nearest chunks, best first (bases too big to hold in memory)."""
        with guard("query cross-lingual vectors"):
            res = self._collection.query(query_embeddings=[vector.tolist()], n_results=k, include=["distances"])
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], (res["distances"] or [[]])[0], strict=False)]
