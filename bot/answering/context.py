"""What a customer's message refers to: a follow-up is searched with its topic, a new question alone.

Gluing the previous question onto every short question made "Is the warranty 2 years?" then
"How do I descale my kettle?" find the warranty again. Words alone cannot tell a follow-up ("is
there a fee for it?") from a new question ("can I pay by card?"), so where they do not say it
outright (`and ...`, `sorry I meant ...`, `different question: ...`), the scores decide:
- a message with an "it" or "that" is searched both ways; the follow-up reading wins when it finds
  at least as good a match, give or take how strongly the wording points back;
- a message with nothing pointing back is searched alone first, and with its topic only when that
  finds nothing: one search per turn for a clear new question (issue 14 counts a turn's searches);
- a bare "and express?" is searched with its topic, and alone only when that finds nothing.
Measured on the development conversations with `benchmarks/conversation_context.py`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.answering import extractive, replies
from bot.conversations.records import Kind, Message, Role
from knowledge_base.results import SearchResult

Reading = Literal["new", "follow_up", "either", "plain"]

# Said outright: the customer changes the subject ("different question", "otra cosa", "anyway").
_NEW_TOPIC = re.compile(
    r"\b(different|separate|unrelated|new|other|another|diff)\s+(question|thing|topic|subject|issue|q)\b|"
    r"^\W*(?:(ok(ay)?|right|thanks|thank you|cool|great)\W*)?(anyway|unrelated|totally different|changing the subject|"
    r"on another note|by the way|btw)\b|"
    r"\b(otra (pregunta|cosa|duda)|autre (question|chose)|andere(s)? (frage|thema)|outra (pergunta|coisa)|"
    r"altra (domanda|cosa)|andere vraag|iets anders)\b",
    re.I)
# The words that announce a new subject at the start of a message ("different question, ...", "unrelated,
# but ..."): searched with the question, they only pull its score down (issue 11).
_LEAD_IN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|so|oh|thanks|thank you|cool|great)\W+)*"
    r"(?:(?:a|one|totally|completely|quite)\s+)?"
    r"(?:(?:different|separate|new|other|another|diff)\s+(?:question|thing|topic|subject|issue|q)|"
    r"unrelated|something else|anyway|changing the subject|on another note|by the way|btw)"
    r"(?:\s*[,:;.!?\-\u2013\u2014]+\s*|\s+(?=(?:but|and)\b))(?:(?:but|and|also|so)\b\W*)?",
    re.I)
# Said outright: the message continues ("and the 900 one?", "what about express?", "¿y para Canarias?").
_CONTINUES = re.compile(
    r"^\W*(and|or|but|what about|how about|and if|what if|same for|same with|y|o|e|et|ou|und|oder|en|ma|"
    r"mais|pero|aber|maar|y si|et si|und wenn|e se)\b",
    re.I)
# Said outright: the customer corrects a detail of the last question ("sorry I meant the 900 plan").
# NOTE: one `\W*` between markers (`^\W*(x\W*)?` not `^\W*(x)?\W*`): two adjacent ones backtrack
# quadratically on a long run of punctuation. The words between "sorry" and "instead" are looked at, not
# taken: they are the correction's subject ("sorry, the oak one instead"), not its marker.
_CORRECTS = re.compile(r"^\W*(?:(sorry|oops|whoops|no|nope|actually|wait|my bad|i mean)\W*)?(i\s+)?(meant|mean)\b|"
                       r"^\W*(sorry|oops|actually)\b(?=.{0,20}\b(instead|rather)\b)", re.I)
_POINTS_BACK = frozenset([
    "it", "its", "that", "this", "those", "these", "they", "them", "their", "there", "then", "one", "ones", "same",
    "he", "she", "him", "her", "his",  # English
    "eso", "esa", "ese", "esto", "ello", "lo", "la", "los", "las",  # Spanish
    "cela", "ça", "ce", "celui", "celle",  # French
    "das", "dies", "es", "ihn", "sie",  # German
    "isso", "isto", "ele", "ela",  # Portuguese
    "quello", "quella", "ciò",  # Italian
    "dat", "dit", "het",  # Dutch
])
# A pointing word that stands for the topic's noun with new words before it ("the long stay one"): it
# points back only after another ("that one").
_NAMES_ANOTHER = frozenset(["one", "ones"])
_WORD = re.compile(r"\w+")
# How much better the new-question reading must score to win (calibrated search scores, 0-1).
BIAS = {"continues": 0.30, "points_back": 0.06, "plain": -0.02}


@dataclass(frozen=True)
class Candidates:
    """The query for the message alone, and the one with its topic (None: nothing to refer to)."""

    alone: str
    with_topic: str | None
    reading: Reading
    bias: float = 0.0
    topic: str = ""


class Searchable(Protocol):
    def search(self, query: str, *, k: int | None = None) -> SearchResult: ...


def candidates(question: str, history: Sequence[Message]) -> Candidates:
    """How the message could be read, from its wording and the earlier customer messages."""
    topic = _topic(question, history)
    if topic is None:
        return Candidates(question, None, "new")
    if _NEW_TOPIC.search(question):
        return Candidates(without_lead_in(question), None, "new")
    words = [w.lower() for w in _WORD.findall(question)]
    with_topic = f"{topic} {question}"
    content = len(extractive.content_words(question))
    if _CORRECTS.search(question) or _CONTINUES.search(question) or content <= 1:
        return Candidates(question, with_topic, "follow_up", BIAS["continues"])
    if _POINTS_BACK & set(words):
        return Candidates(question, with_topic, "either", BIAS["points_back"])
    return Candidates(question, with_topic, "plain", BIAS["plain"], topic=topic)


def choose(options: Candidates, alone: SearchResult | None,
           with_topic: SearchResult | None) -> tuple[str, SearchResult | None]:
    """The query (and its result) to answer from: the follow-up reading unless the message alone
    finds a clearly better match."""
    if options.with_topic is None or with_topic is None:
        return options.alone, alone
    if alone is None:
        return options.with_topic, with_topic
    if options.reading == "plain" and not _covers(with_topic, options.alone, options.topic):
        # NOTE: nothing in the message points back, and what the old topic found does not hold its
        # own words: an unanswerable new question riding on the old topic ("do you sell gift wrap?"
        # after returns) would get a confident wrong answer.
        return options.alone, alone
    if alone.answerable and not with_topic.answerable:
        return options.alone, alone
    if with_topic.answerable and not alone.answerable:
        return options.with_topic, with_topic
    if with_topic.top_score + options.bias >= alone.top_score:
        return options.with_topic, with_topic
    return options.alone, alone


def _covers(result: SearchResult, question: str, topic: str) -> bool:
    """Whether the top document found holds a word the message adds to the topic."""
    added = extractive.content_words(question) - extractive.content_words(topic)
    if not result.hits or not added:
        return False
    hit = result.hits[0]
    found = extractive.content_words(" ".join([hit.title, *(f"{p.section} {p.text}" for p in hit.passages)]))
    return bool(added & found)


def contextual_search(search: Searchable, question: str, history: Sequence[Message]) -> tuple[str, SearchResult]:
    """Search the message as it is meant: alone, with its topic, or both and keep the better reading."""
    options = candidates(question, history)
    if options.with_topic is None:
        return options.alone, search.search(options.alone)
    if options.reading == "plain":
        # NOTE: nothing in the wording points back: a match of the message alone is the answer, and
        # the follow-up reading is searched only when the message alone finds nothing.
        alone_first = search.search(options.alone)
        if alone_first.answerable:
            return options.alone, alone_first
        query, result = choose(options, alone_first, search.search(options.with_topic))
        return query, result if result is not None else alone_first
    with_topic = search.search(options.with_topic)
    alone = search.search(options.alone) if options.reading != "follow_up" or not with_topic.answerable else None
    query, result = choose(options, alone, with_topic)
    return query, result if result is not None else with_topic


def condense_query(question: str, history: Sequence[Message]) -> str:
    """The text to search for without running a search: the message with its topic when its
    wording points back, else the message alone, without the words announcing a new subject, as
    `contextual_search` searches it (the LLM's rewrite and benchmarks use this)."""
    options = candidates(question, history)
    if options.with_topic is not None and options.reading != "new" and options.bias > 0:
        return options.with_topic
    return options.alone


def without_lead_in(question: str) -> str:
    """The question without the words that announce it as a new subject ("different question, can I pay
    by card?" -> "can I pay by card?"), when something is left to search for."""
    lead = _LEAD_IN.match(question)
    rest = question[lead.end():].strip() if lead else question
    return rest if extractive.content_words(rest) else question


def framing_words(message: str, topic: str = "") -> set[str]:
    """The content words with which a follow-up leans on its topic rather than adds to it: a
    continuation or correction ("what about", "sorry I meant"), a word pointing back ("that") and,
    when the message asks another kind of answer than its topic did, the phrase asking for it ("how do
    I renew?" then "how long does that take?"). Asked again for the same kind ("how much is a double
    room?" then "is there a fee for pets?") the kind word is part of a new subject; "one" frames only
    after a pointing word ("that one", not "the long stay one", which names another thing)."""
    marked = " ".join(g for pattern in (_CONTINUES, _CORRECTS) for m in pattern.finditer(message)
                      for g in m.groups() if g)
    words = [w.lower() for w in _WORD.findall(message)]
    pointing = " ".join(w for i, w in enumerate(words) if w in _POINTS_BACK and
                        (w not in _NAMES_ANOTHER or (i > 0 and words[i - 1] in _POINTS_BACK)))
    framing = extractive.content_words(f"{marked} {pointing}")
    if extractive.expected_kind(message) != extractive.expected_kind(topic):
        framing |= extractive.kind_words(message)
    return framing


def _topic(question: str, history: Sequence[Message]) -> str | None:
    """The earlier customer question a follow-up refers to: the latest one the bot answered (a
    declined question is no referent: "does it come with a domain name?" declined, then "can I cancel
    it any time?" still means the static IP), else the latest with some content; when that one itself
    pointed back ("and the 900 one?", "how long does that take?"), with the question before it, so a
    chain of follow-ups keeps its subject."""
    asked = [a for a in _asked(history) if a.text != question.strip()]
    if not asked:
        return None
    earlier = [a for a in asked if a.answered] or asked
    latest = earlier[-1]
    if len(earlier) >= 2 and _points_back(latest.text):
        return f"{earlier[-2].text} {latest.text}"
    return latest.text


def _points_back(text: str) -> bool:
    """Whether a message's wording leans on an earlier one (a continuation, a pronoun, a correction,
    or too few words to stand alone)."""
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(_CONTINUES.search(text) or _CORRECTS.search(text) or _POINTS_BACK & words
                or len(extractive.content_words(text)) <= 1)


@dataclass(frozen=True)
class _Asked:
    text: str
    answered: bool  # the bot's next reply cited a source (not declined, not handed off)


def _asked(history: Sequence[Message]) -> list[_Asked]:
    """The customer's questions with content, oldest first, each with whether the bot answered it."""
    out: list[_Asked] = []
    pending: str | None = None
    for m in history:
        if m.kind != Kind.TEXT:
            continue
        if m.role == Role.CUSTOMER:
            if pending is not None:
                out.append(_Asked(pending, False))
            text = m.text.strip()
            pending = text if _has_content(text) else None
        elif m.role == Role.BOT and pending is not None:
            out.append(_Asked(pending, bool(m.citations) and not m.meta.get("no_answer")))
            pending = None
    if pending is not None:
        out.append(_Asked(pending, False))
    return out


def _has_content(text: str) -> bool:
    """Whether a customer's (stripped) message is a question with content: not empty, not a bare yes
    or no, not a wall of text."""
    return bool(text) and len(text) <= 600 and _short_has_content(text)


# NOTE: every turn asks this of each customer message in its history (six by default, ~25 us each);
# a bounded memo of this pure function makes a repeat well under a microsecond. Only texts of at most
# 600 characters reach it, so the memo holds at most ~4,096 x 600 characters.
@functools.lru_cache(maxsize=4096)
def _short_has_content(text: str) -> bool:
    return bool(extractive.content_words(text) and not replies.is_yes(text) and not replies.is_no(text))
