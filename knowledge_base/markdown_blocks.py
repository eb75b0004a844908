"""Markdown for the blocks that loaders find in HTML and DOCX files: tables, lists, paragraphs.

A section's text is what the customer reads (the widget renders its Markdown) and what the answer's
sentence splitter and trim read: blocks separated by blank lines, tables as Markdown tables (their
first row the header), list items one to a line. Every loader that writes one of these writes it
here, so an HTML table and a DOCX table come out alike.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

_SPACE = re.compile(r"\s+")
CELL_BAR = "/"  # what a "|" inside a cell becomes: the widget splits a row at every bar


def cell(text: str) -> str:
    """One table cell on one line, without the bar that would split it."""
    return _SPACE.sub(" ", text).strip().replace("|", CELL_BAR)


def table(rows: Sequence[Sequence[str]]) -> str:
    """`rows` (the first is the header) as a Markdown table, short rows padded with empty cells."""
    width = max((len(row) for row in rows), default=0)
    if not width:
        return ""
    lines = [_row([*map(cell, row), *[""] * (width - len(row))]) for row in rows]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def list_item(text: str, *, marker: str = "-", indent: str = "") -> str:
    """One list item ("- text", "3. text") after `indent`; its own line breaks become spaces (a
    Markdown list item is one line here)."""
    return f"{indent}{marker} {_SPACE.sub(' ', text).strip()}"


def nested_indent(indent: str, marker: str) -> str:
    """The indent of a list nested in an item written with `marker` after `indent`: CommonMark nests
    a list under an item only when it starts where the item's text does ("1. " is three wide)."""
    return indent + " " * (len(marker) + 1)


def joined(blocks: Sequence[str]) -> str:
    """Blocks separated by one blank line each, empty ones left out."""
    return "\n\n".join(b.strip("\n") for b in blocks if b.strip())
