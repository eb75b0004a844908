"""Fixtures for the web edge: a Flask app around a fake BotService, built like `create_app` builds it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from web.fakes import FakeBotService
from web.support import MAX_CHARS, build_app


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
