"""Handoff test setup: a fake Slack Web API, and real databases (SQLite file; Postgres when DATABASE_URL is set)."""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fake_slack import FakeSlack, slack_user
from flask import Flask
from pydantic import SecretStr
from slack_helpers import CHANNEL, SIGNING_SECRET
from slack_sdk import WebClient
from sqlalchemy import Engine, create_engine, text

from bot.config import DatabaseSettings
from bot.conversations.database import make_engine, normalize_url
from bot.conversations.database import migrate as migrate_bot
from bot.conversations.events import InProcessBus
from bot.conversations.records import Conversation, Role, State
from bot.conversations.store import ConversationStore
from bot.handoff_port import HandoffRequest
from bot.policy import load_policy
from handoff.config import SlackSettings
from handoff.database import make_sessionmaker
from handoff.database import migrate as migrate_handoff
from handoff.desk import SlackDesk
from handoff.directory import AgentDirectory
from handoff.outbox import Outbox, OutboxPolicy
from handoff.service import HandoffService
from handoff.slack_app import build_slack_app, make_slack_blueprint
from handoff.threads import ThreadStore
from tests import services
from tests.doubles import FakeClock


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    users = {
        "UANA": slack_user("UANA", display_name="Ana", real_name="Ana Lima"),
        "UBEN": slack_user("UBEN", display_name="", real_name="Ben Okafor"),
        "UCID": slack_user("UCID", name="cid"),
    }
    with FakeSlack(users=users) as fake:
        yield fake


@pytest.fixture
def web_client(fake_slack: FakeSlack) -> WebClient:
    # NOTE: no retry handlers: the outbox does the retrying, so nothing sleeps inside a call.
    return WebClient(token="xoxb-test", base_url=fake_slack.api_url, timeout=2, retry_handlers=[])


def _postgres_engine(url: str, schema: str) -> Engine:
    return create_engine(normalize_url(url), connect_args={"options": f"-csearch_path={schema}"}, pool_size=10)


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """Both stores' tables, migrated; Postgres runs in a throwaway schema so parallel runs never meet."""
    if request.param == "sqlite":
        eng = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'handoff.sqlite3'}"))
        migrate_bot(eng)
        migrate_handoff(eng)
        yield eng
        eng.dispose()
        return
    url = services.DATABASE_URL
    if not url:
        pytest.skip("DATABASE_URL is not set: Postgres handoff tests skipped")
    schema = f"handoff_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalize_url(url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = _postgres_engine(url, schema)
    try:
        migrate_bot(eng)
        migrate_handoff(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# --- the assembled Slack side over a real store ------------------------------------------------


@dataclass
class World:
    """Everything a handoff test touches."""

    store: ConversationStore
    bus: InProcessBus
    threads: ThreadStore
    outbox: Outbox
    desk: SlackDesk
    service: HandoffService
    flask: Flask
    fake: FakeSlack
    policy: object

    def ask_for_person(self, text: str = "My grinder makes a rattling noise", *, name: str = "Dana") -> Conversation:
        """What BotService does on a handoff: the customer's words, the transition, the desk."""
        conversation, _ = self.store.create_conversation(customer_name=name, page_url="https://shop.example/grinders")
        self.store.add_message(conversation.id, role=Role.CUSTOMER, text=text)
        self.store.add_message(conversation.id, role=Role.BOT, text="Let me check our help center.")
        self.store.add_message(conversation.id, role=Role.CUSTOMER, text="Can I talk to a person?")
        self.store.transition(conversation.id, expected={State.BOT}, to=State.PENDING, actor="bot",
                              reason="customer_request")
        current = self.store.get(conversation.id)
        self.desk.request_handoff(
            HandoffRequest(current, "customer_request", "Grinder rattles; wants a person.", ["grinders/noise.md"])
        )
        return current

    def deliver(self) -> None:
        """Run the outbox until nothing is due."""
        # NOTE: bounded by time, not by rounds: retries wait out Retry-After and backoff in real time.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if not self.outbox.run_once():
                if not self.outbox.items(status="pending"):
                    return
                time.sleep(0.01)
        raise AssertionError("outbox did not drain within 15 s")

    def card_ts(self, conversation_id: str) -> str:
        info = self.threads.get(conversation_id)
        assert info is not None and info.thread_ts, "card not delivered yet"
        return info.thread_ts


@pytest.fixture
def clock() -> FakeClock | None:
    """None: real time. Timer tests override this with a `FakeClock` for the store and the timers."""
    return None


@pytest.fixture
def world(engine: Engine, fake_slack: FakeSlack, web_client: WebClient, clock: FakeClock | None) -> Iterator[World]:
    sessions = make_sessionmaker(engine)
    bus = InProcessBus()
    store = ConversationStore(sessions, bus=bus, clock=clock)
    threads = ThreadStore(sessions, clock=clock)
    outbox = Outbox(
        sessions,
        web_client,
        policy=OutboxPolicy(per_channel_per_s=500, base_backoff_s=0.01, max_backoff_s=0.05, poll_s=0.01),
    )
    policy = load_policy(None)
    desk = SlackDesk(store=store, threads=threads, outbox=outbox, channel=CHANNEL)
    service = HandoffService(
        store=store, desk=desk, threads=threads, directory=AgentDirectory(web_client, threads), policy=policy
    )
    slack = SlackSettings(
        bot_token=SecretStr("xoxb-test"),
        signing_secret=SecretStr(SIGNING_SECRET),
        support_channel=CHANNEL,
        api_url=fake_slack.api_url,
    )
    bolt = build_slack_app(slack, client=web_client, handoffs=service, process_before_response=True)
    app = Flask(__name__)
    app.register_blueprint(make_slack_blueprint(bolt))
    yield World(store, bus, threads, outbox, desk, service, app, fake_slack, policy)
    outbox.stop()
    bus.close()
