"""Answers without an LLM: the section of the best company document that answers, as Markdown,
verbatim, cited; the sentence scoring that picks the section and where to trim it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering import extractive, sections
from bot.answering.answerer import Answerer
from bot.answering.texts import AnswerTexts
from knowledge_base.results import DocumentHit, Passage, SearchResult

GUIDE = """You can send back unused items within 30 days.

To start a return:
- Open your order history.
- Pick the item and press Return.

Gift cards and opened software cannot be sent back. Shoes must be in their original box."""


def _hit(*passages: tuple[str, str], doc: str = "returns/guide.md", title: str = "Returns", url: str | None = None,
         trust: str = "official", score: float = 0.9) -> DocumentHit:
    return DocumentHit(doc, title, doc, url, score,
                       [Passage(f"{doc}::v1::{i}", text, section, 0.7 - 0.05 * i)
                        for i, (section, text) in enumerate(passages)],
                       trust=trust)


def _result(*hits: DocumentHit, answerable: bool = True) -> SearchResult:
    return SearchResult(query="q", hits=list(hits), answerable=answerable)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_answer_is_the_whole_section_with_its_heading_and_no_lead_in(extractive_answerer):
    answer = extractive_answerer.answer("how do I start a return?", _result(_hit(("Sending something back", GUIDE))))

    assert answer.mode == "extractive" and answer.grounded
    assert _lines(answer.text)[0] == "### Sending something back [1]"
    assert "Here's what" not in answer.text
    # the list stays a list, whole, with its intro; the rest of the short section comes along
    assert "To start a return:\n- Open your order history.\n- Pick the item and press Return." in answer.text
    assert "Shoes must be in their original box." in answer.text
    assert [(c.number, c.document_id, c.title) for c in answer.citations] == [(1, "returns/guide.md", "Returns")]


@pytest.mark.parametrize("question", ["how do I start a return?", "can I send back a gift card",
                                      "what is the time limit"])
def test_every_line_is_verbatim_from_the_document(extractive_answerer, question):
    answer = extractive_answerer.answer(question, _result(_hit(("Sending something back", GUIDE))))
    for line in _lines(answer.text)[1:]:
        assert line in GUIDE


PLANS = """Pick the plan that suits how much coffee you drink.

| Plan | Bags per delivery | Price in Canada | Price in Chile |
|---|---|---|---|
| Starter | 1 bag | CA$15 | CLP 9000 |
| Family | 3 bags | CA$40 | CLP 24000 |"""


def test_a_table_reaches_the_customer_as_a_table_with_its_header(extractive_answerer):
    answer = extractive_answerer.answer("price of the family plan in Chile", _result(_hit(("Plans and prices", PLANS))))
    assert "| Plan | Bags per delivery | Price in Canada | Price in Chile |\n|---|---|---|---|\n" in answer.text
    assert "| Family | 3 bags | CA$40 | CLP 24000 |" in answer.text


def test_a_long_section_is_trimmed_around_the_match_and_says_so():
    rows = "\n".join(f"| Country {n} | {n} days |" for n in range(1, 60))
    text = ("Delivery times depend on where you live.\n\n| Country | Delivery |\n|---|---|\n" + rows +
            "\n| Australia | 12 days |\n\nWe do not ship to the moon.")
    body = sections.trim(text, ["| Australia | 12 days |"], max_chars=500)

    assert "| Australia | 12 days |" in body
    assert body.count("\n|---|---|\n") == 1 and "| Country | Delivery |" in body  # the header stays
    assert len(body) < 700 and "| Country 1 | 1 days |" not in body


def test_blocks_left_out_are_marked_with_an_ellipsis():
    text = "\n\n".join(f"Paragraph {n} says something long enough to matter here. " * 3 for n in range(8))
    body = sections.trim(text, ["Paragraph 5 says something long enough to matter here."], max_chars=400)
    assert body.startswith(sections.ELISION) and body.endswith(sections.ELISION) and "Paragraph 5" in body


def test_the_section_that_answers_wins_over_the_documents_other_sections(extractive_answerer):
    result = _result(_hit(("Opening hours", "Our shops open every day from 9 to 6, and on Saturday from 10 to 4."),
                          ("Phone support on Saturday", "The phone line is closed at weekends; chat stays open.")))
    answer = extractive_answerer.answer("is phone support open on saturday", result)
    # first: the section whose words answer; search's nearest section follows under its own heading
    assert _lines(answer.text)[:2] == ["### Phone support on Saturday [1]",
                                       "The phone line is closed at weekends; chat stays open."]


ACCESS_INTRO = ("Every site has a gate that opens with your access code, and a reception. This article explains "
                "when the gate opens, how codes work, and what to do if the gate does not open for you.")
ACCESS_HOURS = "Standard access is every day from 6am to 10pm, including bank holidays."


def _access_hit(nearest_first: str) -> tuple[DocumentHit, list[Passage]]:
    """An article whose intro repeats the question's words, and whose fact is in the section search found nearest."""
    whole = [Passage("access.html::v1::0", ACCESS_INTRO, "", 0.0),
             Passage("access.html::v1::1", ACCESS_HOURS, "Access hours", 0.0),
             Passage("access.html::v1::2", "Your code is six digits and opens the gate and the lift.", "Codes", 0.0)]
    passages = [Passage("access.html::v1::1", ACCESS_HOURS, "Access hours", 0.45),
                Passage("access.html::v1::0", ACCESS_INTRO, "", 0.44)]
    if nearest_first != "Access hours":
        passages.reverse()
    hit = DocumentHit("access.html", "Getting into your unit", "access.html", None, 0.9, passages)
    return hit, whole


