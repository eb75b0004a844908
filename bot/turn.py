"""One customer turn: triage -> context -> retrieve -> answer; or offer a person, or bring one in.

The bot brings a person in by itself only where the policy says so (an explicit ask, a sensitive
topic); after misses or an answer the customer rejects it offers one and waits for a yes. An LLM
that fails or times out costs the customer nothing but the draft it streamed: the extractive
answer replaces it.
"""
from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from bot.answering import replies
from bot.answering.answerer import Answer, Answerer
from bot.answering.context import contextual_search
from bot.answering.language import Detector, customer_language
from bot.answering.retrieval import Searchable, retrieve
from bot.conversations.events import EventBus, LiveEvent
from bot.conversations.records import Accepted, Conversation, Kind, Message, Role, State, TurnLease
from bot.conversations.store import ConversationStore
from bot.errors import AnswerFailed
from bot.escalation import Escalation, TurnMetrics, TurnOutcome
from bot.invisible_text import without_invisible
from bot.pii import redact
from bot.policy import Policy
from bot.triage.decision import Triage, TriageDecision
from knowledge_base.results import DocumentHit, Passage, SearchResult

log = logging.getLogger(__name__)

DISCARD_EVENT = "discard"  # the widget removes the draft of this stream_id (an LLM failed mid-answer)


