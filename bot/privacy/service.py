"""Export and erase everything held about a customer, and purge old conversations (retention).

A customer is found by email (every conversation that gave it) or by one conversation id. Export
writes the conversations, their messages and state changes, and whatever each participant (the
Slack side) holds, as one JSON-ready dict. Erasure asks participants first (so the Slack side can
still find its threads to retract them), then deletes the conversation rows; nothing is kept.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow
from bot.conversations.row_records import conversation_record, message_record, state_change_record
from bot.errors import InvalidInput
from bot.privacy.ports import PrivacyParticipant

log = logging.getLogger(__name__)
_BATCH = 500  # conversations per retention step: short transactions, bounded memory


@dataclass(frozen=True)
class Subject:
    """Whose data: an email address or one conversation id (exactly one)."""

    email: str | None = None
    conversation_id: str | None = None

    def __post_init__(self) -> None:
        if (self.email is None) == (self.conversation_id is None):
            raise InvalidInput("give exactly one of an email address or a conversation id")


@dataclass(frozen=True)
class Erasure:
    """What an erasure removed."""

    conversations: int
    messages: int
    state_changes: int
    other: dict[str, int]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class PrivacyService:
    """Export, erase and retention over the conversation tables plus the registered participants."""

    def __init__(self, sessions: sessionmaker[Session], *, participants: Sequence[PrivacyParticipant] = (),
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self._sessions = sessions
        self._participants = list(participants)
        self._clock = clock

    def add_participant(self, participant: PrivacyParticipant) -> None:
        self._participants.append(participant)

    def conversation_ids(self, subject: Subject) -> list[str]:
        with self._sessions() as s:
            query = select(ConversationRow.id).order_by(ConversationRow.created_at)
            if subject.email is not None:
                query = query.where(func.lower(ConversationRow.customer_email) == subject.email.strip().lower())
            else:
                query = query.where(ConversationRow.id == subject.conversation_id)
            return list(s.scalars(query))

    def export(self, subject: Subject) -> dict[str, Any]:
        """Everything held about `subject`, JSON-ready (datetimes as ISO strings)."""
        ids = self.conversation_ids(subject)
        with self._sessions() as s:
            conversations = []
            for cid in ids:
                row = s.get(ConversationRow, cid)
                if row is None:
                    continue
                record = asdict(conversation_record(row))
                record["messages"] = [asdict(message_record(m)) for m in s.scalars(
                    select(MessageRow).where(MessageRow.conversation_id == cid).order_by(MessageRow.id))]
                record["state_changes"] = [asdict(state_change_record(c)) for c in s.scalars(
                    select(StateChangeRow).where(StateChangeRow.conversation_id == cid).order_by(StateChangeRow.id))]
                conversations.append(record)
        return _jsonable({
            "subject": asdict(subject), "exported_at": self._clock(), "conversations": conversations,
            **{p.name: p.export(ids) for p in self._participants},
        })

    def erase(self, subject: Subject) -> Erasure:
        return self.erase_conversations(self.conversation_ids(subject))

    def erase_conversations(self, ids: Sequence[str]) -> Erasure:
        """Participants first (they may need the rows to retract what they sent), then our rows."""
        if not ids:
            return Erasure(0, 0, 0, {p.name: 0 for p in self._participants})
        other = {p.name: p.erase(ids) for p in self._participants}
        with self._sessions.begin() as s:
            messages = _count(s.execute(delete(MessageRow).where(MessageRow.conversation_id.in_(ids))))
            changes = _count(s.execute(delete(StateChangeRow).where(StateChangeRow.conversation_id.in_(ids))))
            conversations = _count(s.execute(delete(ConversationRow).where(ConversationRow.id.in_(ids))))
        log.info("privacy: erased %d conversation(s), %d message(s)", conversations, messages)
        return Erasure(conversations, messages, changes, other)

    def purge_older_than(self, days: int) -> int:
        """Erase conversations with no activity for `days` days; returns how many."""
        cutoff = self._clock() - timedelta(days=days)
        total = 0
        while True:
            with self._sessions() as s:
                ids = list(s.scalars(select(ConversationRow.id).where(ConversationRow.updated_at < cutoff)
                                     .limit(_BATCH)))
            if not ids:
                return total
            total += self.erase_conversations(ids).conversations


def _count(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str | bool):
        return value.value  # enums (State, Role, Kind)
    return value
