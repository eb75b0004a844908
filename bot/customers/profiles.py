"""The customer side of a conversation kept beside it: identity, claims, what was seen, extra keys, secrets."""
from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations.database import rows_matched
from bot.conversations.models import AccessTokenRow, ConversationRow, CustomerProfileRow, ServerSecretRow
from bot.conversations.records import State
from bot.conversations.store import hash_token
from bot.errors import ConversationNotFound

_NO_SYNC = {"synchronize_session": False}


@dataclass(frozen=True)
class Profile:
    """`verified` holds what the host site signed (name, email, attributes); `claims` what it did not."""

    conversation_id: str
    user_id: str | None = None
    verified: dict[str, Any] = field(default_factory=dict)
    claims: dict[str, Any] = field(default_factory=dict)
    seen_through: int = 0


@dataclass(frozen=True)
class EarlierConversation:
    id: str
    created_at: datetime
    state: State
    handoff_reason: str | None


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ProfileStore:
    """Reads and writes `customer_profiles`, `access_tokens` and `server_secrets`; returns dataclasses."""

    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or _utcnow

    def get(self, conversation_id: str) -> Profile | None:
        with self._sessions() as s:
            row = s.get(CustomerProfileRow, conversation_id)
            return _profile(row) if row is not None else None

    def save(
        self, conversation_id: str, *, user_id: str | None, verified: dict[str, Any], claims: dict[str, Any]
    ) -> Profile:
        """Replace identity and claims (the host site may log a customer in mid-conversation)."""
        with self._sessions.begin() as s:
            if s.get(ConversationRow, conversation_id) is None:
                raise ConversationNotFound(conversation_id)
            row = s.get(CustomerProfileRow, conversation_id, with_for_update=True)
            if row is None:
                row = CustomerProfileRow(conversation_id=conversation_id, seen_through=0)
                s.add(row)
            row.user_id, row.verified, row.claims, row.updated_at = user_id, verified, claims, self._now()
            s.flush()
            return _profile(row)

    def earlier(self, user_id: str, *, exclude: str, limit: int = 5) -> list[EarlierConversation]:
        """The same verified customer's other conversations, newest first."""
        c, p = ConversationRow, CustomerProfileRow
        query = (select(c).join(p, p.conversation_id == c.id).where(p.user_id == user_id, c.id != exclude)
                 .order_by(c.created_at.desc()).limit(limit))
        with self._sessions() as s:
            return [EarlierConversation(r.id, r.created_at, State(r.state), r.handoff_reason) for r in s.scalars(query)]

    def mark_seen(self, conversation_id: str, through: int) -> int:
        """Record that an open widget showed messages up to `through` (never moves back); returns the mark."""
        now = self._now()
        p = CustomerProfileRow
        with self._sessions.begin() as s:
            forward = update(p).where(p.conversation_id == conversation_id, p.seen_through < through)
            moved = rows_matched(s.execute(forward.values(seen_through=through, seen_at=now),
                                           execution_options=_NO_SYNC))
            if not moved and s.get(p, conversation_id) is None:
                if s.get(ConversationRow, conversation_id) is None:
                    raise ConversationNotFound(conversation_id)
                try:
                    with s.begin_nested():
                        s.add(p(conversation_id=conversation_id, verified={}, claims={}, seen_through=through,
                                seen_at=now, updated_at=now))
                except IntegrityError:
                    s.execute(update(p).where(p.conversation_id == conversation_id, p.seen_through < through)
                              .values(seen_through=through, seen_at=now), execution_options=_NO_SYNC)
            return int(s.scalar(select(p.seen_through).where(p.conversation_id == conversation_id)) or 0)

    def seen_through(self, conversation_id: str) -> int:
        with self._sessions() as s:
            return int(s.scalar(select(CustomerProfileRow.seen_through)
                                .where(CustomerProfileRow.conversation_id == conversation_id)) or 0)

    def add_access_token(self, conversation_id: str, *, via: str, ttl: timedelta) -> str:
        """A second key to the conversation (shown once; only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        now = self._now()
        with self._sessions.begin() as s:
            s.add(AccessTokenRow(conversation_id=conversation_id, token_hash=hash_token(token), via=via,
                                 created_at=now, expires_at=now + ttl))
        return token

    def secret(self, name: str) -> bytes:
        """A random secret made on first use and shared by every process through the database."""
        with self._sessions() as s:
            row = s.get(ServerSecretRow, name)
            if row is not None:
                return row.value.encode("ascii")
        try:
            with self._sessions.begin() as s:
                s.add(ServerSecretRow(name=name, value=secrets.token_urlsafe(48), created_at=self._now()))
        except IntegrityError:
            pass  # another process made it first: use theirs
        with self._sessions() as s:
            value = s.scalar(select(ServerSecretRow.value).where(ServerSecretRow.name == name))
            assert value is not None
            return value.encode("ascii")

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo else now.replace(tzinfo=UTC)


def _profile(row: CustomerProfileRow) -> Profile:
    return Profile(
        row.conversation_id, row.user_id, dict(row.verified or {}), dict(row.claims or {}), row.seen_through or 0
    )
