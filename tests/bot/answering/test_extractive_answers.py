"""Answers without an LLM: verbatim sentences of the best passage, cited, never invented text."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.texts import AnswerTexts

GUIDE = """# Sending something back
You can send back unused items within 30 days.

To start a return:
- Open your order history.
- Pick the item and press Return.

Gift cards and opened software cannot be sent back. Shoes must be in their original box."""


def _body(answer_text: str) -> list[str]:
    lead, _, body = answer_text.partition("\n\n")
    assert lead == AnswerTexts().extractive_lead_in
    assert body.endswith(" [1]")
    return body.removesuffix(" [1]").splitlines()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long does express delivery take", "Express delivery arrives the next business day when you order before 2 pm."),
        ("where is your warehouse?", "Parcels leave our warehouse in Lyon every weekday."),
    ],
)
def test_answer_is_the_best_sentence_of_the_best_passage(extractive_answerer, make_result, docs, question, expected):
    answer = extractive_answerer.answer(question, make_result(*docs))

    assert answer.mode == "extractive" and answer.grounded
    assert expected in _body(answer.text)[0]
    assert [(c.number, c.document_id, c.title) for c in answer.citations] == [(1, "shipping/delivery.md", "Delivery times")]


@pytest.mark.parametrize(
    "question",
    ["how do I start a return?", "can I send back a gift card", "do shoes need the box", "what is the time limit", "zzz"],
)
def test_every_line_is_verbatim_from_the_passage(extractive_answerer, make_result, question):
    answer = extractive_answerer.answer(question, make_result(("returns/guide.md", "Returns", GUIDE)))

    lines = _body(answer.text)
    assert 1 <= len(lines) <= 3
    for line in lines:
        for sentence in line.split(". "):
            assert sentence.strip(". ") in GUIDE


def test_a_sentence_that_opens_a_list_brings_its_items(extractive_answerer, make_result):
    answer = extractive_answerer.answer("how do I start a return?", make_result(("returns/guide.md", "Returns", GUIDE)))
    assert _body(answer.text) == ["To start a return:", "Open your order history.", "Pick the item and press Return."]


def test_the_best_of_the_top_documents_passages_is_used(extractive_answerer, make_result, docs):
    result = make_result(("returns/guide.md", "Returns", ["Opening hours are 9 to 5.", GUIDE]), docs[0])
    answer = extractive_answerer.answer("can I send back a gift card?", result)
    assert _body(answer.text) == ["Gift cards and opened software cannot be sent back."]
    assert answer.citations[0].document_id == "returns/guide.md"


def test_no_passages_is_not_grounded(extractive_answerer, make_result):
    answer = extractive_answerer.answer("anything", make_result())
    assert answer.grounded is False and answer.citations == []


class _PolicyTexts:
    def message(self, key: str, lang: str | None = None) -> str:
        if key == "extractive_lead_in":
            return "From our guides:"
        raise KeyError(key)


def test_policy_texts_replace_the_defaults_they_name(make_result, docs):
    answer = Answerer(chat_model=None, policy=_PolicyTexts()).answer("warehouse?", make_result(*docs))
    assert answer.text.startswith("From our guides:\n\n")
    assert Answerer(chat_model=None, policy=_PolicyTexts()).answer("x", make_result()).text == AnswerTexts().no_answer


WRAPPED = """Changed your mind or picked the wrong colour? You can edit or cancel an order
yourself for a short time after placing it.

1. **Refuse the delivery** when the carrier arrives. The parcel comes back to us and we refund you,
   including shipping, once it is back in the warehouse."""


def test_hard_wrapped_paragraphs_are_rejoined_and_questions_bring_their_answer(extractive_answerer, make_result):
    answer = extractive_answerer.answer("I picked the wrong colour", make_result(("orders/change.md", "Change", WRAPPED)))
    assert _body(answer.text) == [
        "Changed your mind or picked the wrong colour? You can edit or cancel an order yourself for a short time after placing it."
    ]


def test_a_wrapped_list_item_stays_whole(extractive_answerer, make_result):
    answer = extractive_answerer.answer("refund if I refuse the delivery", make_result(("orders/change.md", "Change", WRAPPED)))
    body = " ".join(_body(answer.text))
    assert "we refund you, including shipping, once it is back in the warehouse." in body
    assert " ".join(body.split()) in " ".join(WRAPPED.replace("1. ", "").split())


PLANS = """Pick the plan that suits how much coffee you drink.

| Plan | Bags per delivery | Price in Canada | Price in Chile |
|---|---|---|---|
| Starter | 1 bag | CA$15 | CLP 9000 |
| Family | 3 bags | CA$40 | CLP 24000 |

These items cannot be sent back:

