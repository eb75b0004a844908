"""Postgres and Redis are extras: naming one without its package fails with how to install it."""
from __future__ import annotations

import sys

import pytest

from bot.config import DatabaseSettings
from bot.conversations.database import make_engine
from bot.conversations.events import RedisBus


def test_a_postgres_url_without_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what an install without the extra looks like
    with pytest.raises(ModuleNotFoundError, match=r"\.\[postgres\]"):
        make_engine(DatabaseSettings(url="postgresql://support@127.0.0.1:1/support"))


def test_a_redis_url_without_redis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(ModuleNotFoundError, match=r"\.\[redis\]"):
        RedisBus("redis://127.0.0.1:1/0")
