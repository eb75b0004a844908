"""Format parsers: bytes or text of one file -> title, metadata and heading-structured sections.

Each parser raises `ValueError` with a human reason on bad input; `documents.load_document` turns
that into a `DocumentLoadError` that names the file.
"""
from __future__ import annotations

import datetime
import functools
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from knowledge_base import html_content
from knowledge_base.loaders_limits import DocumentLimits, check_html_depth, unpacked_reason

_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))+")
_FRONT_MATTER_OPENING = re.compile(r"\A[ \t]*-{3,}[ \t]*(?:\r\n|\r|\n)")
_TRUST_LINE = re.compile(r"^[ \t]*trust[ \t]*:", re.IGNORECASE | re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_DROP = ("head", "title", "script", "style", "nav", "noscript", "template", "svg", "iframe", "form", "button")
_HTML_BLOCKS = (
    "p", "li", "pre", "td", "th", "dd", "dt", "blockquote", "figcaption", "div", "section",
    "article", "tr", "br", "table", "ul", "ol", "main", "header", "footer", "aside",
)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RS, _HS = "\ue000", "\ue001"  # block separator and heading marker (private-use, not whitespace)
_SCALARS = (str, int, float, datetime.date)  # what YAML gives a plain front-matter value (bool is an int)


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path (`()` = before the first heading)."""

    path: tuple[str, ...]
    text: str


@dataclass
class Parsed:
    """What a parser found; ids, sources and hashes are added by `documents`."""

    sections: list[Section]
    title: str | None = None
    url: str | None = None
    doc_id: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    trust: str | None = None  # front matter `trust:` ("community": written by customers, not the company)
    warnings: tuple[str, ...] = ()  # indexed anyway, but a knowledge manager should fix it (shown by `kb sync`)


class _Outline:
    """Collects text under a heading stack; headings equal to the title are not repeated."""

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.stack: list[tuple[int, str]] = []
        self.sections: list[Section] = []
        self.lines: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.flush()
        text = _WS.sub(" ", text).strip()
        if not text:
            return
        if self.title is None and level == 1 and not self.stack:
            self.title = text
            return
        if level == 1 and text == self.title and not self.stack:
            return
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, text))

    def add(self, line: str) -> None:
        self.lines.append(line)

    def flush(self) -> None:
        text = "\n".join(self.lines).strip()
        self.lines = []
        if text:
            self.sections.append(Section(tuple(t for _, t in self.stack), text))


def parse_markdown(text: str) -> Parsed:
    """Markdown with optional YAML front matter (title, url, tags, id, trust)."""
    meta: dict = {}
    warnings: tuple[str, ...] = ()
    text = _LEADING_BLANK_LINES.sub("", text, count=1)  # a blank first line must not hide `trust: community`
    match = _FRONT_MATTER.match(text)
    if match:
        meta, warning = _front_matter(match.group(1))
        meta = {str(k).lower(): v for k, v in meta.items()}  # `Trust:` and `TRUST:` are `trust:`
        warnings = (warning,) if warning else ()
        text = text[match.end():]
    elif _FRONT_MATTER_OPENING.match(text):
        if _TRUST_LINE.search(text[:2000]):  # read as text it would be the company's voice: refuse instead
            raise ValueError("front matter sets trust but has no closing '---' line")
        warnings = ("starts like front matter but has no closing '---' line; its lines were read as text",)
    lines = text.splitlines()
    headings: dict[int, tuple[int, int, str]] = {}  # first line -> (level, end line, text)
    tokens = _markdown_parser().parse(text)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map and tok.level == 0:
            headings[tok.map[0]] = (int(tok.tag[1]), tok.map[1], tokens[i + 1].content)
    outline = _Outline(_str(meta.get("title"), "title"))
    n = 0
    while n < len(lines):
        if n in headings:
            level, end, heading = headings[n]
            outline.heading(level, heading)
            n = end
            continue
        outline.add(lines[n].rstrip())
        n += 1
    outline.flush()
    tags = meta.get("tags") or ()
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,\s]+", tags) if t]
    if not isinstance(tags, (list, tuple)):
        tags = [tags]
    return Parsed(
        sections=outline.sections, title=outline.title, url=_str(meta.get("url"), "url"),
        doc_id=_str(meta.get("id"), "id"), tags=tuple(str(_scalar(t, "tags")) for t in tags),
        trust=_str(meta.get("trust"), "trust"), warnings=warnings,
    )


@functools.lru_cache(maxsize=1)
def _markdown_parser():
    """CommonMark's block pass alone: headings, their levels and lines are all we read of the tokens, and
    a heading's text is its inline token's raw `content`, set by the block pass. The inline pass
    (emphasis, links, code spans) changed nothing we keep and was most of the time: 1,000,000
    characters of `[` took 9.8 CPU s, of `**_` 5.3 s; the sections are identical without it (the 204
    Markdown files of examples/ and the development help centres)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable("inline")


def _front_matter(raw: str) -> tuple[dict, str | None]:
    """The front matter's mapping, and a warning when it had to be read leniently.

    Hand-written front matter often is not valid YAML (`title: Illness: when to stay at home`, a stray
    quote), and refusing the file would leave its answers out of the help centre until someone reads the
    sync report. When YAML cannot read it but every line is a plain `key: value` line (or a `- item` under
    a key), those lines are taken as they read, and the file is indexed with a warning.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
    try:
        meta = yaml.load(raw, Loader=loader)
    except yaml.reader.ReaderError as exc:  # a control character pasted into a value: YAML reads nothing
        readable = _YAML_REFUSED.sub(" ", raw)
        try:
            meta = yaml.load(readable, Loader=loader)
        except yaml.YAMLError:
            meta = _plain_key_values(readable)
        if not isinstance(meta, dict):
            raise ValueError(f"invalid YAML front matter ({_where(exc, raw)})") from exc
        return meta, (f"front matter holds a character YAML refuses ({_where(exc, raw)}); read with it as a "
                      "space; delete it from the file")
    except yaml.YAMLError as exc:
        lenient = _plain_key_values(raw)
        if lenient is None:
            raise ValueError(f"invalid YAML front matter ({exc.__class__.__name__})") from exc
        return lenient, (f"front matter is not valid YAML ({_where(exc, raw)}); read as plain 'key: value' lines; "
                         "put quotes around a value that holds ': ' or starts with a quote")
    if meta is None:
        return {}, None
    if not isinstance(meta, dict):
        raise ValueError("front matter must be a YAML mapping (key: value lines)")
    return meta, None


# What YAML's reader refuses (its NON_PRINTABLE): control characters other than tab and line ends, and the like.
_YAML_REFUSED = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_COMMENT = re.compile(r"[ \t]+#.*\Z")
_YAML_STRUCTURE = frozenset("[{&*|>!%@`")  # flow collections, anchors, aliases, block scalars, tags
_LIST_ITEM = re.compile(r"[ \t]+-[ \t]+(.*?)[ \t]*|-[ \t]+(.*?)[ \t]*")

def _where(exc: Exception, raw: str) -> str:
    """Where YAML stopped, in the file's own line numbers (the front matter starts on line 2), for the
    knowledge manager who has to fix it; the exception's class when YAML did not say.

    The scanner's and parser's errors carry a mark; the reader's (a control character pasted into a
    value) only a character position in `raw`, and a reason worth naming.
    """
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    position = getattr(exc, "position", None)
    if mark is None and isinstance(position, int) and 0 <= position <= len(raw):
        line = raw.count("\n", 0, position) + 2
        reason = getattr(exc, "reason", None)
        return f"line {line}: {reason}" if reason else f"line {line}"
    if mark is None:
        return exc.__class__.__name__
    return f"line {int(mark.line) + 2}: {problem}" if problem else f"line {int(mark.line) + 2}"


def _plain_key_values(raw: str) -> dict[str, object] | None:
    """`key: value` lines (the value is the rest of the line, outer quotes dropped), `- item` lines
    under a key with no value, blank and `#` lines skipped; None when any other line is there, or a
    value opens YAML structure (`[`, `{`, an anchor, a block scalar)."""
    meta: dict[str, object] = {}
    key: str | None = None
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        items = meta.get(key) if key is not None else None
        if (item := _LIST_ITEM.fullmatch(line)) and isinstance(items, list):
            items.append(_unquote(item.group(1) if item.group(1) is not None else item.group(2)))
            continue
        pair = _KEY_VALUE.fullmatch(line)
        if pair is None:
            return None
        key, value = pair.group(1), pair.group(2) or ""
        if value[:1] in _YAML_STRUCTURE:  # the author meant YAML structure: a guess could misread it
            return None
        value = _unquote(value)
        meta[key] = value if value else []
    return {k: (v if v != [] else None) for k, v in meta.items()}


def _unquote(value: str) -> str:
    """A quoted value without its quotes; otherwise without a ` # comment`, as YAML reads one."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return _COMMENT.sub("", value)


