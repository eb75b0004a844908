"""Answers without an LLM: the sentences of a passage that best match the question, verbatim."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(¿¡\[]?[A-Z0-9À-Ý])")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_STOPWORDS = frozenset(
    """a about above after again all am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each few for from further get
    got had has have having he her here hers him his how i if in into is it its itself just let me
    more most my no nor not now of off on once only or other our ours out over own please same she
    should so some such than that the their theirs them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would
    you your yours yourself tell know want need like also still way much many hi hello hey thanks
    thank""".split()
)
MAX_SENTENCES = 3
MAX_CHARS = 600


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim from the passage (list markers removed)
    line: int  # which paragraph or list item of the passage it came from, to keep items on their own lines
    position: int


def content_words(text: str) -> set[str]:
    """Lower-cased, lightly stemmed words that carry meaning; shared by question and sentences."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 1}


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs and list items (hard-wrapped lines rejoined), then sentence ends.

    Markdown headings and table rules are not sentences; list markers are dropped.
    """
    sentences: list[Sentence] = []
    for block_no, block in enumerate(_blocks(text)):
        for part in _SENTENCE_END.split(block):
            if part.strip():
                sentences.append(Sentence(part.strip(), block_no, len(sentences)))
    return sentences


def _blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        starts_block = not stripped or stripped.startswith(("#", "|")) or _BULLET.match(stripped) is not None
        if starts_block and current:
            blocks.append(" ".join(current))
            current = []
        if not stripped or stripped.startswith("#") or set(stripped) <= set("|-: "):
            continue
        current.append(_BULLET.sub("", stripped))
    if current:
        blocks.append(" ".join(current))
    return blocks


def best_sentences(question: str, passage: str) -> tuple[list[Sentence], float]:
    """The 1-3 nearby sentences that answer best, in passage order, and the best sentence's score."""
    sentences = split_sentences(passage)
    if not sentences:
        return [], 0.0
    wanted = content_words(question)
    scores = [_score(s, wanted) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    chosen = {best}
    following = range(best + 1, min(best + MAX_SENTENCES, len(sentences)))
    if sentences[best].text.endswith(":"):
        # A sentence that introduces a list ("To start a return:") needs the items after it.
        chosen.update(following)
    elif sentences[best].text.endswith("?"):
        # A question the article asks itself ("Picked the wrong colour?") needs its answer: the rest
        # of its paragraph, or else the next sentence.
        same = [i for i in following if sentences[i].line == sentences[best].line]
        chosen.update(same or list(following)[:1])
    else:
        nearby = [i for i in range(best - 2, best + 3) if 0 <= i < len(sentences) and i != best]
        for i in sorted(nearby, key=lambda i: -scores[i]):
            if len(chosen) >= MAX_SENTENCES or scores[i] < max(1.0, scores[best] / 2):
                break
            chosen.add(i)
    picked = [sentences[i] for i in sorted(chosen)]
    while len(picked) > 1 and sum(len(s.text) for s in picked) > MAX_CHARS:
        picked.remove(min((s for s in picked if s.position != best), key=lambda s: scores[s.position]))
    return picked, scores[best]


def join_sentences(sentences: Sequence[Sentence]) -> str:
    """Sentences of one paragraph joined by a space, separate paragraphs (list items) by a newline."""
    out = ""
    for prev, sentence in zip([None, *sentences], sentences):
        if prev is not None:
            out += " " if prev.line == sentence.line else "\n"
        out += sentence.text
    return out


def _score(sentence: Sentence, wanted: set[str]) -> float:
    words = content_words(sentence.text)
    overlap = len(words & wanted)
    short_penalty = 0.5 if len(words) < 3 else 0.0
    # NOTE: earlier sentences win ties; a passage usually opens with its point.
    return overlap + 0.3 * overlap / (1 + len(wanted)) + 0.2 / (1 + sentence.position) - short_penalty


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word
