"""The turn's statements run on the DBAPI cursor read and write what SQLAlchemy's own execute does."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, bindparam, select

from bot.conversations import direct_execute as direct
from bot.conversations.records import Citation, Kind, Role, TurnLease
from bot.conversations.store import ConversationStore
from bot.conversations.transaction_steps import (
    _RECENT,
    _RECENT_OF_KIND,
    CONVERSATIONS,
    MESSAGES,
    READ_CONVERSATION,
    recent_text,
)


def test_rows_read_directly_are_the_rows_sqlalchemy_reads(engine: Engine, store: ConversationStore) -> None:
    conversation, _token = store.create_conversation(customer_name="Ana", locale="pt-BR")
    lease = TurnLease(owner="instance-1", until=datetime(2030, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    store.accept_customer_message(conversation.id, "Olá, quanto custa?", history=0, lease=lease, meta={"n": 1})
    store.add_bot_message(conversation.id, text="Custa 5 € [1]", meta={"labels": {"sources": "Fontes"}, "x": None},
                          citations=[Citation(1, "doc.md", "Preços", "https://x.example/p", "doc.md")])
    params = {"cid": conversation.id, "before": 2**31 - 1, "kind": Kind.TEXT.value, "limit": 10}
    with engine.connect() as c:
        for statement, values in ((READ_CONVERSATION, {"cid": conversation.id}), (_RECENT_OF_KIND, params)):
            mine = direct.rows(c, statement, values)
            theirs = c.execute(statement, values).all()
            assert [tuple(r) for r in mine] == [tuple(r) for r in theirs] and len(mine) >= 1
            assert [r._fields for r in mine] == [tuple(r._fields) for r in theirs]
    created = mine[0].created_at if mine else None
    assert created is not None and created.tzinfo is not None  # the UTC column's own processing ran


def test_what_is_written_directly_reads_back_as_written(engine: Engine, store: ConversationStore) -> None:
    conversation, _token = store.create_conversation()
    until = datetime.now(UTC) + timedelta(minutes=1)
    accepted = store.accept_customer_message(conversation.id, "hello", history=0,
                                             lease=TurnLease(owner="me", until=until), meta={"deep": [1, {"a": "é"}]})
    with engine.connect() as c:
        row = c.execute(select(MESSAGES).where(MESSAGES.c.id == accepted.message.id)).one()
        history = recent_text(c, conversation.id, before=2**31 - 1, limit=5, kinds=(Kind.TEXT,))
    assert row.meta == {"deep": [1, {"a": "é"}]} and row.turn_owner == "me" and row.turn_until == until
    assert row.text == "hello" and row.role == Role.CUSTOMER.value and row.created_at == accepted.message.created_at
    assert history == [accepted.message]


def test_a_statement_whose_parameters_are_rendered_at_execution_is_refused(engine: Engine) -> None:
    """An expanding IN is rendered per call: it cannot be compiled once (the store runs it through SQLAlchemy)."""
    with pytest.raises(ValueError, match="not a plain statement"):
        direct.compiled_for(_RECENT, engine.dialect)
    by_ids = select(CONVERSATIONS.c.id).where(CONVERSATIONS.c.id.in_(bindparam("ids", expanding=True)))
    with pytest.raises(ValueError, match="not a plain statement"):
        direct.compiled_for(by_ids, engine.dialect)


def test_a_missing_parameter_is_an_error_not_a_null(engine: Engine) -> None:
    with engine.connect() as c, pytest.raises(KeyError, match="cid"):
        direct.rows(c, READ_CONVERSATION, {})


@pytest.mark.parametrize("echo", [True, False], ids=["echo", "logger_at_info"])
def test_the_turns_statements_are_logged_whenever_sqlalchemy_would_log(tmp_path, caplog, echo: bool) -> None:
    """`SUPPORTBOT_DB__ECHO` promises every statement in the log, and SQLAlchemy also logs when the
    `sqlalchemy.engine` logger is at INFO (a gunicorn logconfig): the direct path steps aside for both
    (the second from the review of the first version)."""
    import logging

    from bot.config import DatabaseSettings
    from bot.conversations.database import make_engine, make_sessionmaker, migrate

    engine = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'logged.sqlite3'}", echo=echo))
    migrate(engine)
    store = ConversationStore(make_sessionmaker(engine))
    conversation, token = store.create_conversation()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="sqlalchemy.engine"):
        assert store.authenticate(conversation.id, token) is not None
        accepted = store.accept_customer_message(conversation.id, "hello", history=5)
        assert store.add_bot_message(conversation.id, text="hi") is not None
    logged = [r.getMessage().split()[0] for r in caplog.records if r.getMessage().split()[:1] in (
        ["SELECT"], ["UPDATE"], ["INSERT"])]
    assert logged == ["SELECT", "SELECT", "UPDATE", "INSERT", "UPDATE", "INSERT"]
    assert accepted.message.text == "hello" and accepted.conversation.id == conversation.id
    engine.dispose()


def test_each_engine_reads_with_its_own_type_processing(tmp_path) -> None:
    """Compiled statements are kept per dialect object, not per dialect name: a second SQLite engine's own
    JSON reader is used for its rows, as `Connection.execute` would (review of the first version)."""
    import json

    from sqlalchemy import create_engine

    from bot.config import DatabaseSettings
    from bot.conversations.database import make_engine, make_sessionmaker, migrate

    first = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    migrate(first)
    a = ConversationStore(make_sessionmaker(first))
    conv_a, _ = a.create_conversation()
    a.accept_customer_message(conv_a.id, "one", history=0, meta={"n": 1})
    a.accept_customer_message(conv_a.id, "two", history=5)  # compiles the history read for the first engine

    def tagging_loads(value: str) -> object:
        loaded = json.loads(value)
        return {**loaded, "read_by": "second"} if isinstance(loaded, dict) else loaded

    second = create_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}", json_deserializer=tagging_loads)
    migrate(second)
    b = ConversationStore(make_sessionmaker(second))
    conv_b, _ = b.create_conversation()
    b.accept_customer_message(conv_b.id, "one", history=0, meta={"n": 1})
    assert b.accept_customer_message(conv_b.id, "two", history=5).history[0].meta == {"n": 1, "read_by": "second"}
    first.dispose()
    second.dispose()


def test_a_database_error_is_sqlalchemys_with_the_statement(engine: Engine, store: ConversationStore) -> None:
    """The driver's error comes out as SQLAlchemy's (as `Connection.execute` raises it), statement included."""
    from sqlalchemy.exc import DBAPIError

    conversation, _ = store.create_conversation()
    with engine.begin() as c, pytest.raises(DBAPIError, match="conversations") as raised:
        direct.rows(c, select(CONVERSATIONS).where(CONVERSATIONS.c.id == bindparam("cid")).where(
            bindparam("cid") == bindparam("bad")), {"cid": conversation.id, "bad": object()})
    assert raised.value.orig is not None


def test_timestamps_read_twice_are_one_datetime_and_json_values_are_not_shared(
        engine: Engine, store: ConversationStore) -> None:
    """A timestamp column's parsed value is remembered (immutable); a JSON column's is parsed afresh, so a
    reader that changes its dict changes nobody else's."""
    conversation, _token = store.create_conversation()
    store.accept_customer_message(conversation.id, "hello", history=0, meta={"lang": "en"})
    params = {"cid": conversation.id, "before": 2**31 - 1, "kind": Kind.TEXT.value, "limit": 5}
    with engine.connect() as c:
        first, again = (direct.rows(c, _RECENT_OF_KIND, params)[0] for _ in range(2))
        theirs = c.execute(_RECENT_OF_KIND, params).one()
    assert first.created_at is again.created_at and first.created_at == theirs.created_at
    assert first.created_at.tzinfo is not None
    assert first.meta == again.meta == {"lang": "en"} and first.meta is not again.meta


