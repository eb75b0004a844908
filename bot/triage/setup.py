"""Put the triage together from the policy and what the server has: an embedder, a chat model."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

from bot.pii import redact
from bot.policy import Policy
from bot.triage.classifier import LearnedTriage
from bot.triage.decision import Triage
from bot.triage.llm_triage import LlmTriage
from bot.triage.second_opinion import SecondOpinions, run_here
from knowledge_base.embeddings import LOCAL_MODEL_ID  # the head was trained on these vectors, and only these

log = logging.getLogger(__name__)
T = TypeVar("T")


class InlineExecutor(Executor):
    """Runs each task at once on the caller's thread, its outcome in a finished `Future` (benchmarks
    run a whole turn so, for the profiler to see it whole)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return run_here(functools.partial(fn, **kwargs), *args) if kwargs else run_here(fn, *args)


def offline_triage(policy: Policy, *, learned: bool = True) -> Triage:
    """The triage as the server runs it without an LLM, inline: for evaluation and benchmarks."""
    if not (learned and policy.triage.learned):
        return Triage(policy)
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    second = SecondOpinions(reason_for=policy.reason_for, learned=LearnedTriage(LocalMiniLMEmbeddings().embed_array))
    return Triage(policy, second=second)


def build_triage(policy: Policy, *, embedder: Any = None, chat_model: Any = None,
                 executor: ThreadPoolExecutor | None = None,
                 on_llm_skipped: Callable[[str], None] = lambda why: None) -> Triage:
    """Rules always; the learned head when `embedder` is the offline MiniLM (its vectors are shared with
    retrieval), the LLM when a chat model is configured; each can be switched off in the policy.

    The learned head runs inline on the turn's thread. The LLM runs on `executor`, owned by the caller
    (when none is given: a pool of `llm_workers`, closed with the triage), with at most `llm_workers` +
    `llm_queue` asks running or waiting; `on_llm_skipped(why)` counts the asks left out.
    """
    learned = None
    if policy.triage.learned and getattr(embedder, "model_id", None) == LOCAL_MODEL_ID:
        learned = LearnedTriage(embedder.embed_array)
    llm = LlmTriage(chat_model) if policy.triage.llm and chat_model is not None else None
    if learned is None and llm is None:
        return Triage(policy)
    knobs = policy.triage
    if llm is not None and executor is None:
        executor = ThreadPoolExecutor(max_workers=knobs.llm_workers, thread_name_prefix="triage-llm")
    second = SecondOpinions(
        executor=executor if llm is not None else None,
        reason_for=policy.reason_for, learned=learned, llm=llm,
        redact_for_llm=lambda text: redact(text, policy.pii, target="llm").text,
        timeout_s=knobs.llm_timeout_s if llm is not None else knobs.model_timeout_s,
        llm_capacity=knobs.llm_workers + knobs.llm_queue, on_llm_skipped=on_llm_skipped,
    )
    return Triage(policy, second=second)
