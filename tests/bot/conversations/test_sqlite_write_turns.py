"""A raw sqlite3 write (Connection.execute/executemany, which SQLAlchemy never uses) takes the write turn too."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.conversations.sqlite_writes import WriteTurns


def test_connection_execute_and_executemany_take_the_write_turn(tmp_path: Path) -> None:
    turns = WriteTurns(timeout_s=1.0)
    connection = sqlite3.connect(tmp_path / "t.db", factory=turns.connection_class())
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.commit()

    connection.execute("INSERT INTO t VALUES (1)")
    assert connection.holds  # type: ignore[attr-defined]
    connection.commit()
    assert not connection.holds  # type: ignore[attr-defined]

    connection.executemany("INSERT INTO t VALUES (?)", [(2,), (3,)])
    assert connection.holds  # type: ignore[attr-defined]
    connection.rollback()
    assert not connection.holds  # type: ignore[attr-defined]
    connection.close()
