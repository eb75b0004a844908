"""A start on a schema already at head reads the version tables and never imports alembic."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from bot.admin import database as admin_database
from bot.config import DatabaseSettings
from bot.conversations import database as bot_database
from bot.conversations.schema_head import at_newest, newest_revision
from handoff import database as handoff_database

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = [bot_database.MIGRATIONS_DIR, admin_database.MIGRATIONS, handoff_database.MIGRATIONS]


@pytest.mark.parametrize("migrations", FOLDERS, ids=lambda p: p.parent.name)
def test_the_newest_revision_read_from_the_files_is_alembics_head(migrations: Path) -> None:
    script = ScriptDirectory.from_config(bot_database.alembic_config(migrations))
    assert newest_revision(migrations / "versions") == script.get_current_head()


def test_several_heads_or_an_unclear_file_leave_the_decision_to_alembic(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    assert newest_revision(tmp_path) == "b"
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n')  # a second head
    assert newest_revision(tmp_path) is None
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')  # a merge
    assert newest_revision(tmp_path) is None


def test_at_newest_follows_the_version_table(db_url: str) -> None:
    engine = bot_database.make_engine(DatabaseSettings(url=db_url))
    versions = {"migrations": bot_database.MIGRATIONS_DIR, "version_table": bot_database.VERSION_TABLE}
    try:
        assert not at_newest(engine, **versions)  # no table yet
        bot_database.migrate(engine)
        assert at_newest(engine, **versions)
        config = bot_database.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        assert not at_newest(engine, **versions)
        bot_database.migrate(engine)  # the version table is behind: alembic upgrades it
        assert at_newest(engine, **versions)
    finally:
        engine.dispose()


def test_a_restart_on_migrated_tables_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    script = (
        "import sys\n"
        "from bot.admin import database as admin\n"
        "from bot.config import DatabaseSettings\n"
        "from bot.conversations import database\n"
        "from handoff import database as handoff\n"
        f"engine = database.make_engine(DatabaseSettings(url={url!r}))\n"
        "for module in (database, admin, handoff):\n"
        "    module.migrate(engine)\n"
        "print('alembic' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")
