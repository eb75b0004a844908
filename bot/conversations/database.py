"""Engine, sessions and migrations for the conversation store (SQLite file or Postgres)."""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import CursorResult, Engine, Result, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.config import DatabaseSettings
from bot.conversations import json_columns
from bot.conversations.schema_head import at_newest
from bot.conversations.sqlite_writes import WriteTurns

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "bot_alembic_version"
# NOTE: any constant works; it only has to be the same in every process migrating this database.
_MIGRATION_LOCK_KEY = 0x5B07_0001
_SQLITE_BUSY_TIMEOUT_MS = 30_000
_SQLITE_POOL_SIZE, _SQLITE_POOL_OVERFLOW = 16, 48


def rows_matched(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched.

    NOTE: `Session.execute` is typed as returning `Result`; for DML it returns a `CursorResult`,
    the only kind that has `rowcount`.
    """
    assert isinstance(result, CursorResult), "rows_matched() is for UPDATE and DELETE statements"
    return result.rowcount


def normalize_url(url: str) -> URL:
    """Parse a database URL; plain `postgres://`/`postgresql://` URLs are sent to psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(db: DatabaseSettings) -> Engine:
    """Create the engine: SQLite gets WAL, foreign keys, a busy timeout and the process's writers taking
    turns (`sqlite_writes`); Postgres uses psycopg 3."""
    if not db.url:
        raise ValueError("DatabaseSettings.url is empty; settings.database_settings() provides one")
    url = normalize_url(db.url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=db.echo)
    try:
        return create_engine(url, echo=db.echo, pool_pre_ping=True, pool_size=10, max_overflow=20,
                             json_deserializer=json_columns.loads)
    except ModuleNotFoundError as exc:  # psycopg is an extra: the default SQLite path never loads it
        raise ModuleNotFoundError(
            f"DATABASE_URL names {url.drivername}, whose driver is not installed ({exc.name}); "
            "for Postgres install the extra: pip install -c constraints.txt -e '.[postgres]'", name=exc.name,
        ) from exc


def _sqlite_engine(url: URL, *, echo: bool) -> Engine:
    database = url.database or ""
    on_disk = bool(database) and database != ":memory:" and not database.startswith("file:")
    if on_disk:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    turns = WriteTurns(timeout_s=_SQLITE_BUSY_TIMEOUT_MS / 1000)
    # NOTE: a file's connections are cheap; the default 5 (+10) made request and turn threads queue
    # for one under 32 customers. Past the pool size a returned connection is closed.
    pool = {"pool_size": _SQLITE_POOL_SIZE, "max_overflow": _SQLITE_POOL_OVERFLOW} if on_disk else {}
    engine = create_engine(
        url, echo=echo, **pool, json_deserializer=json_columns.loads,
        connect_args={"check_same_thread": False, "timeout": _SQLITE_BUSY_TIMEOUT_MS / 1000,
                      "factory": turns.connection_class()},
    )
    event.listen(engine, "connect", _sqlite_pragmas)  # NOTE: a pool event; no connection events (sqlite_writes)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Per connection: readers never block the writer (WAL), FKs enforced, writers wait instead of failing."""
    cursor = dbapi_connection.cursor()
    try:
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable across app crashes in WAL mode
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """`PRAGMA journal_mode=WAL`, retried while another connection holds the file.

    NOTE: two processes opening a *new* database at once (two gunicorn workers, two CLIs) both try
    to convert it; SQLite answers one of them "database is locked" at once, without the busy
    handler, to avoid a deadlock. Once the file is in WAL the pragma is a plain read.
    """
    deadline = time.monotonic() + _SQLITE_BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions for stores; objects stay readable after commit because stores copy them out anyway."""
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    """Alembic configuration pointing at packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config  # NOTE: imported only when a migration may run (~0.5 s)

    config = Config()
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the bot schema to the newest revision; safe when several processes start at once."""
    if not at_newest(engine, migrations=MIGRATIONS_DIR, version_table=VERSION_TABLE):
        upgrade_to_head(engine, alembic_config(), lock_key=_MIGRATION_LOCK_KEY)
    log.info("bot schema at head (%s)", engine.url.render_as_string(hide_password=True))


def upgrade_to_head(engine: Engine, config: Config, *, lock_key: int) -> None:
    """Alembic `upgrade head` under a cross-process lock (the handoff package migrates the same way)."""
    from alembic import command

    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            # NOTE: two gunicorn workers migrating together would race on CREATE TABLE; serialize them.
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": lock_key})
            connection.commit()
        elif connection.dialect.name == "sqlite":
            # The write lock up front: a second process waits, then finds the schema at head.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
        finally:
            if postgres:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key})
                connection.commit()
