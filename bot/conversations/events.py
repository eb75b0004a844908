"""Live events that wake up open streams: in-process by default, Redis pub/sub across processes.

The store is the source of truth. An event only says "something happened"; a subscriber that
missed events (its queue overflowed, or Redis reconnected) gets a `resync` event and catches up
with `store.messages(conversation_id, after=last_id)`.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

RESYNC = "resync"  # a synthetic event type: events were lost, read the store from your last id
DEFAULT_MAX_QUEUE = 1000


@dataclass(frozen=True)
class LiveEvent:
    """One thing to push to a conversation's open streams."""

    conversation_id: str
    type: str  # "message" | "token" | "typing" | "resync" (synthetic, see module docstring)
    data: dict[str, Any] = field(default_factory=dict)
    id: int | None = None  # the message id for "message" events (the SSE id); None otherwise

    def to_json(self) -> str:
        return json.dumps({"c": self.conversation_id, "t": self.type, "d": self.data, "i": self.id})

    @classmethod
    def from_json(cls, raw: str | bytes) -> LiveEvent:
        obj = json.loads(raw)
        return cls(conversation_id=obj["c"], type=obj["t"], data=obj.get("d") or {}, id=obj.get("i"))


class Subscription(Protocol):
    """A conversation's feed for one open stream."""

    def get(self, timeout: float) -> LiveEvent | None:
        """The next event, or None after `timeout` seconds without one."""

    def close(self) -> None:
        """Stop receiving; idempotent."""

    def set_waker(self, waker: Callable[[], None]) -> None:
        """Have `waker` called when there is something to `get` (an event loop reads with `get(0)`)."""


class EventBus(Protocol):
    """Publish to and subscribe to a conversation's live events."""

    def publish(self, event: LiveEvent) -> None: ...

    def subscribe(self, conversation_id: str) -> Subscription: ...

    def close(self) -> None: ...


class QueueSubscription:
    """A bounded queue: when full it drops the oldest event and hands out one `resync` next.

    A thread blocks in `get(timeout)`; an event loop instead registers a waker (`set_waker`) and
    reads with `get(0)` when woken, so an open stream holds no thread.
    """

    def __init__(self, conversation_id: str, *, max_queue: int, on_close: Any = None) -> None:
        self.conversation_id = conversation_id
        self.dropped = 0  # total events lost to overflow, for metrics and tests
        self._queue: deque[LiveEvent] = deque()
        self._max = max(1, max_queue)
        self._gap = False
        self._closed = False
        self._cond = threading.Condition()
        self._on_close = on_close
        self._waker: Callable[[], None] | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    def put(self, event: LiveEvent) -> None:
        with self._cond:
            if self._closed:
                return
            if len(self._queue) >= self._max:
                self._queue.popleft()
                self.dropped += 1
                self._gap = True
            self._queue.append(event)
            self._cond.notify()
            waker = self._waker
        if waker is not None:
            waker()

    def mark_gap(self) -> None:
        """Events may have been lost upstream (e.g. a Redis reconnect): ask for a catch-up."""
        with self._cond:
            self._gap = True
            self._cond.notify()
            waker = self._waker
        if waker is not None:
            waker()

    def set_waker(self, waker: Callable[[], None]) -> None:
        """Call `waker` (from the publishing thread) whenever there is something to `get`, or on close.

        It is called at once if something is already waiting, so nothing published before is missed.
        """
        with self._cond:
            self._waker = waker
            pending = self._closed or self._gap or bool(self._queue)
        if pending:
            waker()

    def get(self, timeout: float) -> LiveEvent | None:
        deadline = time.monotonic() + max(0.0, timeout)
        with self._cond:
            while not self._closed:
                if self._gap:
                    self._gap = False
                    return LiveEvent(self.conversation_id, RESYNC, {"dropped": self.dropped})
                if self._queue:
                    return self._queue.popleft()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)
            return None

    def close(self) -> None:
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
            waker, self._waker = self._waker, None
        if waker is not None:
            waker()
        if self._on_close is not None:
            self._on_close(self)


class _Fanout:
    """Per-conversation sets of local subscriptions; thread-safe."""

    def __init__(self, max_queue: int) -> None:
        self._max_queue = max_queue
        self._lock = threading.Lock()
        self._subs: dict[str, set[QueueSubscription]] = {}

    def add(self, conversation_id: str) -> QueueSubscription:
        sub = QueueSubscription(conversation_id, max_queue=self._max_queue, on_close=self._remove)
        with self._lock:
            self._subs.setdefault(conversation_id, set()).add(sub)
        return sub

    def _remove(self, sub: QueueSubscription) -> None:
        with self._lock:
            subs = self._subs.get(sub.conversation_id)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subs[sub.conversation_id]

    def has(self, conversation_id: str) -> bool:
        with self._lock:
            return conversation_id in self._subs

    def deliver(self, event: LiveEvent) -> None:
        with self._lock:
            targets = list(self._subs.get(event.conversation_id, ()))
        for sub in targets:
            sub.put(event)

    def mark_gap_all(self) -> None:
        with self._lock:
            targets = [s for subs in self._subs.values() for s in subs]
        for sub in targets:
            sub.mark_gap()

    def close_all(self) -> None:
        with self._lock:
            targets = [s for subs in self._subs.values() for s in subs]
        for sub in targets:
            sub.close()


