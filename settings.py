"""The one settings object: nested sections per package, read from arguments, the environment and
(for the command line only) `.env`, with the well-known names (`OPENAI_API_KEY`, `DATABASE_URL`, ...)
as aliases. `server.py` builds everything from it; nothing else reads the environment.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from bot.admin.config import AdminSettings
from bot.config import BotSettings, DatabaseSettings, LLMSettings
from bot.web.config import WebSettings
from handoff.config import HandoffSettings, SlackSettings
from knowledge_base.config import SHARED_FIELDS, KnowledgeBaseSettings

# Flat names of earlier releases, refused with their new name so a CORS allowlist or a rate limit
# never silently stops applying after an upgrade.
_RENAMED = {
    "SUPPORTBOT_CORS_ORIGINS": "SUPPORTBOT_WEB__CORS_ORIGINS",
    "SUPPORTBOT_RATE_LIMIT_PER_IP": "SUPPORTBOT_WEB__RATE_LIMIT_PER_IP",
    "SUPPORTBOT_RATE_LIMIT_PER_CONVERSATION": "SUPPORTBOT_WEB__RATE_LIMIT_PER_CONVERSATION",
    "SUPPORTBOT_DATABASE_URL": "DATABASE_URL or SUPPORTBOT_DB__URL",
    "SUPPORTBOT_REDIS_URL": "REDIS_URL or SUPPORTBOT_DB__REDIS_URL",
    "SUPPORTBOT_CHROMA_URL": "CHROMA_URL or SUPPORTBOT_KB__CHROMA_URL",
    "SUPPORTBOT_OPENAI_MODEL": "OPENAI_MODEL or SUPPORTBOT_LLM__MODEL",
}


class Settings(BaseSettings):
    """Everything configurable: `SUPPORTBOT_<SECTION>__<KNOB>`, or a well-known name where one exists.

    Each value has one place. The well-known names (`OPENAI_API_KEY`, `DATABASE_URL`, ...) are the
    `validation_alias` of their section's field. A `.env` file is read only when asked for
    (`Settings(_env_file=".env")`, which the command line does), so tests and library code see
    only what they pass and the process environment.
    """

    model_config = SettingsConfigDict(
        env_prefix="SUPPORTBOT_", env_nested_delimiter="__", extra="forbid", dotenv_filtering="only_existing",
        hide_input_in_errors=True,  # NOTE: errors would otherwise quote the start of secrets
    )

    data_dir: Path = Path("data")  # the SQLite file and the Chroma directory
    examples_dir: Path = Path(__file__).resolve().parent / "examples"
    index_examples_on_start: bool = True
    retention_days: int | None = Field(default=None, ge=1)  # erase conversations idle this long (daily)

    llm: LLMSettings = Field(default_factory=LLMSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    db: DatabaseSettings = Field(default_factory=DatabaseSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    kb: KnowledgeBaseSettings = Field(default_factory=KnowledgeBaseSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    handoff: HandoffSettings = Field(default_factory=HandoffSettings)
    admin: AdminSettings = Field(default_factory=AdminSettings)  # the console at /admin

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments, then the environment, then `.env`; a `SUPPORTBOT_` name beats a well-known one."""
        return (init_settings, env_settings, _WellKnownNames(settings_cls, env_settings),
                dotenv_settings, _WellKnownNames(settings_cls, dotenv_settings), file_secret_settings)

    @model_validator(mode="after")
    def _share_with_the_knowledge_base(self) -> Settings:
        """The knowledge base's folder and OpenAI connection are the app's: set once, copied in."""
        if owned := sorted(self.kb.model_fields_set & SHARED_FIELDS):
            raise ValueError(f"kb.{', kb.'.join(owned)}: set once for the whole app, as SUPPORTBOT_DATA_DIR, "
                             "OPENAI_API_KEY and OPENAI_BASE_URL (or SUPPORTBOT_LLM__API_KEY, ..._BASE_URL)")
        shared = {"data_dir": self.data_dir, "openai_api_key": self.llm.api_key, "openai_base_url": self.llm.base_url}
        # NOTE: model_construct keeps the fields set by the operator, so validating again passes.
        self.kb = KnowledgeBaseSettings.model_construct(self.kb.model_fields_set, **{**dict(self.kb), **shared})
        return self


class _WellKnownNames(PydanticBaseSettingsSource):
    """Reads the sections' well-known names (their fields' `validation_alias`) from `variables`'s source."""

    def __init__(self, settings_cls: type[BaseSettings], variables: PydanticBaseSettingsSource) -> None:
        super().__init__(settings_cls)
        # NOTE: names are lower-cased there, as `case_sensitive` is off (the default).
        self._variables = variables.env_vars if isinstance(variables, EnvSettingsSource) else {}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: `__call__` fills whole sections

    def __call__(self) -> dict[str, Any]:
        for old, new in _RENAMED.items():
            if self._variables.get(old.lower()) is not None:
                raise SettingsError(f"{old} was renamed: set {new} instead")
        found: dict[str, dict[str, str]] = {}
        for section, name, alias in _aliases(self.settings_cls):
            value = self._variables.get(alias.lower())
            if value:  # an empty variable counts as unset
                found.setdefault(section, {})[name] = value
        return found


def _aliases(settings_cls: type[BaseSettings]) -> Iterator[tuple[str, str, str]]:
    """(section, field, well-known name) for every section field that has one."""
    for section, info in settings_cls.model_fields.items():
        model = info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            for name, knob in model.model_fields.items():
                if isinstance(knob.validation_alias, str):
                    yield section, name, knob.validation_alias


def database_settings(settings: Settings) -> DatabaseSettings:
    """The `db` section with its default filled in: a SQLite file in the data folder."""
    if settings.db.url:
        return settings.db
    return settings.db.model_copy(update={"url": f"sqlite:///{(settings.data_dir / 'supportbot.sqlite3').resolve()}"})
