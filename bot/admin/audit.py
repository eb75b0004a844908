"""The console's audit trail of privacy actions: an export or erasure through the API leaves a row
saying who (token or session, and the operator's name), from which address, when, and what it did.

A row is written when the request arrives (outcome status "started") and updated when the action
ends ("done" with its counts, or "failed" with the error's kind), so no action goes unrecorded.

The subject is kept as a keyed digest, never as the email itself: after an erasure the trail must
still prove it happened without holding the erased customer's address again.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.models import AuditRow

STARTED, DONE, FAILED = "started", "done", "failed"  # an entry's outcome["status"]


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    actor: str
    address: str
    subject_kind: str
    subject_digest: str
    outcome: dict[str, Any]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """Rows in `admin_audit`, only their outcome ever updated; `digest_key` keys the subject digest (the admin
    token's hash: a rotated token gives the same subject another digest, as the README says)."""

    def __init__(self, sessions: sessionmaker[Session], *, digest_key: bytes,
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self._sessions = sessions
        self._key = digest_key
        self._clock = clock

    def digest(self, subject: str) -> str:
        """The same customer gives the same digest (emails compared case-insensitively)."""
        return hmac.new(self._key, subject.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()

    def record(self, *, action: str, actor: str, address: str, subject_kind: str, subject: str,
               outcome: dict[str, Any]) -> AuditEntry:
        row = AuditRow(at=self._clock(), action=action, actor=actor[:100], address=address[:64],
                       subject_kind=subject_kind, subject_digest=self.digest(subject), outcome=outcome)
        with self._sessions.begin() as s:
            s.add(row)
            s.flush()
            return _entry(row)

    def started(self, *, action: str, actor: str, address: str, subject_kind: str, subject: str) -> AuditEntry:
        """The request, recorded before the action runs: an action whose outcome cannot be written
        (or that dies halfway) still leaves its row, saying "started"."""
        return self.record(action=action, actor=actor, address=address, subject_kind=subject_kind,
                           subject=subject, outcome={"status": STARTED})

    def finished(self, entry_id: int, counts: dict[str, Any]) -> None:
        self._set_outcome(entry_id, {"status": DONE, **counts})

    def failed(self, entry_id: int, error_kind: str) -> None:
        self._set_outcome(entry_id, {"status": FAILED, "error": error_kind})

    def _set_outcome(self, entry_id: int, outcome: dict[str, Any]) -> None:
        with self._sessions.begin() as s:
            s.execute(update(AuditRow).where(AuditRow.id == entry_id).values(outcome=outcome))

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        with self._sessions() as s:
            return [_entry(r) for r in s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit))]


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.id, row.at, row.action, row.actor, row.address, row.subject_kind, row.subject_digest,
                      dict(row.outcome))
