"""Sync and golden-check runs in the database: progress any worker can read, and their history."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.models import RunRow

# NOTE: a run whose process died never finishes; after this long it no longer blocks a new one.
_STALE_AFTER = timedelta(hours=2)


@dataclass(frozen=True)
class Run:
    id: int
    kind: str  # sync | eval
    status: str  # running | done | failed
    started_at: datetime
    finished_at: datetime | None
    done: int
    total: int
    kb_version: str | None
    pass_rate: float | None
    report: dict[str, Any]


def kb_version(documents: Iterable[Any]) -> str:
    """A short fingerprint of what the knowledge base holds: every document id and content hash."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        digest.update(f"{doc.id}\0{doc.content_hash}\n".encode())
    return digest.hexdigest()[:12]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class RunsStore:
    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = _utcnow) -> None:
        self._sessions = sessions
        self._clock = clock

    def start(self, kind: str, *, total: int = 0, kb_version: str | None = None) -> Run | None:
        """A new running run; None when one of this kind is already running (in any worker)."""
        now = self._clock()
        with self._sessions.begin() as s:
            running = s.scalars(select(RunRow).where(RunRow.kind == kind, RunRow.status == "running")).all()
            if any(now - r.started_at < _STALE_AFTER for r in running):
                return None
            for r in running:
                r.status, r.finished_at, r.report = "failed", now, {"error": "the process running it stopped"}
            row = RunRow(kind=kind, status="running", started_at=now, done=0, total=total, kb_version=kb_version,
                         report={})
            s.add(row)
            s.flush()
            return _run(row)

    def progress(self, run_id: int, done: int, total: int) -> None:
        with self._sessions.begin() as s:
            s.execute(update(RunRow).where(RunRow.id == run_id).values(done=done, total=total))

    def finish(self, run_id: int, *, status: str, report: dict[str, Any], kb_version: str | None = None,
               pass_rate: float | None = None) -> Run:
        with self._sessions.begin() as s:
            row = s.get(RunRow, run_id)
            assert row is not None, f"run {run_id} vanished"
            row.status, row.finished_at, row.report = status, self._clock(), report
            row.pass_rate = pass_rate
            if kb_version is not None:
                row.kb_version = kb_version
            s.flush()
            return _run(row)

    def get(self, run_id: int) -> Run | None:
        with self._sessions.begin() as s:
            row = s.get(RunRow, run_id)
            return _run(row) if row is not None else None

    def history(self, kind: str, *, limit: int = 20) -> list[Run]:
        """Newest first."""
        with self._sessions.begin() as s:
            rows = s.scalars(select(RunRow).where(RunRow.kind == kind).order_by(RunRow.id.desc()).limit(limit)).all()
            return [_run(r) for r in rows]

    def latest(self, kind: str, *, status: str | None = None) -> Run | None:
        query = select(RunRow).where(RunRow.kind == kind)
        if status:
            query = query.where(RunRow.status == status)
        with self._sessions.begin() as s:
            row = s.scalars(query.order_by(RunRow.id.desc()).limit(1)).first()
            return _run(row) if row is not None else None


def _run(r: RunRow) -> Run:
    return Run(r.id, r.kind, r.status, r.started_at, r.finished_at, r.done, r.total, r.kb_version, r.pass_rate,
               dict(r.report or {}))
