"""The conversation store: conversations, their ordered message log and their state changes.

Each operation is one transaction. State changes are one conditional UPDATE, so two racing
callers (two agents clicking Claim) get one winner. Stored messages are published on the bus
only after the commit, so a woken stream always finds them in the database.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations import direct_execute as direct
from bot.conversations.database import rows_matched
from bot.conversations.events import EventBus, LiveEvent
from bot.conversations.models import AccessTokenRow, ConversationRow, MessageRow, StateChangeRow
from bot.conversations.records import (
    Accepted,
    Citation,
    Conversation,
    Kind,
    Message,
    Role,
    State,
    StateChange,
    Transition,
    TurnLease,
)
from bot.conversations.row_records import conversation_record, message_record, state_change_record
from bot.conversations.transaction_steps import (
    NO_SYNC,
    READ_CONVERSATION,
    blank_edits,
    check_lengths,
    insert_message,
    recent_text,
    reload_conversation,
    require_conversation,
    touch_and_read,
    touch_conversation,
)
from bot.errors import ConversationNotFound, InvalidInput, MessageNotFound
from bot.web.serialization import message_to_dict

log = logging.getLogger(__name__)

_DUMMY_HASH = hashlib.sha256(b"no such conversation").hexdigest()
_MAX_PAGE = 1000
_TURN_STATES = (State.BOT.value, State.RESOLVED.value)  # a customer message there starts a bot turn
NEWEST = 2**31 - 1  # above every message id (an INTEGER column: Postgres refuses a bigger bound)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ConversationStore:
    """Reads and writes conversations; returns frozen records, never ORM objects."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        bus: EventBus | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._sessions = sessions
        # NOTE: a turn's reads and writes run on Core connections of the same engine: a Session (its
        # transaction bookkeeping, identity map and close) cost more CPU than the statements themselves.
        self._engine: Engine = sessions.kw["bind"]
        self._bus = bus
        self._clock = clock or _utc_now

    # -- conversations ---------------------------------------------------------------------
    def create_conversation(
        self,
        *,
        customer_name: str | None = None,
        customer_email: str | None = None,
        page_url: str | None = None,
        locale: str | None = None,
    ) -> tuple[Conversation, str]:
        """Start a conversation; the returned token is shown once, only its hash is kept."""
        fields = {"customer_name": customer_name, "customer_email": customer_email, "page_url": page_url,
                  "locale": locale}
        check_lengths(fields)
        token = secrets.token_urlsafe(32)
        now = self._now()
        row = ConversationRow(
            id=secrets.token_urlsafe(16), state=State.BOT.value, token_hash=hash_token(token), misses=0,
            created_at=now, updated_at=now, state_changed_at=now, **fields,
        )
        with self._sessions.begin() as s:
            s.add(row)
            s.flush()
            conversation = conversation_record(row)
        return conversation, token

    def authenticate(self, conversation_id: str, token: str) -> Conversation | None:
        """The conversation if `token` is its secret; the comparison takes constant time."""
        row = self._read_conversation(conversation_id) if conversation_id else None
        expected = row.token_hash if row is not None else _DUMMY_HASH
        ok = hmac.compare_digest(hash_token(token or ""), expected)
        if row is not None and not ok and token:  # a second key, e.g. from a follow-up email's link
            ok = self._extra_key(row.id, token)
        return conversation_record(row) if row is not None and ok else None

    def _extra_key(self, conversation_id: str, token: str) -> bool:
        """Whether `token` is one of the conversation's extra keys (`access_tokens`), still valid."""
        a = AccessTokenRow
        with self._sessions() as s:
            return s.scalar(select(a.id).where(a.conversation_id == conversation_id, a.token_hash == hash_token(token),
                                               a.expires_at > self._now())) is not None

    def get(self, conversation_id: str) -> Conversation | None:
        row = self._read_conversation(conversation_id)
        return conversation_record(row) if row is not None else None

    def update_customer(
        self, conversation_id: str, *, name: str | None = None, email: str | None = None
    ) -> Conversation:
        """Set the fields given (None leaves a field as it is)."""
        values = {k: v for k, v in {"customer_name": name, "customer_email": email}.items() if v is not None}
        check_lengths(values)
        return self._update(conversation_id, values)

    def set_misses(self, conversation_id: str, n: int) -> Conversation:
        if n < 0:
            raise InvalidInput("misses cannot be negative")
        return self._update(conversation_id, {"misses": n})

    def record_rating(self, conversation_id: str, rating: int, comment: str | None = None) -> Conversation:
        if not 1 <= int(rating) <= 5:
            raise InvalidInput("rating must be between 1 and 5")
        return self._update(conversation_id, {"rating": int(rating), "rating_comment": comment})

    def list_by_state(self, states: Iterable[State], *, limit: int = 100) -> list[Conversation]:
        """Conversations in any of `states`, longest in that state first."""
        values = [State(x).value for x in states]
        query = select(ConversationRow).where(ConversationRow.state.in_(values))
        return self._conversations(query, limit)

    def pending_since(self, before: datetime, *, limit: int = 100) -> list[Conversation]:
        """Conversations waiting for a person since before `before` (reminder timers)."""
        query = select(ConversationRow).where(
            ConversationRow.state == State.PENDING.value, ConversationRow.state_changed_at < before
        )
        return self._conversations(query, limit)

    def conversations_idle_since(self, state: State, before: datetime, *, limit: int = 100) -> list[Conversation]:
        """Conversations in `state` where neither the state nor customer or agent moved since `before`."""
        c = ConversationRow
        query = select(c).where(
            c.state == State(state).value,
            c.state_changed_at < before,
            or_(c.last_customer_at.is_(None), c.last_customer_at < before),
            or_(c.last_agent_at.is_(None), c.last_agent_at < before),
        )
        return self._conversations(query, limit)

    # -- state -----------------------------------------------------------------------------
    def transition(
        self,
        conversation_id: str,
        *,
        expected: Collection[State],
        to: State,
        actor: str,
        reason: str,
        notice: str | None = None,
        agent_id: str | None = None,
        agent_name: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> Transition | None:
        """Move to `to` if the state is one of `expected`; None when someone else moved it first.

        Entering `agent` sets the owner; entering `bot` or `pending` clears it; entering
        `pending` also records `reason` as the handoff reason. `detail` is kept in the state
        message's meta (e.g. which triage rule or model decided, and on which words).
        """
        allowed = [State(x).value for x in expected]
        if not allowed:
            raise InvalidInput("expected must name at least one state")
        to = State(to)
        now = self._now()
        c = ConversationRow
        values: dict[str, Any] = {
            "state": to.value, "previous_state": c.state, "state_changed_at": now, "updated_at": now,
        }
        if to in (State.BOT, State.PENDING):
            values.update(agent_id=None, agent_name=None)
        if to is State.AGENT or agent_id is not None or agent_name is not None:
            values.update(agent_id=agent_id, agent_name=agent_name)
        if to is State.PENDING:
            values["handoff_reason"] = reason
        # NOTE: the one conditional UPDATE is the whole race: the loser's WHERE no longer matches.
        won = update(c).where(c.id == conversation_id, c.state.in_(allowed)).values(**values)
        with self._sessions.begin() as s:
            if rows_matched(s.execute(won, execution_options=NO_SYNC)) == 0:
                if s.scalar(select(c.id).where(c.id == conversation_id)) is None:
                    raise ConversationNotFound(conversation_id)
                return None
            row = reload_conversation(s, conversation_id)
            change = StateChangeRow(
                conversation_id=conversation_id, from_state=row.previous_state or to.value, to_state=to.value,
                actor=actor, reason=reason, created_at=now,
            )
            s.add(change)
            s.flush()
            text = notice if notice is not None else _default_notice(to, agent_name)
            meta = {
                "from": change.from_state, "to": to.value, "reason": reason,
                "agent_name": row.agent_name, "state_change_id": change.id, **(detail or {}),
            }
            message = insert_message(s, conversation_id, Role.SYSTEM, Kind.STATE, text, (), None, meta, now)
            result = Transition(conversation_record(row), state_change_record(change), message)
        self._publish([result.message])
        return result

    def state_changes(self, conversation_id: str) -> list[StateChange]:
        with self._sessions.begin() as s:
            sc = StateChangeRow
            rows = s.scalars(select(sc).where(sc.conversation_id == conversation_id).order_by(sc.id)).all()
            if not rows:
                require_conversation(s, conversation_id)
            return [state_change_record(r) for r in rows]

    # -- messages --------------------------------------------------------------------------
    def add_message(
        self,
        conversation_id: str,
        *,
        role: Role,
        text: str,
        kind: Kind = Kind.TEXT,
        citations: Sequence[Citation] = (),
        author: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Message:
        """Append to the log and stamp the conversation (customer/agent timestamps feed the timers)."""
        try:
            role, kind = Role(role), Kind(kind)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from exc
        if not isinstance(text, str):
            raise InvalidInput("text must be a string")
        now = self._now()
        with self._sessions.begin() as s:
            touch_conversation(s, conversation_id, now, role)
            message = insert_message(s, conversation_id, role, kind, text, citations, author, meta, now)
        self._publish([message])
        return message

    def accept_customer_message(self, conversation_id: str, text: str, *, history: int,
                                meta: dict[str, Any] | None = None, lease: TurnLease | None = None) -> Accepted:
        """A customer's turn, first half, in one transaction: read the `history` latest text messages
        the turn answers with, stamp and read the conversation, append the message.

        `lease`: the message is stored claimed by that instance when it starts a bot turn (the turn is
        then recoverable, `bot/recovery`); a message for a person carries none.

        NOTE: the history is read first. On SQLite that read runs before the write lock is taken
        (pysqlite begins at the first write), so the lock is held for two statements and a COMMIT,
        not also for a read of many rows: each row is a GIL hand-off, and with dozens of threads
        waiting for the GIL every hand-off kept the whole process's writers waiting.
        """
        now = self._now()
        with direct.transaction(self._engine) as c:
            earlier = recent_text(c, conversation_id, before=NEWEST, limit=history, kinds=(Kind.TEXT,)) \
                if history > 0 else []
            row = touch_and_read(c, conversation_id, now, Role.CUSTOMER)
            # NOTE: a resolved conversation goes back to the bot with this message (`BotService._accept`).
            claim = lease if lease is not None and row.state in _TURN_STATES else None
            message = insert_message(c, conversation_id, Role.CUSTOMER, Kind.TEXT, text, (), None, meta, now,
                                     lease=claim)
        self._publish([message])
        held = replace(claim, message_id=message.id) if claim is not None else None
        return Accepted(conversation_record(row), message, earlier, held)

    def add_bot_message(
        self,
        conversation_id: str,
        *,
        text: str,
        citations: Sequence[Citation] = (),
        meta: dict[str, Any] | None = None,
        misses: int | None = None,
        turn: TurnLease | None = None,
    ) -> Message | None:
        """A customer's turn, second half, in one transaction: the bot's reply (and its miss count),
        stored only while the bot still has the conversation; None when a person took it meanwhile.

        `turn`: the customer message answered, and this instance's lease on it: None too when another
        instance took that turn over (its lease had run out), so a message is never answered twice.
        """
        now = self._now()
        values = {"misses": misses} if misses is not None else None
        try:
            with direct.transaction(self._engine) as c:
                if not touch_conversation(c, conversation_id, now, Role.BOT, values=values, only_in=State.BOT,
                                          turn=turn):
                    return None
                message = insert_message(c, conversation_id, Role.BOT, Kind.TEXT, text, citations, None, meta, now,
                                         reply_to=turn.message_id if turn is not None else None)
        except IntegrityError as exc:
            if turn is None:
                raise
            # NOTE: `reply_to` is unique: the instance that took the turn over stored its answer first.
            log.warning("message %s already has an answer (its turn was taken over); this one is not stored: %s",
                        turn.message_id, getattr(exc, "orig", exc))
            return None
        self._publish([message])
        return message

    def messages(self, conversation_id: str, *, after: int = 0, limit: int = 500) -> list[Message]:
        """The log in id order, newer than `after` (the last id a client has)."""
        if not 1 <= limit <= _MAX_PAGE:
            raise InvalidInput(f"limit must be between 1 and {_MAX_PAGE}")
        m = MessageRow
        with self._sessions.begin() as s:
            rows = s.scalars(
                select(m).where(m.conversation_id == conversation_id, m.id > after).order_by(m.id).limit(limit)
            ).all()
            if not rows:
                require_conversation(s, conversation_id)
            return [message_record(r) for r in rows]

    def recent_messages(
        self, conversation_id: str, *, before: int, limit: int, kinds: Collection[Kind] = (Kind.TEXT,)
    ) -> list[Message]:
        """The newest `limit` messages of `kinds` older than `before`, oldest first: a turn's context.

        Reads only those rows (newest first on the (conversation_id, id) index), so a long
        conversation costs a turn no more than a short one.
        """
        if limit <= 0:
            return []  # NOTE: history turned off; the caller has just read the conversation
        with self._sessions.begin() as s:
            found = recent_text(s, conversation_id, before=before, limit=limit, kinds=kinds)
            if not found:
                require_conversation(s, conversation_id)
            return found

    def get_message(self, message_id: int) -> Message | None:
        with self._sessions.begin() as s:
            row = s.get(MessageRow, message_id)
            return message_record(row) if row is not None else None

    def edit_message(self, message_id: int, text: str) -> Message:
        """Change a message's text and log an EDIT row (returned) so open streams update it."""
        return self._rewrite(message_id, Kind.EDIT, text, {"edited": True})

    def delete_message(self, message_id: int) -> Message:
        """Blank a message and log a DELETE row (returned) so open streams remove it."""
        return self._rewrite(message_id, Kind.DELETE, "", {"deleted": True})

    def record_feedback(
        self, message_id: int, *, helpful: bool, comment: str | None = None, conversation_id: str | None = None
    ) -> Message:
        """Store a thumbs up/down; with `conversation_id`, the message must belong to it."""
        with self._sessions.begin() as s:
            row = s.get(MessageRow, message_id)
            if row is None or (conversation_id is not None and row.conversation_id != conversation_id):
                raise MessageNotFound(message_id)
            row.helpful = bool(helpful)
            row.feedback_comment = comment
            # NOTE: a click changes the conversation too: the console's figures refresh by updated_at
            s.execute(update(ConversationRow).where(ConversationRow.id == row.conversation_id)
                      .values(updated_at=self._now()), execution_options=NO_SYNC)
            s.flush()
            return message_record(row)

    # -- internals -------------------------------------------------------------------------
    def _now(self) -> datetime:
        now = self._clock()
        return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)

    def _rewrite(self, message_id: int, kind: Kind, text: str, flag: dict[str, Any]) -> Message:
        now = self._now()
        with self._sessions.begin() as s:
            conversation_id = s.scalar(select(MessageRow.conversation_id).where(MessageRow.id == message_id))
            if conversation_id is None:
                raise MessageNotFound(message_id)
            # the first write: it locks the conversation (see touch_conversation)
            touch_conversation(s, conversation_id, now, None)
            original = s.get(MessageRow, message_id)
            assert original is not None  # messages are never deleted while their conversation exists
            original.text = text
            original.meta = {**(original.meta or {}), **flag}
            if kind is Kind.DELETE:  # NOTE: every earlier version goes too, not only the latest text
                blank_edits(s, conversation_id, message_id)
            entry = insert_message(s, conversation_id, Role(original.role), kind, text, (), original.author,
                                 {"message_id": message_id}, now)
        self._publish([entry])
        return entry

    def _read_conversation(self, conversation_id: str) -> Any | None:
        """One Core SELECT, no commit: what authenticating a request costs."""
        with direct.reading(self._engine) as c:  # NOTE: nothing to commit; the pool ends the read
            return direct.first(c, READ_CONVERSATION, {"cid": conversation_id})

    def _update(self, conversation_id: str, values: dict[str, Any]) -> Conversation:
        values = {**values, "updated_at": self._now()}
        c = ConversationRow
        with self._sessions.begin() as s:
            stmt = update(c).where(c.id == conversation_id).values(**values)
            if rows_matched(s.execute(stmt, execution_options=NO_SYNC)) == 0:
                raise ConversationNotFound(conversation_id)
            return conversation_record(reload_conversation(s, conversation_id))

    def _conversations(self, query: Any, limit: int) -> list[Conversation]:
        query = query.order_by(ConversationRow.state_changed_at, ConversationRow.id)
        query = query.limit(max(1, min(limit, _MAX_PAGE)))
        with self._sessions.begin() as s:
            return [conversation_record(r) for r in s.scalars(query).all()]

    def _publish(self, messages: Iterable[Message]) -> None:
        """After the commit: wake streams. A failing bus loses nothing; streams catch up from the store."""
        if self._bus is None:
            return
        for m in messages:
            try:
                event = LiveEvent(conversation_id=m.conversation_id, type="message", data=message_to_dict(m), id=m.id)
                self._bus.publish(event)
            except Exception:
                log.exception("publishing message %s of conversation %s failed", m.id, m.conversation_id)


def _default_notice(to: State, agent_name: str | None) -> str:
    # Callers normally pass the policy's own wording; this is the fallback.
    return {
        State.PENDING: "We are bringing in a person to help you.",
        State.AGENT: f"{agent_name or 'A support agent'} joined the conversation.",
        State.RESOLVED: "This conversation was closed.",
        State.BOT: "You are chatting with the assistant again.",
    }[to]

