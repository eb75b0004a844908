"""`create_app()` with a search that costs nothing, for measuring the web path alone (web_load.py --search instant).

gunicorn loads it as `instant_search_app:app()`; settings still come from the environment.
"""
from __future__ import annotations

from typing import Any

from knowledge_base.results import DocumentHit, Passage, SearchResult


class InstantKnowledgeBase:
    """Every question finds the same short article, instantly."""

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        passage = Passage(chunk_id="delivery.md::v1::0", section="Canada", score=0.9,
                          text="Standard shipping to Canada takes 5-8 business days.")
        hit = DocumentHit(document_id="delivery.md", title="Delivery times", source="delivery.md",
                          url="https://help.example/delivery", score=0.95, passages=[passage])
        return SearchResult(query=query, hits=[hit], answerable=True)

    def documents(self) -> list[Any]:
        return []

    def close(self) -> None:
        return None


def app() -> Any:
    from server import Settings, create_app

    return create_app(Settings(index_examples_on_start=False), knowledge_base=InstantKnowledgeBase())
