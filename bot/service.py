"""The bot's service layer: one customer turn, and every customer-side action on a conversation.

A turn: store the message (PII redacted), then triage -> retrieve -> answer, or bring in a person.
The HTTP API, the Slack side, the CLI and the benchmarks all drive this class; none of it knows
Flask.
"""
from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.answering.answerer import Answerer, condense_query
from bot.answering.retrieval import Searchable, retrieve
from bot.conversations.events import EventBus, LiveEvent, Subscription
from bot.conversations.records import Conversation, Kind, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.errors import AnswerFailed, ConversationNotFound, InvalidInput
from bot.handoff_port import HandoffRequest, HumanDesk, NoDesk
from bot.pii import redact
from bot.policy import Policy
from bot.triage.decision import Triage, TriageDecision
from knowledge_base.results import SearchResult

log = logging.getLogger(__name__)

_CUSTOMER_CAN_RETURN_FROM = (State.RESOLVED,)


class TurnMetrics(Protocol):
    def observe_turn(self, seconds: float, outcome: str) -> None: ...
    def handoff(self, reason: str) -> None: ...
    def error(self, kind: str) -> None: ...


class _NoMetrics:
    def observe_turn(self, seconds: float, outcome: str) -> None: ...
    def handoff(self, reason: str) -> None: ...
    def error(self, kind: str) -> None: ...


