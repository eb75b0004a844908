"""Tables of the handoff package (own metadata, own Alembic history); times are naive UTC."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# NOTE: SQLite only auto-increments INTEGER PRIMARY KEY; Postgres gets a bigint identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utc_naive(at: datetime) -> datetime:
    """Stored form of a time: UTC without tzinfo (SQLite keeps no zone, so we never store one)."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at


class HandoffBase(DeclarativeBase):
    """Metadata of the handoff tables, separate from the bot's."""


class SlackThread(HandoffBase):
    """One Slack thread per handed-off conversation, and what the card is rebuilt from."""

    __tablename__ = "slack_threads"
    __table_args__ = (UniqueConstraint("channel", "thread_ts", name="uq_slack_threads_channel_ts"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))  # parent card ts, once Slack answered
    reason: Mapped[str] = mapped_column(String(64), default="customer_request")
    summary: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    last_activity_at: Mapped[datetime] = mapped_column(DateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    email_offered_at: Mapped[datetime | None] = mapped_column(DateTime)
    mirrored_through: Mapped[int] = mapped_column(BigInteger, default=0)  # last store message id in the thread
    card_version: Mapped[int] = mapped_column(Integer, default=0)  # new block_ids on every update
    created_at: Mapped[datetime] = mapped_column(DateTime)
    first_reply_at: Mapped[datetime | None] = mapped_column(DateTime)  # of this wait: feeds the expected wait
    emailed_through: Mapped[int] = mapped_column(BigInteger, default=0)  # last agent message sent by email


class OutboxRow(HandoffBase):
    """One Slack Web API write, persisted before it is tried; sent in id order per `thread_key`."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_key_id", "status", "thread_key", "id"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(32))
    thread_key: Mapped[str] = mapped_column(String(64))  # the conversation id: order is kept per key
    method: Mapped[str] = mapped_column(String(32))  # chat.postMessage | chat.update | chat.postEphemeral
    kind: Mapped[str] = mapped_column(String(16))  # card | reply | update | ephemeral
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    result_ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxPacing(HandoffBase):
    """Per-channel send slot shared by every worker process (about one write a second per channel)."""

    __tablename__ = "outbox_pacing"

    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    not_before: Mapped[datetime] = mapped_column(DateTime)


class SlackRelayed(HandoffBase):
    """A Slack message relayed to a customer; unique (channel, ts) makes a relay happen once."""

    __tablename__ = "slack_relayed"
    __table_args__ = (UniqueConstraint("channel", "ts", name="uq_slack_relayed_channel_ts"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(32))
    ts: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(BigInteger)  # the store's message, once stored
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class SlackEventSeen(HandoffBase):
    """Events API `event_id`s already handled; pruned after an hour (Slack's last retry is ~5 min)."""

    __tablename__ = "slack_events_seen"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class AgentName(HandoffBase):
    """`users.info` cache: display_name -> real_name -> name."""

    __tablename__ = "agent_names"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    avatar_url: Mapped[str | None] = mapped_column(Text)  # profile.image_72


class HeldReply(HandoffBase):
    """A thread reply by an agent who does not own the conversation: kept until they take over (or never)."""

    __tablename__ = "held_replies"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    ts: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    files: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(8), default="held")  # held | sent
    created_at: Mapped[datetime] = mapped_column(DateTime)
