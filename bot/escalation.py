"""Bringing in a person: the handoff itself, and telling the customer honestly when nobody is there."""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from bot.conversations.records import Conversation, Kind, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.desk_guard import HandoffBudget
from bot.handoff_port import HandoffRequest, HumanDesk, NoDesk
from bot.pii import redact
from bot.policy import Policy
from bot.triage.decision import TriageDecision

log = logging.getLogger(__name__)


class TurnMetrics(Protocol):
    def observe_turn(self, seconds: float, outcome: str) -> None: ...
    def handoff(self, reason: str) -> None: ...
    def error(self, kind: str) -> None: ...


class NoMetrics:
    def observe_turn(self, seconds: float, outcome: str) -> None: ...
    def handoff(self, reason: str) -> None: ...
    def error(self, kind: str) -> None: ...


class Summarizer(Protocol):
    def summarize(self, messages: Sequence[Message]) -> str: ...


@dataclass(frozen=True)
class TurnOutcome:
    """What a turn ended in: `answered`, `no_answer`, `offered`, `handoff:<reason>`, `relayed` or `skipped`."""

    outcome: str
    message: Message | None = None


class Escalation:
    """Moves a conversation to a person (one conditional update) and briefs the desk."""

    def __init__(self, *, store: ConversationStore, summarizer: Summarizer, policy: Policy, metrics: TurnMetrics,
                 desk: HumanDesk | None, desk_available: Callable[[], bool], clock: Callable[[], datetime],
                 budget: HandoffBudget | None = None) -> None:
        self._budget = budget
        self._store = store
        self._summarizer = summarizer
        self._policy = policy
        self._metrics = metrics
        self.desk: HumanDesk = desk or NoDesk()
        self.desk_available = desk_available
        self._clock = clock

    def handoff(self, conversation: Conversation, reason: str, *, sources: Sequence[str], label: str | None = None,
                lang: str | None = None, triage: TriageDecision | None = None,
                detail: dict[str, Any] | None = None) -> TurnOutcome:
        """`bot -> pending` with the notice in the customer's language; the desk gets a summary.

        `detail`: more for the state message's meta (e.g. which message a recovery did not answer late).
        """
        if (self._budget is not None and conversation.state in (State.BOT, State.RESOLVED)
                and label != "self_harm" and not self._budget.admit(conversation.id)):
            # NOTE: a flood must not bury real customers' cards: past the desk's caps, an email follow-up
            self._metrics.error("handoff_over_budget")
            self.ask_email(conversation, "handoff_unavailable", lang=lang)
            return TurnOutcome(f"handoff_deferred:{reason}")
        # NOTE: one line, chosen by whether someone can come now; it asks for an email when nobody can.
        reachable_key = self._reachable_key()
        notice_key = reachable_key
        if label == "self_harm" or reason == "bot_error":
            notice_key = "self_harm" if label == "self_harm" else "bot_error"
        ask = reachable_key != "handoff_pending" and not conversation.customer_email
        won = self._store.transition(
            conversation.id, expected=(State.BOT, State.RESOLVED), to=State.PENDING, actor="bot",
            reason=reason, notice=self.text(notice_key, conversation, lang=lang),
            detail={**({"triage": triage.record()} if triage is not None else {}),
                    **({"ask_email": True} if ask and notice_key == reachable_key else {}), **(detail or {})} or None,
        )
        if won is None:  # already with a person, or another turn got there first
            return TurnOutcome(f"handoff:{reason}")
        self._metrics.handoff(reason)
        current = self._store.get(conversation.id) or conversation
        try:
            # NOTE: the summary may come from an LLM: it sees what the `llm` target may, not the stored text
            said = [replace(m, text=redact(m.text, self._policy.pii, target="llm").text)
                    for m in self._store.messages(conversation.id)]
            summary = self._summarizer.summarize(said)
        except Exception:
            log.exception("summary failed for conversation %s", conversation.id)
            summary = ""
        try:
            self.desk.request_handoff(HandoffRequest(current, reason, summary, list(sources),
                                                     why=triage.evidence if triage is not None else ""))
        except Exception:
            log.exception("desk could not take handoff of conversation %s", conversation.id)
            self._metrics.error("desk")
        if notice_key != reachable_key and reachable_key != "handoff_pending":
            self.ask_email(current, reachable_key, lang=lang)  # the safety or error line came first; still be honest
        return TurnOutcome(f"handoff:{reason}", won.message)

    def _reachable_key(self) -> str:
        """Outside hours, or no agent can be reached (Slack down, nobody active): say so, not "someone will join"."""
        if not self._policy.business_hours.is_open(self._clock()):
            return "handoff_outside_hours"
        try:
            available = self.desk_available()
        except Exception:
            log.exception("desk availability check failed; telling the customer nobody may come")
            available = False
        return "handoff_pending" if available else "handoff_unavailable"

    def ask_email(self, conversation: Conversation, key: str, *, lang: str | None = None) -> None:
        """Tell the customer honestly that nobody is there now; ask for an email unless we have one."""
        meta = {"ask_email": not conversation.customer_email}
        self._store.add_message(conversation.id, role=Role.SYSTEM, kind=Kind.NOTICE,
                                text=self.text(key, conversation, lang=lang), meta=meta)

    def text(self, key: str, conversation: Conversation, *, lang: str | None = None, **kwargs: Any) -> str:
        """A policy text in `lang` (the customer's), else the conversation's locale."""
        return self._policy.message(key, lang or conversation.locale, **kwargs)
