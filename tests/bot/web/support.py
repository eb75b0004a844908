"""Helpers for the web tests: an app wired like `create_app` around a fake service, an SSE reader."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import Flask

from bot.web.api import make_blueprint
from bot.web.app import register_web
from bot.web.conversation_limits import ConversationLimits
from bot.web.customer_api import make_customer_blueprint
from bot.web.edge import make_limiter
from bot.web.metrics import Metrics
from bot.web.stream_caps import StreamCaps
from web.fakes import FakeBotService

MAX_CHARS = 200


class Readiness:
    """Ready checks a test can break."""

    def __init__(self) -> None:
        self.database_ok = True

    def database(self) -> None:
        if not self.database_ok:
            raise ConnectionError("database is down")


def build_app(
    bot: FakeBotService, *, per_ip: str = "1000 per minute", per_conversation: str = "1000 per minute",
    cors_origins: tuple[str, ...] = ("https://shop.example",), readiness: Readiness | None = None,
    heartbeat_s: float = 15.0, max_stream_s: float | None = 5.0, stream_caps: StreamCaps | None = None,
    customers: Any = None, attachments: Any = None,
) -> Flask:
    """The same wiring `server.create_app` does, minus the real services."""
    app = Flask("webtest", static_folder=None)
    metrics = Metrics()
    limiter = make_limiter(None, [per_ip])
    limiter.init_app(app)
    limits = ConversationLimits(limiter, per_ip=[per_ip], per_conversation=per_conversation)
    app.register_blueprint(make_blueprint(
        bot, max_message_chars=MAX_CHARS, limits=limits,
        metrics=metrics, heartbeat_s=heartbeat_s, max_stream_s=max_stream_s, stream_caps=stream_caps,
    ))
    # NOTE: the customer extras are served too (tests of them pass real services; here only the routes matter).
    app.register_blueprint(make_customer_blueprint(bot, customers, attachments, limits=limits))  # type: ignore[arg-type]
    readiness = readiness or Readiness()
    register_web(app, metrics=metrics, registry=metrics.registry, cors_origins=list(cors_origins),
                 ready_checks={"database": readiness.database, "index": lambda: True})
    app.extensions["test_metrics"] = metrics
    return app


def read_events(
    response: Any, *, until: Callable[[list[dict[str, Any]]], bool], limit: int = 200
) -> list[dict[str, Any]]:
    """Parse SSE chunks from a streamed test response until `until(events)`; then close it."""
    events: list[dict[str, Any]] = []
    buffer = ""
    try:
        for chunk in response.response:
            buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                events.append(_parse_block(block))
            if until(events) or len(events) >= limit:
                break
    finally:
        response.close()
    return events


def _parse_block(block: str) -> dict[str, Any]:
    event: dict[str, Any] = {}
    for line in block.split("\n"):
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "":
            event["comment"] = value
        elif field == "data":
            event["data"] = json.loads(value)
        else:
            event[field] = value
    return event
