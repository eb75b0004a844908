"""`build_slack_handoff` as `server.build_services` calls it: running worker and timers, blueprint, the manifest."""
from __future__ import annotations

from pathlib import Path

import yaml
from fake_slack import FakeSlack
from flask import Flask
from pydantic import SecretStr
from slack_helpers import CHANNEL, SIGNING_SECRET, action_body, signed_headers
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.conversations.events import InProcessBus
from bot.conversations.records import Role, State
from bot.conversations.store import ConversationStore
from bot.handoff_port import HandoffRequest, HumanDesk
from bot.policy import load_policy
from handoff.config import HandoffSettings, SlackSettings
from handoff.database import make_sessionmaker
from handoff.wiring import build_slack_handoff

ROOT = Path(__file__).resolve().parents[2]


class FakeBot:
    """The two things the wiring needs from BotService: its store and a place to plug the desk."""

    def __init__(self, store: ConversationStore) -> None:
        self.store = store
        self.desk: HumanDesk | None = None
        self.offered: list[str] = []

    def set_desk(self, desk: HumanDesk, *, available=None) -> None:
        self.desk = desk

    def offer_email(self, conversation_id: str) -> None:
        self.offered.append(conversation_id)


def test_built_handoff_runs_end_to_end_with_its_own_worker(
    engine: Engine, fake_slack: FakeSlack, web_client: WebClient
) -> None:
    store = ConversationStore(make_sessionmaker(engine), bus=InProcessBus())
    bot = FakeBot(store)
    slack = SlackSettings(
        bot_token=SecretStr("xoxb-test"),
        signing_secret=SecretStr(SIGNING_SECRET),
        support_channel=CHANNEL,
        api_url=fake_slack.api_url,
    )
    handoff = build_slack_handoff(
        slack,
        HandoffSettings(outbox_per_channel_per_s=50),
        engine=engine,
        bot=bot,
        policy=load_policy(None),
        client=web_client,
    )
    assert bot.desk is handoff.desk
    app = Flask(__name__)
    app.register_blueprint(handoff.blueprint())
    handoff.start()
    try:
        conversation, _ = store.create_conversation(customer_name="Kim")
        store.add_message(conversation.id, role=Role.CUSTOMER, text="I'd like to speak to someone")
        store.transition(
            conversation.id, expected={State.BOT}, to=State.PENDING, actor="bot", reason="customer_request"
        )
        bot.desk.request_handoff(HandoffRequest(store.get(conversation.id), "customer_request", "", []))
        fake_slack.wait_for(lambda: len(fake_slack.posts()) == 2)
        body = action_body("handoff_claim", conversation.id, user="UANA")
        response = app.test_client().post(
            "/slack/events", data=body, headers=signed_headers(body, content_type="application/x-www-form-urlencoded")
        )
        assert response.status_code == 200
        assert store.get(conversation.id).agent_name == "Ana"
        fake_slack.wait_for(lambda: fake_slack.calls("chat.update"))
    finally:
        handoff.stop()
    assert handoff._socket is None  # no SLACK_APP_TOKEN: no Socket Mode connection


def test_manifest_subscribes_to_what_the_app_handles() -> None:
    manifest = yaml.safe_load((ROOT / "slack-manifest.yml").read_text())
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "users:read", "channels:history", "groups:history", "commands"} <= scopes
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"message.channels", "message.groups"}
    urls = {
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
        manifest["features"]["slash_commands"][0]["url"],
    }
    assert urls == {"https://YOUR-HOST/slack/events"}
    assert manifest["features"]["slash_commands"][0]["command"] == "/support"
    assert settings["socket_mode_enabled"] is False