def test_the_section_search_found_nearest_is_shown_beside_the_one_whose_words_match(monkeypatch):
    """The intro shares the most words ("gate", "open"); the hours are in the section nearest in meaning."""
    monkeypatch.setattr(sections, "NEIGHBOURS", "none")  # the intro's continuation is another test's
    hit, whole = _access_hit(nearest_first="Access hours")
    found = sections.best_section("what time does the gate open in the morning", hit, whole=whole)

    assert found is not None and found.heading == ""  # the words' choice comes first
    assert found.body == f"{ACCESS_INTRO}\n\n### Access hours\n\n{ACCESS_HOURS}"
    assert ACCESS_HOURS in found.text  # the safety checks read what is shown
    alone = sections.best_section("what time does the gate open in the morning",
                                  _access_hit(nearest_first="")[0], whole=whole)
    assert alone is not None and alone.body == ACCESS_INTRO and alone.support == found.support
    # answerability reads the first section alone: adding search's nearest never changes what is declined
    assert found.decided_body == alone.body and found.decided_text == alone.text


def test_a_document_intro_shown_second_is_headed_by_the_documents_title():
    hit, whole = _access_hit(nearest_first="")
    hours_first = sections.best_section("what are the access hours at weekends, standard access", hit, whole=whole)
    assert hours_first is not None and hours_first.heading == "Access hours"
    assert hours_first.body == f"{ACCESS_HOURS}\n\n### Getting into your unit\n\n{ACCESS_INTRO}"


def test_search_s_nearest_section_is_left_out_when_both_would_be_too_long_and_no_room_is_kept(monkeypatch):
    monkeypatch.setattr(sections, "NEAREST_ROOM", None)
    hit, whole = _access_hit(nearest_first="Access hours")
    found = sections.best_section("what time does the gate open in the morning", hit, whole=whole,
                                  max_chars=len(ACCESS_INTRO) + len("\n\n### Access hours\n\n") + len(ACCESS_HOURS) - 1)
    assert found is not None and found.body == ACCESS_INTRO


def test_the_first_section_is_trimmed_to_keep_room_for_search_s_nearest_when_both_would_be_too_long():
    hit, whole = _access_hit(nearest_first="Access hours")
    limit = len(ACCESS_INTRO) + len("\n\n### Access hours\n\n") + len(ACCESS_HOURS) - 1
    found = sections.best_section("what time does the gate open in the morning", hit, whole=whole, max_chars=limit)
    assert found is not None and f"### Access hours\n\n{ACCESS_HOURS}" in found.body
    assert sections.ELISION in found.body and len(found.body) <= limit


