"""Plain-text headings: capitals, `== X ==` and underlines are headings; look-alikes stay text."""
from __future__ import annotations

from pathlib import Path

from knowledge_base.documents import load_document
from knowledge_base.loaders import parse_text
from knowledge_base.text_headings import find_headings


def _paths(text: str) -> list[tuple[str, ...]]:
    return [section.path for section in parse_text(text).sections]


def test_capitalised_wrapped_and_underlined_headings_start_sections() -> None:
    text = ("Intro line.\n\nOPENING HOURS\nWe open at 9.\n\n== Refunds ==\nWithin 30 days.\n\n"
            "Late returns\n------------\nA fee of 5 euros.\n\nPasses\n======\nDay pass 12 euros.\n")
    sections = parse_text(text).sections
    assert [s.path for s in sections] == [(), ("OPENING HOURS",), ("Refunds",), ("Late returns",), ("Passes",)]
    assert [s.text for s in sections][1:] == ["We open at 9.", "Within 30 days.", "A fee of 5 euros.",
                                              "Day pass 12 euros."]


def test_list_items_table_rows_labels_and_mid_paragraph_capitals_stay_text() -> None:
    text = ("FEES\n"
            "- DAY PASS\n- ANNUAL PASS\n\n"
            "  Type of visit            Fee\n  -------------            ---\n  CHECK-UP                 25\n\n"
            "PLAN   PRICE\nBASIC  10\n\n"
            "NOTE:\nBring your card.\nIMPORTANT\nthis line follows text, so the capitals above are not a heading.\n")
    assert _paths(text) == [("FEES",)]


def test_a_heading_with_nothing_under_it_stays_text() -> None:
    lines = ["ABOUT US", "", "CONTACT", "Call 0100."]
    assert [h.text for h in find_headings(lines)] == ["CONTACT"]
    assert parse_text("\n".join(lines)).sections[0].text.startswith("ABOUT US")


def test_lines_without_enough_cased_letters_are_not_headings() -> None:
    assert find_headings(["DR10", "Code for a drink-driving offence.", "", "42", "Answer.", "", "\u6599\u91d1",
                          "Prices."]) == []


def test_a_text_files_title_stays_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "group-bookings.txt"
    path.write_text("ACME FERRIES\nHelp centre\n\nDISCOUNTS\n15% off for 10 or more.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Group bookings"
    assert [s.path for s in doc.sections] == [("ACME FERRIES",), ("DISCOUNTS",)]


def test_an_underlined_title_over_its_first_section_is_not_left_as_text() -> None:
    text = "App login\n=========\n\nPasswords\n---------\nAt least 12 characters.\n"
    sections = parse_text(text).sections
    assert [(s.path, s.text) for s in sections] == [(("Passwords",), "At least 12 characters.")]
