"""Without Slack the console is the desk: reply, resolve, return, with the Slack path's states and events."""
from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from pydantic import SecretStr
from slack_sdk import WebClient

from bot.conversations.records import Role, State
from handoff.config import SlackSettings
from tests.bot.admin.conftest import BEARER, ask


def _waiting(client) -> tuple[str, dict[str, str]]:
    return ask(client, "I want to talk to a person please")


def test_reply_claims_then_resolve_like_the_slack_buttons(app: Flask) -> None:
    client = app.test_client()
    cid, customer = _waiting(client)
    store = app.extensions["supportbot"].store
    assert store.get(cid).state is State.PENDING
    detail = client.get(f"/admin/api/conversations/{cid}", headers=BEARER).get_json()
    assert detail["can_reply"] and detail["handoff_reason"] == "customer_request"

    sent = client.post(f"/admin/api/conversations/{cid}/messages", headers=BEARER,
                       json={"text": "Hi, Ana here. How can I help?", "operator": "Ana"})
    assert sent.status_code == 201 and sent.get_json()["author"] == "Ana"
    conversation = store.get(cid)
    assert conversation.state is State.AGENT and conversation.agent_name == "Ana"
    resolved = client.post(f"/admin/api/conversations/{cid}/resolve", headers=BEARER, json={"operator": "Ana"})
    assert resolved.status_code == 200

    changes = [(c.from_state.value, c.to_state.value, c.actor, c.reason) for c in store.state_changes(cid)]
    assert changes == [("bot", "pending", "bot", "customer_request"),
                       ("pending", "agent", "agent:console:Ana", "claimed"),
                       ("agent", "resolved", "agent:console:Ana", "resolved_by_agent")]
    # the customer's widget gets the same lines: joined, the reply, closed (policy wording)
    seen = client.get(f"/api/conversations/{cid}/messages", headers=customer).get_json()["messages"]
    lines = [m for m in seen if m["kind"] == "state" or m["role"] == "agent"]
    assert [(m["role"], m["meta"].get("to")) for m in lines] == [
        ("system", "pending"), ("system", "agent"), ("agent", None), ("system", "resolved")]
    assert "Ana" in lines[1]["text"]

    # nothing waits any more: a reply or a second resolve is a conflict, not a silent no-op
    late = client.post(f"/admin/api/conversations/{cid}/messages", headers=BEARER, json={"text": "still there?"})
    assert late.status_code == 409
    assert client.post(f"/admin/api/conversations/{cid}/resolve", headers=BEARER, json={}).status_code == 409


def test_return_to_bot_lets_the_bot_answer_again(app: Flask) -> None:
    client = app.test_client()
    cid, _ = _waiting(client)
    assert client.post(f"/admin/api/conversations/{cid}/return", headers=BEARER, json={}).status_code == 200
    store = app.extensions["supportbot"].store
    assert store.get(cid).state is State.BOT
    assert store.state_changes(cid)[-1].reason == "returned_by_agent"
    app.extensions["supportbot"].bot.post_and_answer(cid, "how do I pick up a bike?")
    assert store.messages(cid)[-1].role is Role.BOT


def test_search_and_filter(app: Flask) -> None:
    client = app.test_client()
    waiting, _ = _waiting(client)
    ask(client, "how do I pick up a bike?")
    page = client.get("/admin/api/conversations?state=pending", headers=BEARER).get_json()
    assert [c["id"] for c in page["conversations"]] == [waiting] and page["reasons"] == ["customer_request"]
    found = client.get("/admin/api/conversations?q=PICK%20UP", headers=BEARER).get_json()["conversations"]
    assert len(found) == 1 and found[0]["last_question"] == "how do I pick up a bike?"
    assert client.get("/admin/api/conversations?q=100%25_", headers=BEARER).get_json()["conversations"] == []
    by_reason = client.get("/admin/api/conversations?reason=customer_request", headers=BEARER).get_json()
    assert [c["id"] for c in by_reason["conversations"]] == [waiting]
    first = client.get("/admin/api/conversations?limit=1", headers=BEARER).get_json()
    assert len(first["conversations"]) == 1 and first["more"]


def test_with_slack_the_console_only_reads(make_app: Callable[..., Flask]) -> None:
    slack = SlackSettings(bot_token=SecretStr("xoxb-test"), signing_secret=SecretStr("s"), support_channel="C1")
    app = make_app(settings_kw={"slack": slack},
                   slack_client=WebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/"))
    client = app.test_client()
    cid, _ = _waiting(client)
    assert client.get(f"/admin/api/conversations/{cid}", headers=BEARER).get_json()["can_reply"] is False
    refused = client.post(f"/admin/api/conversations/{cid}/messages", headers=BEARER, json={"text": "hello"})
    assert refused.status_code == 409 and "Slack" in refused.get_json()["message"]
    assert app.extensions["supportbot"].store.get(cid).state is State.PENDING


def test_only_the_operator_who_has_the_conversation_replies_as_in_slack(app: Flask) -> None:
    client = app.test_client()
    cid, customer = _waiting(client)
    first = client.post(f"/admin/api/conversations/{cid}/messages", headers=BEARER,
                        json={"text": "Ana here, looking into it.", "operator": "Ana"})
    assert first.status_code == 201
    other = client.post(f"/admin/api/conversations/{cid}/messages", headers=BEARER,
                        json={"text": "Bob here, ignore Ana.", "operator": "Bob"})
    assert other.status_code == 409 and "Ana" in other.get_json()["message"]
    seen = client.get(f"/api/conversations/{cid}/messages", headers=customer).get_json()["messages"]
    assert [m["text"] for m in seen if m["role"] == "agent"] == ["Ana here, looking into it."]
    store = app.extensions["supportbot"].store
    assert store.get(cid).agent_name == "Ana"
    returned = client.post(f"/admin/api/conversations/{cid}/return", headers=BEARER, json={"operator": "Ana"})
    assert returned.status_code == 200