@dataclass(frozen=True)
class TurnOutcome:
    """What a turn ended in: `answered`, `no_answer`, `handoff:<reason>`, `relayed` or `skipped`."""

    outcome: str
    message: Message | None = None


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
    ) -> None:
        self._clock = clock
        self._store = store
        self._bus = bus
        self._kb = knowledge_base
        self._triage = triage
        self._answerer = answerer
        self._policy = policy
        self._desk: HumanDesk = desk or NoDesk()
        self._metrics: TurnMetrics = metrics or _NoMetrics()
        self._max_chars = max_message_chars
        self._history_turns = history_turns
        self._desk_available = desk_available or (lambda: desk is not None)
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
        self._desk = desk
        self._desk_available = available or (lambda: True)

    def shutdown(self, *, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait)

    # -- conversations --------------------------------------------------------------------
    def start_conversation(
        self, *, name: str | None = None, email: str | None = None, page_url: str | None = None,
        locale: str | None = None,
    ) -> tuple[Conversation, str]:
        return self._store.create_conversation(customer_name=name, customer_email=email, page_url=page_url,
                                               locale=locale)

    def authenticate(self, conversation_id: str, token: str) -> Conversation | None:
        return self._store.authenticate(conversation_id, token)

    def get(self, conversation_id: str) -> Conversation:
        conversation = self._store.get(conversation_id)
        if conversation is None:
            raise ConversationNotFound(conversation_id)
        return conversation

    def messages(self, conversation_id: str, *, after: int = 0) -> list[Message]:
        self.get(conversation_id)
        return self._store.messages(conversation_id, after=after)

    def subscribe(self, conversation_id: str) -> Subscription:
        return self._bus.subscribe(conversation_id)

    def typing(self, conversation_id: str, who: str) -> None:
        conversation = self.get(conversation_id)
        self._bus.publish(LiveEvent(conversation_id=conversation.id, type="typing", data={"who": who}))

    # -- a customer message ---------------------------------------------------------------
    def post_customer_message(self, conversation_id: str, text: str) -> Message:
        """Store the message now; answer (or relay to the agent) in the background."""
        message, relay_to = self._accept(conversation_id, text)
        if relay_to is not None:
            self._relay(relay_to, message)
        else:
            self._pool.submit(self._run_turn_safely, conversation_id, message)
        return message

    def post_and_answer(self, conversation_id: str, text: str) -> TurnOutcome:
        """The whole turn synchronously (tests, benchmarks, the CLI)."""
        message, relay_to = self._accept(conversation_id, text)
        if relay_to is not None:
            self._relay(relay_to, message)
            return TurnOutcome("relayed", message)
        return self.run_turn(conversation_id, message)

    def _accept(self, conversation_id: str, text: str) -> tuple[Message, Conversation | None]:
        clean = (text or "").strip()
        if not clean:
            raise InvalidInput("text must not be empty")
        if len(clean) > self._max_chars:
            raise InvalidInput(f"text is longer than {self._max_chars} characters")
        conversation = self.get(conversation_id)
        if conversation.state in _CUSTOMER_CAN_RETURN_FROM:
            self._store.transition(
                conversation.id, expected=_CUSTOMER_CAN_RETURN_FROM, to=State.BOT, actor="customer",
                reason="new_message", notice=self._text("back_to_bot", conversation),
            )
            conversation = self.get(conversation_id)
        stored = redact(clean, self._policy.pii, target="store")
        message = self._store.add_message(conversation.id, role=Role.CUSTOMER, text=stored.text)
        if conversation.state in (State.PENDING, State.AGENT):
            return message, conversation
        return message, None

    def _relay(self, conversation: Conversation, message: Message) -> None:
        try:
            self._desk.customer_message(conversation, message)
        except Exception:
            log.exception("could not hand customer message %s to the desk", message.id)

    def _run_turn_safely(self, conversation_id: str, message: Message) -> None:
        try:
            self.run_turn(conversation_id, message)
        except Exception:
            log.exception("turn failed for conversation %s message %s", conversation_id, message.id)
            self._metrics.error("turn")
            self._handoff(self.get(conversation_id), "bot_error", sources=[])

    def run_turn(self, conversation_id: str, message: Message) -> TurnOutcome:
        """Triage, retrieve, answer; or hand off. The customer's message is already stored."""
        started = time.perf_counter()
        outcome = self._turn(conversation_id, message)
        self._metrics.observe_turn(time.perf_counter() - started, outcome.outcome.split(":")[0])
        return outcome

    def _turn(self, conversation_id: str, message: Message) -> TurnOutcome:
        conversation = self.get(conversation_id)
        if conversation.state != State.BOT:
            return TurnOutcome("skipped")
        history = self._history(conversation_id, before=message.id)
        earlier = [m.text for m in history if m.role == Role.CUSTOMER]
        pending = self._triage.begin(message.text, history=earlier)  # second opinions run beside retrieval
        decision = pending.first
        if decision.reason:
            return self._handoff(conversation, decision.reason, sources=[], label=decision.label, triage=decision)

        query = condense_query(message.text, history)
        llm_question = redact(message.text, self._policy.pii, target="llm").text
        llm_history = self._for_llm(history)
        try:
            result = retrieve(self._kb, self._answerer, query, question=llm_question, history=llm_history,
                              context=f"conversation {conversation_id}")
        except Exception:
            log.exception("search failed for conversation %s", conversation_id)
            self._metrics.error("retrieval")
            return self._handoff(conversation, "bot_error", sources=[])
        decision = pending.result()
        if decision.reason:
            return self._handoff(conversation, decision.reason, sources=_titles(result), label=decision.label,
                                 triage=decision)
        if not self._answerer.attempts(result):
            return self._miss(conversation, result)

        stream_id = uuid.uuid4().hex
        try:
            answer = self._answerer.answer(
                llm_question, result, history=llm_history, language=conversation.locale,
                on_token=lambda t: self._publish_token(conversation_id, stream_id, t),
            )
        except AnswerFailed as exc:
            log.warning("answer failed for conversation %s: %s", conversation_id, exc)
            self._metrics.error("llm")
            return self._handoff(conversation, "bot_error", sources=_titles(result))
        if not answer.grounded:
            return self._miss(conversation, result, stream_id=stream_id)
        if conversation.misses:
            self._store.set_misses(conversation_id, 0)
        stored = self._store.add_message(
            conversation_id, role=Role.BOT, text=answer.text, citations=answer.citations,
            meta={"stream_id": stream_id, "mode": answer.mode, "score": round(result.top_score, 3),
                  **({"near_miss": True} if answer.near_miss else {})},
        )
        return TurnOutcome("answered", stored)

    def _for_llm(self, history: list[Message]) -> list[Message]:
        """Earlier messages as the LLM may see them: stored text is redacted per the policy's `store`
        targets, which need not cover `llm` (and card numbers never reach an LLM in clear)."""
        if self._answerer.mode != "llm":
            return history
        return [replace(m, text=redact(m.text, self._policy.pii, target="llm").text) for m in history]

    def _history(self, conversation_id: str, *, before: int) -> list[Message]:
        return self._store.recent_messages(conversation_id, before=before, limit=2 * self._history_turns)

    def _publish_token(self, conversation_id: str, stream_id: str, text: str) -> None:
        self._bus.publish(LiveEvent(conversation_id=conversation_id, type="token",
                                    data={"stream_id": stream_id, "text": text}))

    def _miss(self, conversation: Conversation, result: SearchResult, *, stream_id: str | None = None) -> TurnOutcome:
        misses = conversation.misses + 1
        self._store.set_misses(conversation.id, misses)
        if misses >= self._policy.no_answer_after_misses:
            return self._handoff(conversation, "no_answer", sources=_titles(result))
        meta: dict[str, Any] = {"offer_handoff": True, "no_answer": True}
        if stream_id:
            meta["stream_id"] = stream_id
        stored = self._store.add_message(conversation.id, role=Role.BOT, text=self._text("no_answer", conversation),
                                         meta=meta)
        return TurnOutcome("no_answer", stored)

    # -- handoff --------------------------------------------------------------------------
    def request_person(self, conversation_id: str, *, reason: str = "customer_request") -> Conversation:
        conversation = self.get(conversation_id)
        self._handoff(conversation, reason, sources=[])
        return self.get(conversation_id)

    def _handoff(self, conversation: Conversation, reason: str, *, sources: Sequence[str], label: str | None = None,
                 triage: TriageDecision | None = None) -> TurnOutcome:
        notice_key = ("self_harm" if label == "self_harm"
                      else "bot_error" if reason == "bot_error" else "handoff_pending")
        won = self._store.transition(
            conversation.id, expected=(State.BOT, State.RESOLVED), to=State.PENDING, actor="bot",
            reason=reason, notice=self._text(notice_key, conversation),
            detail={"triage": triage.record()} if triage is not None else None,
        )
        if won is None:  # already with a person, or another turn got there first
            return TurnOutcome(f"handoff:{reason}")
        self._metrics.handoff(reason)
        current = self.get(conversation.id)
        try:
            summary = self._answerer.summarize(self._store.messages(conversation.id))
        except Exception:
            log.exception("summary failed for conversation %s", conversation.id)
            summary = ""
        try:
            self._desk.request_handoff(HandoffRequest(current, reason, summary, list(sources),
                                                      why=triage.evidence if triage is not None else ""))
        except Exception:
            log.exception("desk could not take handoff of conversation %s", conversation.id)
            self._metrics.error("desk")
        if not self._policy.business_hours.is_open(self._clock()):
            self._ask_email(current, "handoff_outside_hours")
        elif not self._desk_available():
            self._ask_email(current, "handoff_unavailable")
        return TurnOutcome(f"handoff:{reason}", won.message)

    def _ask_email(self, conversation: Conversation, key: str) -> None:
        """Tell the customer honestly that nobody is there now; ask for an email unless we have one."""
        meta = {"ask_email": not conversation.customer_email}
        self._store.add_message(conversation.id, role=Role.SYSTEM, kind=Kind.NOTICE, text=self._text(key, conversation),
                                meta=meta)

    def offer_email(self, conversation_id: str) -> None:
        """Called by handoff timers when nobody came: tell the customer honestly, ask for an email."""
        self._ask_email(self.get(conversation_id), "handoff_unavailable")

    # -- other customer actions -----------------------------------------------------------
    def provide_email(self, conversation_id: str, email: str) -> Conversation:
        email = (email or "").strip()
        if "@" not in email or len(email) > 254 or " " in email:
            raise InvalidInput("a valid email address is required")
        conversation = self._store.update_customer(conversation_id, email=email)
        self._store.add_message(conversation_id, role=Role.SYSTEM, kind=Kind.NOTICE,
                                text=self._text("email_thanks", conversation, email=email))
        self._desk.conversation_changed(conversation)
        return conversation

    def close(self, conversation_id: str) -> Conversation:
        conversation = self.get(conversation_id)
        won = self._store.transition(
            conversation_id, expected=(State.BOT, State.PENDING, State.AGENT), to=State.RESOLVED, actor="customer",
            reason="closed_by_customer", notice=self._text("resolved", conversation),
        )
        current = self.get(conversation_id)
        if won is not None and conversation.state in (State.PENDING, State.AGENT):
            self._desk.conversation_changed(current)
        return current

    def rate(self, conversation_id: str, rating: int, comment: str | None = None) -> Conversation:
        if not 1 <= int(rating) <= 5:
            raise InvalidInput("rating must be between 1 and 5")
        self.get(conversation_id)
        self._store.record_rating(conversation_id, int(rating), comment)
        return self.get(conversation_id)

    def feedback(self, conversation_id: str, message_id: int, *, helpful: bool, comment: str | None = None) -> None:
        message = self._store.get_message(message_id)
        if message is None or message.conversation_id != conversation_id:
            raise ConversationNotFound(f"message {message_id}")
        if message.role != Role.BOT:
            raise InvalidInput("feedback is for bot answers")
        self._store.record_feedback(message_id, helpful=helpful, comment=comment)

    def waiting(self, *, limit: int = 100) -> list[Conversation]:
        """Conversations waiting for a person (for `supportbot handoffs` and `/support list`)."""
        return self._store.list_by_state([State.PENDING], limit=limit)

    def _text(self, key: str, conversation: Conversation, **kwargs: Any) -> str:
        return self._policy.message(key, conversation.locale, **kwargs)


def _titles(result: SearchResult) -> list[str]:
    return [hit.url or hit.title for hit in result.hits[:3]]
