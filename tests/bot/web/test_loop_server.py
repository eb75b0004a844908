"""The event-loop server: streams without threads, healthz while threads are busy, caps, slow readers, shutdown."""
from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import httpx
import pytest
from aiohttp import web
from flask import Flask

from bot.conversations.events import LiveEvent
from bot.web.loop_server import LoopServer, LoopSettings
from bot.web.stream_caps import StreamCaps, StreamLimits
from web.fakes import FakeBotService
from web.support import build_app


class Served:
    """A LoopServer on 127.0.0.1 in a thread with its own event loop, like one gunicorn worker."""

    def __init__(self, app: Flask, settings: LoopSettings) -> None:
        self.app = app
        self.stopped = threading.Event()
        self._stop_lock = threading.Lock()
        self.server = LoopServer(app, settings=settings, on_shutdown=[self.stopped.set])
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner: web.AppRunner = self._call(self.server.runner())
        self._call(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._call(site.start())
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=30)

    def stop(self) -> None:
        with self._stop_lock:  # NOTE: a test may stop it from a timer while teardown stops it too
            if not self._thread.is_alive():
                return
            self._stop()

    def _stop(self) -> None:
        self._call(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    @property
    def gauge(self) -> float:
        return float(self.app.extensions["test_metrics"].sse_streams._value.get())


@contextmanager
def served(
    bot: FakeBotService, *, threads: int = 2, write_timeout_s: float = 10.0, **app_options: Any,
) -> Iterator[Served]:
    server = Served(build_app(bot, **app_options), LoopSettings(threads=threads, write_timeout_s=write_timeout_s))
    try:
        yield server
    finally:
        server.stop()


def _start(url: str) -> tuple[str, str]:
    body = httpx.post(f"{url}/api/conversations", json={}).raise_for_status().json()
    return body["id"], body["token"]


def _events(lines: Iterator[str], until: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    for line in lines:
        if line == "":
            if current:
                events.append(current)
                current = {}
            if until(events):
                break
            continue
        field, _, value = line.partition(":")
        value = value.lstrip(" ")
        current[field or "comment"] = json.loads(value) if field == "data" else value
    return events


def _wait(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_more_open_streams_than_threads_and_the_server_still_answers() -> None:
    bot = FakeBotService()
    with served(bot, threads=2) as server, ExitStack() as held, \
            httpx.Client(base_url=server.url, timeout=5, limits=httpx.Limits(max_connections=50)) as client:
        conversations = [_start(server.url) for _ in range(20)]
        streams = [held.enter_context(client.stream("GET", f"/api/conversations/{cid}/events", params={"token": token}))
                   for cid, token in conversations]
        assert all(s.status_code == 200 and s.headers["content-type"].startswith("text/event-stream") for s in streams)
        _wait(lambda: server.gauge == 20)
        assert server.server.open_streams == 20

        assert client.get("/healthz").json() == {"status": "ok"}
        cid, token = conversations[-1]
        posted = client.post(f"/api/conversations/{cid}/messages", json={"text": "shipping time?"},
                             headers={"Authorization": f"Bearer {token}"})
        assert posted.status_code == 201
        events = _events(streams[-1].iter_lines(), until=lambda ev: sum(e.get("event") == "message" for e in ev) >= 2)
        assert events[0] == {"retry": "1000"}
        assert [e.get("event") for e in events[1:]] == ["message", "token", "token", "message"]
        assert events[-1]["data"]["text"] == "Parcels arrive in 3-5 days. [1]" and events[-1]["id"] == "2"

        for stream in streams:
            stream.close()
        _wait(lambda: server.gauge == 0 and server.server.open_streams == 0)
        assert not any(bot.bus._fanout.has(cid) for cid, _ in conversations)


def test_last_event_id_replays_through_the_loop_and_errors_stay_json() -> None:
    bot = FakeBotService()
    with served(bot) as server, httpx.Client(base_url=server.url, timeout=5) as client:
        cid, token = _start(server.url)
        bot.post_customer_message(cid, "first")  # ids 1, 2
        bot.post_customer_message(cid, "second")  # ids 3, 4
        headers = {"Authorization": f"Bearer {token}", "Last-Event-ID": "2"}
        with client.stream("GET", f"/api/conversations/{cid}/events", headers=headers) as stream:
            events = _events(stream.iter_lines(), until=lambda ev: sum(e.get("event") == "message" for e in ev) >= 2)
        assert [e["id"] for e in events if e.get("event") == "message"] == ["3", "4"]

        unauthorized = client.get(f"/api/conversations/{cid}/events")
        assert unauthorized.status_code == 401 and unauthorized.json()["error"] == "missing_token"
        foreign = client.get(f"/api/conversations/{cid}/events", params={"token": token},
                             headers={"Origin": "https://evil.example"})
        assert foreign.status_code == 403 and foreign.json()["error"] == "origin_not_allowed"


def test_caps_refuse_with_429_and_a_closed_stream_frees_its_slot() -> None:
    bot = FakeBotService()
    caps = StreamCaps(StreamLimits(total=10, per_address=10, per_conversation=1))
    with served(bot, stream_caps=caps) as server, ExitStack() as held, \
            httpx.Client(base_url=server.url, timeout=5) as client:
        cid, token = _start(server.url)
        url = f"/api/conversations/{cid}/events"
        first = held.enter_context(client.stream("GET", url, params={"token": token}))
        assert first.status_code == 200
        refused = client.get(url, params={"token": token})
        assert refused.status_code == 429
        assert refused.json()["error"] == "rate_limited" and "too many windows" in refused.json()["message"]
        first.close()
        _wait(lambda: caps.open == 0)
        with client.stream("GET", url, params={"token": token}) as again:
            assert again.status_code == 200


def test_a_client_that_stops_reading_is_dropped_after_the_write_timeout() -> None:
    bot = FakeBotService()
    with served(bot, write_timeout_s=0.5) as server:
        cid, token = _start(server.url)
        port = int(server.url.rsplit(":", 1)[1])
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", port))
        sock.sendall(f"GET /api/conversations/{cid}/events?token={token} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        try:
            _wait(lambda: server.gauge == 1)
            big = "x" * 65536
            deadline = time.monotonic() + 20
            while server.gauge == 1 and time.monotonic() < deadline:  # the client reads nothing
                bot.bus.publish(LiveEvent(cid, "token", {"stream_id": "s", "text": big}))
                time.sleep(0.01)
            _wait(lambda: server.gauge == 0 and not bot.bus._fanout.has(cid))
        finally:
            sock.close()


def test_shutdown_ends_open_streams_at_once() -> None:
    bot = FakeBotService()
    server = Served(build_app(bot, heartbeat_s=60), LoopSettings(threads=2))
    try:
        cid, token = _start(server.url)
        with httpx.Client(timeout=10) as client, \
                client.stream("GET", f"{server.url}/api/conversations/{cid}/events", params={"token": token}) as stream:
            _wait(lambda: server.gauge == 1)
            threading.Timer(0.2, server.stop).start()
            started = time.monotonic()
            lines = list(stream.iter_lines())
            assert time.monotonic() - started < 5
        assert lines[0] == "retry: 1000" and server.stopped.is_set()
        _wait(lambda: server.gauge == 0)
    finally:
        server.stop()


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/widget.js", "/nope"])
def test_other_routes_answer_as_flask_does(path: str) -> None:
    bot = FakeBotService()
    app = build_app(bot)
    expected = app.test_client().get(path)
    with served(bot) as server:
        response = httpx.get(server.url + path, timeout=5)
    assert response.status_code == expected.status_code
    assert response.headers["content-type"] == expected.headers["Content-Type"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == expected.data


def test_a_body_over_the_loop_limit_is_a_json_413_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    """aiohttp's own refusal was a text/plain 413 that no client could read and no log line named."""
    server = Served(build_app(FakeBotService()), LoopSettings(threads=2, client_max_size=4096))
    try:
        with caplog.at_level("WARNING", logger="bot.web.loop_server"):
            refused = httpx.post(f"{server.url}/api/conversations", content=b"{" + b" " * 8192 + b"}",
                                 headers={"Content-Type": "application/json"})
        assert refused.status_code == 413 and refused.headers["content-type"].startswith("application/json")
        assert refused.json()["error"] == "request_entity_too_large"
        assert any("/api/conversations" in r.getMessage() and "4096" in r.getMessage() for r in caplog.records)
        assert httpx.post(f"{server.url}/api/conversations", json={}).status_code == 201
    finally:
        server.stop()


def test_served_bodies_fit_the_largest_upload_the_settings_allow() -> None:
    """Under `supportbot serve` an 8 MB cap refused the console's 20 MB documents and 10 MB attachments."""
    from server import Settings
    from serving import body_limit

    settings = Settings()
    assert body_limit(settings) >= settings.admin.max_upload_bytes
    assert body_limit(settings) >= settings.bot.attachment_max_bytes


def test_a_malformed_request_is_one_warning_not_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    """A header over aiohttp's 8 KB limit logged aiohttp's parser traceback at ERROR; the client's 400 stays."""
    server = Served(build_app(FakeBotService()), LoopSettings(threads=2))
    try:
        with caplog.at_level("DEBUG"):
            refused = httpx.get(f"{server.url}/healthz", headers={"X-Big": "a" * 9000})
            assert refused.status_code == 400
            _wait(lambda: any("malformed request" in r.getMessage() for r in caplog.records))
        assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
        warning = next(r for r in caplog.records if "malformed request" in r.getMessage())
        assert warning.levelname == "WARNING" and "127.0.0.1" in warning.getMessage()
        assert "400" in warning.getMessage()
        assert httpx.get(f"{server.url}/healthz").status_code == 200
    finally:
        server.stop()
