"""The seam other parts implement to take part in export and erasure (handoff: its Slack records)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class PrivacyParticipant(Protocol):
    """Something else that holds data about conversations (the Slack side), wired in by `server.py`."""

    name: str

    def export(self, conversation_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Everything held about these conversations, as JSON-ready rows."""
        ...

    def erase(self, conversation_ids: Sequence[str]) -> int:
        """Remove it (and retract what was sent out where that is possible); returns rows removed."""
        ...
