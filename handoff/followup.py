"""Email follow-up: an agent replied and the customer did not see it; the reply goes to their email.

A reply queues one outbox row per conversation (later replies join it) due after a grace period.
When it is due, replies the open widget has shown (`seen_through`) or an earlier email carried
(`emailed_through`) are left out; nothing left means nothing sent. The mark moves right after
the SMTP server took the message, so a retry after a crash finds nothing to send again, and every
message carries a Message-ID made from its outbox row, which mail systems dedupe on.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, parseaddr
from typing import Any

from bot.conversations.records import Conversation, Kind, Message, Role
from bot.conversations.store import ConversationStore
from bot.customers.links import with_fragment
from bot.customers.service import CustomerService
from bot.policy import Policy
from handoff import messages as texts
from handoff.config import EmailSettings
from handoff.errors import DeliveryError
from handoff.mailer import Mailer
from handoff.outbox import Outbox, OutboxItem
from handoff.threads import ThreadStore

log = logging.getLogger(__name__)
SEND = "email.send"  # the outbox method; the pacing "channel" of every email row is EMAIL_LANE
EMAIL_LANE = "email"


class EmailFollowUp:
    """Queues follow-ups when agents reply (`agent_replied`) and sends them from the outbox (`send`)."""

    def __init__(
        self, *, settings: EmailSettings, store: ConversationStore, threads: ThreadStore, customers: CustomerService,
        outbox: Outbox, mailer: Mailer, policy: Policy, clock: Callable[[], datetime] | None = None,
        notify: Callable[[str, str], None] | None = None,
    ) -> None:
        self._notify = notify  # (conversation_id, text): a line in the conversation's Slack thread
        self._settings = settings
        self._store = store
        self._threads = threads
        self._customers = customers
        self._outbox = outbox
        self._mailer = mailer
        self._policy = policy
        self._clock = clock or (lambda: datetime.now(UTC))

    def agent_replied(self, conversation_id: str, message_id: int) -> None:
        """Queue (or extend) the follow-up for this conversation, due after the grace period."""
        conversation = self._store.get(conversation_id)
        if conversation is None or not conversation.customer_email:
            return
        due = self._clock() + timedelta(seconds=self._settings.grace_s)
        self._outbox.enqueue_latest(channel=EMAIL_LANE, thread_key=f"{conversation_id}:email", method=SEND,
                                    kind="email", payload={"conversation_id": conversation_id, "through": message_id},
                                    not_before=due)
        self._outbox.wake()

    def send(self, row: OutboxItem, payload: dict[str, Any]) -> str | None:
        """The outbox's sender for `email.send`: returns what happened, for operators."""
        conversation = self._store.get(str(payload["conversation_id"]))
        if conversation is None or not conversation.customer_email:
            return "skipped:no-email"
        replies = self._unseen_replies(conversation, int(payload["through"]))
        if not replies:
            return "skipped:seen"
        self._mailer.send(self._email(row, conversation, replies))
        self._threads.advance_emailed(conversation.id, replies[-1].id)
        log.info("follow-up email for conversation %s sent (%d replies)", conversation.id, len(replies))
        return "sent"

    def failed(self, row: OutboxItem, error: DeliveryError) -> None:
        """The outbox gave up on a follow-up: the agent is told in the thread, not only the operator's log."""
        conversation_id = str(row.payload.get("conversation_id") or row.thread_key.split(":")[0])
        log.warning("follow-up email for conversation %s given up: %s", conversation_id, error)
        if self._notify is not None:
            self._notify(conversation_id, texts.EMAIL_NOT_SENT.format(reason=error))

    def _unseen_replies(self, conversation: Conversation, through: int) -> list[Message]:
        info = self._threads.get(conversation.id)
        after = max(info.emailed_through if info else 0, self._customers.seen_through(conversation.id))
        return [m for m in self._store.messages(conversation.id, after=after)
                if m.id <= through and m.role is Role.AGENT and m.kind is Kind.TEXT and not m.meta.get("deleted")]

    def _email(self, row: OutboxItem, conversation: Conversation, replies: list[Message]) -> EmailMessage:
        lang = conversation.locale
        agent = replies[-1].author or conversation.agent_name or "Support"
        link_base = conversation.page_url or self._settings.link_url
        lines = [self._policy.message("email_intro", lang, agent=agent), ""]
        for reply in replies:
            attachment = reply.meta.get("attachment")
            lines.append(f"📎 {attachment['name']}" if attachment else reply.text)
            lines.append("")
        if link_base and link_base.startswith(("https://", "http://")):
            link = with_fragment(link_base, self._customers.resume_token(conversation.id))
            lines.append(self._policy.message("email_continue", lang, link=link))
        message = EmailMessage()
        message["Subject"] = self._policy.message("email_subject", lang, agent=agent)
        message["From"] = self._settings.from_address or ""
        message["To"] = formataddr((conversation.customer_name or "", conversation.customer_email or ""))
        if self._settings.reply_to:
            message["Reply-To"] = self._settings.reply_to
        domain = parseaddr(self._settings.from_address or "")[1].rpartition("@")[2] or "supportbot.invalid"
        message["Message-ID"] = f"<followup-{row.id}.{conversation.id}@{domain}>"  # the same on every retry
        message["Auto-Submitted"] = "auto-generated"
        message.set_content("\n".join(lines).strip() + "\n")
        return message
