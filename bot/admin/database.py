"""Creates and upgrades the console's tables (Alembic, version table `admin_alembic_version`)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from bot.conversations import database as bot_database
from bot.conversations.schema_head import at_newest

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "admin_alembic_version"
# NOTE: any constant works, as long as every process migrating this database uses the same one.
_MIGRATION_LOCK_KEY = 0x5B07_0015


def migrate(engine: Engine) -> None:
    """Upgrade the console's tables to the newest revision; safe when several processes start at once."""
    if not at_newest(engine, migrations=MIGRATIONS, version_table=VERSION_TABLE):
        bot_database.upgrade_to_head(engine, bot_database.alembic_config(MIGRATIONS), lock_key=_MIGRATION_LOCK_KEY)
