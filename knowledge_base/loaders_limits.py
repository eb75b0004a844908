"""Bounds on what one document may cost, and on which files a synced folder may hand us.

Documents come from a folder that someone else fills, so a file is data and nothing more: a
symbolic link that leaves the folder (to `.env`, `/etc`, a home directory) is refused by name, a
file name with control characters (newlines, terminal escapes) is refused, and a file that is too
big, inflates too much (DOCX is a zip, PDF streams are deflated), or gives too many characters or
chunks fails on its own with a reason the sync report shows. Each check raises `ValueError` with
that reason; callers turn it into a `DocumentLoadError` naming the file.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MB = 1024 * 1024
MAX_HTML_DEPTH = 256  # real pages nest a few dozen elements; a page builder's worst about a hundred
# C0 and C1 controls, DEL, and the bidirectional overrides that make a name read differently.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class DocumentLimits:
    """Per-document ceilings (`SUPPORTBOT_KB__MAX_*` settings); each breach is one named failure."""

    max_file_bytes: int = 20 * _MB
    max_unpacked_bytes: int = 100 * _MB  # what a DOCX or the PDF streams inflate to
    max_chars: int = 1_000_000
    max_chunks: int = 2_000
    max_markdown_lines: int = 50_000  # see `check_markdown_lines`


def printable_name(name: str) -> str:
    """`name` with control and direction characters shown as escapes, safe in a terminal or log."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def has_unsafe_characters(name: str) -> bool:
    return _UNSAFE.search(name) is not None


def check_file_size(size: int, limits: DocumentLimits) -> None:
    if size > limits.max_file_bytes:
        raise ValueError(f"file too large ({_mb(size)}; the limit is {_mb(limits.max_file_bytes)}, "
                         "SUPPORTBOT_KB__MAX_FILE_MB)")


def check_chars(count: int, limits: DocumentLimits) -> None:
    if count > limits.max_chars:
        raise ValueError(f"too much text ({count:,} characters; the limit is {limits.max_chars:,}, "
                         "SUPPORTBOT_KB__MAX_DOCUMENT_CHARS)")


def check_markdown_lines(text: str, limits: DocumentLimits) -> None:
    """Refuse Markdown with more lines than its parser may take on one upload, before parsing it.

    The block parser costs ~6-30 microseconds a line (a list item the most), whatever the line holds:
    within 1,000,000 characters, 250,000 one-word list items took 6.9 CPU s of the server's thread.
    50,000 lines bound that to ~1.5 s; our help centres' Markdown averages 65 characters a line, so
    1,000,000 characters of it is ~15,000 lines. The parser breaks lines at "\r\n", a lone "\r" and
    "\n" alike, so all three are counted (a file of "\r" line breaks is no single line).
    """
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if lines > limits.max_markdown_lines:
        raise ValueError(f"too many lines for Markdown ({lines:,}; the limit is {limits.max_markdown_lines:,}, "
                         "SUPPORTBOT_KB__MAX_MARKDOWN_LINES)")


def check_chunks(count: int, limits: DocumentLimits) -> None:
    if count > limits.max_chunks:
        raise ValueError(f"too many chunks ({count:,}; the limit is {limits.max_chunks:,}, "
                         "SUPPORTBOT_KB__MAX_DOCUMENT_CHUNKS)")


def check_html_depth(soup: Any) -> None:
    """Refuse HTML nested deeper than `MAX_HTML_DEPTH` elements, in one pass over the parsed tree.

    Reading a page walks each element's subtree more than once, so a pathological nesting (100,000
    `<div>`s in 500 KB) would cost hours of one thread; no help-centre page is nested like that.
    """
    depth: dict[int, int] = {id(soup): 0}
    for element in soup.descendants:
        if getattr(element, "name", None) is None:  # text: no children
            continue
        level = depth[id(element.parent)] + 1
        if level > MAX_HTML_DEPTH:
            raise ValueError(f"HTML nested deeper than {MAX_HTML_DEPTH} elements (unreadable page structure)")
        depth[id(element)] = level


def check_zip_unpacked(data: bytes, limits: DocumentLimits) -> None:
    """Refuse a zip (DOCX) whose members inflate past the limit, before anything is inflated.

    `zipfile` never returns more than a member's declared size, so the declared sizes bound it.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the DOCX parser says so with its own reason
    if total > limits.max_unpacked_bytes:
        raise ValueError(unpacked_reason(total, limits))


def unpacked_reason(total: int, limits: DocumentLimits) -> str:
    return (f"inflates too much ({_mb(total)} unpacked; the limit is {_mb(limits.max_unpacked_bytes)}, "
            "SUPPORTBOT_KB__MAX_UNPACKED_MB)")


def link_escape(path: Path, root: Path) -> str | None:
    """Why `path` must not be read as a document of `root`, or None when it may.

    A link (of the file or of a folder on its way) must land inside `root`, and never on a hidden
    file there: `ln -s ../.env notes.txt` is refused even when the secret sits inside the folder.
    """
    root = root.resolve()
    if not os.path.islink(path) and path.resolve() == Path(os.path.abspath(path)):
        return None  # no link anywhere on the way
    target = path.resolve()
    if not target.is_relative_to(root):
        return "symbolic link leading out of the synced folder (refused)"
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        return "symbolic link to a hidden file (refused)"
    return None


def _mb(size: int) -> str:
    return f"{size / _MB:.1f} MB"
