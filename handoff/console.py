"""Agents without Slack: the console (`/admin`) drives the same `HandoffService`, so claims, replies,
resolves and returns make the same state changes and events as the Slack buttons and thread."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine

from bot.conversations.store import ConversationStore
from bot.policy import Policy
from handoff.database import make_sessionmaker, migrate
from handoff.service import HandoffService
from handoff.threads import ThreadStore

CONSOLE_PREFIX = "console:"


class ConsoleDesk:
    """Nothing to mirror: the console reads the conversation from the database."""

    def post(self, conversation_id: str, text: str) -> None:
        return None

    def refresh_card(self, conversation_id: str) -> None:
        return None

    def ephemeral(self, conversation_id: str, user_id: str, text: str, *, channel: str | None = None,
                  blocks: list[dict[str, Any]] | None = None) -> None:
        return None

    def fetch_files(self, conversation_id: str, *, channel: str, ts: str, user: str, author: str,
                    files: Sequence[dict[str, Any]]) -> None:
        return None  # console agents have no Slack files


class ConsoleDirectory:
    """Console agents are `console:<display name>`; the name is what the customer sees."""

    def name(self, user_id: str) -> str | None:
        return user_id.removeprefix(CONSOLE_PREFIX) or None if user_id.startswith(CONSOLE_PREFIX) else None


def build_console_handoff(engine: Engine, store: ConversationStore, policy: Policy) -> HandoffService:
    """The agent-side service for the console; the handoff tables exist as with Slack."""
    migrate(engine)
    return HandoffService(store=store, desk=ConsoleDesk(), threads=ThreadStore(make_sessionmaker(engine)),
                          directory=ConsoleDirectory(), policy=policy)
