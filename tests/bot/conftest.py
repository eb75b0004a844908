"""Store fixtures: the same tests on a SQLite file and, when DATABASE_URL is set, on Postgres."""
from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.config import DatabaseSettings
from bot.conversations.database import make_engine, make_sessionmaker, migrate, normalize_url
from bot.conversations.events import InProcessBus, LiveEvent
from bot.conversations.store import ConversationStore
from tests import services
from tests.doubles import FakeClock


class RecordingBus(InProcessBus):
    """An in-process bus that also keeps every published event."""

    def __init__(self) -> None:
        super().__init__()
        self.published: list[LiveEvent] = []

    def publish(self, event: LiveEvent) -> None:
        self.published.append(event)
        super().publish(event)


def postgres_url_or_skip() -> str:
    url = services.DATABASE_URL
    if not url:
        pytest.skip("postgres tests need DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    return url


@pytest.fixture
def fresh_postgres_url() -> Iterator[str]:
    """A URL whose connections live in a fresh `sb_<random>` schema, dropped afterwards."""
    base = postgres_url_or_skip()
    schema = f"sb_{secrets.token_hex(6)}"
    admin = make_engine(DatabaseSettings(url=base))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalize_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'bot.sqlite3'}"
    return request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(DatabaseSettings(url=db_url))
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bus() -> RecordingBus:
    return RecordingBus()


@pytest.fixture
def store(engine: Engine, bus: RecordingBus, clock: FakeClock) -> ConversationStore:
    return ConversationStore(make_sessionmaker(engine), bus=bus, clock=clock)


@pytest.fixture
def redis_url() -> str:
    url = services.REDIS_URL
    if not url:
        pytest.skip("redis bus tests need REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    return url