def test_search_s_nearest_section_too_long_for_the_room_left_is_trimmed_to_its_matching_part():
    """The first section leaves room for part of the second: its matching paragraph is shown, not nothing."""
    filler = [f"Paragraph {i} of the hours section talks about something else entirely, at length." for i in range(8)]
    long_hours = "\n\n".join([*filler[:4], ACCESS_HOURS, *filler[4:]])
    whole = [Passage("access.html::v1::0", ACCESS_INTRO, "", 0.0),
             Passage("access.html::v1::1", long_hours, "Access hours", 0.0)]
    passages = [Passage("access.html::v1::1", long_hours, "Access hours", 0.45),
                Passage("access.html::v1::0", ACCESS_INTRO, "", 0.44)]
    hit = DocumentHit("access.html", "Getting into your unit", "access.html", None, 0.9, passages)
    max_chars = len(ACCESS_INTRO) + 400
    found = sections.best_section("what time does the gate open in the morning", hit, whole=whole, max_chars=max_chars)

    assert found is not None and found.heading == ""
    assert ACCESS_HOURS in found.body and len(found.body) <= max_chars
    assert found.decided_body == ACCESS_INTRO  # answerability still reads the first section alone


PRICE_WHY = ("Big units suit a whole house move. Every big unit has drive-up access, so you can unload the van "
             "straight into your big unit.")
PRICE_TABLE = "| Unit | Per month |\n|---|---|\n| Locker | £12 |\n| Garage | £95 |"


def _units_hit() -> tuple[DocumentHit, list[Passage]]:
    whole = [Passage("units.md::v1::0", PRICE_WHY, "Big units", 0.0),
             Passage("units.md::v1::1", PRICE_TABLE, "Price and term", 0.0),
             Passage("units.md::v1::2", "Keys are collected from the office on your first day.", "Keys", 0.0)]
    passages = [Passage("units.md::v1::0", PRICE_WHY, "Big units", 0.5)]
    return DocumentHit("units.md", "Storage units", "units.md", None, 0.9, passages), whole


def test_a_sibling_section_holding_the_amount_asked_for_is_shown_when_the_chosen_one_has_none():
    hit, whole = _units_hit()
    found = sections.best_section("how much is a big unit a month", hit, whole=whole)

    assert found is not None and found.heading == "Big units"
    assert found.body == f"{PRICE_WHY}\n\n### Price and term\n\n{PRICE_TABLE}"
    assert found.decided_body == PRICE_WHY


def test_a_stray_amount_in_a_section_scoring_under_the_kind_ratio_is_not_added(monkeypatch):
    """Only a sibling scoring `KIND_RATIO` of the best is taken: a price elsewhere that shares one word
    ("month") with the question is not its answer."""
    stray = "Locker keys are replaced once a month, for £5."
    whole = [Passage("units.md::v1::0", PRICE_WHY, "Big units", 0.0),
             Passage("units.md::v1::1", stray, "Locker keys", 0.0)]
    hit = DocumentHit("units.md", "Storage units", "units.md", None, 0.9,
                      [Passage("units.md::v1::0", PRICE_WHY, "Big units", 0.5)])
    found = sections.best_section("how much is a big unit a month", hit, whole=whole)
    assert found is not None and found.body == PRICE_WHY  # scores about 0.6 of the best
    monkeypatch.setattr(sections, "KIND_RATIO", 0.0)
    found = sections.best_section("how much is a big unit a month", hit, whole=whole)
    assert found is not None and stray in found.body


def test_no_sibling_section_is_added_when_the_question_asks_for_no_amount_time_or_count():
    hit, whole = _units_hit()
    found = sections.best_section("can I drive up to a big unit", hit, whole=whole)
    assert found is not None and found.body == PRICE_WHY


