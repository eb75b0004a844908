"""The console's own tables (typed SQLAlchemy 2); the schema lives in `bot/admin/migrations`."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Index, Integer, LargeBinary, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.conversations.models import NAMING_CONVENTION, UTCDateTime


class AdminBase(DeclarativeBase):
    """Declarative base of the console's tables (the bot and handoff packages have their own)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunRow(AdminBase):
    """One sync or golden-check run: progress while it runs, its report when it ends."""

    __tablename__ = "admin_runs"
    __table_args__ = (Index(None, "kind", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # sync | eval
    status: Mapped[str] = mapped_column(String(16))  # running | done | failed
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    kb_version: Mapped[str | None] = mapped_column(String(32))
    pass_rate: Mapped[float | None] = mapped_column(Float)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class GapResolutionRow(AdminBase):
    """A declined or unhelpful question a knowledge manager marked as dealt with."""

    __tablename__ = "admin_gap_resolutions"

    message_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(Text)


class QuestionVectorRow(AdminBase):
    """The embedder's vector of a customer question (float32 bytes), so grouping never embeds twice."""

    __tablename__ = "admin_question_vectors"

    message_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    model_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class FactRow(AdminBase):
    """What one conversation contributes to the overview, derived from the bot's tables (`facts.py`)."""

    __tablename__ = "admin_facts"
    __table_args__ = (Index(None, "day"),)

    conversation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[str] = mapped_column(String(10))  # UTC day the conversation started
    counted: Mapped[bool] = mapped_column(Boolean)  # the customer wrote at least once
    answered: Mapped[bool] = mapped_column(Boolean)  # the bot gave at least one answer
    declined: Mapped[bool] = mapped_column(Boolean)  # the bot said it had no answer at least once
    reason: Mapped[str] = mapped_column(String(64))  # handoff reason, "" when never handed off
    rating: Mapped[int] = mapped_column(Integer)  # 1..5, 0 when not rated
    helpful_yes: Mapped[int] = mapped_column(Integer)
    helpful_no: Mapped[int] = mapped_column(Integer)


class WaitRow(AdminBase):
    """One handoff (a move to `pending`) and the seconds until the first agent reply (None: none yet)."""

    __tablename__ = "admin_waits"
    __table_args__ = (Index(None, "day"), Index(None, "conversation_id"))

    state_change_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    conversation_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[str] = mapped_column(String(10))  # UTC day the conversation started
    wait_s: Mapped[float | None] = mapped_column(Float)


class GapQuestionRow(AdminBase):
    """A customer question the bot declined, answered unhelpfully, or handed off for `no_answer`."""

    __tablename__ = "admin_gap_questions"
    __table_args__ = (Index(None, "day"), Index(None, "conversation_id"))

    message_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # the question
    conversation_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[str] = mapped_column(String(10))  # UTC day the conversation started
    kind: Mapped[str] = mapped_column(String(32))  # declined | not_helpful | no_answer_handoff
    text: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DailyRow(AdminBase):
    """Facts summed per day, handoff reason and rating: what `/admin/api/stats` reads."""

    __tablename__ = "admin_daily"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    reason: Mapped[str] = mapped_column(String(64), primary_key=True)
    rating: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    conversations: Mapped[int] = mapped_column(Integer)
    answered: Mapped[int] = mapped_column(Integer)  # answered by the bot and never handed off
    declined: Mapped[int] = mapped_column(Integer)
    helpful_yes: Mapped[int] = mapped_column(Integer)
    helpful_no: Mapped[int] = mapped_column(Integer)


class MarkRow(AdminBase):
    """A named high-water mark (e.g. the last conversation `updated_at` the facts have seen)."""

    __tablename__ = "admin_marks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))


class AuditRow(AdminBase):
    """One privacy action taken through the console: who, from where, on whom (a digest), what it did."""

    __tablename__ = "admin_audit"
    __table_args__ = (Index(None, "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    action: Mapped[str] = mapped_column(String(32))  # privacy_export | privacy_erase
    actor: Mapped[str] = mapped_column(String(100))  # "token" or "session", and the operator's name
    address: Mapped[str] = mapped_column(String(64))
    subject_kind: Mapped[str] = mapped_column(String(16))  # email | conversation
    subject_digest: Mapped[str] = mapped_column(String(64))  # sha256 of the subject, never the email itself
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON)  # status (started, done, failed), counts or error
