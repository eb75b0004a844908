"""Creates and upgrades the handoff tables (Alembic, version table `handoff_alembic_version`)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "handoff_alembic_version"
# NOTE: any constant works, as long as every process migrating this database uses the same one.
_MIGRATION_LOCK_KEY = 0x5B07_0005


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged `handoff/migrations` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Upgrade the handoff tables to the newest revision; safe when several processes start at once."""
    config = alembic_config()
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            connection.commit()
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # a second process waits, then finds head
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
        finally:
            if postgres:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK_KEY})
                connection.commit()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions for the handoff stores; rows are copied into dataclasses before they leave."""
    return sessionmaker(engine, expire_on_commit=False)
