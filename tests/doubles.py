"""Small test doubles shared across the test packages: a hand-moved clock, a free loopback port, a
one-article knowledge base."""
from __future__ import annotations

import re
import socket
from datetime import UTC, datetime, timedelta

from knowledge_base.results import DocumentHit, Passage, SearchResult


class FakeClock:
    """A clock the test moves by hand; pass it wherever production code takes `clock=`."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday morning

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


def free_port() -> int:
    """A port nothing listens on right now (ask the OS for one on 127.0.0.1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OneArticleKnowledgeBase:
    """Finds its one article for queries matching `pattern` (as an English embedder would for English
    words), nothing otherwise; records every query."""

    def __init__(self, pattern: str, *, title: str, section: str, text: str, score: float = 0.9) -> None:
        self.pattern = re.compile(pattern, re.I)
        self.hit = DocumentHit(document_id="shipping.md", title=title, source="shipping.md",
                               url="https://help.example/shipping", score=score,
                               passages=[Passage(chunk_id="shipping.md::v1::0", section=section, score=0.9, text=text)])
        self.queries: list[str] = []

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        if not self.pattern.search(query):
            return SearchResult(query=query, hits=[], answerable=False)
        return SearchResult(query=query, hits=[self.hit], answerable=True)

    def documents(self) -> list[object]:
        return []

    def close(self) -> None:
        return None
