"""The content of an HTML page as Markdown blocks: headings, paragraphs, lists and tables.

Read as one line per tag, a table arrived one cell per line and a section's paragraphs ran together
(nothing told one from the next): the customer saw run-on text, and the answer's trim read the whole
section as one paragraph. Here each block of the page becomes the Markdown a reader expects:
paragraphs separated by blank lines, `<br>` a line break, lists as "- item" / "1. item" lines
(nested ones indented), tables as Markdown tables (`markdown_blocks.table`), a definition list as
"- **term**: definition" items, `<pre>` as a fenced code block, `<strong>`/`<b>` as bold.

A page without HTML5 landmarks (`html_content`) keeps its menus, breadcrumbs and footer links; a
paragraph or list that is mostly link text (`LINK_SHARE`) is that navigation and is left out, by what
it is rather than by guessed class names.

One pass over the tree, no sibling lookups (bs4 finds a tag among its siblings one by one, which
is quadratic on long pages); recursion is bounded by `loaders_limits.MAX_HTML_DEPTH`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from knowledge_base import markdown_blocks

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Tags that end the run of inline text before them and start a new block.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", *HEADINGS,
})
_BOLD = frozenset({"strong", "b"})
# A paragraph or list whose letters are at least this share link text is the page's navigation (menus,
# breadcrumbs, "related articles", footer links), not its content: on the dev help centres' pages
# without HTML5 landmarks, every block it drops is one of those (70 blocks on 27 pages, none content).
LINK_SHARE = 0.7
_BREAK = "\ue002"  # a <br> inside a run of inline text (private-use, never in a page's own text)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlBlock:
    """A heading (`level` 1-6, `text` its words) or a block of Markdown (`level` 0)."""

    level: int
    text: str


def read_blocks(root: Any) -> list[HtmlBlock]:
    """The blocks of `root` (a bs4 tag with scripts and page chrome already removed), in page order."""
    reader = _Reader()
    reader.children(root)
    reader.flush()
    return reader.out


class _Reader:
    """Walks the tree once: inline text gathers into a run, which each block-level tag ends."""

    def __init__(self) -> None:
        self.out: list[HtmlBlock] = []
        self.run: list[str] = []
        self.in_link = 0  # depth of <a> tags around the text being read
        self.linked = 0  # letters of the run inside links

    def children(self, tag: Any) -> None:
        for child in tag.children:
            self.visit(child)

    def visit(self, node: Any) -> None:
        name = getattr(node, "name", None)
        if name is None:
            if _is_text(node):
                self.text(str(node))
            return
        if name == "br":
            self.run.append(_BREAK)
        elif name in _BOLD:
            self.text(_bold(node))
        elif name == "a":
            self.in_link += 1
            self.children(node)
            self.in_link -= 1
        elif name not in BLOCKS:
            self.children(node)  # an inline tag (a, span, em, ...): its text joins the run
        else:
            self.flush()
            self.block(node)
            self.flush()

    def text(self, text: str) -> None:
        self.run.append(text)
        if self.in_link:
            self.linked += _letters(text)

    def block(self, tag: Any) -> None:
        name = tag.name
        if name in HEADINGS:
            self.out.append(HtmlBlock(int(name[1]), _line(inline_text(tag, bold=False))))
        elif name in ("ul", "ol"):
            if not _links_only(tag):
                self.add("\n".join(_list_lines(tag, "")))
        elif name == "dl":
            self.add("\n".join(_definitions(tag)))
        elif name == "table":
            self.table(tag)
        elif name == "pre":
            code = tag.get_text().strip("\n")
            if code.strip():
                self.add(f"```\n{code}\n```")
        else:
            self.children(tag)

    def table(self, tag: Any) -> None:
        rows = list(_rows(tag))
        if max((len(row) for row in rows), default=0) <= 1:  # a layout table: its cells are blocks
            for row in rows:
                for cell in row:
                    self.children(cell)
                    self.flush()
            return
        caption = next((c for c in tag.children if getattr(c, "name", None) == "caption"), None)
        if caption is not None:
            self.add(_paragraph([inline_text(caption)]))
        self.add(markdown_blocks.table([[inline_text(cell) for cell in row] for row in rows]))

    def add(self, text: str) -> None:
        if text.strip():
            self.out.append(HtmlBlock(0, text))

    def flush(self) -> None:
        text = _paragraph(self.run)
        if not self.linked or self.linked < LINK_SHARE * _letters(text):
            self.add(text)
        self.run, self.linked = [], 0


def inline_text(tag: Any, *, bold: bool = True) -> str:
    """The text of `tag` as one run: block-level children are set apart by spaces, `<br>` kept as a
    break marker (`_paragraph` reads it), bold as `**` when `bold`."""
    out: list[str] = []
    _inline(tag, out, bold=bold)
    return "".join(out)


def _inline(tag: Any, out: list[str], *, bold: bool) -> None:
    for child in tag.children:
        name = getattr(child, "name", None)
        if name is None:
            if _is_text(child):
                out.append(str(child))
        elif name == "br":
            out.append(_BREAK)
        elif bold and name in _BOLD:
            out.append(_bold(child))
        elif name in BLOCKS:
            out.append(" ")
            _inline(child, out, bold=bold)
            out.append(" ")
        else:
            _inline(child, out, bold=bold)


def _bold(tag: Any) -> str:
    """`**words**`, the spaces around them kept outside the markers (else they are not bold)."""
    text = inline_text(tag, bold=False)
    core = _SPACE.sub(" ", text).strip()
    if not core or _BREAK in core or "*" in core:
        return text
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}**{core}**{trail}"


def _paragraph(run: list[str]) -> str:
    """A run of inline text as a paragraph: spaces collapsed, each `<br>` a line break, two in a row
    a paragraph break."""
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(run).split(_BREAK)]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _line(text: str) -> str:
    return _SPACE.sub(" ", text.replace(_BREAK, " ")).strip()


def _list_lines(tag: Any, indent: str) -> list[str]:
    """The items of a `<ul>`/`<ol>` (its `start` kept), each one line, nested lists indented below."""
    ordered = tag.name == "ol"
    number = _start(tag)
    lines: list[str] = []
    for item in tag.children:
        if getattr(item, "name", None) != "li":
            continue
        nested = [c for c in item.children if getattr(c, "name", None) in ("ul", "ol")]
        words = _line(inline_text(_without(item, nested)))
        marker = f"{number}." if ordered else "-"
        if words:
            lines.append(markdown_blocks.list_item(words, marker=marker, indent=indent))
            number += 1
        for sub in nested:
            lines += _list_lines(sub, markdown_blocks.nested_indent(indent, marker) if words else indent)
    return lines


def _start(tag: Any) -> int:
    try:
        return int(str(tag.get("start") or 1))
    except ValueError:
        return 1


class _Children:
    """A tag's children without some of them, for `inline_text` (the tree is not changed)."""

    def __init__(self, tag: Any, left_out: list[Any]) -> None:
        ids = {id(t) for t in left_out}
        self.children = [c for c in tag.children if id(c) not in ids]


