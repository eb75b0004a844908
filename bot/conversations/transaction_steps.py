"""Steps the conversation store runs inside its transactions: stamp a conversation, append to its log,
check that it exists, re-read it. Each takes the open `Session` or Core `Connection`; the store owns
the transaction.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Row, Update, bindparam, exists, insert, select, update
from sqlalchemy.orm import Session

from bot.conversations import direct_execute as direct
from bot.conversations.models import ConversationRow, MessageRow
from bot.conversations.records import Citation, Kind, Message, Role, State, TurnLease
from bot.conversations.row_records import MESSAGE_FIELDS, message_records, new_message
from bot.errors import ConversationNotFound, InvalidInput
from bot.web.serialization import citation_to_dict

NO_SYNC = {"synchronize_session": False}
# The tables themselves, for Core statements on the hot path of a turn.
CONVERSATIONS = ConversationRow.metadata.tables["conversations"]
MESSAGES = MessageRow.metadata.tables["messages"]
FIELD_LIMITS = {"customer_name": 200, "customer_email": 320, "locale": 35, "page_url": 4000}
# Statements of every turn, built once (see `_stamp`); their values are bound at execution.
_INSERT_MESSAGE = insert(MESSAGES)
_INSERT_MESSAGE_ID = insert(MESSAGES).returning(MESSAGES.c.id)  # run directly (`direct_execute`): the id read back
_MESSAGE_KEYS = ("conversation_id", "role", "kind", "text", "citations", "author", "meta", "created_at", "turn_until",
                 "turn_owner", "reply_to")
# NOTE: a turn's history is read in the columns a record holds, not every column: the rest (a customer
# message's lease time above all) would each be converted from SQLite's text for nothing.
_HISTORY_COLUMNS = [MESSAGES.c[name] for name in MESSAGE_FIELDS]
_RECENT = (
    select(*_HISTORY_COLUMNS)
    .where(MESSAGES.c.conversation_id == bindparam("cid"), MESSAGES.c.id < bindparam("before"),
           MESSAGES.c.kind.in_(bindparam("kinds", expanding=True)))
    .order_by(MESSAGES.c.id.desc()).limit(bindparam("limit"))
)
# NOTE: a turn reads one kind; an expanding IN is re-rendered at every execution (~15% of the read).
_RECENT_OF_KIND = (
    select(*_HISTORY_COLUMNS)
    .where(MESSAGES.c.conversation_id == bindparam("cid"), MESSAGES.c.id < bindparam("before"),
           MESSAGES.c.kind == bindparam("kind"))
    .order_by(MESSAGES.c.id.desc()).limit(bindparam("limit"))
)
Tx = direct.Tx  # what the steps run on: the store's transaction, ORM, Core, or the pool's DBAPI connection
READ_CONVERSATION = select(CONVERSATIONS).where(CONVERSATIONS.c.id == bindparam("cid"))


def touch_conversation(
    s: Tx, conversation_id: str, now: datetime, role: Role | None, *,
    values: dict[str, Any] | None = None, only_in: State | None = None, turn: TurnLease | None = None,
) -> bool:
    """Stamp the conversation before inserting into its log (and set `values`, e.g. `misses`).

    With `only_in`, nothing changes unless the conversation is in that state, and False is returned
    (it moved on: a person took over); otherwise a missing conversation raises. With `turn`, nothing
    changes either (False) once another instance holds the lease on that turn's message: it took the
    turn over (`bot/recovery`), and one of the two answers must not be stored.
    NOTE: this UPDATE row-locks the conversation, so inserts into one conversation commit in id
    order on Postgres too (a sequence hands out ids at insert, not at commit); `after=` paging
    and SSE catch-up rely on that. On SQLite it takes the write lock as the first statement.
    """
    values = values or {}
    stmt = _stamp(role, tuple(sorted(values)), only_in.value if only_in is not None else None, False, turn is not None)
    guard = {"turn_id": turn.message_id, "turn_owner": turn.owner} if turn is not None else {}
    params = {"cid": conversation_id, "now": now, **values, **guard}
    if direct.rowcount(s, stmt, params) == 0:
        if only_in is None:
            raise ConversationNotFound(conversation_id)
        return False
    return True


def touch_and_read(s: Tx, conversation_id: str, now: datetime, role: Role | None) -> Row[Any]:
    """`touch_conversation`, and the conversation's row as the same statement left it (RETURNING)."""
    stmt, params = _stamp(role, (), None, True, False), {"cid": conversation_id, "now": now}
    row = direct.first(s, stmt, params)
    if row is None:
        raise ConversationNotFound(conversation_id)
    return row


