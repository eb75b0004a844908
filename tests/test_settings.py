"""`server.Settings`: one place per value, well-known names, and a `.env` that only the command line reads."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from pydantic_settings import SettingsError

from server import Settings, create_app
from tests.doubles import OneArticleKnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _write_dotenv(directory: Path) -> Path:
    path = directory / ".env"
    path.write_text(
        f"SUPPORTBOT_DATA_DIR={directory / 'from-dotenv'}\n"
        "SUPPORTBOT_BOT__MAX_MESSAGE_CHARS=123\n"
        "OPENAI_MODEL=model-from-dotenv\n"
        "UNRELATED_TOOL_SETTING=ignored\n",
        encoding="utf-8",
    )
    return path


def test_a_dotenv_in_the_working_directory_does_not_reach_settings_or_the_app(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = Path.cwd()
    _write_dotenv(cwd)
    settings = Settings()
    assert (settings.data_dir, settings.bot.max_message_chars) == (Path("data"), 4000)
    assert settings.llm.model == "gpt-4o-mini"

    monkeypatch.setenv("SUPPORTBOT_INDEX_EXAMPLES_ON_START", "false")  # the environment does reach it
    kb = OneArticleKnowledgeBase("ship", title="Shipping", section="Times", text="Parcels arrive in 3 days.")
    app = create_app(knowledge_base=kb, start_background=False)
    try:
        used = app.extensions["supportbot"].settings
        assert (used.bot.max_message_chars, used.llm.model) == (4000, "gpt-4o-mini")
        assert used.index_examples_on_start is False
        assert (cwd / "data" / "supportbot.sqlite3").is_file()
        assert not (cwd / "from-dotenv").exists()
    finally:
        app.extensions["supportbot"].close()


def test_the_command_line_reads_the_dotenv_in_the_working_directory() -> None:
    from commands import build_cli

    cwd = Path.cwd()
    _write_dotenv(cwd)
    result = CliRunner().invoke(build_cli(), ["handoffs"])
    assert result.exit_code == 0, result.output
    assert "0 conversation(s) waiting" in result.output
    assert (cwd / "from-dotenv" / "supportbot.sqlite3").is_file()  # the database the .env pointed at
    assert not (cwd / "data").exists()


def test_an_explicit_dotenv_gives_well_known_names_and_sections() -> None:
    settings = Settings(_env_file=_write_dotenv(Path.cwd()))  # type: ignore[call-arg]
    assert (settings.llm.model, settings.bot.max_message_chars) == ("model-from-dotenv", 123)
    assert settings.kb.data_dir == settings.data_dir == Path.cwd() / "from-dotenv"


def test_well_known_names_land_in_their_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    variables = {
        "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": "http://llm.local/v1", "OPENAI_MODEL": "m1",
        "DATABASE_URL": "postgresql+psycopg://db/app", "REDIS_URL": "redis://r:6379/0", "CHROMA_URL": "http://chroma:8000",
        "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3", "SLACK_SUPPORT_CHANNEL": "C1",
        "SLACK_APP_TOKEN": "xapp-1", "SLACK_API_URL": "http://slack.local/api/",
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.llm.api_key is not None and settings.llm.api_key.get_secret_value() == "sk-test"
    assert (settings.llm.base_url, settings.llm.model) == ("http://llm.local/v1", "m1")
    assert (settings.db.url, settings.db.redis_url) == ("postgresql+psycopg://db/app", "redis://r:6379/0")
    assert settings.kb.chroma_url == "http://chroma:8000"
    assert settings.slack.enabled and settings.slack.support_channel == "C1"
    assert settings.slack.app_token is not None and settings.slack.api_url == "http://slack.local/api/"
    # The knowledge base's OpenAI embeddings use the one OpenAI connection.
    assert settings.kb.openai_api_key == settings.llm.api_key and settings.kb.openai_base_url == "http://llm.local/v1"


def test_every_llm_knob_is_settable_and_the_prefixed_name_beats_the_well_known_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTBOT_LLM__TEMPERATURE", "0.7")
    monkeypatch.setenv("SUPPORTBOT_LLM__TIMEOUT_S", "12.5")
    monkeypatch.setenv("SUPPORTBOT_LLM__MAX_RETRIES", "4")
    monkeypatch.setenv("OPENAI_MODEL", "general")
    monkeypatch.setenv("SUPPORTBOT_LLM__MODEL", "specific")
    monkeypatch.setenv("SUPPORTBOT_WEB__CORS_ORIGINS", '["https://shop.example"]')
    llm = Settings().llm
    assert (llm.temperature, llm.timeout_s, llm.max_retries, llm.model) == (0.7, 12.5, 4, "specific")
    assert Settings().web.cors_origins == ["https://shop.example"]


@pytest.mark.parametrize("name", ["SUPPORTBOT_KB__DATA_DIR", "SUPPORTBOT_KB__OPENAI_API_KEY"])
def test_a_shared_value_has_one_place(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "/elsewhere")
    with pytest.raises(ValidationError, match="set once for the whole app, as SUPPORTBOT_DATA_DIR"):
        Settings()


def test_a_renamed_variable_is_refused_with_its_new_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTBOT_CORS_ORIGINS", '["https://shop.example"]')
    with pytest.raises(SettingsError, match="set SUPPORTBOT_WEB__CORS_ORIGINS instead"):
        Settings()


def test_a_misspelt_knob_fails_without_quoting_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTBOT_LLM__TEMPRATURE", "0.2")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret")
    with pytest.raises(ValidationError, match=r"llm\.temprature") as raised:
        Settings()
    assert "sk-very" not in str(raised.value)
    with pytest.raises(ValidationError):
        Settings(cors_origins=["https://shop.example"])  # type: ignore[call-arg]  # the old flat shape


def test_importing_the_composition_root_loads_no_command_and_no_heavy_part() -> None:
    code = ("import sys, server; heavy = {'commands', 'serving', 'bot.service', 'handoff.wiring', "
            "'knowledge_base.service', 'chromadb', 'langchain_openai'}; print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
