"""A turn's statements run straight on the DBAPI cursor of the store's SQLAlchemy connection.

SQLAlchemy's `Connection.execute` of a Core statement (the compiled-cache lookup, the execution
context, the result object) costs about 30 us of CPU per statement on top of the ~20 us the
statement itself takes on SQLite, and a turn runs six. Here each statement is compiled once per
dialect (its SQL, the order of its parameters, and the bind and result processors of its column
types, which are SQLAlchemy's own), and executed on the connection's DBAPI cursor. The pool, the
transaction (begin, commit, rollback) and the connection stay SQLAlchemy's; so do the values: what
is written and read back is what `Connection.execute` would write and read. On SQLite a turn's
transactions (`transaction`, `reading`) go one step further: a connection from SQLAlchemy's pool,
committed by the driver, without a `Connection` around it (its transaction objects, events and
close cost ~40 us a transaction, and a turn has three).

Only plain statements qualify: no expanding `IN` or other parameters rendered at execution
(`compiled_for` refuses them), and values are passed by name, every one of them. An ORM session, and
an engine that logs its statements (`SUPPORTBOT_DB__ECHO` or a logger at INFO), run them through
SQLAlchemy's `execute`, so the log holds them all.
"""
from __future__ import annotations

import functools
import logging
import threading
import weakref
from collections import namedtuple
from collections.abc import Callable, Collection, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, DateTime, Dialect, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import Select

from bot.conversations.database import rows_matched
from bot.conversations.models import UTCDateTime

Statement = Select[Any] | UpdateBase
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Compiled:
    """One statement as one dialect runs it."""

    sql: str
    order: tuple[str, ...] | None  # parameter names in the SQL's order (positional paramstyles); None: by name
    binds: tuple[tuple[str, Processor, Any], ...]  # each parameter, its type's bind processor, its own value
    results: tuple[Processor, ...]  # each result column's result processor
    processed: tuple[tuple[int, Callable[[Any], Any]], ...]  # the result columns that have one, with it
    row: Any  # a named tuple of the result columns (None: the statement returns nothing)


_MISSING = object()  # a parameter without a value of its own: the caller must give it
# NOTE: per dialect object, not per dialect name: each engine's own type processing (its JSON reader, its driver)
_compiled: weakref.WeakKeyDictionary[Dialect, dict[tuple[int, tuple[str, ...]], tuple[Statement, Compiled]]] = (
    weakref.WeakKeyDictionary())
_compiling = threading.Lock()


def compiled_for(statement: Statement, dialect: Dialect, keys: Collection[str] = ()) -> Compiled:
    """`statement` compiled for `dialect` (`keys`: the columns an INSERT is given), once per process."""
    names = tuple(sorted(keys))
    key = (id(statement), names)
    found = _compiled.get(dialect, {}).get(key)
    if found is not None:
        return found[1]
    with _compiling:
        compiled = statement.compile(dialect=dialect, column_keys=list(names) or None)
        sql = compiled.string
        if "POSTCOMPILE" in sql or compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError(f"not a plain statement (parameters rendered at execution): {sql[:120]}")
        # NOTE: a literal in the statement (`state == "bot"`) is a parameter that carries its own value.
        named = {name: bind for bind, name in compiled.bind_names.items()}  # NOTE: a name may be bound twice
        binds = tuple((name, bind.type.dialect_impl(dialect).bind_processor(dialect),
                       _MISSING if bind.required else bind.effective_value) for name, bind in named.items())
        columns = list(statement.exported_columns)  # a SELECT's columns, or what a DML statement RETURNs
        results = tuple(_remembered(c.type.dialect_impl(dialect).result_processor(dialect, None), c.type)
                        for c in columns)
        row = namedtuple("Row", [str(c.key) for c in columns], rename=True) if columns else None
        order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup is not None else None
        processed = tuple((i, process) for i, process in enumerate(results) if process is not None)
        entry = Compiled(sql=sql, order=order, binds=binds, results=results, processed=processed, row=row)
        _compiled.setdefault(dialect, {})[key] = (statement, entry)  # NOTE: the statement is kept: its id stays unique
        return entry


def _remembered(process: Processor, column_type: Any) -> Processor:
    """A timestamp column's result processor with a bounded memo (a stored value -> the same datetime).

    NOTE: a turn reads ~25 timestamps (the conversation twice, a dozen messages of history), most of them
    read by the turn before too; SQLite stores them as text, parsed at ~2 us each. A datetime is
    immutable, so every reader may share one. Other columns' values (JSON: dicts, lists) are not shared.
    The memo is one per timestamp column of each compiled statement (~20 in all): 1,024 entries each
    (~0.2 MB full) keep a worker's total to a few MB.
    """
    if process is None or not isinstance(column_type, UTCDateTime | DateTime):
        return process
    return functools.lru_cache(maxsize=1024)(process)


class DirectTransaction:
    """A transaction on one of the pool's DBAPI connections, with no SQLAlchemy `Connection` around it:
    what `transaction` and `reading` hand out on SQLite. Only this module's statements run on it."""

    __slots__ = ("dbapi_connection", "dialect")

    def __init__(self, dialect: Dialect, dbapi_connection: Any) -> None:
        self.dialect = dialect
        self.dbapi_connection = dbapi_connection


Tx = Session | Connection | DirectTransaction  # what this module's statements run on


