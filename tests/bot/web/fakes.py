"""A small in-memory `BotService` with the API of CONTRACTS.md, for testing the web edge alone."""
from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.conversations.events import InProcessBus, LiveEvent, Subscription
from bot.conversations.records import Citation, Conversation, Kind, Message, Role, State
from bot.errors import ConversationNotFound, InvalidInput
from bot.web.serialization import message_to_dict


def _now() -> datetime:
    return datetime.now(UTC)


class FakeStore:
    """Conversations and messages in dicts; publishes a `message` event per stored message."""

    def __init__(self, bus: InProcessBus) -> None:
        self._bus = bus
        self._lock = threading.Lock()
        self.conversations: dict[str, Conversation] = {}
        self.tokens: dict[str, str] = {}
        self.rows: list[Message] = []
        self.ratings: dict[str, tuple[int, str | None]] = {}
        self.feedback: list[tuple[int, bool, str | None]] = []

    def get_message(self, message_id: int) -> Message | None:
        return next((m for m in self.rows if m.id == message_id), None)

    def add_message(self, conversation_id: str, *, role: Role, text: str, kind: Kind = Kind.TEXT,
                    citations: list[Citation] | None = None, meta: dict[str, Any] | None = None) -> Message:
        with self._lock:
            message = Message(id=len(self.rows) + 1, conversation_id=conversation_id, role=role, kind=kind, text=text,
                              created_at=_now(), citations=list(citations or []), meta=dict(meta or {}))
            self.rows.append(message)
        self._bus.publish(LiveEvent(conversation_id, "message", message_to_dict(message), id=message.id))
        return message

    def publish_silently(self, conversation_id: str, *, text: str) -> Message:
        """Store a message without an event, as if the event had been lost."""
        with self._lock:
            message = Message(id=len(self.rows) + 1, conversation_id=conversation_id, role=Role.AGENT,
                              kind=Kind.TEXT, text=text, created_at=_now())
            self.rows.append(message)
        return message


class FakeBotService:
    """Answers every question with a streamed canned reply (two tokens, then the stored answer)."""

    def __init__(self, *, max_message_chars: int = 4000) -> None:
        self.bus = InProcessBus()
        self._store = FakeStore(self.bus)
        self._max = max_message_chars
        self.handoffs: list[str] = []
        self.typing_events: list[tuple[str, str]] = []

    @property
    def store(self) -> FakeStore:
        return self._store

    def start_conversation(self, *, name: str | None = None, email: str | None = None,
                           page_url: str | None = None, locale: str | None = None) -> tuple[Conversation, str]:
        now = _now()
        conversation = Conversation(id=secrets.token_hex(8), state=State.BOT, created_at=now, updated_at=now,
                                    customer_name=name, customer_email=email, page_url=page_url, locale=locale)
        token = secrets.token_urlsafe(16)
        self._store.conversations[conversation.id] = conversation
        self._store.tokens[conversation.id] = token
        return conversation, token

    def authenticate(self, conversation_id: str, token: str) -> Conversation | None:
        expected = self._store.tokens.get(conversation_id, "")
        if expected and hmac.compare_digest(expected, token):
            return self._store.conversations[conversation_id]
        return None

    def get(self, conversation_id: str) -> Conversation:
        try:
            return self._store.conversations[conversation_id]
        except KeyError:
            raise ConversationNotFound(conversation_id) from None

    def messages(self, conversation_id: str, *, after: int = 0, limit: int = 500) -> list[Message]:
        self.get(conversation_id)
        return [m for m in self._store.rows if m.conversation_id == conversation_id and m.id > after][:limit]

    def earlier_messages(self, conversation_id: str, *, before: int | None, limit: int) -> list[Message]:
        self.get(conversation_id)
        rows = [m for m in self._store.rows if m.conversation_id == conversation_id]
        older = [m for m in rows if before is None or m.id < before]
        return older[-limit:]

    def subscribe(self, conversation_id: str) -> Subscription:
        return self.bus.subscribe(conversation_id)

    def typing(self, conversation_id: str, who: str) -> None:
        self.typing_events.append((conversation_id, who))
        self.bus.publish(LiveEvent(conversation_id, "typing", {"who": who}))

    def post_customer_message(
        self, conversation_id: str, text: str, *, conversation: Conversation | None = None,
    ) -> Message:
        if not text.strip() or len(text) > self._max:
            raise InvalidInput("bad text")
        self.get(conversation_id)
        message = self._store.add_message(conversation_id, role=Role.CUSTOMER, text=text)
        self._answer(conversation_id)
        return message

    def _answer(self, conversation_id: str) -> None:
        for token in ("Parcels arrive ", "in 3-5 days. [1]"):
            self.bus.publish(LiveEvent(conversation_id, "token", {"stream_id": "s1", "text": token}))
        self._store.add_message(
            conversation_id,
            role=Role.BOT,
            text="Parcels arrive in 3-5 days. [1]",
            meta={"stream_id": "s1"},
            citations=[
                Citation(
                    1, "shipping/delivery-times.md", "Delivery times", "https://help.example/d", "delivery-times.md"
                )
            ],
        )

    def _move(self, conversation_id: str, state: State, notice: str) -> Conversation:
        conversation = replace(self.get(conversation_id), state=state, updated_at=_now())
        self._store.conversations[conversation_id] = conversation
        self._store.add_message(
            conversation_id, role=Role.SYSTEM, kind=Kind.STATE, text=notice, meta={"to": state.value}
        )
        return conversation

    def request_person(self, conversation_id: str, *, reason: str = "customer_request") -> Conversation:
        self.handoffs.append(reason)
        return self._move(conversation_id, State.PENDING, "Connecting you with a person.")

    def close(self, conversation_id: str) -> Conversation:
        return self._move(conversation_id, State.RESOLVED, "Conversation closed.")

    def provide_email(self, conversation_id: str, email: str) -> Conversation:
        conversation = replace(self.get(conversation_id), customer_email=email)
        self._store.conversations[conversation_id] = conversation
        return conversation

    def rate(self, conversation_id: str, rating: int, comment: str | None = None) -> Conversation:
        self._store.ratings[conversation_id] = (rating, comment)
        conversation = replace(self.get(conversation_id), rating=rating)
        self._store.conversations[conversation_id] = conversation
        return conversation

    def feedback(self, conversation_id: str, message_id: int, *, helpful: bool, comment: str | None = None) -> None:
        message = self._store.get_message(message_id)
        if message is None or message.conversation_id != conversation_id:
            raise ConversationNotFound(f"message {message_id}")
        if message.role != Role.BOT:
            raise InvalidInput("feedback is for bot answers")
        self._store.feedback.append((message_id, helpful, comment))
