"""`supportbot eval answers`: ask golden questions as customers do, through the bot's whole turn
(triage, context, retrieval, the answer and the texts around it), and score what a customer would see.

A verdict per question: the bot *answered* (a reply with citations), *declined* (said it does not
know, or handed the conversation to a person), and whether the answer *said the facts* and *cited a
required document first*. A *wrong answer* is a cited answer to a question the knowledge base cannot
answer, or one whose citations hold none of the required documents: confident, sourced and wrong,
the worst thing a support bot can do.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.answering.golden import GoldenConversation, GoldenQuestion, load_conversations, load_golden
from bot.conversations.records import Conversation


class Outcome(Protocol):
    @property
    def outcome(self) -> str: ...
    @property
    def message(self) -> Any: ...


class Turns(Protocol):
    """The part of `BotService` a customer drives."""

    def start_conversation(self) -> tuple[Conversation, str]: ...
    def post_and_answer(self, conversation_id: str, text: str) -> Outcome: ...


@dataclass
class Verdict:
    id: str
    question: str
    lang: str
    answerable: bool
    outcome: str  # "answered", "declined" or "handoff:<reason>"
    cited: list[str] = field(default_factory=list)
    answer: str = ""
    missing: list[str] = field(default_factory=list)
    must_cite: list[str] = field(default_factory=list)
    kind: str | None = None  # the conversation kind, for turns of a multi-turn case

    @property
    def answered(self) -> bool:
        return self.outcome == "answered" and bool(self.cited)

    @property
    def cited_required(self) -> bool:
        return self.answered and bool(set(self.cited) & set(self.must_cite))

    @property
    def cited_first(self) -> bool:
        return self.answered and self.cited[0] in self.must_cite

    @property
    def fact_said(self) -> bool:
        return self.cited_required and not self.missing

    @property
    def wrong(self) -> bool:
        return self.answered and (not self.answerable or not self.cited_required)

    def failure(self) -> str | None:
        if not self.answerable:
            return "answered a question the knowledge base cannot answer" if self.answered else None
        if not self.answered:
            return f"not answered ({self.outcome})"
        if not self.cited_required:
            return "no required document cited"
        if self.missing:
            return "the answer does not say every required fact"
        return None


def evaluate_answers(golden: Path, *, bot: Turns, conversations: Path | None = None) -> dict[str, Any]:
    """Every golden question in a new conversation, every golden conversation turn by turn.

    Top-level figures cover the single questions; `conversations` scores the multi-turn cases by
    kind; `languages` splits the answerable single questions by `lang`. Old keys stay:
    `cited_required` (answerable questions citing a required document), `answered`, `said_required`.
    """
    questions = load_golden(golden)
    cases = load_conversations(conversations) if conversations is not None else []
    started = time.perf_counter()
    verdicts = [_ask(bot, [q])[0] for q in questions]
    turn_verdicts = [v for case in cases for v in _ask(bot, list(case.turns), kind=case.kind)]
    elapsed_ms = (time.perf_counter() - started) * 1000
    report = summarize(verdicts)
    report["ms_per_question"] = round(elapsed_ms / max(1, len(verdicts) + len(turn_verdicts)), 2)
    if cases:
        report["conversations"] = {
            kind: summarize([v for v in turn_verdicts if v.kind == kind], failures=False)
            for kind in sorted({c.kind for c in cases})
        }
        report["failures"] += [_failure_row(v) for v in turn_verdicts if v.failure()]
    return report


def summarize(verdicts: Sequence[Verdict], *, failures: bool = True) -> dict[str, Any]:
    answerable = [v for v in verdicts if v.answerable]
    unanswerable = [v for v in verdicts if not v.answerable]
    english = [v for v in answerable if v.lang == "en"]
    other = [v for v in answerable if v.lang != "en"]
    report: dict[str, Any] = {
        "questions": len(verdicts),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "fact_said": _rate(answerable, "fact_said"),
        "fact_said_english": _rate(english, "fact_said"),
        "fact_said_other_languages": _rate(other, "fact_said"),
        "cited_first": _rate(answerable, "cited_first"),
        "cited_required": _rate(answerable, "cited_required"),
        "answered": _rate(answerable, "answered"),
        "said_required": _rate([v for v in answerable if v.cited_required], "fact_said"),
        "declined_unanswerable": _rate(unanswerable, "answered", negate=True),
        "wrong_answers": _rate(verdicts, "wrong"),
        "handoffs": sum(v.outcome.startswith("handoff") for v in verdicts),
    }
    by_lang: dict[str, list[Verdict]] = defaultdict(list)
    for v in answerable:
        by_lang[v.lang].append(v)
    if len(by_lang) > 1:
        report["languages"] = {lang: {"questions": len(vs), "fact_said": _rate(vs, "fact_said")}
                               for lang, vs in sorted(by_lang.items())}
    if failures:
        report["failures"] = [_failure_row(v) for v in verdicts if v.failure()]
    return report


def ask_case(bot: Turns, case: GoldenConversation) -> list[Verdict]:
    """A multi-turn case in one new conversation, a verdict per turn (benchmarks drive cases one by one)."""
    return _ask(bot, list(case.turns), kind=case.kind)


def _ask(bot: Turns, turns: list[GoldenQuestion], *, kind: str | None = None) -> list[Verdict]:
    conversation, _token = bot.start_conversation()
    out = []
    for q in turns:
        result = bot.post_and_answer(conversation.id, q.question)
        out.append(_judge(q, result, kind))
    return out


def missing_facts(text: str, q: GoldenQuestion) -> list[str]:
    """The `must_say` facts none of whose alternatives is in `text` (each as "a | b"): the one judge of facts."""
    said = _plain(text)
    return [" | ".join(fact) for fact in q.must_say if not any(_plain(t) in said for t in fact)]


def says_facts(text: str, q: GoldenQuestion) -> bool:
    """Every `must_say` fact of `q` (one of its alternatives) is in `text`, judged as `eval answers` judges."""
    return not missing_facts(text, q)


def _judge(q: GoldenQuestion, result: Outcome, kind: str | None) -> Verdict:
    message = result.message
    answered = result.outcome == "answered" and message is not None
    text = message.text if answered else ""
    cited = [c.document_id for c in message.citations] if answered else []
    missing = missing_facts(text, q)
    outcome = "answered" if answered else ("declined" if result.outcome == "no_answer" else result.outcome)
    return Verdict(id=q.id, question=q.question, lang=q.lang, answerable=q.answerable, outcome=outcome, cited=cited,
                   answer=text, missing=missing if answered else [" | ".join(f) for f in q.must_say],
                   must_cite=list(q.must_cite), kind=kind)


def _failure_row(v: Verdict) -> dict[str, Any]:
    return {"id": v.id, "question": v.question, "must_cite": v.must_cite, "reason": v.failure(), "cited": v.cited,
            "missing": v.missing, "answer": v.answer[:600], "outcome": v.outcome}


def _rate(verdicts: Iterable[Verdict], attribute: str, *, negate: bool = False) -> float | None:
    values = [bool(getattr(v, attribute)) != negate for v in verdicts]
    return round(sum(values) / len(values), 4) if values else None


_MARKUP = re.compile(r"[*_`]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    """Compared without case, Markdown emphasis, dash variants or spacing: "**3–5** days" says "3-5 days"."""
    return _SPACE.sub(" ", _DASHES.sub("-", _MARKUP.sub("", text.lower()))).strip()
