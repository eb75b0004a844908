"""Customer-facing texts of the answering step, in the customer's language, from the policy file."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from bot.policy import Policy


class Texts:
    """`policy.message(key, lang)`; the bundled policy's texts when the given policy has none."""

    def __init__(self, policy: Any | None = None) -> None:
        lookup = getattr(policy, "message", None)
        self._policy = policy if callable(lookup) else None
        self._bundled: Policy | None = None

    def __call__(self, key: str, lang: str | None = None, **kw: str) -> str:
        if self._policy is not None:
            try:
                return str(self._policy.message(key, lang, **kw))
            except (KeyError, ValueError, TypeError):
                pass  # a texts-only policy without this key: the bundled text
        if self._bundled is None:
            self._bundled = Policy()
        return self._bundled.message(key, lang, **kw)

    def language_name(self, code: str, lang: str | None) -> str:
        """"English" in English, "inglés" in Spanish: the name of language `code` in `lang`."""
        try:
            return self(f"language_{code}", lang)
        except KeyError:
            return code


@dataclass(frozen=True)
class AnswerTexts:
    """English texts the answerer falls back on (agent-facing ones stay English)."""

    no_answer: str = "I couldn't find that in our help center."
    summary_empty: str = "The customer has not said anything yet."

    @classmethod
    def from_policy(cls, policy: Any | None) -> AnswerTexts:
        """Texts from `policy.message(key)` for each same-named key it has; defaults for the rest."""
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
