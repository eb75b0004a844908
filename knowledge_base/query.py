"""Query normalisation before search: contractions written without apostrophes, and typos of words
the knowledge base uses.

Customers write "whats", "dont", "cant" and "recieve"; the embedder's vocabulary splits such
words into pieces that mean little, and keyword matching misses them. Only words that neither the
knowledge base nor the embedder's vocabulary knows are touched, and a typo is corrected only to a
knowledge-base word one edit away when exactly one such word is the most frequent candidate, so a
correct rare word is never rewritten.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

# Contractions as customers type them, without the apostrophe (with it the embedder reads them well).
CONTRACTIONS = {
    "whats": "what is", "thats": "that is", "theres": "there is", "wheres": "where is", "hows": "how is",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "cant": "cannot", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not",
    "wont": "will not", "im": "i am", "ive": "i have", "youre": "you are", "youve": "you have",
    "theyre": "they are", "weve": "we have", "shes": "she is", "hes": "he is", "itll": "it will",
    "u": "you", "ur": "your", "pls": "please", "plz": "please",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
MIN_TYPO_LENGTH = 5  # shorter words have too many neighbours one edit away


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Norvig's set)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


class QueryNormaliser:
    """Rewrites an English query with the vocabulary of one knowledge base (rebuilt with its snapshot)."""

    def __init__(self, vocabulary: Mapping[str, int], *, fold: Callable[[str], str] = lambda w: w,
                 known: Callable[[str], bool] = lambda _w: False) -> None:
        """Args:
            vocabulary: the knowledge base's terms and how many texts use each.
            fold: how a word becomes a term of `vocabulary` (e.g. plural folding).
            known: words a query may use as they are although the knowledge base does not
                (the embedder's own vocabulary).
        """
        self._vocabulary = vocabulary
        self._fold = fold
        self._known = known

    def normalise(self, query: str) -> str:
        """`query` with contractions expanded and typos of knowledge-base words corrected."""
        text = query.translate(_CURLY)
        return _WORD.sub(lambda m: self._word(m.group(0)), text)

    def _word(self, word: str) -> str:
        lower = word.lower()
        if lower in CONTRACTIONS:
            return CONTRACTIONS[lower]
        if len(lower) < MIN_TYPO_LENGTH or self._fold(lower) in self._vocabulary or self._known(lower):
            return word
        fixed = self._correction(lower)
        return fixed if fixed is not None else word

    def _correction(self, word: str) -> str | None:
        best: dict[str, tuple[int, str]] = {}  # term -> (texts using it, the shortest spelling one edit away)
        for candidate in _edits1(word):
            term = self._fold(candidate)
            count = self._vocabulary.get(term)
            if count is not None and (term not in best or len(candidate) < len(best[term][1])):
                best[term] = (count, candidate)
        ranked = sorted(best.values(), key=lambda c: -c[0])
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return ranked[0][1]


def known_words(tokenizer_json: Path) -> frozenset[str]:
    """The whole words of a WordPiece tokenizer's vocabulary (about 20,000 common English words)."""
    vocab = json.loads(tokenizer_json.read_text(encoding="utf-8")).get("model", {}).get("vocab", {})
    return frozenset(w for w in vocab if w.isalpha() and not w.startswith("##"))
