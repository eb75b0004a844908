"""Alembic environment of the console's tables; the connection comes from `bot.admin.database.migrate`."""
from __future__ import annotations

from alembic import context

from bot.admin.database import VERSION_TABLE
from bot.admin.models import AdminBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=AdminBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
