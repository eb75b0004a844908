"""Filling in the cross-lingual vectors of chunks that do not have one yet, off the ingest path.

Sync stores only the main (MiniLM) vector of a chunk: the second, cross-lingual one costs twice as
much again to compute and is needed only for questions in another language. `CrossLingualFiller`
computes the missing ones afterwards, in small batches: `kb sync` runs it before it exits, the
server runs it in a background thread at start-up and after each write. Each batch is stored under
the knowledge base's write lock, keeping only chunks that still exist, so a sync running meanwhile
never leaves a vector without its chunk. The words and titles of each batch's chunks are embedded
with it (`crosslingual_texts.py`), before the chunks' vectors are stored: a chunk with a vector
always has its words, so the first question in another language embeds none of them.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from knowledge_base.crosslingual_terms import base_words

if TYPE_CHECKING:
    from knowledge_base.chunking import Chunk
    from knowledge_base.index import ChromaIndex

log = logging.getLogger(__name__)

BATCH = 128  # chunks per batch: small enough that a sync waiting for the write lock waits briefly


class CrossLingualFiller:
    """Computes missing cross-lingual vectors of one index; one fill at a time, restartable."""

    def __init__(self, *, index: Callable[[], ChromaIndex], write_lock: threading.Lock, batch: int = BATCH) -> None:
        self._index = index  # the current index (a re-index replaces it)
        self._write_lock = write_lock
        self._batch = batch
        self._state = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False  # a write landed while a background fill ran: look once more

    def missing(self) -> int:
        """How many stored chunks lack their cross-lingual vector, plus one while the words and titles
        of chunks filled before they were stored are missing (no model is loaded to tell)."""
        index = self._index()
        store = index.cross_lingual
        if store is None:
            return 0
        return len(store.missing_ids(index.chunk_ids())) + (0 if store.texts.complete() else 1)

    def fill(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        """Compute and store every missing vector now; returns how many were computed."""
        index = self._index()
        store = index.cross_lingual
        if store is None:
            return 0
        from knowledge_base.index import cross_lingual_row

        every = index.chunk_ids()
        todo = store.missing_ids(every)
        texts_filled = not store.texts.complete()
        if texts_filled:  # filled before words and titles were stored: theirs, once
            filled = set(todo)
            for start in range(0, len(every), self._batch):
                store.texts.add(_texts(index.chunks([i for i in every[start:start + self._batch] if i not in filled])))
            store.texts.mark_complete()
        done = 0
        for start in range(0, len(todo), self._batch):
            chunks = index.chunks(todo[start:start + self._batch])
            store.texts.add(_texts(chunks))
            rows = [cross_lingual_row(c) for c in chunks]
            vectors = store.embed(rows) if rows else None  # NOTE: computed outside the lock: syncs go on
            with self._write_lock:
                alive = set(index.chunk_ids(ids=[r.id for r in rows]))
                keep = [i for i, r in enumerate(rows) if r.id in alive]
                if keep and vectors is not None:
                    store.upsert([rows[i] for i in keep], vectors[keep])
            done += len(keep)
            if progress is not None:
                progress(min(start + self._batch, len(todo)), len(todo))
        if done or texts_filled:  # once, at the end: a server reopens its index and rebuilds its snapshot
            with self._write_lock:
                index.cross_lingual_filled()
        return done

    def start(self) -> threading.Thread | None:
        """Fill in a daemon thread (none is started while one runs: that one looks again when done)."""
        with self._state:
            if self._thread is not None:
                self._again = True
                return self._thread
            self._again = False
            self._thread = threading.Thread(target=self._run, name="crosslingual-fill", daemon=True)
            self._thread.start()
            return self._thread

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background fill; True when none is running any more."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _run(self) -> None:
        while True:
            try:
                if self.missing():
                    count = self.fill()
                    log.info("cross-lingual vectors filled in for %d chunks", count)
            except Exception:  # a background helper logs and stops; search still works
                log.exception("filling in cross-lingual vectors failed; questions in other languages "
                              "rank with what is there")
                again = False
            else:
                again = True
            with self._state:
                if not (again and self._again):
                    self._thread = None  # NOTE: under the lock, so a `start` now begins a new thread
                    return
                self._again = False


def _texts(chunks: Sequence[Chunk]) -> list[str]:
    """What search reads besides the chunks' vectors: each chunk's words and its document's title."""
    words = sorted(set().union(*(base_words(c.embed_text) for c in chunks))) if chunks else []
    return [*dict.fromkeys(c.title for c in chunks), *words]
