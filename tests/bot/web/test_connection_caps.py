"""No single address exhausts an instance with half-sent requests (slowloris, issue 13 item 1): on the
real server, one client address holds event streams and opens half-sent requests until it is refused,
while /healthz and another customer's turn are served; slow senders are timed out.

Loopback has every 127.x.y.z address, so each client here binds its own source address.
"""
from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import httpx
import pytest

from tests.bot.web.server_process import ServerProcess

ATTACKER, CUSTOMER = "127.0.0.5", "127.0.0.9"
CAP = 10


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    env = {"SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false", "SUPPORTBOT_WEB__CONNECTIONS_PER_IP": str(CAP),
           "SUPPORTBOT_WEB__REQUEST_BODY_TIMEOUT_S": "1"}
    with ServerProcess(Path(tmp_path_factory.mktemp("slowloris")), extra_env=env, threads=8) as running:
        yield running


def _client(source: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=source), timeout=10)


def _half_sent(server: ServerProcess, source: str) -> socket.socket:
    """A request whose headers never end, as a slowloris client sends it."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5, source_address=(source, 0))
    sock.sendall(b"POST /api/conversations HTTP/1.1\r\nHost: shop.example\r\nX-Slow: 1\r\n")
    return sock


def _answer(sock: socket.socket, wait_s: float) -> bytes | None:
    """What the server sent within `wait_s` (b"" when it closed the connection), None if nothing yet."""
    sock.settimeout(wait_s)
    try:
        return sock.recv(4096)
    except TimeoutError:
        return None
    except ConnectionResetError:
        return b""


def test_one_address_is_refused_connections_while_health_and_other_customers_are_served(
    server: ServerProcess,
) -> None:
    with ExitStack() as held, _client(ATTACKER) as attacker:
        start = attacker.post(f"{server.url}/api/conversations").json()
        url = f"{server.url}/api/conversations/{start['id']}/events?token={start['token']}"
        streams = [held.enter_context(attacker.stream("GET", url)) for _ in range(3)]
        assert [s.status_code for s in streams] == [200] * 3
        # Streams and half-sent requests count alike: the address has CAP - 3 slots left. The server
        # accepts connections in the order they were made, so the ones past the cap are refused; each
        # refusal is awaited (not a fixed wait), and by then the earlier ones would have theirs too.
        half_open = [held.enter_context(closing(_half_sent(server, ATTACKER))) for _ in range(CAP - len(streams))]
        past = [held.enter_context(closing(_half_sent(server, ATTACKER))) for _ in range(3)]
        for sock in past:
            refused = _answer(sock, 10)
            assert refused is not None and refused.startswith(b"HTTP/1.1 429"), refused
        for sock in half_open:  # held: nothing yet (or, on a very slow machine, closed by the 5 s header time-out)
            answer = _answer(sock, 0.01)
            assert answer is None or answer == b"", f"a connection within the cap was refused: {answer!r}"

        health = httpx.get(f"{server.url}/healthz", timeout=2)
        assert health.status_code == 200 and health.elapsed.total_seconds() < 1
        with _client(CUSTOMER) as customer:
            other = customer.post(f"{server.url}/api/conversations").json()
            posted = customer.post(f"{server.url}/api/conversations/{other['id']}/messages", json={"text": "hello"},
                                   headers={"Authorization": f"Bearer {other['token']}"})
            assert posted.status_code == 201

        # slow-client time-out: half-sent headers are dropped (5 s), which gives the address its slots back
        deadline = time.monotonic() + 15
        for sock in half_open:
            answer = _answer(sock, max(0.1, deadline - time.monotonic()))
            assert answer == b"", f"a half-sent request was kept open: {answer!r}"
        again = held.enter_context(closing(_half_sent(server, ATTACKER)))
        assert _answer(again, 0.5) is None  # accepted again (and waiting for the rest of its headers)


def test_a_body_sent_too_slowly_gets_408(server: ServerProcess) -> None:
    with closing(socket.create_connection(("127.0.0.1", server.port), timeout=5,
                                          source_address=(CUSTOMER, 0))) as sock:
        sock.sendall(b"POST /api/conversations HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 200\r\n\r\n{\"name\":")
        started = time.monotonic()
        answer = _answer(sock, 10)
        assert answer is not None and answer.startswith(b"HTTP/1.1 408"), answer
        assert time.monotonic() - started < 5


def test_the_refusal_is_a_well_formed_http_response() -> None:
    from bot.web.connection_caps import REFUSED

    head, body = REFUSED.split(b"\r\n\r\n", 1)
    lines = head.split(b"\r\n")
    length = next(int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length"))
    assert length == len(body) and body.endswith(b"}")


def test_an_ipv4_client_on_a_dual_stack_socket_counts_as_its_ipv4_address() -> None:
    from bot.web.connection_caps import ConnectionCaps

    caps = ConnectionCaps(per_address=2)
    assert caps.acquire("203.0.113.7") is not None
    release = caps.acquire("::ffff:203.0.113.7")
    assert release is not None and caps.open_from("203.0.113.7") == 2
    assert caps.acquire("::FFFF:cb00:7107") is None  # the same address, however it is written
    assert caps.acquire("2001:db8::1") is not None  # a real IPv6 client is its own address
    release()
    assert caps.acquire("203.0.113.7") is not None