class _Pooled(AbstractContextManager[DirectTransaction]):
    """A pool checkout for one transaction: committed by the driver on success (`commit`), and always
    given back to the pool, whose reset on return rolls back whatever is left (a failure, a read)."""

    __slots__ = ("_commit", "_engine", "_pooled")

    def __init__(self, engine: Engine, *, commit: bool) -> None:
        self._engine = engine
        self._commit = commit
        self._pooled: Any = None

    def __enter__(self) -> DirectTransaction:
        self._pooled = self._engine.raw_connection()
        return DirectTransaction(self._engine.dialect, self._pooled.dbapi_connection)

    def __exit__(self, kind: type[BaseException] | None, _exc: BaseException | None,
                 _tb: TracebackType | None) -> None:
        pooled, self._pooled = self._pooled, None
        try:
            if self._commit and kind is None:
                driver_error = self._engine.dialect.loaded_dbapi.Error
                try:
                    pooled.dbapi_connection.commit()
                except driver_error as exc:  # NOTE: as `Connection.commit` raises it (e.g. "database is locked")
                    raise DBAPIError.instance(None, None, exc, driver_error) from exc
        finally:
            pooled.close()


def transaction(engine: Engine) -> AbstractContextManager[Connection | DirectTransaction]:
    """`engine.begin()` for this module's statements: committed at the end, rolled back on an error.

    NOTE: SQLite only, where pysqlite begins before the first write itself and `Connection.begin` sends
    nothing; Postgres, an engine whose statements are logged and one with transaction listeners keep
    SQLAlchemy's `Connection`.
    """
    return engine.begin() if _through_sqlalchemy(engine) else _Pooled(engine, commit=True)


def reading(engine: Engine) -> AbstractContextManager[Connection | DirectTransaction]:
    """`engine.connect()` for reads with this module's statements: nothing committed, the connection
    given back (and its read ended) at the end."""
    return engine.connect() if _through_sqlalchemy(engine) else _Pooled(engine, commit=False)


def _through_sqlalchemy(engine: Engine) -> bool:
    """Whether SQLAlchemy's `Connection` must run the transaction: anything but SQLite, a logged engine,
    or one with transaction listeners (a lean transaction would skip them without a word)."""
    listened = bool(engine.dispatch.begin or engine.dispatch.commit or engine.dispatch.rollback)
    return engine.dialect.name != "sqlite" or bool(engine.echo) or engine.logger.isEnabledFor(logging.INFO) or listened


def _execute(connection: Connection | DirectTransaction, statement: Statement, params: Mapping[str, Any],
             keys: Collection[str] = ()) -> tuple[Compiled, Any]:
    """Run `statement` with `params` in `connection`'s transaction: its compiled form and the DBAPI cursor
    (rows not yet read)."""
    compiled = compiled_for(statement, connection.dialect, keys)
    values = {}
    for name, process, own in compiled.binds:
        value = params[name] if name in params or own is _MISSING else own
        values[name] = process(value) if process is not None else value
    if isinstance(connection, DirectTransaction):
        cursor = connection.dbapi_connection.cursor()
    else:
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    bound = tuple(values[n] for n in compiled.order) if compiled.order is not None else values
    driver_error = connection.dialect.loaded_dbapi.Error
    try:
        cursor.execute(compiled.sql, bound)
    except driver_error as exc:
        cursor.close()
        # NOTE: SQLAlchemy's own exception (IntegrityError, DataError, ...; the statement in its text), as
        # `Connection.execute` raises: callers and logs see one kind of database error
        raise DBAPIError.instance(compiled.sql, bound, exc, driver_error) from exc
    return compiled, cursor


def rows(s: Tx, statement: Statement, params: Mapping[str, Any]) -> list[Any]:
    """Every row `statement` returns, each a named tuple of processed values (what SQLAlchemy reads)."""
    if not isinstance(s, DirectTransaction) and (not isinstance(s, Connection) or _logged(s)):
        # an ORM session, or a logged connection: as usual
        return list(s.execute(statement, params).all())
    compiled, cursor = _execute(s, statement, params)
    try:
        fetched = cursor.fetchall()
    finally:
        cursor.close()
    return [_row(compiled, raw) for raw in fetched]


def first(s: Tx, statement: Statement, params: Mapping[str, Any], *,
          keys: Collection[str] = ()) -> Any | None:
    """The first row `statement` returns (the rest are discarded), or None."""
    if not isinstance(s, DirectTransaction) and (not isinstance(s, Connection) or _logged(s)):
        # an ORM session, or a logged connection: as usual
        return s.execute(statement, params).first()
    compiled, cursor = _execute(s, statement, params, keys)
    try:
        raw = cursor.fetchone()
    finally:
        cursor.close()
    return _row(compiled, raw) if raw is not None else None


def rowcount(s: Tx, statement: Statement, params: Mapping[str, Any]) -> int:
    """How many rows an UPDATE or DELETE matched."""
    if not isinstance(s, DirectTransaction) and (not isinstance(s, Connection) or _logged(s)):
        # an ORM session, or a logged connection: as usual
        return rows_matched(s.execute(statement, params))
    _, cursor = _execute(s, statement, params)
    try:
        return int(cursor.rowcount)
    finally:
        cursor.close()


def _logged(connection: Connection) -> bool:
    """Whether SQLAlchemy would log this connection's statements: `echo`, or the `sqlalchemy.engine`
    logger at INFO from a logging configuration; those statements go through SQLAlchemy so the log holds them."""
    return bool(getattr(connection, "_echo", connection.engine.echo))


def _row(compiled: Compiled, raw: Any) -> Any:
    """The row with its processed columns' values processed (NULL stays None), as SQLAlchemy reads it.

    NOTE: only the columns that have a processor are visited (on SQLite 3 of a message's 9): a turn
    reads ~13 rows, and a generator over every column took ~2 us a row."""
    assert compiled.row is not None, "the statement returns no rows"
    if len(raw) != len(compiled.results):
        raise ValueError(f"a row of {len(raw)} columns for a statement of {len(compiled.results)}")
    values = list(raw)
    for i, process in compiled.processed:
        if values[i] is not None:
            values[i] = process(values[i])
    return compiled.row._make(values)
