"""Claiming outbox rows safely across processes, and pacing each Slack channel.

A row is claimed with `SELECT ... FOR UPDATE SKIP LOCKED` (Postgres) plus a conditional UPDATE that
sets a lease (everywhere), so several workers never send one row twice and a crashed worker's rows
come back when the lease expires. Only the oldest pending row of a conversation (`thread_key`) is
eligible, which keeps each thread in order, and a channel's next send slot lives in `OutboxPacing`.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.conversations.database import rows_matched
from handoff.models import OutboxPacing, OutboxRow


@dataclass(frozen=True)
class OutboxItem:
    """A row as tests and operators see it."""

    id: int
    channel: str
    thread_key: str
    method: str
    kind: str
    payload: dict[str, Any]
    status: str
    attempts: int
    last_error: str | None
    result_ts: str | None


def item_from_row(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        id=row.id, channel=row.channel, thread_key=row.thread_key, method=row.method, kind=row.kind,
        payload=dict(row.payload), status=row.status, attempts=row.attempts, last_error=row.last_error,
        result_ts=row.result_ts,
    )


class OutboxClaims:
    """Leases rows to one worker and hands out each channel's send slots."""

    def __init__(self, sessions: sessionmaker[Session], *, worker_id: str, lease: timedelta, interval: timedelta,
                 batch: int, methods: Collection[str] | None = None) -> None:
        self._sessions = sessions
        self._methods = sorted(methods) if methods is not None else None  # None: claim every method
        self._worker_id = worker_id
        self._lease = lease
        self._interval = interval
        self._batch = batch

    def claim(self, now: datetime) -> OutboxItem | None:
        """The next row due at `now` whose channel has a free slot, leased to this worker; None when none is."""
        earlier = aliased(OutboxRow)
        head = ~exists().where(
            earlier.thread_key == OutboxRow.thread_key, earlier.status == "pending", earlier.id < OutboxRow.id
        )
        paced = select(OutboxPacing.channel).where(OutboxPacing.not_before > now)
        mine = OutboxRow.method.in_(self._methods) if self._methods is not None else OutboxRow.id.is_not(None)
        query = (
            select(OutboxRow)
            .where(
                OutboxRow.status == "pending", OutboxRow.next_attempt_at <= now,
                or_(OutboxRow.locked_until.is_(None), OutboxRow.locked_until < now),
                head, OutboxRow.channel.not_in(paced), mine,
            )
            .order_by(OutboxRow.id)
            .limit(self._batch)
            # NOTE: Postgres skips rows another worker is claiming; SQLite serialises writers anyway.
            .with_for_update(skip_locked=True, of=OutboxRow)
        )
        with self._sessions.begin() as session:
            for row in session.scalars(query).all():
                claimed = rows_matched(session.execute(
                    update(OutboxRow)
                    .where(
                        OutboxRow.id == row.id, OutboxRow.status == "pending",
                        or_(OutboxRow.locked_until.is_(None), OutboxRow.locked_until < now),
                    )
                    .values(locked_by=self._worker_id, locked_until=now + self._lease)
                    .execution_options(synchronize_session=False)
                ))
                if not claimed:
                    continue
                if self._take_slot(session, row.channel, now):
                    session.refresh(row)
                    return item_from_row(row)
                session.execute(
                    update(OutboxRow).where(OutboxRow.id == row.id).values(locked_by=None, locked_until=None)
                    .execution_options(synchronize_session=False)
                )
        return None

    def _take_slot(self, session: Session, channel: str, now: datetime) -> bool:
        """Reserve the channel's next send slot; False when another write used it (pacing)."""
        taken = rows_matched(session.execute(
            update(OutboxPacing)
            .where(OutboxPacing.channel == channel, OutboxPacing.not_before <= now)
            .values(not_before=now + self._interval)
            .execution_options(synchronize_session=False)
        ))
        if taken:
            return True
        if session.get(OutboxPacing, channel) is not None:
            return False
        try:
            with session.begin_nested():
                session.add(OutboxPacing(channel=channel, not_before=now + self._interval))
        except IntegrityError:
            return False
        return True

    def pause_channel(self, channel: str, until: datetime) -> None:
        """No send to `channel` before `until` (Slack said 429 with Retry-After)."""
        with self._sessions.begin() as session:
            session.execute(
                update(OutboxPacing).where(and_(OutboxPacing.channel == channel, OutboxPacing.not_before < until))
                .values(not_before=until).execution_options(synchronize_session=False)
            )
