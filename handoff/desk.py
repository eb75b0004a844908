"""`SlackDesk`: the bot's `HumanDesk` port, turned into outbox rows (never a network call inline)."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from bot.conversations.records import Conversation, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.customers.service import CustomerService
from bot.handoff_port import HandoffRequest
from bot.policy import Policy
from handoff import cards
from handoff import messages as texts
from handoff.files import FETCH, UPLOAD
from handoff.outbox import EPHEMERAL, POST, Outbox
from handoff.threads import ThreadInfo, ThreadStore

log = logging.getLogger(__name__)


class SlackDesk:
    """Posts the card and transcript, mirrors customer messages, refreshes the card on changes."""

    def __init__(
        self, *, store: ConversationStore, threads: ThreadStore, outbox: Outbox, channel: str,
        private_note_prefix: str = ";;", policy: Policy | None = None, customers: CustomerService | None = None,
    ) -> None:
        self._store = store
        self._threads = threads
        self._outbox = outbox
        self._channel = channel
        self._prefix = private_note_prefix
        self._policy = policy
        self._customers = customers

    def channels(self) -> list[str]:
        """Every channel handoffs can go to (the default first), for the availability check."""
        routed = [r.channel for r in self._policy.handoff.routes] if self._policy is not None else []
        return list(dict.fromkeys([self._channel, *routed]))

    # -- HumanDesk -------------------------------------------------------------------------
    def request_handoff(self, request: HandoffRequest) -> None:
        """One card per conversation; a second wait reuses the thread and says so."""
        conversation = request.conversation
        history = self._store.messages(conversation.id, limit=500)
        last_id = history[-1].id if history else 0
        with self._threads.sessions.begin() as s:
            before = self._threads.get(conversation.id)
            info, created = self._threads.open(
                s, conversation.id, channel=self._route(conversation, request.reason), reason=request.reason,
                summary=cards.with_why(request.summary, request.why),
                sources=request.sources_tried, mirrored_through=last_id,
            )
            if created:
                self._enqueue(s, conversation.id, "card", POST, self._card_payload(info, conversation))
            else:
                self._enqueue(s, conversation.id, "update", "chat.update", self._card_payload(info, conversation))
                note = texts.WAITING_AGAIN.format(reason=texts.REASONS.get(request.reason, request.reason))
                reply = {"channel": info.channel, "text": note, "reply_broadcast": True}
                self._enqueue(s, conversation.id, "reply", POST, reply)
            since = 0 if created else (before.mirrored_through if before else 0)
            for chunk in cards.transcript([m for m in history if m.id > since]):
                self._enqueue(s, conversation.id, "reply", POST, {"channel": info.channel, "text": chunk})
        self._outbox.wake()

    def customer_message(self, conversation: Conversation, message: Message) -> None:
        """Mirror a customer's message into the thread (once, even if the transcript had it)."""
        if message.role is not Role.CUSTOMER:
            return  # loop guard: agent messages came from Slack, bot lines stay out of the thread
        if self._threads.get(conversation.id) is None:
            log.warning("customer message %s for conversation %s has no Slack thread", message.id, conversation.id)
            return
        if not self._threads.advance_mirror(conversation.id, message.id):
            return
        attachment = message.meta.get("attachment")
        if isinstance(attachment, dict) and attachment.get("id"):
            self._upload(conversation.id, attachment)
        else:
            self.post(conversation.id, cards.line(message))

    def conversation_changed(self, conversation: Conversation) -> None:
        """State changed outside Slack (customer closed, timer): refresh the card, say why."""
        if self._threads.get(conversation.id) is None:
            return
        changes = self._store.state_changes(conversation.id)
        # NOTE: a rating also lands here, after the close was announced: say it once.
        if (
            conversation.state is State.RESOLVED
            and changes
            and changes[-1].actor == "customer"
            and conversation.rating is None
        ):
            self.post(conversation.id, texts.CUSTOMER_CLOSED)
        self.refresh_card(conversation.id)

    # -- used by HandoffService and Timers ---------------------------------------------------
    def refresh_card(self, conversation_id: str) -> None:
        """Queue a chat.update rebuilt from our DB state (a waiting update is replaced)."""
        conversation = self._store.get(conversation_id)
        info = self._threads.next_card_version(conversation_id)
        if conversation is None or info is None:
            return
        payload = self._card_payload(info, conversation)
        self._outbox.enqueue_card_update(channel=info.channel, thread_key=conversation_id, payload=payload)

    def post(self, conversation_id: str, text: str) -> None:
        """A line in the conversation's thread."""
        info = self._threads.get(conversation_id)
        if info is None:
            return
        self._outbox.enqueue(channel=info.channel, thread_key=conversation_id, method=POST, kind="reply",
                             payload={"channel": info.channel, "text": text})

    def ephemeral(self, conversation_id: str, user_id: str, text: str, *, channel: str | None = None,
                  blocks: list[dict[str, Any]] | None = None) -> None:
        """A note only `user_id` sees, in the thread when there is one (not ordered with it)."""
        info = self._threads.get(conversation_id)
        target = channel or (info.channel if info else self._channel)
        payload: dict[str, Any] = {"channel": target, "user": user_id, "text": text, "in_thread": info is not None}
        if blocks:
            payload["blocks"] = blocks
        self._outbox.enqueue(channel=target, thread_key=f"{conversation_id}:eph", method=EPHEMERAL, kind="ephemeral",
                             payload=payload)

    def fetch_files(self, conversation_id: str, *, channel: str, ts: str, user: str, author: str,
                    files: Sequence[dict[str, Any]]) -> None:
        """An agent's files, downloaded from Slack by the outbox, then shown to the customer."""
        for file in files:
            self._outbox.enqueue(channel=f"dl:{channel}"[:32], thread_key=f"{conversation_id}:in", method=FETCH,
                                 kind="fetch", payload={"conversation_id": conversation_id, "channel": channel,
                                                        "ts": ts, "user": user, "author": author, "file": dict(file)})

    # -- internals ---------------------------------------------------------------------------
    def _route(self, conversation: Conversation, reason: str) -> str:
        if self._policy is None:
            return self._channel
        profile = self._customers.profile(conversation.id) if self._customers is not None else None
        attributes = (profile.verified.get("attributes") or {}) if profile is not None else {}
        return self._policy.handoff.channel_for(reason, page_url=conversation.page_url, attributes=attributes,
                                                default=self._channel)

    def _upload(self, conversation_id: str, attachment: dict[str, Any]) -> None:
        """A customer's file into the thread (Slack's external upload flow, from the outbox)."""
        info = self._threads.get(conversation_id)
        if info is None:
            return
        name = str(attachment.get("name") or "file")
        self._outbox.enqueue(channel=info.channel, thread_key=conversation_id, method=UPLOAD, kind="file", payload={
            "channel": info.channel, "conversation_id": conversation_id, "attachment_id": attachment["id"],
            "comment": texts.CUSTOMER_FILE.format(name=cards.escape(name))})

    def _who(self, conversation: Conversation) -> dict[str, Any]:
        """The card's identity part: verified values, earlier conversations with links to their threads."""
        if self._customers is None:
            return {}
        profile = self._customers.profile(conversation.id)
        earlier = []
        for past in self._customers.earlier(conversation.id):
            thread = self._threads.get(past.id)
            link = (f"https://slack.com/archives/{thread.channel}/p{thread.thread_ts.replace('.', '')}"
                    if thread is not None and thread.thread_ts else None)
            earlier.append((f"{past.created_at:%d %b %Y} ({past.state.value})", link))
        return {"verified": dict(profile.verified) if profile else {}, "earlier": tuple(earlier)}

    def _card_payload(self, info: ThreadInfo, conversation: Conversation) -> dict:
        view = cards.CardView(
            conversation_id=conversation.id, state=conversation.state, reason=info.reason, summary=info.summary,
            requested_at=info.requested_at, now=self._threads.now(), version=info.card_version,
            customer_name=conversation.customer_name, customer_email=conversation.customer_email,
            page_url=conversation.page_url, agent_id=conversation.agent_id, sources=info.sources,
            private_note_prefix=self._prefix, rating=conversation.rating, rating_comment=conversation.rating_comment,
            **self._who(conversation),
        )
        return {"channel": info.channel, **cards.card(view)}

    def _enqueue(self, s: Session, key: str, kind: str, method: str, payload: dict) -> None:
        self._outbox.enqueue(channel=payload["channel"], thread_key=key, method=method, kind=kind,
                             payload=payload, session=s)
