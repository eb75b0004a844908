"""Grounded answers from retrieved passages: streamed from an LLM, or extracted verbatim without one."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from bot.answering import extractive
from bot.answering.prompts import (
    NO_ANSWER,
    Source,
    answer_prompt,
    format_passages,
    language_instruction,
    neutralize,
    search_query_prompt,
    summary_prompt,
)
from bot.answering.streaming import stream_text
from bot.answering.texts import AnswerTexts
from bot.conversations.records import Citation, Kind, Message, Role
from bot.errors import AnswerFailed
from knowledge_base.results import DocumentHit, SearchResult

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)
# Without an LLM, a near miss (see `Policy.near_miss_floor`) is answered only when the chosen
# sentences and their heading share this many of the question's content words. On our own example
# help center this answers 7 more in-domain questions and no off-topic one.
NEAR_MISS_SUPPORT = 3

_QUERY_LABEL = re.compile(r"^(?:search\s+)?query\s*:\s*", re.IGNORECASE)  # "Query: ..." from a chatty model
_CITATION = re.compile(r"\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]")
_SENTINEL_NOISE = " \t\r\n`*_\"'"
_FOLLOW_UP_WORDS = frozenset(
    ["it", "its", "that", "this", "those", "these", "they", "them", "there", "then", "also", "too", "same", "and", "what", "about", "how", "else", "eso", "esa", "ese", "esto", "y", "ça", "cela", "et", "das", "dies", "und", "isso", "isto", "e"]
)


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    grounded: bool = True  # False: the passages do not contain the answer
    mode: Literal["llm", "extractive"] = "extractive"
    near_miss: bool = False  # answered although search scored the question below its threshold


class Answerer:
    """Turns a question and its search result into an answer that cites the knowledge base."""

    def __init__(
        self,
        *,
        chat_model: BaseChatModel | None,
        policy: Any | None = None,
        timeout_s: float = 30.0,
        stall_timeout_s: float | None = None,
        summary_timeout_s: float | None = None,
        texts: AnswerTexts | None = None,
        max_sources: int = 4,
        passages_per_source: int = 2,
        max_source_chars: int = 2500,
        max_history: int = 12,
        knowledge_language: str = "English",
    ) -> None:
        """Args:
            chat_model: a streaming chat model, or None for extractive answers.
            policy: the bot policy; same-named strings of `policy.messages` override `texts`.
            timeout_s: the whole LLM answer (request to last token) must arrive within this.
            stall_timeout_s: longest silence allowed between tokens once streaming began
                (default: a third of `timeout_s`).
            summary_timeout_s: the handoff summary's LLM budget before falling back to the
                extractive one (default: 5 s or `timeout_s` if shorter); a handoff waits for it.
                The same budget bounds the rewrite of a missed question (`search_query`).
            knowledge_language: the language the help center is written in; a missed question in
                another language is translated into it for a second search.
        """
        self._chat_model = chat_model
        self._timeout_s = timeout_s
        self._stall_s = stall_timeout_s if stall_timeout_s is not None else timeout_s / 3
        self._summary_timeout_s = summary_timeout_s if summary_timeout_s is not None else min(5.0, timeout_s)
        self._texts = texts or AnswerTexts.from_policy(policy)
        # Like the texts, read from whatever policy object is given; none (or a texts-only one): no near misses.
        self._near_miss_floor = float(getattr(policy, "near_miss_floor", 1.0))
        self._max_sources = max_sources
        self._passages_per_source = passages_per_source
        self._max_source_chars = max_source_chars
        self._max_history = max_history
        self._answer_chain = answer_prompt() | chat_model if chat_model is not None else None
        self._summary_chain = summary_prompt() | chat_model if chat_model is not None else None
        self._search_query_chain = search_query_prompt() | chat_model if chat_model is not None else None
        self._knowledge_language = knowledge_language

    @property
    def mode(self) -> Literal["llm", "extractive"]:
        return "llm" if self._chat_model is not None else "extractive"

    def attempts(self, result: SearchResult) -> bool:
        """Whether to try answering: the search says it can, or the question is a near miss (see policy)."""
        return result.answerable or (bool(result.hits) and result.top_score >= self._near_miss_floor)

    def answer(
        self,
        question: str,
        result: SearchResult,
        *,
        history: Sequence[Message] = (),
        language: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer from `result`'s passages only; `grounded=False` when they do not hold the answer.

        Raises:
            AnswerFailed: the LLM errored or did not finish within `timeout_s`.
        """
        hits = [hit for hit in result.hits if hit.passages][: self._max_sources]
        if not hits:
            return Answer(self._texts.no_answer, [], grounded=False, mode=self.mode)
        if self._answer_chain is None:
            answer = self._extract(question, hits[0], min_support=0 if result.answerable else NEAR_MISS_SUPPORT)
        else:
            answer = self._generate(question, hits, history, language, on_token)
        return replace(answer, near_miss=answer.grounded and not result.answerable)

    def condense_query(self, question: str, history: Sequence[Message] = ()) -> str:
        """A retrieval query for follow-ups (see the module-level `condense_query`)."""
        return condense_query(question, history)

    def search_query(self, question: str, history: Sequence[Message] = ()) -> str | None:
        """The question rewritten by the LLM for a second search, or None (no LLM, or it failed).

        Retrieval embeds with an English model, so a question in Spanish, slang or a bare follow-up
        can miss an article that answers it; the LLM translates it into the help center's language
        and makes it stand alone. Only missed and near-missed questions pay this extra round trip.
        """
        if self._search_query_chain is None:
            return None
        said = _spoken(history)
        chat = "\n".join(f"{m.role.value}: {neutralize(_trim(m.text, 500))}" for m in said[-6:])
        chat = f"{chat}\ncustomer (latest): {neutralize(_trim(question, 1000))}".strip()
        try:
            text = "".join(stream_text(self._search_query_chain, {"chat": chat, "knowledge_language": self._knowledge_language},
                                       timeout_s=self._summary_timeout_s))
        except AnswerFailed as exc:
            log.warning("search query rewrite failed, keeping the first search: %s", exc)
            return None
        lines = [_QUERY_LABEL.sub("", line.strip()).strip().strip('"\'`') for line in text.strip().splitlines()]
        query = next((line for line in lines if line and not line.endswith(":")), "")
        return _trim(query, 300) or None

    def summarize(self, messages: Sequence[Message]) -> str:
        """One or two sentences for the agent's handoff card (LLM if it answers in time, else extractive)."""
        said = _spoken(messages)
        if not said:
            return self._texts.summary_empty
        if self._summary_chain is not None:
            transcript = "\n".join(f"{m.role.value}: {neutralize(m.text)}" for m in said[-20:])[-6000:]
            try:
                text = "".join(stream_text(self._summary_chain, {"transcript": transcript}, timeout_s=self._summary_timeout_s))
                if text.strip():
                    return _trim(text.strip(), 400)
            except AnswerFailed as exc:
                # NOTE: a handoff for bot_error happens because the LLM failed; the card must still say something.
                log.warning("handoff summary fell back to extractive: %s", exc)
        return extractive_summary(said)

    # --- LLM -------------------------------------------------------------------------------
    def _generate(
        self,
        question: str,
        hits: list[DocumentHit],
        history: Sequence[Message],
        language: str | None,
        on_token: Callable[[str], None] | None,
    ) -> Answer:
        sources = [Source(n, hit.title, self._source_text(hit)) for n, hit in enumerate(hits, start=1)]
        inputs = {
            "language_instruction": language_instruction(language),
            "history": self._history(question, history),
            "passages": format_passages(sources),
            "question": neutralize(question),
        }
        gate = _SentinelGate(on_token)
        for token in stream_text(self._answer_chain, inputs, timeout_s=self._timeout_s, stall_s=self._stall_s):
            gate.feed(token)
        text = gate.text.strip()
        if NO_ANSWER in text or not text:
            return Answer(self._texts.no_answer, [], grounded=False, mode="llm")
        text, citations = parse_citations(text, hits)
        return Answer(text, citations, grounded=True, mode="llm")

    def _source_text(self, hit: DocumentHit) -> str:
        text = "\n...\n".join(p.text.strip() for p in hit.passages[: self._passages_per_source])
        return text[: self._max_source_chars]

    def _history(self, question: str, history: Sequence[Message]) -> list[BaseMessage]:
        from langchain_core.messages import AIMessage, HumanMessage

        said = [m for m in history if m.kind == Kind.TEXT and m.role != Role.SYSTEM and m.text.strip()]
        if said and said[-1].role == Role.CUSTOMER and said[-1].text.strip() == question.strip():
            said = said[:-1]  # the service stored the question before asking us
        turns: list[BaseMessage] = []
        for m in said[-self._max_history :]:
            if m.role == Role.CUSTOMER:
                turns.append(HumanMessage(neutralize(m.text)))
            else:
                # Old citation numbers point at old passages; drop them so they cannot mislead.
                turns.append(AIMessage(re.sub(r"[ \t]*" + _CITATION.pattern, "", m.text).strip()))
        return turns

    # --- no LLM ------------------------------------------------------------------------------
    def _extract(self, question: str, hit: DocumentHit, *, min_support: int = 0) -> Answer:
        """The best sentences of the top document; with `min_support`, only if they (and their section
        heading) share at least that many of the question's content words."""
        best: tuple[float, list[extractive.Sentence], str] = (-1.0, [], "")
        topic = frozenset(extractive.content_words(hit.title))
        for passage in hit.passages:  # all of the top document's passages: picking costs microseconds
            sentences, score = extractive.best_sentences(question, passage.text, passage.section, topic=topic)
            if sentences and score > best[0]:
                best = (score, sentences, passage.section)
        support = extractive.content_words(" ".join([best[2], *(s.text for s in best[1])])) & extractive.content_words(question)
        if not best[1] or len(support) < min_support:
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        body = extractive.join_sentences(best[1])
        text = f"{self._texts.extractive_lead_in}\n\n{body} [1]"
        return Answer(text, [_citation(1, hit)], grounded=True, mode="extractive")


