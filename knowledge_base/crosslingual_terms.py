"""A question in another language, rewritten as the knowledge base's own words.

USE ranks a Spanish question against English chunks by meaning, but it is a weak judge between
near topics, and a chunk's cross-lingual vector holds only its title, section and first lines
(`crosslingual.py`). MiniLM and keyword coverage are the strong judges in English, but read no
Spanish. Here each content word of the question (its language's stop words dropped, from
`stop-words`) is replaced by the word of the knowledge base's vocabulary nearest to it in USE's
space ("contraseña" -> "password", "reembolso" -> "refund"); a word the base itself uses (a product
name, a number, a cognate) stays as it is. The English words so found are searched like an English
question, and search fuses that ranking with USE's (`crosslingual_fusion.py`).

On our 69 answerable non-English dev questions the right document came first for 50 by USE alone,
55 by these words alone and 55-57 fused (`benchmarks/i18n_diagnostic.py`).
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from knowledge_base.crosslingual import ArrayEmbedder
from knowledge_base.lexical import terms

# Words of the base's vocabulary embedded, most frequent first: ~1,000-1,500 on a help centre of 40
# articles (about a second), capped so a big base's first non-English question stays bounded.
MAX_VOCABULARY = 5000
# A question word whose nearest base word is less similar than this is dropped, not guessed: on our
# dev questions 0.45-0.6 ranked alike (55 of 69 right first); below, interrogatives and fillers
# ("cuánto" -> "amount") start to pull in words of their own.
MIN_SIMILARITY = 0.5
MIN_LETTERS = 3  # shorter words are mostly function words the stop lists miss
# Distinct content words translated per question: each unknown one is embedded, so a 4,000-character
# message of made-up words cost ~1.4 s of CPU; our longest non-English dev question has 19 distinct words.
MAX_QUESTION_WORDS = 40
_WORD = re.compile(r"[^\W_]+")
# What a question asks with rather than about: interrogatives and the modal verbs customers open with.
# The stop lists miss most of them ("combien", "hoeveel", "viele", Portuguese "quanto"), and each then
# became a base word of its own ("cuánto" -> "amount", "combien" -> "count", "posso" -> "possible")
# that the English search matched as if the customer had written it. An English question's "how
# much" is a stop word; so is its translation here. One list for all languages: the detector often
# reads Portuguese as Spanish or Italian, and these words name nothing a help centre is about.
QUESTION_WORDS = frozenset({
    # es
    "cuanto", "cuanta", "cuantos", "cuantas", "cual", "cuales", "donde", "cuando", "como", "puedo", "puede",
    "podeis", "pueden", "tengo", "hay",
    # fr
    "combien", "quel", "quelle", "quels", "quelles", "peux", "puis", "peut", "pouvez", "dois", "doit", "faut",
    "comment", "pourquoi", "quand", "est",
    # de
    "viel", "viele", "wieviel", "wieviele", "welche", "welcher", "welches", "welchen", "welchem", "wann", "warum",
    "kann", "konnen", "muss", "musst", "darf", "durfen",
    # it
    "quanto", "quanta", "quanti", "quante", "quale", "quali", "posso", "puoi", "devo", "deve", "dove", "quando",
    "come", "perche",
    # pt (besides the Italian and Spanish words it shares)
    "quantos", "quantas", "qual", "quais", "pode", "podem", "onde", "porque",
    # nl
    "hoeveel", "welk", "welke", "wanneer", "waar", "hoe", "kun", "kunt", "moet", "mag",
})
_LANGUAGE_NAMES = {"es": "spanish", "fr": "french", "de": "german", "it": "italian", "pt": "portuguese",
                   "nl": "dutch", "en": "english"}


@lru_cache(maxsize=16)
def stop_words(language: str) -> frozenset[str]:
    """The stop words of an ISO 639-1 language (empty for one `stop-words` does not know)."""
    from stop_words import StopWordError, get_stop_words

    try:
        return frozenset(get_stop_words(_LANGUAGE_NAMES.get(language, language)))
    except StopWordError:
        return frozenset()


@lru_cache(maxsize=16)
def _unasked(language: str) -> frozenset[str]:
    """Words a question in `language` asks with, accents folded: its stop words and `QUESTION_WORDS`."""
    return frozenset(fold(w) for w in stop_words(language)) | QUESTION_WORDS


def fold(word: str) -> str:
    """`word` without its accents ("cuánto" -> "cuanto"): customers and stop lists write them or not."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _translatable(word: str) -> bool:
    return word.isalpha() and len(word) >= MIN_LETTERS


