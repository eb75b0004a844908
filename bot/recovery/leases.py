"""This process's leases on the turns it runs: made when a message is stored, held while its turn runs.

A turn shorter than a third of the lease never costs a renewal; a slow one (an LLM streaming for
tens of seconds) is renewed by the sweeper's renewal thread, all of the process's due turns in one UPDATE.
"""
from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.conversations.records import TurnLease


def instance_id() -> str:
    """Names this process in the database (host, pid and a random part: pids repeat after a restart)."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class _Hold:
    """A message's turns running here, and when its lease was last set (monotonic)."""

    turns: int
    since: float


class TurnLeases:
    """Hands out leases for `owner` and remembers which turns are running here (thread-safe)."""

    def __init__(self, *, owner: str, lease: timedelta, clock: Callable[[], datetime],
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.owner = owner
        self.lease = lease
        self._clock = clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        # NOTE: counted: a message can have two turns here (a take-over of a stalled one); the first to end
        # must not stop the renewals of the other.
        self._held: dict[int, _Hold] = {}

    def new(self) -> TurnLease:
        """A lease for a message about to be stored (its id is filled in by the store)."""
        return TurnLease(self.owner, self._clock() + self.lease)

    def until(self) -> datetime:
        """When a lease set or renewed now runs out."""
        return self._clock() + self.lease

    def hold(self, message_id: int) -> None:
        """A turn on `message_id` starts running here; its lease was just set."""
        now = self._monotonic()
        with self._lock:
            held = self._held.get(message_id)
            if held is None:
                self._held[message_id] = _Hold(1, now)
            else:
                held.turns += 1
                held.since = now

    def drop(self, message_id: int) -> None:
        """The turn ended (answered, handed off, failed); the sweepers settle its lease later."""
        with self._lock:
            held = self._held.get(message_id)
            if held is not None:
                held.turns -= 1
                if held.turns <= 0:
                    del self._held[message_id]

    def held(self) -> list[int]:
        with self._lock:
            return sorted(self._held)

    def due(self) -> list[int]:
        """Turns whose lease was last set a third of its length ago or more: renew them now."""
        threshold = self._monotonic() - self.lease.total_seconds() / 3
        with self._lock:
            return sorted(mid for mid, held in self._held.items() if held.since <= threshold)

    def renewed(self, message_ids: list[int]) -> None:
        now = self._monotonic()
        with self._lock:
            for mid in message_ids:
                if mid in self._held:
                    self._held[mid].since = now
