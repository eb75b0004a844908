"""`supportbot privacy export|erase` and the retention purge, over the real store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations.records import Role
from bot.conversations.store import ConversationStore
from bot.errors import InvalidInput
from bot.privacy.retention import RetentionJob
from bot.privacy.service import PrivacyService, Subject
from knowledge_base.results import SearchResult
from knowledge_base.sync import SyncReport
from tests.doubles import FakeClock


def _sessions(store: ConversationStore) -> sessionmaker[Session]:
    return store._sessions  # the store's own sessions: same database, same clock


def test_a_subject_is_an_email_or_a_conversation_never_both() -> None:
    with pytest.raises(InvalidInput):
        Subject()
    with pytest.raises(InvalidInput):
        Subject(email="a@b.c", conversation_id="x")


def test_retention_erases_only_conversations_idle_longer_than_the_period(store: ConversationStore,
                                                                          clock: FakeClock) -> None:
    old, _ = store.create_conversation(customer_email="old@example.org")
    store.add_message(old.id, role=Role.CUSTOMER, text="old question")
    clock.advance(days=31)
    recent, _ = store.create_conversation(customer_email="new@example.org")
    privacy = PrivacyService(_sessions(store), clock=clock)
    assert RetentionJob(privacy, days=30).run_once() == 1
    assert store.get(old.id) is None
    assert store.get(recent.id) is not None


def test_the_command_line_exports_then_erases_a_customer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from commands import build_cli
    from server import Settings, build_services

    monkeypatch.setenv("SUPPORTBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SUPPORTBOT_INDEX_EXAMPLES_ON_START", "false")
    services = build_services(Settings(), knowledge_base=_Empty())
    try:
        mine, _ = services.store.create_conversation(customer_email="kim@example.org", customer_name="Kim")
        services.store.add_message(mine.id, role=Role.CUSTOMER, text="where is my parcel?")
        other, _ = services.store.create_conversation(customer_email="someone@example.org")
    finally:
        services.close()
    out = tmp_path / "kim.json"
    exported = CliRunner().invoke(build_cli(), ["privacy", "export", "--email", "KIM@example.org", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text())
    assert [c["id"] for c in data["conversations"]] == [mine.id]
    assert data["conversations"][0]["messages"][0]["text"] == "where is my parcel?"
    erased = CliRunner().invoke(build_cli(), ["privacy", "erase", "--email", "kim@example.org", "--yes"])
    assert erased.exit_code == 0, erased.output
    assert json.loads(erased.output.strip().splitlines()[-1])["conversations"] == 1
    again = CliRunner().invoke(build_cli(), ["privacy", "export", "--conversation", mine.id])
    assert again.exit_code == 1
    both = CliRunner().invoke(build_cli(), ["privacy", "erase"])
    assert both.exit_code == 1 and "exactly one" in both.output
    services = build_services(Settings(), knowledge_base=_Empty())
    try:
        assert services.store.get(other.id) is not None
    finally:
        services.close()


class _Empty:
    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        raise RuntimeError("no search in this test")

    def documents(self) -> list[object]:
        return []

    def sync(self, directory: Path) -> SyncReport:
        raise RuntimeError("no sync in this test")
