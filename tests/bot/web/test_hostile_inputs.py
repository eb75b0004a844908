"""Odd input from the internet is a clear 4xx from the real app, never a 500 (issue 13 items 2 and 8)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.config import DatabaseSettings
from bot.web.config import WebSettings
from tests.doubles import OneArticleKnowledgeBase


def _kb() -> Any:
    """A knowledge base that finds nothing (the app only needs `search` and `documents` here)."""
    return OneArticleKnowledgeBase("x^", title="t", section="s", text="t")


@pytest.fixture(params=["sqlite", "postgres"])
def hostile_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    from server import Settings, create_app

    url = None if request.param == "sqlite" else request.getfixturevalue("fresh_postgres_url")
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False, db=DatabaseSettings(url=url),
                        web=WebSettings(rate_limit_per_ip="10000 per minute",
                                        rate_limit_per_conversation="3 per minute", trusted_proxy_hops=1))
    app = create_app(settings, knowledge_base=_kb(), start_background=False)
    yield app
    app.extensions["supportbot"].close()


def _start(client: FlaskClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").get_json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def _status(response: Any) -> tuple[int, str]:
    return response.status_code, (response.get_json(silent=True) or {}).get("error", "")


def test_odd_numbers_in_queries_and_paths_are_400_or_404(hostile_app: Flask) -> None:
    client = hostile_app.test_client()
    cid, auth = _start(client)
    assert _status(client.get(f"/api/conversations/{cid}/messages?after=²", headers=auth))[0] == 400
    assert _status(client.get(f"/api/conversations/{cid}/messages?after={2**64}", headers=auth))[0] == 400
    events = client.get(f"/api/conversations/{cid}/events", headers=auth | {"Last-Event-ID": "٣"})
    assert events.status_code == 400
    huge = client.post(f"/api/messages/{2**64}/feedback", json={"helpful": True}, headers=auth)
    assert huge.status_code == 404


def test_deeply_nested_json_is_400(hostile_app: Flask) -> None:
    client = hostile_app.test_client()
    cid, auth = _start(client)
    body = "[" * 15_000 + "]" * 15_000  # within the body size limit
    for path in ("/api/conversations", f"/api/conversations/{cid}/messages"):
        response = client.post(path, data=body, headers=auth | {"Content-Type": "application/json"})
        assert _status(response) == (400, "malformed_json")


def test_nul_characters_are_400_and_store_nothing(hostile_app: Flask) -> None:
    client = hostile_app.test_client()
    cid, auth = _start(client)
    posted = client.post(f"/api/conversations/{cid}/messages", data=json.dumps({"text": "hi\x00there"}),
                         headers=auth | {"Content-Type": "application/json"})
    assert posted.status_code == 400
    assert client.post("/api/conversations", json={"name": "a\x00b"}).status_code == 400
    assert client.get(f"/api/conversations/{cid}%00", headers=auth).status_code == 400
    assert client.get(f"/api/conversations/{cid}/events?token=a%00b").status_code == 400
    for header in ({"X-Note": "a\x00b"}, {"Content-Type": "application/json\x00"}):  # a header, the body's type
        sent = client.post(f"/api/conversations/{cid}/messages", data=json.dumps({"text": "hi"}),
                           headers={"Content-Type": "application/json"} | auth | header)
        assert _status(sent) == (400, "invalid_request")
    assert client.get(f"/api/conversations/{cid}/messages", headers=auth).get_json()["messages"] == []


def test_limits_key_on_the_client_behind_the_trusted_proxy(hostile_app: Flask) -> None:
    from server import Settings, create_app

    client = hostile_app.test_client()
    cid, auth = _start(client)
    # A stranger without the token cannot spend the customer's per-conversation budget.
    for _ in range(5):
        stranger = client.post(f"/api/conversations/{cid}/messages", json={"text": "x"},
                               headers={"Authorization": "Bearer wrong"})
        assert stranger.status_code == 404
    ok = client.post(f"/api/conversations/{cid}/messages", json={"text": "still me"}, headers=auth)
    assert ok.status_code == 201
    # Per-IP limits: two customers behind the same load balancer have their own buckets.
    settings = Settings(data_dir=hostile_app.extensions["supportbot"].settings.data_dir / "b",
                        index_examples_on_start=False,
                        web=WebSettings(rate_limit_per_ip="2 per minute", trusted_proxy_hops=1))
    app = create_app(settings, knowledge_base=_kb(), start_background=False)
    try:
        lb = app.test_client()
        lb_addr = {"REMOTE_ADDR": "10.0.0.2"}

        def start(client_ip: str) -> int:
            return lb.post("/api/conversations", headers={"X-Forwarded-For": client_ip},
                           environ_base=lb_addr).status_code

        assert [start("203.0.113.7") for _ in range(3)] == [201, 201, 429]
        assert start("198.51.100.4") == 201  # another customer, same load balancer
        # a client cannot pick its own bucket: only the entry the trusted proxy appended counts
        spoofed = lb.post("/api/conversations", headers={"X-Forwarded-For": "1.2.3.4, 203.0.113.7"},
                          environ_base=lb_addr)
        assert spoofed.status_code == 429
    finally:
        app.extensions["supportbot"].close()


def test_a_malformed_slack_timestamp_is_401_not_500() -> None:
    from pydantic import SecretStr
    from slack_sdk import WebClient

    from handoff.config import SlackSettings
    from handoff.slack_app import build_slack_app, make_slack_blueprint

    bolt = build_slack_app(SlackSettings(bot_token=SecretStr("xoxb-x"), signing_secret=SecretStr("s"),
                                         support_channel="C1"),
                           client=WebClient(token="xoxb-x"), handoffs=None)  # type: ignore[arg-type]
    app = Flask("slack")
    app.register_blueprint(make_slack_blueprint(bolt))
    for stamp in ("abc", "1e400", "²", "", "9" * 40):
        response = app.test_client().post("/slack/events", data="{}", headers={
            "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=00", "Content-Type": "application/json"})
        assert response.status_code == 401, stamp


def test_seen_beyond_64_bits_is_400_and_moves_nothing(hostile_app: Flask) -> None:
    """Ids are INTEGER columns (32-bit on Postgres); a bigger `through` once reached it and gave a 500."""
    client = hostile_app.test_client()
    cid, auth = _start(client)
    assert _status(client.post(f"/api/conversations/{cid}/seen", json={"through": 2**70}, headers=auth)) == (
        400, "invalid_body")
    assert client.post(f"/api/conversations/{cid}/seen", json={"through": 2**31 - 1}, headers=auth).status_code == 204
