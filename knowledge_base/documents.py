"""Load one file into a `LoadedDocument`: title, metadata and sections along its headings.

Supported: Markdown (.md, .markdown; YAML front matter `title`, `url`, `tags`, `id`, `trust`), HTML (.html,
.htm), PDF, plain text (.txt, .text) and DOCX. Empty, binary, broken and unsupported files raise
`DocumentLoadError` (or `UnsupportedDocument`) naming the file and saying why.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from knowledge_base import loaders
from knowledge_base.errors import DocumentLoadError, UnsupportedDocument
from knowledge_base.loaders import Parsed, Section
from knowledge_base.loaders_limits import (
    DocumentLimits,
    check_chars,
    check_file_size,
    check_markdown_lines,
    check_zip_unpacked,
)

# A citation links to the document's published page: http(s), or a path on the company's own site. Never
# javascript:, data: or another scheme a browser might run (a tester's `url: javascript:alert(1)` was indexed).
# NOTE: "/\\host/x" is "//host/x" to a browser (another site): a site-relative path starts "/" then
# neither "/" nor "\\".
_WEB_ADDRESS = re.compile(r"(?:https?://[^\s/\\]|/(?![/\\]))", re.IGNORECASE)

__all__ = [
    "LoadedDocument", "Section", "SUPPORTED_SUFFIXES", "content_hash", "is_supported",
    "load_document", "document_from_text", "OFFICIAL", "COMMUNITY",
]

OFFICIAL = "official"  # the company's own words: may be quoted as its answer
COMMUNITY = "community"  # written by customers (forum posts): never quoted as the company's answer
_TRUST_VALUES = {"official": OFFICIAL, "company": OFFICIAL, "community": COMMUNITY, "untrusted": COMMUNITY,
                 "user": COMMUNITY}

_TEXT_PARSERS: dict[str, Callable[[str], Parsed]] = {
    ".md": loaders.parse_markdown,
    ".markdown": loaders.parse_markdown,
    ".html": loaders.parse_html,
    ".htm": loaders.parse_html,
    ".txt": loaders.parse_text,
    ".text": loaders.parse_text,
}
_BINARY_PARSERS: dict[str, Callable[[bytes], Parsed]] = {
    ".pdf": loaders.parse_pdf,
    ".docx": loaders.parse_docx,
}
SUPPORTED_SUFFIXES = frozenset(_TEXT_PARSERS) | frozenset(_BINARY_PARSERS)
_MARKDOWN = frozenset({".md", ".markdown"})


@dataclass(frozen=True)
class LoadedDocument:
    """A parsed document, ready to be chunked."""

    id: str
    title: str
    source: str  # path relative to the synced folder (POSIX), or where it came from
    url: str | None
    tags: tuple[str, ...]
    sections: tuple[Section, ...]
    content_hash: str  # sha256 of the file's bytes: what incremental sync compares
    trust: str = OFFICIAL  # OFFICIAL or COMMUNITY (front matter `trust: community`)
    warnings: tuple[str, ...] = ()  # indexed anyway; a knowledge manager should fix these (`kb sync` lists them)

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections)


# Bump when a loader's output changes for the same bytes (2: PDF bullets became list items and PDF
# headings, found by font size, became sections):
# every document then counts as changed once and is re-parsed on the next sync.
PARSER_VERSION = 2


def content_hash(data: bytes) -> str:
    """The hash sync compares: sha256 of the raw bytes and the parser version, so unchanged files are
    never parsed and a better parser still reaches documents indexed before it."""
    return hashlib.sha256(b"parser-v%d\0" % PARSER_VERSION + data).hexdigest()


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def load_document(path: Path, *, source: str | None = None, data: bytes | None = None,
                  limits: DocumentLimits | None = None) -> LoadedDocument:
    """Read and parse `path`; `source` (default: the file name) is also the default document id.

    `limits` (default: `DocumentLimits()`) bound the file's size, what it inflates to and its text.
    """
    source = source or path.name
    limits = limits or DocumentLimits()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedDocument(source, f"unsupported file type {suffix or '(none)'!r}; supported: {kinds}")
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentLoadError(source, f"cannot read file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentLoadError(source, "empty file")
    try:
        parsed = _parse(suffix, data, limits)
    except ValueError as exc:
        raise DocumentLoadError(source, str(exc)) from exc
    if not parsed.sections:
        raise DocumentLoadError(source, "no text found (only headings, markup or whitespace)")
    url, warnings = parsed.url, parsed.warnings
    if parsed.url is not None and not _WEB_ADDRESS.match(parsed.url):
        url = None
        warnings = (*warnings, f"url {parsed.url[:80]!r} is not an http(s) or site-relative address; left out")
    return LoadedDocument(
        id=parsed.doc_id or source,
        title=parsed.title or _title_from_name(source),
        source=source,
        url=url,
        tags=parsed.tags,
        sections=tuple(parsed.sections),
        content_hash=content_hash(data),
        trust=_trust(source, parsed.trust),
        warnings=warnings,
    )


def _parse(suffix: str, data: bytes, limits: DocumentLimits) -> Parsed:
    """Parse within `limits`: size first, then what a zip or PDF inflates to, then the text."""
    check_file_size(len(data), limits)
    if suffix in _TEXT_PARSERS:
        text = _decode(data)
        check_chars(len(text), limits)  # before parsing: a 5 MB Markdown file costs minutes to parse
        if suffix in _MARKDOWN:
            check_markdown_lines(text, limits)
        return _TEXT_PARSERS[suffix](text)
    if suffix == ".docx":
        check_zip_unpacked(data, limits)
    parsed = (loaders.parse_pdf(data, limits=limits) if suffix == ".pdf" else _BINARY_PARSERS[suffix](data))
    check_chars(sum(len(s.text) for s in parsed.sections), limits)
    return parsed


def document_from_text(
    *, doc_id: str, title: str, text: str, source: str | None = None, url: str | None = None,
    tags: tuple[str, ...] = (),
) -> LoadedDocument:
    """Build a document from text already in memory (evaluation corpora, API uploads)."""
    sections = loaders.parse_text(text).sections
    if not sections:
        raise DocumentLoadError(doc_id, "empty text")
    return LoadedDocument(
        id=doc_id, title=title or _title_from_name(doc_id), source=source or doc_id, url=url,
        tags=tags, sections=tuple(sections), content_hash=content_hash(f"{title}\n{text}".encode()),
    )


def _trust(source: str, value: str | None) -> str:
    if value is None:
        return OFFICIAL
    try:
        return _TRUST_VALUES[value.strip().lower()]
    except KeyError:
        raise DocumentLoadError(source, f"unknown trust {value!r}; use one of {sorted(_TRUST_VALUES)}") from None


_STRAY_CONTROLS = 4  # control characters a text file may hold however short it is


def _decode(data: bytes) -> str:
    """Text of a text-format file; NUL bytes or undecodable bytes mean it is binary."""
    if b"\x00" in data[:65536]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError("binary or undecodable file (neither UTF-8 nor Windows-1252 text)") from exc
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    # NOTE: at least a few: one stray control character pasted into a short note is not a binary file.
    if controls > max(_STRAY_CONTROLS, min(len(text), 65536) / 100):
        raise ValueError("binary file (control bytes), not text")
    return text


def _title_from_name(source: str) -> str:
    stem = PurePosixPath(source).stem.replace("_", " ").replace("-", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else source
