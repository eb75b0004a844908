"""Settings of the Slack side (`SLACK_*`, or `SUPPORTBOT_SLACK__*`) and of handoff timers (`SUPPORTBOT_HANDOFF__*`)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

# Sections refuse unknown keys, so a misspelt SUPPORTBOT_<SECTION>__<KNOB> fails at start-up.
_SECTION = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)


class SlackSettings(BaseModel):
    """The Slack app; `validation_alias` is the variable Slack's own docs name."""

    model_config = _SECTION

    bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    support_channel: str | None = Field(default=None, validation_alias="SLACK_SUPPORT_CHANNEL")  # an id like C0123
    api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")  # Socket Mode
    # Who may use /support: the support channel's members, or this user group's (an id like S0123).
    support_usergroup: str | None = Field(default=None, validation_alias="SLACK_SUPPORT_USERGROUP")

    @property
    def enabled(self) -> bool:
        return bool(self.bot_token and self.signing_secret and self.support_channel)


class EmailSettings(BaseModel):
    """SMTP for follow-ups (`SUPPORTBOT_HANDOFF__EMAIL__*`): an agent's reply reaches a customer who left."""

    model_config = _SECTION

    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    username: str | None = None
    password: SecretStr | None = None
    security: Literal["starttls", "ssl", "none"] = "starttls"  # "none" only for a relay on localhost
    from_address: str | None = None  # e.g. "Kestrel Brew support <help@kestrelbrew.example>"
    reply_to: str | None = None
    link_url: str | None = None  # the page with the widget, for conversations that did not record one
    grace_s: float = Field(default=60, ge=0)  # a reply the customer sees within this long is not emailed
    timeout_s: float = Field(default=10, gt=0)
    max_attempts: int = Field(default=8, ge=1)

    @property
    def enabled(self) -> bool:
        return bool(self.smtp_host and self.from_address)


class HandoffSettings(BaseModel):
    model_config = _SECTION

    private_note_prefix: str = ";;"
    reminder_after_s: float = Field(default=120, gt=0)  # T1: unclaimed -> reminder in the thread
    offer_email_after_s: float = Field(default=300, gt=0)  # T2: unclaimed -> tell the customer, ask email
    idle_resolve_after_s: float = Field(default=1800, gt=0)  # T3: idle agent conversation -> resolved
    timer_interval_s: float = Field(default=5, gt=0)
    outbox_per_channel_per_s: float = Field(default=1.0, gt=0)
    outbox_max_attempts: int = Field(default=12, ge=1)
    email: EmailSettings = Field(default_factory=EmailSettings)
