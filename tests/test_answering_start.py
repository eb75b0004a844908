"""The answerability setting at start-up: the model file is read and checked before the database is
migrated, a bad install stops the command line by name, and the setting reaches the answerer."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.answering import learned_answerability
from bot.answering.learned_answerability import ModelUnavailable
from bot.config import AnsweringSettings, BotSettings
from server import Settings, build_services
from tests.doubles import OneArticleKnowledgeBase


def _kb() -> OneArticleKnowledgeBase:
    return OneArticleKnowledgeBase("ship", title="Shipping", section="Times", text="Parcels arrive in 3 days.")


def _settings(tmp_path: Path, strictness: str | float = "balanced") -> Settings:
    return Settings(data_dir=tmp_path / "data", index_examples_on_start=False,
                    bot=BotSettings(answering=AnsweringSettings(strictness=strictness)))


def _corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "answerability.json"
    path.write_bytes(learned_answerability.MODEL_PATH.read_bytes().replace(b'"cutoff"', b'"cut_off"'))
    return path


@pytest.mark.parametrize(("model_file", "message"), [
    (lambda tmp: tmp / "missing.json", "not found"), (_corrupt, "sha256")])
def test_a_bad_model_file_stops_the_start_before_the_database_is_migrated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_file, message: str) -> None:
    database = tmp_path / "data" / "supportbot.sqlite3"
    services = build_services(_settings(tmp_path), knowledge_base=_kb())  # the pinned file: the database is made
    services.close()
    assert database.is_file()
    database.unlink()

    monkeypatch.setattr(learned_answerability, "MODEL_PATH", model_file(tmp_path))
    with pytest.raises(ModelUnavailable, match=message):
        build_services(_settings(tmp_path), knowledge_base=_kb())
    assert not database.exists()  # failed before migrations, not after


def test_rule_starts_without_reading_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(learned_answerability, "MODEL_PATH", tmp_path / "missing.json")
    with caplog.at_level(logging.INFO, logger="supportbot"):
        build_services(_settings(tmp_path, "rule"), knowledge_base=_kb()).close()
    assert "answerability: the hand-set rule (strictness rule)" in caplog.messages


@pytest.mark.parametrize(("value", "said"), [
    ("cautious", "cut-off 0.6 (strictness cautious)"), ("balanced", "cut-off 0.4312 (strictness balanced)"),
    ("0.52", "cut-off 0.52 (strictness explicit)")])
def test_the_environment_s_strictness_is_the_one_started_with(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, value: str,
        said: str) -> None:
    monkeypatch.setenv("SUPPORTBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUPPORTBOT_BOT__ANSWERING__STRICTNESS", value)
    with caplog.at_level(logging.INFO, logger="supportbot"):
        build_services(Settings(), knowledge_base=_kb()).close()
    assert f"answerability: the learned model for English questions, {said}" in caplog.messages


def test_a_bad_strictness_in_the_environment_stops_the_start_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTBOT_BOT__ANSWERING__STRICTNESS", "very")
    with pytest.raises(ValidationError, match=r"bot\.answering\.strictness\n.*strictness must be one of rule, eager, "
                                              r"balanced, cautious or a cut-off between 0 and 1"):
        Settings()


def test_the_command_line_names_a_bad_model_file_without_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from commands import main

    monkeypatch.setenv("SUPPORTBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(learned_answerability, "MODEL_PATH", tmp_path / "missing.json")
    with pytest.raises(SystemExit) as exited:
        main(["handoffs"])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert f"answerability model not found at {tmp_path / 'missing.json'}: reinstall supportbot" in err
    assert "Traceback" not in err and not (tmp_path / "data" / "supportbot.sqlite3").exists()
