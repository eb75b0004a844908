"""Find the passages for a question: search, and when that misses, search once more as the LLM
rewrote the question (translated into the help center's language, made to stand alone).

The bot's turn and `eval answers` both retrieve through here, so the evaluation measures what
customers get.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from bot.answering.answerer import Answerer
from bot.conversations.records import Message
from knowledge_base.results import SearchResult

log = logging.getLogger(__name__)


class Searchable(Protocol):
    def search(self, query: str, *, k: int | None = None) -> SearchResult: ...


def retrieve(
    knowledge_base: Searchable,
    answerer: Answerer,
    query: str,
    *,
    question: str | None = None,
    history: Sequence[Message] = (),
    context: str = "",
) -> SearchResult:
    """`query`'s search result; for a miss or a near miss, the second search's when it scores higher
    and can be tried.

    `question` and `history` are what the LLM may see (PII already redacted for it), `query` the
    condensed text searched first. The first result stands when there is no LLM, the rewrite fails
    or repeats the query, the second search fails or does no better. Errors of the first search
    propagate (the caller hands off); the second search is only a second chance, so its errors are
    logged and the first result is kept. `context` names the conversation in log lines.
    """
    first = knowledge_base.search(query)
    if first.answerable:
        return first
    where = f"{context}: " if context else ""
    rewritten = answerer.search_query(question if question is not None else query, history)
    if not rewritten:
        if answerer.mode == "llm":
            log.info(
                "%ssecond search skipped: the rewrite failed or was empty (first top score %.2f)",
                where,
                first.top_score,
            )
        return first
    if rewritten.casefold() == first.query.casefold():
        return first
    try:
        second = knowledge_base.search(rewritten)
    except Exception:
        log.warning(
            "%ssecond search failed; keeping the first result (top score %.2f)", where, first.top_score, exc_info=True
        )
        return first
    better = answerer.attempts(second) and second.top_score > first.top_score
    log.info(
        "%ssecond search %s (top score %.2f -> %.2f%s)",
        where,
        "used" if better else "not used",
        first.top_score,
        second.top_score,
        "" if better else ", not higher or not tried",
    )
    return second if better else first
