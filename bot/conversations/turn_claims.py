"""The statements behind turn leases: renew, settle, find and take over customer messages' turns.

A customer message the bot answers is stored with a lease (`messages.turn_until`, `turn_owner`) in
the INSERT that stores it, so a turn costs no statement more. The lease is never released by the
turn itself: a turn is *finished* when a reply follows the message (a bot or agent line that does
not answer an earlier message, or a state change away from the bot) or the conversation left the
bot, and the sweepers clear finished turns in bulk once their lease ran out. What is left with an
expired lease is a turn cut off with its instance; one conditional UPDATE takes it over, so two
sweepers never both do (a stalled instance may still finish its own turn late; the unique `reply_to`
index keeps one answer stored).
An earlier message of a conversation whose newer message has a turn is left to that turn.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Engine, exists, func, or_, select, update
from sqlalchemy.orm import aliased

from bot.conversations.database import rows_matched
from bot.conversations.models import ConversationRow, MessageRow
from bot.conversations.records import Kind, Role, State

_M = MessageRow
_TURN_STATES = (State.BOT.value, State.RESOLVED.value)  # a customer message there has a bot turn
_ANSWER_ROLES = (Role.BOT.value, Role.AGENT.value)
_ANSWER_KINDS = (Kind.TEXT.value, Kind.NOTICE.value)


@dataclass(frozen=True)
class OpenTurn:
    """A customer message whose turn is unfinished and whose lease ran out."""

    message_id: int
    conversation_id: str
    created_at: datetime
    lease_until: datetime
    owner: str | None  # the instance that held it
    recoveries: int  # sweeps that took it over before


def _finished() -> ColumnElement[bool]:
    """The message's turn is over: a later reply that is not an answer to an earlier message, or no bot.

    A reply is a bot or agent line, a notice to the customer (the handoff's "nobody is free, leave your
    email" ends a turn with the conversation still with the bot), or a state change away from the bot
    (a handoff). A state change back to the bot is not: a conversation reopened after the message was
    stored has its state line after it, and a turn it finished would be lost with its instance."""
    reply = aliased(MessageRow)
    answered = ((reply.role.in_(_ANSWER_ROLES) & reply.kind.in_(_ANSWER_KINDS))
                | ((reply.role == Role.SYSTEM.value) & (reply.kind == Kind.NOTICE.value)))
    left = (reply.kind == Kind.STATE.value) & (reply.meta["to"].as_string() != State.BOT.value)
    replied = exists().where(
        reply.conversation_id == _M.conversation_id, reply.id > _M.id, or_(answered, left),
        # NOTE: an answer to an earlier message (two turns at once) does not finish this one.
        or_(reply.reply_to.is_(None), reply.reply_to >= _M.id),
    )
    # NOTE: a resolved conversation has not left the bot for a message stored while it was resolved (its
    # instance died before reopening it); one resolved after the message has a state line after it.
    left_the_bot = exists().where(ConversationRow.id == _M.conversation_id,
                                  ConversationRow.state.not_in(_TURN_STATES))
    return or_(replied, left_the_bot)


def _superseded() -> ColumnElement[bool]:
    """A later customer message has a turn of its own: that turn answers with this one in its history."""
    later = aliased(MessageRow)
    return exists().where(later.conversation_id == _M.conversation_id, later.id > _M.id,
                          later.role == Role.CUSTOMER.value, later.turn_until.is_not(None))


def _expired(now: datetime) -> ColumnElement[bool]:
    # NOTE: `IS NOT NULL` names the partial index's condition, so both databases use it.
    return _M.turn_until.is_not(None) & (_M.turn_until < now)


class TurnClaims:
    """Leases on customer messages' turns, shared by every instance on the database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def renew(self, owner: str, message_ids: Collection[int], until: datetime) -> int:
        """Extend `owner`'s leases on `message_ids`; returns how many it still held (others were taken over)."""
        if not message_ids:
            return 0
        stmt = (update(MessageRow).where(_M.id.in_(sorted(message_ids)), _M.turn_owner == owner)
                .values(turn_until=until))
        with self._engine.begin() as c:
            return rows_matched(c.execute(stmt))

    def settle_finished(self, now: datetime) -> int:
        """Clear the expired leases of turns that finished (the common case: every answered message)."""
        stmt = update(MessageRow).where(_expired(now), _finished()).values(turn_until=None, turn_owner=None)
        with self._engine.begin() as c:
            return rows_matched(c.execute(stmt))

    def open_turns(self, now: datetime, *, limit: int, exclude: Collection[int] = ()) -> list[OpenTurn]:
        """Unfinished turns whose lease ran out, the longest expired first; of a conversation, only its newest
        (the newest message's turn answers with the earlier ones as history, as a person would).
        `exclude`: messages whose turns the caller runs itself."""
        query = (
            select(_M.id, _M.conversation_id, _M.created_at, _M.turn_until, _M.turn_owner, _M.turn_recoveries)
            .where(_expired(now), ~_finished(), ~_superseded()).order_by(_M.turn_until, _M.id).limit(limit)
        )
        if exclude:
            query = query.where(_M.id.not_in(sorted(exclude)))
        with self._engine.connect() as c:
            return [OpenTurn(r.id, r.conversation_id, r.created_at, r.turn_until, r.turn_owner, r.turn_recoveries or 0)
                    for r in c.execute(query)]

    def take_over(self, message_id: int, *, owner: str, now: datetime, until: datetime) -> bool:
        """Claim an expired, unfinished turn for `owner`; False when another instance claimed it first
        (or it finished meanwhile). The one conditional UPDATE is the whole race."""
        stmt = (
            update(MessageRow).where(_M.id == message_id, _expired(now), ~_finished(), ~_superseded())
            .values(turn_until=until, turn_owner=owner, turn_recoveries=func.coalesce(_M.turn_recoveries, 0) + 1)
        )
        with self._engine.begin() as c:
            return rows_matched(c.execute(stmt)) == 1

    def settle(self, message_ids: Collection[int], *, owner: str) -> int:
        """Clear `owner`'s leases on `message_ids`: turns it decided not to answer (superseded, too old)."""
        if not message_ids:
            return 0
        stmt = (update(MessageRow).where(_M.id.in_(sorted(message_ids)), _M.turn_owner == owner)
                .values(turn_until=None, turn_owner=None))
        with self._engine.begin() as c:
            return rows_matched(c.execute(stmt))

    def expire(self, message_ids: Collection[int], *, owner: str, now: datetime) -> int:
        """End `owner`'s leases on `message_ids` now (a graceful stop): another instance may take them at once."""
        if not message_ids:
            return 0
        stmt = (update(MessageRow).where(_M.id.in_(sorted(message_ids)), _M.turn_owner == owner,
                                         _M.turn_until.is_not(None)).values(turn_until=now))
        with self._engine.begin() as c:
            return rows_matched(c.execute(stmt))