def _str(value: object, key: str = "value") -> str | None:
    """A metadata value (title, id, url) as one clean line: control characters never reach a terminal.

    Only a scalar: YAML aliases let a 500-byte front matter nest a list a million times over, which
    `str()` would spell out (gigabytes) instead of refusing the one file.
    """
    if value is None:
        return None
    return _UNPRINTABLE.sub("", str(_scalar(value, key))).strip() or None


def _scalar(value: object, key: str) -> object:
    if not isinstance(value, _SCALARS):
        raise ValueError(f"front matter {key!r} must be a single value, not a {type(value).__name__}")
    return value


def parse_text(text: str) -> Parsed:
    """Plain text: one section, paragraphs kept."""
    body = "\n".join(line.rstrip() for line in text.splitlines()).strip()
    return Parsed(sections=[Section((), body)] if body else [])


def parse_html(text: str) -> Parsed:
    """HTML: title from <title> or <h1>; headings give the structure; scripts, styles, nav dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    check_html_depth(soup)  # NOTE: before the tree walks below, which cost each tag its subtree
    title_tag = soup.find("title")
    title = _WS.sub(" ", title_tag.get_text()).strip() if title_tag else None
    canonical = soup.find("link", rel="canonical")
    url = _str(canonical.get("href")) if canonical else None
    keywords = soup.find("meta", attrs={"name": "keywords"})
    content = _str(keywords.get("content")) if keywords else None
    tags = tuple(t.strip() for t in (content or "").split(",") if t.strip())
    html_content.remove_all(soup.find_all(_HTML_DROP))
    first_h1 = soup.find("h1")
    page_h1 = _WS.sub(" ", first_h1.get_text(" ")).strip() if first_h1 is not None else ""
    root = html_content.content_root(soup)
    title = _html_title(title, root.find("h1") or (page_h1 or None))
    # NOTE: markers go inside each tag, first and last, which `get_text` reads exactly as markers beside
    # it: bs4 finds a tag among its siblings one by one to put anything beside it (quadratic).
    for tag in soup.find_all(re.compile(r"^h[1-6]$")):
        heading = f"{_RS}{_HS}{tag.name[1]}{_HS}{tag.get_text(' ')}{_RS}"
        html_content.clear(tag)
        tag.append(heading)
    for tag in soup.find_all(_HTML_BLOCKS):
        tag.insert(0, _RS)
        tag.append(_RS)
    outline = _Outline(title)
    for block in root.get_text().split(_RS):
        line = _WS.sub(" ", block.replace("\n", " ")).strip()
        if line.startswith(_HS):
            _, level, heading = line.split(_HS, 2)
            outline.heading(int(level), heading)
        elif line:
            outline.add(line)
    outline.flush()
    return Parsed(sections=outline.sections, title=outline.title, url=url, tags=tags)


def _html_title(title: str | None, h1: Any) -> str | None:
    """The page's own <h1> when the <title> merely adds the site name to it ("Page | Site")."""
    heading = h1 if isinstance(h1, str) else _WS.sub(" ", h1.get_text(" ")).strip() if h1 is not None else ""
    if heading and (not title or heading in title):
        return heading
    return title or None


