"""Our Slack-side records: the thread of each conversation, relay dedupe, and the agent-name cache."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations.database import rows_matched
from handoff.models import AgentName, SlackEventSeen, SlackRelayed, SlackThread, utc_naive

_NO_SYNC = {"synchronize_session": False}


@dataclass(frozen=True)
class ThreadInfo:
    """A conversation's Slack thread and the card state kept beside it."""

    conversation_id: str
    channel: str
    thread_ts: str | None
    reason: str
    summary: str
    sources: tuple[str, ...]
    requested_at: datetime
    last_activity_at: datetime
    reminded_at: datetime | None
    email_offered_at: datetime | None
    mirrored_through: int
    card_version: int
    first_reply_at: datetime | None = None
    emailed_through: int = 0


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ThreadStore:
    """Reads and writes the handoff tables other than the outbox; returns dataclasses."""

    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or _utcnow

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    def now(self) -> datetime:
        return utc_naive(self._clock())

    # -- threads ---------------------------------------------------------------------------
    def get(self, conversation_id: str) -> ThreadInfo | None:
        with self._sessions() as s:
            row = s.scalar(select(SlackThread).where(SlackThread.conversation_id == conversation_id))
            return _info(row) if row else None

    def unseen_thread(self, channel: str, thread_ts: str, event_id: str | None) -> tuple[bool, ThreadInfo | None]:
        """(seen before?, the thread) in one round trip's worth of session: the hot path of a relay."""
        with self._sessions() as s:
            if event_id and s.get(SlackEventSeen, event_id[:64]) is not None:
                return True, None
            t = SlackThread
            row = s.scalar(select(t).where(t.channel == channel, t.thread_ts == thread_ts))
            return False, (_info(row) if row else None)

    def open(
        self, s: Session, conversation_id: str, *, channel: str, reason: str, summary: str, sources: Sequence[str],
        mirrored_through: int,
    ) -> tuple[ThreadInfo, bool]:
        """Create the thread record, or reset it for a new wait; True when it is new (post a card)."""
        now = self.now()
        row = s.scalar(select(SlackThread).where(SlackThread.conversation_id == conversation_id).with_for_update())
        created = row is None
        if row is None:
            row = SlackThread(conversation_id=conversation_id, channel=channel, card_version=0, created_at=now,
                              mirrored_through=0)
            s.add(row)
        row.reason, row.summary, row.sources = reason, summary, list(sources)
        row.requested_at = row.last_activity_at = now
        row.reminded_at = row.email_offered_at = row.first_reply_at = None
        row.mirrored_through = max(row.mirrored_through or 0, mirrored_through)
        row.card_version = (row.card_version or 0) + 1
        s.flush()
        return _info(row), created

    def next_card_version(self, conversation_id: str) -> ThreadInfo | None:
        """Bump the card version (fresh block_ids) and return the record."""
        with self._sessions.begin() as s:
            row = s.scalar(select(SlackThread).where(SlackThread.conversation_id == conversation_id).with_for_update())
            if row is None:
                return None
            row.card_version += 1
            s.flush()
            return _info(row)

    def advance_mirror(self, conversation_id: str, message_id: int) -> bool:
        """Record that messages up to `message_id` are in the thread; False if it already was."""
        with self._sessions.begin() as s:
            return bool(rows_matched(s.execute(
                update(SlackThread).where(SlackThread.conversation_id == conversation_id,
                                          SlackThread.mirrored_through < message_id)
                .values(mirrored_through=message_id, last_activity_at=self.now()), execution_options=_NO_SYNC,
            )))

    def mark_once(self, conversation_id: str, column: str) -> bool:
        """Set `reminded_at` / `email_offered_at` if unset; True for the one caller that set it."""
        field = {"reminded_at": SlackThread.reminded_at, "email_offered_at": SlackThread.email_offered_at}[column]
        with self._sessions.begin() as s:
            return bool(rows_matched(s.execute(
                update(SlackThread).where(SlackThread.conversation_id == conversation_id, field.is_(None))
                .values({column: self.now()}), execution_options=_NO_SYNC,
            )))

    def mark_first_reply(self, conversation_id: str) -> bool:
        """The first agent reply of this wait (its delay feeds the expected wait); True the first time."""
        t = SlackThread
        with self._sessions.begin() as s:
            return bool(rows_matched(s.execute(
                update(t).where(t.conversation_id == conversation_id, t.first_reply_at.is_(None))
                .values(first_reply_at=self.now()), execution_options=_NO_SYNC,
            )))

    def first_reply_delays(self, *, since: datetime, channel: str | None = None, limit: int = 50) -> list[float]:
        """Seconds from request to first reply of recent waits, newest first."""
        t = SlackThread
        query = select(t.requested_at, t.first_reply_at).where(t.first_reply_at.is_not(None), t.first_reply_at >= since)
        if channel is not None:
            query = query.where(t.channel == channel)
        with self._sessions() as s:
            rows = s.execute(query.order_by(t.first_reply_at.desc()).limit(limit)).all()
        return [max(0.0, (reply - asked).total_seconds()) for asked, reply in rows if reply is not None]

    def advance_emailed(self, conversation_id: str, through: int) -> bool:
        """Record that agent messages up to `through` went out by email; False if an email already covered them."""
        t = SlackThread
        with self._sessions.begin() as s:
            return bool(rows_matched(s.execute(
                update(t).where(t.conversation_id == conversation_id, t.emailed_through < through)
                .values(emailed_through=through), execution_options=_NO_SYNC,
            )))

    def waiting(self, conversation_ids: Sequence[str]) -> list[ThreadInfo]:
        if not conversation_ids:
            return []
        with self._sessions() as s:
            rows = s.scalars(select(SlackThread).where(SlackThread.conversation_id.in_(list(conversation_ids))))
            return [_info(r) for r in rows]

    # -- relay dedupe ----------------------------------------------------------------------
    def first_sight(self, event_id: str | None) -> bool:
        """True the first time an Events API `event_id` is seen (retries carry the same id)."""
        if not event_id:
            return True
        try:
            with self._sessions.begin() as s:
                s.add(SlackEventSeen(event_id=event_id[:64], created_at=self.now()))
            return True
        except IntegrityError:
            return False

    def remember_event(self, event_id: str | None) -> None:
        if event_id:
            self.first_sight(event_id)

    def claim_relay(
        self, channel: str, ts: str, conversation_id: str, *, stale_after: timedelta = timedelta(seconds=30)
    ) -> bool:
        """Reserve the relay of Slack message (channel, ts); False when it was relayed (or is being relayed).

        A reservation that never got its stored message (the process died in between) goes stale,
        so Slack's next retry (about a minute later) can take it over.
        """
        now = self.now()
        try:
            with self._sessions.begin() as s:
                s.add(SlackRelayed(channel=channel, ts=ts, conversation_id=conversation_id, created_at=now))
            return True
        except IntegrityError:
            pass
        with self._sessions.begin() as s:
            r = SlackRelayed
            stale = update(r).where(r.channel == channel, r.ts == ts, r.message_id.is_(None),
                                    r.created_at < now - stale_after)
            return bool(rows_matched(s.execute(stale.values(created_at=now), execution_options=_NO_SYNC)))

    def relayed(self, channel: str, ts: str, message_id: int, *, event_id: str | None = None) -> None:
        """Link the Slack message to our stored one and remember the event, in one transaction."""
        with self._sessions.begin() as s:
            s.execute(update(SlackRelayed).where(SlackRelayed.channel == channel, SlackRelayed.ts == ts)
                      .values(message_id=message_id), execution_options=_NO_SYNC)
            if event_id:
                try:
                    with s.begin_nested():
                        s.add(SlackEventSeen(event_id=event_id[:64], created_at=self.now()))
                except IntegrityError:
                    pass  # a concurrent duplicate delivery already remembered it

    def release_relay(self, channel: str, ts: str) -> None:
        """Undo `claim_relay` after a failed store write, so a later delivery can try again."""
        with self._sessions.begin() as s:
            s.execute(delete(SlackRelayed).where(SlackRelayed.channel == channel, SlackRelayed.ts == ts),
                      execution_options=_NO_SYNC)

    def relayed_message(self, channel: str, ts: str) -> int | None:
        """Our store's message id for a relayed Slack message (edits and deletes look it up)."""
        with self._sessions() as s:
            r = SlackRelayed
            return s.scalar(select(r.message_id).where(r.channel == channel, r.ts == ts))

    def prune_events(self, older_than: timedelta) -> int:
        """Forget event ids after Slack stopped retrying them (its last retry is ~5 min later)."""
        with self._sessions.begin() as s:
            old = delete(SlackEventSeen).where(SlackEventSeen.created_at < self.now() - older_than)
            return rows_matched(s.execute(old, execution_options=_NO_SYNC))

    # -- agent names -----------------------------------------------------------------------
    def cached_name(self, user_id: str, *, max_age: timedelta | None) -> str | None:
        with self._sessions() as s:
            row = s.get(AgentName, user_id)
            if row is None or (max_age is not None and row.fetched_at < self.now() - max_age):
                return None
            return row.name

    def cached_avatar_url(self, user_id: str) -> str | None:
        with self._sessions() as s:
            return s.scalar(select(AgentName.avatar_url).where(AgentName.user_id == user_id))

    def save_name(self, user_id: str, name: str, *, avatar_url: str | None = None) -> None:
        try:
            with self._sessions.begin() as s:
                row = s.get(AgentName, user_id)
                if row is None:
                    s.add(AgentName(user_id=user_id, name=name[:200], fetched_at=self.now(), avatar_url=avatar_url))
                else:
                    row.name, row.fetched_at, row.avatar_url = name[:200], self.now(), avatar_url
        except IntegrityError:
            pass  # another thread cached the same user a moment ago


def _info(row: SlackThread) -> ThreadInfo:
    return ThreadInfo(
        conversation_id=row.conversation_id, channel=row.channel, thread_ts=row.thread_ts, reason=row.reason,
        summary=row.summary, sources=tuple(row.sources or ()), requested_at=row.requested_at,
        last_activity_at=row.last_activity_at, reminded_at=row.reminded_at, email_offered_at=row.email_offered_at,
        mirrored_through=row.mirrored_through, card_version=row.card_version, first_reply_at=row.first_reply_at,
        emailed_through=row.emailed_through or 0,
    )
