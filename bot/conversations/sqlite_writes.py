"""SQLite writers of one process take turns on a lock, not in SQLite's busy handler.

SQLite lets one connection write at a time. A connection that finds the file locked sleeps in its
busy handler (1, 2, 5, 10, ... 100 ms at a time) and tries again, long after the writer before it
has committed: under 32 customers the request and turn threads of one server spent half of their
wall time there (py-spy, idle samples included). Here a connection takes the process's write lock
before its first write statement and gives it back right after its COMMIT or ROLLBACK, so the next
writer starts the moment the file is free. Reads never take the lock (WAL: they do not block the
writer); other processes on the same file still meet the busy handler.

The lock is taken by the sqlite3 cursor itself, not by an engine event: any `before_cursor_execute`
listener makes SQLAlchemy dispatch its connection events around every statement, begin and commit,
which cost a turn more CPU (~100 us, about a fifth of its store calls) than the lock does.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Any, Self

log = logging.getLogger(__name__)

# What starts a write transaction (pysqlite issues BEGIN itself before the first of these).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")


class WriteTurns:
    """One engine's write lock; `connection_class()` is the `factory` its sqlite3 connections are made with:
    their cursors take the lock before a write statement, their COMMIT or ROLLBACK gives it back."""

    def __init__(self, *, timeout_s: float) -> None:
        self._lock = threading.Lock()
        self._owner: int | None = None  # the thread holding the lock
        self._timeout_s = timeout_s

    def connection_class(self) -> type[sqlite3.Connection]:
        """A sqlite3 connection whose cursors take the lock before a write, and that gives it back once
        its transaction has ended."""
        turns = self

        class TurnCursor(sqlite3.Cursor):
            def execute(self, sql: str, parameters: Any = (), /) -> Self:
                turns.before(self.connection, sql)
                return super().execute(sql, parameters)

            def executemany(self, sql: str, seq_of_parameters: Any, /) -> Self:
                turns.before(self.connection, sql)
                return super().executemany(sql, seq_of_parameters)

        class TakingTurns(sqlite3.Connection):
            holds = False

            def cursor(self, factory: Any = TurnCursor) -> Any:
                return super().cursor(factory)

            # Connection.execute()/executemany() run the statement in C without TurnCursor.execute;
            # SQLAlchemy never calls them, but whoever does must take the turn too.
            def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
                return self.cursor().execute(sql, parameters)

            def executemany(self, sql: str, seq_of_parameters: Any, /) -> sqlite3.Cursor:
                return self.cursor().executemany(sql, seq_of_parameters)

            def commit(self) -> None:
                try:
                    super().commit()
                finally:
                    turns.give_back(self)

            def rollback(self) -> None:
                try:
                    super().rollback()
                finally:
                    turns.give_back(self)

            def close(self) -> None:
                try:
                    super().close()
                finally:
                    turns.give_back(self)

        return TakingTurns

    def take(self, connection: Any) -> None:
        """Wait for the lock for `connection`, unless it holds it already.

        NOTE: a thread that holds it through another connection does not wait for itself; SQLite's
        busy handler decides, as without the lock. Past the busy timeout the write goes ahead
        unlocked too, and SQLite decides.
        """
        if getattr(connection, "holds", True):  # held already, or not one of ours
            return
        me = threading.get_ident()
        if self._owner == me:
            return
        if not self._lock.acquire(timeout=self._timeout_s):
            log.warning("waited %.0f s for the SQLite write lock; writing without it", self._timeout_s)
            return
        self._owner = me
        connection.holds = True

    def give_back(self, connection: Any) -> None:
        if getattr(connection, "holds", False):
            connection.holds = False
            self._owner = None
            self._lock.release()

    def before(self, connection: Any, statement: str) -> None:
        """Before `statement` runs on `connection`: the lock first if it writes."""
        if statement.lstrip()[:15].upper().startswith(_WRITES):
            self.take(connection)
