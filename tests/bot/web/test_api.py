"""The customer API: the happy path, and every bad input answered with a clear 4xx and nothing stored."""
from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from bot.web.conversation_limits import CONVERSATION_SPENT
from web.fakes import FakeBotService
from web.support import MAX_CHARS, build_app


def test_start_conversation_returns_id_token_and_state(client: FlaskClient) -> None:
    details = {"name": "Rui", "locale": "pt-BR", "page_url": "https://shop.example/x"}
    response = client.post("/api/conversations", json=details)
    assert response.status_code == 201
    body = response.get_json()
    assert body["id"] and body["token"] and body["state"] == "bot"


def test_start_conversation_accepts_an_empty_body(client: FlaskClient) -> None:
    assert client.post("/api/conversations").status_code == 201


def test_message_is_stored_answered_and_listed_in_order(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    response = client.post(
        f"/api/conversations/{cid}/messages", json={"text": "  How long does shipping take?  "}, headers=auth
    )
    assert response.status_code == 201
    stored = response.get_json()
    assert stored["role"] == "customer" and stored["text"] == "How long does shipping take?"

    listed = client.get(f"/api/conversations/{cid}/messages", headers=auth).get_json()["messages"]
    assert [m["role"] for m in listed] == ["customer", "bot"]
    assert listed[1]["citations"][0]["url"] == "https://help.example/d"
    after = client.get(f"/api/conversations/{cid}/messages?after={stored['id']}", headers=auth).get_json()["messages"]
    assert [m["role"] for m in after] == ["bot"]


def test_handoff_close_rating_email_feedback_typing(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    client.post(f"/api/conversations/{cid}/messages", json={"text": "hi"}, headers=auth)
    answer_id = bot.messages(cid)[-1].id

    assert client.post(f"/api/conversations/{cid}/handoff", headers=auth).get_json()["state"] == "pending"
    assert (
        client.post(f"/api/conversations/{cid}/email", json={"email": "rui@example.com"}, headers=auth).status_code
        == 200
    )
    assert client.post(f"/api/conversations/{cid}/close", headers=auth).get_json()["state"] == "resolved"
    rated = client.post(f"/api/conversations/{cid}/rating", json={"rating": 4, "comment": "quick"}, headers=auth)
    assert rated.status_code == 200 and rated.get_json()["rating"] == 4
    assert client.post(f"/api/messages/{answer_id}/feedback", json={"helpful": True}, headers=auth).status_code == 204
    assert client.post(f"/api/conversations/{cid}/typing", headers=auth).status_code == 204
    assert client.get(f"/api/conversations/{cid}", headers=auth).get_json()["state"] == "resolved"

    assert bot.handoffs == ["customer_request"]
    assert bot.store.conversations[cid].customer_email == "rui@example.com"
    assert bot.store.ratings[cid] == (4, "quick")
    assert bot.store.feedback == [(answer_id, True, None)]
    assert bot.typing_events == [(cid, "customer")]


# -- bad input: a clear 4xx, a JSON error, and nothing stored --------------------------------
@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        ("{not json", "application/json", 400, "malformed_json"),
        ("[1, 2]", "application/json", 400, "invalid_body"),
        ("{}", "application/json", 400, "invalid_body"),
        ('{"text": 5}', "application/json", 400, "invalid_body"),
        ('{"text": ""}', "application/json", 400, "empty_message"),
        ('{"text": "   \\n "}', "application/json", 400, "empty_message"),
        ('{"text": "' + "x" * (MAX_CHARS + 1) + '"}', "application/json", 413, "message_too_long"),
        ('{"text": "hi"}', "text/plain", 415, "unsupported_media_type"),
        ("", "application/json", 400, "malformed_json"),
        ("", "", 415, "unsupported_media_type"),
    ],
)
def test_bad_message_bodies_store_nothing(
    client: FlaskClient, start, bot: FakeBotService, data, content_type, status, code
) -> None:
    cid, auth = start()
    response = client.post(f"/api/conversations/{cid}/messages", data=data, content_type=content_type, headers=auth)
    assert response.status_code == status
    assert response.get_json()["error"] == code and response.get_json()["message"]
    assert bot.store.rows == []


def test_a_message_of_exactly_the_limit_is_accepted(client: FlaskClient, start) -> None:
    cid, auth = start()
    response = client.post(f"/api/conversations/{cid}/messages", json={"text": "y" * MAX_CHARS}, headers=auth)
    assert response.status_code == 201


