"""Composition root: settings -> stores -> services -> Flask app, and the `supportbot` command.

This is the only module that knows every package. Nothing happens at import time.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.config import BotSettings, DatabaseSettings, LLMSettings
from handoff.config import HandoffSettings, SlackSettings
from knowledge_base.config import KnowledgeBaseSettings


class Settings(BaseSettings):
    """Everything configurable, from `SUPPORTBOT_*` variables, well-known names, and `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="SUPPORTBOT_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    data_dir: Path = Path("data")
    examples_dir: Path = Path(__file__).resolve().parent / "examples"
    index_examples_on_start: bool = True
    cors_origins: list[str] = Field(default_factory=lambda: ["*"])
    rate_limit_per_ip: str = "60 per minute"
    rate_limit_per_conversation: str = "20 per minute"
    admin_token: SecretStr | None = None  # guards the knowledge-base admin API

    kb: KnowledgeBaseSettings = Field(default_factory=KnowledgeBaseSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    handoff: HandoffSettings = Field(default_factory=HandoffSettings)

    # Names users already know, read without the prefix.
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "SUPPORTBOT_DATABASE_URL"))
    redis_url: str | None = Field(default=None, validation_alias=AliasChoices("REDIS_URL", "SUPPORTBOT_REDIS_URL"))
    chroma_url: str | None = Field(default=None, validation_alias=AliasChoices("CHROMA_URL", "SUPPORTBOT_CHROMA_URL"))
    openai_api_key: SecretStr | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY"))
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL"))
    openai_model: str = Field(default="gpt-4o-mini", validation_alias=AliasChoices("OPENAI_MODEL", "SUPPORTBOT_OPENAI_MODEL"))
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET"))
    slack_support_channel: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_SUPPORT_CHANNEL"))
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"))
    slack_app_token: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN"))

    # --- sections assembled from the flat, well-known names -------------------------------
    def kb_settings(self) -> KnowledgeBaseSettings:
        return self.kb.model_copy(
            update={
                "data_dir": self.data_dir,
                "chroma_url": self.chroma_url or self.kb.chroma_url,
                "openai_api_key": self.openai_api_key or self.kb.openai_api_key,
                "openai_base_url": self.openai_base_url or self.kb.openai_base_url,
            }
        )

    def database(self) -> DatabaseSettings:
        url = self.database_url or f"sqlite:///{(self.data_dir / 'supportbot.sqlite3').resolve()}"
        return DatabaseSettings(url=url)

    def llm(self) -> LLMSettings:
        return LLMSettings(api_key=self.openai_api_key, base_url=self.openai_base_url, model=self.openai_model)

    def slack(self) -> SlackSettings:
        return SlackSettings(
            bot_token=self.slack_bot_token,
            signing_secret=self.slack_signing_secret,
            support_channel=self.slack_support_channel,
            api_url=self.slack_api_url,
            app_token=self.slack_app_token,
        )


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the `supportbot` console script."""
    from commands import build_cli  # noqa: PLC0415 - keeps click and the commands out of import time

    return build_cli().main(args=argv, prog_name="supportbot")


if __name__ == "__main__":
    main()
