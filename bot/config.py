"""Settings of the bot section (`SUPPORTBOT_BOT__*`), the database, and the LLM."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr


class DatabaseSettings(BaseModel):
    """`DATABASE_URL` wins; otherwise a SQLite file (WAL) under the data directory."""

    url: str | None = None
    echo: bool = False


class LLMSettings(BaseModel):
    """Any OpenAI-compatible chat server. No key means extractive answers, no LLM at all."""

    api_key: SecretStr | None = None
    base_url: str | None = None
    model: str = "gpt-4o-mini"
    temperature: float = 0.1
    timeout_s: float = Field(default=30.0, gt=0)
    max_retries: int = Field(default=1, ge=0)

    @property
    def enabled(self) -> bool:
        return self.api_key is not None and bool(self.api_key.get_secret_value())


class BotSettings(BaseModel):
    """The conversation side. Policy (topics, thresholds, hours, texts) lives in its own YAML file."""

    policy_file: Path | None = None  # None: the bundled bot/policy.yml
    max_message_chars: int = Field(default=4000, ge=1)
    history_turns: int = Field(default=6, ge=0)  # earlier turns given to the LLM for follow-ups
    turn_workers: int = Field(default=8, ge=1)  # threads that answer turns in the background
