"""`SlackDesk`: the bot's `HumanDesk` port, turned into outbox rows (never a network call inline)."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from bot.conversations.records import Conversation, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.handoff_port import HandoffRequest
from handoff import cards
from handoff import messages as texts
from handoff.outbox import EPHEMERAL, POST, Outbox
from handoff.threads import ThreadInfo, ThreadStore

log = logging.getLogger(__name__)


class SlackDesk:
    """Posts the card and transcript, mirrors customer messages, refreshes the card on changes."""

    def __init__(
        self, *, store: ConversationStore, threads: ThreadStore, outbox: Outbox, channel: str,
        private_note_prefix: str = ";;",
    ) -> None:
        self._store = store
        self._threads = threads
        self._outbox = outbox
        self._channel = channel
        self._prefix = private_note_prefix

    # -- HumanDesk -------------------------------------------------------------------------
    def request_handoff(self, request: HandoffRequest) -> None:
        """One card per conversation; a second wait reuses the thread and says so."""
        conversation = request.conversation
        history = self._store.messages(conversation.id, limit=500)
        last_id = history[-1].id if history else 0
        with self._threads.sessions.begin() as s:
            before = self._threads.get(conversation.id)
            info, created = self._threads.open(
                s, conversation.id, channel=self._channel, reason=request.reason,
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
        if self._threads.advance_mirror(conversation.id, message.id):
            self.post(conversation.id, cards.line(message))

    def conversation_changed(self, conversation: Conversation) -> None:
        """State changed outside Slack (customer closed, timer): refresh the card, say why."""
        if self._threads.get(conversation.id) is None:
            return
        changes = self._store.state_changes(conversation.id)
        if conversation.state is State.RESOLVED and changes and changes[-1].actor == "customer":
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

    def ephemeral(self, conversation_id: str, user_id: str, text: str, *, channel: str | None = None) -> None:
        """A note only `user_id` sees, in the thread when there is one (not ordered with it)."""
        info = self._threads.get(conversation_id)
        target = channel or (info.channel if info else self._channel)
        self._outbox.enqueue(
            channel=target, thread_key=f"{conversation_id}:eph", method=EPHEMERAL, kind="ephemeral",
            payload={"channel": target, "user": user_id, "text": text, "in_thread": info is not None},
        )

    # -- internals ---------------------------------------------------------------------------
    def _card_payload(self, info: ThreadInfo, conversation: Conversation) -> dict:
        view = cards.CardView(
            conversation_id=conversation.id, state=conversation.state, reason=info.reason, summary=info.summary,
            requested_at=info.requested_at, now=self._threads.now(), version=info.card_version,
            customer_name=conversation.customer_name, customer_email=conversation.customer_email,
            page_url=conversation.page_url, agent_id=conversation.agent_id, sources=info.sources,
            private_note_prefix=self._prefix,
        )
        return {"channel": info.channel, **cards.card(view)}

    def _enqueue(self, s: Session, key: str, kind: str, method: str, payload: dict) -> None:
        self._outbox.enqueue(channel=payload["channel"], thread_key=key, method=method, kind=kind,
                             payload=payload, session=s)
