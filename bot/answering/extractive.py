"""Answers without an LLM: the sentences of a passage that best match the question, verbatim."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(¿¡\[*]?[A-Z0-9À-Ý])")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "please",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "tell",
        "know",
        "want",
        "need",
        "like",
        "also",
        "still",
        "way",
        "much",
        "many",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
    ]
)
MAX_SENTENCES = 3
MAX_LIST_ITEMS = 5  # when a whole list answers (see best_sentences)
MAX_CHARS = 600
TOPIC_WEIGHT = 0.5  # a shared word that is also in the document's title (see best_sentences)
HEADING_ANSWERS = 2  # content words a section heading shares with the question for its list to be the answer
# A word's final "e" is dropped (when it has no other suffix), so "charge" meets "charged", "charges" and
# "charging", which all lose their suffix to "charg"; before, a question's "charge" missed them.
FINAL_E = False

BlockKind = Literal["text", "item", "row", "header"]


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim from the passage (list markers removed, wrapped lines rejoined)
    line: int  # which paragraph, list item or table row it came from; each goes on its own line
    position: int
    kind: BlockKind = "text"


def content_words(text: str) -> set[str]:
    """Lower-cased, lightly stemmed words that carry meaning; shared by question and sentences."""
    return set(_content_words(text))


# NOTE: a turn reads the same document sentences, titles and headings again and again (~55 calls a
# turn, ~35 us each to split and stem); a bounded memo of this pure function makes a repeat ~0.3 us
# (4,096 texts: a few MB at most). Callers get a fresh set, so none can change what is remembered.
@functools.lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 1)


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs and list items (hard-wrapped lines rejoined) cut at sentence ends; table rows whole.

    Markdown headings and table rules are not sentences; list markers are dropped.
    """
    return list(_split_sentences(text))


