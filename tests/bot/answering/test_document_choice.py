"""The offline answer's choice of document: search's first, or a runner-up that answers clearly better."""
from __future__ import annotations

import pytest

from bot.answering import document_choice
from bot.answering.answerer import Answerer
from knowledge_base.results import DocumentHit, Passage, SearchResult

BOOKING = "Book online or by phone. Tickets can be changed free of charge until two hours before departure."
PETS = "Dogs travel free on the car deck. Bring a lead and keep your dog in the car during the crossing."
ASKED_DOG = "can my dog come on the crossing with me"


@pytest.fixture
def choosing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A margin the runner-up can beat, whatever is shipped (the shipped numbers are tested apart)."""
    monkeypatch.setattr(document_choice, "MARGIN", 0.2)
    monkeypatch.setattr(document_choice, "SHARE_WEIGHT", 1.0)
    monkeypatch.setattr(document_choice, "KIND_WEIGHT", 0.5)
    monkeypatch.setattr(document_choice, "DENSE_WEIGHT", 1.0)
    monkeypatch.setattr(document_choice, "SCORE_WEIGHT", 1.0)


def _doc(doc: str, title: str, section: str, text: str, *, score: float, similarity: float,
         coverage: float = 0.5) -> DocumentHit:
    return DocumentHit(doc, title, doc, None, score, [Passage(f"{doc}::v1::0", text, section, similarity)],
                       coverage=coverage)


def _ferry(*, booking_score: float = 0.8, pets_score: float = 0.7, coverage: float = 0.5) -> list[DocumentHit]:
    return [_doc("booking.md", "Booking a crossing", "Booking", BOOKING, score=booking_score, similarity=0.45,
                 coverage=coverage),
            _doc("pets.md", "Travelling with pets", "Dogs on board", PETS, score=pets_score, similarity=0.44,
                 coverage=coverage)]


def _result(hits: list[DocumentHit], *, answerable: bool = True) -> SearchResult:
    return SearchResult(query="q", hits=hits, answerable=answerable)


def _answerer() -> Answerer:
    return Answerer(chat_model=None, policy=None, timeout_s=3.0)


@pytest.mark.usefixtures("choosing")
def test_a_runner_up_whose_section_names_what_was_asked_is_shown_and_cited_with_the_first_score():
    """Search put the booking page first; the pets page's section holds the dog asked about."""
    answer = _answerer().answer(ASKED_DOG, _result(_ferry()))
    assert answer.grounded and [c.document_id for c in answer.citations] == ["pets.md"]
    assert "Dogs travel free on the car deck." in answer.text


@pytest.mark.usefixtures("choosing")
def test_the_first_document_stays_when_its_section_answers():
    answer = _answerer().answer("until when can I change my tickets", _result(_ferry()))
    assert [c.document_id for c in answer.citations] == ["booking.md"]


def test_without_a_margin_search_s_first_document_is_always_shown(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(document_choice, "MARGIN", None)
    answer = _answerer().answer(ASKED_DOG, _result(_ferry()))
    assert [c.document_id for c in answer.citations] == ["booking.md"]


@pytest.mark.usefixtures("choosing")
def test_a_question_declined_on_the_first_document_is_never_answered_from_a_runner_up(monkeypatch):
    """The decline is decided on search's first document, as before: a thin match whose section shares
    too few words is declined even when a runner-up's section would have said something."""
    looked: list[str] = []
    real = Answerer._runner_up
    monkeypatch.setattr(Answerer, "_runner_up", lambda self, *a, **k: looked.append("read") or real(self, *a, **k))
    thin = _ferry(booking_score=0.6, pets_score=0.55, coverage=0.1)
    answer = _answerer().answer(ASKED_DOG, _result(thin))
    assert not answer.grounded and looked == []


@pytest.mark.usefixtures("choosing")
def test_a_near_miss_never_switches_document(monkeypatch: pytest.MonkeyPatch):
    """Below the threshold search did not find the question answerable: the runner-ups are not read."""
    looked: list[str] = []
    real = Answerer._runner_up
    monkeypatch.setattr(Answerer, "_runner_up", lambda self, *a, **k: looked.append("read") or real(self, *a, **k))
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.3})(), timeout_s=3.0)
    answerer.answer(ASKED_DOG, _result(_ferry(booking_score=0.45, pets_score=0.40), answerable=False))
    assert looked == []
    answerer.answer(ASKED_DOG, _result(_ferry()))
    assert looked == ["read"]


@pytest.mark.usefixtures("choosing")
@pytest.mark.parametrize(("coverage", "cited"), [(0.1, "booking.md"), (0.5, "pets.md")])
def test_a_runner_up_is_shown_only_when_its_own_section_passes_the_checks(monkeypatch, coverage, cited):
    """The runner-up's own section must pass the checks the first passed: a runner-up search matched
    thinly (low keyword coverage) whose section shares too few of a long question's words is not
    shown, and the first document's answer stays; with a fair coverage the same section is shown."""
    monkeypatch.setattr(document_choice, "MARGIN", 0.05)
    question = "can my dog come on the crossing with me and sit in the upstairs lounge during the trip"
    hits = [_doc("booking.md", "Booking a crossing", "Booking", BOOKING, score=0.65, similarity=0.45),
            _doc("pets.md", "Travelling with pets", "Dogs on board", PETS, score=0.64, similarity=0.44,
                 coverage=coverage)]
    answer = _answerer().answer(question, _result(hits))
    assert answer.grounded and [c.document_id for c in answer.citations] == [cited]


def test_documents_are_compared_on_what_the_customer_reads_not_on_their_own_titles_words():
    """"do gift cards expire?" (the shipped examples): the gift-card page's section says "valid for 5
    years" under a title holding the question's words; a holiday page's section on gift cards does not
    say. The section score half-weights a document's own title words, so it favours the holiday page;
    `strength` reads title, heading and body alike, and the gift-card page stays ahead."""
    question = "do gift cards expire?"
    cards = _doc("gift-cards.md", "Gift cards and promo codes", "Gift cards",
                 "A gift card is valid for 5 years from the date of purchase.", score=0.8, similarity=0.5)
    holiday = _doc("holiday.md", "Holiday shipping deadlines", "Gift cards: the last-minute option",
                   "Digital gift cards are delivered by email within minutes, any day of the year.",
                   score=0.6, similarity=0.5)
    answerer = _answerer()
    shown = [document_choice.Shown(hit, answerer._section(question, _result([cards, holiday]), hit,
                                                          whole=None))  # type: ignore[arg-type]
             for hit in (cards, holiday)]
    assert shown[1].section.score > shown[0].section.score  # the unfair scale the first try compared on
    assert document_choice.strength(question, shown[0]) > document_choice.strength(question, shown[1])


def test_challengers_are_the_runner_ups_over_the_margin_strongest_first(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(document_choice, "MARGIN", 0.1)
    answerer = _answerer()
    hits = _ferry()
    shown = [document_choice.Shown(h, answerer._section(ASKED_DOG, _result(hits), h, whole=None))  # type: ignore[arg-type]
             for h in hits]
    assert document_choice.challengers(ASKED_DOG, shown[0], shown[1:]) == [shown[1]]
    assert document_choice.challengers(ASKED_DOG, shown[1], shown[:1]) == []
    monkeypatch.setattr(document_choice, "MARGIN", None)
    assert document_choice.challengers(ASKED_DOG, shown[0], shown[1:]) == []
