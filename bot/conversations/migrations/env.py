"""Alembic environment of the bot's tables; `bot.conversations.database.migrate` passes the connection in."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.conversations.database import VERSION_TABLE, normalize_url
from bot.conversations.models import Base


def _run(connection) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Plain `alembic -x url=...` use from a shell, for operators who want it.
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("pass the database with `-x url=...` or use bot.database.migrate(engine)")
    engine = create_engine(normalize_url(url))
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported; use bot.database.migrate")
run_migrations_online()
