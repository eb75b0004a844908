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


@dataclass(frozen=True)
class DeskStatus:
    """What the customer may know about the people side right now."""

    reachable: bool  # an agent can be reached now: open hours, Slack up, agents active
    position: int | None = None  # 1 = next in line (while pending)
    expected_wait_s: int | None = None  # from recent first-reply times; None without enough history
    agent_avatar: bool = False  # the owner's picture can be fetched (while an agent owns it)


@dataclass(frozen=True)
class Avatar:
    data: bytes
    content_type: str


class DeskInfo(Protocol):
    """Read-only questions about the desk (the widget's waiting line and the agent's face)."""

    def status(self, conversation: Conversation) -> DeskStatus:
        """Queue position and expected wait while pending; whether an agent can be reached now."""

    def agent_avatar(self, conversation: Conversation) -> Avatar | None:
        """The owning agent's picture, fetched by the server (the widget never talks to Slack)."""
