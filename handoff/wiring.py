"""Builds the Slack handoff from settings for `server.build_services`: desk, service, outboxes, timers, Bolt app."""
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

from bot.attachments.service import AttachmentService
from bot.customers.service import CustomerService
from bot.policy import Policy
from bot.privacy.egress import scrub
from handoff import cards
from handoff.availability import Availability
from handoff.config import HandoffSettings, SlackSettings
from handoff.database import make_sessionmaker, migrate
from handoff.desk import SlackDesk
from handoff.directory import AgentDirectory
from handoff.errors import SlackNotConfigured
from handoff.files import FETCH, UPLOAD, SlackFiles
from handoff.followup import SEND, EmailFollowUp
from handoff.mailer import Mailer, SmtpMailer
from handoff.outbox import EPHEMERAL, POST, UPDATE, Outbox, OutboxPolicy
from handoff.queue import DeskView
from handoff.service import HandoffService
from handoff.slack_app import build_slack_app, make_slack_blueprint, start_socket_mode
from handoff.threads import ThreadStore
from handoff.timers import Timers

log = logging.getLogger(__name__)
SLACK_METHODS = (POST, UPDATE, EPHEMERAL, UPLOAD, FETCH)


def make_web_client(slack: SlackSettings, *, timeout: int = 10) -> WebClient:
    """The Web API client; no retry handlers because the outbox retries (and never sleeps in a request)."""
    if slack.bot_token is None:
        raise SlackNotConfigured("SLACK_BOT_TOKEN is not set")
    base_url = slack.api_url if slack.api_url.endswith("/") else slack.api_url + "/"
    return WebClient(token=slack.bot_token.get_secret_value(), base_url=base_url, timeout=timeout, retry_handlers=[])


@dataclass
class SlackHandoff:
    """The assembled Slack side; `start`/`stop` run the outbox workers, the timers and Socket Mode."""

    slack: SlackSettings
    desk: SlackDesk
    service: HandoffService
    outbox: Outbox
    timers: Timers
    app: App
    client: WebClient
    email_outbox: Outbox | None = None
    availability: Availability | None = None
    followup: EmailFollowUp | None = None
    _socket: Any = field(default=None, repr=False)

    def blueprint(self) -> Blueprint:
        return make_slack_blueprint(self.app)

    def start(self) -> None:
        self.outbox.start()
        if self.email_outbox is not None:
            self.email_outbox.start()
        self.timers.start()
        if self.slack.app_token is not None and self._socket is None:
            self._socket = start_socket_mode(self.app, self.slack.app_token.get_secret_value())

    def stop(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self.timers.stop()
        self.outbox.stop()
        if self.email_outbox is not None:
            self.email_outbox.stop()


def build_slack_handoff(
    slack: SlackSettings, settings: HandoffSettings, *, engine: Engine, bot: Any, policy: Policy,
    client: WebClient | None = None, clock: Callable[[], datetime] | None = None,
    outbox_policy: OutboxPolicy | None = None, customers: CustomerService | None = None,
    attachments: AttachmentService | None = None, mailer: Mailer | None = None,
) -> SlackHandoff:
    """Migrate the handoff tables, build every part, and plug the desk into the bot (`bot.set_desk`).

    With `customers`, the card shows who the customer is, the widget learns its place in line and,
    when `settings.email` is complete, agents' replies follow the customer by email. With
    `attachments`, files travel both ways between the widget and the thread.
    """
    if not slack.support_channel:
        raise SlackNotConfigured("SLACK_SUPPORT_CHANNEL is not set")
    migrate(engine)
    sessions = make_sessionmaker(engine)
    client = client or make_web_client(slack)
    threads = ThreadStore(sessions, clock=clock)
    outbox = Outbox(
        sessions, client, clock=clock, scrub=lambda payload: _scrub_for_slack(payload, policy),
        methods=SLACK_METHODS,
        policy=outbox_policy or OutboxPolicy(per_channel_per_s=settings.outbox_per_channel_per_s,
                                             max_attempts=settings.outbox_max_attempts),
    )
    desk = SlackDesk(store=bot.store, threads=threads, outbox=outbox, channel=slack.support_channel,
                     private_note_prefix=settings.private_note_prefix, policy=policy, customers=customers)
    directory = AgentDirectory(client, threads)
    email_outbox, followup = _email(settings, sessions, client, bot, threads, customers, policy, clock, mailer,
                                    notify=desk.post)
    service = HandoffService(store=bot.store, desk=desk, threads=threads, directory=directory, policy=policy,
                             private_note_prefix=settings.private_note_prefix,
                             on_reply=followup.agent_replied if followup is not None else None)
    if attachments is not None:
        files = SlackFiles(client=client, attachments=attachments, threads=threads, policy=policy,
                           notify_agent=lambda cid, user, text: desk.ephemeral(cid, user, text),
                           on_agent_file=service.replied)
        outbox.add_sender(UPLOAD, files.upload)
        outbox.add_sender(FETCH, files.fetch, on_failed=files.fetch_failed)
    availability = Availability(client, channels=desk.channels, outbox_healthy=outbox.healthy)
    bot.set_desk(desk, available=availability.reachable)
    if customers is not None:
        customers.set_desk_info(DeskView(store=bot.store, threads=threads, directory=directory,
                                         reachable=availability.reachable, is_open=policy.business_hours.is_open,
                                         clock=clock))
    timers = Timers(store=bot.store, threads=threads, desk=desk, settings=settings, refresh=availability.refresh,
                    is_open=policy.business_hours.is_open, offer_email=bot.offer_email, policy=policy, clock=clock)
    app = build_slack_app(slack, client=client, handoffs=service)
    return SlackHandoff(slack, desk, service, outbox, timers, app, client, email_outbox, availability, followup)


def _email(
    settings: HandoffSettings, sessions: Any, client: WebClient, bot: Any, threads: ThreadStore,
    customers: CustomerService | None, policy: Policy, clock: Callable[[], datetime] | None, mailer: Mailer | None,
    *, notify: Callable[[str, str], None] | None = None,
) -> tuple[Outbox | None, EmailFollowUp | None]:
    """Its own outbox worker (same table, only `email.send` rows), so a slow SMTP server never delays Slack."""
    email = settings.email
    if not email.enabled or customers is None:
        if email.enabled:
            log.warning("email follow-ups need the customer service; none was given, so none are sent")
        return None, None
    outbox = Outbox(sessions, client, clock=clock, methods=(SEND,),
                    policy=OutboxPolicy(per_channel_per_s=5.0, max_attempts=email.max_attempts, base_backoff_s=5.0))
    followup = EmailFollowUp(settings=email, store=bot.store, threads=threads, customers=customers, outbox=outbox,
                             mailer=mailer or SmtpMailer(email), policy=policy, clock=clock, notify=notify)
    outbox.add_sender(SEND, followup.send, on_failed=followup.failed)
    return outbox, followup


def _scrub_for_slack(payload: dict[str, Any], policy: Policy) -> dict[str, Any]:
    """Every string redacted for the `slack` target; in the card's customer blocks the email they left
    stays (agents follow up on it), while phones, cards and ids in a name or attribute are still redacted."""
    blocks = payload.get("blocks")
    clean: dict[str, Any] = scrub({k: v for k, v in payload.items() if k != "blocks"}, policy.pii, "slack")
    if isinstance(blocks, list):
        kept = {kind: targets for kind, targets in policy.pii.redact.items() if kind != "email"}
        identity = policy.pii.model_copy(update={"redact": kept})
        clean["blocks"] = [scrub(b, identity if cards.is_customer_block(b) else policy.pii, "slack") for b in blocks]
    return clean
