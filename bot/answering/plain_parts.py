"""The parts of a plain-text section, split at the headings a reader sees, for the offline answer.

A TXT file (or a PDF without font sizes) is indexed as one untitled section: splitting it at its
headings when indexing changed the chunks, and the ranking lost more right documents than the
answers gained (`5b21f09`). So the index keeps the file whole and only the answer reads it in parts:
the part under "COMING FROM ANOTHER DENTIST" is shown with that heading instead of the page's first
lines and a row of "…" where other parts' headings were kept by the trim.

Search's similarity for a part is that of the returned chunks it shares a line with, so a part
scores by the chunk that holds it, not by the best chunk of the whole file.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from knowledge_base.results import Passage
from knowledge_base.text_headings import find_headings

SECTION_SEPARATOR = " > "
MIN_SHARED_LINE = 20  # characters of a line shared with a chunk for the part to count as in it


@dataclass(frozen=True)
class Part:
    """One part of a section: its path (the section's, plus the plain-text heading) and its text."""

    section: str
    text: str


def plain_parts(section: str, text: str) -> list[Part]:
    """`text` cut at its plain-text headings (`text_headings`); the whole section when it has none.

    The lines before the first heading keep the section's own path; a heading with nothing under
    it (an underlined document title) gives no part.
    """
    lines = text.splitlines()
    headings = find_headings(lines)
    if not headings:
        return [Part(section, text)]
    parts = []
    before = "\n".join(lines[: headings[0].line]).strip()
    if before:
        parts.append(Part(section, before))
    for i, heading in enumerate(headings):
        end = headings[i + 1].line if i + 1 < len(headings) else len(lines)
        body = "\n".join(lines[heading.line + heading.size : end]).strip()
        if body:
            path = f"{section}{SECTION_SEPARATOR}{heading.text}" if section else heading.text
            parts.append(Part(path, body))
    return parts


def holds(passage: Passage, part: Part) -> bool:
    """Whether search's chunk `passage` holds some of `part`: a line of it long enough to be its own."""
    return any(len(line.strip()) >= MIN_SHARED_LINE and line.strip() in passage.text
               for line in part.text.splitlines())


CELL_SEPARATOR = " | "
DOCX = ".docx"
PLAIN_TEXT = frozenset({".txt", ".pdf"})  # loaded as one untitled section when no headings were found


def reads_in_parts(source: str, section: str) -> bool:
    """Whether a section is the untitled whole of a TXT file or of a PDF without headings (the only
    texts `plain_parts` is for): Markdown, HTML and DOCX sections have headings of their own."""
    return not section and file_type(source) in PLAIN_TEXT


@functools.lru_cache(maxsize=1024)  # NOTE: a turn asks it of the shown document's source (~14 us with pathlib)
def file_type(source: str) -> str:
    """The lower-case suffix of a document's source (".docx"), "" for a web page without one."""
    return PurePosixPath(urlsplit(source).path).suffix.lower()


def piped_tables(text: str) -> str:
    """Runs of two or more lines split by " | " into as many cells each, as a Markdown table.

    A DOCX table is loaded as one line per row, its cells joined by " | " (`loaders.parse_docx`),
    which the widget shows as run-on text and the trim reads as a paragraph. As a table (blank lines
    around it, so the text after it is not read as a row), the first row is its header: a long
    table is cut to the rows around the match with the header kept, and a row is read with its
    column names. The words stay as they were. Only for text loaded from a DOCX (`DOCX`): elsewhere
    " | " is a shell pipeline in a code block or a Markdown table without outer bars.
    """
    lines = text.split("\n")
    out: list[str] = []
    n = 0
    while n < len(lines):
        cells = len(_cells(lines[n]))
        end = n + 1
        while cells > 1 and end < len(lines) and len(_cells(lines[end])) == cells:
            end += 1
        if cells > 1 and end - n >= 2:
            rows = [f"| {' | '.join(_cells(line))} |" for line in lines[n:end]]
            out += [*([""] if out and out[-1].strip() else []), rows[0], "|" + "---|" * cells, *rows[1:],
                    *([""] if end < len(lines) and lines[end].strip() else [])]
        else:
            out += lines[n:end]
        n = end
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    """The cells of `line` as a row written with " | " ([] when it is not one, or a Markdown row)."""
    stripped = line.strip()
    if CELL_SEPARATOR not in f" {stripped} " or (stripped.startswith("|") and stripped.endswith("|")):
        return []
    return [cell.strip() for cell in f" {stripped} ".split(CELL_SEPARATOR)]  # padded: an empty end cell counts
