"""Answers written by an LLM from numbered passages, streamed as they come, citations parsed."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from bot.answering.prompts import NO_ANSWER, Source, format_passages, language_instruction, neutralize
from bot.answering.streaming import stream_text
from bot.conversations.records import Citation, Kind, Message, Role
from bot.errors import AnswerFailed
from knowledge_base.results import DocumentHit

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

CITATION = re.compile(r"\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]")
_SENTINEL_NOISE = " \t\r\n`*_\"'"


def generate(chain: Any, question: str, hits: Sequence[DocumentHit], history: Sequence[Message], *,
             language: str | None, on_token: Callable[[str], None] | None, timeout_s: float, stall_s: float,
             max_history: int, passages_per_source: int, max_source_chars: int) -> tuple[str, list[Citation]] | None:
    """The LLM's answer and its citations; None when it says the passages do not hold the answer.

    Raises:
        AnswerFailed: the LLM errored or did not finish in time.
    """
    sources = [Source(n, hit.title, source_text(hit, passages_per_source, max_source_chars), hit.trust != "official")
               for n, hit in enumerate(hits, start=1)]
    inputs = {
        "language_instruction": language_instruction(language),
        "history": _history(question, history, max_history),
        "passages": format_passages(sources),
        "question": neutralize(question),
    }
    gate = SentinelGate(on_token)
    for token in stream_text(chain, inputs, timeout_s=timeout_s, stall_s=stall_s):
        gate.feed(token)
    text = gate.text.strip()
    if NO_ANSWER in text or not text:
        return None
    cleaned, citations = parse_citations(text, hits)
    if not citations and CITATION.search(text):
        # NOTE: every source it named ([7] of 3) does not exist: nothing vouches for the answer, so it is
        # treated as a failed one (the extractive answer cites the best passage, or a person is offered).
        log.warning("LLM answer cites only passages that do not exist (%d given): %s", len(hits), text[:200])
        raise AnswerFailed("the LLM cited only passages that do not exist")
    return cleaned, citations


def source_text(hit: DocumentHit, passages: int, max_chars: int) -> str:
    """What the LLM reads of one document: its best passages, joined."""
    text = "\n...\n".join(p.text.strip() for p in hit.passages[:passages])
    return text[:max_chars]


class SentinelGate:
    """Holds tokens back while the reply could still be the NO_ANSWER sentinel; then streams them."""

    def __init__(self, on_token: Callable[[str], None] | None) -> None:
        self._on_token = on_token
        self._open = False
        self.text = ""

    @property
    def streamed(self) -> bool:
        """Whether any token reached the customer's screen (a draft to replace on failure)."""
        return self._open

    def feed(self, token: str) -> None:
        self.text += token
        if self._open:
            self._emit(token)
            return
        head = self.text.lstrip(_SENTINEL_NOISE)
        if not head or NO_ANSWER.startswith(head[: len(NO_ANSWER)]):
            return  # still possibly the sentinel (or already it: never streamed)
        self._open = True
        self._emit(self.text.lstrip())

    def _emit(self, text: str) -> None:
        if self._on_token is None or not text:
            return
        try:
            self._on_token(text)
        except Exception:
            log.exception("on_token failed; the rest of the answer is not streamed")
            self._on_token = None


def parse_citations(text: str, hits: Sequence[DocumentHit]) -> tuple[str, list[Citation]]:
    """Citations for each `[n]` (or `[1, 2]`) that names a real source, in order; unknown numbers are removed."""
    citations: dict[int, Citation] = {}

    def keep(match: re.Match[str]) -> str:
        numbers = [int(n) for n in match.group(1).split(",")]
        valid = [n for n in numbers if 1 <= n <= len(hits)]
        for n in valid:
            citations.setdefault(n, citation(n, hits[n - 1]))
        return "[" + ", ".join(map(str, valid)) + "]" if valid else "\x00"

    cleaned = re.sub(r"[ \t]*\x00", "", CITATION.sub(keep, text))
    return cleaned.strip(), list(citations.values())


def citation(number: int, hit: DocumentHit) -> Citation:
    """A numbered citation; a document without a public `url` links to its page on this server."""
    url = hit.url or "/kb/" + quote(hit.document_id, safe="/")
    return Citation(number=number, document_id=hit.document_id, title=hit.title, url=url, source=hit.source)


def _history(question: str, history: Sequence[Message], max_history: int) -> list[BaseMessage]:
    from langchain_core.messages import AIMessage, HumanMessage

    said = [m for m in history if m.kind == Kind.TEXT and m.role != Role.SYSTEM and m.text.strip()]
    if said and said[-1].role == Role.CUSTOMER and said[-1].text.strip() == question.strip():
        said = said[:-1]  # the service stored the question before asking us
    turns: list[BaseMessage] = []
    for m in said[-max_history:]:
        if m.role == Role.CUSTOMER:
            turns.append(HumanMessage(neutralize(m.text)))
        else:
            # Old citation numbers point at old passages; drop them so they cannot mislead.
            turns.append(AIMessage(re.sub(r"[ \t]*" + CITATION.pattern, "", m.text).strip()))
    return turns
