"""The sweeper is part of the app: configured from settings, started by `create_app`'s background start
(never at import or construction), stopped on shutdown."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.config import BotSettings, RecoverySettings
from server import Settings, create_app
from tests.doubles import OneArticleKnowledgeBase


def _sweepers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "turn-sweeper" and t.is_alive()]


def _app(tmp_path: Path, *, start: bool, recovery: RecoverySettings | None = None):
    kb = OneArticleKnowledgeBase("ship", title="Shipping", section="Times", text="Parcels take 5 days.")
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False,
                        bot=BotSettings(recovery=recovery or RecoverySettings()))
    return create_app(settings, knowledge_base=kb, start_background=start)


def test_create_app_starts_the_sweeper_in_the_background_and_closing_stops_it(tmp_path: Path) -> None:
    before = len(_sweepers())
    quiet = _app(tmp_path / "quiet", start=False)
    assert len(_sweepers()) == before  # built, not started
    quiet.extensions["supportbot"].close()

    app = _app(tmp_path / "running", start=True)
    services = app.extensions["supportbot"]
    assert services.sweeper is not None and len(_sweepers()) == before + 1
    services.close()
    assert len(_sweepers()) == before


def test_recovery_can_be_turned_off_and_then_claims_nothing(tmp_path: Path) -> None:
    app = _app(tmp_path, start=True, recovery=RecoverySettings(enabled=False))
    services = app.extensions["supportbot"]
    try:
        assert services.sweeper is None
        conversation, _ = services.bot.start_conversation()
        services.bot.post_and_answer(conversation.id, "how long does shipping take?")
        with services.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM messages WHERE turn_owner IS NOT NULL")).scalar() == 0
    finally:
        services.close()


def test_recovery_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTBOT_BOT__RECOVERY__MAX_AGE_S", "600")
    monkeypatch.setenv("SUPPORTBOT_BOT__RECOVERY__LEASE_S", "20")
    recovery = Settings().bot.recovery
    assert (recovery.max_age_s, recovery.lease_s, recovery.enabled) == (600, 20, True)
    monkeypatch.setenv("SUPPORTBOT_BOT__RECOVERY__LEASE_S", "1")  # shorter than a renewal could keep up with
    with pytest.raises(ValueError, match="lease_s"):
        Settings()