class TurnRunner:
    """Runs a turn on a stored customer message; `BotService` owns the conversation around it."""

    def __init__(self, *, store: ConversationStore, bus: EventBus, knowledge_base: Searchable, triage: Triage,
                 answerer: Answerer, policy: Policy, escalation: Escalation, metrics: TurnMetrics,
                 detector: Detector) -> None:
        self._store = store
        self._bus = bus
        self._kb = knowledge_base
        self._triage = triage
        self._answerer = answerer
        self._policy = policy
        self._escalation = escalation
        self._metrics = metrics
        self._detector = detector

    def run(self, accepted: Accepted) -> TurnOutcome:
        """Triage, retrieve, answer; or offer or bring in a person. The message is already stored, and
        `accepted` holds the conversation and history read in the same transaction (no second read)."""
        started = time.perf_counter()
        outcome = self._turn(accepted)
        self._metrics.observe_turn(time.perf_counter() - started, outcome.outcome.split(":")[0])
        return outcome

    def _turn(self, accepted: Accepted) -> TurnOutcome:
        conversation, message, history = accepted.conversation, accepted.message, accepted.history
        if (read := without_invisible(message.text)) is not message.text:  # what the turn reads; stored as typed
            message = replace(message, text=read)
        if conversation.state != State.BOT:  # a person has it (read as the message was stored)
            log.warning("turn skipped: conversation %s is %s as message %s is stored", conversation.id,
                        conversation.state.value, message.id)
            return TurnOutcome("skipped")
        earlier = [without_invisible(m.text) for m in history if m.role == Role.CUSTOMER]
        lang = customer_language(self._detector, message.text, earlier=earlier, locale=conversation.locale)
        pending = self._triage.begin(message.text, history=earlier)  # second opinions run beside retrieval
        decision = pending.first
        if decision.reason:
            return self._triaged(conversation, decision, [], lang)
        reply = self._reply_to_offer_or_rejection(conversation, message, history, lang, accepted.lease)
        if reply is not None:
            return reply
        return self._answer(conversation, message, history, lang, pending.result, accepted.lease)

    def _triaged(self, conversation: Conversation, decision: TriageDecision, sources: Sequence[str],
                 lang: str) -> TurnOutcome:
        return self._escalation.handoff(conversation, decision.reason or "", sources=sources, label=decision.label,
                                        lang=lang, triage=decision)

    def _reply_to_offer_or_rejection(self, conversation: Conversation, message: Message, history: Sequence[Message],
                                     lang: str, turn: TurnLease | None) -> TurnOutcome | None:
        """Yes/no to a person we offered, or an answer the customer rejects: asked, never pushed."""
        last_bot = next((m for m in reversed(history) if m.role == Role.BOT and m.kind == Kind.TEXT), None)
        offered = last_bot is not None and bool(last_bot.meta.get("offer_handoff"))
        if offered and replies.is_yes(message.text):
            return self._escalation.handoff(conversation, "customer_request", sources=[], lang=lang)
        if offered and replies.is_no(message.text):
            return TurnOutcome("offer_declined", self._say(conversation, "offer_declined", lang, misses=0, turn=turn))
        answered = last_bot is not None and not last_bot.meta.get("no_answer") and bool(last_bot.citations)
        previous = next((m.text for m in reversed(history) if m.role == Role.CUSTOMER and m.kind == Kind.TEXT), None)
        again = answered and previous is not None and replies.same_question(message.text, previous)
        # NOTE: only a reply can reject an answer: "il mio server non risponde" opening a conversation is a question.
        if (last_bot is not None and replies.is_rejection(message.text)) or again:
            return TurnOutcome("offered", self._say(conversation, "offer_after_rejection", lang, offer=True, turn=turn))
        return None

    def _answer(self, conversation: Conversation, message: Message, history: list[Message], lang: str,
                second_opinion: Callable[[], TriageDecision], turn: TurnLease | None) -> TurnOutcome:
        llm = self._answerer.mode == "llm"  # NOTE: without one, nothing is redacted for an LLM
        llm_question = redact(message.text, self._policy.pii, target="llm").text if llm else message.text
        llm_history = self._for_llm(history)
        try:
            query, first = contextual_search(self._kb, message.text, history)
            result = first if first.answerable else retrieve(
                _Remembered(self._kb, first), self._answerer, query, question=llm_question, history=llm_history,
                context=f"conversation {conversation.id}")
        except Exception:
            log.exception("search failed for conversation %s", conversation.id)
            self._metrics.error("retrieval")
            return self._escalation.handoff(conversation, "bot_error", sources=[], lang=lang)
        decision = second_opinion()
        if decision.reason:
            return self._triaged(conversation, decision, [h.title for h in result.hits], lang)
        if not self._answerer.attempts(result):
            return self._miss(conversation, result, lang, turn=turn)
        stream_id = uuid.uuid4().hex
        streamed: list[str] = []

        def on_token(text: str) -> None:
            streamed.append(text)
            self._publish(conversation.id, "token", {"stream_id": stream_id, "text": text})

        try:
            answer = self._answerer.answer(llm_question if llm else query, result, history=llm_history,
                                           language=lang, on_token=on_token, whole=self._whole, message=message.text)
        except AnswerFailed as exc:
            answer = self._fall_back(conversation, query, result, lang, exc, stream_id if streamed else None,
                                     message=message.text)
        if not answer.grounded:
            return self._miss(conversation, result, lang, stream_id=stream_id, turn=turn)
        sources = self._escalation.text("sources_label", conversation, lang=lang)
        meta: dict[str, Any] = {"stream_id": stream_id, "mode": answer.mode, "score": round(result.top_score, 3),
                                "lang": lang, "labels": {"sources": sources}}
        if answer.near_miss:
            meta["near_miss"] = True
        # NOTE: one transaction: the answer, the miss count reset, and only while the bot still has it.
        stored = self._store.add_bot_message(conversation.id, text=answer.text, citations=answer.citations, meta=meta,
                                             misses=0 if conversation.misses else None, turn=turn)
        return TurnOutcome("answered", stored) if stored is not None else TurnOutcome("skipped")

    def _fall_back(self, conversation: Conversation, query: str, result: SearchResult, lang: str,
                   exc: AnswerFailed, draft: str | None, *, message: str) -> Answer:
        """The LLM failed: answer extractively, and take any streamed draft off the customer's screen."""
        log.warning("LLM answer failed for conversation %s, answering extractively: %s", conversation.id, exc)
        self._metrics.error("llm_fallback")
        if draft is not None:
            self._publish(conversation.id, DISCARD_EVENT, {"stream_id": draft})
        fallback = self._answerer.extract(query, result, language=lang, whole=self._whole, message=message)
        return replace(fallback, mode="extractive")

    def _whole(self, hit: DocumentHit) -> list[Passage]:
        """Every chunk of the hit's document (its version as searched), when the knowledge base can say."""
        read = getattr(self._kb, "document_chunks", None)
        if read is None or not hit.passages:
            return []
        version = hit.passages[0].chunk_id.rsplit("::", 2)
        number = int(version[1][1:]) if len(version) == 3 and version[1][1:].isdigit() else None
        return [Passage(c.id, c.text, c.section, 0.0) for c in read(hit.document_id, number)]

    def _for_llm(self, history: list[Message]) -> list[Message]:
        """Earlier messages as the LLM may see them: stored text is redacted per the policy's `store`
        targets, which need not cover `llm` (and card numbers never reach an LLM in clear)."""
        if self._answerer.mode != "llm":
            return history
        return [replace(m, text=redact(m.text, self._policy.pii, target="llm").text) for m in history]

    def _miss(self, conversation: Conversation, result: SearchResult, lang: str, *,
              stream_id: str | None = None, turn: TurnLease | None = None) -> TurnOutcome:
        """Say honestly that the help centre does not have it, and offer a person (again after repeated misses)."""
        misses = conversation.misses + 1
        key = "offer_person" if misses >= self._policy.no_answer_after_misses else "no_answer"
        extra: dict[str, Any] = {"no_answer": True, "sources_tried": [hit.url or hit.title for hit in result.hits[:3]]}
        if stream_id:
            extra["stream_id"] = stream_id
        return TurnOutcome("no_answer", self._say(conversation, key, lang, offer=True, extra=extra, misses=misses,
                                                  turn=turn))

    def _say(self, conversation: Conversation, key: str, lang: str, *, offer: bool = False,
             extra: dict[str, Any] | None = None, misses: int | None = None,
             turn: TurnLease | None = None) -> Message | None:
        # NOTE: `no_answer` marks every reply that is not an answer from the help centre (no "Helpful?").
        meta: dict[str, Any] = {"lang": lang, "no_answer": True, **(extra or {})}
        if offer:
            meta["offer_handoff"] = True
            meta["labels"] = {"offer": self._escalation.text("offer_button", conversation, lang=lang)}
        text = self._escalation.text(key, conversation, lang=lang)
        return self._store.add_bot_message(conversation.id, text=text, meta=meta, misses=misses, turn=turn)

    def _publish(self, conversation_id: str, kind: str, data: dict[str, Any]) -> None:
        self._bus.publish(LiveEvent(conversation_id=conversation_id, type=kind, data=data))



class _Remembered:
    """A knowledge base that answers one query from a search already made (no second embedding)."""

    def __init__(self, kb: Searchable, known: SearchResult) -> None:
        self._kb = kb
        self._known = known

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        if query == self._known.query and k is None:
            return self._known
        return self._kb.search(query, k=k)