class InProcessBus:
    """Fan-out inside one process: the embedded default (one server process, many threads)."""

    def __init__(self, *, max_queue: int = DEFAULT_MAX_QUEUE) -> None:
        self._fanout = _Fanout(max_queue)

    def publish(self, event: LiveEvent) -> None:
        self._fanout.deliver(event)

    def subscribe(self, conversation_id: str) -> QueueSubscription:
        return self._fanout.add(conversation_id)

    def close(self) -> None:
        self._fanout.close_all()


class RedisBus:
    """Fan-out across processes over Redis pub/sub; one listener thread per bus, started lazily."""

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "supportbot",
        max_queue: int = DEFAULT_MAX_QUEUE,
        ready_timeout_s: float = 5.0,
    ) -> None:
        try:
            import redis
        except ModuleNotFoundError as exc:  # an extra: the default in-process bus never loads it
            raise ModuleNotFoundError(
                "REDIS_URL is set but the redis package is not installed; "
                "install the extra: pip install -c constraints.txt -e '.[redis]'", name=exc.name,
            ) from exc

        self._prefix = prefix
        self._channel_prefix = f"{prefix}:conv:"
        # from_url only builds a pool; nothing connects until the first command.
        self._client = redis.Redis.from_url(
            url, socket_keepalive=True, health_check_interval=30, client_name=self.client_name
        )
        self._fanout = _Fanout(max_queue)
        self._ready_timeout_s = ready_timeout_s
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def client_name(self) -> str:
        """The name its Redis connections carry (CLIENT LIST), so operators can tell them apart."""
        return "".join(ch if ch.isalnum() or ch in "-_:." else "_" for ch in self._prefix) + "-bus"

    def channel(self, conversation_id: str) -> str:
        return self._channel_prefix + conversation_id

    def publish(self, event: LiveEvent) -> None:
        """Send to every process; if Redis is down, at least this process's streams get it."""
        try:
            self._client.publish(self.channel(event.conversation_id), event.to_json())
        except Exception as exc:
            log.warning("redis publish failed (%s); delivering locally only", exc)
            self._fanout.deliver(event)

    def subscribe(self, conversation_id: str) -> QueueSubscription:
        sub = self._fanout.add(conversation_id)
        self._ensure_listener()
        if not self._ready.wait(self._ready_timeout_s):
            log.warning("redis listener not ready after %.1fs; the stream will resync later", self._ready_timeout_s)
            sub.mark_gap()
        return sub

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)
        self._fanout.close_all()
        self._client.close()

    def _ensure_listener(self) -> None:
        with self._start_lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(
                    target=self._listen_forever, name=f"{self._prefix}-redis-bus", daemon=True)
                self._thread.start()

    def _listen_forever(self) -> None:
        backoff = 0.1
        first = True
        while not self._stop.is_set():
            try:
                self._listen_once(resync=not first)
            except Exception as exc:
                if self._ready.is_set():  # it had worked: retry soon
                    backoff = 0.1
                log.warning("redis bus listener error (%s); reconnecting in %.1fs", exc, backoff)
            finally:
                self._ready.clear()
                first = False
            self._stop.wait(backoff)
            backoff = min(backoff * 2, 5.0)

    def _listen_once(self, *, resync: bool) -> None:
        pubsub = self._client.pubsub()
        try:
            pubsub.psubscribe(self._channel_prefix + "*")
            while not self._stop.is_set():
                message = pubsub.get_message(timeout=0.5)
                if message is None:
                    continue
                if message["type"] == "psubscribe":
                    self._ready.set()
                    if resync:  # events published while we were away are lost: streams re-read the store
                        self._fanout.mark_gap_all()
                        resync = False
                elif message["type"] == "pmessage":
                    self._dispatch(message["channel"], message["data"])
        finally:
            pubsub.close()

    def _dispatch(self, channel: bytes | str, data: bytes | str) -> None:
        name = channel.decode() if isinstance(channel, bytes) else channel
        conversation_id = name[len(self._channel_prefix):]
        if not self._fanout.has(conversation_id):  # NOTE: cheap skip; most traffic is for other processes
            return
        try:
            event = LiveEvent.from_json(data)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring malformed event on %s: %s", name, exc)
            return
        self._fanout.deliver(event)


def make_bus(redis_url: str | None) -> EventBus:
    """Redis pub/sub when `REDIS_URL` is set, otherwise in-process fan-out."""
    return RedisBus(redis_url) if redis_url else InProcessBus()
