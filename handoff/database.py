"""Creates and upgrades the handoff tables (Alembic, version table `handoff_alembic_version`)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bot.conversations import database as bot_database

# Re-exported: the handoff stores share the bot's session rules.
from bot.conversations.database import make_sessionmaker  # noqa: F401
from bot.conversations.schema_head import at_newest

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "handoff_alembic_version"
# NOTE: any constant works, as long as every process migrating this database uses the same one.
_MIGRATION_LOCK_KEY = 0x5B07_0005


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged `handoff/migrations` (no alembic.ini needed)."""
    return bot_database.alembic_config(MIGRATIONS)


def migrate(engine: Engine) -> None:
    """Upgrade the handoff tables to the newest revision; safe when several processes start at once."""
    if not at_newest(engine, migrations=MIGRATIONS, version_table=VERSION_TABLE):
        bot_database.upgrade_to_head(engine, alembic_config(), lock_key=_MIGRATION_LOCK_KEY)

