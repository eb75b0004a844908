"""The knowledge base facade the CLI, the admin API and the bot call: sync, list, remove, search."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from langchain_core.embeddings import Embeddings

from knowledge_base.chroma_rows import StoredVersion
from knowledge_base.chunking import chunk_id
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.crosslingual_fill import CrossLingualFiller
from knowledge_base.errors import IndexUnavailable
from knowledge_base.index import ChromaIndex, ChunkMatch
from knowledge_base.results import SearchResult
from knowledge_base.sync import Syncer, SyncReport

if TYPE_CHECKING:
    from knowledge_base.crosslingual import CrossLingualEmbeddings, NamedEmbedder
    from knowledge_base.search import Searcher

__all__ = ["DocumentInfo", "KnowledgeBase", "SyncReport", "build_knowledge_base"]
log = logging.getLogger(__name__)
T = TypeVar("T")

_CHUNK_CACHE_DOCUMENTS = 256
_RETRY_PAUSE_S = 0.05  # before a failed read is tried again on the same client


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document, as `kb list` and the admin API show it."""

    id: str
    title: str
    source: str
    url: str | None
    chunks: int
    version: int
    updated_at: str
    content_hash: str
    warnings: tuple[str, ...] = ()  # what to fix in its file (indexed anyway; `kb sync` lists them too)


