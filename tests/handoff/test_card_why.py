"""The card an agent sees says why the bot handed off, in the customer's own words, through the fake Slack.

The card's why line comes from the triage's evidence; its words are the customer's as typed (the
amount with its separator, the accents), not the normalised form the rules read. The customer API
leaves the triage's reasoning out; the console shows it.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_world import AppWorld, build_world
from fake_slack import FakeSlack

from tests.doubles import OneArticleKnowledgeBase
from tests.knowledge_base.kb_fakes import FakeEmbeddings

ADMIN = "console-token-for-the-card-tests-0123"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield slack


def _world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeSlack, embedder: object) -> AppWorld:
    """The app with the console on; `embedder` is the knowledge base's (the offline MiniLM brings the learned stage)."""
    kb = OneArticleKnowledgeBase(r"deliver|ship", title="Shipping", section="Canada", text="Parcels arrive in 5 days.")
    kb.embedder = embedder  # type: ignore[attr-defined]
    return build_world(monkeypatch, tmp_path, fake, knowledge_base=kb, SUPPORTBOT_ADMIN__TOKEN=ADMIN)


def _handed_off(world: AppWorld, text: str) -> tuple[str, dict[str, str], str]:
    """The customer says `text`; the turn runs out, the outbox posts: the conversation and the card's text."""
    cid, auth = world.start()
    world.say(cid, auth, text)
    world.services.bot.shutdown(wait=True)  # the turn runs in the background: let it finish
    world.deliver()
    cards = [c for c in world.fake.calls() if c.method in ("chat.postMessage", "chat.update") and c.body.get("blocks")]
    assert cards, "no card was posted"
    return cid, auth, json.dumps(cards[-1].body["blocks"], ensure_ascii=False)


def _record_triage(world: AppWorld, cid: str) -> dict:
    """The triage kept with the handoff, as the console shows it."""
    detail = world.client.get(f"/admin/api/conversations/{cid}", headers={"Authorization": f"Bearer {ADMIN}"})
    assert detail.status_code == 200, detail.get_json()
    return next(m["meta"]["triage"] for m in detail.get_json()["messages"] if m["meta"].get("to") == "pending")


def test_a_rule_handoff_card_quotes_the_customers_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       fake: FakeSlack) -> None:
    world = _world(monkeypatch, tmp_path, fake, FakeEmbeddings())
    try:
        cid, auth, card = _handed_off(world, "I cancelled the order but you still took 89.99 from my card")
        assert "*Why:* billing_dispute:still_took 'but you still took 89.99'" in card
        assert _record_triage(world, cid)["evidence"] == "billing_dispute:still_took 'but you still took 89.99'"
        assert all("triage" not in m["meta"] for m in world.messages(cid, auth))  # not for the customer
    finally:
        world.services.close()


def test_a_model_handoff_card_quotes_the_customers_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        fake: FakeSlack) -> None:
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    world = _world(monkeypatch, tmp_path, fake, LocalMiniLMEmbeddings())
    try:
        text = "Devolvi as botas há três semanas e os 59,90 € do reembolso ainda não apareceram na minha conta."
        cid, auth, card = _handed_off(world, text)
        triage = _record_triage(world, cid)
        assert (triage["stage"], triage["label"]) == ("model", "billing_dispute")
        assert triage["evidence"].startswith("model:billing_dispute p=") and "'59,90'" in triage["evidence"]
        assert f"*Why:* {triage['evidence']}" in card  # the card says what the record keeps
        words = [w.strip("'") for w in triage["evidence"].split(" on ", 1)[1].split(", ")]
        assert words and all(w in text for w in words)  # as the customer typed them
        assert all("triage" not in m["meta"] for m in world.messages(cid, auth))
    finally:
        world.services.close()
