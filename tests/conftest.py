"""Shared test setup: a clean environment and working directory per test, and no silent skips of real services in CI."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tests.services  # noqa: F401 - reads the service URLs before the first test removes them
from tests.browser import CHROMIUM, LAUNCH_ARGS

# Variables a developer may have set for real use; they must never reach a test. Tests that need
# Postgres or Redis get their URL from `tests.services`.
_SECRET_PREFIXES = ("SUPPORTBOT_", "SLACK_", "OPENAI_", "CHROMA_URL", "DATABASE_URL", "REDIS_URL")
# Real services the CI machine has; with SUPPORTBOT_REQUIRE_SERVICES=1 a test that skips for want of
# one of them fails instead, so CI cannot go green without exercising Postgres, Redis and Chromium.
_SERVICE_WORDS = ("DATABASE_URL", "REDIS_URL", "postgres", "redis", "chromium")
_REQUIRE_SERVICES = os.environ.get("SUPPORTBOT_REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(_SECRET_PREFIXES):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _empty_working_directory(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh, empty working directory: a developer's `.env` or `./data` never reaches a test."""
    cwd = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(cwd)
    return cwd


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if not (_REQUIRE_SERVICES and report.skipped and isinstance(report.longrepr, tuple)):
        return
    reason = str(report.longrepr[2])
    if any(word.lower() in reason.lower() for word in _SERVICE_WORDS):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where real services are required: {reason}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for a test module; skipped (failed in CI) where Debian's chromium is missing."""
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield instance
        instance.close()