class KnowledgeBase:
    """Documents in, passages out; opens its Chroma collection on first use (or `open()`)."""

    def __init__(self, settings: KnowledgeBaseSettings, *, embedder: Embeddings, model_id: str,
                 cross_lingual: NamedEmbedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.model_id = model_id
        self.cross_lingual = cross_lingual  # a second vector per chunk for questions in other languages
        self._write_lock = threading.Lock()  # one sync/add/remove at a time; searches never wait
        self._open_lock = threading.RLock()  # the index and searcher are built once
        self._index: ChromaIndex | None = None
        self._searcher: Searcher | None = None
        self._chunk_cache: dict[tuple[str, int, int, int], tuple[ChunkMatch, ...]] = {}  # oldest first
        self._cache_lock = threading.Lock()
        self._filler = CrossLingualFiller(index=lambda: self.index, write_lock=self._write_lock)
        self._fill_after_writes = False  # set by `fill_cross_lingual_in_background` (a server)

    def open(self, *, reindex: bool = False) -> ChromaIndex:
        """Open the index now (fails fast on a model mismatch); `reindex` drops and recreates it."""
        with self._open_lock:
            if self._index is None or reindex:
                self._index = ChromaIndex.open(self.settings, self.embedder, self.model_id, recreate=reindex,
                                               cross_lingual=self.cross_lingual)
                self._searcher = None
            return self._index

    @property
    def index(self) -> ChromaIndex:
        return self._index or self.open()

    def sync(self, directory: Path, *, progress: Callable[[int, int], None] | None = None,
             reindex: bool = False) -> SyncReport:
        """Mirror `directory` into the index (incremental); `reindex` rebuilds it from scratch."""
        with self._write_lock:
            index = self.open(reindex=True) if reindex else self.index
            report = self._syncer(index).sync_directory(Path(directory), progress=progress)
        self._after_write()
        return report

    def add(self, paths: Sequence[Path], *, root: Path | None = None,
            progress: Callable[[int, int], None] | None = None) -> SyncReport:
        """Add or update files; ids are relative to `root` (default: the current directory)."""
        with self._write_lock:
            report = self._syncer(self.index).add_files([Path(p) for p in paths], root=root, progress=progress)
        self._after_write()
        return report

    def remove(self, ids: Iterable[str]) -> int:
        """Remove documents by id; returns how many were there."""
        with self._write_lock:
            removed = self._syncer(self.index).remove(ids)
        self._after_write()
        return removed

    def fill_cross_lingual(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        """Compute the cross-lingual vectors that chunks still lack (after a sync); returns how many."""
        return self._filler.fill(progress=progress) if self.cross_lingual is not None else 0

    def fill_cross_lingual_in_background(self) -> None:
        """Fill them in a daemon thread now and after every later write (a server's start-up).

        Nothing is loaded when nothing is missing; searches meanwhile take the default path.
        """
        if self.cross_lingual is None:
            return
        self._fill_after_writes = True
        self._filler.start()

    def wait_for_cross_lingual(self, timeout: float | None = None) -> bool:
        """Wait for a background fill (tests, benchmarks); True when none runs any more."""
        return self._filler.wait(timeout)

    def is_empty(self) -> bool:
        """Whether nothing is indexed: a count, where `documents()` reads every chunk's metadata."""
        return self.index.count() == 0

    def documents(self) -> list[DocumentInfo]:
        """Every indexed document (its highest version), sorted by id."""
        return self._latest(self._reopening(lambda: self.index.versions()))

    def document(self, document_id: str) -> DocumentInfo | None:
        """One indexed document (its highest version), read by id: a public `/kb/<id>` page must not
        scan every document's metadata per request (seconds at 100,000 documents)."""
        found = self._latest(self._reopening(lambda: self.index.versions(document_id=document_id)))
        return found[0] if found else None

    @staticmethod
    def _latest(versions: list[StoredVersion]) -> list[DocumentInfo]:
        latest: dict[str, DocumentInfo] = {}
        for v in versions:
            if v.document_id not in latest or v.version > latest[v.document_id].version:
                latest[v.document_id] = DocumentInfo(
                    id=v.document_id, title=v.title, source=v.source, url=v.url, chunks=v.chunks,
                    version=v.version, updated_at=v.updated_at, content_hash=v.content_hash,
                    warnings=v.warnings,
                )
        return sorted(latest.values(), key=lambda d: d.id)

    def document_chunks(self, document_id: str, version: int | None = None, *, limit: int = 200) -> list[ChunkMatch]:
        """One document's chunks in reading order (its latest version unless given): whole sections for
        offline answers and the document's own page. None stored: []."""
        if version is None:
            info = self.document(document_id)
            if info is None:
                return []
            version, limit = info.version, min(limit, info.chunks)
        # NOTE: a Chroma read of a document costs ~2-10 ms a turn; a version's chunks never change, and
        # the index generation (bumped by every write) keeps a removed-then-re-added version apart.
        key = (document_id, version, limit, self.index.generation(max_age_s=1.0))
        cached = self._chunk_cache.get(key)
        if cached is None:
            ids = [chunk_id(document_id, version, position) for position in range(limit)]
            cached = tuple(sorted(self.index.chunks(ids), key=lambda c: c.position))
            with self._cache_lock:
                if len(self._chunk_cache) >= _CHUNK_CACHE_DOCUMENTS:
                    self._chunk_cache.pop(next(iter(self._chunk_cache)))
                self._chunk_cache[key] = cached
        return list(cached)

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        """Documents with their best passages and a calibrated score (see `results.py`)."""
        return self._reopening(lambda: self._get_searcher().search(query, k=k))

    def _reopening(self, read: Callable[[], T]) -> T:
        """Run `read`; if the embedded index fails, reopen it once and read again.

        NOTE: embedded Chroma keeps its segments in memory; after a `kb` command in another process
        wrote the same folder, reads fail ("Error finding id") until the client is reopened.
        """
        index = self._index
        try:
            return read()
        except IndexUnavailable:
            if self.settings.chroma_url or index is None:
                raise
        # NOTE: a read racing this process's own write (a sync deleting the chunks it just ranked) fails
        # once and then succeeds; closing the client then would break every other thread's reads and the
        # write itself. Only a failure that persists is another process's write.
        time.sleep(_RETRY_PAUSE_S)
        try:
            return read()
        except IndexUnavailable:
            log.warning("knowledge base: the index changed under this process; reopening it")
            with self._open_lock:
                if self._index is index:  # not already reopened by a concurrent reader
                    index.close()
                    self._index, self._searcher = None, None
            return read()

    def check_ready(self) -> None:
        """A search in the base's own language (embedder, index and ranking answer), for `/readyz`:
        no language detected, so a probe never loads the language model."""
        def probe() -> SearchResult:
            searcher = self._get_searcher()
            return searcher.search("is the knowledge base ready", k=1, language=searcher.language)

        self._reopening(probe)

    def warm_up(self) -> None:
        """Load the model and the in-memory ranking data now, so the first customer does not wait."""
        self._get_searcher().refresh()

    def close(self) -> None:
        with self._write_lock, self._open_lock:
            if self._index is not None:
                self._index.close()
            self._index = None
            self._searcher = None

    def _get_searcher(self) -> Searcher:
        searcher = self._searcher
        if searcher is None:
            from knowledge_base.search import Searcher

            with self._open_lock:
                if self._searcher is None:
                    self._searcher = Searcher(index=self.index, embedder=self.embedder, settings=self.settings)
                searcher = self._searcher
        return searcher

    def _after_write(self) -> None:
        """After our own write: rebuild the search snapshot now (if one exists), then fill what is missing.

        NOTE: the searcher rate-limits rebuilds (at most one per two build durations) for long
        syncs; until the next one a removed document could still surface through its title and
        keywords. Our own change must show at once (the console, `kb sync --check`).
        """
        if self._searcher is not None:
            self._searcher.refresh()
        if self._fill_after_writes:
            self._filler.start()

    def _syncer(self, index: ChromaIndex) -> Syncer:
        return Syncer(index=index, embedder=self.embedder, settings=self.settings)


def build_knowledge_base(settings: KnowledgeBaseSettings, *, embedder: Embeddings | None = None,
                         model_id: str | None = None,
                         cross_lingual: NamedEmbedder | None = None) -> KnowledgeBase:
    """A `KnowledgeBase` for `settings`; the embedder defaults to `make_embedder(settings)`.

    A given `embedder` is recorded under its `model_id` attribute (or `model_id=`), else its class name.
    The offline default embedder comes with the cross-lingual one (OpenAI's embeddings are
    multilingual already); a given embedder only with `cross_lingual=`.
    Nothing is loaded or opened here: the index opens on first use or on `open()`.
    """
    if embedder is None:
        from knowledge_base.embeddings import make_embedder

        embedder, model_id = make_embedder(settings)
        if cross_lingual is None:
            cross_lingual = cross_lingual_for(settings)
    model_id = model_id or getattr(embedder, "model_id", None) or f"custom:{type(embedder).__name__}"
    return KnowledgeBase(settings, embedder=embedder, model_id=model_id, cross_lingual=cross_lingual)


def cross_lingual_for(settings: KnowledgeBaseSettings,
                      embedder: Embeddings | None = None) -> CrossLingualEmbeddings | None:
    """The cross-lingual embedder that goes beside the offline MiniLM (`embedder`, default: the configured
    one), not loaded yet; None for any other embedder (OpenAI's embeddings are multilingual already)."""
    from knowledge_base.embeddings import LOCAL_MODEL_ID

    if settings.embedding != "local":
        return None
    if embedder is not None and getattr(embedder, "model_id", None) != LOCAL_MODEL_ID:
        return None
    from knowledge_base.crosslingual import CrossLingualEmbeddings

    return CrossLingualEmbeddings()
