"""`/kb/<document id>`: a page for every indexed document, so a citation always leads somewhere.

HTML, PDF, DOCX and TXT documents (and Markdown without a `url`) have no public address; the
answer cites this page instead. It shows what the bot read: the title, when it was indexed, and
the text by section, rendered from Markdown with raw HTML off and only http(s), mailto and
relative links (markdown-it's link validation), under a CSP that runs no script at all.
"""
from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from flask import Blueprint, Response

from bot.answering.sections import sections_of
from knowledge_base.results import Passage

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'")
_STYLE = ("body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2430;"
          "max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.7rem;line-height:1.25}"
          "h2{font-size:1.25rem;margin-top:2rem}.meta{color:#4a5566;font-size:.9rem}"
          "table{border-collapse:collapse;margin:1rem 0}"
          "td,th{border:1px solid #c9ced6;padding:.3rem .6rem;text-align:left}"
          "pre{background:#f3f5f8;padding:.8rem;overflow:auto}a{color:#0b4fa8}")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")


class Documents(Protocol):
    def document(self, document_id: str) -> Any | None: ...
    def document_chunks(self, document_id: str, version: int | None = None, *, limit: int = 200) -> list[Any]: ...


# Rendered pages kept per worker: a page is rendered from up to 200 chunks (~2 CPU s for a crafted one),
# and a public address must not cost that on every request.
PAGE_CACHE_SIZE = 256


def page_url(document_id: str) -> str:
    """The relative address of a document's page (the widget resolves it against the server)."""
    return "/kb/" + quote(document_id, safe="/")


def make_kb_pages(documents: Documents) -> Blueprint:
    """The blueprint serving `/kb/<document id>` from the knowledge base."""
    bp = Blueprint("kb_pages", __name__)
    markdown = _markdown()

    @functools.lru_cache(maxsize=PAGE_CACHE_SIZE)
    def rendered(info: Any) -> str:  # NOTE: keyed by the whole (frozen) document info: a new version misses
        chunks = documents.document_chunks(info.id, info.version, limit=min(200, info.chunks))
        return _render(info, chunks, markdown)

    @bp.get("/kb/<path:document_id>")
    def page(document_id: str) -> Response:
        info = documents.document(document_id)
        if info is None:
            return _html(404, "Not found", "<h1>Not found</h1><p>There is no such article.</p>")
        return _html(200, info.title, rendered(info))

    return bp


def _render(info: Any, chunks: list[Any], markdown: MarkdownIt) -> str:
    """The page's body: title, when it was indexed, its published address, the text by section."""
    passages = [Passage(c.id, c.text, c.section, 0.0) for c in chunks]
    body = [f"<h1>{html.escape(info.title)}</h1>",
            f'<p class="meta">Updated <time datetime="{html.escape(info.updated_at)}">'
            f"{html.escape(info.updated_at.replace('T', ' ')[:16])}</time></p>"]
    if getattr(info, "url", None) and _safe_link(info.url):
        body.append(f'<p class="meta">Published at <a href="{html.escape(info.url)}" rel="noopener noreferrer">'
                    f"{html.escape(info.url)}</a></p>")
    for section, text in sections_of(passages):
        if section:
            body.append(f"<h2>{html.escape(section.rsplit(' > ', 1)[-1])}</h2>")
        body.append(markdown.render(text))
    return "\n".join(body)


def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    default_validate = md.validateLink
    md.validateLink = lambda url: default_validate(url) and _safe_link(url)  # type: ignore[method-assign]
    return md


def _safe_link(url: str) -> bool:
    """http(s), mailto or relative; never javascript:, data: or anything else a browser might run."""
    scheme = url.strip().lower().split("/", 1)[0]
    return ":" not in scheme or scheme.startswith(_SAFE_SCHEMES)


def _html(status: int, title: str, body: str) -> Response:
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>")
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = _CSP
    response.headers["Cache-Control"] = "public, max-age=60"
    return response
