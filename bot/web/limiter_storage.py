"""Rate-limit counters in process memory, for `flask-limiter` when no Redis is configured.

NOTE: `limits`' own `MemoryStorage` starts a `threading.Timer` whenever the last one finished, i.e.
on nearly every request under load; starting a thread waits until it is scheduled, which cost
milliseconds per request on a busy 2-core machine. This storage implements `limits`' public
`Storage` interface for fixed windows (the limiter's default strategy) and sweeps expired counters
inline, at most once a second; reads already ignore expired counters, so a rare sweep only delays
freeing memory. Defining the class registers its scheme with `limits`, so the limiter finds it by
`MEMORY_URI`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from limits.storage import Storage

SCHEME = "supportbot-memory"
MEMORY_URI = f"{SCHEME}://"


class SweptMemoryStorage(Storage):
    """Fixed-window counters in a dict; registered with `limits` as `supportbot-memory://`."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, *,
                 clock: Callable[[], float] = time.time, **options: float | str | bool) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._clock = clock
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._expiries: dict[str, float] = {}
        self._next_sweep = 0.0

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return ValueError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Count `amount` hits on `key`; a key's window starts with its first hit and lasts `expiry` s."""
        now = self._clock()
        with self._lock:
            self._sweep(now)
            if self._expiries.get(key, 0.0) <= now:
                self._counts[key] = 0
                self._expiries[key] = now + expiry
            self._counts[key] += amount
            return self._counts[key]

    def get(self, key: str) -> int:
        """Hits on `key` in its current window (0 once the window has passed)."""
        with self._lock:
            return self._counts.get(key, 0) if self._expiries.get(key, 0.0) > self._clock() else 0

    def get_expiry(self, key: str) -> float:
        """When `key`'s window ends (now when it has none)."""
        return self._expiries.get(key, self._clock())

    def check(self) -> bool:
        return True

    def reset(self) -> int | None:
        """Forget every counter; returns how many there were."""
        with self._lock:
            count = len(self._counts)
            self._counts.clear()
            self._expiries.clear()
            return count

    def clear(self, key: str) -> None:
        with self._lock:
            self._counts.pop(key, None)
            self._expiries.pop(key, None)

    def _sweep(self, now: float) -> None:
        """Drop expired counters, at most once a second (the caller holds the lock)."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + 1.0
        for key in [k for k, end in self._expiries.items() if end <= now]:
            del self._counts[key], self._expiries[key]