def vocabulary(frequencies: Mapping[str, int], *, limit: int = MAX_VOCABULARY) -> list[str]:
    """The words worth translating into: alphabetic terms of a few letters, the most used first."""
    words = [w for w in frequencies if _translatable(w)]
    words.sort(key=lambda w: (-frequencies[w], w))
    return words[:limit]


def base_words(text: str) -> set[str]:
    """The words of a chunk's embedded text that `vocabulary` can pick (its terms as search indexes them)."""
    return {w for w in terms(text) if _translatable(w)}


class WordVectors:
    """Cross-lingual vectors of single words, remembered across snapshots (a sync re-embeds only new words).

    `stored` reads the vectors a fill computed at sync time (`crosslingual_texts.py`): only words it
    lacks (an index filled before they were stored) are embedded here.
    """

    def __init__(self, embedder: ArrayEmbedder, *, size: int = 4 * MAX_VOCABULARY,
                 stored: Callable[[Sequence[str]], Mapping[str, np.ndarray]] | None = None) -> None:
        self.embedder = embedder
        self._size = size
        self._stored = stored
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def of(self, words: Sequence[str], *, stored: bool = True) -> np.ndarray:
        """An (n, dim) array of unit rows, one per word in order (`stored=False`: words the base lacks)."""
        with self._lock:
            missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            fresh = dict(self._stored(missing)) if stored and self._stored is not None else {}
            computed = [w for w in missing if w not in fresh]
            if computed:
                fresh.update(zip(computed, self.embedder.embed_array(computed), strict=True))
            with self._lock:
                if len(self._vectors) + len(fresh) > self._size:
                    self._vectors.clear()  # NOTE: rare (vocabulary churn); simpler than an LRU per word
                self._vectors.update(fresh)
        with self._lock:
            found = {w: self._vectors[w] for w in words if w in self._vectors}
        rows = [found[w] if w in found else self.embedder.embed_array([w])[0] for w in words]
        return np.stack(rows).astype(np.float32) if rows else np.zeros((0, 1), dtype=np.float32)


class TermTranslator:
    """Maps a question's content words onto one knowledge base's vocabulary (built per snapshot)."""

    def __init__(self, words: Sequence[str], vectors: WordVectors, *, known: frozenset[str] | None = None,
                 min_similarity: float = MIN_SIMILARITY) -> None:
        self._words = list(words)
        self._vectors = vectors
        self._matrix = vectors.of(self._words) if self._words else np.zeros((0, 1), dtype=np.float32)
        self._known = known if known is not None else frozenset(self._words)
        self._min_similarity = min_similarity

    def translate(self, question: str, language: str) -> str:
        """The question as the base's words, in the question's order ("" when none is found)."""
        stops = _unasked(language)
        words = [w for w in dict.fromkeys(_WORD.findall(question.lower()))
                 if fold(w) not in stops and (len(w) >= MIN_LETTERS or not w.isalpha())][:MAX_QUESTION_WORDS]
        # Numbers ("900", "e2") and the base's own words (names, cognates) are the same in every language.
        out: list[str | None] = [None if w.isalpha() and w not in self._known else w for w in words]
        unknown = [i for i, w in enumerate(out) if w is None]
        if unknown and self._words:
            similarity = self._vectors.of([words[i] for i in unknown], stored=False) @ self._matrix.T
            best = np.argmax(similarity, axis=1)
            for row, i in enumerate(unknown):
                if similarity[row, best[row]] >= self._min_similarity:
                    out[i] = self._words[int(best[row])]
        return " ".join(dict.fromkeys(w for w in out if w))
