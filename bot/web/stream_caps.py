"""Caps on open event streams: per client address, and in total so requests always find a thread.

Under gunicorn's threaded worker each open stream holds a thread. Without caps one address can open
streams until no thread is left and `/healthz` and every other customer time out. A refused stream
gets 429 with `Retry-After`; the widget's EventSource retries later, and the conversation still
works through `GET .../messages`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable


class StreamCaps:
    """Counts open streams; `acquire` before serving one, the returned release when it ends."""

    def __init__(self, *, per_address: int, total: int | None = None) -> None:
        self._per_address = per_address
        self._total = total
        self._lock = threading.Lock()
        self._open: dict[str, int] = {}
        self._count = 0

    def acquire(self, address: str | None) -> Callable[[], None] | None:
        """A release callback (idempotent), or None when the address or the instance is at its cap."""
        key = address or "unknown"
        with self._lock:
            if self._open.get(key, 0) >= self._per_address:
                return None
            if self._total is not None and self._count >= self._total:
                return None
            self._open[key] = self._open.get(key, 0) + 1
            self._count += 1
        released = threading.Event()

        def release() -> None:
            if released.is_set():
                return
            released.set()
            with self._lock:
                self._count -= 1
                left = self._open.get(key, 1) - 1
                if left > 0:
                    self._open[key] = left
                else:
                    self._open.pop(key, None)

        return release

    @property
    def open_streams(self) -> int:
        return self._count
