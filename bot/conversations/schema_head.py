"""Whether a database's tables are already at their newest migration, read without importing alembic.

Every start migrated three folders (bot, console, handoff) with alembic's `upgrade head`: the import
of alembic alone is ~0.4-0.6 s of a restart, and the upgrade of a schema already at head does
nothing. Here the newest revision is read from the migration files and compared with the version
table. Anything unclear (no version table, several heads, a file that does not name its revisions
plainly) answers False, and alembic decides as before.
"""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

_REVISION = re.compile(r"^revision(?:\s*:[^=\n]+)?\s*=\s*[\"']([^\"'\n]+)[\"']\s*$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=\n]+)?\s*=\s*(?:None|[\"']([^\"'\n]+)[\"'])\s*$", re.M)
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def newest_revision(versions: Path) -> str | None:
    """The one revision no other file builds on; None when there is not exactly one, or a file is unclear."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None  # a merge (a tuple of parents) or anything else unusual: alembic reads it
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def at_newest(engine: Engine, *, migrations: Path, version_table: str) -> bool:
    """Whether `version_table` holds exactly the newest revision of `migrations`/versions."""
    if not _TABLE_NAME.match(version_table):
        return False
    head = newest_revision(migrations / "versions")
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            found = connection.execute(text(f"SELECT version_num FROM {version_table}")).scalars().all()
    except SQLAlchemyError:  # a new database: no version table yet
        return False
    return list(found) == [head]