def test_missing_token_is_401_with_bearer_challenge(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, _ = start()
    response = client.post(f"/api/conversations/{cid}/messages", json={"text": "hi"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.get_json()["error"] == "missing_token"
    assert bot.store.rows == []


@pytest.mark.parametrize("path", ["messages", "handoff", "close", "typing", "email", "rating"])
def test_wrong_token_and_other_peoples_conversations_are_404(
    client: FlaskClient, start, bot: FakeBotService, path
) -> None:
    mine, my_auth = start()
    theirs, _ = start()
    bodies = {"messages": {"text": "hi"}, "email": {"email": "a@b.example"}, "rating": {"rating": 5}}
    body = bodies.get(path)
    wrong = {"Authorization": "Bearer not-the-token"}
    for cid, auth in [(mine, wrong), (theirs, my_auth), ("no-such-conversation", my_auth)]:
        response = client.post(f"/api/conversations/{cid}/{path}", json=body, headers=auth)
        assert response.status_code == 404, (cid, response.get_json())
        assert response.get_json()["error"] == "not_found"
    assert client.get(f"/api/conversations/{theirs}/messages", headers=my_auth).status_code == 404
    assert client.get(f"/api/conversations/{theirs}/events", headers=my_auth).status_code == 404
    assert bot.store.rows == [] and bot.handoffs == [] and bot.store.ratings == {}
    assert all(c.state.value == "bot" and c.customer_email is None for c in bot.store.conversations.values())


def test_feedback_needs_the_token_of_the_messages_conversation(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    _, other_auth = start()
    client.post(f"/api/conversations/{cid}/messages", json={"text": "hi"}, headers=auth)
    customer_id, answer_id = (m.id for m in bot.messages(cid))
    assert (
        client.post(f"/api/messages/{answer_id}/feedback", json={"helpful": False}, headers=other_auth).status_code
        == 404
    )
    assert client.post("/api/messages/99999/feedback", json={"helpful": False}, headers=auth).status_code == 404
    assert client.post(f"/api/messages/{answer_id}/feedback", json={"helpful": "yes"}, headers=auth).status_code == 400
    assert client.post(f"/api/messages/{customer_id}/feedback", json={"helpful": True}, headers=auth).status_code == 400
    assert client.post(f"/api/messages/{answer_id}/feedback", json={"helpful": True}).status_code == 401
    assert bot.store.feedback == []


@pytest.mark.parametrize(
    "body", [{"rating": 0}, {"rating": 6}, {"rating": "5"}, {"rating": True}, {"comment": "no rating"}]
)
def test_bad_ratings_are_400(client: FlaskClient, start, bot: FakeBotService, body) -> None:
    cid, auth = start()
    response = client.post(f"/api/conversations/{cid}/rating", json=body, headers=auth)
    assert response.status_code == 400 and response.get_json()["error"] == "invalid_body"
    assert response.get_json()["details"]
    assert bot.store.ratings == {}


@pytest.mark.parametrize("body", [{"email": "nope"}, {"email": "a b@c.d"}, {}])
def test_bad_emails_are_400(client: FlaskClient, start, bot: FakeBotService, body) -> None:
    cid, auth = start()
    assert client.post(f"/api/conversations/{cid}/email", json=body, headers=auth).status_code == 400
    assert bot.store.conversations[cid].customer_email is None


def test_bad_start_bodies_are_400_and_create_nothing(client: FlaskClient, bot: FakeBotService) -> None:
    for body in ['{"email": "not-an-email"}', '{"locale": "<script>"}', "{oops"]:
        response = client.post("/api/conversations", data=body, content_type="application/json")
        assert response.status_code == 400, body
    assert bot.store.conversations == {}


def test_bad_after_parameter_is_400(client: FlaskClient, start) -> None:
    cid, auth = start()
    assert client.get(f"/api/conversations/{cid}/messages?after=-1", headers=auth).status_code == 400
    assert client.get(f"/api/conversations/{cid}/messages?after=abc", headers=auth).status_code == 400


def test_unknown_routes_and_methods_answer_json(client: FlaskClient) -> None:
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"] == "not_found"
    wrong_method = client.delete("/api/conversations")
    assert wrong_method.status_code == 405 and "POST" in wrong_method.headers["Allow"]


def test_a_flood_over_the_per_conversation_limit_is_429_and_not_stored() -> None:
    bot = FakeBotService(max_message_chars=MAX_CHARS)
    client = build_app(bot, per_conversation="3 per minute").test_client()
    created = client.post("/api/conversations").get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    statuses = [
        client.post(f"/api/conversations/{created['id']}/messages", json={"text": f"m{i}"}, headers=auth).status_code
        for i in range(6)
    ]
    assert statuses == [201, 201, 201, 429, 429, 429]
    customer_rows = [m for m in bot.store.rows if m.role.value == "customer"]
    assert [m.text for m in customer_rows] == ["m0", "m1", "m2"]
    flooded = client.post(f"/api/conversations/{created['id']}/messages", json={"text": "again"}, headers=auth)
    assert flooded.get_json()["error"] == "rate_limited" and flooded.headers.get("Retry-After")
    # another conversation from the same IP still gets through: the limit is per conversation
    other = client.post("/api/conversations").get_json()
    ok = client.post(
        f"/api/conversations/{other['id']}/messages",
        json={"text": "hello"},
        headers={"Authorization": f"Bearer {other['token']}"},
    )
    assert ok.status_code == 201


def test_a_message_post_spends_the_per_ip_limit_after_its_token_and_flask_limiter_resolves_nothing() -> None:
    """The message POST counts its limits itself (`ConversationLimits`): flask-limiter's own pass skips it,
    the per-IP limit (per route) still counts messages, a stranger's wrong token spends nothing, and the
    headers name the per-IP window."""
    bot = FakeBotService(max_message_chars=MAX_CHARS)
    app = build_app(bot, per_ip="4 per minute")
    client = app.test_client()
    limiter = next(iter(app.extensions["limiter"]))
    resolved: list[str | None] = []
    resolve = limiter.limit_manager.resolve_limits
    limiter.limit_manager.resolve_limits = lambda *a, **k: resolved.append(a[1]) or resolve(*a, **k)
    created = client.post("/api/conversations").get_json()
    resolved.clear()
    auth = {"Authorization": f"Bearer {created['token']}"}
    stranger = client.post(f"/api/conversations/{created['id']}/messages", json={"text": "x"},
                           headers={"Authorization": "Bearer wrong"})
    assert stranger.status_code == 404  # the token first: a stranger spends no budget
    posted = [client.post(f"/api/conversations/{created['id']}/messages", json={"text": f"m{i}"}, headers=auth)
              for i in range(5)]
    assert [p.status_code for p in posted] == [201, 201, 201, 201, 429]  # the per-IP limit, per route
    assert [p.headers["X-RateLimit-Remaining"] for p in posted] == ["3", "2", "1", "0", "0"]
    assert {p.headers["X-RateLimit-Limit"] for p in posted} == {"4"}
    assert 0 <= int(posted[-1].headers["Retry-After"]) <= 61
    assert posted[-1].get_json() == {"error": "rate_limited", "message": "4 per 1 minute"}
    assert resolved == []
    assert [m.text for m in bot.store.rows if m.role.value == "customer"] == ["m0", "m1", "m2", "m3"]
    # another route of the same address has its own per-IP window, as flask-limiter's default limits do
    assert client.post(f"/api/conversations/{created['id']}/handoff", headers=auth).status_code == 200


def test_the_conversation_budget_is_shared_by_its_routes_and_its_message_names_it() -> None:
    bot = FakeBotService(max_message_chars=MAX_CHARS)
    client = build_app(bot, per_conversation="2 per minute").test_client()
    created = client.post("/api/conversations").get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    base = f"/api/conversations/{created['id']}"
    assert client.post(f"{base}/messages", json={"text": "a"}, headers=auth).status_code == 201
    assert client.post(f"{base}/rating", json={"rating": 5}, headers=auth).status_code == 200
    spent = client.post(f"{base}/messages", json={"text": "b"}, headers=auth)
    assert spent.status_code == 429 and spent.headers.get("Retry-After")
    assert spent.get_json()["message"] == CONVERSATION_SPENT
    assert spent.headers["X-RateLimit-Limit"] == "2"  # the breached limit's window, not the per-IP one


def test_a_failing_limit_storage_lets_the_message_through() -> None:
    bot = FakeBotService(max_message_chars=MAX_CHARS)
    app = build_app(bot, per_conversation="1 per minute")
    client = app.test_client()
    limiter = next(iter(app.extensions["limiter"]))
    created = client.post("/api/conversations").get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}

    def broken(*_args: Any, **_kwargs: Any) -> int:
        raise ConnectionError("storage down")

    limiter.storage.incr = broken  # type: ignore[method-assign]
    limiter.storage.get = broken  # type: ignore[method-assign]
    statuses = [client.post(f"/api/conversations/{created['id']}/messages", json={"text": f"m{i}"},
                            headers=auth).status_code for i in range(3)]
    assert statuses == [201, 201, 201]


def test_a_flood_over_the_per_ip_limit_is_429_and_creates_nothing() -> None:
    bot = FakeBotService(max_message_chars=MAX_CHARS)
    client = build_app(bot, per_ip="5 per minute").test_client()
    statuses = [client.post("/api/conversations").status_code for _ in range(8)]
    assert statuses == [201] * 5 + [429] * 3
    assert len(bot.store.conversations) == 5
    # health and the widget are never rate limited
    assert all(client.get("/healthz").status_code == 200 for _ in range(10))
    assert client.get("/widget.js").status_code == 200
    # another IP is not affected
    assert client.post("/api/conversations", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 201
