"""Fixtures for answering tests: a fake OpenAI server, a real ChatOpenAI pointed at it, builders."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from fake_openai import FakeOpenAI
from pydantic import SecretStr

from bot.answering.answerer import Answerer
from bot.answering.llm import make_chat_model
from bot.config import LLMSettings
from bot.conversations.records import Kind, Message, Role
from knowledge_base.results import DocumentHit, Passage, SearchResult

DELIVERY = (
    "Standard delivery takes 3 to 5 business days within the EU. Express delivery arrives the next "
    "business day when you order before 2 pm. Parcels leave our warehouse in Lyon every weekday."
)
REFUNDS = (
    "You can send back unused items within 30 days. Refunds reach your original payment method "
    "within 5 business days after the parcel arrives at our warehouse."
)


@pytest.fixture
def docs() -> tuple[tuple[str, str, str], ...]:
    """Two help-center documents: (id, title, text)."""
    return (("shipping/delivery.md", "Delivery times", DELIVERY), ("returns/refunds.md", "Refunds", REFUNDS))


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def chat_model(fake_openai: FakeOpenAI):
    settings = LLMSettings(api_key=SecretStr("test-key"), base_url=fake_openai.base_url, timeout_s=5, max_retries=0)
    return make_chat_model(settings)


@pytest.fixture
def llm_answerer(chat_model) -> Answerer:
    return Answerer(chat_model=chat_model, policy=None, timeout_s=3.0)


@pytest.fixture
def extractive_answerer() -> Answerer:
    return Answerer(chat_model=None, policy=None, timeout_s=3.0)


@pytest.fixture
def make_result() -> Callable[..., SearchResult]:
    """`make_result(("doc-id", "Title", "text"), ...)`: one hit per document, best first."""

    def build(*docs: tuple[str, str, str | list[str]], query: str = "q") -> SearchResult:
        hits = []
        for rank, (doc_id, title, texts) in enumerate(docs):
            texts = [texts] if isinstance(texts, str) else texts
            passages = [Passage(f"{doc_id}::v1::{i}", t, "", 0.8 - i * 0.1) for i, t in enumerate(texts)]
            hits.append(
                DocumentHit(doc_id, title, doc_id, f"https://help.example.com/{doc_id}", 0.9 - rank * 0.1, passages)
            )
        return SearchResult(query=query, hits=hits, answerable=bool(hits))

    return build


@pytest.fixture
def make_messages() -> Callable[..., list[Message]]:
    """`make_messages(("customer", "text"), ("bot", "text"), ...)` as stored TEXT rows."""
    ids = itertools.count(1)

    def build(*turns: tuple[str, str]) -> list[Message]:
        now = datetime.now(UTC)
        return [Message(next(ids), "c1", Role(role), Kind.TEXT, text, now) for role, text in turns]

    return build