@functools.cache
def _stamp(role: Role | None, keys: tuple[str, ...], only_in: str | None, read_back: bool, guarded: bool) -> Update:
    """The stamping UPDATE for one shape of call, built once with bind parameters.

    NOTE: building a statement and hashing it for the compiled cache cost about three times as
    much CPU as running it on SQLite; a turn stamps twice. `guarded`: the lease check rides in this
    statement (a primary-key lookup in a subquery), so a turn costs no statement more.
    """
    table = CONVERSATIONS
    changes: dict[str, Any] = {"updated_at": bindparam("now"), **{k: bindparam(k) for k in keys}}
    if role is Role.CUSTOMER:
        changes["last_customer_at"] = bindparam("now")
    elif role is Role.AGENT:
        changes["last_agent_at"] = bindparam("now")
    stmt = update(table).where(table.c.id == bindparam("cid")).values(**changes)
    if only_in is not None:
        stmt = stmt.where(table.c.state == only_in)
    if guarded:
        taken = MESSAGES.c.turn_owner != bindparam("turn_owner")  # NULL (settled) is nobody's: no match
        stmt = stmt.where(~exists().where(MESSAGES.c.id == bindparam("turn_id"), taken))
    return stmt.returning(*table.c) if read_back else stmt


def insert_message(
    s: Tx, conversation_id: str, role: Role, kind: Kind, text: str,
    citations: Sequence[Citation | dict[str, Any]], author: str | None, meta: dict[str, Any] | None, now: datetime,
    *, lease: TurnLease | None = None, reply_to: int | None = None,
) -> Message:
    """Append one row to the conversation's log; `meta` must survive a JSON round trip.

    `lease`: a customer message the bot is about to answer, claimed by the instance answering it (its
    `message_id` is not known yet and not read). `reply_to`: the customer message a bot reply answers.
    A Core INSERT: the ORM's unit of work (identity map, flush) cost more than the statement itself.
    """
    cites = [c if isinstance(c, Citation) else Citation(**c) for c in citations]
    meta = dict(meta or {})
    try:
        json.dumps(meta)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"meta must be JSON-serializable: {exc}") from exc
    params = {
        "conversation_id": conversation_id, "role": role.value, "kind": kind.value, "text": text,
        "citations": [citation_to_dict(c) for c in cites], "author": author, "meta": meta, "created_at": now,
        "turn_until": lease.until if lease is not None else None,
        "turn_owner": lease.owner if lease is not None else None, "reply_to": reply_to,
    }
    if isinstance(s, Connection | direct.DirectTransaction):
        inserted = direct.first(s, _INSERT_MESSAGE_ID, params, keys=_MESSAGE_KEYS)
        assert inserted is not None
        message_id = int(inserted[0])
    else:
        result = s.execute(_INSERT_MESSAGE, params)
        assert isinstance(result, CursorResult) and result.inserted_primary_key is not None
        message_id = int(result.inserted_primary_key[0])
    return new_message(message_id, conversation_id, role, kind, text, now, cites, author, meta)


def recent_text(s: Tx, conversation_id: str, *, before: int, limit: int, kinds: Collection[Kind]) -> list[Message]:
    """The newest `limit` messages of `kinds` older than `before`, oldest first (newest first on the index)."""
    values = [Kind(k).value for k in kinds]
    params: dict[str, Any] = {"cid": conversation_id, "before": before, "limit": limit}
    rows: Sequence[Any]
    if len(values) == 1:
        rows = direct.rows(s, _RECENT_OF_KIND, params | {"kind": values[0]})
    elif isinstance(s, direct.DirectTransaction):  # NOTE: an expanding IN is SQLAlchemy's to render
        raise TypeError("several kinds are read through SQLAlchemy: pass a Connection or a Session")
    else:
        rows = s.execute(_RECENT, params | {"kinds": values}).all()
    return message_records(reversed(rows), _RECENT)  # NOTE: both reads select the same columns


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