def parse_pdf(data: bytes, *, limits: DocumentLimits | None = None) -> Parsed:
    """PDF text via pypdf; encrypted, broken, text-less or inflating files are refused with the reason."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    limits = limits or DocumentLimits()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValueError("encrypted PDF (password protected)")
        pages, unpacked = [], 0
        for page in reader.pages:
            unpacked += _content_length(page)  # the page's streams, inflated, before text is pulled
            if unpacked > limits.max_unpacked_bytes:
                raise ValueError(unpacked_reason(unpacked, limits))
            pages.append(_page_text_and_sizes(page))
        info = reader.metadata
        pages = _without_furniture(pages)
    except ValueError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on damaged files
        raise ValueError(f"broken PDF ({exc.__class__.__name__}: {str(exc)[:120]})") from exc
    text = "\n\n".join(_pdf_lists(p).strip() for p, _ in pages if p.strip())
    if not text:
        raise ValueError("PDF has no extractable text (scanned images or blank pages)")
    title = _str(info.title) if info is not None and info.title else None
    if title and _PDF_PLACEHOLDER_TITLE.search(title):
        title = None  # the first big heading, or the file name, says more
    return _pdf_outline(pages, title) or Parsed(sections=[Section((), text)], title=title)


def _content_length(page: Any) -> int:
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def _page_text_and_sizes(page: Any) -> tuple[str, list[tuple[str, float]]]:
    """A page's text, and (line, font size in points on the page) for each piece drawn, in order."""
    sized: list[tuple[str, float]] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        line = _WS.sub(" ", text).strip()
        if line and any(c.isalnum() for c in line):
            scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2])) or 1.0
            sized.append((line, float(size) * scale))

    text = page.extract_text(visitor_text=visit) or ""
    return text, sized


