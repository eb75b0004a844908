"""Small test doubles shared across the test packages: a hand-moved clock and a free loopback port."""
from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone


class FakeClock:
    """A clock the test moves by hand; pass it wherever production code takes `clock=`."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)  # a Monday morning

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


def free_port() -> int:
    """A port nothing listens on right now (ask the OS for one on 127.0.0.1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
