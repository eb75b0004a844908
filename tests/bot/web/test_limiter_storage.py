"""The in-memory rate-limit storage: fixed windows per key, expired counters forgotten."""
from __future__ import annotations

from limits import parse
from limits.strategies import FixedWindowRateLimiter

from bot.web.limiter_storage import SweptMemoryStorage


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_counts_hits_per_key_until_it_ends() -> None:
    clock = FakeClock()
    storage = SweptMemoryStorage(clock=clock)
    assert [storage.incr("a", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.incr("b", 120, amount=2) == 2 and storage.get("a") == 3
    assert storage.get_expiry("a") == 1_060.0
    clock.now += 60
    assert storage.get("a") == 0 and storage.incr("a", 60) == 1  # a new window
    storage.clear("a")
    assert storage.get("a") == 0 and storage.reset() == 1  # only "b" was left


def test_expired_counters_are_swept_and_the_limiter_refuses_over_the_limit() -> None:
    clock = FakeClock()
    storage = SweptMemoryStorage(clock=clock)
    limiter, limit = FixedWindowRateLimiter(storage), parse("2 per minute")
    assert limiter.hit(limit, "ip") and limiter.hit(limit, "ip") and not limiter.hit(limit, "ip")
    clock.now += 61
    assert limiter.hit(limit, "other")  # sweeps: the expired "ip" counter is dropped
    assert storage.reset() == 1
    assert limiter.hit(limit, "ip")
