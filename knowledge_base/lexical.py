"""Keyword signals over chunk text, in memory and vectorised: BM25 and idf-weighted query coverage."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Function words carry no topic; dropping them keeps postings short and coverage meaningful.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being do does did
    doing have has had having i me my mine we us our ours you your yours he him his she her hers it its they
    them their theirs this that these those what which who whom whose how why when where can could should
    would will shall may might must not no nor so than then there here about into onto over under again
    further just also very too any all each some such only own same other more most few both s t d ll m re ve
    don doesn isn aren wasn weren hasn haven hadn won wouldn shouldn couldn mustn didn cannot get got
    please hi hello thanks thank want need like know tell let lets im ive id youre""".split()
)


def normalise(word: str) -> str:
    """A light plural folding (`orders` -> `order`, `policies` -> `policy`), no full stemmer."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of `text`: lower case, no stop words, plural-folded."""
    return [normalise(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


@dataclass(frozen=True)
class _Posting:
    rows: np.ndarray  # int32 chunk rows containing the term
    bm25: np.ndarray  # float32 BM25 term weight in each row (idf included)
    idf: float


class LexicalIndex:
    """An inverted index over a fixed list of texts (rebuilt, not updated, when the index changes)."""

    def __init__(self, texts: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(texts)
        counts: dict[str, tuple[list[int], list[int]]] = {}
        lengths = np.zeros(self.size, dtype=np.float32)
        for row, text in enumerate(texts):
            words = terms(text)
            lengths[row] = len(words)
            tf: dict[str, int] = {}
            for w in words:
                tf[w] = tf.get(w, 0) + 1
            for w, c in tf.items():
                rows, cs = counts.setdefault(w, ([], []))
                rows.append(row)
                cs.append(c)
        avg = float(lengths.mean()) if self.size and lengths.mean() > 0 else 1.0
        self.max_idf = math.log(1.0 + (self.size + 0.5) / 0.5)
        self._postings: dict[str, _Posting] = {}
        for w, (rows, cs) in counts.items():
            r = np.asarray(rows, dtype=np.int32)
            tf_arr = np.asarray(cs, dtype=np.float32)
            idf = math.log(1.0 + (self.size - len(rows) + 0.5) / (len(rows) + 0.5))
            norm = k1 * (1.0 - b + b * lengths[r] / avg)
            self._postings[w] = _Posting(r, (idf * tf_arr * (k1 + 1.0) / (tf_arr + norm)).astype(np.float32), idf)

    def coverage(self, query: str) -> np.ndarray:
        """Per text, the share of the query's idf mass it contains (0..1); unknown words count fully.

        Unlike raw BM25 this is comparable across queries and knowledge bases, so it can feed a
        calibrated score.
        """
        out = np.zeros(self.size, dtype=np.float32)
        total = 0.0
        for w in set(terms(query)):
            posting = self._postings.get(w)
            if posting is None:
                total += self.max_idf
                continue
            out[posting.rows] += posting.idf
            total += posting.idf
        return out / total if total > 0 else out

    def bm25(self, query: str) -> np.ndarray:
        """Classic BM25 per text (for ranking studies; search uses `coverage`)."""
        out = np.zeros(self.size, dtype=np.float32)
        for w in set(terms(query)):
            posting = self._postings.get(w)
            if posting is not None:
                out[posting.rows] += posting.bm25
        return out
