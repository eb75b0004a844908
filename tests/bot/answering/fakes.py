"""Fakes the answering tests share."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from knowledge_base import lexical


class BagOfWords:
    """Content-word counts hashed into 64 dimensions: a text without a word the other lacks moves closer to it.

    Stands in for the offline embedder where only its word overlap matters (the yes/no check's drop).
    """

    def __init__(self) -> None:
        self.calls = 0

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in lexical.terms(text):
                out[row, sum(map(ord, word)) % 64] += 1.0
        return out