@functools.lru_cache(maxsize=1024)  # NOTE: the same sections are split turn after turn (see content_words)
def _split_sentences(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for block_no, (kind, block) in enumerate(_blocks(text)):
        parts = [block] if kind in ("row", "header") else _SENTENCE_END.split(block)
        for part in parts:
            if part.strip():
                sentences.append(Sentence(part.strip(), block_no, len(sentences), kind))
    return tuple(sentences)


def best_sentences(
    question: str, passage: str, section: str = "", *, topic: frozenset[str] = frozenset()
) -> tuple[list[Sentence], float]:
    """The 1-3 nearby sentences that answer best, in passage order, and how well they answer.

    The passage's section heading counts as evidence: a heading that names what the customer asked
    ("The reset email does not arrive", "How often to descale") adds its overlap to the score, so
    its section wins over a stray sentence elsewhere, and when a list sits under such a heading the
    list itself is the answer, read from its start, not whichever item repeats the most words.

    `topic` holds the words of the document's title: every sentence of the document is about them,
    so in "how long does a refund take with PayPal?" over "When will I get my refund?" the row that
    names PayPal should beat a sentence (or heading) that only repeats "refund". They count half.
    """
    sentences = split_sentences(passage)
    if not sentences:
        return [], 0.0
    wanted = content_words(question)
    heading_words = content_words(section.rsplit(" > ", 1)[-1]) if section else set()
    heading = _overlap(heading_words, wanted, topic)
    # The heading names what was asked: enough shared words, or every word of it ("In the box").
    names_question = len(heading_words & wanted) >= HEADING_ANSWERS or (bool(heading_words) and heading_words <= wanted)
    expects = expected_kind(question)
    scores = [
        _score(s, _words_in_context(sentences, s), wanted, topic) + _kind_bonus(s.text, expects) for s in sentences
    ]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    if names_question and sentences[best].kind == "item":
        picked = _list_from_start(sentences, best)
        return picked, scores[best] + heading
    chosen = {best} | _context(sentences, best)
    if len(chosen) == 1:
        nearby = [i for i in range(best - 2, best + 3) if 0 <= i < len(sentences) and i != best]
        for i in sorted(nearby, key=lambda i: -scores[i]):
            if len(chosen) >= MAX_SENTENCES or scores[i] < max(1.0, scores[best] / 2):
                break
            chosen.add(i)
    picked = [sentences[i] for i in sorted(chosen)]
    while len(picked) > 1 and sum(len(s.text) for s in picked) > MAX_CHARS:
        picked.remove(min((s for s in picked if s.position != best), key=lambda s: scores[s.position]))
    return picked, scores[best] + heading


def _list_from_start(sentences: list[Sentence], item: int) -> list[Sentence]:
    """The list `item` belongs to, from its intro (if it ends with ':') or first item, within the limits;
    a long list starts late enough that `item`, the one that matched, is still shown."""
    first = item
    while first > 0 and sentences[first - 1].kind == "item":
        first -= 1
    last = item
    while last + 1 < len(sentences) and sentences[last + 1].kind == "item":
        last += 1
    intro = [sentences[first - 1]] if first > 0 and sentences[first - 1].text.endswith(":") else []
    slots = MAX_LIST_ITEMS - len(intro)
    picked = list(intro)
    for sentence in sentences[max(first, item - slots + 1) : last + 1]:
        if len(picked) >= MAX_LIST_ITEMS or (
            picked and sum(len(s.text) for s in picked) + len(sentence.text) > MAX_CHARS
        ):
            break
        picked.append(sentence)
    return picked if sentences[item] in picked else [*intro, sentences[item]]


def join_sentences(sentences: Sequence[Sentence]) -> str:
    """Sentences of one paragraph joined by a space; paragraphs, list items and rows on their own lines."""
    out = ""
    for prev, sentence in zip([None, *sentences], sentences, strict=False):
        if prev is not None:
            out += " " if prev.line == sentence.line else "\n"
        out += sentence.text
    return out


def _context(sentences: list[Sentence], best: int) -> set[int]:
    """What the best sentence cannot be read without: a list's intro, a table's header, an answer."""
    sentence = sentences[best]
    following = range(best + 1, min(best + MAX_SENTENCES, len(sentences)))
    if sentence.kind == "row":
        header = _header_of(sentences, best)
        return {header} if header is not None else set()
    if sentence.kind == "item":
        start = best
        while start > 0 and sentences[start - 1].kind == "item":
            start -= 1
        intro = start - 1
        return {intro} if intro >= 0 and sentences[intro].text.endswith(":") and best - intro <= 8 else set()
    if sentence.text.endswith(":"):
        # "To start a return:" needs the items after it.
        return set(following)
    if sentence.text.endswith("?"):
        # A question the article asks itself ("Picked the wrong colour?") needs its answer: the rest
        # of its paragraph, or else the next sentence.
        same = [i for i in following if sentences[i].line == sentence.line]
        return set(same or list(following)[:1])
    return set()


def _blocks(text: str) -> list[tuple[BlockKind, str]]:
    blocks: list[tuple[BlockKind, str]] = []
    kind: BlockKind = "text"
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append((kind, " ".join(current)))
            current.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            flush()
        elif stripped.startswith("|"):
            flush()
            if _TABLE_RULE.match(stripped):
                if blocks and blocks[-1][0] == "row":
                    blocks[-1] = ("header", blocks[-1][1])
            else:
                blocks.append(("row", stripped))
        elif _BULLET.match(stripped):
            flush()
            kind, current[:] = "item", [_BULLET.sub("", stripped)]
        else:
            if not current:
                kind = "text"
            current.append(stripped)
    flush()
    return blocks


def _words_in_context(sentences: list[Sentence], sentence: Sentence) -> set[str]:
    """A table row is read with its column names: "| Family | CA$40 |" under "| Plan | Price |"."""
    words = content_words(sentence.text)
    if sentence.kind == "row":
        header = _header_of(sentences, sentence.position)
        if header is not None:
            words |= content_words(sentences[header].text)
    return words


def _header_of(sentences: list[Sentence], row: int) -> int | None:
    for i in range(row - 1, -1, -1):
        if sentences[i].kind == "header":
            return i
        if sentences[i].kind != "row":
            return None
    return None


# What kind of answer a question wants, in the five languages the bot serves: a duration or time
# ("how long", "when", "¿cuánto tarda?") or an amount of money ("how much", "what does it cost").
_ASKS_TIME = re.compile(
    r"\b(how long|how much (time|longer)|when (will|does|do|can|is|are|should|did)|until when|by when|"
    r"how (many|soon)\b.{0,12}\b(days?|weeks?|hours?|months?)|what time|"
    r"what'?s the wait|waiting (period|time)|too late|deadline|how soon|how quickly|how fast|"
    r"cu[aá]nto (tiempo|tarda)|cu[aá]ndo|combien de temps|quand|wie lange|wie viel zeit|wann|quanto tempo|quando)\b",
    re.I,
)
_ASKS_MONEY = re.compile(
    r"\b(how much|cost|costs|price|prices|fee|fees|charge for|cu[aá]nto cuesta|precio|combien co[uû]te|prix|"
    r"wie viel kostet|was kostet|preis|quanto custa|pre[cç]o)\b",
    re.I,
)
_TIME = re.compile(
    r"\d+(\s*[–-]\s*\d+)?\s*(business |working )?(minutes?|hours?|days?|weeks?|months?|years?|"
    r"minutos|horas|d[ií]as|semanas|meses|años|minutes|heures|jours|semaines|mois|ans|"
    r"minuten|stunden|tage[n]?|wochen|monate[n]?|jahre[n]?|anos)\b"
    r"|\b\d{1,2}(:\d{2})?\s*(am|pm)\b|\b\d{1,2}[:h]\d{2}\b",
    re.I,
)
# A currency sign or code before or after the amount ("$14.95", "9,99 €", "10€", "CHF 20", "R$ 30").
_MONEY = re.compile(r"(\$|£|€|¥|\bchf|\bR\$)\s?\d|\d\s?(€|£|usd|eur|gbp|chf)(?!\w)", re.I)


# A count or a limit ("how many backup codes", "what's the maximum file size", "how old can my cat be").
_ASKS_COUNT = re.compile(
    r"\b(how many|how old|what age|max(imum)?|min(imum)?|limit|at most|at least|how big|biggest|largest|"
    r"cu[aá]nt[oa]s|combien de|wie viele|quant[oi]s|quant[ae]s|hoeveel)\b",
    re.I,
)
_COUNT = re.compile(
    r"\b\d+\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|unlimited|no limit)\b",
    re.I,
)


def kind_words(question: str) -> set[str]:
    """The content words of the phrases that ask for a time, an amount or a count ("how long", "cost"):
    they say what kind of answer is wanted, not what it is about."""
    return {w for pattern in (_ASKS_TIME, _ASKS_MONEY, _ASKS_COUNT) for m in pattern.finditer(question)
            for w in content_words(m.group(0))}


@functools.lru_cache(maxsize=256)  # NOTE: asked ~9 times a turn of the same question
def expected_kind(question: str) -> str | None:
    """ "time", "money", "count" or None: what a sentence that answers this question should contain.

    Time is asked first: "how much time do I have" is about time, not money; a count last ("how many
    days" is a time).
    """
    if _ASKS_TIME.search(question):
        return "time"
    if _ASKS_MONEY.search(question):
        return "money"
    if _ASKS_COUNT.search(question):
        return "count"
    return None


# A question answered yes or no ("can I pause my plan", "do you ship to Norway", "is there a fee"):
# whether the thing it names exists is the answer, so a section without that thing does not answer it.
_ASKS_YES_NO = re.compile(
    r"^\W*(can|could|do|does|did|is|are|will|would|may|have|has|should)\b|"
    r"\b(is there|are there|do you|does it|can i|can you|can we)\b",
    re.I,
)


# "where can I drop off a return", "how long can I keep the van": a wh-word asks for a thing, not a yes.
_ASKS_WH = re.compile(r"\b(how|what|whats|where|when|which|who|whom|whose|why)\b", re.I)


def asks_yes_no(question: str) -> bool:
    """Whether the question is answered by yes or no (English only)."""
    return bool(_ASKS_YES_NO.search(question)) and not _ASKS_WH.search(question)


_ANSWER_KINDS = {"time": _TIME, "money": _MONEY, "count": _COUNT}


# NOTE: the sentences a turn scores are the help centre's, the same turn after turn (see content_words).
@functools.lru_cache(maxsize=8192)
def holds_kind(text: str, expects: str) -> bool:
    """Whether `text` holds the kind of answer `expected_kind` named (a duration or time, an amount)."""
    return bool(_ANSWER_KINDS[expects].search(text))


def _kind_bonus(text: str, expects: str | None) -> float:
    """+1 for a sentence that holds the kind of answer asked for: 'when does my refund arrive' is
    answered by '3-10 business days', not by the sentence that repeats 'refund' most."""
    return 1.0 if expects is not None and holds_kind(text, expects) else 0.0


def _overlap(words: set[str], wanted: set[str], topic: frozenset[str]) -> float:
    """Shared words, those of the document's topic counting half."""
    return sum(TOPIC_WEIGHT if w in topic else 1.0 for w in words & wanted)


def _score(sentence: Sentence, words: set[str], wanted: set[str], topic: frozenset[str] = frozenset()) -> float:
    if sentence.kind == "header":
        return -1.0  # column names alone answer nothing; a matching row brings its header along
    overlap = _overlap(words, wanted, topic)
    short_penalty = 0.5 if len(words) < 3 else 0.0
    # NOTE: earlier sentences win ties; a passage usually opens with its point.
    return overlap + 0.3 * overlap / (1 + len(wanted)) + 0.2 / (1 + sentence.position) - short_penalty


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    if FINAL_E and len(word) > 4 and word.endswith("e"):
        return word[:-1]  # "charge" as "charged", "charges", "charging"; "close" as "closed"
    return word
