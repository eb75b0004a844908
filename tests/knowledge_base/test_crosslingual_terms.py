"""A question in another language rewritten as the knowledge base's own words, and the two rankings fused."""
from __future__ import annotations

from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings, ToyCrossLingual

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.crosslingual_fusion import AGREED_THRESHOLD, FUSED_THRESHOLD, RANK_WEIGHT, USE_WEIGHT, fuse
from knowledge_base.crosslingual_terms import (
    MAX_QUESTION_WORDS,
    TermTranslator,
    WordVectors,
    stop_words,
    vocabulary,
)
from knowledge_base.crosslingual_texts import CrossLingualTexts
from knowledge_base.results import DocumentHit, Passage
from knowledge_base.service import KnowledgeBase, build_knowledge_base

# A toy multilingual space: a foreign word lands on its English twin's dimension.
_TWINS = {"reembolso": "refund", "remboursement": "refund", "contraseña": "password", "envío": "shipping",
          "tarjeta": "card", "días": "days", "gastos": "costs"}


class ToySpace(ToyCrossLingual):
    def __init__(self) -> None:
        super().__init__(_TWINS, dims=512, model_id="fake:toy-512")


VOCABULARY = {"refund": 3, "card": 2, "password": 2, "shipping": 4, "costs": 1, "stripe": 1, "days": 5, "of": 9}


def _translator(space: ToySpace | None = None) -> TermTranslator:
    words = vocabulary(VOCABULARY)
    return TermTranslator(words, WordVectors(space or ToySpace()), known=frozenset(VOCABULARY))


def test_vocabulary_is_the_base_s_words_most_used_first() -> None:
    assert vocabulary(VOCABULARY) == ["days", "shipping", "refund", "card", "password", "costs", "stripe"]
    assert vocabulary(VOCABULARY, limit=2) == ["days", "shipping"]  # "of" is too short to translate into


def test_stop_words_of_a_language_and_none_for_one_the_list_lacks() -> None:
    assert {"el", "de", "mi"} <= stop_words("es") and "reembolso" not in stop_words("es")
    assert {"le", "mon"} <= stop_words("fr")
    assert stop_words("xx") == frozenset()


def test_a_question_becomes_the_base_s_words_with_its_numbers_and_names_kept() -> None:
    english = _translator().translate("¿Cuántos días tarda el reembolso de mi tarjeta con Stripe 2026?", "es")
    assert english.split() == ["days", "refund", "card", "stripe", "2026"]  # in the question's order


def test_what_a_question_asks_with_is_not_translated_in_any_of_our_languages() -> None:
    """Interrogatives and modal verbs the stop lists miss ("cuánto" is listed only without its accent,
    "combien", "hoeveel" and Portuguese "quanto" not at all) used to become base words of their own."""
    twins = {**_TWINS, "cuánto": "amount", "combien": "count", "hoeveel": "amount", "quanto": "amount",
             "posso": "possible", "kosten": "costs"}
    words = vocabulary({**VOCABULARY, "amount": 4, "count": 3, "possible": 2})
    translator = TermTranslator(words, WordVectors(ToyCrossLingual(twins, dims=512)), known=frozenset(words))
    assert translator.translate("¿Cuánto tarda el reembolso?", "es") == "refund"
    assert translator.translate("Combien de jours pour le remboursement ?", "fr") == "refund"
    assert translator.translate("Hoeveel kosten de verzending?", "nl") == "costs"
    assert translator.translate("Quanto custa o reembolso? Posso pagar com tarjeta?", "es") == "refund card"


def test_a_word_with_no_near_match_is_dropped_not_guessed() -> None:
    assert _translator().translate("¿Hacéis descuentos a estudiantes?", "es") == ""


def test_the_base_s_words_are_embedded_once_across_snapshots() -> None:
    space = ToySpace()
    vectors = WordVectors(space)
    TermTranslator(vocabulary(VOCABULARY), vectors)
    embedded = len(space.texts)
    TermTranslator(vocabulary({**VOCABULARY, "warranty": 1}), vectors)  # the next snapshot: one new word
    assert embedded == 7 and space.texts[embedded:] == ["warranty"]


def test_a_long_message_translates_a_bounded_number_of_words() -> None:
    """Each unknown word is embedded: a long message of made-up words must not cost a second of CPU."""
    space = ToySpace()
    translator = _translator(space)
    before = len(space.texts)
    made_up = " ".join("palabra" + "".join("abcdefghij"[int(d)] for d in f"{n:03d}") for n in range(500))
    translator.translate(f"reembolso {made_up}", "es")
    assert len(space.texts) - before <= MAX_QUESTION_WORDS
    assert "refund" in translator.translate("reembolso " + made_up[:200], "es")


def _hit(doc: str, score: float, *chunks: str) -> DocumentHit:
    return DocumentHit(doc, doc, doc, None, score, [Passage(c, c, "", 0.5) for c in chunks])


