"""Plain records that cross the store boundary; never live ORM objects (listeners run on threads)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class State(str, enum.Enum):  # noqa: UP042 - StrEnum would change str() and f-strings
    """Who owns a conversation: `bot -> pending -> agent -> resolved`, `pending -> bot`, `resolved -> bot`."""

    BOT = "bot"
    PENDING = "pending"
    AGENT = "agent"
    RESOLVED = "resolved"


class Role(str, enum.Enum):  # noqa: UP042 - as State
    CUSTOMER = "customer"
    BOT = "bot"
    AGENT = "agent"
    SYSTEM = "system"


class Kind(str, enum.Enum):  # noqa: UP042 - as State
    """What a row of the message log is. The log is the one ordered feed the widget replays."""

    TEXT = "text"  # something a customer, the bot or an agent said
    STATE = "state"  # a state change, shown as a system line ("Ana joined")
    NOTICE = "notice"  # other system lines (email asked for, reminders shown to the customer)
    EDIT = "edit"  # meta: {"message_id": N}; text is the new text
    DELETE = "delete"  # meta: {"message_id": N}


@dataclass(frozen=True)
class Citation:
    number: int  # the [n] in the answer text
    document_id: str
    title: str
    url: str | None
    source: str


@dataclass(frozen=True)
class Conversation:
    id: str
    state: State
    created_at: datetime
    updated_at: datetime
    customer_name: str | None = None
    customer_email: str | None = None
    page_url: str | None = None
    locale: str | None = None
    agent_id: str | None = None  # Slack user id of the owner while state == agent
    agent_name: str | None = None
    handoff_reason: str | None = None  # e.g. "customer_request", "sensitive:security"
    misses: int = 0  # consecutive questions the knowledge base could not answer
    rating: int | None = None
    rating_comment: str | None = None
    # Timer inputs (added by the store helper): when the state last changed, last words of each side.
    state_changed_at: datetime | None = None
    last_customer_at: datetime | None = None
    last_agent_at: datetime | None = None


@dataclass(frozen=True)
class Message:
    id: int  # monotonic across the whole store; also the SSE event id
    conversation_id: str
    role: Role
    kind: Kind
    text: str  # as shown to agents and stored: PII already redacted per policy
    created_at: datetime
    citations: list[Citation] = field(default_factory=list)
    author: str | None = None  # agent display name, or None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StateChange:
    id: int
    conversation_id: str
    from_state: State
    to_state: State
    actor: str  # "bot", "customer", "system", "timer" or "agent:<slack user id>"
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class Transition:
    """What a winning state change produced, all from the same transaction."""

    conversation: Conversation
    change: StateChange
    message: Message  # the Kind.STATE system line shown in the widget


@dataclass(frozen=True)
class TurnLease:
    """An instance's claim on a customer message's turn: `owner` answers it, and must renew before `until`.

    `message_id` is 0 while the message is being stored (its id comes from that INSERT).
    """

    owner: str
    until: datetime
    message_id: int = 0


@dataclass(frozen=True)
class Accepted:
    """A customer's message as one transaction stored it, with what the turn needs from the same read."""

    conversation: Conversation  # as it was when the message was stored
    message: Message
    history: list[Message]  # the turn's context: earlier text messages, oldest first
    lease: TurnLease | None = None  # this instance's claim on the turn, when the message was stored with one
