"""Late interaction: MaxSim on token vectors re-ranks the first two documents only where search is unsure."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from kb_fakes import FakeEmbeddings

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.late_interaction import (
    LateInteraction,
    TokenVectors,
    content_mask,
    document_maxsim,
    maxsim,
    question_tokens,
)
from knowledge_base.service import build_knowledge_base

_WORD = re.compile(r"[a-z0-9]+")


class TokenFake(FakeEmbeddings):
    """The bag-of-words fake, plus one one-hot token vector a word; every token of a text holding the
    word `blur` gets a vector no question token matches (what the pooled vectors miss, token by token)."""

    def __init__(self, blur: str | None = None) -> None:
        super().__init__()
        self.blur = blur

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        out = []
        for text in texts:
            words = list(_WORD.finditer(text.lower()))
            vectors = np.zeros((len(words), 65), np.float32)
            blurred = self.blur is not None and self.blur in text.lower()
            for i, m in enumerate(words):
                digest = hashlib.blake2b(m.group().encode(), digest_size=4).digest()
                vectors[i, 64 if blurred else int.from_bytes(digest, "little") % 64] = 1
            out.append(TokenVectors(vectors=vectors, starts=np.asarray([m.start() for m in words], np.int32)))
        return out


def one_hot(*dims: int) -> np.ndarray:
    out = np.zeros((len(dims), 4), np.float32)
    out[np.arange(len(dims)), dims] = 1
    return out


def test_maxsim_is_the_mean_of_each_question_tokens_best_match() -> None:
    question = one_hot(0, 1)
    assert maxsim(question, one_hot(0, 2, 3)) == pytest.approx(0.5)
    assert maxsim(question, one_hot(1, 0)) == pytest.approx(1.0)
    assert maxsim(question, one_hot()[:0]) == -1.0


def test_a_document_scores_its_best_chunk_and_is_unknown_when_a_chunk_lacks_vectors() -> None:
    question = one_hot(0, 1)
    assert document_maxsim(question, [one_hot(2), one_hot(0, 1)]) == pytest.approx(1.0)
    assert document_maxsim(question, [one_hot(0, 1), None]) is None
    assert document_maxsim(question, []) is None


def test_only_content_words_of_the_question_count() -> None:
    text = "how do I renew a loan"
    starts = np.asarray([m.start() for m in _WORD.finditer(text.lower())])
    assert content_mask(text, starts).tolist() == [False, False, False, True, False, True]
    vectors = np.eye(6, dtype=np.float32)
    assert question_tokens(text, TokenVectors(vectors, starts)).tolist() == [vectors[3].tolist(), vectors[5].tolist()]
    # A question of stop words only keeps every token rather than none.
    only_stop = "how do I"
    stop_starts = np.asarray([m.start() for m in _WORD.finditer(only_stop.lower())])
    assert len(question_tokens(only_stop, TokenVectors(np.eye(3, dtype=np.float32), stop_starts))) == 3


def test_the_pair_moves_around_its_mean_only_inside_the_band() -> None:
    late = LateInteraction(weight=2.0, band=0.05)
    assert late.applies(0.04) and not late.applies(0.05)
    assert not LateInteraction(weight=0.0, band=0.05).applies(0.0)
    assert late.adjustments([0.7, 0.5]) == pytest.approx((0.2, -0.2))
    assert late.adjustments([0.7, None]) is None


DOCS = {
    "lockers.md": "# Parcel lockers\n\nCollect a parcel from a locker with the code we text you.",
    "pickup.md": "# Depot pickup\n\nA parcel can be fetched at the depot with photo ID.",
}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def first(tmp_path: Path, docs: Path, embedder: TokenFake, **late: float) -> tuple[str, float]:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / f"data-{len(list(tmp_path.iterdir()))}",
                                     collection="kb-late", **late)  # type: ignore[arg-type]
    kb = build_knowledge_base(settings, embedder=embedder)
    try:
        kb.sync(docs)
        hit = kb.search("where do I collect my parcel?").hits
        return hit[0].document_id, hit[0].score
    finally:
        kb.close()


def test_search_reranks_the_first_two_by_token_match_and_falls_back_without_token_vectors(
        tmp_path: Path, docs: Path) -> None:
    shipped, _ = first(tmp_path, docs, TokenFake())
    assert shipped == "lockers.md"
    blur_lockers = TokenFake(blur="locker")  # token by token, the lockers page matches nothing
    wide = {"late_interaction_weight": 100.0, "late_interaction_band": 10.0}
    swapped, order_only = first(tmp_path, docs, blur_lockers, **wide)
    assert swapped == "pickup.md"
    # Moving the scores too makes the new first document's lead (and so its calibrated score) the token
    # match's, not the lead search gave the pair.
    moved, moved_score = first(tmp_path, docs, blur_lockers, **wide, late_interaction_move_lead=True)
    assert moved == "pickup.md" and moved_score > order_only
    assert first(tmp_path, docs, blur_lockers, late_interaction_weight=0.0)[0] == "lockers.md"
    assert first(tmp_path, docs, blur_lockers, late_interaction_weight=100.0, late_interaction_band=0.0)[0] \
        == "lockers.md"  # outside the band: untouched
    plain = FakeEmbeddings()  # no token vectors at all: the shipped ranking, no error
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "plain", collection="kb-late", **wide)
    kb = build_knowledge_base(settings, embedder=plain)
    try:
        kb.sync(docs)
        assert kb.search("where do I collect my parcel?").hits[0].document_id == "lockers.md"
    finally:
        kb.close()
