"""A yes/no question is declined when the shown section reads more like the question without its thing."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.answering import left_out
from bot.answering.answerer import Answerer
from knowledge_base.results import DocumentHit, Passage, SearchResult
from tests.bot.answering.fakes import BagOfWords

APP = "The SunMeadow app is free on iPhone. Connect it to your smart meter in Settings."


def _hit() -> DocumentHit:
    passage = Passage("energy-app/app.md::v1::0", APP, "The SunMeadow app", 0.7)
    return DocumentHit("energy-app/app.md", "The SunMeadow app", "energy-app/app.md", None, 0.8, [passage],
                       coverage=0.6)


def _grounded(question: str, embedder: BagOfWords | None) -> bool:
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(), english=embedder)
    result = SearchResult(query=question, hits=[_hit()], answerable=True)
    return answerer.answer(question, result).grounded


def test_the_words_a_section_lacks_are_read_with_their_inflections():
    assert left_out.lacked_words("can I connect the app to Alexa", APP) == ["Alexa"]
    assert left_out.lacked_words("is the app free for iphones", APP) == []


def test_leaving_out_a_word_the_section_lacks_brings_the_question_closer():
    embedder = BagOfWords()
    assert left_out.drop("can I connect the SunMeadow app to Alexa", APP, embedder) > 0.05
    assert left_out.drop("is the SunMeadow app free on iPhone", APP, embedder) == 0.0


def test_a_yes_no_question_about_a_thing_the_section_does_not_have_is_declined():
    assert _grounded("can I connect the SunMeadow app to Alexa", None)  # no embedder: shown, as before
    assert not _grounded("can I connect the SunMeadow app to Alexa", BagOfWords())
    assert _grounded("can I connect the SunMeadow app to my smart meter", BagOfWords())


def test_other_questions_are_not_asked_it():
    embedder = BagOfWords()
    assert _grounded("what does the SunMeadow app cost on iPhone and Alexa", embedder)
    assert embedder.calls == 0


def test_a_question_with_a_wh_word_is_not_a_yes_no_one():
    embedder = BagOfWords()
    assert _grounded("where can I connect the SunMeadow app to Alexa", embedder)
    assert embedder.calls == 0


class Counting(BagOfWords):
    """Records how many texts each call embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        self.sizes.append(len(texts))
        return super().embed_array(texts)


def test_case_variants_of_one_lacked_word_are_one_text_to_embed():
    question = "can I connect the SunMeadow app to Alexa ALEXA alexa aLeXa alexas"
    assert left_out.lacked_words(question, APP) == ["Alexa"]
    assert "lexa" not in left_out.without(question, "Alexa").lower()
    embedder = Counting()
    assert left_out.drop(question, APP, embedder) > 0.05
    assert embedder.sizes == [3]  # question, section, question without Alexa: one batch


def test_only_the_few_longest_lacked_words_are_tried_in_one_batch():
    question = "can I connect the SunMeadow app to " + " ".join(f"gadget{chr(97 + i)}{'x' * i}" for i in range(20))
    embedder = Counting()
    left_out.drop(question, APP, embedder)
    assert embedder.sizes == [2 + left_out.MAX_LACKED]


def test_the_throw_away_texts_are_not_cached():
    embedder = Counting()
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(), english=embedder)
    question = "can I connect the SunMeadow app to Alexa"
    answerer.answer(question, SearchResult(query=question, hits=[_hit()], answerable=True))
    assert answerer._english is not None and not answerer._english._vectors


def test_the_check_is_not_asked_of_a_question_to_a_help_centre_in_another_language():
    page = "De SunMeadow app is gratis op de iPhone. Koppel hem in Instellingen aan je slimme meter."
    passage = Passage("app.md::v1::0", page, "De SunMeadow app", 0.7)
    hit = DocumentHit("app.md", "De SunMeadow app", "app.md", None, 0.8, [passage], coverage=0.6)
    question = "Kan ik de SunMeadow app koppelen aan Alexa"
    embedder = BagOfWords()
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(),
                        knowledge_language="Dutch", english=embedder)
    answerer.extract(question, SearchResult(query=question, hits=[hit], answerable=True), language="nl")
    english = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(), english=embedder)
    english.extract("can I connect the SunMeadow app to Alexa", SearchResult(
        query=question, hits=[_hit()], answerable=True), language="nl")
    assert embedder.calls == 0


def test_the_benchmark_reads_the_drop_as_the_product_does():
    """`benchmarks/answerability_terms.py` imports the formula: what it fits on is what the product runs."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
    try:
        import answerability_terms
    finally:
        sys.path.pop(0)

    class Everything:
        def rarity(self, _term: str) -> float:
            return 1.0

    question = "can I connect the SunMeadow app to Alexa or ALEXA"
    figures = answerability_terms.left_out(BagOfWords(), Everything(), question, APP)
    assert figures["neg_delta"] == left_out.drop(question, APP, BagOfWords()) > 0.05


def test_one_array_embedder_protocol_is_declared():
    from bot.answering import crosslingual_section
    from knowledge_base import crosslingual

    assert left_out.ArrayEmbedder is crosslingual_section.ArrayEmbedder is crosslingual.ArrayEmbedder
