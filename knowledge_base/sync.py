"""Incremental sync of files into the index, by content hash.

Unchanged files are not even parsed. A changed document gets a new version: its chunks are
upserted first and the old version's deleted after, and search keeps only the highest version it
sees, so a concurrent search never finds the document missing or twice. A file that fails to load
is reported and its previous version (if any) stays; the rest of the sync goes on.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge_base.chunking import Chunk, split_document
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.documents import LoadedDocument, content_hash, load_document
from knowledge_base.errors import DocumentLoadError, KnowledgeBaseError
from knowledge_base.ignore import IgnoreRules
from knowledge_base.index import ChromaIndex, StoredVersion
from knowledge_base.loaders_limits import (
    check_chunks,
    check_file_size,
    has_unsafe_characters,
    link_escape,
    printable_name,
)
from knowledge_base.windows import document_windows, embed_once

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_FLUSH_CHUNKS = 256  # embed and write in groups this big: fast, and little lost on a crash


@dataclass
class SyncReport:
    """What a sync did; `failed` holds (file or id, reason)."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warned: list[tuple[str, str]] = field(default_factory=list)  # (file, what to fix): indexed anyway
    embedded: int = 0  # chunks embedded (0 when nothing changed)
    windows: int = 0  # whole-document windows embedded with them (`windows.py`)
    # What changed, by name (file for added and updated, document id for removed), for people to read.
    added_names: list[str] = field(default_factory=list)
    updated_names: list[str] = field(default_factory=list)
    removed_names: list[str] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not (self.added or self.updated or self.removed or self.unchanged)

    def summary(self) -> str:
        return (f"added {self.added}, updated {self.updated}, removed {self.removed}, "
                f"unchanged {self.unchanged}, failed {len(self.failed)}")


@dataclass
class _Pending:
    document: LoadedDocument
    chunks: list[Chunk]
    previous: StoredVersion | None


