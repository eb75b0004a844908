"""The section that answers a question written in another language than the help centre.

`sections.best_section` picks a section by the words it shares with the question; a Spanish question
shares none with an English article but its numbers and names, so it fell on the document's first
section (on our dev help centres 7 of 25 answered non-English questions showed a section without the
fact). Here the cross-lingual embedder that found the document also reads it: every sentence of
every section, prefixed with its heading, is compared with the question, and the section holding
the closest sentence is shown, trimmed around that sentence. One batch per answer, and only for
questions search already routed to the cross-lingual space.

USE alone is a weak judge of which sentence answers ("Quel numéro dois-je appeler ?" sits nearer to
the article's introduction than to "call Technical Support on 0300 555 0123"), so two language-neutral
hints are added: a question asking how many, how long, how much or which number is answered by a
sentence with a digit in it, and words the question shares with a sentence (names, "API", "Stripe")
count a little. On the 50 non-English dev questions whose document search put first, the section
shown held the fact for 22 by words alone, 31 by meaning alone, 38 with both hints.

The section holding the best sentence of another section is shown after it when both fit whole in
`max_chars` (as `sections.with_search_section` does for English questions): across languages the
two best sections are often siblings under one topic ("How much is the discount?" against "Does
the discount affect claims?"). On the 218 non-English dev questions whose first document holds the
fact, the first section held it for 184 and the two for 196 (each of the 16 sets lost none);
answerability still reads the first alone (`own_body`, `own_text`).

A question asking what something costs is answered by an amount of money ("£420", "12 €"), not by
any number: on price lists the number hint fell on "Page 1" or a list's date, so such a question
prefers a sentence with a currency amount (other numbers count half).
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bot.answering import extractive
from bot.answering.sections import MAX_CHARS, SectionAnswer, sections_of, trim
from knowledge_base.crosslingual import ArrayEmbedder
from knowledge_base.results import DocumentHit, Passage

MAX_UNITS = 400  # sentences embedded per answer at most (a long PDF): the rest are not read
KIND_WEIGHT = 0.2  # cosine points for a sentence with a number when the question asks for one
WORD_WEIGHT = 0.03  # cosine points per word shared with the question (at most MAX_WORDS of them)
MAX_WORDS = 3
# Cosine points per word shared with the question's translation into the base's words (search's
# `SearchResult.translated`), besides those it shares with the question itself (at most MAX_WORDS).
TRANSLATED_WEIGHT = 0.05
# Weight of the translation's cosine with each sentence in the knowledge base's own embedder (MiniLM),
# a sharper judge within English than USE is across languages.
ENGLISH_WEIGHT = 0.5
# A question that asks for a quantity, a duration, a time or a number, in the languages we speak.
_ASKS_NUMBER = re.compile(
    r"\b("
    r"how (many|much|long|often|soon)|what time|which number|what number|"  # en
    r"cu[aá]nt[oa]s?|qu[eé] n[uú]mero|a qu[eé] hora|"  # es
    r"combien|quel num[ée]ro|[àa] quelle heure|dans quel d[ée]lai|"  # fr
    r"wie (viele?|lange|oft|hoch|gro[ßs]|schnell)|welche nummer|um wie viel uhr|ab wann|"  # de
    r"quant[oiae]|qual [eè] il numero|a che ora|entro quanti|"  # it
    r"quant[oa]s?|qual [eé] o n[uú]mero|a que horas|em quanto tempo|"  # pt
    r"hoeveel|hoe (lang|vaak|snel)|welk nummer|hoe laat|binnen hoeveel|vanaf welke"  # nl
    r")\b",
    re.IGNORECASE,
)
# A question that asks what something costs: its answer is an amount of money, not any number (a price
# list's dates, sizes and counts are numbers too; "Combien coûte un traitement" fell on "Page 1").
# Nouns in the plural too ("los precios", "vos tarifs"), and German and Dutch compounds end in them
# ("Versandkosten", "Anmeldegebühren", "huurprijs").
_ASKS_PRICE = re.compile(
    r"\b(how much (is|are|does|do|will)|what does .{0,40} cost|prices?|"  # en
    r"cu[eé]st(a|an)|precios?|costes?|tarifas?|"  # es
    r"co[uû]te(nt)?|prix|tarifs?|"  # fr
    r"kostet|\w*kosten|\w*preis(e|en)?|\w*geb[uü]hr(en)?|"  # de
    r"cost(a|ano)|prezz[oi]|tariff[ae]|"  # it
    r"cust(a|am)|pre[cç]os?|"  # pt
    r"kost|\w*prij(s|zen)|tarie(f|ven)"  # nl
    r")\b",
    re.IGNORECASE,
)
# An amount of money: a currency sign or code next to a number ("£7.50", "12 €", "EUR 40").
_MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:€|eur\b|euros?\b|gbp\b|usd\b)|\b(?:eur|gbp|usd)\s?\d", re.IGNORECASE)
# A quantity, not part of a name: "0300 555 0123", "**5** pets", "£7.50", but not "Hub 3" or "Fibre 900"
# (a number right after a capitalised word names a product, a step or a page).
_QUANTITY = re.compile(r"(?<![A-Za-z0-9])(?<!\b[A-Z][a-z]\s)(?<!\b[A-Z][a-z]{2}\s)(?<!\b[A-Z][a-z]{3}\s)"
                       r"(?<!\b[A-Z][a-z]{4}\s)(?<!\b[A-Z][a-z]{5}\s)[£$€]?\d")


def best_section(question: str, hit: DocumentHit, *, embedder: ArrayEmbedder, whole: list[Passage] | None = None,
                 max_chars: int = MAX_CHARS, translated: str = "",
                 english: ArrayEmbedder | None = None) -> SectionAnswer | None:
    """The section of `hit` holding the sentence closest to `question` across languages, as trimmed Markdown.

    `translated` is the question's key words in the document's language, when search found them.
    """
    units: list[tuple[int, str, str]] = []  # (section number, sentence, text embedded)
    found = sections_of(whole or hit.passages)
    for number, (section, text) in enumerate(found):
        heading = section.rsplit(" > ", 1)[-1] if section else ""
        for part in extractive.split_sentences(text):
            units.append((number, part.text, f"{heading}: {part.text}" if heading else part.text))
    if not units:
        return None
    units = units[:MAX_UNITS]
    vectors = embedder.embed_array([question, *(u[2] for u in units)])
    wanted = extractive.content_words(question)
    unit_words = [extractive.content_words(u[2]) for u in units]
    shared = np.asarray([len(words & wanted) for words in unit_words], dtype=np.float32)
    english_words = extractive.content_words(translated) - wanted
    shared_english = np.asarray([len(words & english_words) for words in unit_words], dtype=np.float32)
    asks_number = bool(_ASKS_NUMBER.search(question))
    numbers = np.asarray([asks_number and bool(_QUANTITY.search(u[1])) for u in units], dtype=np.float32)
    if _ASKS_PRICE.search(question):  # a price is answered by an amount of money before any other number
        money = np.asarray([bool(_MONEY.search(u[1])) for u in units], dtype=np.float32)
        numbers = np.maximum(money, numbers / 2)
    similarity = (vectors[1:] @ vectors[0] + KIND_WEIGHT * numbers + WORD_WEIGHT * np.minimum(shared, MAX_WORDS)
                  + TRANSLATED_WEIGHT * np.minimum(shared_english, MAX_WORDS))
    if english is not None and translated and ENGLISH_WEIGHT:
        rows = english.embed_array([translated, *(u[2] for u in units)])
        rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        similarity = similarity + ENGLISH_WEIGHT * (rows[1:] @ rows[0])
    best = int(np.argmax(similarity))
    number, closest, _ = units[best]
    section, text = found[number]
    heading = section.rsplit(" > ", 1)[-1] if section else ""
    support = int(shared[best] + shared_english[best])
    answer = SectionAnswer(heading=heading, body=trim(text, [closest], max_chars=max_chars),
                           score=float(similarity[best]), support=support, text=text)
    others = [i for i in np.argsort(-similarity, kind="stable") if units[i][0] != number]
    if not others:
        return answer
    section, text = found[units[int(others[0])][0]]
    return _then(answer, section.rsplit(" > ", 1)[-1] if section else hit.title, text, max_chars=max_chars)


def _then(answer: SectionAnswer, heading: str, text: str, *, max_chars: int) -> SectionAnswer:
    """`answer` followed by a second section, whole, when both fit `max_chars` (else `answer` alone)."""
    lead = f"### {heading}\n\n" if heading else ""
    if len(answer.body) + 2 + len(lead) + len(text.strip()) > max_chars:
        return answer
    return replace(answer, body=f"{answer.body}\n\n{lead}{text.strip()}", text=f"{answer.text}\n\n{text}",
                   own_body=answer.decided_body, own_text=answer.decided_text)


class CachedEmbedder:
    """Remembers the vectors of the sentences it embedded (least recently used dropped past `size`).

    Reading a document sentence by sentence costs ~0.5-1 s on a busy two-core machine; customers ask
    about the same few articles, so the second question about one costs only its own vector.
    """

    def __init__(self, embedder: ArrayEmbedder, *, size: int = 5000) -> None:
        self._embedder = embedder
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        fresh = dict(zip(missing, self._embedder.embed_array(missing), strict=True)) if missing else {}
        with self._lock:
            rows = []
            for text in texts:
                vector = fresh.get(text)
                if vector is None:
                    vector = self._vectors[text] if text in self._vectors else self._embedder.embed_array([text])[0]
                self._vectors[text] = vector
                self._vectors.move_to_end(text)
                rows.append(vector)
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return np.stack(rows) if rows else np.zeros((0, 1), dtype=np.float32)
