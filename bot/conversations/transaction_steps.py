"""Steps the conversation store runs inside its transactions: stamp a conversation, append to its log,
check that it exists, re-read it. Each takes the open `Session`; the store owns the transaction.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.conversations.database import rows_matched
from bot.conversations.models import ConversationRow, MessageRow
from bot.conversations.records import Citation, Kind, Message, Role
from bot.conversations.row_records import message_record
from bot.errors import ConversationNotFound, InvalidInput
from bot.web.serialization import citation_to_dict

NO_SYNC = {"synchronize_session": False}
FIELD_LIMITS = {"customer_name": 200, "customer_email": 320, "locale": 35, "page_url": 4000}


def touch_conversation(s: Session, conversation_id: str, now: datetime, role: Role | None) -> None:
    """Stamp the conversation before inserting into its log.

    NOTE: this UPDATE row-locks the conversation, so inserts into one conversation commit in id
    order on Postgres too (a sequence hands out ids at insert, not at commit); `after=` paging
    and SSE catch-up rely on that. On SQLite it takes the write lock as the first statement.
    """
    values: dict[str, Any] = {"updated_at": now}
    if role is Role.CUSTOMER:
        values["last_customer_at"] = now
    elif role is Role.AGENT:
        values["last_agent_at"] = now
    stmt = update(ConversationRow).where(ConversationRow.id == conversation_id).values(**values)
    if rows_matched(s.execute(stmt, execution_options=NO_SYNC)) == 0:
        raise ConversationNotFound(conversation_id)


def insert_message(
    s: Session, conversation_id: str, role: Role, kind: Kind, text: str,
    citations: Sequence[Citation | dict[str, Any]], author: str | None, meta: dict[str, Any] | None, now: datetime,
) -> Message:
    """Append one row to the conversation's log; `meta` must survive a JSON round trip."""
    cites = [citation_to_dict(c if isinstance(c, Citation) else Citation(**c)) for c in citations]
    meta = dict(meta or {})
    try:
        json.dumps(meta)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"meta must be JSON-serializable: {exc}") from exc
    row = MessageRow(
        conversation_id=conversation_id, role=role.value, kind=kind.value, text=text,
        citations=cites, author=author, meta=meta, created_at=now,
    )
    s.add(row)
    s.flush()
    return message_record(row)


def require_conversation(s: Session, conversation_id: str) -> None:
    """Raise `ConversationNotFound` unless the conversation exists (an empty page must not hide that)."""
    if s.scalar(select(ConversationRow.id).where(ConversationRow.id == conversation_id)) is None:
        raise ConversationNotFound(conversation_id)


def reload_conversation(s: Session, conversation_id: str) -> ConversationRow:
    """The conversation's row as the UPDATE just left it (not the session's cached copy)."""
    query = select(ConversationRow).where(ConversationRow.id == conversation_id)
    return s.execute(query, execution_options={"populate_existing": True}).scalar_one()


def check_lengths(fields: dict[str, Any]) -> None:
    """Refuse customer details longer than their column allows (`FIELD_LIMITS`)."""
    for name, value in fields.items():
        if value is not None and len(value) > FIELD_LIMITS[name]:
            raise InvalidInput(f"{name} is longer than {FIELD_LIMITS[name]} characters")


def blank_edits(s: Session, conversation_id: str, message_id: int) -> None:
    """Empty the text of every EDIT entry of `message_id`: after a delete, no version stays readable
    through the message list or an events replay."""
    edits = s.scalars(select(MessageRow).where(
        MessageRow.conversation_id == conversation_id, MessageRow.kind == Kind.EDIT.value, MessageRow.id > message_id))
    for row in edits:
        if (row.meta or {}).get("message_id") == message_id:
            row.text = ""
