"""Shared setup of the Slack benchmarks: a real store, the handoff parts, the Flask app on loopback, a fake Slack."""
from __future__ import annotations

import json
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from pydantic import SecretStr
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine, create_engine, text
from werkzeug.serving import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from fake_slack import FakeSlack, slack_user  # noqa: E402

from bot.config import DatabaseSettings  # noqa: E402
from bot.conversations.database import make_engine, normalize_url  # noqa: E402
from bot.conversations.database import migrate as migrate_bot  # noqa: E402
from bot.conversations.events import EventBus, InProcessBus  # noqa: E402
from bot.conversations.records import Conversation, Role, State  # noqa: E402
from bot.conversations.store import ConversationStore  # noqa: E402
from bot.handoff_port import HandoffRequest  # noqa: E402
from bot.policy import load_policy  # noqa: E402
from handoff.config import SlackSettings  # noqa: E402
from handoff.database import make_sessionmaker  # noqa: E402
from handoff.database import migrate as migrate_handoff  # noqa: E402
from handoff.desk import SlackDesk  # noqa: E402
from handoff.directory import AgentDirectory  # noqa: E402
from handoff.outbox import Outbox, OutboxPolicy  # noqa: E402
from handoff.service import HandoffService  # noqa: E402
from handoff.slack_app import build_slack_app, make_slack_blueprint  # noqa: E402
from handoff.threads import ThreadStore  # noqa: E402

SECRET = "bench-signing-secret"
CHANNEL = "CBENCH"


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Server:
    """The Flask app (Slack blueprint only) served on 127.0.0.1 in a thread, like a real process."""

    service: HandoffService
    url: str
    _server: Any

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def database(db_url: str) -> Iterator[Engine]:
    """Migrated tables; on Postgres inside a throwaway schema, so a shared server stays clean."""
    schema = None
    if db_url.startswith("postgres"):
        schema = f"slack_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(normalize_url(db_url))
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = create_engine(normalize_url(db_url), connect_args={"options": f"-csearch_path={schema}"},
                               pool_size=20, max_overflow=20)
    else:
        engine = make_engine(DatabaseSettings(url=db_url))
    try:
        migrate_bot(engine)
        migrate_handoff(engine)
        yield engine
    finally:
        engine.dispose()
        if schema is not None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def fake_slack() -> FakeSlack:
    return FakeSlack(users={"UAGENT": slack_user("UAGENT", display_name="Robin")}).start()


def client_for(fake: FakeSlack, *, timeout: float = 2) -> WebClient:
    return WebClient(token="xoxb-bench", base_url=fake.api_url, timeout=timeout, retry_handlers=[])


def outbox_for(engine: Engine, fake: FakeSlack, *, per_channel_per_s: float = 1000, timeout: float = 2) -> Outbox:
    policy = OutboxPolicy(per_channel_per_s=per_channel_per_s, base_backoff_s=0.02, max_backoff_s=0.2, poll_s=0.01,
                          max_attempts=50, lease_s=1)
    return Outbox(make_sessionmaker(engine), client_for(fake, timeout=timeout), policy=policy)


def desk_for(store: ConversationStore, engine: Engine, outbox: Outbox) -> SlackDesk:
    return SlackDesk(store=store, threads=ThreadStore(make_sessionmaker(engine)), outbox=outbox, channel=CHANNEL)


def serve(store: ConversationStore, engine: Engine, fake: FakeSlack, outbox: Outbox) -> Server:
    """A fresh 'server process': its own service objects and Bolt app, same database."""
    threads = ThreadStore(make_sessionmaker(engine))
    client = client_for(fake)
    desk = SlackDesk(store=store, threads=threads, outbox=outbox, channel=CHANNEL)
    service = HandoffService(store=store, desk=desk, threads=threads, directory=AgentDirectory(client, threads),
                             policy=load_policy(None))
    slack = SlackSettings(bot_token=SecretStr("xoxb-bench"), signing_secret=SecretStr(SECRET), support_channel=CHANNEL,
                          api_url=fake.api_url)
    app = Flask("slack-bench")
    app.register_blueprint(make_slack_blueprint(build_slack_app(slack, client=client, handoffs=service)))
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return Server(service, f"http://127.0.0.1:{server.server_port}/slack/events", server)


def store_for(engine: Engine, bus: EventBus | None = None) -> ConversationStore:
    return ConversationStore(make_sessionmaker(engine), bus=bus or InProcessBus())


def open_handoff(store: ConversationStore, desk: SlackDesk, n: int = 1) -> Conversation:
    """A customer who asked for a person, with a card queued."""
    conversation, _ = store.create_conversation(customer_name=f"Customer {n}")
    store.add_message(conversation.id, role=Role.CUSTOMER, text="I need a person, please")
    store.transition(conversation.id, expected={State.BOT}, to=State.PENDING, actor="bot", reason="customer_request")
    desk.request_handoff(HandoffRequest(store.get(conversation.id), "customer_request", "Wants a person.", []))
    return conversation


def post_event(url: str, event: dict[str, Any], *, event_id: str, retry_num: int | None = None) -> int:
    """POST one signed Events API envelope, as Slack does."""
    body = json.dumps({"type": "event_callback", "team_id": "TFAKE", "api_app_id": "A1", "event_id": event_id,
                       "event_time": int(time.time()), "event": event})
    ts = str(int(time.time()))
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)}
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def reply_event(thread_ts: str, text: str, ts: str, *, user: str = "UAGENT") -> dict[str, Any]:
    return {"type": "message", "channel": CHANNEL, "user": user, "text": text, "ts": ts, "thread_ts": thread_ts}
