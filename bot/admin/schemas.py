"""The console API's request and response bodies as pydantic models: views validate with them and
`openapi.py` documents the API from the same models, so the two cannot drift apart."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# -- requests --------------------------------------------------------------------------------
class Login(_In):
    token: str = Field(min_length=1, max_length=1000)


class OperatorReply(_In):
    text: str = Field(min_length=1, max_length=4000)
    operator: str = Field(default="Support team", max_length=60, description="Name the customer sees.")


class OperatorAction(_In):
    operator: str = Field(default="Support team", max_length=60)


class PrivacySubject(_In):
    """Whose data: exactly one of `email` (every conversation that gave it) or `conversation_id`."""

    email: str | None = Field(default=None, min_length=3, max_length=320)
    conversation_id: str | None = Field(default=None, min_length=1, max_length=64)
    operator: str = Field(default="Support team", max_length=60, description="Who asked; kept in the audit trail.")


class PrivacyErase(PrivacySubject):
    confirm: bool = Field(description="Must be true: erasure cannot be undone.")


class ResolveGap(_In):
    # NOTE: ids are INTEGER columns (32-bit on Postgres); a bigger one is a 400, not an overflow there
    question_ids: list[Annotated[int, Field(ge=0, le=2**31 - 1)]] = Field(min_length=1, max_length=100_000)
    note: str | None = Field(default=None, max_length=500)


# -- responses -------------------------------------------------------------------------------
class Error(_Out):
    error: str
    message: str
    details: list[dict[str, Any]] | None = None


class SessionInfo(_Out):
    csrf: str = Field(description="Send as `X-CSRF-Token` on every write made with the session cookie.")
    operator_desk: bool = Field(description="True when Slack is not configured and the console replies to customers.")
    documents_dir: str | None
    golden_file: str | None


class DayFigures(_Out):
    day: str
    conversations: int
    answered_by_bot: int
    handed_off: int
    declined: int


class FirstReply(_Out):
    replied: int
    waiting: int
    median_s: float | None
    p90_s: float | None


class Csat(_Out):
    count: int
    mean: float | None
    satisfied_share: float | None
    distribution: dict[str, int]


class Stats(_Out):
    days: int
    since: datetime
    conversations: int
    answered_by_bot: int
    handed_off: int
    handed_off_by_reason: dict[str, int]
    declined: int
    first_reply: FirstReply
    csat: Csat
    helpful_yes: int
    helpful_no: int
    per_day: list[DayFigures]


class ConversationSummary(_Out):
    id: str
    state: str
    handoff_reason: str | None
    customer_name: str | None
    customer_email: str | None
    agent_name: str | None
    rating: int | None
    created_at: datetime
    updated_at: datetime
    last_question: str | None


class ConversationPage(_Out):
    conversations: list[ConversationSummary]
    more: bool
    reasons: list[str]


class Citation(_Out):
    number: int
    document_id: str
    title: str
    url: str | None
    source: str


class TranscriptMessage(_Out):
    id: int
    role: str
    kind: str
    text: str
    author: str | None
    created_at: datetime
    citations: list[Citation]
    meta: dict[str, Any]


class StateChange(_Out):
    id: int
    from_state: str
    to_state: str
    actor: str
    reason: str
    created_at: datetime


class ConversationDetail(_Out):
    id: str
    state: str
    handoff_reason: str | None
    customer_name: str | None
    customer_email: str | None
    page_url: str | None
    locale: str | None
    agent_name: str | None
    rating: int | None
    rating_comment: str | None
    created_at: datetime
    updated_at: datetime
    messages: list[TranscriptMessage]  # the newest 1000 (or those before `?before=`), oldest first
    earlier: bool  # older messages exist: ask again with `?before=<the first id here>`
    state_changes: list[StateChange]
    can_reply: bool


class ClosestDocument(_Out):
    document_id: str
    title: str
    score: float


class GapGroup(_Out):
    key: str
    count: int
    examples: list[str]
    kinds: dict[str, int]
    last_asked: datetime
    question_ids: list[int]
    closest: list[ClosestDocument]


class Gaps(_Out):
    days: int
    questions: int
    groups: list[GapGroup]


class Resolved(_Out):
    resolved: int


class Document(_Out):
    id: str
    title: str
    source: str
    url: str | None
    chunks: int
    version: int
    updated_at: str
    failure: str | None
    warnings: list[str] = []  # indexed, but its file should be fixed


class SyncFailure(_Out):
    name: str
    reason: str


class Run(_Out):
    id: int
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    done: int
    total: int
    kb_version: str | None
    pass_rate: float | None
    report: dict[str, Any]


class Documents(_Out):
    documents: list[Document]
    kb_version: str
    last_sync: Run | None
    documents_dir: str | None


class Change(_Out):
    added: list[str]
    updated: list[str]
    removed: list[str]
    unchanged: int
    failed: list[SyncFailure]
    warned: list[SyncFailure] = []  # indexed, but the file should be fixed (e.g. front matter that is not YAML)


class Draft(_Out):
    key: str
    title: str
    markdown: str
    count: int
    questions: list[str]
    conversation_ids: list[str]


class Drafts(_Out):
    drafts: list[Draft]


class Runs(_Out):
    runs: list[Run]
    golden_file: str | None


class PrivacyExport(_Out):
    """Everything held about the customer (the console and, when Slack is on, the Slack side under their own keys)."""

    model_config = ConfigDict(from_attributes=True, extra="allow")
    subject: dict[str, Any]
    exported_at: str
    conversations: list[dict[str, Any]]


class PrivacyErased(_Out):
    conversations: int
    messages: int
    state_changes: int
    other: dict[str, int] = Field(description="Rows removed by each other part (the console, the Slack side).")


class AuditEntry(_Out):
    id: int
    at: datetime
    action: str
    actor: str
    address: str
    subject_kind: str
    subject_digest: str = Field(description="Keyed SHA-256 of the email or conversation id; never the email.")
    outcome: dict[str, Any]


class AuditTrail(_Out):
    entries: list[AuditEntry]
