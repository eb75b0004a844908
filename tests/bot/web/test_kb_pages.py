"""`/kb/<id>` pages: one indexed lookup per request, and a document version rendered once."""
from __future__ import annotations

from dataclasses import dataclass, replace

from flask import Flask

from bot.web.kb_pages import make_kb_pages


@dataclass(frozen=True)
class Info:
    id: str
    title: str
    url: str | None
    chunks: int
    version: int
    updated_at: str
    content_hash: str


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str
    section: str


class CountingDocuments:
    """A knowledge base that counts what the page asks of it; it has no `documents()` listing at all."""

    def __init__(self, info: Info) -> None:
        self.info = info
        self.lookups: list[str] = []
        self.reads: list[tuple[str, int | None]] = []

    def document(self, document_id: str) -> Info | None:
        self.lookups.append(document_id)
        return self.info if document_id == self.info.id else None

    def document_chunks(self, document_id: str, version: int | None = None, *, limit: int = 200) -> list[Chunk]:
        self.reads.append((document_id, version))
        return [Chunk(f"{document_id}::v{version}::0", f"Text of version {version}.", "Guide > Returns")]


def _app(documents: CountingDocuments) -> Flask:
    app = Flask(__name__)
    app.register_blueprint(make_kb_pages(documents))
    return app


def test_a_version_is_rendered_once_and_a_new_version_again() -> None:
    documents = CountingDocuments(Info("guide/returns.pdf", "Returns", None, 1, 1, "2026-12-05T10:00:00", "h1"))
    client = _app(documents).test_client()
    for _ in range(3):
        page = client.get("/kb/guide/returns.pdf")
        assert page.status_code == 200 and "Text of version 1." in page.get_data(as_text=True)
    assert documents.lookups == ["guide/returns.pdf"] * 3  # each request still sees the current version
    assert documents.reads == [("guide/returns.pdf", 1)]
    documents.info = replace(documents.info, version=2, content_hash="h2", updated_at="2026-12-05T11:00:00")
    page = client.get("/kb/guide/returns.pdf")
    assert "Text of version 2." in page.get_data(as_text=True) and "<h2>Returns</h2>" in page.get_data(as_text=True)
    assert documents.reads == [("guide/returns.pdf", 1), ("guide/returns.pdf", 2)]


def test_an_unknown_document_is_a_404_without_reading_chunks() -> None:
    documents = CountingDocuments(Info("a.md", "A", None, 1, 1, "2026-12-05T10:00:00", "h"))
    assert _app(documents).test_client().get("/kb/b.md").status_code == 404
    assert documents.reads == []


def test_a_stored_url_a_browser_could_run_is_not_linked() -> None:
    # Indexed before load-time checks left such urls out: the page must not make them a link.
    documents = CountingDocuments(Info("k.md", "Kettle", "javascript:alert(1)", 1, 1, "2026-12-05T10:00:00", "h"))
    page = _app(documents).test_client().get("/kb/k.md").get_data(as_text=True)
    assert "javascript:" not in page and "Text of version 1." in page
    documents.info = replace(documents.info, url="https://help.example/kettle", content_hash="h2")
    assert 'href="https://help.example/kettle"' in _app(documents).test_client().get("/kb/k.md").get_data(as_text=True)