def _sized_lines(text: str, sized: list[tuple[str, float]]) -> list[tuple[str, float | None]]:
    """Each text line with its size when it was drawn in one piece (matched in drawing order, so a
    body line that repeats a heading's words is not taken for the heading)."""
    out: list[tuple[str, float | None]] = []
    cursor = 0
    for raw in text.splitlines():
        line = _WS.sub(" ", raw).strip()
        size = None
        for k in range(cursor, min(cursor + 8, len(sized))):
            if sized[k][0] == line:
                size, cursor = sized[k][1], k + 1
                break
        out.append((raw, size))
    return out


def _pdf_outline(pages: list[tuple[str, list[tuple[str, float]]]], title: str | None) -> Parsed | None:
    """Sections from the PDF's headings: short lines set clearly larger than the body text (PDFs keep
    no heading markup; size is what a reader sees). None when there are no such lines.

    Page furniture is gone already (`_without_furniture`); a
    "heading" with nothing under it before the next heading of its size (or the end) stays text.
    """
    weight: dict[float, int] = {}
    for _, sized in pages:
        for line, size in sized:
            weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(line)
    if not weight:
        return None
    body = max(weight, key=weight.__getitem__)
    lines: list[tuple[str, float | None]] = []  # (raw line, heading size or None); "" marks a page break
    for text, sized in pages:
        for raw, line_size in _sized_lines(text, sized):
            line = _WS.sub(" ", raw).strip()
            heading = (line_size is not None and line_size >= body * _PDF_HEADING_RATIO and len(line) <= 90
                       and not line.endswith((".", ",", ";")))
            lines.append((raw, round(line_size, 1) if heading and line_size is not None else None))
        lines.append(("", None))
    lines = _empty_headings_as_text(lines)
    levels = sorted({size for _, size in lines if size is not None}, reverse=True)
    if not levels:
        return None
    outline = _Outline(title)
    body_lines: list[str] = []
    for raw, heading_size in lines:
        if heading_size is None:
            body_lines.append(raw)
            continue
        outline.add(_pdf_lists("\n".join(body_lines)))
        body_lines = []
        outline.heading(min(levels.index(heading_size) + 1, 6), raw)
    outline.add(_pdf_lists("\n".join(body_lines)))
    outline.flush()
    return Parsed(sections=outline.sections, title=outline.title)


