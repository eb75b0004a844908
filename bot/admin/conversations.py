"""Conversations for the support team: search and filter, read a transcript, and (without Slack)
reply, resolve or return to the bot through the same agent-side service Slack uses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.sql import contains
from bot.conversations.models import ConversationRow, MessageRow
from bot.conversations.records import Conversation, Kind, Message, State, StateChange
from bot.conversations.store import NEWEST, ConversationStore
from bot.errors import ConversationNotFound, InvalidInput

C, M = ConversationRow, MessageRow
CONSOLE_AGENT = "console:"


class OperatorDesk(Protocol):
    """The agent-side service (`handoff.service.HandoffService`), as the console needs it."""

    def reply(self, conversation_id: str, agent_id: str, text: str) -> Any: ...
    def resolve(self, conversation_id: str, agent_id: str) -> Conversation | None: ...
    def return_to_bot(self, conversation_id: str, agent_id: str) -> Conversation | None: ...


class NotWaiting(InvalidInput):
    """The conversation is not with a person (any more): nothing to reply to, resolve or return."""


class TakenByAnother(InvalidInput):
    """Another operator has the conversation: only its owner replies (as in Slack)."""


class DeskElsewhere(InvalidInput):
    """Handoffs are handled in Slack; the console only reads."""


@dataclass(frozen=True)
class ConversationRowView:
    id: str
    state: str
    handoff_reason: str | None
    customer_name: str | None
    customer_email: str | None
    agent_name: str | None
    rating: int | None
    created_at: Any
    updated_at: Any
    last_question: str | None


@dataclass(frozen=True)
class Transcript:
    conversation: Conversation
    messages: list[Message]
    state_changes: list[StateChange]
    earlier: bool = False  # older messages exist: the console offers to load them


class ConversationsService:
    """Reads go straight to the tables; writes go through `OperatorDesk` when the console is the desk."""

    def __init__(self, sessions: sessionmaker[Session], store: ConversationStore, *,
                 operators: OperatorDesk | None) -> None:
        self._sessions = sessions
        self._store = store
        self._operators = operators

    @property
    def can_reply(self) -> bool:
        return self._operators is not None

    def search(self, *, state: str | None = None, reason: str | None = None, q: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[list[ConversationRowView], bool]:
        """Newest activity first; `q` matches the id, the customer's name or email, or any message text.

        Returns the page and whether there is more after it.
        """
        query = select(C).where(C.last_customer_at.is_not(None))
        if state:
            try:
                query = query.where(C.state == State(state).value)
            except ValueError:
                raise InvalidInput(f"state must be one of {', '.join(s.value for s in State)}") from None
        if reason:
            query = query.where(C.handoff_reason == reason)
        if q:
            said = exists().where(M.conversation_id == C.id, M.kind == "text", contains(M.text, q))
            query = query.where(or_(C.id == q, contains(C.customer_name, q), contains(C.customer_email, q), said))
        query = query.order_by(C.updated_at.desc(), C.id).offset(offset).limit(limit + 1)
        with self._sessions.begin() as s:
            rows = s.scalars(query).all()
            more = len(rows) > limit
            rows = rows[:limit]
            questions = _last_questions(s, [r.id for r in rows])
        views = [ConversationRowView(r.id, r.state, r.handoff_reason, r.customer_name, r.customer_email, r.agent_name,
                                     r.rating, r.created_at, r.updated_at, questions.get(r.id)) for r in rows]
        return views, more

    def reasons(self) -> list[str]:
        with self._sessions.begin() as s:
            return sorted(r for r in s.scalars(select(C.handoff_reason).where(C.handoff_reason.is_not(None)).distinct())
                          if r)

    def transcript(self, conversation_id: str, *, before: int | None = None, limit: int = 1000) -> Transcript:
        """The newest `limit` messages (older than `before`, to page back), oldest first; `earlier` says
        whether older ones exist. NOTE: the newest, not the oldest: on a long-lived conversation the
        agent needs what was said last."""
        conversation = self._store.get(conversation_id)
        if conversation is None:
            raise ConversationNotFound(conversation_id)
        found = self._store.recent_messages(conversation_id, before=before or NEWEST, limit=limit + 1,
                                            kinds=tuple(Kind))
        return Transcript(conversation, found[-limit:], self._store.state_changes(conversation_id),
                          earlier=len(found) > limit)

    def reply(self, conversation_id: str, text: str, *, operator: str) -> Message:
        operators = self._desk(conversation_id)
        body = (text or "").strip()
        if not body:
            raise InvalidInput("the reply is empty")
        result = operators.reply(conversation_id, _agent(operator), body)
        if getattr(result, "outcome", None) == "taken":
            current = self._store.get(conversation_id)
            owner = (current.agent_name if current is not None else None) or "another operator"
            raise TakenByAnother(f"{owner} has this conversation; only they can reply (or return it first)")
        message = getattr(result, "message", None)
        if message is None:
            raise NotWaiting(f"conversation {conversation_id} is not waiting for a person")
        return message

    def resolve(self, conversation_id: str, *, operator: str) -> Conversation:
        return self._close(conversation_id, operator, resolve=True)

    def return_to_bot(self, conversation_id: str, *, operator: str) -> Conversation:
        return self._close(conversation_id, operator, resolve=False)

    def _close(self, conversation_id: str, operator: str, *, resolve: bool) -> Conversation:
        operators = self._desk(conversation_id)
        act = operators.resolve if resolve else operators.return_to_bot
        done = act(conversation_id, _agent(operator))
        if done is None:
            raise NotWaiting(f"conversation {conversation_id} is not with a person")
        return done

    def _desk(self, conversation_id: str) -> OperatorDesk:
        if self._operators is None:
            raise DeskElsewhere("handoffs are handled in Slack; reply there")
        if self._store.get(conversation_id) is None:
            raise ConversationNotFound(conversation_id)
        return self._operators


def _agent(operator: str) -> str:
    name = " ".join((operator or "").split())[:60] or "Support team"
    return CONSOLE_AGENT + name


def _last_questions(s: Session, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    latest = (select(func.max(M.id)).where(M.conversation_id.in_(ids), M.role == "customer", M.kind == "text")
              .group_by(M.conversation_id))
    return {cid: text for cid, text in s.execute(select(M.conversation_id, M.text).where(M.id.in_(latest)))}
