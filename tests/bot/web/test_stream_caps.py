"""No single client exhausts an instance (issue 13 item 1): one address opens event streams until it
is refused, while /healthz and other customers stay served (the real server)."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from web.server_process import ServerProcess


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    env = {"SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false", "SUPPORTBOT_WEB__TRUSTED_PROXY_HOPS": "1",
           "SUPPORTBOT_WEB__STREAMS_PER_IP": "4"}
    with ServerProcess(Path(tmp_path_factory.mktemp("caps")), extra_env=env, threads=16) as running:
        yield running


def _as(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def _start(server: ServerProcess, address: str) -> tuple[str, str]:
    body = httpx.post(server.url + "/api/conversations", headers=_as(address), timeout=10).json()
    return body["id"], body["token"]


def test_one_address_is_refused_streams_while_health_and_others_are_served(server: ServerProcess) -> None:
    cid, token = _start(server, "203.0.113.5")
    url = f"{server.url}/api/conversations/{cid}/events?token={token}"
    statuses: list[int] = []
    with httpx.Client(timeout=10) as client, ExitStack() as streams:
        for _ in range(40):  # the attack opened 128; the cap stops it long before the threads run out
            response = streams.enter_context(client.stream("GET", url, headers=_as("203.0.113.5")))
            statuses.append(response.status_code)
            if response.status_code == 429:
                break
        assert statuses == [200] * 4 + [429]
        health = httpx.get(server.url + "/healthz", timeout=2)
        assert health.status_code == 200 and health.elapsed.total_seconds() < 2
        other, other_token = _start(server, "198.51.100.7")
        with client.stream("GET", f"{server.url}/api/conversations/{other}/events?token={other_token}",
                           headers=_as("198.51.100.7")) as stream:
            assert stream.status_code == 200
        posted = httpx.post(f"{server.url}/api/conversations/{other}/messages", json={"text": "hello"},
                            headers=_as("198.51.100.7") | {"Authorization": f"Bearer {other_token}"}, timeout=10)
        assert posted.status_code == 201
    # once the client has gone, the server notices at the next heartbeat (15 s) and frees the slots
    deadline = time.monotonic() + 40
    status = 0
    while status != 200 and time.monotonic() < deadline:
        time.sleep(1)
        with httpx.Client(timeout=10) as client, client.stream("GET", url, headers=_as("203.0.113.5")) as again:
            status = again.status_code
    assert status == 200