def test_the_whole_document_is_read_when_the_knowledge_base_can_give_it(extractive_answerer):
    """The section that answers is often not among the few chunks search returned."""
    hit = _hit(("Shipping", "We ship to many countries from our warehouse."), doc="ship.md", title="Shipping")
    whole = [Passage("ship.md::v1::0", "We ship to many countries from our warehouse.", "Shipping", 0.0),
             Passage("ship.md::v1::1", "We do not ship to Australia, New Zealand or Japan.",
                     "Shipping > Countries we do not ship to", 0.0)]

    answer = extractive_answerer.answer("do you ship to australia", _result(hit), whole=lambda h: whole)

    assert "### Countries we do not ship to [1]" in answer.text and "Australia, New Zealand" in answer.text


def test_chunks_of_one_long_section_are_joined_in_order_without_their_overlap():
    first = Passage("d::v1::3", "Step one: unplug it. Step two: open the lid of the kettle and", "Descale", 0.5)
    second = Passage("d::v1::4", "open the lid of the kettle and pour in the descaler.", "Descale", 0.9)
    joined = "Step one: unplug it. Step two: open the lid of the kettle and pour in the descaler."
    assert sections.sections_of([second, first]) == [("Descale", joined)]


def test_a_near_miss_needs_the_section_to_share_the_questions_words(extractive_answerer):
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})())
    # Search found a fifth of the question's weighted words in the document: the section's own
    # shared words decide (a document covering less is declined whatever its sentences share).
    hit = replace(_hit(("Sending something back", GUIDE), score=0.3), coverage=0.2)
    assert answerer.answer("can I send back opened software gift cards", _result(hit, answerable=False)).grounded
    assert not answerer.answer("do you sell decaf beans", _result(hit, answerable=False)).grounded


def test_no_passages_is_not_grounded(extractive_answerer, make_result):
    answer = extractive_answerer.answer("anything", make_result())
    assert answer.grounded is False and answer.citations == []
    assert answer.text == AnswerTexts().no_answer


def test_a_document_without_a_url_is_cited_with_its_page_on_this_server(extractive_answerer):
    result = _result(_hit(("Returns", GUIDE), doc="returns/how to.pdf"))
    answer = extractive_answerer.answer("how do I start a return?", result)
    assert answer.citations[0].url == "/kb/returns/how%20to.pdf"


class _Detector:
    default = "en"

    def detect(self, text: str) -> str:
        return "de" if "Rücksendung" in text else "en"


def test_an_article_in_another_language_than_the_customers_says_so_in_theirs():
    answerer = Answerer(chat_model=None, detector=_Detector())
    result = _result(_hit(("Sending something back", GUIDE)))
    answer = answerer.answer("how do I start a return?", result, language="es")
    assert _lines(answer.text)[0] == "_Este artículo solo está disponible en inglés._"
    same = answerer.answer("how do I start a return?", _result(_hit(("Sending something back", GUIDE))), language="en")
    assert "_" not in _lines(same.text)[0]


# -- the sentence scoring that picks the section and the centre of a trim --------------------------
def test_a_heading_that_names_the_question_makes_its_list_the_answer():
    trouble = ("- Wait ten minutes and look in your spam folder.\n"
               "- Check that you typed the address you signed up with.\n"
               "- You can ask for at most three codes an hour.")
    section = "Signing in > The code email never arrives"
    picked, _score = extractive.best_sentences("code email never arrives", trouble, section)
    assert picked[0].text == "Wait ten minutes and look in your spam folder."


@pytest.mark.parametrize("question", ["when does my refund reach my card", "¿cuándo llega el refund a mi card?"])
def test_a_question_for_a_time_prefers_a_sentence_that_holds_one(question):
    text = ("Your refund goes back to your card.\n\n"
            "| Paid with | Refund arrives |\n|---|---|\n| Card | 3-10 business days |")
    picked, _score = extractive.best_sentences(question, text)
    assert "| Card | 3-10 business days |" in [s.text for s in picked]


def test_a_question_for_a_price_prefers_a_sentence_that_holds_one():
    picked, _score = extractive.best_sentences("how much is express shipping",
                                               "Express shipping is our fastest option. Express shipping costs $14.95.")
    assert "Express shipping costs $14.95." in [s.text for s in picked]