def _without_furniture(pages: list[tuple[str, list[tuple[str, float]]]]) -> list[tuple[str, list[tuple[str, float]]]]:
    """The pages without their furniture: running headers and footers and page numbers, not content.

    A line is furniture where it stands among the first two or last two lines of a page and, with its
    digits ignored ("Page 2 of 5"), stands in the same place on every page of a two-page PDF or on more
    than half the pages of a longer one, if it has a letter or is a bare number (a price cell "€10.00"
    repeats so too); or where it is a page number among the first or last three lines ("Page 3", "3 of
    7", "- 3 -": a footer often has three pieces) on a PDF of any length. Help-centre PDFs are often two
    pages with the company's name and "Page 1" on top; kept, those made an answer open with "Acme Ltd -
    help.acme.example Page 1". Only those places are cleared: the same words in the body stay.
    """
    placed: list[list[tuple[int, int, str]]] = []  # per page: (line number in its text, place, digits-free key)
    seen: dict[tuple[int, str], int] = {}
    for text, _ in pages:
        rows = [(n, _WS.sub(" ", raw).strip()) for n, raw in enumerate(text.splitlines())]
        rows = [(n, line) for n, line in rows if line]
        ends = [(k, rows[k]) for k in range(min(_EDGE_LINES, len(rows)))]
        ends += [(-1 - k, rows[-1 - k]) for k in range(min(_EDGE_LINES, len(rows))) if len(rows) - 1 - k >= _EDGE_LINES]
        entries = [(n, place, _DIGITS.sub("#", line.lower())) for place, (n, line) in ends]
        placed.append(entries)
        for key in {(place, norm) for _, place, norm in entries}:
            seen[key] = seen.get(key, 0) + 1
    need = len(pages) if len(pages) == 2 else len(pages) / 2 + 1e-9
    out = []
    for (text, sized), entries in zip(pages, placed, strict=True):
        drop = {n for n, place, norm in entries
                if _PAGE_NUMBER.fullmatch(norm)
                or (len(pages) >= 2 and seen[(place, norm)] >= need and -_REPEATED_LINES <= place < _REPEATED_LINES
                    and (norm == "#" or any(c.isalpha() for c in norm)))}  # a bullet glyph, a price: content
        kept = "\n".join(raw for n, raw in enumerate(text.splitlines()) if n not in drop)
        out.append((kept, sized))
    return out


_EDGE_LINES = 3  # a page's first and last lines where a page number may stand (a footer often has three pieces)
_REPEATED_LINES = 2  # ... and where a line repeated on every page is a running header or footer
_DIGITS = re.compile(r"\d+")
# A page number on its own line, digits already replaced by "#": "page #", "page # of #", "# of #", "- # -",
# "#/#" (a bare "#" only when every page has one in the same place, above).
_PAGE_NUMBER = re.compile(r"(?:page|p\.|pg\.?|seite|página|pagina|pág\.)\s*#(?:\s*(?:of|/|de|von|di|sur|van)\s*#)?"
                          r"|#\s*(?:of|/|de|von|di|sur|van)\s*#|[-–—]\s*#\s*[-–—]")


def _empty_headings_as_text(lines: list[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """A heading followed by no text before a heading at least as large (or the end) is kept as text,
    so nothing set in a large font is lost."""
    out = list(lines)
    for i, (raw, size) in enumerate(out):
        if size is None:
            continue
        for later_raw, later_size in out[i + 1:]:
            if later_size is None and later_raw.strip():
                break  # it has content
            if later_size is not None and later_size >= size:
                out[i] = (raw, None)
                break
        else:
            out[i] = (raw, None)
    return out


_PDF_HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
# Titles that PDF tools write when the author gave none.
_PDF_PLACEHOLDER_TITLE = re.compile(r"^\(?(anonymous|untitled|no title)\)?$|^microsoft \w+ - ", re.I)

# Glyphs PDF writers draw as list bullets; pypdf returns them as characters, e.g. reportlab's
# bullet as DEL (U+007F) and Word's Symbol-font bullet as U+F0B7, often on a line of their own.
_PDF_BULLET = re.compile(r"^[ \t]*[\u007f\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u25a0\u25a1\u00b7\uf0b7\uf0a7]"
                         r"(?:[ \t]*\n[ \t]*|[ \t]+)(?=\S)", re.M)
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]")


def _pdf_lists(text: str) -> str:
    """Bullets as Markdown list items ("- item"), other control characters dropped, so answers and
    Slack cards never show raw glyphs and list items are read as items."""
    return _CONTROL.sub("", _PDF_BULLET.sub("- ", text))


def parse_docx(data: bytes) -> Parsed:
    """DOCX via python-docx; paragraphs styled `Heading N` (and `Title`) give the structure."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, missing parts, bad XML
        raise ValueError(f"broken DOCX ({exc.__class__.__name__}: {str(exc)[:120]})") from exc
    outline = _Outline(_str(document.core_properties.title))
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                outline.add(" | ".join(_WS.sub(" ", c.text).strip() for c in row.cells))
            continue
        style = (block.style.name if block.style is not None else "") or ""
        level = _docx_heading_level(style)
        if level is not None:
            outline.heading(level, block.text)
        elif block.text.strip():
            outline.add(block.text.strip())
    outline.flush()
    return Parsed(sections=outline.sections, title=outline.title)


def _docx_heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading ([1-9])", style)
    return min(int(match.group(1)), 6) if match else None
