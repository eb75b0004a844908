"""Protects the human desk from floods: handoffs per client address and in total per minute.

A handoff past either cap does not reach Slack: the customer is told nobody is free right now and
asked for an email instead, so one address (or a botnet) cannot bury real customers' cards. Counts
live in this process (each instance guards its own share); the client address of a conversation is
noted at the web edge, after its token was checked.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from bot.policy import DeskPolicy

_WINDOW_S = 60.0
_MAX_SOURCES = 100_000  # conversations whose address is remembered (oldest forgotten first)


class HandoffBudget:
    """Sliding one-minute windows: per client address and for the whole instance."""

    def __init__(self, policy: DeskPolicy, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._policy = policy
        self._clock = clock
        self._lock = threading.Lock()
        self._sources: OrderedDict[str, str] = OrderedDict()  # conversation id -> client address
        self._per_source: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def note_source(self, conversation_id: str, address: str | None) -> None:
        """Remember which address speaks for a conversation (called by the web edge)."""
        if not address:
            return
        with self._lock:
            self._sources[conversation_id] = address
            self._sources.move_to_end(conversation_id)
            while len(self._sources) > _MAX_SOURCES:
                self._sources.popitem(last=False)

    def admit(self, conversation_id: str) -> bool:
        """Take one handoff from the budget; False when the address or the instance is over its cap."""
        now = self._clock()
        with self._lock:
            key = self._sources.get(conversation_id, f"conversation:{conversation_id}")
            mine = self._per_source.setdefault(key, deque())
            for window in (mine, self._all):
                while window and now - window[0] >= _WINDOW_S:
                    window.popleft()
            if len(mine) >= self._policy.handoffs_per_address_per_minute:
                return False
            if len(self._all) >= self._policy.handoffs_per_minute:
                return False
            mine.append(now)
            self._all.append(now)
            if len(self._per_source) > _MAX_SOURCES:
                self._per_source = {k: v for k, v in self._per_source.items() if v}
            return True
