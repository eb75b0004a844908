"""MiniLM's input word-piece vectors, read from the pinned model's weights: a word match that knows
near-synonyms and costs no model run.

The embedding model's first layer is a table of one vector per word piece (30,522 x 384, stored as int8
rows with a scale each). Two word pieces whose rows point the same way are used alike in the text the
model learnt from ("refund" and "refunds", "parcel" and "package"); the cosine of two rows is a soft
version of "the same word". The table is kept as it is stored (int8, ~12 MB) with each row's inverse
length, and only the rows a text uses are turned into unit vectors (the per-row scale cancels out).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge_base.errors import EmbedderUnavailable

WORD_EMBEDDINGS = "inner.embeddings.word_embeddings.weight_q"  # the pinned graph's int8 word-piece table


@dataclass(frozen=True)
class Pieces:
    """A text's word pieces (special tokens dropped): their ids and the character each starts at."""

    ids: np.ndarray  # (n,) int
    starts: np.ndarray  # (n,) int


class StaticTokenVectors:
    """The word-piece table and the tokenizer that indexes it."""

    def __init__(self, codes: np.ndarray, tokenizer: Any) -> None:
        self._codes = codes
        norms = np.linalg.norm(codes.astype(np.float32), axis=1)
        self._inverse = (1.0 / np.maximum(norms, 1e-12)).astype(np.float32)
        self._tokenizer = tokenizer

    @classmethod
    def from_model(cls, model: bytes, tokenizer: Any) -> StaticTokenVectors:
        """From the pinned ONNX model's bytes (checked by the caller) and its tokenizer.

        Raises:
            EmbedderUnavailable: the graph has no int8 word-piece table of the tokenizer's size.
        """
        import onnx
        from onnx import numpy_helper

        graph = onnx.load_from_string(model).graph
        for initializer in graph.initializer:
            if initializer.name == WORD_EMBEDDINGS:
                codes = numpy_helper.to_array(initializer)
                if codes.ndim == 2 and codes.shape[0] == tokenizer.get_vocab_size():
                    return cls(codes, tokenizer)
        raise EmbedderUnavailable(f"the embedding model has no word-piece table {WORD_EMBEDDINGS!r}")

    def pieces(self, text: str) -> Pieces:
        enc = self._tokenizer.encode(text, add_special_tokens=False)
        return Pieces(np.asarray(enc.ids, dtype=np.int64), np.asarray([o[0] for o in enc.offsets], dtype=np.int64))

    def vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Unit vectors of the word pieces `ids` (float32, one row each)."""
        index = np.asarray(ids, dtype=np.int64)
        return self._codes[index].astype(np.float32) * self._inverse[index, None]
