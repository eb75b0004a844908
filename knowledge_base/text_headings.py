"""Headings of plain text (TXT files, PDFs without font-size structure), where a reader sees them.

Plain text has no heading markup, but help-centre authors mark headings in three common ways: a line
in capitals, a line wrapped in equals signs (`== Returns ==`) or a line underlined with `=`, `-` or
`~` (setext style). Each is only taken as a heading where a reader would see one: unindented, short,
after a blank line (or at the top), not a list item or table row; so a capitalised word in a
paragraph, a code in a table or an indented table rule stays text. A line marked only by its
capitals also needs text under it before the next heading; one marked with `=`, `-` or `~` is a
heading even over nothing (a document title above its first section).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADING_CHARS = 80
_WRAPPED = re.compile(r"^(={1,6})[ \t]*(\S.*?)[ \t]*\1$")
_UNDERLINE = re.compile(r"^(?:=+|-+|~+)$")
_LIST_ITEM = re.compile(r"^(?:[-*+\u2022]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_TABLE_GAP = re.compile(r"\S(?: {2,}|\t)\S")


@dataclass(frozen=True)
class TextHeading:
    """A heading found at `line`, written over `size` lines (2 when underlined)."""

    line: int
    size: int
    text: str
    marked: bool  # written with `=`, `-` or `~` (explicit markup) rather than only in capitals


def find_headings(lines: list[str]) -> list[TextHeading]:
    """The headings of `lines` in reading order (see the module docstring for what counts)."""
    found: list[TextHeading] = []
    n = 0
    while n < len(lines):
        heading = _heading_at(lines, n)
        if heading is not None:
            found.append(heading)
            n += heading.size
        else:
            n += 1
    return [h for i, h in enumerate(found)
            if h.marked or _has_text_under(lines, h, found[i + 1] if i + 1 < len(found) else None)]


def _heading_at(lines: list[str], n: int) -> TextHeading | None:
    raw = lines[n]
    line = raw.strip()
    if not _heading_shaped(raw, line) or (n > 0 and lines[n - 1].strip()):
        return None
    under = lines[n + 1] if n + 1 < len(lines) else ""
    if _UNDERLINE.match(under) and len(under.rstrip()) >= max(3, len(line) // 2):
        return TextHeading(n, 2, line, marked=True)
    wrapped = _WRAPPED.match(line)
    if wrapped and any(c.isalpha() for c in wrapped.group(2)):
        return TextHeading(n, 1, wrapped.group(2), marked=True)
    cased = [c for c in line if c.lower() != c.upper()]
    if len(cased) >= 3 and all(c.isupper() for c in cased):
        return TextHeading(n, 1, line, marked=False)
    return None


def _heading_shaped(raw: str, line: str) -> bool:
    """Short, unindented, not a list item, table row, sentence or label ("NOTE:")."""
    return (
        bool(line) and raw[:1] == line[:1] and len(line) <= MAX_HEADING_CHARS
        and not _LIST_ITEM.match(line) and "|" not in line and not _TABLE_GAP.search(line)
        and not line.endswith((".", ",", ";", ":")) and not _UNDERLINE.match(line)
    )


def _has_text_under(lines: list[str], heading: TextHeading, following: TextHeading | None) -> bool:
    end = following.line if following is not None else len(lines)
    return any(line.strip() for line in lines[heading.line + heading.size:end])
