"""Find the passages for a question: search, and when that misses, search once more as the LLM
rewrote the question (translated into the help center's language, made to stand alone).

The bot's turn and `eval answers` both retrieve through here, so the evaluation measures what
customers get.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from bot.answering import Answerer
from bot.records import Message
from knowledge_base.results import SearchResult

log = logging.getLogger(__name__)


class Searchable(Protocol):
    def search(self, query: str, *, k: int | None = None) -> SearchResult: ...


def retrieve(knowledge_base: Searchable, answerer: Answerer, query: str, *, question: str | None = None,
             history: Sequence[Message] = (), context: str = "") -> SearchResult:
    """`query`'s search result; for a miss or a near miss, the second search's when it scores higher
    and can be tried.

    `question` is the customer's own words as the LLM may see them (PII redacted), `query` the
    condensed text searched first. The first result stands when there is no LLM, the rewrite fails
    or repeats the query, or the second search does no better. `context` names the conversation in
    the log line.
    """
    first = knowledge_base.search(query)
    if first.answerable:  # a near miss is searched again too: it is tried only if the passages hold the answer
        return first
    rewritten = answerer.search_query(question if question is not None else query, history)
    if not rewritten or rewritten.casefold() == first.query.casefold():
        return first
    second = knowledge_base.search(rewritten)
    log.info("%smissed question searched again as rewritten (top score %.2f -> %.2f)",
             f"{context}: " if context else "", first.top_score, second.top_score)
    return second if answerer.attempts(second) and second.top_score > first.top_score else first
