"""The event bus: in-process fan-out, bounded queues that ask for a resync, and Redis across processes."""
from __future__ import annotations

import secrets
import threading
import time

import pytest

from bot.conversations.events import RESYNC, InProcessBus, LiveEvent, RedisBus, make_bus


def _event(conversation_id: str, n: int, type_: str = "message") -> LiveEvent:
    return LiveEvent(conversation_id=conversation_id, type=type_, data={"n": n}, id=n if type_ == "message" else None)


def _drain(sub, count: int, timeout: float = 5.0) -> list[LiveEvent]:
    got: list[LiveEvent] = []
    deadline = time.monotonic() + timeout
    while len(got) < count and time.monotonic() < deadline:
        event = sub.get(timeout=0.2)
        if event is not None:
            got.append(event)
    return got


def _wait_until(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


# -- in process -------------------------------------------------------------------------------
def test_events_reach_only_subscribers_of_that_conversation():
    bus = InProcessBus()
    a1, a2, b = bus.subscribe("a"), bus.subscribe("a"), bus.subscribe("b")
    bus.publish(_event("a", 1))
    bus.publish(LiveEvent("a", "typing", {"who": "agent"}))

    assert [e.id for e in _drain(a1, 2)] == [1, None]
    assert [e.type for e in _drain(a2, 2)] == ["message", "typing"]
    assert b.get(timeout=0.05) is None


def test_get_times_out_and_close_unsubscribes():
    bus = InProcessBus()
    sub = bus.subscribe("a")
    started = time.monotonic()
    assert sub.get(timeout=0.1) is None
    assert time.monotonic() - started >= 0.09
    sub.close()
    sub.close()  # idempotent
    bus.publish(_event("a", 1))
    assert sub.get(timeout=0.01) is None
    assert not bus._fanout.has("a")


def test_close_wakes_a_waiting_reader():
    bus = InProcessBus()
    sub = bus.subscribe("a")
    threading.Timer(0.1, sub.close).start()
    started = time.monotonic()
    assert sub.get(timeout=5) is None
    assert time.monotonic() - started < 2


def test_overflow_drops_the_oldest_and_asks_for_a_resync_once():
    bus = InProcessBus(max_queue=3)
    sub = bus.subscribe("a")
    for n in range(1, 8):
        bus.publish(_event("a", n))

    first = sub.get(timeout=1)
    assert first.type == RESYNC and first.data == {"dropped": 4}
    assert [e.id for e in _drain(sub, 3)] == [5, 6, 7]
    assert sub.get(timeout=0.01) is None


def test_concurrent_publishers_keep_each_ones_order():
    bus = InProcessBus()
    sub = bus.subscribe("a")

    def publish(worker: int) -> None:
        for n in range(200):
            bus.publish(LiveEvent("a", "token", {"w": worker, "n": n}))

    threads = [threading.Thread(target=publish, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = _drain(sub, 800)
    assert len(got) == 800
    for w in range(4):
        assert [e.data["n"] for e in got if e.data["w"] == w] == list(range(200))


def test_make_bus_picks_by_url_and_connects_to_nothing():
    assert isinstance(make_bus(None), InProcessBus)
    bus = make_bus("redis://127.0.0.1:1/0")  # nothing listens on port 1: construction must not care
    assert isinstance(bus, RedisBus)
    bus.close()


def test_live_event_json_round_trip():
    event = LiveEvent("c1", "message", {"text": "olá", "citations": []}, id=42)
    assert LiveEvent.from_json(event.to_json()) == event


def test_redis_down_still_delivers_in_this_process():
    bus = RedisBus("redis://127.0.0.1:1/0", ready_timeout_s=0.2)
    try:
        sub = bus.subscribe("a")
        assert sub.get(timeout=0.5).type == RESYNC  # never connected: it says so
        bus.publish(_event("a", 1))
        assert sub.get(timeout=1).id == 1
    finally:
        bus.close()


# -- redis ------------------------------------------------------------------------------------
@pytest.fixture
def redis_pair(redis_url: str):
    prefix = f"sbtest-{secrets.token_hex(4)}"
    one, two = RedisBus(redis_url, prefix=prefix), RedisBus(redis_url, prefix=prefix)
    yield one, two
    one.close()
    two.close()


def test_redis_round_trip_between_two_processes(redis_pair):
    publisher, listener = redis_pair
    here, other = listener.subscribe("conv-1"), listener.subscribe("conv-2")
    publisher.publish(LiveEvent("conv-1", "message", {"text": "hello"}, id=7))
    publisher.publish(LiveEvent("conv-1", "token", {"stream_id": "s", "text": "he"}))

    got = _drain(here, 2)
    assert got == [LiveEvent("conv-1", "message", {"text": "hello"}, id=7),
                   LiveEvent("conv-1", "token", {"stream_id": "s", "text": "he"})]
    assert other.get(timeout=0.1) is None


def test_redis_buses_with_other_prefixes_do_not_cross(redis_url: str, redis_pair):
    _, listener = redis_pair
    stranger = RedisBus(redis_url, prefix=f"sbtest-{secrets.token_hex(4)}")
    try:
        sub = listener.subscribe("conv-1")
        stranger.publish(_event("conv-1", 1))
        assert sub.get(timeout=0.3) is None
    finally:
        stranger.close()


def test_redis_listener_reconnects_and_asks_for_a_resync(redis_url: str, redis_pair):
    import redis

    publisher, listener = redis_pair
    sub = listener.subscribe("conv-1")
    admin = redis.Redis.from_url(redis_url)
    try:
        ours = [c for c in admin.client_list() if c.get("name") == listener.client_name and int(c.get("psub", 0)) > 0]
        assert ours, "the listener's pub/sub connection should be visible by name"
        for client in ours:
            admin.client_kill_filter(_id=client["id"])
        signal = sub.get(timeout=10)
        assert signal is not None and signal.type == RESYNC
        # Back in business: new events flow again.
        assert _wait_until(lambda: (publisher.publish(_event("conv-1", 2)) or True) and _got(sub, 2))
    finally:
        admin.close()


def _got(sub, event_id: int) -> bool:
    event = sub.get(timeout=0.2)
    return event is not None and event.id == event_id
