"""Builds the Slack handoff from settings for `server.build_services`: desk, service, outbox, timers, Bolt app."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import Blueprint
from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.policy import Policy
from bot.privacy.egress import scrub
from handoff.config import HandoffSettings, SlackSettings
from handoff.database import make_sessionmaker, migrate
from handoff.desk import SlackDesk
from handoff.directory import AgentDirectory
from handoff.errors import SlackNotConfigured
from handoff.outbox import Outbox, OutboxPolicy
from handoff.service import HandoffService
from handoff.slack_app import build_slack_app, make_slack_blueprint, start_socket_mode
from handoff.threads import ThreadStore
from handoff.timers import Timers

log = logging.getLogger(__name__)


def make_web_client(slack: SlackSettings, *, timeout: int = 10) -> WebClient:
    """The Web API client; no retry handlers because the outbox retries (and never sleeps in a request)."""
    if slack.bot_token is None:
        raise SlackNotConfigured("SLACK_BOT_TOKEN is not set")
    base_url = slack.api_url if slack.api_url.endswith("/") else slack.api_url + "/"
    return WebClient(token=slack.bot_token.get_secret_value(), base_url=base_url, timeout=timeout, retry_handlers=[])


@dataclass
class SlackHandoff:
    """The assembled Slack side; `start`/`stop` run the outbox worker, the timers and Socket Mode."""

    slack: SlackSettings
    desk: SlackDesk
    service: HandoffService
    outbox: Outbox
    timers: Timers
    app: App
    client: WebClient
    _socket: Any = field(default=None, repr=False)

    def blueprint(self) -> Blueprint:
        return make_slack_blueprint(self.app)

    def start(self) -> None:
        self.outbox.start()
        self.timers.start()
        if self.slack.app_token is not None and self._socket is None:
            self._socket = start_socket_mode(self.app, self.slack.app_token.get_secret_value())

    def stop(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self.timers.stop()
        self.outbox.stop()


def build_slack_handoff(
    slack: SlackSettings, settings: HandoffSettings, *, engine: Engine, bot: Any, policy: Policy,
    client: WebClient | None = None, clock: Callable[[], datetime] | None = None,
    outbox_policy: OutboxPolicy | None = None,
) -> SlackHandoff:
    """Migrate the handoff tables, build every part, and plug the desk into the bot (`bot.set_desk`)."""
    if not slack.support_channel:
        raise SlackNotConfigured("SLACK_SUPPORT_CHANNEL is not set")
    migrate(engine)
    sessions = make_sessionmaker(engine)
    client = client or make_web_client(slack)
    threads = ThreadStore(sessions, clock=clock)
    outbox = Outbox(
        sessions, client, clock=clock, scrub=lambda payload: scrub(payload, policy.pii, "slack"),
        policy=outbox_policy or OutboxPolicy(per_channel_per_s=settings.outbox_per_channel_per_s,
                                             max_attempts=settings.outbox_max_attempts),
    )
    desk = SlackDesk(store=bot.store, threads=threads, outbox=outbox, channel=slack.support_channel,
                     private_note_prefix=settings.private_note_prefix)
    bot.set_desk(desk)
    service = HandoffService(store=bot.store, desk=desk, threads=threads, directory=AgentDirectory(client, threads),
                             policy=policy, private_note_prefix=settings.private_note_prefix)
    timers = Timers(store=bot.store, threads=threads, desk=desk, settings=settings,
                    is_open=policy.business_hours.is_open, offer_email=bot.offer_email, policy=policy, clock=clock)
    app = build_slack_app(slack, client=client, handoffs=service)
    return SlackHandoff(slack, desk, service, outbox, timers, app, client)
