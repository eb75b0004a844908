"""Handoff test setup: a fake Slack Web API, and real databases (SQLite file; Postgres when DATABASE_URL is set)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine, create_engine, text

from bot.config import DatabaseSettings
from bot.database import make_engine, normalize_url
from bot.database import migrate as migrate_bot
from handoff.database import migrate as migrate_handoff
from fake_slack import FakeSlack, slack_user


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    users = {
        "UANA": slack_user("UANA", display_name="Ana", real_name="Ana Lima"),
        "UBEN": slack_user("UBEN", display_name="", real_name="Ben Okafor"),
        "UCID": slack_user("UCID", name="cid"),
    }
    with FakeSlack(users=users) as fake:
        yield fake


@pytest.fixture
def web_client(fake_slack: FakeSlack) -> WebClient:
    # NOTE: no retry handlers: the outbox does the retrying, so nothing sleeps inside a call.
    return WebClient(token="xoxb-test", base_url=fake_slack.api_url, timeout=2, retry_handlers=[])


def _postgres_engine(url: str, schema: str) -> Engine:
    return create_engine(normalize_url(url), connect_args={"options": f"-csearch_path={schema}"}, pool_size=10)


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:  # noqa: ANN001
    """Both stores' tables, migrated; Postgres runs in a throwaway schema so parallel runs never meet."""
    if request.param == "sqlite":
        eng = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'handoff.sqlite3'}"))
        migrate_bot(eng)
        migrate_handoff(eng)
        yield eng
        eng.dispose()
        return
    url = os.environ.get("DATABASE_URL")
    if not url:
        pytest.skip("DATABASE_URL is not set: Postgres handoff tests skipped")
    schema = f"handoff_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalize_url(url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = _postgres_engine(url, schema)
    try:
        migrate_bot(eng)
        migrate_handoff(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
