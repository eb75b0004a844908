"""Customer-facing texts of the answering step; `policy.messages` can override each of them."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class AnswerTexts:
    """What the bot says around an answer. Plain strings so a policy file can replace them."""

    extractive_lead_in: str = "Here's what our help center says:"
    no_answer: str = "I couldn't find that in our help center."
    summary_empty: str = "The customer has not said anything yet."

    @classmethod
    def from_policy(cls, policy: Any | None) -> AnswerTexts:
        """Take any same-named string from `policy.messages`, keep defaults for the rest."""
        messages = getattr(policy, "messages", None)
        if messages is None:
            return cls()
        overrides = {}
        for f in fields(cls):
            value = getattr(messages, f.name, None)
            if isinstance(value, str) and value.strip():
                overrides[f.name] = value
        return cls(**overrides)


def source_line(number: int, title: str, url: str | None) -> str:
    """How an extractive answer names its source, e.g. `[1] Delivery times`."""
    return f"[{number}] {title}" + (f" ({url})" if url else "")
