"""Settings of the bot (`SUPPORTBOT_BOT__*`), its stores (`SUPPORTBOT_DB__*`) and its LLM (`SUPPORTBOT_LLM__*`).

A field's `validation_alias` is the well-known variable that also sets it (`DATABASE_URL`,
`OPENAI_API_KEY`, ...); `server.Settings` reads those names from the environment.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

# Sections refuse unknown keys, so a misspelt SUPPORTBOT_<SECTION>__<KNOB> fails at start-up.
_SECTION = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)


class DatabaseSettings(BaseModel):
    """Where conversations live, and the Redis that wakes other processes' event streams."""

    model_config = _SECTION

    url: str | None = Field(default=None, validation_alias="DATABASE_URL")  # None: SQLite under the data folder
    echo: bool = False
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL")  # None: in-process events and limits


class LLMSettings(BaseModel):
    """Any OpenAI-compatible chat server. No key means extractive answers, no LLM at all."""

    model_config = _SECTION

    api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    model: str = Field(default="gpt-4o-mini", validation_alias="OPENAI_MODEL")
    temperature: float = Field(default=0.1, ge=0.0, le=2.0)
    timeout_s: float = Field(default=30.0, gt=0)
    max_retries: int = Field(default=1, ge=0)
    # NOTE: a cap on every reply, so a model that rambles (or loops) cannot run up cost and time;
    # a reply cut at the cap is a failed answer (the extractive one replaces it).
    max_tokens: int = Field(default=1024, ge=16, le=32768)

    @property
    def enabled(self) -> bool:
        return self.api_key is not None and bool(self.api_key.get_secret_value())


class RecoverySettings(BaseModel):
    """Turns cut off by a crash, an OOM kill or a deploy: every server process sweeps for them and answers them.

    The instance answering a message holds a lease on its turn and renews it every third of
    `lease_s` while the turn runs; a lease left to run out means its instance is gone.
    """

    model_config = _SECTION

    enabled: bool = True
    lease_s: float = Field(default=30.0, ge=3.0)  # how long a turn's claim outlives its instance
    sweep_every_s: float = Field(default=5.0, gt=0)  # how often each process looks for turns to take over
    # NOTE: a customer who wrote longer ago gets a person (the desk, an email follow-up), not a stale answer.
    max_age_s: float = Field(default=3600.0, gt=0)
    max_recoveries: int = Field(default=2, ge=1)  # a turn that keeps dying with its instance goes to a person
    batch: int = Field(default=8, ge=1)  # turns one sweep takes over (others are left for other instances)


StrictnessName = Literal["rule", "eager", "balanced", "cautious"]
STRICTNESS_NAMES: tuple[str, ...] = get_args(StrictnessName)


class AnsweringSettings(BaseModel):
    """How sure the bot must be that a help-centre section answers an English question before it shows it.

    `strictness` is a named point of the learned decision's measured trade-off (README, Configuration),
    an explicit cut-off on its probability, or `rule` for the hand-set rule it replaced.
    """

    model_config = _SECTION

    strictness: StrictnessName | float = "balanced"

    @field_validator("strictness", mode="before")
    @classmethod
    def _named_or_cut_off(cls, value: object) -> str | float:
        """A name (any case) or a number strictly between 0 and 1; anything else names what is allowed."""
        if isinstance(value, str) and value.strip().lower() in STRICTNESS_NAMES:
            return value.strip().lower()
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                number = None
        if number is None or not math.isfinite(number) or not 0.0 < number < 1.0:
            raise ValueError(f"strictness must be one of {', '.join(STRICTNESS_NAMES)} or a cut-off between "
                             f"0 and 1 (exclusive, e.g. 0.55), not {value!r}")
        return number


class BotSettings(BaseModel):
    """The conversation side. Policy (topics, thresholds, hours, texts) lives in its own YAML file."""

    model_config = _SECTION

    policy_file: Path | None = None  # None: the bundled bot/policy.yml
    max_message_chars: int = Field(default=4000, ge=1)
    history_turns: int = Field(default=6, ge=0)  # earlier turns given to the LLM for follow-ups
    turn_workers: int = Field(default=8, ge=1)  # threads that answer turns in the background
    identity_secret: SecretStr | None = None  # shared with the host site: it signs who the customer is
    attachment_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)  # customers' and agents' files
    recovery: RecoverySettings = Field(default_factory=RecoverySettings)  # turns cut off by a crash or deploy
    answering: AnsweringSettings = Field(default_factory=AnsweringSettings)  # how cautious answers are