def _without(tag: Any, left_out: list[Any]) -> Any:
    return _Children(tag, left_out) if left_out else tag


def _definitions(tag: Any) -> list[str]:
    """A `<dl>` as "- **term**: definition" items (several definitions of a term joined by "; ")."""
    items: list[tuple[str, list[str]]] = []
    for child in _dl_children(tag):
        text = _line(inline_text(child, bold=child.name == "dd"))
        if not text:
            continue
        if child.name == "dt":
            items.append((text, []))
        elif items:
            items[-1][1].append(text)
        else:
            items.append(("", [text]))
    lines = []
    for term, definitions in items:
        said = "; ".join(definitions)
        words = f"**{term}**: {said}" if term and said else f"**{term}**" if term else said
        lines.append(markdown_blocks.list_item(words))
    return lines


def _dl_children(tag: Any) -> list[Any]:
    """The `<dt>`s and `<dd>`s of a `<dl>`, also those grouped in a `<div>` (HTML allows it)."""
    out = []
    for child in tag.children:
        name = getattr(child, "name", None)
        if name in ("dt", "dd"):
            out.append(child)
        elif name == "div":
            out += [c for c in child.children if getattr(c, "name", None) in ("dt", "dd")]
    return out


def _rows(table: Any) -> list[list[Any]]:
    """The cells (`<th>`, `<td>`) of each row of `table`, not of tables nested in its cells; a cell
    spanning columns is followed by empty ones so the columns line up."""
    rows: list[list[Any]] = []
    _collect_rows(table, rows)
    return rows


def _collect_rows(tag: Any, rows: list[list[Any]]) -> None:
    for node in tag.children:
        name = getattr(node, "name", None)
        if name in ("thead", "tbody", "tfoot"):
            _collect_rows(node, rows)
        elif name == "tr":
            cells: list[Any] = []
            for cell in node.children:
                if getattr(cell, "name", None) in ("td", "th"):
                    cells.append(cell)
                    cells += [_EMPTY] * (_span(cell) - 1)
            if cells:
                rows.append(cells)


def _span(cell: Any) -> int:
    try:
        return max(1, min(int(str(cell.get("colspan") or 1)), 20))
    except ValueError:
        return 1


class _Empty:
    """An empty cell standing in for the columns a spanning cell covers."""

    children: tuple[Any, ...] = ()


_EMPTY = _Empty()


def _links_only(tag: Any) -> bool:
    """Whether a list is navigation: its letters at least `LINK_SHARE` link text."""
    linked = sum(_letters(a.get_text()) for a in tag.find_all("a"))
    return bool(linked) and linked >= LINK_SHARE * _letters(tag.get_text())


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _is_text(node: Any) -> bool:
    """Text a reader sees: not a comment, doctype or processing instruction (bs4's subclasses of
    its string type; by name, so that bs4 is imported only by the loader that uses it)."""
    return type(node).__name__ in _TEXT_TYPES


_TEXT_TYPES = frozenset({"NavigableString", "CData"})
