"""Late interaction: re-rank the first two documents by how well the question's words match theirs token by token.

Search ranks documents on pooled sentence vectors and keyword figures. Where its first document leads the
second by less than `band` (in the learned ranking's score), the two are re-scored with MaxSim on MiniLM's
contextual token vectors (ColBERT-style, no training): for each content token of the question (a token of a
word `lexical.terms` keeps), its best cosine to any token of a chunk (title, section path and text, as
embedded), averaged over those tokens (`ms_content`), the document's best chunk counting. Each of the two
gets `weight` times its difference from the pair's mean MaxSim; where that reverses the pair, the two swap
places and scores (`move_lead` False: the first document's lead is the one search gave), or with
`move_lead` their scores keep the moves (the lead, which the calibrated score reads, follows the token
match). The third document onwards is untouched. A document whose token vectors are missing (none stored,
newer than the snapshot, an embedder without token vectors) leaves the pair as search ranked it.

Off by default (weight 0): measured end to end it did not pay enough to ship (docs/DECISIONS.md).

Measured in docs/DECISIONS.md, "Late interaction on token vectors" (`benchmarks/late_interaction.py`,
`benchmarks/late_rerank_fit.py`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge_base.lexical import terms

_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # the lexical index's word pattern


@dataclass(frozen=True)
class TokenVectors:
    """A text's contextual token vectors (unit rows) and the character offset each token starts at."""

    vectors: np.ndarray  # (tokens, dim) float32
    starts: np.ndarray  # (tokens,) int


@dataclass(frozen=True)
class LateInteraction:
    """When and how much the token match moves the first two documents (0 weight: never)."""

    weight: float
    band: float
    # False: only the order follows the token match (a swapped pair swaps its scores, so the first
    # document's lead is the one search gave); True: the scores move too (the lead grows or shrinks).
    move_lead: bool = False

    def applies(self, lead: float) -> bool:
        return self.weight > 0 and lead < self.band

    def adjustments(self, scores: Sequence[float | None]) -> tuple[float, float] | None:
        """What to add to the first two documents' ranking scores, given their MaxSim (None: not known)."""
        if len(scores) < 2 or scores[0] is None or scores[1] is None:
            return None
        mean = (scores[0] + scores[1]) / 2
        return self.weight * (scores[0] - mean), self.weight * (scores[1] - mean)


def content_mask(text: str, starts: np.ndarray) -> np.ndarray:
    """Per token of `text`: whether it starts inside a content word (`lexical.terms` keeps the word)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text.lower()) if terms(m.group())]
    mask = np.zeros(len(starts), bool)
    for i, s in enumerate(starts):
        mask[i] = any(a <= s < b for a, b in spans)
    return mask


def question_tokens(text: str, tokens: TokenVectors) -> np.ndarray:
    """The question's token vectors that count: its content words' tokens (every token when it has none)."""
    mask = content_mask(text, tokens.starts)
    return tokens.vectors[mask] if mask.any() else tokens.vectors


def maxsim(question: np.ndarray, passage: np.ndarray) -> float:
    """Mean over the question's token vectors of their best cosine with any of the passage's."""
    if len(question) == 0 or len(passage) == 0:
        return -1.0
    return float((question @ passage.T).max(axis=1).mean())


def document_maxsim(question: np.ndarray, chunks: Sequence[np.ndarray | None]) -> float | None:
    """The document's best chunk by MaxSim; None when any chunk's vectors are missing."""
    if not chunks or any(c is None for c in chunks):
        return None
    return max(maxsim(question, c) for c in chunks if c is not None)


ChunkTokens = Callable[[Sequence[int]], list[np.ndarray | None]]  # snapshot chunk rows -> token vectors (or None)
