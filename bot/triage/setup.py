"""Put the triage together from the policy and what the server has: an embedder, a chat model."""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

from bot.pii import redact
from bot.policy import Policy
from bot.triage.classifier import LearnedTriage
from bot.triage.decision import Triage
from bot.triage.llm_triage import LlmTriage
from bot.triage.second_opinion import SecondOpinions
from knowledge_base.embeddings import LOCAL_MODEL_ID  # the head was trained on these vectors, and only these

log = logging.getLogger(__name__)
T = TypeVar("T")


class InlineExecutor(Executor):
    """Runs each task at once on the caller's thread, its outcome in a finished `Future`.

    Without an LLM the only second opinion is the learned head: about a millisecond of CPU whose
    embedding retrieval reuses. Handing it to another thread cost a wake-up and the GIL passed back
    and forth on every turn, for no parallelism the GIL allows; an error still only leaves the rules
    standing, as from a pool.
    """

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future



def offline_triage(policy: Policy, *, learned: bool = True) -> Triage:
    """The triage as the server runs it without an LLM, inline: for evaluation and benchmarks."""
    if not (learned and policy.triage.learned):
        return Triage(policy)
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    second = SecondOpinions(reason_for=policy.reason_for, learned=LearnedTriage(LocalMiniLMEmbeddings().embed_array))
    return Triage(policy, second=second)


def build_triage(policy: Policy, *, embedder: Any = None, chat_model: Any = None,
                 executor: ThreadPoolExecutor | None = None) -> Triage:
    """Rules always; the learned head when `embedder` is the offline MiniLM (its vectors are shared with
    retrieval), the LLM when a chat model is configured; each can be switched off in the policy.

    The caller owns `executor` (when none is given: a small pool for the LLM, shut it down with the
    server; the learned head alone runs inline).
    """
    learned = None
    if policy.triage.learned and getattr(embedder, "model_id", None) == LOCAL_MODEL_ID:
        learned = LearnedTriage(embedder.embed_array)
    llm = LlmTriage(chat_model) if policy.triage.llm and chat_model is not None else None
    if learned is None and llm is None:
        return Triage(policy)
    second = SecondOpinions(
        executor=executor or (ThreadPoolExecutor(max_workers=4, thread_name_prefix="triage") if llm is not None
                              else InlineExecutor()),
        reason_for=policy.reason_for, learned=learned, llm=llm,
        redact_for_llm=lambda text: redact(text, policy.pii, target="llm").text,
        timeout_s=policy.triage.llm_timeout_s if llm is not None else policy.triage.model_timeout_s,
    )
    return Triage(policy, second=second)