- Opened bags of tea.
- Engraved mugs."""


def test_a_matching_table_row_brings_its_header(extractive_answerer, make_result):
    answer = extractive_answerer.answer("price of the family plan in Chile", make_result(("plans.md", "Plans", PLANS)))
    assert _body(answer.text) == [
        "| Plan | Bags per delivery | Price in Canada | Price in Chile |",
        "| Family | 3 bags | CA$40 | CLP 24000 |",
    ]


def test_a_matching_list_item_brings_its_intro(extractive_answerer, make_result):
    answer = extractive_answerer.answer("can I return an engraved mug?", make_result(("plans.md", "Plans", PLANS)))
    assert _body(answer.text) == ["These items cannot be sent back:", "Engraved mugs."]


def _sections(*passages: tuple[str, str]):
    from knowledge_base.results import DocumentHit, Passage, SearchResult

    hit = DocumentHit("account/login.md", "Signing in", "account/login.md", None, 0.9,
                      [Passage(f"account/login.md::v1::{i}", text, section, 0.7 - 0.05 * i)
                       for i, (section, text) in enumerate(passages)])
    return SearchResult(query="q", hits=[hit], answerable=True)


LOGIN_TROUBLE = (
    "- Wait ten minutes and look in your spam folder.\n"
    "- Check that you typed the address you signed up with.\n"
    "- If you joined with a phone number and never added an email, the code comes by text message instead.\n"
    "- You can ask for at most three codes an hour."
)


def test_a_list_under_a_heading_that_names_the_question_is_read_from_its_start(extractive_answerer):
    result = _sections(("Signing in", "Enter your email and we send you a one-time code."),
                       ("Signing in > The code email never arrives", LOGIN_TROUBLE))
    answer = extractive_answerer.answer("code email never arrives", result)
    assert _body(answer.text)[:2] == ["Wait ten minutes and look in your spam folder.",
                                      "Check that you typed the address you signed up with."]


def test_a_heading_that_names_the_question_beats_a_stray_sentence_elsewhere(extractive_answerer):
    result = _sections(("Opening hours", "Our shops open every day from 9 to 6, and on Saturday from 10 to 4."),
                       ("Phone support on Saturday", "The phone line is closed at weekends; chat stays open."))
    answer = extractive_answerer.answer("is phone support open on saturday", result)
    assert _body(answer.text) == ["The phone line is closed at weekends; chat stays open."]


REFUND_TIMES = """Your refund goes back to your card.

| Paid with | Refund arrives |
|---|---|
| Card | 3-10 business days |
| Voucher | Immediately |"""


@pytest.mark.parametrize("question", ["when does my refund reach my card", "¿cuándo llega el refund a mi card?"])
def test_a_question_for_a_time_prefers_a_sentence_that_holds_one(extractive_answerer, make_result, question):
    answer = extractive_answerer.answer(question, make_result(("refunds.md", "Refunds", REFUND_TIMES)))
    assert _body(answer.text) == ["| Paid with | Refund arrives |", "| Card | 3-10 business days |"]


def test_a_question_for_a_price_prefers_a_sentence_that_holds_one(extractive_answerer, make_result):
    passages = ["Express shipping is our fastest option.", "Express shipping costs $14.95."]
    answer = extractive_answerer.answer("how much is express shipping", make_result(("ship.md", "Shipping", passages)))
    assert _body(answer.text) == ["Express shipping costs $14.95."]


def test_a_long_list_under_a_named_heading_still_shows_the_item_that_matched(extractive_answerer):
    steps = "\n".join(f"- Step {n}: wipe part {n} with a damp cloth." for n in range(1, 8))
    steps += "\n- Step 8: descale the frother with citric acid every month."
    result = _sections(("Cleaning the milk frother", steps))
    body = _body(extractive_answerer.answer("cleaning the milk frother descale", result).text)
    assert "Step 8: descale the frother with citric acid every month." in body and len(body) <= 5


@pytest.mark.parametrize(
    ("question", "passages", "expected"),
    [
        ("how much time do I have to return an item", ["A restocking fee of $5 applies to item returns.",
                                                      "You have 30 days to return an item."], "You have 30 days"),
        ("¿cuánto cuesta la suscripción?", ["La suscripción cuesta poco y es flexible.",
                                           "La suscripción cuesta 9,99 € al mes."], "9,99 €"),
        ("was kostet das Abo", ["Das Abo kostet wenig.", "Das Abo kostet 10€ im Monat."], "10€"),
        ("combien de temps dure la livraison", ["La livraison dure peu.", "La livraison dure 2 mois."], "2 mois"),
    ],
)
def test_answer_kinds_in_other_languages_and_currency_after_the_amount(extractive_answerer, make_result,
                                                                       question, passages, expected):
    answer = extractive_answerer.answer(question, make_result(("doc.md", "Doc", passages)))
    assert expected in answer.text


def test_words_of_the_documents_title_do_not_decide_between_its_sentences(extractive_answerer):
    from knowledge_base.results import DocumentHit, Passage, SearchResult

    late = Passage("c::v1::0", "If the refund is not there after 12 business days, call your bank.", "Refund missing?", 0.6)
    table = Passage("c::v1::1", "| Paid with | Days after we send the refund |\n|---|---|\n| Card | 4–9 business days |\n"
                    "| Voucher | 1 business day |\n| Wire transfer | 2–4 business days |", "Timeline", 0.6)
    hit = DocumentHit("refunds.md", "When will I get my refund?", "refunds.md", None, 0.9, [late, table])

    answer = extractive_answerer.answer("how long does a refund take with a voucher?", SearchResult("q", [hit], answerable=True))

    assert "| Voucher | 1 business day |" in _body(answer.text)
