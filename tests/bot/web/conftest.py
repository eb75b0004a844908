"""Fixtures for the web edge: a Flask app around a fake BotService, built like `create_app` builds it;
and, for the browser tests, the real server (`supportbot serve`) beside a fake OpenAI, one per module."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fake_openai import FakeOpenAI
from flask import Flask
from flask.testing import FlaskClient

from web.fakes import FakeBotService
from web.server_process import ServerProcess
from web.support import MAX_CHARS, build_app


@pytest.fixture(scope="module")
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, llm: FakeOpenAI,
           request: pytest.FixtureRequest) -> Iterator[ServerProcess]:
    """The real server on a fresh data folder, its LLM the fake above (a module may define its own)."""
    env = {"OPENAI_API_KEY": "sk-fake", "OPENAI_BASE_URL": llm.base_url}
    with ServerProcess(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1]), extra_env=env) as process:
        yield process


@pytest.fixture
def bot() -> FakeBotService:
    return FakeBotService(max_message_chars=MAX_CHARS)


@pytest.fixture
def app(bot: FakeBotService) -> Flask:
    return build_app(bot)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def start(client: FlaskClient) -> Callable[..., tuple[str, dict[str, str]]]:
    """Start a conversation; returns (id, auth headers)."""

    def _start(**body: Any) -> tuple[str, dict[str, str]]:
        response = client.post("/api/conversations", json=body)
        assert response.status_code == 201, response.get_json()
        data = response.get_json()
        return data["id"], {"Authorization": f"Bearer {data['token']}"}

    return _start
