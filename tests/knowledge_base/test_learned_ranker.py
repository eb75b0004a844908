"""The learned ranker: its pinned weights file, its features, and what it changes in a real search."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge_base import learned_ranker
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.embeddings import LocalMiniLMEmbeddings
from knowledge_base.learned_ranker import RANKER_PATH, LearnedRanker, RankerUnavailable
from knowledge_base.rank_features import FEATURES, LENGTH_SATURATES, candidate_features, question_length
from knowledge_base.ranking import Candidate, margin
from knowledge_base.search import Searcher
from knowledge_base.service import build_knowledge_base


def test_the_shipped_weights_load_with_their_pinned_hash() -> None:
    ranker = LearnedRanker.load()
    model = json.loads(RANKER_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURES
    assert ranker.weights == tuple(model["weights"])
    assert any(w != 0.0 for w in ranker.weights)


def test_a_changed_weights_file_is_refused(tmp_path: Path) -> None:
    model = json.loads(RANKER_PATH.read_text(encoding="utf-8"))
    model["weights"][0] += 0.5
    tampered = tmp_path / "ranker.json"
    tampered.write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(RankerUnavailable, match="sha256"):
        LearnedRanker.load(tampered)
    with pytest.raises(RankerUnavailable, match="not found"):
        LearnedRanker.load(tmp_path / "missing.json")


def test_weights_for_other_features_are_refused_even_when_pinned(tmp_path: Path) -> None:
    import hashlib

    other = tmp_path / "ranker.json"
    other.write_text(json.dumps({"features": ["title_x_length"], "weights": [0.1]}), encoding="utf-8")
    with pytest.raises(RankerUnavailable, match="features"):
        LearnedRanker.load(other, sha256=hashlib.sha256(other.read_bytes()).hexdigest())


def test_a_searcher_is_not_made_on_a_changed_weights_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tampered = tmp_path / "ranker.json"
    tampered.write_bytes(RANKER_PATH.read_bytes() + b" ")
    monkeypatch.setattr(learned_ranker, "RANKER_PATH", tampered)
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="ranker-test")
    with pytest.raises(RankerUnavailable):
        Searcher(index=None, embedder=None, settings=settings)  # type: ignore[arg-type]  # refused before use


def test_question_length_saturates_and_ignores_function_words() -> None:
    assert question_length("what is the") == 0.0
    assert question_length("refund refunds") == 1 / LENGTH_SATURATES
    assert question_length(" ".join(f"word{i}" for i in range(30))) == 1.0


def test_features_are_in_their_declared_order() -> None:
    table = candidate_features(np.array([0.5, 0.2]), np.array([0.4, 0.9]), np.array([0.0, 1.0]),
                               np.array([0.6, 0.8]), 0.5)
    assert table.shape == (2, len(FEATURES))
    np.testing.assert_allclose(table, [[0.25, 0.2, 0.0, 0.3], [0.1, 0.45, 1.0, 0.4]])
    assert LearnedRanker(weights=(1.0, 0.0, -1.0, 0.5)).adjustment(table).tolist() == pytest.approx([0.4, -0.7])


# A fictional bike shop's help pages and a forum thread by customers (our own text).
OFFICIAL = """---
title: Tyre punctures
---
# Tyre punctures

A flat tyre? Bring the bike to any of our workshops and we fix a punctured inner tube while you wait,
for 12 euros.
Tubeless tyres are resealed for 15 euros.
"""
COMMUNITY = """---
title: Forum - flat tyre again
trust: community
---
# flat tyre again

Posted by a rider: I got a flat tyre on the way to work again. Anyone know a good fix? Reply: I patch mine at home.
"""
OTHER = """---
title: Opening hours
---
# Opening hours

The workshops open Monday to Saturday from 9:00 to 18:00.
"""


@pytest.fixture(scope="module")
def minilm() -> LocalMiniLMEmbeddings:
    return LocalMiniLMEmbeddings()


def test_an_official_article_comes_before_a_forum_thread_that_matches_as_well(
        tmp_path: Path, minilm: LocalMiniLMEmbeddings) -> None:
    docs = tmp_path / "docs"
    (docs / "community").mkdir(parents=True)
    (docs / "tyre-punctures.md").write_text(OFFICIAL, encoding="utf-8")
    (docs / "community" / "flat-tyre-thread.md").write_text(COMMUNITY, encoding="utf-8")
    (docs / "opening-hours.md").write_text(OTHER, encoding="utf-8")
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="ranker-test")
    kb = build_knowledge_base(settings, embedder=minilm)
    try:
        kb.sync(docs)
        question = "flat tyre on my bike, help"
        learned = Searcher(index=kb.index, embedder=minilm, settings=settings)
        hand_tuned = Searcher(index=kb.index, embedder=minilm, settings=settings,
                              ranker=LearnedRanker(weights=(0.0,) * len(FEATURES)))
        assert hand_tuned.search(question).hits[0].document_id == "community/flat-tyre-thread.md"
        hits = learned.search(question).hits
        assert [h.document_id for h in hits[:2]] == ["tyre-punctures.md", "community/flat-tyre-thread.md"]
        # The overturned first document is scored with its lead in the learned ranking: above what it
        # scored second in the hand-tuned one, where a margin of 0 left it there.
        signals = {str(s["document_id"]): s for s in learned.explain(question)}
        first = signals["tyre-punctures.md"]
        lead = float(first["ranking"]) - float(signals["community/flat-tyre-thread.md"]["ranking"])
        assert float(first["margin"]) == pytest.approx(lead) and lead > 0
        level = float(first["level"])
        assert hits[0].score == pytest.approx(learned.calibration.score(float(first["raw"]), level, lead), abs=1e-6)
        assert hits[0].score > learned.calibration.score(float(first["raw"]), level, 0.0)
        for agreed in ("when do the workshops open on saturday", "how much is a puncture repair"):
            before, after = hand_tuned.search(agreed).hits[0], learned.search(agreed).hits[0]
            assert before.document_id == after.document_id
    finally:
        kb.close()


def _candidate(doc: str, base: float, raw: float) -> Candidate:
    return Candidate(row=0, document_id=doc, chunk=0.0, title=0.0, coverage=0.0, matches=[], raw=raw, base=base)


def test_the_first_documents_margin_is_its_lead_in_the_ranking_that_chose_it() -> None:
    # The learned ranker overturned the hand-tuned first ("b", base 0.60): "a" leads by 0.05 in the
    # ranking that ordered them. Its margin was the hand-tuned one floored at 0, so it scored below "b".
    ranked = [_candidate("a", base=0.55, raw=0.70), _candidate("b", base=0.60, raw=0.65), _candidate("c", 0.3, 0.3)]
    assert margin(ranked, 0, level=0.4) == pytest.approx(0.05)
    assert margin(ranked, 1, level=0.4) == pytest.approx(-0.05)
    assert margin(ranked, 2, level=0.4) == pytest.approx(-0.40)
    # Without a learned ranker raw is the hand-tuned mix, so the margin is what it always was.
    plain = [_candidate("b", 0.60, 0.60), _candidate("a", 0.55, 0.55)]
    assert margin(plain, 0, level=0.4) == pytest.approx(0.05)
    assert margin([_candidate("a", 0.55, 0.70)], 0, level=0.4) == pytest.approx(0.15)  # one document: its gap
