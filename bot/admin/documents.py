"""Knowledge documents from the console: list with versions and failures, upload, remove, and a
sync of the configured folder running in the background with its progress in the database.

Every write goes through the server's own `KnowledgeBase`, so its search sees the change at once
(other workers and processes within the index's generation cache, half a second).
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from bot.admin.runs import Run, RunsStore, kb_version
from bot.errors import InvalidInput
from knowledge_base.loaders_limits import has_unsafe_characters, printable_name

log = logging.getLogger(__name__)
SUFFIXES = (".md", ".markdown", ".html", ".htm", ".pdf", ".txt", ".docx")
MAX_NAME_BYTES = 255  # one folder or file name, as Linux, macOS and Windows file systems allow


class KnowledgeBaseLike(Protocol):
    """What the console needs of `knowledge_base.service.KnowledgeBase`."""

    def documents(self) -> list[Any]: ...
    def add(self, paths: Any, *, root: Path | None = None, progress: Any = None) -> Any: ...
    def remove(self, ids: Any) -> int: ...
    def sync(self, directory: Path, *, progress: Any = None, reindex: bool = False) -> Any: ...


class SyncUnavailable(InvalidInput):
    """No documents folder is configured, or a sync is already running."""


@dataclass(frozen=True)
class DocumentView:
    id: str
    title: str
    source: str
    url: str | None
    chunks: int
    version: int
    updated_at: str
    failure: str | None  # why the last sync could not read this document's file (its old version stays)
    warnings: tuple[str, ...] = ()  # indexed, but its file should be fixed (front matter that is not YAML, a bad url)


def report_dict(report: Any) -> dict[str, Any]:
    """A `SyncReport` as JSON: names of what changed, counts, and failures with their reasons."""
    return {
        "added": list(report.added_names), "updated": list(report.updated_names),
        "removed": list(report.removed_names), "unchanged": report.unchanged,
        "failed": [{"name": name, "reason": reason} for name, reason in report.failed],
        "warned": [{"name": name, "reason": reason} for name, reason in report.warned],
    }


class DocumentsService:
    def __init__(self, kb: KnowledgeBaseLike, runs: RunsStore, *, documents_dir: Path | None,
                 max_upload_bytes: int) -> None:
        self._kb = kb
        self._runs = runs
        self._dir = documents_dir
        self._max = max_upload_bytes
        self._thread: threading.Thread | None = None

    @property
    def documents_dir(self) -> Path | None:
        return self._dir

    def version(self) -> str:
        return kb_version(self._kb.documents())

    def list(self) -> tuple[list[DocumentView], Run | None]:
        """Documents sorted by id, each with its failure in the last sync; and that sync."""
        last = self._runs.latest("sync")
        failures = {f["name"]: f["reason"] for f in (last.report.get("failed", []) if last else [])}
        docs = [DocumentView(d.id, d.title, d.source, d.url, d.chunks, d.version, d.updated_at,
                             failures.get(d.source), d.warnings) for d in self._kb.documents()]
        return docs, last

    def upload(self, filename: str, data: bytes, *, path: str | None = None) -> dict[str, Any]:
        """Add or replace one file; its id is `path` (default: the file name). Refused when unreadable."""
        rel = _safe_relative(path or filename)
        target = self._dir / rel if self._dir is not None else None
        if self._dir is not None and target is not None:
            _check_room(self._dir, target)  # NOTE: before the knowledge base takes it, so a refusal changes nothing
        if len(data) > self._max:
            raise InvalidInput(f"the file is larger than {self._max} bytes")
        if not data:
            raise InvalidInput("the file is empty")
        with tempfile.TemporaryDirectory(prefix="supportbot-upload-") as tmp:
            staged = Path(tmp) / rel
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
            report = self._kb.add([staged], root=Path(tmp))
            if report.failed:
                raise InvalidInput(f"{rel}: {report.failed[0][1]}")
            if target is not None:  # keep the folder the truth, so the next sync keeps this file
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(staged, target)
        return report_dict(report)

    def remove(self, document_id: str) -> None:
        known = {d.id: d for d in self._kb.documents()}
        if document_id not in known:
            raise InvalidInput(f"no document {document_id!r}")
        self._kb.remove([document_id])
        if self._dir is not None:
            try:
                source = self._dir / _safe_relative(known[document_id].source)
            except InvalidInput:
                return  # not a file this folder could hold (added from elsewhere): nothing to delete
            if source.is_file():
                source.unlink()

    def start_sync(self) -> Run:
        """Mirror the documents folder in a background thread; progress lands in the run's row."""
        if self._dir is None:
            raise SyncUnavailable("no documents folder is configured (SUPPORTBOT_ADMIN__DOCUMENTS_DIR)")
        if not self._dir.is_dir():
            raise SyncUnavailable(f"the documents folder {self._dir} does not exist")
        run = self._runs.start("sync", kb_version=self.version())
        if run is None:
            raise SyncUnavailable("a sync is already running")
        self._thread = threading.Thread(target=self._sync, args=(run.id, self._dir), name="admin-sync", daemon=True)
        self._thread.start()
        return run

    def wait(self, timeout: float | None = None) -> None:
        """Tests and the CLI: wait for the background sync to end."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _sync(self, run_id: int, directory: Path) -> None:
        last = [0.0]

        def progress(done: int, total: int) -> None:
            if done == total or time.monotonic() - last[0] > 0.5:
                last[0] = time.monotonic()
                self._runs.progress(run_id, done, total)

        try:
            report = self._kb.sync(directory, progress=progress)
        except Exception as exc:
            log.exception("console sync of %s failed", directory)
            self._runs.finish(run_id, status="failed", report={"error": str(exc)})
            return
        self._runs.finish(run_id, status="done", report=report_dict(report),
                          kb_version=self.version())


def _safe_relative(name: str) -> str:
    """A relative POSIX path inside the folder with a supported suffix, or InvalidInput."""
    cleaned = (name or "").replace("\\", "/").strip()
    path = PurePosixPath(cleaned)
    if not cleaned or path.is_absolute() or any(part in ("", ".", "..") for part in path.parts):
        raise InvalidInput("give a relative file name such as 'shipping/returns.md'")
    if has_unsafe_characters(cleaned):
        raise InvalidInput(f"{printable_name(cleaned)}: file name contains control characters (rename it)")
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in path.parts):
        raise InvalidInput(f"a folder or file name is longer than {MAX_NAME_BYTES} bytes")
    if any(part.startswith(".") for part in path.parts):
        raise InvalidInput("hidden files are not indexed")
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidInput(f"supported files: {', '.join(SUFFIXES)}")
    if len(cleaned) > 300:
        raise InvalidInput("the file name is too long")
    return path.as_posix()




def _check_room(folder: Path, target: Path) -> None:
    """The folder can hold `target`: no file stands where one of its folders would be, nor a folder where it goes."""
    for parent in reversed(target.relative_to(folder).parents):
        place = folder / parent
        if place.exists() and not place.is_dir():
            raise InvalidInput(f"{parent.as_posix()} is a file in the documents folder, not a folder")
    if target.is_dir():
        raise InvalidInput(f"{target.relative_to(folder).as_posix()} is a folder in the documents folder")
