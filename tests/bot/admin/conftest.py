"""The console inside the real `create_app` (real store, bot, knowledge base with a word-hash embedder)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.admin.config import AdminSettings
from tests.knowledge_base.kb_fakes import FakeEmbeddings, write_corpus

TOKEN = "console-test-token-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "docs")


@pytest.fixture
def make_app(tmp_path: Path, docs: Path) -> Iterator[Callable[..., Flask]]:
    from server import Settings, build_knowledge_base, create_app

    apps: list[Flask] = []

    def build(*, admin: dict[str, Any] | None = None, sync: bool = True, settings_kw: dict[str, Any] | None = None,
              **kwargs: Any) -> Flask:
        settings = Settings(data_dir=tmp_path / "data", index_examples_on_start=False,
                            admin=AdminSettings(**({"token": TOKEN, "documents_dir": docs} | (admin or {}))),
                            **(settings_kw or {}))
        kb = build_knowledge_base(settings, embedder=FakeEmbeddings())
        if sync:
            kb.sync(docs)
        app = create_app(settings, knowledge_base=kb, start_background=False, **kwargs)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.extensions["supportbot"].close()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def ask(client: FlaskClient, text: str) -> tuple[str, dict[str, str]]:
    """A customer conversation with one question, answered synchronously through the bot service."""
    body = client.post("/api/conversations").get_json()
    bot = client.application.extensions["supportbot"].bot
    bot.post_and_answer(body["id"], text)
    return body["id"], {"Authorization": f"Bearer {body['token']}"}