@pytest.mark.parametrize("question", ["how many backup codes do I get?", "what's the maximum number of codes"])
def test_a_question_for_a_count_prefers_a_sentence_that_holds_a_number(question):
    text = ("Sign-in codes keep your account safe. Keep your phone close. Store it well. Mind the battery. "
            "When you switch it on, we give you 10 recovery codes.")
    picked, _score = extractive.best_sentences(question, text)
    assert [s.text for s in picked] == ["When you switch it on, we give you 10 recovery codes."]


@pytest.mark.parametrize("question", ["whats the wait for cancer cover", "is it too late to send a cancer bill?"])
def test_waits_and_deadlines_are_questions_for_a_time(question):
    text = ("We know the wait feels long. Vets send us invoices each week. Claims differ. Vets are busy. "
            "Cancer: 30 days.")
    picked, _score = extractive.best_sentences(question, text)
    assert [s.text for s in picked] == ["Cancer: 30 days."]


def test_content_words_are_remembered_but_never_shared_between_callers() -> None:
    """The memo behind content_words must not leak one caller's change of its set into the next call."""
    text = "Refunds reach your card within 5 business days"
    first = extractive.content_words(text)
    assert first == {"refund", "reach", "card", "within", "busines", "days"}
    first.add("changed")
    first.discard("refund")
    assert extractive.content_words(text) == {"refund", "reach", "card", "within", "busines", "days"}


def test_a_short_heading_line_repeated_by_the_overlap_is_shown_once():
    first = Passage("d::v1::3", "Fees are due monthly.\n\nDISCOUNTS", "", 0.5)
    second = Passage("d::v1::4", "DISCOUNTS\n\n15% off for groups.", "", 0.9)
    assert sections.sections_of([first, second]) == [("", "Fees are due monthly.\n\nDISCOUNTS\n\n15% off for groups.")]


def test_a_short_match_inside_a_line_is_not_taken_for_overlap():
    first = Passage("d::v1::3", "Call us on 0100", "", 0.5)
    second = Passage("d::v1::4", "0100 is free from landlines.", "", 0.9)
    assert sections.sections_of([first, second]) == [("", "Call us on 0100\n\n0100 is free from landlines.")]


def _filler(topic: str, n: int) -> str:
    return " ".join(f"Sentence {i} about {topic} says nothing anyone would ask about." for i in range(n))


PLAIN = "\n\n".join([
    "NORTHWIND BIKES\nRenting a bike\nhelp.northwind.example/renting",
    f"BEFORE YOU RIDE\n\n{_filler('helmets', 7)}",
    f"PAYING FOR A RIDE\n\n{_filler('cards', 7)}",
    "BRINGING A BIKE BACK LATE\n\nA late return costs 8 euros for every started hour.",
    "LOST KEYS\n\nA lost lock key costs 30 euros to replace.",
])


def _plain_hit(text: str) -> tuple[DocumentHit, list[Passage]]:
    """A TXT file: one untitled section, in chunks of two paragraphs."""
    paragraphs = text.split("\n\n")
    chunks = ["\n\n".join(paragraphs[i:i + 2]) for i in range(0, len(paragraphs), 2)]
    whole = [Passage(f"renting.txt::v1::{i}", chunk, "", 0.0) for i, chunk in enumerate(chunks)]
    hit = DocumentHit("renting.txt", "Renting", "renting.txt", None, 0.9,
                      [replace(whole[-1], score=0.6), replace(whole[0], score=0.3)])
    return hit, whole


def test_a_long_plain_text_file_is_answered_with_the_part_under_its_heading_and_what_follows():
    """Not the file's first lines and a row of '…' between headings the trim kept: the part that
    answers, under its heading, and the parts after it while they fit."""
    assert len(PLAIN) > sections.MAX_CHARS
    hit, whole = _plain_hit(PLAIN)
    found = sections.best_section("how much is it if I bring the bike back late", hit, whole=whole)

    assert found is not None and found.heading == "BRINGING A BIKE BACK LATE"
    assert found.body == ("A late return costs 8 euros for every started hour.\n\n"
                          "### LOST KEYS\n\nA lost lock key costs 30 euros to replace.")
    assert sections.ELISION not in found.body and "NORTHWIND" not in found.body


