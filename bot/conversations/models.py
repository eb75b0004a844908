"""The bot's tables as typed SQLAlchemy 2 models; the schema itself lives in `bot/conversations/migrations`."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Dialect, ForeignKey, Index, Integer, MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# NOTE: named constraints keep migrations and `compare_metadata` stable across SQLite and Postgres.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, also on SQLite (which stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        value = value.astimezone(UTC)
        # SQLite stores text: strip the offset so every row has one comparable format.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of the bot's tables (the handoff package has its own)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ConversationRow(Base):
    """One customer conversation; `state` changes only through conditional UPDATEs."""

    __tablename__ = "conversations"
    __table_args__ = (Index(None, "state", "state_changed_at"), Index(None, "updated_at"))

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    previous_state: Mapped[str | None] = mapped_column(String(16))  # set by the transition UPDATE
    token_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of the widget's secret
    customer_name: Mapped[str | None] = mapped_column(String(200))
    customer_email: Mapped[str | None] = mapped_column(String(320))
    page_url: Mapped[str | None] = mapped_column(Text)
    locale: Mapped[str | None] = mapped_column(String(35))
    agent_id: Mapped[str | None] = mapped_column(String(64))
    agent_name: Mapped[str | None] = mapped_column(String(200))
    handoff_reason: Mapped[str | None] = mapped_column(String(64))
    misses: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_customer_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_agent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MessageRow(Base):
    """One row of a conversation's log; its id is monotonic and doubles as the SSE event id.

    A customer message the bot answers carries its turn's lease (`turn_until`, `turn_owner`: the
    instance answering it) until a sweeper sees the turn finished; a bot reply names the message it
    answers (`reply_to`). See `bot/recovery`.
    """

    __tablename__ = "messages"
    __table_args__ = (
        Index(None, "conversation_id", "id"),
        # NOTE: partial: only the turns not yet settled (a few per live conversation) are in it.
        Index("ix_messages_turn_until", "turn_until", sqlite_where=text("turn_until IS NOT NULL"),
              postgresql_where=text("turn_until IS NOT NULL")),
        # NOTE: one answer per customer message, whichever instance stores it first (a take-over race).
        Index("uq_messages_reply_to", "reply_to", unique=True, sqlite_where=text("reply_to IS NOT NULL"),
              postgresql_where=text("reply_to IS NOT NULL")),
        {"sqlite_autoincrement": True},  # ids are never reused, even after a purge
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    author: Mapped[str | None] = mapped_column(String(200))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    helpful: Mapped[bool | None] = mapped_column(Boolean)
    feedback_comment: Mapped[str | None] = mapped_column(Text)
    turn_until: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the turn's lease ends (unsettled turns)
    turn_owner: Mapped[str | None] = mapped_column(String(64))  # the instance holding that lease
    reply_to: Mapped[int | None] = mapped_column(Integer)  # a bot reply: the customer message it answers
    turn_recoveries: Mapped[int | None] = mapped_column(Integer)  # how often a sweeper took the turn over


class StateChangeRow(Base):
    """Who moved a conversation from one state to another, and why."""

    __tablename__ = "state_changes"
    __table_args__ = (Index(None, "conversation_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CustomerProfileRow(Base):
    """Who the customer of a conversation is: a verified identity from the host site, and unverified claims.

    `seen_through` is the newest message id an open widget reported showing; the email follow-up
    skips replies the customer has already seen.
    """

    __tablename__ = "customer_profiles"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(String(200), index=True)  # from a verified identity only
    verified: Mapped[dict[str, Any]] = mapped_column(JSON)  # name, email, attributes the host site signed
    claims: Mapped[dict[str, Any]] = mapped_column(JSON)  # what the widget said without a signature
    seen_through: Mapped[int] = mapped_column(Integer, default=0)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AccessTokenRow(Base):
    """More keys to one conversation (a reopened email link), each kept as a sha256 hash with an expiry."""

    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    via: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ServerSecretRow(Base):
    """Secrets the server makes itself on first use (e.g. the key signing email links), shared by every process."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AttachmentRow(Base):
    """A file a customer sent or an agent sent to the customer; the bytes live in the blob store under `storage_key`."""

    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random: ids cannot be guessed
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(Integer)
    direction: Mapped[str] = mapped_column(String(8))  # "in" (from the customer) | "out" (from an agent)
    filename: Mapped[str] = mapped_column(String(255))  # sanitised, PII redacted
    content_type: Mapped[str] = mapped_column(String(100))  # sniffed from the bytes, never the client's word
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
