"""The vector index: chunks and their embeddings in a Chroma collection (embedded or server).

The collection records the embedding model that built it (`embedding_model`) and a `generation`
counter bumped on every write, so other processes know their in-memory lexical index is stale.
Vectors are always computed by our `Embeddings`; Chroma's own default model is never used
(it would download one).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from knowledge_base.chroma_rows import (
    ChunkMatch,
    StoredVersion,
    guard,
    make_client,
    stored_warnings,
    to_match,
    to_metadata,
)
from knowledge_base.chunking import Chunk
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.crosslingual import cross_lingual_text
from knowledge_base.crosslingual_store import CrossLingualRow, CrossLingualStore
from knowledge_base.errors import EmbeddingModelMismatch
from knowledge_base.windows import DocumentWindows, WindowStore, text_digest

if TYPE_CHECKING:
    import chromadb
    from langchain_core.embeddings import Embeddings

    from knowledge_base.crosslingual import NamedEmbedder

__all__ = ["ChromaIndex", "ChunkMatch", "StoredVersion", "make_client"]


class ChromaIndex:
    """Chunks in one Chroma collection; writes go through `upsert` and `delete_versions`."""

    def __init__(self, *, client: chromadb.ClientAPI, collection: chromadb.Collection,
                 embedder: Embeddings, model_id: str, cross_lingual: CrossLingualStore | None = None,
                 settings: KnowledgeBaseSettings | None = None, windows: WindowStore | None = None) -> None:
        self._client = client
        self.windows = windows  # whole-document window vectors (`windows.py`); None: that signal is off
        self._settings = settings  # to reopen an embedded index another process wrote to
        self.cross_lingual = cross_lingual  # the second, cross-lingual vector of every chunk (None: off)
        self._collection = collection
        self.embedder = embedder
        self.model_id = model_id
        self._write_lock = threading.Lock()
        self._seen: tuple[float, int] | None = None  # (monotonic time read, generation) of the last read
        self._writes = 0  # odd while this handle writes; a read that overlapped a write is not cached
        self._known: int | None = None  # the generation this handle last wrote or read

    @classmethod
    def open(cls, settings: KnowledgeBaseSettings, embedder: Embeddings, model_id: str, *,
             recreate: bool = False, cross_lingual: NamedEmbedder | None = None) -> ChromaIndex:
        """Open (or create) the collection; refuse one built with another model unless `recreate`.

        With `cross_lingual`, chunks can also hold a cross-lingual vector (filled in after writes).
        """
        client = make_client(settings)
        name = settings.collection
        with guard(f"open collection {name!r}"):
            if recreate and name in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                client.delete_collection(name)
        if recreate:
            CrossLingualStore.drop(client, name)
            WindowStore.drop(client, name)
        with guard(f"open collection {name!r}"):
            collection = client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": model_id, "generation": 0},
            )
            stored = (collection.metadata or {}).get("embedding_model")
            if stored is None and collection.count() == 0:
                collection.modify(metadata={**(collection.metadata or {}), "embedding_model": model_id})
                stored = model_id
        if stored != model_id:
            raise EmbeddingModelMismatch(
                collection=name, stored=str(stored or "unknown"), wanted=model_id,
                storage=(f"the collection on {settings.chroma_url}" if settings.chroma_url
                         else str(settings.chroma_dir)),
            )
        store = CrossLingualStore(client=client, name=name, embedder=cross_lingual) if cross_lingual else None
        return cls(client=client, collection=collection, embedder=embedder, model_id=model_id, cross_lingual=store,
                   settings=settings, windows=WindowStore(client=client, name=name))

    def query(self, vector: list[float], k: int) -> list[ChunkMatch]:
        """The `k` chunks nearest to `vector`, best first."""
        queries: list[Sequence[float]] = [vector]
        for _attempt in range(4):
            with guard("query"):
                res = self._collection.query(
                    query_embeddings=queries, n_results=k, include=["metadatas", "documents", "distances"]
                )
            rows = list(zip(res["ids"][0], (res["documents"] or [[]])[0], (res["metadatas"] or [[]])[0],
                            (res["distances"] or [[]])[0], strict=False))
            # NOTE: Chroma finds neighbours, then reads their metadata; a row deleted in between comes
            # back without it. Its replacement was written before that delete, so asking again finds it.
            if all(meta for _, _, meta, _ in rows):
                break
        return [to_match(i, d, dict(m), 1.0 - dist) for i, d, m, dist in rows if m]

    def nearest(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """Ids and cosines of the `k` chunks nearest to `vector`, best first, without reading them.

        Reading the rows is what a Chroma query costs (13 ms for 271 chunks with texts and
        metadata against 0.7 ms for ids and distances): search resolves ids from its own snapshot
        and reads only the few it has not seen (`chunks`).
        """
        queries: list[Sequence[float]] = [vector]
        with guard("query"):
            res = self._collection.query(query_embeddings=queries, n_results=k, include=["distances"])
        found = zip(res["ids"][0], (res["distances"] or [[]])[0], strict=False)
        return [(cid, 1.0 - float(dist)) for cid, dist in found]

    def chunks(self, ids: Sequence[str]) -> list[ChunkMatch]:
        """The stored chunks with these ids (similarity 0.0); ids deleted meanwhile are left out."""
        if not ids:
            return []
        with guard("read chunks"):
            res = self._collection.get(ids=list(ids), include=["metadatas", "documents"])
        rows = zip(res["ids"], res["documents"] or [], res["metadatas"] or [], strict=False)
        return [to_match(cid, doc, dict(meta), 0.0) for cid, doc, meta in rows if meta]

    def chunk_ids(self, *, ids: Sequence[str] | None = None) -> list[str]:
        """The ids of every stored chunk, or of those among `ids` that are stored (nothing else is read)."""
        if ids is not None and not ids:
            return []
        found: list[str] = []
        step = 20_000  # NOTE: bigger pages hit SQLite's bound-variable limit inside embedded Chroma
        wanted = list(ids) if ids is not None else None
        for start in range(0, len(wanted), step) if wanted is not None else [0]:
            with guard("read chunk ids"):
                res = self._collection.get(ids=wanted[start:start + step] if wanted is not None else None,
                                           include=[])
            found.extend(res["ids"])
        return found

    def iter_chunks(self, *, page_size: int = 20_000) -> Iterator[ChunkMatch]:
        """Every stored chunk (similarity 0.0), for building the lexical index.

        Up to `page_size` chunks are read in ONE call, a consistent view even while a sync runs
        (paging with offsets could skip rows that a concurrent delete shifts); bigger indexes page.
        """
        for chunk, _vector in self.iter_chunks_with_vectors(page_size=page_size, vectors=False):
            yield chunk

    def iter_chunks_with_vectors(self, *, page_size: int = 20_000, vectors: bool = True,
                                 ) -> Iterator[tuple[ChunkMatch, Sequence[float] | None]]:
        """Every stored chunk with its vector (None when `vectors` is False), read together in the
        same consistent pages as `iter_chunks`."""
        include: list[Any] = ["metadatas", "documents", "embeddings"] if vectors else ["metadatas", "documents"]
        with guard("read chunks"):
            paged = self._collection.count() > page_size
        offset = 0
        while True:
            with guard("read chunks"):
                res = self._collection.get(limit=page_size if paged else None, offset=offset if paged else None,
                                           include=include)
            found = res.get("embeddings") if vectors else None
            embeddings: list[Any] = list(found) if found is not None else [None] * len(res["ids"])
            rows = zip(res["ids"], res["documents"] or [], res["metadatas"] or [], embeddings, strict=False)
            for cid, doc, meta, vector in rows:
                yield to_match(cid, doc, dict(meta or {}), 0.0), vector
            if not paged or len(res["ids"]) < page_size:
                return
            offset += page_size

    def generation(self, *, max_age_s: float = 0.0) -> int:
        """A counter bumped by every write from any process.

        `max_age_s` lets hot paths (every search) reuse a read that recent: other processes'
        writes then show within that time, this process's own writes at once.
        """
        seen = self._seen
        if seen is not None and max_age_s > 0 and time.monotonic() - seen[0] < max_age_s:
            return seen[1]
        writes = self._writes
        with guard("read the collection"):
            meta = self._client.get_collection(self._collection.name).metadata or {}
        generation = int(meta.get("generation", 0))
        if writes == self._writes and writes % 2 == 0:  # NOTE: one that overlapped our own write may predate it
            if self._known is not None and generation != self._known:
                self._reload()
            self._known = generation
            self._seen = (time.monotonic(), generation)
        return generation

    def _reload(self) -> None:
        """Another process wrote (`supportbot kb ...` next to a running server): reopen an embedded index.

        NOTE: embedded Chroma keeps its vector segment in memory per process and never reads another
        process's rows into it: queries miss them and reading them fails ("Error finding id").
        A fresh client loads the segment from disk, other processes' writes included.
        """
        if self._settings is None or self._settings.chroma_url:
            return  # a Chroma server serves every process the same rows
        from chromadb.api.client import SharedSystemClient

        with self._write_lock:
            name = self._collection.name
            SharedSystemClient.clear_system_cache()  # the cached client is the stale one
            self._client = make_client(self._settings)
            with guard(f"reopen collection {name!r}"):
                self._collection = self._client.get_collection(name)
            if self.cross_lingual is not None:
                self.cross_lingual = CrossLingualStore(client=self._client, name=name,
                                                       embedder=self.cross_lingual.embedder)
            if self.windows is not None:
                self.windows = WindowStore(client=self._client, name=name)

    def count(self) -> int:
        with guard("count chunks"):
            return self._collection.count()

    def versions(self, *, page_size: int = 20_000, document_id: str | None = None) -> list[StoredVersion]:
        """One row per stored document version (a document can briefly have two); only `document_id`'s
        when given (one indexed read, where all of them scan every document's first chunk).

        NOTE: read in pages: one `get` of every first chunk fails inside embedded Chroma past ~32,000
        documents ("too many SQL variables"), which stopped `kb sync` of bigger help centres.
        """
        where: dict[str, Any] = {"position": 0}
        if document_id is not None:
            where = {"$and": [{"document_id": document_id}, {"position": 0}]}
        metadatas: list[Any] = []
        while True:
            with guard("list documents"):
                res = self._collection.get(where=where, include=["metadatas"], limit=page_size,
                                           offset=len(metadatas))
            page = res["metadatas"] or []
            metadatas.extend(page)
            if len(page) < page_size:
                break
        return [
            StoredVersion(
                document_id=str(m["document_id"]), version=int(str(m["version"])), content_hash=str(m["content_hash"]),
                source=str(m["source"]), title=str(m["title"]), url=str(m.get("url") or "") or None,
                updated_at=str(m["updated_at"]), chunks=int(str(m.get("chunk_count") or 0)),
                warnings=stored_warnings(m),
            )
            for m in metadatas
        ]

    def upsert_windows(self, documents: Sequence[DocumentWindows]) -> None:
        """Store (document id, version, window texts, their vectors) of a group of documents, before
        their chunks: the chunks' write bumps the generation, and a snapshot of it must find the windows too."""
        if self.windows is not None:
            self.windows.upsert(documents)

    def stored_vectors(self, document_id: str, version: int) -> dict[str, Sequence[float]]:
        """The vectors of a stored version's chunks and windows by their texts' digests (`windows.text_digest`):
        a sync of the next version embeds only the texts that changed."""
        with guard("read chunks"):
            res = self._collection.get(where={"$and": [{"document_id": document_id}, {"version": version}]},
                                       include=["metadatas", "documents", "embeddings"])
        found = res.get("embeddings")
        embeddings: list[Any] = list(found) if found is not None else []
        vectors = {text_digest(to_match(cid, doc, dict(meta), 0.0).embed_text): vector for cid, doc, meta, vector
                   in zip(res["ids"], res["documents"] or [], res["metadatas"] or [], embeddings, strict=False) if meta}
        return (self.windows.vectors_of(document_id, version) | vectors) if self.windows is not None else vectors

    def upsert(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Store chunks with their vectors (ids carry the version, so new never overwrites old)."""
        if not chunks:
            return
        # NOTE: only the main vector: the cross-lingual one is filled in afterwards, off the ingest
        # path (`crosslingual_fill.py`), and search copes with chunks that lack it meanwhile.
        counts: dict[tuple[str, int], int] = {}
        for c in chunks:
            counts[(c.document_id, c.version)] = counts.get((c.document_id, c.version), 0) + 1
        with guard("write chunks"), self._write_lock:
            step = self._client.get_max_batch_size()
            for start in range(0, len(chunks), step):
                part = chunks[start:start + step]
                embeddings: list[Sequence[float]] = [list(v) for v in vectors[start:start + step]]
                self._collection.upsert(
                    ids=[c.id for c in part],
                    embeddings=embeddings,
                    documents=[c.text for c in part],
                    metadatas=[to_metadata(c, counts[(c.document_id, c.version)]) for c in part],
                )
            self._bump()

    def cross_lingual_filled(self) -> None:
        """Bump the generation after cross-lingual vectors (or their words and titles) were stored.

        NOTE: a fill writes only the collections beside the main one; without a bump, a server whose
        embedded client opened before another process's fill (`supportbot kb add` then fills) never
        reopens it (`_reload`), cannot read the new vectors ("Error finding id") and answers every
        question in another language on the default path, declining them until a restart.
        """
        with guard("record the cross-lingual fill"), self._write_lock:
            self._bump()

    def delete_versions(self, document_id: str, *, keep: int | None = None) -> None:
        """Delete every version of `document_id` except `keep` (all of them when `keep` is None)."""
        where: dict[str, Any] = {"document_id": document_id}
        if keep is not None:
            where = {"$and": [where, {"version": {"$ne": keep}}]}
        with guard("delete chunks"), self._write_lock:
            self._collection.delete(where=where)
            if self.cross_lingual is not None:
                self.cross_lingual.delete(where)
            if self.windows is not None:
                self.windows.delete(where)
            self._bump()

    def close(self) -> None:
        """Release the client: the last embedded client of a folder stops Chroma's cached system, so
        the next `open` reads the files afresh (another process may have written them)."""
        close = getattr(self._client, "close", None)
        if close is not None:
            with guard("close the client"):
                close()

    def _bump(self) -> None:
        meta = dict(self._client.get_collection(self._collection.name).metadata or {})
        # NOTE: not just +1: two processes writing at once would both store G+1, and a snapshot built
        # between them would never see the second write. A nanosecond clock makes each value unique.
        meta["generation"] = max(int(meta.get("generation", 0)) + 1, time.time_ns())
        self._writes += 1  # odd: in progress (callers hold the write lock)
        self._seen = None  # our own write: the next search must see it
        try:
            self._collection.modify(metadata=meta)
            self._known = meta["generation"]
        finally:
            self._writes += 1


def cross_lingual_row(chunk: Chunk) -> CrossLingualRow:
    return CrossLingualRow(id=chunk.id, document_id=chunk.document_id, version=chunk.version,
                           text=cross_lingual_text(chunk.title, chunk.section, chunk.text))
