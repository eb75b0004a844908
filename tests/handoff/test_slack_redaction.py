"""What goes to Slack is redacted for the `slack` target, whatever the store keeps (issue 13 item 5)."""
from __future__ import annotations

import json

from fake_slack import FakeSlack
from pydantic import SecretStr
from slack_helpers import CHANNEL, SIGNING_SECRET
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.conversations.events import InProcessBus
from bot.conversations.records import Role, State
from bot.conversations.store import ConversationStore
from bot.handoff_port import HandoffRequest, HumanDesk
from bot.policy import PiiPolicy, Policy
from handoff.config import HandoffSettings, SlackSettings
from handoff.database import make_sessionmaker
from handoff.wiring import build_slack_handoff

PHONE = "+34 612 34 56 78"


class _Bot:
    def __init__(self, store: ConversationStore) -> None:
        self.store = store
        self.desk: HumanDesk | None = None

    def set_desk(self, desk: HumanDesk, *, available=None) -> None:
        self.desk = desk

    def offer_email(self, conversation_id: str) -> None: ...


def test_a_kind_the_store_keeps_is_still_redacted_for_slack(engine: Engine, fake_slack: FakeSlack,
                                                           web_client: WebClient) -> None:
    policy = Policy(pii=PiiPolicy(redact={"phone": {"slack", "llm", "log"}}))
    store = ConversationStore(make_sessionmaker(engine), bus=InProcessBus())
    bot = _Bot(store)
    slack = SlackSettings(bot_token=SecretStr("xoxb-test"), signing_secret=SecretStr(SIGNING_SECRET),
                          support_channel=CHANNEL, api_url=fake_slack.api_url)
    handoff = build_slack_handoff(slack, HandoffSettings(outbox_per_channel_per_s=50), engine=engine, bot=bot,
                                  policy=policy, client=web_client)
    handoff.start()
    try:
        conversation, _ = store.create_conversation(customer_name=f"Kim {PHONE}")
        store.add_message(conversation.id, role=Role.CUSTOMER, text=f"call me back on {PHONE}")
        store.transition(conversation.id, expected={State.BOT}, to=State.PENDING, actor="bot",
                         reason="customer_request")
        current = store.get(conversation.id)
        assert bot.desk is not None and current is not None
        bot.desk.request_handoff(HandoffRequest(current, "customer_request",
                                                f"Wants a call on {PHONE}", []))
        fake_slack.wait_for(lambda: len(fake_slack.posts()) == 2)
    finally:
        handoff.stop()
    assert PHONE in store.messages(conversation.id)[0].text  # kept where the policy keeps it
    sent = json.dumps([r.body for r in fake_slack.requests])
    assert "612" not in sent and "[phone]" in sent
