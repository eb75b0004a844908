"""Plain-text headings: capitals, `== X ==` and underlines are headings; look-alikes stay text."""
from __future__ import annotations

from knowledge_base.text_headings import find_headings


def _headings(text: str) -> list[str]:
    return [h.text for h in find_headings(text.splitlines())]


def test_capitalised_wrapped_and_underlined_headings_are_found() -> None:
    text = ("Intro line.\n\nOPENING HOURS\nWe open at 9.\n\n== Refunds ==\nWithin 30 days.\n\n"
            "Late returns\n------------\nA fee of 5 euros.\n\nPasses\n======\nDay pass 12 euros.\n")
    assert _headings(text) == ["OPENING HOURS", "Refunds", "Late returns", "Passes"]


def test_list_items_table_rows_labels_and_mid_paragraph_capitals_stay_text() -> None:
    text = ("FEES\n"
            "- DAY PASS\n- ANNUAL PASS\n\n"
            "  Type of visit            Fee\n  -------------            ---\n  CHECK-UP                 25\n\n"
            "PLAN   PRICE\nBASIC  10\n\n"
            "NOTE:\nBring your card.\nIMPORTANT\nthis line follows text, so the capitals above are not a heading.\n")
    assert _headings(text) == ["FEES"]


def test_a_capitalised_heading_with_nothing_under_it_stays_text() -> None:
    assert _headings("ABOUT US\n\nCONTACT\nCall 0100.") == ["CONTACT"]


def test_lines_without_enough_cased_letters_are_not_headings() -> None:
    assert find_headings(["DR10", "Code for a drink-driving offence.", "", "42", "Answer.", "", "\u6599\u91d1",
                          "Prices."]) == []


def test_an_underlined_title_over_nothing_is_still_a_heading() -> None:
    assert _headings("App login\n=========\n\nPasswords\n---------\nAt least 12 characters.\n") == [
        "App login", "Passwords"]
