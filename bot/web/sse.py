"""Server-Sent Events framing of a conversation's live feed; no web framework in here.

A stream is: `retry:` first, then the stored messages the client missed (replayed from the store),
then live events from the bus, with a `: heartbeat` comment whenever nothing happened for a while.
Stored messages carry their id as the SSE `id`, so a reconnecting EventSource sends `Last-Event-ID`.
The store is the source of truth: a `resync` event from the bus (events were lost) or a message
event without the message in it makes the stream re-read the store after the newest id it sent.
Ids can arrive out of order (concurrent commits); the stream dedupes by id and clients sort by id.
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from bot.conversations.events import RESYNC, LiveEvent, Subscription

RETRY_MS = 1000
HEARTBEAT = ": heartbeat\n\n"
# A WSGI server that can carry a stream without a thread puts a callable under this environ key;
# the events view hands it the `EventStream` and returns an empty body (see `bot.web.loop_server`).
STREAM_HANDOFF_KEY = "supportbot.stream_handoff"
CatchUp = Callable[[int], list[dict[str, Any]]]  # serialized stored messages with id > the argument


def format_event(event: str, data: dict[str, Any], *, event_id: int | None = None) -> str:
    """One SSE event; compact JSON never contains a raw newline, so `data:` stays one line."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'), ensure_ascii=False)}\n\n"


class EventStream:
    """One stream's state and framing; iterate it (a thread per stream) or drive it from an event loop.

    Iterating it is the WSGI body: a thread blocks on the subscription. `bot.web.loop_server`
    drives the same object without a thread: `opening()`, then `replay()` and `catch_up()` (store
    reads, run on a thread pool) and `frames(event)` for each live event. `close()` (called by the
    server, even if never iterated) unsubscribes.

    Args:
        subscription: opened BEFORE anything is read from the store, so nothing falls between.
        catch_up: reads the store; called with `replay_after` first when the client asked for a replay.
        replay_after: the client's Last-Event-ID, or None for live events only.
        heartbeat_s: seconds of silence before a `: heartbeat` comment.
        stop: set it to end every stream (graceful shutdown); checked at least once a second.
        max_duration_s: end the stream after this long; the client reconnects with Last-Event-ID,
            which frees what clients that vanished without closing the connection held.
    """

    def __init__(
        self,
        subscription: Subscription,
        catch_up: CatchUp,
        *,
        replay_after: int | None,
        heartbeat_s: float,
        stop: threading.Event | None = None,
        max_duration_s: float | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        self.subscription = subscription
        self.heartbeat_s = heartbeat_s
        self.max_duration_s = max_duration_s
        self._catch_up = catch_up
        self._replay_after = replay_after
        self._stop = stop
        self._on_close = on_close
        self._closed = False
        self._newest = replay_after or 0
        self._sent: deque[int] = deque(maxlen=512)  # recent ids sent, to drop replays of the same row

    def __iter__(self) -> Iterator[str]:
        try:
            yield self.opening()
            yield from self.replay()
            yield from self._live()
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.subscription.close()
        if self._on_close is not None:
            self._on_close()

    # -- the steps, for whoever drives the stream -----------------------------------------
    def opening(self) -> str:
        """The first chunk: how long a browser waits before it reconnects."""
        return f"retry: {RETRY_MS}\n\n"

    def replay(self) -> list[str]:
        """What the client missed (Last-Event-ID); reads the store, so call it off any event loop."""
        if self._replay_after is None:
            return []
        return list(self._messages(self._catch_up(self._replay_after)))

    def catch_up(self) -> list[str]:
        """Stored messages newer than the newest one sent; reads the store."""
        return list(self._messages(self._catch_up(self._newest)))

    def frames(self, event: LiveEvent) -> list[str] | None:
        """The chunks for one live event, or None when the store must be read (`catch_up()`)."""
        if event.type == RESYNC:
            return None
        if event.type != "message":
            return [format_event(event.type, event.data)]
        if event.id is not None and event.id in self._sent:
            return []
        if event.id is not None and "text" in event.data:
            return list(self._messages([event.data]))  # in bus order, so tokens and their answer stay in order
        return None

    def should_end(self, started: float) -> bool:
        """Shutdown, the bus closed the subscription, or the stream is older than `max_duration_s`."""
        if self._stop is not None and self._stop.is_set():
            return True
        if getattr(self.subscription, "closed", False):  # the bus closed it (shutdown)
            return True
        return self.max_duration_s is not None and time.monotonic() - started >= self.max_duration_s

    # -- the threaded driver --------------------------------------------------------------
    def _messages(self, messages: list[dict[str, Any]]) -> Iterator[str]:
        for message in messages:
            message_id = int(message["id"])
            if message_id in self._sent:
                continue
            self._sent.append(message_id)
            self._newest = max(self._newest, message_id)
            yield format_event("message", message, event_id=message_id)

    def _live(self) -> Iterator[str]:
        started = last_write = time.monotonic()
        while not self.should_end(started):
            wait = max(0.0, min(1.0, self.heartbeat_s - (time.monotonic() - last_write)))
            event = self.subscription.get(timeout=wait)
            if event is None:
                if time.monotonic() - last_write >= self.heartbeat_s:
                    last_write = time.monotonic()
                    yield HEARTBEAT
                continue
            chunks = self.frames(event)
            if chunks is None:
                chunks = self.catch_up()
            if chunks:
                last_write = time.monotonic()
                yield "".join(chunks)
