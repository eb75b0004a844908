"""The console's privacy endpoints (issue 13 item 6): export and erase a customer through the API,
authenticated like the rest of the console, each call leaving an audit row that never holds the email."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from flask import Flask
from sqlalchemy import text

from bot.conversations.records import Role
from tests.bot.admin.conftest import BEARER, TOKEN, ask


def _customer(app: Flask, email: str, text: str) -> str:
    store = app.extensions["supportbot"].store
    conversation, _ = store.create_conversation(customer_email=email, customer_name="Kim")
    store.add_message(conversation.id, role=Role.CUSTOMER, text=text)
    return conversation.id


def test_export_then_erase_a_customer_by_email_with_an_audit_trail(app: Flask) -> None:
    client = app.test_client()
    mine = _customer(app, "kim@example.org", "where is my parcel?")
    other = _customer(app, "someone@example.org", "hello")
    exported = client.post("/admin/api/privacy/export", json={"email": "KIM@example.org", "operator": "Ana"},
                           headers=BEARER)
    assert exported.status_code == 200, exported.get_json()
    data = exported.get_json()
    assert [c["id"] for c in data["conversations"]] == [mine]
    assert data["conversations"][0]["messages"][0]["text"] == "where is my parcel?"

    refused = client.post("/admin/api/privacy/erase", json={"email": "kim@example.org", "confirm": False},
                          headers=BEARER)
    assert refused.status_code == 400 and refused.get_json()["error"] == "confirm_required"
    erased = client.post("/admin/api/privacy/erase", json={"email": "kim@example.org", "confirm": True},
                         headers=BEARER)
    assert erased.status_code == 200
    assert erased.get_json()["conversations"] == 1 and erased.get_json()["messages"] == 1
    store = app.extensions["supportbot"].store
    assert store.get(mine) is None and store.get(other) is not None
    again = client.post("/admin/api/privacy/export", json={"conversation_id": mine}, headers=BEARER)
    assert again.status_code == 200 and again.get_json()["conversations"] == []

    trail = client.get("/admin/api/audit", headers=BEARER).get_json()["entries"]
    assert [(e["action"], e["subject_kind"], e["outcome"]["conversations"]) for e in trail] == [
        ("privacy_export", "conversation", 0), ("privacy_erase", "email", 1), ("privacy_export", "email", 1)]
    assert trail[2]["actor"] == "token: Ana" and trail[2]["address"]
    assert trail[1]["subject_digest"] == trail[2]["subject_digest"]  # the same customer, whatever the case
    assert "kim@example.org" not in json.dumps(trail).lower()  # the trail never holds the erased address
    assert len(trail) == 3  # the erase refused for want of confirm did nothing, so left no row


def test_privacy_endpoints_are_guarded_like_the_rest_of_the_console(app: Flask) -> None:
    mine = _customer(app, "lee@example.org", "my order")
    client = app.test_client()
    for path in ("/admin/api/privacy/export", "/admin/api/privacy/erase"):
        assert client.post(path, json={"conversation_id": mine, "confirm": True}).status_code == 401
        wrong = client.post(path, json={"conversation_id": mine, "confirm": True},
                            headers={"Authorization": "Bearer not-the-token"})
        assert wrong.status_code == 401
    client.post("/admin/api/login", json={"token": TOKEN})
    no_csrf = client.post("/admin/api/privacy/erase", json={"conversation_id": mine, "confirm": True})
    assert no_csrf.status_code == 403
    both = client.post("/admin/api/privacy/export", json={"conversation_id": mine, "email": "lee@example.org"},
                       headers=BEARER)
    assert both.status_code == 400
    assert client.post("/admin/api/privacy/export", json={}, headers=BEARER).status_code == 400
    assert app.extensions["supportbot"].store.get(mine) is not None
    assert client.get("/admin/api/audit", headers=BEARER).get_json()["entries"] == []


def test_erasure_takes_the_consoles_copies_of_the_questions_too(app: Flask) -> None:
    client = app.test_client()
    conversation, _ = ask(client, "tandem bikes for my cousin Ingrid Solberg?")  # declined: a gap question
    gaps = client.get("/admin/api/gaps?days=7", headers=BEARER).get_json()
    assert gaps["questions"] == 1 and "Ingrid" in json.dumps(gaps)
    exported = client.post("/admin/api/privacy/export", json={"conversation_id": conversation}, headers=BEARER)
    assert "Ingrid" in json.dumps(exported.get_json()["console"])
    erased = client.post("/admin/api/privacy/erase", json={"conversation_id": conversation, "confirm": True},
                         headers=BEARER)
    assert erased.status_code == 200 and erased.get_json()["other"]["console"] >= 2  # question, vector, facts
    after = client.get("/admin/api/gaps?days=7", headers=BEARER).get_json()
    assert after["questions"] == 0 and "Ingrid" not in json.dumps(after)


class BrokenParticipant:
    """A participant whose erasure dies after the console's copies went: an erasure failing halfway."""

    name = "broken"

    def export(self, conversation_ids: Sequence[str]) -> list[dict[str, Any]]:
        return []

    def erase(self, conversation_ids: Sequence[str]) -> int:
        raise ConnectionError("the other side went away")


def test_a_privacy_action_is_recorded_before_it_runs_and_a_failure_says_so(app: Flask) -> None:
    app.testing = False  # the console's own answer to a failure, not the test client's re-raise
    client = app.test_client()
    mine = _customer(app, "kim@example.org", "where is my parcel?")
    app.extensions["supportbot"].privacy.add_participant(BrokenParticipant())
    failed = client.post("/admin/api/privacy/erase", json={"email": "kim@example.org", "confirm": True,
                                                           "operator": "Ana"}, headers=BEARER)
    assert failed.status_code == 500
    exported = client.post("/admin/api/privacy/export", json={"conversation_id": mine}, headers=BEARER)
    assert exported.status_code == 200
    trail = client.get("/admin/api/audit", headers=BEARER).get_json()["entries"]
    assert [(e["action"], e["outcome"]) for e in trail] == [
        ("privacy_export", {"status": "done", "conversations": 1}),
        ("privacy_erase", {"status": "failed", "error": "ConnectionError"})]
    assert trail[1]["actor"] == "token: Ana"


def test_without_its_audit_row_no_privacy_action_runs(app: Flask) -> None:
    app.testing = False
    mine = _customer(app, "kim@example.org", "where is my parcel?")
    with app.extensions["supportbot"].engine.begin() as conn:
        conn.execute(text("DROP TABLE admin_audit"))  # the trail cannot be written
    erased = app.test_client().post("/admin/api/privacy/erase", json={"conversation_id": mine, "confirm": True},
                                    headers=BEARER)
    assert erased.status_code == 500
    assert app.extensions["supportbot"].store.get(mine) is not None
