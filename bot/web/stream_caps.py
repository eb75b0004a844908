"""How many event streams may be open at once: in all, per client address, per conversation.

An open stream costs memory and a socket however it is served; without caps one client (or one
page reloaded in a loop) could hold them all. The view asks before it subscribes and releases
when the stream closes, from whichever thread or event loop that happens on.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass


class StreamRefused(Exception):
    """A cap is reached; `scope` says which (`total`, `address`, `conversation`)."""

    def __init__(self, scope: str) -> None:
        super().__init__(f"too many open event streams ({scope})")
        self.scope = scope


@dataclass(frozen=True)
class StreamLimits:
    """The caps; 0 means no cap of that kind."""

    total: int = 20_000
    per_address: int = 200  # NOTE: many customers can share one address (office NAT, mobile CGNAT)
    per_conversation: int = 5  # a few tabs of the same chat


class StreamCaps:
    """Thread-safe counters of open streams; `acquire` returns the function that gives the slot back."""

    def __init__(self, limits: StreamLimits | None = None) -> None:
        self.limits = limits or StreamLimits()
        self._lock = threading.Lock()
        self._total = 0
        self._by_address: Counter[str] = Counter()
        self._by_conversation: Counter[str] = Counter()

    @property
    def open(self) -> int:
        return self._total

    def acquire(self, address: str, conversation_id: str) -> Callable[[], None]:
        """Take a slot or raise `StreamRefused`; the returned release is idempotent."""
        limits = self.limits
        with self._lock:
            if limits.total and self._total >= limits.total:
                raise StreamRefused("total")
            if limits.per_address and self._by_address[address] >= limits.per_address:
                raise StreamRefused("address")
            if limits.per_conversation and self._by_conversation[conversation_id] >= limits.per_conversation:
                raise StreamRefused("conversation")
            self._total += 1
            self._by_address[address] += 1
            self._by_conversation[conversation_id] += 1
        released = False

        def release() -> None:
            nonlocal released
            with self._lock:
                if released:
                    return
                released = True
                self._total -= 1
                _decrement(self._by_address, address)
                _decrement(self._by_conversation, conversation_id)

        return release


def _decrement(counts: Counter[str], key: str) -> None:
    counts[key] -= 1
    if counts[key] <= 0:
        del counts[key]  # NOTE: keeps the counters as small as the set of open streams
