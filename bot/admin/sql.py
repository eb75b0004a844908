"""Small SQL expressions the console's queries share, written once for SQLite and Postgres."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, cast, false, func


def flag(meta: Any, key: str) -> ColumnElement[bool]:
    """True when the JSON column `meta` has `key: true`."""
    return func.coalesce(meta[key].as_boolean(), false())


def window_start(now: datetime, days: int) -> datetime:
    """Midnight UTC `days - 1` days before `now`: `days` whole calendar days, today included."""
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=days - 1)


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; `%` and `_` in `text` are taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(cast(column, String)).like(f"%{escaped.lower()}%", escape="\\")
