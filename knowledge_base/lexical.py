"""Keyword signals over chunk text, in memory and vectorised: idf-weighted query coverage and unknown words."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import numpy as np

PREFIX = 5  # letters two words must share to count as variants of one another (unknown_share)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Function words carry no topic; dropping them keeps postings short and coverage meaningful.
STOPWORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has",
    "had", "having", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
    "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these",
    "those", "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "can", "could", "should",
    "would", "will", "shall", "may", "might", "must", "not", "no", "nor", "so", "than", "then", "there",
    "here", "about", "into", "onto", "over", "under", "again", "further", "just", "also", "very", "too", "any",
    "all", "each", "some", "such", "only", "own", "same", "other", "more", "most", "few", "both", "s", "t",
    "d", "ll", "m", "re", "ve", "don", "doesn", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn", "won",
    "wouldn", "shouldn", "couldn", "mustn", "didn", "cannot", "get", "got", "please", "hi", "hello", "thanks",
    "thank", "want", "need", "like", "know", "tell", "let", "lets", "im", "ive", "id", "youre",
])


def normalise(word: str) -> str:
    """A light plural folding (`orders` -> `order`, `policies` -> `policy`), no full stemmer."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _term(word: str) -> str | None:
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        return None
    return normalise(word)


# NOTE: a turn reads the question's terms three times (keyword coverage, the ranker's question length,
# answerability's held shares), each of its words alone and the shown section once more, and the next turns
# read the same sections again; a bounded memo of this pure function (1,024 texts of at most `MEMO_CHARS`:
# ~15 MB if every one were that long, mostly questions and words) makes a repeat one lookup. Callers get a
# fresh list.
MEMO_CHARS = 2000


def terms(text: str, memo: dict[str, str | None] | None = None) -> list[str]:
    """Content words of `text`: lower case, no stop words, plural-folded (`memo` speeds up bulk use)."""
    if memo is None:
        return list(_terms(text)) if len(text) <= MEMO_CHARS else _terms_of(text)
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        term = memo.get(word, "")
        if term == "":
            term = memo[word] = _term(word)
        if term is not None:
            out.append(term)
    return out


@functools.lru_cache(maxsize=1024)
def _terms(text: str) -> tuple[str, ...]:
    """`_terms_of`, remembered (a tuple, so no caller can change what the next one gets)."""
    return tuple(_terms_of(text))


def _terms_of(text: str) -> list[str]:
    """The content terms of `text`, computed afresh."""
    return [t for t in map(_term, _WORD.findall(text.lower())) if t is not None]


class LexicalIndex:
    """An inverted index over a fixed list of texts (rebuilt, not updated, when the index changes).

    Postings live in three flat numpy arrays sorted by term, so building and querying stay
    vectorised even at 100,000 chunks.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        vocab: dict[str, int] = {}
        word_ids: dict[str, int] = {}  # raw word -> term id, -1 for a stop word

        def word_id(word: str) -> int:
            term = _term(word)
            tid = -1 if term is None else vocab.setdefault(term, len(vocab))
            word_ids[word] = tid
            return tid

        term_ids: list[int] = []
        lengths = np.zeros(self.size, dtype=np.float32)
        for row, text in enumerate(texts):
            ids = [word_ids[w] if w in word_ids else word_id(w) for w in _WORD.findall(text.lower())]
            ids = [i for i in ids if i >= 0]
            lengths[row] = len(ids)
            term_ids.extend(ids)
        rows = np.repeat(np.arange(self.size, dtype=np.int64), lengths.astype(np.int64))
        keys = np.unique(np.asarray(term_ids, dtype=np.int64) * max(self.size, 1) + rows)
        post_terms = keys // max(self.size, 1)
        self._rows = (keys % max(self.size, 1)).astype(np.int32)
        bounds = np.searchsorted(post_terms, np.arange(len(vocab) + 1))
        self._vocab = vocab
        self._prefixes = frozenset(t[:PREFIX] for t in vocab if len(t) >= PREFIX)
        self._start = bounds[:-1]
        self._end = bounds[1:]
        df = (self._end - self._start).astype(np.float64)
        self._idf = np.log1p((self.size - df + 0.5) / (df + 0.5))
        self.max_idf = math.log(1.0 + (self.size + 0.5) / 0.5)

    def arrays(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """The terms in id order and the postings arrays, to save (`from_arrays` maps them back)."""
        terms_by_id = sorted(self._vocab, key=self._vocab.__getitem__)
        return terms_by_id, {"rows": self._rows, "start": self._start, "end": self._end, "idf": self._idf}

    @classmethod
    def from_arrays(cls, size: int, terms_by_id: Sequence[str], arrays: dict[str, np.ndarray]) -> LexicalIndex:
        """An index over `size` texts from saved arrays (memory-mapped ones stay mapped): no text is read."""
        index = cls.__new__(cls)
        index.size = size
        index._vocab = {term: tid for tid, term in enumerate(terms_by_id)}
        index._prefixes = frozenset(t[:PREFIX] for t in terms_by_id if len(t) >= PREFIX)
        index._rows, index._start, index._end, index._idf = (arrays[k] for k in ("rows", "start", "end", "idf"))
        index.max_idf = math.log(1.0 + (size + 0.5) / 0.5)
        return index

    def frequencies(self) -> dict[str, int]:
        """Each indexed term and how many texts use it (the vocabulary queries are corrected to)."""
        df = (self._end - self._start).tolist()
        return {term: int(df[tid]) for term, tid in self._vocab.items()}

    def idf(self, term: str) -> float | None:
        """The inverse document frequency of an indexed `term` (see `terms`), None when no text uses it."""
        tid = self._vocab.get(term)
        return None if tid is None else float(self._idf[tid])

    def unknown_share(self, query: str) -> float:
        """The idf-weighted share of the query's content words that occur nowhere in the texts.

        A question whose answer is missing usually names things (products, places, features) the
        base never mentions; a paraphrase of a covered question mostly reuses its words. A word
        counts as known when its first `PREFIX` letters start some indexed word (`cancelling`
        ~ `cancelled`), a cheap stand-in for stemming.
        """
        unknown = total = 0.0
        for w in set(terms(query)):
            tid = self._vocab.get(w)
            if tid is not None:
                total += float(self._idf[tid])
            elif len(w) >= PREFIX and w[:PREFIX] in self._prefixes:
                total += self.max_idf / 2  # a variant of a known word: rare-ish, but known
            else:
                unknown += self.max_idf
                total += self.max_idf
        return unknown / total if total > 0 else 0.0

    def _posting(self, word: str) -> tuple[np.ndarray, float] | None:
        tid = self._vocab.get(word)
        if tid is None:
            return None
        return self._rows[self._start[tid]:self._end[tid]], float(self._idf[tid])

    def coverage(self, query: str) -> np.ndarray:
        """Per text, the share of the query's idf mass it contains (0..1); unknown words count fully.

        Unlike raw BM25 this is comparable across queries and knowledge bases, so it can feed a
        calibrated score.
        """
        out = np.zeros(self.size, dtype=np.float32)
        total = 0.0
        for w in set(terms(query)):
            posting = self._posting(w)
            if posting is None:
                total += self.max_idf
                continue
            out[posting[0]] += posting[1]
            total += posting[1]
        return out / total if total > 0 else out
