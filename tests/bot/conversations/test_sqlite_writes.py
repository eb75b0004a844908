"""SQLite writers of one process take turns on a lock: the second waits for the first's COMMIT, not
in SQLite's busy handler; reads never wait; a failed transaction gives the lock back."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.config import DatabaseSettings
from bot.conversations.database import make_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'writes.sqlite3'}"))
    with engine.begin() as c:
        c.execute(text("CREATE TABLE t (x INTEGER)"))
    yield engine
    engine.dispose()


def _write_impatiently(engine: Engine, value: int, errors: list[BaseException]) -> None:
    """A write whose connection has no busy handler: SQLite itself would refuse it at once while locked."""
    try:
        with engine.begin() as c:
            c.exec_driver_sql("PRAGMA busy_timeout=0")
            c.execute(text("INSERT INTO t VALUES (:x)"), {"x": value})
            c.exec_driver_sql("PRAGMA busy_timeout=30000")  # the pooled connection as it was
    except BaseException as exc:  # reported by the test
        errors.append(exc)


def test_a_second_writer_waits_its_turn_and_reads_do_not_wait(engine: Engine) -> None:
    wrote, finish = threading.Event(), threading.Event()

    def first() -> None:
        with engine.begin() as c:
            c.execute(text("INSERT INTO t VALUES (1)"))
            wrote.set()
            finish.wait(10)

    holder = threading.Thread(target=first)
    holder.start()
    assert wrote.wait(10)
    errors: list[BaseException] = []
    second = threading.Thread(target=_write_impatiently, args=(engine, 2, errors))
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waiting for the first writer, not refused by SQLite
    with engine.connect() as c:  # a read meanwhile is answered (WAL), without the uncommitted row
        assert c.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finish.set()
    holder.join(10)
    second.join(10)
    assert not errors
    with engine.connect() as c:
        assert c.execute(text("SELECT x FROM t ORDER BY x")).scalars().all() == [1, 2]


def test_a_failed_or_finished_transaction_gives_the_lock_back(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as c:
        c.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("the view failed mid-transaction")
    held = engine.connect()  # committed, and still checked out: holds nothing
    held.execute(text("INSERT INTO t VALUES (2)"))
    held.commit()
    errors: list[BaseException] = []
    other = threading.Thread(target=_write_impatiently, args=(engine, 3, errors))
    other.start()
    other.join(10)
    held.close()
    assert not other.is_alive() and not errors
    with engine.connect() as c:
        assert c.execute(text("SELECT x FROM t ORDER BY x")).scalars().all() == [2, 3]


def test_the_lock_needs_no_connection_events(engine: Engine) -> None:
    """The cursors take the lock: an engine with a connection-event listener dispatches events around
    every statement, begin and commit, which cost a turn more CPU than its lock."""
    assert not engine._has_events
    with engine.connect() as c:
        cursor = c.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("INSERT INTO t VALUES (1)")  # a write on the raw cursor takes the lock too
        assert c.connection.driver_connection.holds  # type: ignore[union-attr]
        c.connection.driver_connection.rollback()  # type: ignore[union-attr]
        assert not c.connection.driver_connection.holds  # type: ignore[union-attr]
