"""Offline answers to questions in another language than the help centre: the section is chosen by
meaning (the cross-lingual embedder) with language-neutral hints, not by shared words."""
from __future__ import annotations

import numpy as np
import pytest

from bot.answering import crosslingual_section, sections
from bot.answering.answerer import Answerer
from bot.policy import Policy
from knowledge_base.results import DocumentHit, Passage, SearchResult
from tests.knowledge_base.kb_fakes import ToyCrossLingual

# A toy multilingual space: a foreign word shares the dimension of its English twin.
_TWINS = {"llamar": "call", "teléfono": "phone", "número": "phone", "horario": "hours", "abierto": "open",
          "días": "days", "devolver": "return", "cuántos": "many", "tengo": "have"}


class ToySpace(ToyCrossLingual):
    def __init__(self) -> None:
        super().__init__(_TWINS, dims=64)


def _doc(*sections_: tuple[str, str]) -> DocumentHit:
    passages = [Passage(f"help/contact.md::v1::{i}", text, section, 0.5) for i, (section, text) in enumerate(sections_)]
    return DocumentHit("help/contact.md", "Contact us", "help/contact.md", None, 0.9, passages)


CONTACT = _doc(
    ("Opening hours", "Our shop is open Monday to Friday, 9am to 5pm. We are closed on public holidays."),
    ("Phone", "To call us, use the phone line 0800 555 0101. Calls are free from a landline."),
)


def test_the_section_that_answers_a_foreign_question_is_chosen_by_meaning() -> None:
    question = "¿A qué número tengo que llamar?"
    by_words = sections.best_section(question, CONTACT)
    assert by_words is not None and by_words.heading == "Opening hours"  # no shared word: the first section
    found = crosslingual_section.best_section(question, CONTACT, embedder=ToySpace())
    assert found is not None and found.heading == "Phone" and "0800 555 0101" in found.body


def test_a_question_asking_how_many_prefers_the_sentence_with_a_number() -> None:
    doc = _doc(
        ("Return", "Returning is easy and free."),
        ("Deadline", "The deadline is 30 days after delivery."),
    )
    found = crosslingual_section.best_section("¿Cuántos días tengo para devolver?", doc, embedder=ToySpace())
    assert found is not None and found.heading == "Deadline"


def test_a_question_asking_a_price_prefers_the_sentence_with_an_amount_of_money() -> None:
    """A price list is full of numbers (pages, dates, sizes); what something costs is an amount of money."""
    doc = _doc(
        ("About this list", "Price list 2026.3 of 1 September 2026, page 1 of 4, for our 12 clinics."),
        ("Treatments", "A root canal on a molar is £420 and a crown is £650."),
    )
    found = crosslingual_section.best_section("Combien coûte une dévitalisation ?", doc, embedder=ToySpace())
    assert found is not None and found.heading == "Treatments" and "£420" in found.body


@pytest.mark.parametrize("question", [
    "¿Cuáles son los precios de una endodoncia?",  # plural nouns ask for a price as much as the verb does
    "Quels sont vos tarifs pour une dévitalisation ?",
    "Quali sono i prezzi di una devitalizzazione?",
    "Quais são os preços de um tratamento de canal?",
    "Wat zijn de prijzen van een wortelkanaalbehandeling?",
    "Wie hoch sind die Behandlungskosten für eine Wurzelbehandlung?",  # German and Dutch compound nouns
    "Welche Gebühren fallen für eine Wurzelbehandlung an?",
    "Hoe hoog zijn de behandelkosten?",
])
def test_a_price_asked_for_with_a_plural_or_compound_noun_prefers_an_amount_of_money(question: str) -> None:
    doc = _doc(
        ("About this list", "Price list 2026.3 of 1 September 2026, page 1 of 4, for our 12 clinics."),
        ("Treatments", "A root canal on a molar is £420 and a crown is £650."),
    )
    found = crosslingual_section.best_section(question, doc, embedder=ToySpace())
    assert found is not None and found.heading == "Treatments" and "£420" in found.body


def _answerer(space: ToySpace | None) -> Answerer:
    return Answerer(chat_model=None, policy=Policy(), cross_lingual=space)


def test_the_answerer_reads_across_languages_only_when_search_did() -> None:
    space = ToySpace()
    crossed = SearchResult("¿A qué número tengo que llamar?", [CONTACT], answerable=True, language="es",
                           cross_lingual=True)
    answer = _answerer(space).extract(crossed.query, crossed, language="es")
    assert answer.grounded and "0800 555 0101" in answer.text and space.batches
    assert answer.text.startswith("_")  # the note that the article is in English, in Spanish, comes first
    assert Policy().message("article_language", "es", language=Policy().message("language_en", "es")) in answer.text
    same = SearchResult("which phone number do I call?", [CONTACT], answerable=True, language="en")
    english = _answerer(space := ToySpace()).extract(same.query, same, language="en")
    assert english.grounded and space.batches == []  # an English question: the words decide, no second model


