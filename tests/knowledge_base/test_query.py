"""Query normalisation: contractions typed without apostrophes, typos of the knowledge base's words."""
from __future__ import annotations

from knowledge_base.lexical import normalise
from knowledge_base.query import QueryNormaliser, known_words

VOCABULARY = {"password": 4, "receive": 3, "refund": 5, "invoice": 6, "parcel": 2, "parcels": 1, "courier": 2,
              "statement": 2, "statements": 1}


def normaliser() -> QueryNormaliser:
    return QueryNormaliser(VOCABULARY, fold=normalise, known=frozenset({"kettle", "descale", "hello"}).__contains__)


def test_contractions_without_apostrophes_are_expanded() -> None:
    assert normaliser().normalise("whats the fee, i dont know") == "what is the fee, i do not know"
    assert normaliser().normalise("Im locked out") == "i am locked out"


def test_a_typo_one_edit_from_a_knowledge_base_word_is_corrected() -> None:
    assert normaliser().normalise("forgot my pasword") == "forgot my password"
    assert normaliser().normalise("didnt recieve the parcell") == "did not receive the parcel"


def test_words_the_base_or_the_embedder_knows_and_short_words_are_left_alone() -> None:
    text = "descale the kettle, my invoices and refunds, tv box"
    assert normaliser().normalise(text) == text


def test_an_ambiguous_correction_is_not_made() -> None:
    tied = QueryNormaliser({"parts": 2, "party": 2}, known=lambda _w: False)
    assert tied.normalise("partx") == "partx"


def test_the_embedders_vocabulary_has_common_words_but_no_word_pieces() -> None:
    from knowledge_base.embeddings import TOKENIZER_PATH

    words = known_words(TOKENIZER_PATH)
    assert {"receive", "kettle", "password"} <= words
    assert not any(w.startswith("##") for w in words)


def test_search_corrects_a_typo_before_ranking_and_reports_coverage(tmp_path) -> None:
    from kb_fakes import FakeEmbeddings

    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.service import build_knowledge_base

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "login.md").write_text("# Sign-in help\n\nUse the forgot password link to choose a new password.\n")
    (docs / "delivery.md").write_text("# Delivery\n\nCouriers deliver parcels on weekdays.\n")
    embedder = FakeEmbeddings()
    kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="typos"), embedder=embedder)
    try:
        kb.sync(docs)
        result = kb.search("forgot pasword")
        assert embedder.queries[-1] == "forgot password"
        assert result.hits[0].document_id == "login.md"
        assert result.hits[0].coverage == 1.0  # both content words are in the passage
        assert result.language == "" and not result.cross_lingual  # no cross-lingual vectors: nothing detected
    finally:
        kb.close()
