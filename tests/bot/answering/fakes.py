"""Fakes the answering tests share."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from knowledge_base import lexical
from knowledge_base.static_tokens import StaticTokenVectors

_PIECE = re.compile(r"[^\W_]+")


class BagOfWords:
    """Content-word counts hashed into 64 dimensions: a text without a word the other lacks moves closer to it.

    Stands in for the offline embedder where only its word overlap matters (the yes/no check's drop).
    """

    def __init__(self) -> None:
        self.calls = 0
        self._table = StaticTokenVectors(np.eye(WordPieces.SIZE, dtype=np.int8) * 100, WordPieces())

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in lexical.terms(text):
                out[row, sum(map(ord, word)) % 64] += 1.0
        return out

    def static_tokens(self) -> StaticTokenVectors:
        """A word-piece table where a word matches only itself (one piece per word, hashed)."""
        return self._table


@dataclass
class _Encoding:
    ids: list[int]
    offsets: list[tuple[int, int]]


class WordPieces:
    """A tokenizer of one piece per lower-cased word, its id the word hashed into `SIZE` rows."""

    SIZE = 97

    def encode(self, text: str, add_special_tokens: bool = False) -> _Encoding:
        words = list(_PIECE.finditer(text.lower()))
        return _Encoding([sum(map(ord, m.group())) % self.SIZE for m in words], [m.span() for m in words])
