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
        """English texts from `policy.message(key)` for each same-named key it has; defaults for the rest."""
        lookup = getattr(policy, "message", None)
        if not callable(lookup):
            return cls()
        overrides = {}
        for f in fields(cls):
            try:
                value = lookup(f.name)
            except (KeyError, ValueError):
                continue
            if isinstance(value, str) and value.strip():
                overrides[f.name] = value
        return cls(**overrides)
