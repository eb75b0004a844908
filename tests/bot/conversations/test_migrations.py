"""Migrations build exactly the schema the models describe, and are safe to run concurrently."""
from __future__ import annotations

import threading

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.config import DatabaseSettings
from bot.conversations.database import VERSION_TABLE, alembic_config, make_engine, migrate, normalize_url
from bot.conversations.models import Base


def _diffs(engine) -> list:
    def ours(obj, name, type_, reflected, compare_to) -> bool:
        # The version table and other packages' tables (handoff) are not the bot's business.
        return not (type_ == "table" and name not in Base.metadata.tables)

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": ours})
        return compare_metadata(context, Base.metadata)


def test_migrated_schema_matches_the_models(db_url):
    engine = make_engine(DatabaseSettings(url=db_url))
    try:
        migrate(engine)
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        assert _diffs(engine) == []
        migrate(engine)  # at head already: a no-op
        assert _diffs(engine) == []
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_again(db_url):
    engine = make_engine(DatabaseSettings(url=db_url))
    try:
        migrate(engine)
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) & set(Base.metadata.tables) == set()
        migrate(engine)
        assert _diffs(engine) == []
    finally:
        engine.dispose()


def _migrate_together(engines: list) -> list[BaseException]:
    """Run `migrate` on every engine at the same moment, one thread each (as workers starting); the errors."""
    barrier = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def run(engine) -> None:
        try:
            barrier.wait(timeout=10)
            migrate(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


def test_two_processes_migrating_at_once_both_succeed(db_url):
    engines = [make_engine(DatabaseSettings(url=db_url)) for _ in range(2)]
    errors = _migrate_together(engines)
    try:
        assert errors == []
        assert _diffs(engines[0]) == []
        assert VERSION_TABLE in inspect(engines[0]).get_table_names()
    finally:
        for e in engines:
            e.dispose()


def test_plain_postgres_urls_go_to_psycopg_3():
    assert normalize_url("postgres://u:p@h:5432/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("sqlite:///x.db").drivername == "sqlite"


def test_sqlite_engine_creates_its_directory_and_uses_wal(tmp_path):
    engine = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'deep' / 'er' / 'bot.sqlite3'}"))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert (tmp_path / "deep" / "er" / "bot.sqlite3").exists()
    finally:
        engine.dispose()


def test_workers_starting_on_a_new_sqlite_database_at_once_all_start(tmp_path):
    """Two workers creating and migrating a new SQLite file together: SQLite answers one of two
    simultaneous WAL conversions 'database is locked' without waiting, so connection setup retries
    (before the fix this failed about every other try; six tries catch it almost always)."""
    for attempt in range(6):
        engines = [make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path}/fresh-{attempt}.sqlite3")) for _ in range(2)]
        errors = _migrate_together(engines)
        try:
            assert errors == []
            with engines[1].connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        finally:
            for e in engines:
                e.dispose()
