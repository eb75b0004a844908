"""HTML and DOCX files become Markdown sections: paragraphs, lists and tables as a reader sees them."""
from __future__ import annotations

from pathlib import Path

from knowledge_base.documents import load_document
from knowledge_base.markdown_blocks import table


def _html(tmp_path: Path, body: str) -> list[tuple[tuple[str, ...], str]]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Fees</title></head><body><h1>Fees</h1>{body}</body></html>", encoding="utf-8")
    return [(s.path, s.text) for s in load_document(path, source="page.html").sections]


def test_an_html_table_is_a_markdown_table_with_its_header(tmp_path: Path) -> None:
    body = (
        "<h2>Regions</h2><p>Fees per box:</p>"
        "<table><thead><tr><th>Region</th><th>Fee</th></tr></thead>"
        "<tbody><tr><td>Munster</td><td>\n  €4.49\n</td></tr><tr><td>Cork | Kerry</td><td><b>€4.99</b></td></tr>"
        "<tr><td colspan='2'>Free over €60</td></tr></tbody></table><p>Islands are not served.</p>"
    )
    assert _html(tmp_path, body) == [(("Regions",), (
        "Fees per box:\n\n"
        "| Region | Fee |\n|---|---|\n| Munster | €4.49 |\n| Cork / Kerry | **€4.99** |\n| Free over €60 |  |\n\n"
        "Islands are not served."))]


def test_html_paragraphs_are_separated_by_blank_lines_and_br_breaks_a_line(tmp_path: Path) -> None:
    body = (
        "<p>Call us on\n 0300 555 0142.</p><p>Or write to:<br>Quay House<br/>Leeds</p>"
        "<div>Loose text <span>in a div</span><p>then a paragraph</p>and more</div><p>A<br><br>B</p>"
        "<!-- an editor's note -->"
    )
    assert _html(tmp_path, body) == [((), (
        "Call us on 0300 555 0142.\n\nOr write to:\nQuay House\nLeeds\n\nLoose text in a div\n\n"
        "then a paragraph\n\nand more\n\nA\n\nB"))]


def test_html_lists_are_markdown_items_numbered_and_nested(tmp_path: Path) -> None:
    body = (
        "<p>To return:</p><ol start='3'><li>Pack it</li><li><p>Print the label</p>"
        "<ul><li>A4 paper</li><li>or the app's QR code</li></ul></li></ol>"
        "<dl><dt>Standard</dt><dd>3-5 days</dd><dt>Express</dt><dd>next day</dd><dd>before 1pm</dd></dl>"
    )
    assert _html(tmp_path, body) == [((), (
        "To return:\n\n3. Pack it\n4. Print the label\n   - A4 paper\n   - or the app's QR code\n\n"
        "- **Standard**: 3-5 days\n- **Express**: next day; before 1pm"))]


def test_a_one_column_layout_table_and_preformatted_text(tmp_path: Path) -> None:
    body = "<table><tr><td><p>Opening hours</p><p>9 to 5</p></td></tr></table><pre>PIN: 1234\nPUK: 5678</pre>"
    assert _html(tmp_path, body) == [((), "Opening hours\n\n9 to 5\n\n```\nPIN: 1234\nPUK: 5678\n```")]


def test_docx_paragraphs_lists_and_tables_are_markdown_blocks(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Registered address", level=1)
    document.add_paragraph("Use our address for your company.")
    document.add_paragraph("Available at all sites.")
    document.add_paragraph("€45 per month.", style="List Bullet")
    document.add_paragraph("Minimum term 12 months.", style="List Bullet")
    document.add_paragraph("Order it in the portal.", style="List Number")
    document.add_paragraph("Upload photo ID.", style="List Number")
    document.add_paragraph("A passport is fine.", style="List Bullet 2")
    document.add_paragraph("We verify it.", style="List Number")
    grid = document.add_table(rows=2, cols=3)
    grid.rows[0].cells[0].text, grid.rows[0].cells[1].text, grid.rows[0].cells[2].text = "Item", "Fee", "Note"
    grid.rows[1].cells[0].text = "Scan"
    grid.rows[1].cells[1].merge(grid.rows[1].cells[2]).text = "€2"
    path = tmp_path / "address.docx"
    document.save(str(path))
    assert load_document(path, source="address.docx").sections[0].text == (
        "Use our address for your company.\n\nAvailable at all sites.\n\n"
        "- €45 per month.\n- Minimum term 12 months.\n1. Order it in the portal.\n2. Upload photo ID.\n"
        "   - A passport is fine.\n3. We verify it.\n\n"
        "| Item | Fee | Note |\n|---|---|---|\n| Scan | €2 |  |")


def test_markdown_table_pads_short_rows() -> None:
    assert table([["a", "b", "c"], ["1"]]) == "| a | b | c |\n|---|---|---|\n| 1 |  |  |"
    assert table([]) == ""


def test_navigation_of_a_page_without_landmarks_is_left_out(tmp_path: Path) -> None:
    body = (
        "<div class='top'><a href='/'>Shop</a> | <a href='/help'>Help centre</a> | <a href='/in'>Log in</a></div>"
        "<ul class='menu'><li><a href='/a'>Plans</a></li><li><a href='/b'>Delivery</a></li></ul>"
        "<p>Delivery costs €4.49 in Munster; see <a href='/d'>delivery days</a> for the rest.</p>"
        "<ul><li>Order by <a href='/cut'>Wednesday</a> for Saturday</li></ul>"
    )
    assert _html(tmp_path, body) == [((), (
        "Delivery costs €4.49 in Munster; see delivery days for the rest.\n\n- Order by Wednesday for Saturday"))]