def test_fusion_ranks_first_what_both_rankings_put_high() -> None:
    by_meaning = [_hit("a.md", 0.6, "a1"), _hit("b.md", 0.5, "b1")]
    by_words = [_hit("b.md", 0.7, "b2"), _hit("c.md", 0.65, "c1")]
    fused = fuse(by_meaning, by_words, k=5, weight=0.5)
    assert [h.document_id for h in fused] == ["b.md", "c.md", "a.md"]
    assert fused[0].score == pytest.approx(0.6) and fused[1].score == pytest.approx(0.325)
    assert [p.chunk_id for p in fused[0].passages] == ["b2", "b1"]  # both rankings' passages, the words' first
    assert len(fuse(by_meaning, by_words, k=2)) == 2


def test_the_first_document_leans_on_the_translated_words_and_keeps_the_even_score() -> None:
    """The translated words find the right document first more often than USE: they order the
    documents, while each keeps the even mix of its scores, which the thresholds judge."""
    by_meaning = [_hit("a.md", 0.9, "a1"), _hit("b.md", 0.2, "b1")]
    by_words = [_hit("b.md", 0.7, "b2"), _hit("a.md", 0.1, "a2")]
    fused = fuse(by_meaning, by_words, k=5)
    assert [h.document_id for h in fused] == ["b.md", "a.md"] and RANK_WEIGHT < USE_WEIGHT
    assert fused[0].score == pytest.approx(0.45) and fused[1].score == pytest.approx(0.5)
    assert [h.document_id for h in fuse(by_meaning, by_words, k=5, rank_weight=None)] == ["a.md", "b.md"]


def _write(docs: Path) -> Path:
    docs.mkdir(parents=True)
    (docs / "refunds.md").write_text("# Refund timing\n\nA refund takes 5 business days to reach your card.\n")
    (docs / "shipping.md").write_text("# Shipping costs\n\nShipping is free above 50 euros, else 4.90.\n")
    (docs / "password.md").write_text("# Reset your password\n\nUse the forgot password link on the login page.\n")
    return docs


def _filled(tmp_path: Path, collection: str, space: ToySpace) -> KnowledgeBase:
    """A knowledge base of the three articles, synced and with its cross-lingual vectors filled in."""
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection=collection)
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=space)
    kb.sync(_write(tmp_path / "docs"))
    kb.fill_cross_lingual()
    return kb


def test_a_foreign_question_is_searched_by_meaning_and_by_its_translated_words(tmp_path: Path) -> None:
    kb = _filled(tmp_path, "xl-terms", ToySpace())
    try:
        result = kb.search("¿Cuántos días tarda el reembolso en mi tarjeta?")
        assert result.cross_lingual and result.language == "es"
        assert {"refund", "card"} <= set(result.translated.split())
        assert result.hits[0].document_id == "refunds.md"
        alone = kb.search("¿Y mi contraseña olvidada entonces?")  # one word translated: a title match, not a question
        assert alone.cross_lingual and alone.translated == "" and alone.hits[0].document_id == "password.md"
        english = kb.search("how many days until the refund reaches my card?")
        assert not english.cross_lingual and english.translated == ""
    finally:
        kb.close()


def test_a_fused_result_says_the_threshold_it_was_decided_against(tmp_path: Path) -> None:
    """Rules that look below the threshold read `SearchResult.threshold`: on the fused path it is the
    agreed or the fused bar `answerable` used, not the bar of USE's ranking alone."""
    kb = _filled(tmp_path, "xl-threshold", ToySpace())
    try:
        result = kb.search("¿Cuántos días tarda el reembolso en mi tarjeta?")
        assert result.translated and result.hits
        assert result.threshold in (AGREED_THRESHOLD, FUSED_THRESHOLD)
        assert result.answerable == (result.hits[0].score >= result.threshold)
    finally:
        kb.close()


def _embedded_by_first_foreign_question(kb: KnowledgeBase, space: ToySpace) -> list[str]:
    before = len(space.texts)
    kb.search("¿Cuántos días tarda el reembolso en mi tarjeta?")
    return space.texts[before:]


def test_the_base_s_words_and_titles_are_embedded_at_sync_not_by_the_first_question(tmp_path: Path) -> None:
    """The first question in another language after a sync read every word and title the fill stored."""
    space = ToySpace()
    kb = _filled(tmp_path, "xl-words", space)
    try:
        assert {"refund", "shipping", "password", "Refund timing"} <= set(space.texts)  # embedded by the fill
        embedded = _embedded_by_first_foreign_question(kb, space)
        assert embedded and not {"refund", "shipping", "password", "login", "Refund timing"} & set(embedded)
    finally:
        kb.close()


def test_an_index_filled_before_words_were_stored_gets_them_on_its_next_fill(tmp_path: Path) -> None:
    kb = _filled(tmp_path, "xl-upgrade", ToySpace())
    settings = kb.settings
    CrossLingualTexts.drop(kb.index._client, settings.collection)  # as an index of the release before
    kb.close()
    space = ToySpace()
    upgraded = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=space)
    try:
        assert upgraded._filler.missing() == 1  # no chunk lacks its vector; the words are missing
        assert upgraded.fill_cross_lingual() == 0 and "refund" in space.texts
        assert upgraded._filler.missing() == 0
        assert "refund" not in _embedded_by_first_foreign_question(upgraded, space)
    finally:
        upgraded.close()