def test_on_sqlite_a_turns_transaction_is_the_pools_connection_and_a_failure_leaves_nothing(
        engine: Engine, store: ConversationStore) -> None:
    """`direct.transaction` commits what ran, rolls back on an error, and always gives the connection (and
    the process's SQLite write lock) back: the next writer, on another thread, is not kept waiting."""
    import threading

    from sqlalchemy.exc import IntegrityError

    from bot.conversations.transaction_steps import insert_message, touch_conversation

    conversation, _token = store.create_conversation()
    now = datetime.now(UTC)
    with pytest.raises(RuntimeError, match="midway"), direct.transaction(engine) as tx:
        assert isinstance(tx, direct.DirectTransaction) == (engine.dialect.name == "sqlite")
        touch_conversation(tx, conversation.id, now, Role.CUSTOMER)
        insert_message(tx, conversation.id, Role.CUSTOMER, Kind.TEXT, "lost", (), None, None, now)
        raise RuntimeError("midway")
    assert store.messages(conversation.id) == [] and engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    stored: list[object] = []
    writer = threading.Thread(target=lambda: stored.append(store.add_message(conversation.id, role=Role.CUSTOMER,
                                                                             text="kept")))
    writer.start()
    writer.join(timeout=10)
    assert [m.text for m in store.messages(conversation.id)] == ["kept"]
    lease = TurnLease(owner="me", until=now + timedelta(minutes=1))
    accepted = store.accept_customer_message(conversation.id, "q", history=0, lease=lease)
    assert store.add_bot_message(conversation.id, text="a", turn=accepted.lease) is not None
    with pytest.raises(IntegrityError), direct.transaction(engine) as tx:  # SQLAlchemy's error, as before
        insert_message(tx, conversation.id, Role.BOT, Kind.TEXT, "twice", (), None, None, now,
                       reply_to=accepted.message.id)
    assert [m.text for m in store.messages(conversation.id)] == ["kept", "q", "a"]
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_logged_engine_keeps_sqlalchemys_connection(tmp_path) -> None:
    from sqlalchemy import Connection

    from bot.config import DatabaseSettings
    from bot.conversations.database import make_engine

    logged = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'logged.sqlite3'}", echo=True))
    with direct.transaction(logged) as tx, direct.reading(logged) as read:
        assert isinstance(tx, Connection) and isinstance(read, Connection)
    logged.dispose()


def test_an_engine_with_transaction_listeners_keeps_sqlalchemys_connection(tmp_path) -> None:
    """A listener on commit (metrics, BEGIN IMMEDIATE) must not be skipped by the lean path."""
    from sqlalchemy import Connection, event

    from bot.config import DatabaseSettings
    from bot.conversations.database import make_engine

    engine = make_engine(DatabaseSettings(url=f"sqlite:///{tmp_path / 'listened.sqlite3'}"))
    with direct.transaction(engine) as tx:
        assert not isinstance(tx, Connection)
    commits: list[object] = []
    event.listen(engine, "commit", commits.append)
    with direct.transaction(engine) as tx:
        assert isinstance(tx, Connection)
    assert len(commits) == 1
    engine.dispose()
