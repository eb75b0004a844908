"""Cross-lingual vectors of the short texts a question in another language needs at once: the
knowledge base's words and its documents' titles, stored beside the chunks' vectors.

The first question in another language after a sync used to embed them all (about 1,000-5,000
words and every title; 1-20 s on a busy two-core machine) while holding the search's lock. They
are computed instead where the chunks' own cross-lingual vectors are, off the ingest path
(`crosslingual_fill.py`: `kb sync` before it exits, the server in the background), and search only
reads them. Keyed by the text itself, so a word or title shared by many chunks is embedded once.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from knowledge_base.chroma_rows import guard
from knowledge_base.crosslingual import NamedEmbedder

if TYPE_CHECKING:
    import chromadb

SUFFIX = "_crosslingual_texts"
# Set once every chunk with a cross-lingual vector has its words and title here. An index whose
# chunks were filled before this store existed starts without it, and the next fill completes it.
COMPLETE = "texts_complete"
_PAGE = 20_000  # NOTE: bigger pages hit SQLite's bound-variable limit inside embedded Chroma


class CrossLingualTexts:
    """Cross-lingual vectors of words and titles, keyed by their text."""

    def __init__(self, *, client: chromadb.ClientAPI, name: str, embedder: NamedEmbedder, empty_index: bool) -> None:
        """`empty_index`: no chunk has a cross-lingual vector yet, so nothing is missing here either."""
        self.embedder = embedder
        with guard(f"open collection {name + SUFFIX!r}"):
            self._collection = client.get_or_create_collection(
                name + SUFFIX, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": embedder.model_id},
            )
            metadata = self._collection.metadata or {}
            if COMPLETE not in metadata:
                self._collection.modify(metadata={**metadata, COMPLETE: empty_index})

    @staticmethod
    def drop(client: chromadb.ClientAPI, name: str) -> None:
        """Delete the collection beside `name` if there is one (a re-index starts it afresh)."""
        with guard(f"delete collection {name + SUFFIX!r}"):
            if name + SUFFIX in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                client.delete_collection(name + SUFFIX)

    def complete(self) -> bool:
        """Whether every chunk with a cross-lingual vector has its words and title stored here."""
        with guard("read cross-lingual texts state"):
            return bool((self._collection.metadata or {}).get(COMPLETE))

    def mark_complete(self) -> None:
        with guard("write cross-lingual texts state"):
            self._collection.modify(metadata={**(self._collection.metadata or {}), COMPLETE: True})

    def add(self, texts: Iterable[str]) -> int:
        """Embed and store those of `texts` not stored yet; returns how many were embedded."""
        wanted = [t for t in dict.fromkeys(texts) if t.strip()]
        stored = self.vectors(wanted)
        missing = [t for t in wanted if t not in stored]
        if not missing:
            return 0
        vectors = self.embedder.embed_array(missing)
        with guard("write cross-lingual texts"):
            for start in range(0, len(missing), 5000):
                part = missing[start:start + 5000]
                self._collection.upsert(ids=part, embeddings=[v.tolist() for v in vectors[start:start + 5000]])
        return len(missing)

    def vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of `texts` (those not stored are left out; nothing is computed)."""
        wanted = [t for t in dict.fromkeys(texts) if t.strip()]
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), _PAGE):
            with guard("read cross-lingual texts"):
                res = self._collection.get(ids=wanted[start:start + _PAGE], include=["embeddings"])
            embeddings = res.get("embeddings")
            if embeddings is not None:
                found.update((i, np.asarray(v, dtype=np.float32)) for i, v in zip(res["ids"], embeddings, strict=False))
        return found
