"""A plain-text section read in parts at its headings, for the offline answer only."""
from __future__ import annotations

from bot.answering.plain_parts import Part, holds, piped_tables, plain_parts
from knowledge_base.results import Passage

GUIDE = ("ACME FERRIES\nGroup travel\n\nWHO COUNTS AS A GROUP\n10 or more passengers on one sailing.\n\n"
         "== Discounts ==\nGroups save 15% on foot passenger fares.\n\nCoaches\n-------\nCoaches book by phone.\n\n"
         "EMPTY\n")


def test_a_plain_text_section_is_cut_at_its_headings_the_lines_before_them_kept_apart() -> None:
    assert plain_parts("", GUIDE) == [
        Part("ACME FERRIES", "Group travel"),
        Part("WHO COUNTS AS A GROUP", "10 or more passengers on one sailing."),
        Part("Discounts", "Groups save 15% on foot passenger fares."),
        Part("Coaches", "Coaches book by phone.\n\nEMPTY"),
    ]
    assert plain_parts("Fares", "Intro first.\n\nDISCOUNTS\n15% off.")[1] == Part("Fares > DISCOUNTS", "15% off.")


def test_a_section_without_plain_text_headings_stays_whole() -> None:
    text = "Groups of 10 save 15%.\n\n- Book by phone\n- Pay a deposit"
    assert plain_parts("Groups", text) == [Part("Groups", text)]


def test_a_part_is_in_a_chunk_that_holds_one_of_its_longer_lines() -> None:
    part = Part("Discounts", "Groups save 15% on foot passenger fares.\nOK.")
    assert holds(Passage("g.txt::v1::0", "== Discounts ==\nGroups save 15% on foot passenger fares.", "", 0.5), part)
    assert not holds(Passage("g.txt::v1::1", "OK.\nCoaches book by phone.", "", 0.5), part)


def test_rows_written_with_bars_become_a_markdown_table_set_apart_from_the_text_around_it() -> None:
    text = "Our prices:\n | Basic | Plus\nMonthly | 5 | 9\nYearly | 50 | 90\nPrices include VAT."
    assert piped_tables(text) == ("Our prices:\n\n|  | Basic | Plus |\n|---|---|---|\n| Monthly | 5 | 9 |\n"
                                  "| Yearly | 50 | 90 |\n\nPrices include VAT.")


def test_a_lone_barred_line_a_ragged_run_and_a_markdown_table_are_left_as_they_are() -> None:
    for text in ("Home | Help centre\nWelcome.", "a | b\nc | d | e", "| a | b |\n|---|---|\n| 1 | 2 |"):
        assert piped_tables(text) == text


def _shown(source: str, text: str, question: str) -> str:
    from bot.answering import sections
    from knowledge_base.results import DocumentHit

    passage = Passage(f"{source}::v1::0", text, "Plans", 0.6)
    found = sections.best_section(question, DocumentHit(source, "Plans", source, None, 0.9, [passage]))
    assert found is not None
    return found.body


def test_only_text_loaded_from_a_docx_has_its_barred_rows_made_a_table() -> None:
    rows = "Plan | Price\nBasic | 5 euros a month\nPlus | 9 euros a month"
    assert "|---|---|" in _shown("plans.docx", rows, "how much is the Plus plan a month")
    for source in ("plans.md", "https://help.example.com/plans", "plans.txt"):
        assert "|---|" not in _shown(source, rows, "how much is the Plus plan a month")
    shell = "Send us the errors:\n\ncat /var/log/sync.log | grep ERROR\njournalctl -u sync | tail -n 50"
    assert "cat /var/log/sync.log | grep ERROR" in _shown("logs.md", shell, "how do I send the sync errors")


def test_a_row_with_an_empty_last_cell_stays_in_the_table() -> None:
    text = "Part | Price | Notes\nSaddle | 31 | fitted free\nChain | 18 | \nTyre | 25 | per wheel"
    assert piped_tables(text) == ("| Part | Price | Notes |\n|---|---|---|\n| Saddle | 31 | fitted free |\n"
                                  "| Chain | 18 |  |\n| Tyre | 25 | per wheel |")


def test_only_a_plain_text_file_or_a_pdf_without_headings_is_read_in_parts() -> None:
    from bot.answering import sections
    from knowledge_base.results import DocumentHit

    filler = " ".join(f"Step {i} of the setup is described in the quick start guide in the box." for i in range(12))
    text = f"{filler}\n\nIMPORTANT\n\nNever run vinegar through the kettle: it voids the warranty.\n"
    question = "can I use vinegar to descale the kettle"
    headings = {}
    for source, section in [("descale.txt", ""), ("descale.pdf", ""), ("descale.md", "Descale the kettle"),
                            ("https://help.example.com/descale", ""), ("descale.pdf", "Descaling")]:
        passage = Passage(f"{source}::v1::0", text, section, 0.6)
        found = sections.best_section(question, DocumentHit(source, "Descaling", source, None, 0.9, [passage]))
        assert found is not None
        headings[(source, section)] = found.heading
    assert headings[("descale.txt", "")] == headings[("descale.pdf", "")] == "IMPORTANT"
    assert headings[("descale.md", "Descale the kettle")] == "Descale the kettle"
    assert headings[("https://help.example.com/descale", "")] == ""
    assert headings[("descale.pdf", "Descaling")] == "Descaling"
