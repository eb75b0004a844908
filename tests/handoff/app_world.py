"""The whole server in-process (`create_app`) with the fake Slack and a real SMTP sink, driven step by step.

Settings come from the environment by their documented names, as an operator would set them.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_slack import FakeSlack
from flask import Flask
from flask.testing import FlaskClient
from slack_helpers import CHANNEL, SIGNING_SECRET, action_body, event_body, signed_headers
from slack_sdk import WebClient
from smtp_sink import SmtpSink

from tests.doubles import OneArticleKnowledgeBase

IDENTITY_SECRET = "host-site-shared-secret"


@dataclass
class AppWorld:
    app: Flask
    client: FlaskClient
    services: Any
    fake: FakeSlack
    smtp: SmtpSink | None

    # -- the customer ------------------------------------------------------------------------
    def start(self, **body: Any) -> tuple[str, dict[str, str]]:
        data = self.client.post("/api/conversations", json=body).get_json()
        return data["id"], {"Authorization": f"Bearer {data['token']}"}

    def say(self, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
        response = self.client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def messages(self, cid: str, auth: dict[str, str]) -> list[dict[str, Any]]:
        return self.client.get(f"/api/conversations/{cid}/messages", headers=auth).get_json()["messages"]

    def handoff(self, cid: str, auth: dict[str, str]) -> None:
        assert self.client.post(f"/api/conversations/{cid}/handoff", headers=auth).status_code == 200
        self.deliver()

    # -- Slack -------------------------------------------------------------------------------
    def deliver(self, *, until: float = 10.0) -> None:
        """Run the outboxes (Slack, then email) until nothing is due now."""
        handoff = self.services.handoff
        deadline = time.monotonic() + until
        while time.monotonic() < deadline:
            sent = handoff.outbox.run_once() + (handoff.email_outbox.run_once() if handoff.email_outbox else 0)
            if not sent:
                return
        raise AssertionError("outboxes did not drain")

    def card_ts(self, cid: str) -> str:
        info = self.services.handoff.desk._threads.get(cid)
        assert info is not None and info.thread_ts
        return info.thread_ts

    def action(self, action_id: str, value: str, *, user: str) -> None:
        body = action_body(action_id, value, user=user)
        response = self.client.post("/slack/events", data=body,
                                    headers=signed_headers(body, content_type="application/x-www-form-urlencoded"))
        assert response.status_code == 200
        self.deliver()

    def reply(self, cid: str, text: str, *, user: str, ts: str, files: list[dict[str, Any]] | None = None) -> None:
        event: dict[str, Any] = {"type": "message", "channel": self.channel_of(cid), "user": user, "text": text,
                                 "ts": ts, "thread_ts": self.card_ts(cid)}
        if files:
            event["files"], event["subtype"] = files, "file_share"
        body = event_body(event, event_id=f"Ev{ts.replace('.', '')}")
        response = self.client.post(
            "/slack/events", data=body, headers=signed_headers(body, content_type="application/json")
        )
        assert response.status_code == 200
        self.deliver()

    def channel_of(self, cid: str) -> str:
        info = self.services.handoff.desk._threads.get(cid)
        return info.channel if info else CHANNEL


def build_world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeSlack, *, smtp: SmtpSink | None = None,
                policy_file: Path | None = None, always_open: bool = True, knowledge_base: Any = None,
                **env: str) -> AppWorld:
    """`create_app` on a fresh data folder, Slack pointed at `fake`, email at `smtp`; background threads off.

    `knowledge_base`: instead of the one shipping article (e.g. one with the offline embedder, for the
    learned triage stage)."""
    from server import Settings, create_app

    policy = policy_file
    if policy is None and always_open:
        policy = tmp_path / "policy.yml"
        # NOTE: every test customer comes from 127.0.0.1; the desk's per-address cap is tested on its own
        policy.write_text("business_hours: {always_open: true}\ndesk: {handoffs_per_address_per_minute: 100}\n")
    variables = {
        "SUPPORTBOT_DATA_DIR": str(tmp_path / "data"), "SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false",
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_SUPPORT_CHANNEL": CHANNEL,
        "SLACK_API_URL": fake.api_url, "SUPPORTBOT_HANDOFF__OUTBOX_PER_CHANNEL_PER_S": "1000",
        "SUPPORTBOT_BOT__IDENTITY_SECRET": IDENTITY_SECRET, **env,
    }
    if policy is not None:
        variables["SUPPORTBOT_BOT__POLICY_FILE"] = str(policy)
    if smtp is not None:
        variables.update({
            "SUPPORTBOT_HANDOFF__EMAIL__SMTP_HOST": "127.0.0.1", "SUPPORTBOT_HANDOFF__EMAIL__SMTP_PORT": str(smtp.port),
            "SUPPORTBOT_HANDOFF__EMAIL__SECURITY": "none",
            "SUPPORTBOT_HANDOFF__EMAIL__FROM_ADDRESS": "Kestrel Brew support <help@kestrel.example>",
            "SUPPORTBOT_HANDOFF__EMAIL__GRACE_S": "0",
        })
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    client = WebClient(token="xoxb-test", base_url=fake.api_url, timeout=3, retry_handlers=[])
    kb = knowledge_base or OneArticleKnowledgeBase(r"deliver|ship", title="Shipping", section="Canada",
                                                   text="Parcels arrive in 5 days.")
    app = create_app(Settings(), knowledge_base=kb, slack_client=client, start_background=False)
    services = app.extensions["supportbot"]
    return AppWorld(app, app.test_client(), services, fake, smtp)