class _SentinelGate:
    """Holds tokens back while the reply could still be the NO_ANSWER sentinel; then streams them."""

    def __init__(self, on_token: Callable[[str], None] | None) -> None:
        self._on_token = on_token
        self._open = False
        self.text = ""

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
            citations.setdefault(n, _citation(n, hits[n - 1]))
        return "[" + ", ".join(map(str, valid)) + "]" if valid else "\x00"

    cleaned = re.sub(r"[ \t]*\x00", "", _CITATION.sub(keep, text))
    return cleaned.strip(), list(citations.values())


def condense_query(question: str, history: Sequence[Message]) -> str:
    """Prefix a short or anaphoric question with the customer's previous question, for retrieval."""
    earlier = [
        m.text.strip()
        for m in history
        if m.role == Role.CUSTOMER and m.kind == Kind.TEXT and m.text.strip() and m.text.strip() != question.strip()
    ]
    if not earlier:
        return question
    words = re.findall(r"\w+", question.lower())
    content = extractive.content_words(question)
    anaphoric = bool(words) and (words[0] in {"and", "y", "et", "und", "e", "also", "but"} or bool(_FOLLOW_UP_WORDS & set(words)))
    if len(content) <= 1 or (len(words) <= 8 and anaphoric):
        return f"{earlier[-1]} {question}"
    return question


def extractive_summary(messages: Sequence[Message]) -> str:
    """The customer's first real question, plus their latest message when it differs."""
    customer = [m.text.strip() for m in messages if m.role == Role.CUSTOMER]
    if not customer:
        return _trim(messages[-1].text.strip(), 300)
    first = next((t for t in customer if len(extractive.content_words(t)) >= 2), customer[0])
    last = customer[-1]
    if last == first:
        return _trim(first, 300)
    return f"{_trim(first, 200)} … Latest: {_trim(last, 200)}"


def _citation(number: int, hit: DocumentHit) -> Citation:
    return Citation(number=number, document_id=hit.document_id, title=hit.title, url=hit.url, source=hit.source)


def _spoken(messages: Sequence[Message]) -> list[Message]:
    """What the customer, the bot and agents said (text, not notices), for the LLM to read."""
    return [m for m in messages if m.kind == Kind.TEXT and m.role != Role.SYSTEM and m.text.strip()]


def _trim(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