def test_without_the_cross_lingual_embedder_the_words_still_answer() -> None:
    crossed = SearchResult("¿A qué número tengo que llamar?", [CONTACT], answerable=True, cross_lingual=True)
    answer = _answerer(None).extract(crossed.query, crossed, language="es")
    assert answer.grounded and "Opening hours" in answer.text


def test_a_second_question_about_the_same_article_embeds_only_itself() -> None:
    space = ToySpace()
    cached = crosslingual_section.CachedEmbedder(space, size=100)
    first = crosslingual_section.best_section("¿A qué número tengo que llamar?", CONTACT, embedder=cached)
    second = crosslingual_section.best_section("¿Horario abierto?", CONTACT, embedder=cached)
    assert first is not None and first.heading == "Phone" and second is not None and second.heading == "Opening hours"
    assert len(space.batches) == 2 and space.batches[1] == ["¿Horario abierto?"]
    np.testing.assert_allclose(cached.embed_array(["Phone: Calls are free from a landline."]),
                               space.embed_array(["Phone: Calls are free from a landline."]), atol=1e-6)


def test_a_number_in_a_product_name_is_not_the_number_asked_for() -> None:
    doc = _doc(
        ("Intro", "Use this guide when the Hub 3 is on but nothing works."),
        ("Report a fault", "Report a fault to Technical Support on 0300 555 0123."),
    )
    found = crosslingual_section.best_section("¿Qué número tengo que llamar?", doc, embedder=ToySpace())
    assert found is not None and found.heading == "Report a fault"


class EnglishSpace(ToyCrossLingual):
    """The knowledge base's own embedder: English words only (no twins), bag of words."""

    def __init__(self) -> None:
        super().__init__({}, dims=64)


REFUNDS = _doc(
    ("Refund timing", "Card refunds reach you 5 business days after we receive the item."),
    ("Partial refunds", "A partial refund can be issued up to 120 days after the payment."),
)


def test_the_question_s_translated_words_pick_the_sentence_and_count_as_support() -> None:
    question = "¿Hasta cuándo se puede reembolsar el dinero del pago?"  # the ToySpace reads none of it
    plain = crosslingual_section.best_section(question, REFUNDS, embedder=ToySpace())
    assert plain is not None and plain.heading == "Refund timing" and plain.support == 0
    english = EnglishSpace()
    found = crosslingual_section.best_section(question, REFUNDS, embedder=ToySpace(), english=english,
                                              translated="refund days after payment")
    assert found is not None and found.heading == "Partial refunds" and "120 days" in found.body
    assert found.support >= 2  # "after", "payment": a near miss can show it
    assert english.batches and english.batches[0][0] == "refund days after payment"


def test_the_answerer_passes_search_s_translation_to_the_section_choice() -> None:
    question = "¿Hasta cuándo se puede reembolsar el dinero del pago?"
    crossed = SearchResult(question, [REFUNDS], answerable=True, language="es", cross_lingual=True,
                           translated="refund days after payment")
    english = EnglishSpace()
    answerer = Answerer(chat_model=None, policy=Policy(), cross_lingual=ToySpace(), english=english)
    answer = answerer.extract(question, crossed, language="es")
    assert answer.grounded and "120 days" in answer.text and english.batches


def test_the_next_best_section_follows_the_first_when_both_fit_and_answerability_reads_the_first() -> None:
    """Across languages the two best sections are often siblings under one topic; the fact asked for
    can be in either, so the second is shown after the first when both fit whole."""
    doc = _doc(
        ("Phone", "To call us, use the phone line 0800 555 0101."),
        ("Opening hours", "Our phone line is open Monday to Friday, 9am to 5pm."),
        ("Returns", "Returning is easy and free."),
    )
    question = "¿A qué número tengo que llamar?"
    found = crosslingual_section.best_section(question, doc, embedder=ToySpace())
    assert found is not None and found.heading == "Phone"
    assert found.body == ("To call us, use the phone line 0800 555 0101.\n\n### Opening hours\n\n"
                          "Our phone line is open Monday to Friday, 9am to 5pm.")
    assert found.decided_body == "To call us, use the phone line 0800 555 0101." and "Monday" not in found.decided_text
    alone = crosslingual_section.best_section(question, doc, embedder=ToySpace(), max_chars=80)
    assert alone is not None and alone.body == "To call us, use the phone line 0800 555 0101."
