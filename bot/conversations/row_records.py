"""ORM rows (or Core rows of the same tables) as the frozen records the store hands out.

Listeners run on threads: no live rows leak.
"""
from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Row, Select, Table

from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow
from bot.conversations.record_maker import record_maker
from bot.conversations.records import Citation, Conversation, Kind, Message, Role, State, StateChange

MESSAGE_FIELDS = ("id", "conversation_id", "role", "kind", "text", "created_at", "citations", "author", "meta")
CONVERSATION_FIELDS = (
    "id", "state", "created_at", "updated_at", "customer_name", "customer_email", "page_url", "locale", "agent_id",
    "agent_name", "handoff_reason", "misses", "rating", "rating_comment", "state_changed_at", "last_customer_at",
    "last_agent_at",
)
# NOTE: every turn builds its history's messages and reads its conversation twice: made without the
# frozen dataclasses' __init__ (record_maker), the same records at a fifth of the cost.
CITATION_FIELDS = ("number", "document_id", "title", "url", "source")
new_message = record_maker(Message, MESSAGE_FIELDS)
_new_conversation = record_maker(Conversation, CONVERSATION_FIELDS)
_new_citation = record_maker(Citation, CITATION_FIELDS)


def citation_record(stored: dict[str, Any]) -> Citation:
    """A stored citation (`citation_to_dict`'s keys, in its order) as a record; any other dict goes
    through `Citation(**stored)`, which refuses a missing or unknown key as before."""
    if tuple(stored) == CITATION_FIELDS:
        return _new_citation(*stored.values())
    return Citation(**stored)


def conversation_record(r: ConversationRow | Row[Any]) -> Conversation:
    return _new_conversation(
        r.id, State(r.state), r.created_at, r.updated_at, r.customer_name, r.customer_email, r.page_url, r.locale,
        r.agent_id, r.agent_name, r.handoff_reason, r.misses, r.rating, r.rating_comment, r.state_changed_at,
        r.last_customer_at, r.last_agent_at,
    )


def message_record(r: MessageRow | Row[Any]) -> Message:
    return Message(
        id=r.id, conversation_id=r.conversation_id, role=Role(r.role), kind=Kind(r.kind), text=r.text,
        created_at=r.created_at, citations=[Citation(**c) for c in (r.citations or [])], author=r.author,
        meta=dict(r.meta or {}),
    )


def message_records(rows: Iterable[Any], source: Table | Select[Any]) -> list[Message]:
    """Core rows of `select(table)` (the messages table), or of a select of its columns that holds
    `MESSAGE_FIELDS`, as records: what `message_record` makes, for the dozen rows of history every
    turn reads.

    NOTE: a Core row's values are picked by position, and roles and kinds found in a dict: a row's
    attribute access by name and `Enum(value)` took 60% of the history read's CPU (~90 of ~150 us).
    """
    fields = _message_fields(source)
    roles, kinds = _members(Role), _members(Kind)
    records = []
    for row in rows:
        id_, conversation_id, role, kind, text, created_at, citations, author, meta = fields(row)
        records.append(new_message(
            id_, conversation_id, roles[role], kinds[kind], text, created_at,
            [citation_record(c) for c in (citations or [])], author, dict(meta or {}),
        ))
    return records


@functools.cache
def _message_fields(source: Table | Select[Any]) -> Callable[[Any], tuple[Any, ...]]:
    columns = list(source.selected_columns.keys() if isinstance(source, Select) else source.c.keys())
    return operator.itemgetter(*(columns.index(name) for name in MESSAGE_FIELDS))


@functools.cache
def _members(enum: type[Role] | type[Kind]) -> dict[str, Any]:
    return {member.value: member for member in enum}


def state_change_record(r: StateChangeRow) -> StateChange:
    return StateChange(
        id=r.id, conversation_id=r.conversation_id, from_state=State(r.from_state), to_state=State(r.to_state),
        actor=r.actor, reason=r.reason, created_at=r.created_at,
    )
