"""Second opinions for messages the rules leave alone: the learned head and, when configured, the LLM.

`PendingTriage` holds the rules' decision at once and the second opinions as they come in, so the
service can retrieve in the meantime and wait only for what is left (never past the deadline, after
which the rules stand). Neither opinion can lower a rule's handoff: they are asked only when the rules
found nothing. With both, an LLM answer in time decides; otherwise the learned head's does.

The learned head runs on the turn's own thread (about a millisecond; retrieval reuses its embedding),
so it never waits behind LLM calls: when it sat on the LLM's pool, twelve turns at once behind 3 s
replies lost its handoffs to the deadline. The LLM asks are bounded (`llm_capacity` running or
waiting; past it the LLM is not asked), and one whose turn's deadline passed while it waited is
dropped instead of holding a worker for the HTTP time-out; both are logged and counted
(`on_llm_skipped`), and the rules and the learned head stand.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.triage.classifier import LearnedTriage
from bot.triage.llm_triage import LlmTriage
from bot.triage.model_guards import holding_at_serve_time

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class TriageDecision:
    label: str  # customer_request | security | billing_dispute | legal | complaint | self_harm | none
    reason: str | None  # the handoff reason, or None when the policy lets the bot answer
    confidence: float  # 0..1, how sure the rule or model that decided is
    evidence: str  # which rule or model decided and on which words, for logs, the card and the record
    stage: str = "rules"  # rules | model | llm: who decided (rules also when nothing fired)

    def record(self) -> dict[str, object]:
        """What the conversation record keeps of the decision."""
        return {"label": self.label, "stage": self.stage, "evidence": self.evidence,
                "confidence": round(self.confidence, 3)}


class PendingTriage:
    """The rules' decision now (`first`), the final one from `result()` once the second opinions are in."""

    def __init__(self, first: TriageDecision, *, model: Future[TriageDecision | None] | None = None,
                 llm: Future[TriageDecision | None] | None = None, deadline: float = 0.0) -> None:
        self.first = first
        self._model = model
        self._llm = llm
        self._deadline = deadline

    def result(self) -> TriageDecision:
        """The final decision: the LLM's if it answered in time, else the learned head's, else the rules'."""
        llm = _wait(self._llm, self._deadline, "LLM")
        if llm is not None:
            return llm
        model = _wait(self._model, self._deadline, "learned")
        return model if model is not None else self.first


def _wait(future: Future[TriageDecision | None] | None, deadline: float, what: str) -> TriageDecision | None:
    if future is None:
        return None
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeout:
        log.warning("%s triage missed its deadline; the rules stand", what)
    except Exception:
        log.exception("%s triage failed; the rules stand", what)
    return None


def run_here(fn: Callable[..., T], /, *args: Any) -> Future[T]:
    """`fn(*args)` run on this thread, its outcome (or error, which leaves the rules standing) in a
    finished future, so an inline opinion is waited for like one from a pool."""
    future: Future[T] = Future()
    try:
        future.set_result(fn(*args))
    except Exception as exc:
        future.set_exception(exc)
    return future


class SecondOpinions:
    """Asks the LLM on `executor` and the learned head inline, for a message the rules left alone.

    `llm_capacity`: LLM asks running or queued at once (None: no bound); `on_llm_skipped(why)` hears of
    each ask left out, `why` being `queue_full` or `expired`.
    """

    def __init__(self, *, reason_for: Callable[[str], str | None], executor: Executor | None = None,
                 learned: LearnedTriage | None = None, llm: LlmTriage | None = None,
                 redact_for_llm: Callable[[str], str] = lambda t: t, timeout_s: float = 2.0,
                 held_back: Callable[[str, str], str | None] = holding_at_serve_time,
                 llm_capacity: int | None = None, on_llm_skipped: Callable[[str], None] = lambda why: None) -> None:
        self._executor = executor
        self._held_back = held_back  # the rules' guards, asked about the learned head's verdict
        self._reason_for = reason_for
        self._learned = learned
        self._llm = llm
        self._redact = redact_for_llm
        self._timeout_s = timeout_s
        self._llm_slots = threading.BoundedSemaphore(llm_capacity) if llm_capacity is not None else None
        self._on_llm_skipped = on_llm_skipped

    def close(self) -> None:
        """Stop taking work; opinions still running finish on their own."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def start(self, text: str, history: Sequence[str], first: TriageDecision) -> PendingTriage:
        deadline = time.monotonic() + self._timeout_s
        llm = self._submit_llm(text, list(history), deadline) if self._llm is not None else None
        model = run_here(self._model, text) if self._learned is not None else None  # never behind the LLM's queue
        return PendingTriage(first, model=model, llm=llm, deadline=deadline)

    def _submit_llm(self, text: str, history: list[str], deadline: float) -> Future[TriageDecision | None] | None:
        """The LLM asked on the executor, unless as many asks as allowed are already running or waiting."""
        if self._executor is None:
            return None
        if self._llm_slots is not None and not self._llm_slots.acquire(blocking=False):
            self._skip_llm("queue_full", "LLM triage queue is full; the rules and the learned stage stand")
            return None
        try:
            future = self._executor.submit(self._ask_llm_before, deadline, text, history)
        except RuntimeError:  # shut down
            self._free_llm_slot()
            return None
        future.add_done_callback(lambda _: self._free_llm_slot())
        return future

    def _free_llm_slot(self) -> None:
        if self._llm_slots is not None:
            self._llm_slots.release()

    def _skip_llm(self, why: str, message: str) -> None:
        log.warning(message)
        try:
            self._on_llm_skipped(why)
        except Exception:
            log.exception("counting a skipped LLM triage failed")

    def _ask_llm_before(self, deadline: float, text: str, history: list[str]) -> TriageDecision | None:
        """The LLM's decision, unless the turn stopped waiting for it while this ask sat in the queue."""
        if time.monotonic() >= deadline:
            self._skip_llm("expired", "LLM triage ask waited past its turn's deadline; not sent")
            return None
        return self._ask_llm(text, history)

    def decide_now(self, text: str, first: TriageDecision) -> TriageDecision:
        """The learned head's decision inline (evaluation, benchmarks): no LLM, no thread."""
        return (self._model(text) if self._learned is not None else None) or first

    def _model(self, text: str) -> TriageDecision | None:
        assert self._learned is not None
        verdict = self._learned.classify(text)
        reason = self._reason_for(verdict.label) if verdict.hands_off else None
        if reason is None or self._held_back(text, verdict.label) is not None:
            return None
        words = self._learned.words_behind(text, verdict.label)
        said = ", ".join(f"'{w}'" for w in words) if words else "the whole message"
        return TriageDecision(verdict.label, reason, verdict.probability,
                              f"model:{verdict.label} p={verdict.probability:.2f} on {said}", stage="model")

    def _ask_llm(self, text: str, history: list[str]) -> TriageDecision | None:
        assert self._llm is not None
        verdict = self._llm.classify(self._redact(text), [self._redact(h) for h in history])
        if verdict is None:
            return None
        reason = self._reason_for(verdict.label) if verdict.label != "none" else None
        if verdict.label != "none" and reason is None:
            return None  # the policy keeps this label with the bot: the LLM adds nothing
        # an LLM answer of "none" stands over the learned head's guess: it read the whole message
        label = verdict.label if reason else "none"
        return TriageDecision(label, reason, 0.8 if reason else 0.0, f"llm:{verdict.label} '{verdict.reason}'",
                              stage="llm")
