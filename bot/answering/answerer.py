"""Grounded answers from retrieved passages: streamed from an LLM, or the matching section without one.

Whatever writes it, an answer is checked before it is shown (`safety`): it never asks for secrets
and never sends the customer to a link, address or number the cited company passages lack.
Community documents are never quoted as the company's answer.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from bot.answering import answerability, crosslingual_section, extractive, left_out, safety, sections
from bot.answering.context import condense_query
from bot.answering.generation import citation, generate, parse_citations
from bot.answering.language import Detector, language_code
from bot.answering.learned_answerability import LearnedDecision, Signals, held_shares
from bot.answering.prompts import answer_prompt, neutralize, search_query_prompt, summary_prompt
from bot.answering.streaming import stream_text
from bot.answering.summary import extractive_summary, spoken, trim
from bot.answering.texts import AnswerTexts, Texts
from bot.conversations.records import Citation, Message
from bot.errors import AnswerFailed
from knowledge_base.results import DocumentHit, Passage, SearchResult

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

__all__ = ["Answer", "Answerer", "NEAR_MISS_SUPPORT", "condense_query", "extractive_summary", "parse_citations"]

log = logging.getLogger(__name__)
# Re-exported for benchmarks that read them; the rule and its figures are in `answerability`.
NEAR_MISS_SUPPORT = answerability.RULE.near_miss_support
NEAR_MISS_COVERAGE = answerability.RULE.near_miss_coverage

_QUERY_LABEL = re.compile(r"^(?:search\s+)?query\s*:\s*", re.IGNORECASE)  # "Query: ..." from a chatty model


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    grounded: bool = True  # False: the passages do not contain the answer (or it failed a check)
    mode: Literal["llm", "extractive"] = "extractive"
    near_miss: bool = False  # answered although search scored the question below its threshold
    blocked: str | None = None  # why a written answer was withheld ("secrets", "contacts")


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
        detector: Detector | None = None,
        cross_lingual: crosslingual_section.ArrayEmbedder | None = None,
        english: crosslingual_section.ArrayEmbedder | None = None,
        decision: LearnedDecision | None = None,
    ) -> None:
        """Args:
            chat_model: a streaming chat model, or None for extractive answers.
            policy: the bot policy: its texts (in every language), near-miss floor.
            timeout_s: the whole LLM answer (request to last token) must arrive within this.
            stall_timeout_s: longest silence allowed between tokens once streaming began
                (default: a third of `timeout_s`).
            summary_timeout_s: the handoff summary's LLM budget before falling back to the
                extractive one (default: 5 s or `timeout_s` if shorter); a handoff waits for it.
                The same budget bounds the rewrite of a missed question (`search_query`).
            knowledge_language: the language the help center is written in; a missed question in
                another language is translated into it for a second search.
            detector: tells an article's language, so an answer in another language than the
                customer's says so (default: none; the help centre's language is assumed).
            cross_lingual: the knowledge base's cross-lingual embedder; offline, it picks the section
                that answers a question search routed to it (`crosslingual_section`).
            english: the knowledge base's own embedder, which there judges the sentences against the
                question's translated words.
            decision: the learned answerability decision for English questions to an English help
                centre (`learned_answerability`; default: none, the hand-set rule decides). It needs
                `english` for the yes/no check's drop; without it the rule decides.
        """
        self._chat_model = chat_model
        self._timeout_s = timeout_s
        self._stall_s = stall_timeout_s if stall_timeout_s is not None else timeout_s / 3
        self._summary_timeout_s = summary_timeout_s if summary_timeout_s is not None else min(5.0, timeout_s)
        self._texts = texts or AnswerTexts.from_policy(policy)
        self.texts = Texts(policy)
        # Like the texts, read from whatever policy object is given; none (or a texts-only one): no near misses.
        self._near_miss_floor = float(getattr(policy, "near_miss_floor", 1.0))
        self._max_sources = max_sources
        self._passages_per_source = passages_per_source
        self._max_source_chars = max_source_chars
        self._max_history = max_history
        self._answer_chain = _chain(answer_prompt, chat_model)
        self._summary_chain = _chain(summary_prompt, chat_model)
        self._search_query_chain = _chain(search_query_prompt, chat_model)
        self._knowledge_language = knowledge_language
        self.knowledge_code = language_code(knowledge_language)
        self._detector = detector
        self._cross_lingual = crosslingual_section.CachedEmbedder(cross_lingual) if cross_lingual is not None else None
        self._english = crosslingual_section.CachedEmbedder(english) if english is not None else None
        self._english_raw = english  # for throw-away texts (a question less one word): never worth caching
        self._decision = decision

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
        whole: Callable[[DocumentHit], list[Passage]] | None = None,
        message: str | None = None,
    ) -> Answer:
        """Answer from `result`'s passages only; `grounded=False` when they do not hold the answer.

        `language` is the customer's (ISO 639-1, or a locale); `message` the customer's own words when
        `question` is a follow-up searched with its topic (offline, the answer must show one of the words
        it adds: `answerability.follow_up_holds`). Raises:
            AnswerFailed: the LLM errored or did not finish within `timeout_s`.
        """
        hits = [hit for hit in result.hits if hit.passages][: self._max_sources]
        if not hits:
            return Answer(self._texts.no_answer, [], grounded=False, mode=self.mode)
        if self._answer_chain is None:
            return self.extract(question, result, language=language, whole=whole, message=message)
        written = generate(
            self._answer_chain, question, hits, history, language=language, on_token=on_token,
            timeout_s=self._timeout_s, stall_s=self._stall_s, max_history=self._max_history,
            passages_per_source=self._passages_per_source, max_source_chars=self._max_source_chars,
        )
        if written is None:
            return Answer(self._texts.no_answer, [], grounded=False, mode="llm")
        text, citations = written
        cited = {c.document_id for c in citations}
        company = [p.text for h in hits if h.document_id in cited and h.trust == "official" for p in h.passages]
        blocked = _check(text, company)
        if blocked:
            log.warning("LLM answer withheld (%s): %s", blocked, trim(text, 200))
            return Answer(self._texts.no_answer, [], grounded=False, mode="llm", blocked=blocked)
        return Answer(text, citations, grounded=True, mode="llm", near_miss=not result.answerable)

    def extract(self, question: str, result: SearchResult, *, language: str | None = None,
                whole: Callable[[DocumentHit], list[Passage]] | None = None, message: str | None = None) -> Answer:
        """Without an LLM (or when it failed): the section of the best company document that answers.

        Community documents are skipped: their words are never quoted as the company's answer.
        """
        hits = [h for h in result.hits if h.passages and h.trust == "official"]
        if not hits:
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        top = hits[0]
        answerable = result.answerable and top is result.hits[0]
        if not answerable and top.score < self._near_miss_floor:
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        # NOTE: a near miss must show its support in what search found; the rest of the document
        # would lend it words (on our dev sets: 4 more unanswerable questions answered, none gained).
        found = self._section(question, result, top, whole=_read(whole, top) if answerable else None)
        if found is None:
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        if not self._shows(question, result, top, found, answerable=answerable, language=language):
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        section = f"{top.title}\n{found.heading}\n{found.decided_text}"
        if message is not None and not result.cross_lingual and not answerability.follow_up_holds(
                message, question, section):
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive")
        blocked = _check(found.body, [found.text, *(p.text for p in top.passages)])
        if blocked:
            log.warning("extractive answer withheld (%s) from %s", blocked, top.document_id)
            return Answer(self._texts.no_answer, [], grounded=False, mode="extractive", blocked=blocked)
        text = self._markdown(found, language)
        return Answer(text, [citation(1, top)], grounded=True, mode="extractive", near_miss=not answerable)

    def _shows(self, question: str, result: SearchResult, top: DocumentHit, found: sections.SectionAnswer, *,
               answerable: bool, language: str | None) -> bool:
        """Whether `found` shows what was asked: the learned decision on an English question to an
        English help centre when one is given, else the hand-set rule and the yes/no check."""
        section = f"{top.title}\n{found.heading}\n{found.decided_text}"
        shown = f"{top.title}\n{found.heading}\n{found.body}"
        kind_shown = answerability.kind_shown(question, found.decided_body)
        share = answerability.question_share(question, section)
        rule = answerability.RULE.shows(
            score=top.score, coverage=top.coverage, support=found.support, answerable=answerable,
            cross_lingual=result.cross_lingual, kind_shown=kind_shown, share=share, threshold=result.threshold,
            section_score=found.score)
        english = (not result.cross_lingual and self._english_raw is not None and self._english_asked(language))
        if not english or self._english_raw is None:
            return rule
        yes_no = extractive.asks_yes_no(question)
        if self._decision is None:
            return rule and answerability.yes_no_holds(question, shown, self._english_raw)
        drop = left_out.drop(question, shown, self._english_raw) if yes_no else 0.0
        asked = extractive.content_words(question)
        in_shown = extractive.content_words(found.body) | extractive.content_words(found.heading) \
            | extractive.content_words(top.title)
        second = result.hits[1].score if len(result.hits) > 1 else 0.0
        held, held_long = held_shares(question, f"{found.heading}\n{found.body}")
        signals = Signals(
            above=top.score - result.threshold, margin=top.score - second, coverage=top.coverage,
            passage=top.passages[0].score, section_score=found.score, support=float(found.support), share=share,
            shown_share=len(asked & in_shown) / max(1, len(asked)), asked=Signals.asked_words(len(asked)),
            kind_asked=float(extractive.expected_kind(question) is not None), kind_shown=float(kind_shown),
            yes_no=float(yes_no), drop=drop, answerable=float(answerable),
            rule=float(rule and (not yes_no or drop < answerability.RULE.yes_no_drop)), held=held,
            held_long=held_long)
        return self._decision.shows(signals)

    def _english_asked(self, language: str | None) -> bool:
        """Whether an English question was asked of an English help centre: the yes/no check reads
        English words only (`asks_yes_no`), so a Dutch question to a Dutch centre is not asked it."""
        customer = (language or self.knowledge_code).replace("_", "-").split("-")[0].lower()
        return self.knowledge_code == "en" and customer == "en"

    def _section(self, question: str, result: SearchResult, top: DocumentHit,
                 whole: list[Passage] | None) -> sections.SectionAnswer | None:
        """The section to show: by meaning across languages when search matched across them, else by words."""
        if result.cross_lingual and self._cross_lingual is not None:
            try:
                return crosslingual_section.best_section(question, top, embedder=self._cross_lingual, whole=whole,
                                                         translated=result.translated, english=self._english)
            except Exception:  # the embedder failed: the words-based choice still answers
                log.warning("cross-lingual section choice failed for %s", top.document_id, exc_info=True)
        return sections.best_section(question, top, whole=whole)

    def condense_query(self, question: str, history: Sequence[Message] = ()) -> str:
        """A retrieval query for follow-ups (see `context.condense_query`)."""
        return condense_query(question, history)

    def search_query(self, question: str, history: Sequence[Message] = ()) -> str | None:
        """The question rewritten by the LLM for a second search, or None (no LLM, or it failed).

        Retrieval embeds with an English model, so a question in Spanish, slang or a bare follow-up
        can miss an article that answers it; the LLM translates it into the help center's language
        and makes it stand alone. Only missed and near-missed questions pay this extra round trip.
        """
        if self._search_query_chain is None:
            return None
        said = spoken(history)
        chat = "\n".join(f"{m.role.value}: {neutralize(trim(m.text, 500))}" for m in said[-6:])
        chat = f"{chat}\ncustomer (latest): {neutralize(trim(question, 1000))}".strip()
        try:
            inputs = {"chat": chat, "knowledge_language": self._knowledge_language}
            text = "".join(stream_text(self._search_query_chain, inputs, timeout_s=self._summary_timeout_s))
        except AnswerFailed as exc:
            log.warning("search query rewrite failed, keeping the first search: %s", exc)
            return None
        lines = [_QUERY_LABEL.sub("", line.strip()).strip().strip('"\'`') for line in text.strip().splitlines()]
        query = next((line for line in lines if line and not line.endswith(":")), "")
        return trim(query, 300) or None

    def summarize(self, messages: Sequence[Message]) -> str:
        """One or two sentences for the agent's handoff card (LLM if it answers in time, else extractive)."""
        said = spoken(messages)
        if not said:
            return self._texts.summary_empty
        if self._summary_chain is not None:
            transcript = "\n".join(f"{m.role.value}: {neutralize(m.text)}" for m in said[-20:])[-6000:]
            try:
                text = "".join(stream_text(self._summary_chain, {"transcript": transcript},
                                           timeout_s=self._summary_timeout_s))
                if text.strip():
                    return trim(text.strip(), 400)
            except AnswerFailed as exc:
                # NOTE: a handoff for bot_error happens because the LLM failed; the card must still say something.
                log.warning("handoff summary fell back to extractive: %s", exc)
        return extractive_summary(said)

    def _markdown(self, found: sections.SectionAnswer, language: str | None) -> str:
        """The section as Markdown: its heading (with the citation), its body, and a note in the
        customer's language when the article is written in another one."""
        lines = []
        customer = (language or self.knowledge_code).replace("_", "-").split("-")[0].lower()
        article = self._detector.detect(found.text) if self._detector is not None else self.knowledge_code
        if article != customer:
            name = self.texts.language_name(article, customer)
            lines.append(f"_{self.texts('article_language', customer, language=name)}_")
        lines.append(f"### {found.heading} [1]" if found.heading else "")
        body = found.body if found.heading else _cite_first_line(found.body)
        lines.append(body)
        return "\n\n".join(line for line in lines if line)


def _chain(prompt: Callable[[], Any], chat_model: BaseChatModel | None) -> Any:
    return prompt() | chat_model if chat_model is not None else None


def _read(whole: Callable[[DocumentHit], list[Passage]] | None, hit: DocumentHit) -> list[Passage] | None:
    """Every chunk of `hit`'s document, or None (no reader, or it failed: the passages will do)."""
    if whole is None:
        return None
    try:
        return whole(hit) or None
    except Exception:
        log.warning("could not read the whole of %s; answering from its passages", hit.document_id, exc_info=True)
        return None


def _check(text: str, company_passages: list[str]) -> str | None:
    """Why `text` must not be shown, or None."""
    if safety.asks_for_secrets(text):
        return "secrets"
    if safety.unsupported_contacts(text, company_passages):
        return "contacts"
    return None


def _cite_first_line(body: str) -> str:
    """" [1]" after the first paragraph line (a table or list keeps its shape: the marker goes last)."""
    lines = body.split("\n")
    first = lines[0]
    if first and not first.lstrip().startswith(("|", "-", "*", "+", "#", "`")) and not first[:1].isdigit():
        lines[0] = f"{first} [1]"
        return "\n".join(lines)
    return f"{body}\n\n[1]"