def test_a_plain_text_file_short_enough_is_shown_whole():
    short = "\n\n".join(PLAIN.split("\n\n")[3:])
    hit, whole = _plain_hit(short)
    found = sections.best_section("how much is it if I bring the bike back late", hit, whole=whole)
    assert found is not None and found.heading == "" and found.body == short


def test_a_sections_subsections_follow_it_when_they_fit():
    """A parent section whose own text is an intro ("You pay a deposit of £50") is chosen by its
    words; the time asked for is in the subsection under it."""
    whole = [Passage("out.md::v1::0", "When you rent a unit you pay a refundable deposit of £50.", "Moving out", 0.0),
             Passage("out.md::v1::1", "Tell us 7 days before you leave.", "Moving out > Giving notice", 0.0),
             Passage("out.md::v1::2", "It is refunded to your card within 10 working days of the inspection.",
                     "Moving out > Your refund", 0.0),
             Passage("out.md::v1::3", "Bring your own padlock.", "Renting a unit", 0.0)]
    hit = DocumentHit("out.md", "Moving out", "out.md", None, 0.9, [replace(whole[0], score=0.5)])
    found = sections.best_section("when will i get my £50 deposit back after i move out", hit, whole=whole)

    assert found is not None and found.heading == "Moving out"
    assert found.body.endswith(f"### Your refund\n\n{whole[2].text}")
    assert "padlock" not in found.body
    assert found.decided_body == whole[0].text  # answerability still reads the chosen section alone


def test_a_table_loaded_as_barred_lines_is_shown_as_a_table_cut_around_the_row_asked_for():
    """A DOCX table reaches the index as "Part | Price" lines: shown as a Markdown table, a long one
    keeps its header and the rows around the match."""
    rows = [f"Part {i} | €{i}.00" for i in range(20)]
    text = "\n".join(["Part | Price", *rows[:12], "Saddle | €31.00", *rows[12:]])
    whole = [Passage("damage.docx::v1::0", "Repairs are charged from this list.\n" + text, "Repair prices", 0.0)]
    hit = DocumentHit("damage.docx", "Damage", "damage.docx", None, 0.9, [replace(whole[0], score=0.5)])
    found = sections.best_section("how much is a new saddle", hit, whole=whole, max_chars=400)

    assert found is not None and "| Part | Price |\n|---|---|" in found.body and "| Saddle | €31.00 |" in found.body
    assert "| Part 0 | €0.00 |" not in found.body


DEPOT = "\n\n".join([
    "If nobody is in, the courier leaves a card. You can rearrange online from the link in the text message.",
    "Collection from the local depot is possible instead, on any weekday between the morning and evening "
    "opening times shown on the card. The depot holds it for 7 days. Bring photo ID and the card or the text "
    "message, or a letter from the person the parcel is addressed to.",
    _filler("redelivery", 6),
    _filler("fridge items", 6),
    "A parcel that comes back to us is never sent out again: we keep it for the supplier.",
    _filler("signatures", 6),
])


def test_a_long_sections_trim_keeps_the_sentence_with_the_time_asked_for():
    """The best sentences are picked by the words they share ("parcel ... back ... send"); the trim
    kept their neighbours and left out "The depot holds it for 7 days", the only time in the section."""
    assert len(DEPOT) > sections.MAX_CHARS
    whole = [Passage("missed.md::v1::0", DEPOT, "Missed deliveries", 0.0)]
    hit = DocumentHit("missed.md", "Missed deliveries", "missed.md", None, 0.9, [replace(whole[0], score=0.5)])
    question = "how long will the depot keep my parcel before sending it back"
    found = sections.best_section(question, hit, whole=whole)

    assert found is not None and "7 days" in found.body
    assert "comes back to us" in found.body  # what the words chose is still shown
    assert len(found.body) <= sections.MAX_CHARS + 120


def test_no_sentence_is_added_when_the_best_ones_hold_the_time_asked_for(monkeypatch):
    chosen = extractive.best_sentences("how long does the depot hold it", DEPOT)[0]
    assert sections.kind_sentence("how long does the depot hold it", DEPOT, tuple(chosen)) is None
    monkeypatch.setattr(sections, "KIND_SHARED", None)
    assert sections.kind_sentence("how long will the depot keep my parcel before sending it back", DEPOT, ()) is None


