"""Alembic environment of the handoff tables; the connection comes from `handoff.database.migrate`."""
from __future__ import annotations

from alembic import context

from handoff.database import VERSION_TABLE
from handoff.models import HandoffBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=HandoffBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
