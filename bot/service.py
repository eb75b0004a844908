"""The bot's service layer: one customer turn, and every customer-side action on a conversation.

A turn: store the message (PII redacted), then triage -> retrieve -> answer, or bring in a person.
The HTTP API, the Slack side, the CLI and the benchmarks all drive this class; none of it knows
Flask.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.answering.answerer import Answerer
from bot.answering.language import Detector
from bot.answering.retrieval import Searchable
from bot.conversations.events import EventBus, LiveEvent, Subscription
from bot.conversations.records import Accepted, Conversation, Kind, Message, Role, State, TurnLease
from bot.conversations.store import NEWEST, ConversationStore
from bot.desk_guard import HandoffBudget
from bot.errors import ConversationNotFound, InvalidInput
from bot.escalation import Escalation, NoMetrics, TurnMetrics, TurnOutcome
from bot.handoff_port import HumanDesk
from bot.pii import redact
from bot.policy import Policy
from bot.privacy.egress import clean_email, clean_page_url, clean_text
from bot.recovery.leases import TurnLeases
from bot.triage.decision import Triage
from bot.turn import TurnRunner
from knowledge_base.language import LanguageDetector

__all__ = ["BotService", "TurnMetrics", "TurnOutcome"]

log = logging.getLogger(__name__)

_CUSTOMER_CAN_RETURN_FROM = (State.RESOLVED,)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class BotService:
    """Customer-side operations; answers run on a small thread pool so posting returns at once."""

    def __init__(
        self,
        *,
        store: ConversationStore,
        bus: EventBus,
        knowledge_base: Searchable,
        triage: Triage,
        answerer: Answerer,
        policy: Policy,
        desk: HumanDesk | None = None,
        metrics: TurnMetrics | None = None,
        max_message_chars: int = 4000,
        history_turns: int = 6,
        workers: int = 8,
        desk_available: Callable[[], bool] | None = None,
        clock: Callable[[], datetime] = _utcnow,
        detector: Detector | None = None,
        handoff_budget: HandoffBudget | None = None,
        leases: TurnLeases | None = None,
    ) -> None:
        self._budget = handoff_budget
        self._leases = leases  # None: turns are not claimed (nothing recovers them after a crash)
        self._store = store
        self._bus = bus
        self._policy = policy
        self._metrics: TurnMetrics = metrics or NoMetrics()
        self._max_chars = max_message_chars
        self._escalation = Escalation(
            store=store, summarizer=answerer, policy=policy, metrics=self._metrics, desk=desk,
            desk_available=desk_available or (lambda: desk is not None), clock=clock, budget=handoff_budget,
        )
        self._history = 2 * history_turns  # messages a turn reads with the customer's message
        self._turns = TurnRunner(
            store=store, bus=bus, knowledge_base=knowledge_base, triage=triage, answerer=answerer, policy=policy,
            escalation=self._escalation, metrics=self._metrics,
            detector=detector or LanguageDetector(default=answerer.knowledge_code),
        )
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="turn")

    # -- wiring ---------------------------------------------------------------------------
    @property
    def store(self) -> ConversationStore:
        return self._store

    @property
    def policy(self) -> Policy:
        return self._policy

    def set_desk(self, desk: HumanDesk, *, available: Callable[[], bool] | None = None) -> None:
        """Late wiring: the Slack desk needs the service that needs the desk."""
        self._escalation.desk = desk
        self._escalation.desk_available = available or (lambda: True)

    def note_source(self, conversation_id: str, address: str | None) -> None:
        """The client address behind a conversation, for the desk's per-address handoff cap."""
        if self._budget is not None:
            self._budget.note_source(conversation_id, address)

    def shutdown(self, *, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait)

    # -- conversations --------------------------------------------------------------------
    def start_conversation(
        self, *, name: str | None = None, email: str | None = None, page_url: str | None = None,
        locale: str | None = None,
    ) -> tuple[Conversation, str]:
        pii = self._policy.pii  # NOTE: each field checked like a message; page URLs lose their query
        return self._store.create_conversation(
            customer_name=clean_text(name, pii), customer_email=clean_email(email),
            page_url=clean_page_url(page_url, pii), locale=locale)

    def authenticate(self, conversation_id: str, token: str) -> Conversation | None:
        return self._store.authenticate(conversation_id, token)

    def get(self, conversation_id: str) -> Conversation:
        conversation = self._store.get(conversation_id)
        if conversation is None:
            raise ConversationNotFound(conversation_id)
        return conversation

    def messages(self, conversation_id: str, *, after: int = 0, limit: int = 500) -> list[Message]:
        self.get(conversation_id)
        return self._store.messages(conversation_id, after=after, limit=limit)

    def earlier_messages(self, conversation_id: str, *, before: int | None, limit: int) -> list[Message]:
        """The newest `limit` rows of the log older than `before` (None: the newest), oldest first.

        A conversation of thousands of messages opens at its end, not at its first 500.
        """
        before = NEWEST if before is None else min(before, NEWEST)
        return self._store.recent_messages(conversation_id, before=before, limit=limit, kinds=tuple(Kind))

    def subscribe(self, conversation_id: str) -> Subscription:
        return self._bus.subscribe(conversation_id)

    def typing(self, conversation_id: str, who: str) -> None:
        conversation = self.get(conversation_id)
        self._bus.publish(LiveEvent(conversation_id=conversation.id, type="typing", data={"who": who}))

    # -- a customer message ---------------------------------------------------------------
    def post_customer_message(
        self, conversation_id: str, text: str, *, conversation: Conversation | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Message:
        """Store the message now; answer (or relay to the agent) in the background.

        `conversation`: the record the caller has just read (the API authenticated it), so the
        turn does not read it again. `meta`: e.g. an attachment.
        """
        accepted = self._accept(conversation_id, text, conversation, meta)
        if accepted.conversation.state in (State.PENDING, State.AGENT):
            self._relay(accepted.conversation, accepted.message)
        else:
            self._submit(accepted)
        return accepted.message

    def post_and_answer(self, conversation_id: str, text: str) -> TurnOutcome:
        """The whole turn synchronously (tests, benchmarks, the CLI)."""
        accepted = self._accept(conversation_id, text, None)
        if accepted.conversation.state in (State.PENDING, State.AGENT):
            self._relay(accepted.conversation, accepted.message)
            return TurnOutcome("relayed", accepted.message)
        self._hold(accepted)
        try:
            return self.run_turn(accepted)
        finally:
            self._drop(accepted)

    def _accept(self, conversation_id: str, text: str, known: Conversation | None,
                meta: dict[str, Any] | None = None) -> Accepted:
        """Validate, redact, and store the message with the turn's history in one transaction."""
        clean = (text or "").strip()
        if not clean:
            raise InvalidInput("text must not be empty")
        if len(clean) > self._max_chars:
            raise InvalidInput(f"text is longer than {self._max_chars} characters")
        conversation = known if known is not None else self.get(conversation_id)
        if conversation.state in _CUSTOMER_CAN_RETURN_FROM:
            self._reopen(conversation)
        stored = redact(clean, self._policy.pii, target="store")
        waiting = conversation.state is State.PENDING
        meta = {**(meta or {}), **({"ack": "queued"} if waiting else {})}
        lease = self._leases.new() if self._leases is not None else None
        accepted = self._store.accept_customer_message(conversation.id, stored.text, history=self._history,
                                                       meta=meta or None, lease=lease)
        if accepted.conversation.state in _CUSTOMER_CAN_RETURN_FROM:
            # NOTE: the state that counts is the one read in the transaction that stored the message: an
            # agent's Resolve (or the idle timer) can land between authentication and the store, and a
            # message in a resolved conversation would otherwise be neither relayed nor answered.
            log.info("conversation %s was resolved as message %s arrived: back to the bot",
                     conversation.id, accepted.message.id)
            self._reopen(accepted.conversation)
            accepted = replace(accepted, conversation=self.get(conversation.id))
        if accepted.conversation.state is State.PENDING:
            self._acknowledge_wait(accepted.conversation, accepted.message)
        return accepted

    def _reopen(self, conversation: Conversation) -> None:
        """A customer writing in a resolved conversation brings it back to the bot."""
        # NOTE: "back with the assistant" only makes sense to someone who was with a person.
        was_with_person = conversation.handoff_reason is not None
        self._store.transition(
            conversation.id, expected=_CUSTOMER_CAN_RETURN_FROM, to=State.BOT, actor="customer",
            reason="new_message", notice=self._text("back_to_bot", conversation) if was_with_person else "",
            detail=None if was_with_person else {"quiet": True},
        )

    def _acknowledge_wait(self, conversation: Conversation, message: Message) -> None:
        """The first message of a wait gets one line saying what happens to it; later ones only their tick."""
        since = conversation.state_changed_at
        earlier = self._store.recent_messages(
            conversation.id, before=message.id, limit=50, kinds=(Kind.TEXT, Kind.NOTICE)
        )
        if any(m.meta.get("waiting_ack") and (since is None or m.created_at >= since) for m in earlier):
            return
        self._store.add_message(conversation.id, role=Role.SYSTEM, kind=Kind.NOTICE, meta={"waiting_ack": True},
                                text=self._text("waiting_ack", conversation))

    def _relay(self, conversation: Conversation, message: Message) -> None:
        try:
            self._escalation.desk.customer_message(conversation, message)
        except Exception:
            log.exception("could not hand customer message %s to the desk", message.id)

    def _submit(self, accepted: Accepted) -> None:
        """Run the turn on the pool, its lease held (renewed while it runs) until it ends."""
        self._hold(accepted)
        try:
            self._pool.submit(self._run_turn_safely, accepted)
        except RuntimeError:  # NOTE: shutting down: the lease runs out and a sweeper answers the message
            self._drop(accepted)
            raise

    def _hold(self, accepted: Accepted) -> None:
        if self._leases is not None and accepted.lease is not None:
            self._leases.hold(accepted.message.id)

    def _drop(self, accepted: Accepted) -> None:
        if self._leases is not None and accepted.lease is not None:
            self._leases.drop(accepted.message.id)

    def _run_turn_safely(self, accepted: Accepted) -> None:
        conversation_id = accepted.conversation.id
        try:
            self.run_turn(accepted)
        except Exception:
            log.exception("turn failed for conversation %s message %s", conversation_id, accepted.message.id)
            self._metrics.error("turn")
            self._escalation.handoff(self.get(conversation_id), "bot_error", sources=[])
        finally:
            self._drop(accepted)

    # -- turns taken over from an instance that stopped (`bot/recovery`) --------------------
    def resume_turn(self, lease: TurnLease) -> None:
        """Answer a stored message whose turn was cut off, through the normal turn, on the pool."""
        message = self._store.get_message(lease.message_id)
        if message is None:
            log.warning("turn recovery: message %s is gone (erased?); nothing to answer", lease.message_id)
            return
        conversation = self.get(message.conversation_id)
        if conversation.state in _CUSTOMER_CAN_RETURN_FROM:
            # NOTE: stored while resolved, and its instance died before taking the conversation back to the bot.
            self._reopen(conversation)
            conversation = self.get(conversation.id)
        if conversation.state is not State.BOT:
            log.warning("turn recovery: conversation %s is with a person now; message %s is left to them",
                        conversation.id, message.id)
            return
        history = self._store.recent_messages(conversation.id, before=message.id, limit=self._history)
        self._metrics.error("turn_recovered")
        self._submit(Accepted(conversation, message, history, lease))

    def hand_over_unanswered(self, lease: TurnLease, *, detail: dict[str, Any]) -> None:
        """A message recovered too late to answer (or whose turn keeps failing): a person takes it."""
        message = self._store.get_message(lease.message_id)
        if message is None:
            return
        self._metrics.error("turn_recovered_late")
        self._escalation.handoff(self.get(message.conversation_id), "bot_error", sources=[], detail=detail)

    def run_turn(self, accepted: Accepted) -> TurnOutcome:
        """Triage, retrieve, answer; or offer or bring in a person. The customer's message is already stored."""
        return self._turns.run(accepted)

    # -- handoff --------------------------------------------------------------------------
    def request_person(self, conversation_id: str, *, reason: str = "customer_request") -> Conversation:
        conversation = self.get(conversation_id)
        self._escalation.handoff(conversation, reason, sources=[])
        return self.get(conversation_id)

    def offer_email(self, conversation_id: str) -> None:
        """Called by handoff timers when nobody came: tell the customer honestly, ask for an email."""
        self._escalation.ask_email(self.get(conversation_id), "handoff_unavailable")

    # -- other customer actions -----------------------------------------------------------
    def provide_email(self, conversation_id: str, email: str) -> Conversation:
        email = clean_email((email or "").strip()) or ""  # NOTE: invisible pasted marks go here, at the edge
        if "@" not in email or len(email) > 254 or " " in email:
            raise InvalidInput("a valid email address is required (plain letters, digits and punctuation)")
        conversation = self._store.update_customer(conversation_id, email=email)
        self._store.add_message(conversation_id, role=Role.SYSTEM, kind=Kind.NOTICE,
                                text=self._text("email_thanks", conversation, email=email))
        self._escalation.desk.conversation_changed(conversation)
        return conversation

    def close(self, conversation_id: str) -> Conversation:
        conversation = self.get(conversation_id)
        won = self._store.transition(
            conversation_id, expected=(State.BOT, State.PENDING, State.AGENT), to=State.RESOLVED, actor="customer",
            reason="closed_by_customer", notice=self._text("resolved", conversation),
        )
        current = self.get(conversation_id)
        if won is not None and conversation.state in (State.PENDING, State.AGENT):
            self._escalation.desk.conversation_changed(current)
        return current

    def rate(self, conversation_id: str, rating: int, comment: str | None = None) -> Conversation:
        if not 1 <= int(rating) <= 5:
            raise InvalidInput("rating must be between 1 and 5")
        self.get(conversation_id)
        rated = self._store.record_rating(conversation_id, int(rating), clean_text(comment, self._policy.pii))
        try:
            self._escalation.desk.conversation_changed(rated)  # the card shows the CSAT and the comment
        except Exception:
            log.exception("desk could not show the rating of conversation %s", conversation_id)
        return self.get(conversation_id)

    def feedback(self, conversation_id: str, message_id: int, *, helpful: bool, comment: str | None = None) -> None:
        message = self._store.get_message(message_id)
        if message is None or message.conversation_id != conversation_id:
            raise ConversationNotFound(f"message {message_id}")
        if message.role != Role.BOT:
            raise InvalidInput("feedback is for bot answers")
        self._store.record_feedback(message_id, helpful=helpful, comment=clean_text(comment, self._policy.pii))

    def waiting(self, *, limit: int = 100) -> list[Conversation]:
        """Conversations waiting for a person (for `supportbot handoffs` and `/support list`)."""
        return self._store.list_by_state([State.PENDING], limit=limit)

    def _text(self, key: str, conversation: Conversation, **kwargs: str) -> str:
        return self._policy.message(key, conversation.locale, **kwargs)