def test_search_s_nearest_section_trimmed_to_the_room_left_is_shown_even_when_the_trim_s_marks_overshoot():
    """The trim budgets the blocks it keeps, not the "…" it adds: the nearest section cut to the room
    left came out a few characters over it and was left out, with the time asked for."""
    limits = ("Reservations open 12 weeks before the date of travel.\n"
              "Reservations close 20 minutes before the train leaves.\n"
              "Reserve in the app, online, or at a ticket office.\nTicket machines cannot make reservations.\n"
              "A single booking can reserve up to 8 seats.\nFor more, call the group travel desk.")
    lost = ("If your reserved seat is not available, staff will find you another seat where possible. "
            "No compensation is paid for a free reservation. First Class holders who travel in Standard get "
            "the difference back.")
    whole = [Passage("seats.docx::v1::0", limits, "Booking and time limits", 0.0),
             Passage("seats.docx::v1::1", lost, "If we cannot give you your reserved seat", 0.0)]
    hit = DocumentHit("seats.docx", "Seat reservations", "seats.docx", None, 0.9,
                      [replace(whole[0], score=0.75), replace(whole[1], score=0.6)])
    question = "whats the latest i can reserve a seat before the train goes if my reserved seat is not available"
    found = sections.best_section(question, hit, whole=whole, max_chars=514)

    assert found is not None and found.heading == "If we cannot give you your reserved seat"
    assert "### Booking and time limits" in found.body and "20 minutes" in found.body
    assert len(found.body) <= 514


def test_a_question_s_word_meets_its_inflections_when_it_ends_in_e(monkeypatch):
    """ "charge" and "charging", "close" and "closed": before, the question's word kept its "e" and
    missed the inflected forms, which lost their suffix."""
    monkeypatch.setattr(extractive, "FINAL_E", True)
    extractive._content_words.cache_clear()
    assert extractive.content_words("can you cancel the parking charge") & extractive.content_words(
        "you were charging there") == {"charg"}
    assert "clos" in extractive.content_words("when does chat close") & extractive.content_words("chat is closed")
    extractive._content_words.cache_clear()


def test_search_s_nearest_section_gets_room_when_the_first_section_would_leave_it_none(monkeypatch):
    monkeypatch.setattr(sections, "NEAREST_ROOM", 250)
    hours = "\n\n".join(f"Funded hours paragraph {i}: hours are funded for a full term when you apply "
                        f"before the deadline and reconfirm your code." for i in range(8))
    whole = [Passage("fund.md::v1::0", hours, "Extended funded hours", 0.0),
             Passage("fund.md::v1::1", "We charge £7.50 for each funded full day.", "The consumables charge", 0.0)]
    hit = DocumentHit("fund.md", "Funding", "fund.md", None, 0.9,
                      [replace(whole[1], score=0.7), replace(whole[0], score=0.4)])
    question = "we get funded hours, what is the daily amount for a full day of funded hours"
    found = sections.best_section(question, hit, whole=whole)

    assert found is not None and found.heading == "Extended funded hours"
    assert "### The consumables charge\n\nWe charge £7.50" in found.body
    assert len(found.body) <= sections.MAX_CHARS


def test_a_wide_table_is_cut_to_the_rows_that_fit_the_room_left(monkeypatch):
    monkeypatch.setattr(sections, "FIT_ROWS", True)
    rows = [f"| Problem {i} that people sometimes report | Try turning it off and on again, then wait {i} minutes |"
            for i in range(5)]
    grey = "| Wallet pass is grey | The ticket was transferred, resold or cancelled. |"
    table = "\n".join(["| What you see | What to try |", "|---|---|", *rows[:3], grey, *rows[3:]])
    text = sections.trim(f"{table}\n\nStill stuck? Message us.", [grey], max_chars=400)

    assert len(text) <= 400 and "Wallet pass is grey" in text and text.startswith("| What you see |")
