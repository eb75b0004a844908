"""The triage in a whole turn: the LLM's opinion beside retrieval, the reason kept in the record and on the card."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI
from flask import Flask
from pydantic import SecretStr

from bot.answering.llm import make_chat_model
from bot.config import LLMSettings
from handoff.cards import with_why
from tests.doubles import OneArticleKnowledgeBase


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def app(tmp_path: Path, fake_openai: FakeOpenAI) -> Iterator[Flask]:
    from server import Settings, create_app

    settings = LLMSettings(api_key=SecretStr("test-key"), base_url=fake_openai.base_url, timeout_s=5, max_retries=0)
    kb = OneArticleKnowledgeBase(r"\bship|\bdeliver", title="Where we ship", section="Islands",
                                 text="We ship to the islands; parcels arrive in 6-9 business days.")
    app = create_app(Settings(data_dir=tmp_path, index_examples_on_start=False), knowledge_base=kb,
                     chat_model=make_chat_model(settings))
    yield app
    app.extensions["supportbot"].close()


def _turn(app: Flask, text: str) -> tuple[str, list[dict]]:
    client = app.test_client()
    started = client.post("/api/conversations", json={}).get_json()
    cid, auth = started["id"], {"Authorization": f"Bearer {started['token']}"}
    client.post(f"/api/conversations/{cid}/messages", headers=auth, json={"text": text})
    # NOTE: polling at 20/s meets the per-IP limit (60 a minute) after 3 s, a 429 without "messages", when a
    # loaded machine makes the turn slow: poll gently, skip a limited answer (as test_search_query_rewrite)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = client.get(f"/api/conversations/{cid}/messages", headers=auth)
        messages = response.get_json().get("messages", []) if response.status_code == 200 else []
        if any(m["role"] != "customer" for m in messages):
            return cid, messages
        time.sleep(0.2)
    raise AssertionError("no reply")


def _recorded_triage(app: Flask, cid: str) -> dict:
    """The triage the conversation record keeps with its handoff."""
    store = app.extensions["supportbot"].store
    return next(m.meta["triage"] for m in store.messages(cid) if m.meta.get("to") == "pending")


def test_the_llm_hands_off_what_the_rules_miss_and_the_record_says_why(app: Flask, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue_triage('{"label": "security", "reason": "the delivery address was changed by someone else"}')
    cid, messages = _turn(app, "do you deliver to Leeds? the address on my profile looks unfamiliar")

    conversation = app.extensions["supportbot"].bot.get(cid)
    assert conversation.handoff_reason == "sensitive:security"
    triage = _recorded_triage(app, cid)
    assert triage["stage"] == "llm"
    assert "changed by someone else" in triage["evidence"]
    assert all("triage" not in m["meta"] for m in messages)  # the customer API keeps it to the record
    # handed off before any answer was asked for: at most the handoff summary went to the LLM
    assert all("brief" in r["messages"][0]["content"] for r in fake_openai.requests)


def test_a_rule_hands_off_without_waiting_for_the_llm_and_names_its_words(app: Flask, fake_openai: FakeOpenAI) -> None:
    cid, messages = _turn(app, "Someone hacked my account")

    assert _recorded_triage(app, cid) == {"label": "security", "stage": "rules",
                                          "evidence": "security:hacked 'hacked'", "confidence": 0.9}
    assert all("triage" not in m["meta"] for m in messages)
    assert fake_openai.triage_requests == []


def test_an_llm_that_says_none_lets_the_bot_answer(app: Flask, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue("We ship to the islands [1].")
    _, messages = _turn(app, "do you ship to the islands?")

    assert [m["role"] for m in messages][-1] == "bot"
    assert len(fake_openai.triage_requests) == 1 and len(fake_openai.requests) == 1


def test_the_card_summary_ends_with_why() -> None:
    assert with_why("Wants a refund.", "model:security p=0.97 on 'changed'") == (
        "Wants a refund.\n*Why:* model:security p=0.97 on 'changed'")
    assert with_why("Wants a refund.", "") == "Wants a refund."
