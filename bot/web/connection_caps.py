"""Open connections per client address, counted where they are accepted (before any request is read).

A slowloris client opens many connections and sends each request a byte at a time; no request-level
limit sees it, because no request is ever complete. Counting at the socket refuses the address's
next connection once it holds `per_address`, however far its requests got, so one address cannot
take the sockets and memory every other customer needs. The loop server wraps aiohttp's protocol
factory with `guarded_factory`; a refused connection gets a bare 429 and is closed.

The counts live in one server process: with `--workers N` each worker counts its own connections,
so one address may hold up to N x `per_address` on an instance.

Behind a proxy every connection comes from the proxy, so `serving.py` turns this cap off when
trusted proxy hops are set (the proxy must bound its own clients; it also buffers slow requests).
"""
from __future__ import annotations

import asyncio
import ipaddress
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any, cast

_REFUSED_BODY = b'{"error":"rate_limited","message":"Too many open connections from your address."}'
REFUSED = (b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nConnection: close\r\n"
           b"Retry-After: 5\r\nContent-Length: %d\r\n\r\n%s" % (len(_REFUSED_BODY), _REFUSED_BODY))
_LINGER_S = 1.0  # a refused connection is read (and dropped) this long before it is closed


def client_address(address: str) -> str:
    """The address a cap counts: an IPv4 client reaching a dual-stack socket (`::ffff:a.b.c.d`) is
    the same client as `a.b.c.d`, and must not get a second allowance."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    mapped = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) else None
    return str(mapped) if mapped is not None else str(ip)


class ConnectionCaps:
    """Thread-safe counts of open connections per address; `acquire` is None when the address is full."""

    def __init__(self, per_address: int) -> None:
        self.per_address = per_address
        self._lock = threading.Lock()
        self._open: Counter[str] = Counter()

    def open_from(self, address: str) -> int:
        with self._lock:
            return self._open[client_address(address)]

    def acquire(self, address: str) -> Callable[[], None] | None:
        address = client_address(address)
        with self._lock:
            if self.per_address and self._open[address] >= self.per_address:
                return None
            self._open[address] += 1
        released = False

        def release() -> None:
            nonlocal released
            with self._lock:
                if released:
                    return
                released = True
                self._open[address] -= 1
                if self._open[address] <= 0:
                    del self._open[address]

        return release


class _Guarded(asyncio.Protocol):
    """Counts the connection, then hands every protocol call to the real one (aiohttp's handler)."""

    def __init__(self, make_inner: Callable[[], Any], caps: ConnectionCaps) -> None:
        self._make_inner = make_inner
        self._caps = caps
        self._inner: Any = None
        self._release: Callable[[], None] | None = None
        self._closer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        self._release = self._caps.acquire(address)
        if self._release is None:
            self._refuse(transport)
            return
        self._inner = self._make_inner()
        self._inner.connection_made(transport)

    def _refuse(self, transport: asyncio.BaseTransport) -> None:
        """429, then a half-close; the socket closes a moment later. NOTE: closing at once, with the
        client's request unread, would make the kernel send a reset that can destroy the 429."""
        writer = cast(asyncio.WriteTransport, transport)  # NOTE: uvloop's transports do not subclass asyncio's
        writer.write(REFUSED)
        if writer.can_write_eof():
            writer.write_eof()
        self._closer = asyncio.get_running_loop().call_later(_LINGER_S, transport.close)

    def data_received(self, data: bytes) -> None:
        if self._inner is not None:
            self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._inner is not None else None

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._closer is not None:
            self._closer.cancel()
        if self._release is not None:
            self._release()
        if self._inner is not None:
            self._inner.connection_lost(exc)


def guarded_factory(factory: Callable[[], Any], caps: ConnectionCaps) -> Callable[[], asyncio.Protocol]:
    """A protocol factory for `loop.create_server` that counts and caps connections per address."""
    return lambda: _Guarded(factory, caps)