class Syncer:
    """Brings the index in line with files; one instance per index."""

    def __init__(self, *, index: ChromaIndex, embedder: Embeddings, settings: KnowledgeBaseSettings,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._index = index
        self._embedder = embedder
        self._settings = settings
        self._limits = settings.document_limits
        self._clock = clock or (lambda: datetime.now(UTC))

    def sync_directory(self, directory: Path, *, progress: Progress | None = None) -> SyncReport:
        """Make the index mirror `directory` (minus `.kbignore`): add, update, remove; ids are relative paths."""
        if not directory.is_dir():
            raise KnowledgeBaseError(f"{directory} is not a directory")
        paths, refused = _walk(directory)
        files = [(p, p.relative_to(directory).as_posix()) for p in paths]
        if not files and not refused:
            raise KnowledgeBaseError(f"no files in {directory}; refusing to empty the knowledge base "
                                     "(use `kb remove ID...` to remove documents)")
        walked = {rel for _, rel in files}
        return self._run(files, progress=progress, mirror=True, refused=refused, source_present=walked.__contains__)

    def add_files(self, paths: Sequence[Path], *, root: Path | None = None,
                  progress: Progress | None = None) -> SyncReport:
        """Add or update single files; ids are paths relative to `root` when under it, else names."""
        root = (root or Path.cwd()).resolve()
        files, refused = [], []
        for path in paths:
            absolute = Path(os.path.abspath(path))
            rel = absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else path.name
            reason = link_escape(path, root if absolute.is_relative_to(root) else absolute.parent)
            if reason is None:
                files.append((path, rel))
            else:
                refused.append((rel, reason))
        def present(source: str) -> bool:  # the file an id came from is still there (not renamed away)
            return (root / source).is_file()

        return self._run(files, progress=progress, mirror=False, refused=refused, source_present=present)

    def remove(self, ids: Iterable[str]) -> int:
        """Delete documents by id; returns how many existed."""
        present = {v.document_id for v in self._index.versions()}
        removed = 0
        for doc_id in dict.fromkeys(ids):
            if doc_id in present:
                self._index.delete_versions(doc_id)
                removed += 1
        return removed

    def _run(self, files: list[tuple[Path, str]], *, progress: Progress | None, mirror: bool,
             refused: list[tuple[str, str]], source_present: Callable[[str], bool]) -> SyncReport:
        report = SyncReport()
        for rel, reason in refused:
            report.failed.append((printable_name(rel), reason))
            log.warning("kb sync: refused %s: %s", printable_name(rel), reason)
        latest, stale = _latest_versions(self._index.versions())
        by_source = {v.source: v for v in latest.values()}
        seen: dict[str, str] = {}  # document id -> source that claimed it in this run
        pending: list[_Pending] = []
        touched: set[str] = set()
        for done, (path, rel) in enumerate(files, start=1):
            item = self._prepare(path, rel, by_source, latest, seen, report, source_present)
            if item is not None:
                pending.append(item)
                touched.add(item.document.id)
                if sum(len(p.chunks) for p in pending) >= _FLUSH_CHUNKS:
                    self._flush(pending, report)
                    pending = []
            if progress is not None:
                progress(done, len(files))
        self._flush(pending, report)
        if mirror:
            for doc_id in sorted(latest.keys() - seen.keys()):
                self._index.delete_versions(doc_id)
                report.removed += 1
                report.removed_names.append(doc_id)
        for doc_id in (stale.keys() & seen.keys()) - touched:  # leftovers of an interrupted update
            self._index.delete_versions(doc_id, keep=latest[doc_id].version)
        log.info("kb sync: %s", report.summary())
        return report

    def _prepare(self, path: Path, rel: str, by_source: dict[str, StoredVersion],
                 latest: dict[str, StoredVersion], seen: dict[str, str], report: SyncReport,
                 source_present: Callable[[str], bool]) -> _Pending | None:
        """Classify one file: unchanged (counted), failed (reported) or pending (to embed)."""
        known = by_source.get(rel)
        try:
            if has_unsafe_characters(rel):
                raise DocumentLoadError(rel, "file name contains control characters (rename it)")
            check_file_size(path.stat().st_size, self._limits)
            data = path.read_bytes()
            if known is not None and known.content_hash == content_hash(data):
                seen.setdefault(known.document_id, rel)
                report.unchanged += 1
                _warn(report, rel, known.warnings)  # still to fix: every sync lists it, not only the first
                return None
            document = load_document(path, source=rel, data=data, limits=self._limits)
            if document.id in seen:
                raise DocumentLoadError(rel, f"document id {document.id!r} is already used by {seen[document.id]}")
            indexed = latest.get(document.id)
            owner = indexed.source if indexed is not None else document.id  # an id is its own file's path
            if owner != rel and source_present(owner):
                # NOTE: an `id:` in front matter keeps a renamed file's id; it never takes over another
                # file's article (a forum post claiming the customs article's id would replace it).
                raise DocumentLoadError(rel, f"document id {document.id!r} is already used by {owner}")
            chunks = self._chunks(document, latest.get(document.id))
        except (DocumentLoadError, OSError, ValueError) as exc:
            reason = exc.reason if isinstance(exc, DocumentLoadError) else (
                str(exc) if isinstance(exc, ValueError) else f"cannot read file ({exc})")
            report.failed.append((printable_name(rel), reason))
            log.warning("kb sync: skipped %s: %s", printable_name(rel), reason)
            if known is not None:  # keep the last good version searchable
                seen.setdefault(known.document_id, rel)
            return None
        seen[document.id] = rel
        _warn(report, rel, document.warnings)
        return _Pending(document, chunks, latest.get(document.id))

    def _chunks(self, document: LoadedDocument, previous: StoredVersion | None) -> list[Chunk]:
        version = previous.version + 1 if previous else 1
        stamp = self._clock().isoformat(timespec="seconds")
        chunks = split_document(document, version=version, updated_at=stamp, settings=self._settings)
        if not chunks:
            raise DocumentLoadError(document.source, "no text to index")
        check_chunks(len(chunks), self._limits)
        return chunks

    def _flush(self, pending: list[_Pending], report: SyncReport) -> None:
        """Embed and store a group of documents: new versions first, old versions deleted after."""
        if not pending:
            return
        chunks = [c for p in pending for c in p.chunks]
        windows = [document_windows(p.document.title, p.document.text) if self._index.windows is not None else []
                   for p in pending]
        try:
            # What an updated document's previous version embedded is kept: only changed texts are embedded.
            known: dict[str, Sequence[float]] = {}
            for p in pending:
                if p.previous is not None:
                    known |= self._index.stored_vectors(p.document.id, p.previous.version)
            # One embedding call for the chunks and the documents' windows (`windows.py`).
            vectors = embed_once(self._embedder.embed_documents,
                                 [c.embed_text for c in chunks] + [w for ws in windows for w in ws], known)
            ends = np.cumsum([len(chunks)] + [len(ws) for ws in windows])
            self._index.upsert_windows([(p.document.id, p.chunks[0].version, ws, vectors[a:b])
                                        for p, ws, a, b in zip(pending, windows, ends[:-1], ends[1:], strict=True)])
            self._index.upsert(chunks, vectors[:len(chunks)])
            for p in pending:
                if p.previous is not None:
                    self._index.delete_versions(p.document.id, keep=p.chunks[0].version)
        except KnowledgeBaseError as exc:
            self._fail_group(pending, report, str(exc))
            return
        except Exception as exc:  # an embedder failure (OpenAI down, ONNX error) costs this group only
            self._fail_group(pending, report, f"embedding failed ({exc.__class__.__name__}: {exc})")
            return
        report.embedded += len(chunks)
        report.windows += sum(len(ws) for ws in windows)
        for p in pending:
            if p.previous is None:
                report.added += 1
                report.added_names.append(p.document.source)
            else:
                report.updated += 1
                report.updated_names.append(p.document.source)

    @staticmethod
    def _fail_group(pending: list[_Pending], report: SyncReport, reason: str) -> None:
        log.error("kb sync: could not index %d documents: %s", len(pending), reason)
        report.failed.extend((p.document.source, reason) for p in pending)


def _walk(directory: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files under `directory`, sorted, without hidden ones and those `.kbignore` lists; and the
    links refused by name (those leading out of the folder or to a hidden file).

    Linked folders are never entered: one inside the folder would index its files twice.
    """
    rules = IgnoreRules.for_directory(directory)
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    for top, dirs, names in os.walk(directory, followlinks=False):
        base = Path(top)
        for name in sorted(dirs) + sorted(names):
            path = base / name
            rel = path.relative_to(directory).as_posix()
            if rules.ignores(rel) or (name in dirs and not path.is_symlink()):
                continue
            reason = link_escape(path, directory)
            if reason is not None:
                refused.append((rel, reason))
            elif path.is_file() and name in names:
                files.append(path)
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders (.git) hold no documents
    return sorted(files), sorted(refused)


def _latest_versions(rows: list[StoredVersion]) -> tuple[dict[str, StoredVersion], dict[str, list[int]]]:
    """Highest version per document, and the lower versions still stored (from interrupted runs)."""
    latest: dict[str, StoredVersion] = {}
    for row in rows:
        if row.document_id not in latest or row.version > latest[row.document_id].version:
            latest[row.document_id] = row
    stale: dict[str, list[int]] = {}
    for row in rows:
        if row.version != latest[row.document_id].version:
            stale.setdefault(row.document_id, []).append(row.version)
    return latest, stale


def _warn(report: SyncReport, rel: str, warnings: Iterable[str]) -> None:
    for warning in warnings:
        report.warned.append((printable_name(rel), warning))
        log.warning("kb sync: %s: %s", printable_name(rel), warning)
