"""The port through which the bot asks for a person; `server.py` wires it to Slack (or to nothing)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.conversations.records import Conversation, Message


@dataclass(frozen=True)
class HandoffRequest:
    conversation: Conversation
    reason: str  # customer_request | sensitive:<topic> | complaint | no_answer | bot_error
    summary: str  # a short account of what the customer needs
    sources_tried: list[str] = field(default_factory=list)  # titles or urls the bot retrieved
    why: str = ""  # which triage rule or model decided, and on which words


class HumanDesk(Protocol):
    """Somewhere people pick up conversations the bot should not or could not finish."""

    def request_handoff(self, request: HandoffRequest) -> None:
        """Called once the conversation moved to `pending`. Must not block on the network."""

    def customer_message(self, conversation: Conversation, message: Message) -> None:
        """A customer wrote while a person owns (or is about to own) the conversation."""

    def conversation_changed(self, conversation: Conversation) -> None:
        """State changed elsewhere (customer closed it, timer resolved it): refresh what agents see."""


class NoDesk:
    """No desk configured: conversations wait in `pending` and `supportbot handoffs` lists them."""

    def request_handoff(self, request: HandoffRequest) -> None:
        return None

    def customer_message(self, conversation: Conversation, message: Message) -> None:
        return None

    def conversation_changed(self, conversation: Conversation) -> None:
        return None
