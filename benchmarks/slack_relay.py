"""Slack relay figures: (a) agent reply -> customer's open stream latency; (b) 1,000 messages each way under faults.

(a) Budget: p95 under 100 ms on loopback. A signed Events API request goes over HTTP to the Flask app
    (werkzeug on 127.0.0.1), through Bolt, the handoff service and the store, and is timed until the
    message arrives on the customer's bus subscription (what the SSE stream reads).
(b) 1,000 customer messages into Slack threads through the outbox while the fake Slack answers 429s,
    500s, time-outs and connection resets, with the worker stopped mid-run, a crashed worker's lease left
    behind and two fresh workers taking over; and 1,000 agent replies from Slack with duplicate
    deliveries (same event_id with X-Slack-Retry-Num, same (channel, ts) with a new event_id) and a
    server restart in the middle. Checks: every message exactly once, in order per conversation.

    python benchmarks/slack_relay.py [--replies 300] [--conversations 20] [--per-conversation 50]
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test python benchmarks/slack_relay.py
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import slack_world as w
from sqlalchemy import update

from bot.conversations.records import Role, State
from handoff.database import make_sessionmaker
from handoff.models import OutboxRow


def _db_url(tmp: str, name: str) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp) / f'slack_bench_{name}.sqlite3'}"


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.01)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- (a) latency ------------------------------------------------------------------------------------
def latency(db_url: str, replies: int) -> dict[str, float]:
    with w.database(db_url) as engine:
        return _latency(engine, replies)


def _latency(engine, replies: int) -> dict[str, float]:
    fake = w.fake_slack()
    store = w.store_for(engine)
    outbox = w.outbox_for(engine, fake)
    outbox.start()
    server = w.serve(store, engine, fake, outbox)
    try:
        desk = w.desk_for(store, engine, outbox)
        conversation = w.open_handoff(store, desk)
        threads = desk._threads
        _wait(lambda: (threads.get(conversation.id) or None) and threads.get(conversation.id).thread_ts, 10, "the card")
        thread_ts = threads.get(conversation.id).thread_ts
        server.service.claim(conversation.id, "UAGENT")
        subscription = store._bus.subscribe(conversation.id)
        arrived: dict[str, float] = {}
        done = threading.Event()

        def listen() -> None:  # the customer's open stream: notes when each message arrives
            while not done.is_set():
                event = subscription.get(timeout=0.2)
                if event is not None and event.type == "message":
                    arrived[event.data.get("text", "")] = time.perf_counter()

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        timings = []
        for i in range(replies + 20):
            text = f"reply number {i}"
            started = time.perf_counter()
            # NOTE: Slack's HTTP response comes after the listener finished; the stream may see it sooner.
            w.post_event(server.url, w.reply_event(thread_ts, text, f"1900000000.{i:06d}"), event_id=f"EvL{i}")
            _wait(lambda text=text: text in arrived, 5, f"reply {i} on the stream")
            if i >= 20:  # warm-up excluded
                timings.append((arrived[text] - started) * 1000)
        done.set()
        listener.join()
        subscription.close()
    finally:
        server.stop()
        outbox.stop()
        fake.stop()
    return {"replies": len(timings), "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(_percentile(timings, 0.95), 2), "max_ms": round(max(timings), 2)}


# -- (b) exactly once, in order, under faults --------------------------------------------------------
def _inject_faults(fake, stop: threading.Event, counts: dict[str, int], client_timeout: float) -> None:
    """About one call in three misbehaves: a fault is armed after every two calls that reached the fake."""
    rng = random.Random(7)
    last = 0
    while not stop.wait(0.005):
        seen = len(fake.calls(outcome=None))
        if fake.pending_faults() or seen - last < 2:
            continue
        kind = rng.choice(["429", "500", "500", "reset", "timeout", "error:internal_error"])
        fake.fail_next(1, kind, retry_after=0.1, delay=client_timeout + 0.2)
        counts[kind] += 1
        last = seen


def outbound(db_url: str, conversations: int, per_conversation: int) -> dict[str, object]:
    """Customer -> Slack: the outbox under faults, a stopped worker, a crashed lease, two new workers."""
    with w.database(db_url) as engine:
        return _outbound(engine, conversations, per_conversation)


def _outbound(engine, conversations: int, per_conversation: int) -> dict[str, object]:
    fake = w.fake_slack()
    store = w.store_for(engine)
    client_timeout = 0.5
    first = w.outbox_for(engine, fake, timeout=client_timeout)
    desk = w.desk_for(store, engine, first)
    convs = [w.open_handoff(store, desk, n) for n in range(conversations)]
    faults: dict[str, int] = defaultdict(int)
    stop_faults = threading.Event()
    injector = threading.Thread(target=_inject_faults, args=(fake, stop_faults, faults, client_timeout), daemon=True)
    started = time.perf_counter()
    first.start()
    injector.start()
    for i in range(per_conversation):
        for c in convs:
            message = store.add_message(c.id, role=Role.CUSTOMER, text=f"msg {c.id} {i}")
            desk.customer_message(store.get(c.id), message)
        if i == per_conversation // 3:
            first.stop()  # "restart": the worker goes away mid-run; rows stay in the table
            _plant_crashed_lease(engine)
    second = w.outbox_for(engine, fake, timeout=client_timeout)
    third = w.outbox_for(engine, fake, timeout=client_timeout)
    second.start()
    third.start()
    _wait(lambda: second.pending_count() == 0, 600, "the outbox to drain")
    elapsed = time.perf_counter() - started
    stop_faults.set()
    second.stop()
    third.stop()
    failed = len(second.items(status="failed"))
    posts = fake.posts()
    delivered, exact, ordered = 0, True, True
    for c in convs:
        texts = [p.body["text"] for p in posts if p.body["text"].startswith(f"*Customer:* msg {c.id} ")]
        expected = [f"*Customer:* msg {c.id} {i}" for i in range(per_conversation)]
        delivered += len(texts)
        exact &= sorted(texts) == sorted(expected) and len(set(texts)) == len(texts)
        ordered &= texts == expected
    calls = fake.calls(outcome=None)
    fake.stop()
    return {"sent": conversations * per_conversation, "delivered": delivered, "exactly_once": exact,
            "in_order": ordered, "failed_rows": failed, "slack_calls": len(calls),
            "faults": dict(faults), "seconds": round(elapsed, 2)}


def _plant_crashed_lease(engine) -> None:
    """A worker 'died' holding the oldest pending row: nothing behind it may pass until its lease expires."""
    until = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=1)
    with make_sessionmaker(engine).begin() as s:
        row = s.query(OutboxRow).filter(OutboxRow.status == "pending").order_by(OutboxRow.id).first()
        if row is not None:
            s.execute(update(OutboxRow).where(OutboxRow.id == row.id).values(locked_by="crashed", locked_until=until))


def inbound(db_url: str, conversations: int, per_conversation: int) -> dict[str, object]:
    """Slack -> customer: signed deliveries with duplicates, across a server restart."""
    with w.database(db_url) as engine:
        return _inbound(engine, conversations, per_conversation)


def _inbound(engine, conversations: int, per_conversation: int) -> dict[str, object]:
    fake = w.fake_slack()
    store = w.store_for(engine)
    outbox = w.outbox_for(engine, fake)
    outbox.start()
    desk = w.desk_for(store, engine, outbox)
    convs = [w.open_handoff(store, desk, n) for n in range(conversations)]
    threads = desk._threads
    _wait(lambda: all(threads.get(c.id).thread_ts for c in convs), 60, "the cards")
    parents = {c.id: threads.get(c.id).thread_ts for c in convs}
    stats: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    rng = random.Random(11)

    def send(server: w.Server, cid: str, i: int) -> None:
        ts = f"1950000000.{convs.index(next(c for c in convs if c.id == cid)):03d}{i:03d}"
        event = w.reply_event(parents[cid], f"agent {cid} {i}", ts)
        w.post_event(server.url, event, event_id=f"Ev-{cid}-{i}")
        with lock:
            roll = rng.random()
            stats["deliveries"] += 1
            stats["retries_same_event_id"] += roll < 0.10
            stats["same_ts_new_event_id"] += 0.10 <= roll < 0.15
        if roll < 0.10:
            w.post_event(server.url, event, event_id=f"Ev-{cid}-{i}", retry_num=1)
        elif roll < 0.15:
            w.post_event(server.url, event, event_id=f"Ev-{cid}-{i}-again")

    def phase(server: w.Server, start: int, end: int) -> None:
        def worker(cid: str) -> None:
            for i in range(start, end):
                send(server, cid, i)

        pool = [threading.Thread(target=worker, args=(c.id,)) for c in convs]
        for t in pool:
            t.start()
        for t in pool:
            t.join()

    started = time.perf_counter()
    half = per_conversation // 2
    server = w.serve(store, engine, fake, outbox)
    phase(server, 0, half)
    server.stop()  # restart: a new process with fresh objects, same database
    server = w.serve(store, engine, fake, outbox)
    for c in convs:  # Slack retrying deliveries the old process had answered late
        for i in range(max(0, half - 3), half):
            w.post_event(server.url, w.reply_event(parents[c.id], f"agent {c.id} {i}",
                                                   f"1950000000.{convs.index(c):03d}{i:03d}"),
                         event_id=f"Ev-{c.id}-{i}", retry_num=2)
            stats["retries_after_restart"] += 1
    phase(server, half, per_conversation)
    elapsed = time.perf_counter() - started
    server.stop()
    outbox.stop()
    received, exact, ordered = 0, True, True
    for c in convs:
        texts = [m.text for m in store.messages(c.id) if m.role is Role.AGENT]
        expected = [f"agent {c.id} {i}" for i in range(per_conversation)]
        received += len(texts)
        exact &= sorted(texts) == sorted(expected) and len(set(texts)) == len(texts)
        ordered &= texts == expected
        assert store.get(c.id).state in (State.AGENT,)
    fake.stop()
    return {"sent": conversations * per_conversation, "received": received, "exactly_once": exact,
            "in_order": ordered, **dict(stats), "seconds": round(elapsed, 2)}


def main() -> None:
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("slack_sdk").setLevel(logging.CRITICAL)  # our own lines say what failed
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=300)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--per-conversation", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        backend = "postgres" if os.environ.get("DATABASE_URL") else "sqlite"
        a = latency(_db_url(tmp, "a"), args.replies)
        print(f"(a) agent reply -> customer stream [{backend}]: p50 {a['p50_ms']} ms, p95 {a['p95_ms']} ms, "
              f"max {a['max_ms']} ms over {a['replies']} replies (budget p95 < 100 ms)")
        out = outbound(_db_url(tmp, "b"), args.conversations, args.per_conversation)
        print(f"(b) customer -> Slack: {out['delivered']}/{out['sent']} delivered, exactly once {out['exactly_once']}, "
              f"in order {out['in_order']}, failed rows {out['failed_rows']}, {out['slack_calls']} Slack calls, "
              f"faults {out['faults']}, {out['seconds']} s")
        inn = inbound(_db_url(tmp, "c"), args.conversations, args.per_conversation)
        print(f"(b) Slack -> customer: {inn['received']}/{inn['sent']} relayed, exactly once {inn['exactly_once']}, "
              f"in order {inn['in_order']}, deliveries {inn}, {inn['seconds']} s")
        ok = (a["p95_ms"] < 100 and out["exactly_once"] and out["in_order"] and not out["failed_rows"]
              and inn["exactly_once"] and inn["in_order"])
        print(json.dumps({"benchmark": "slack_relay", "backend": backend, "latency": a, "outbound": out,
                          "inbound": inn, "ok": ok}))


if __name__ == "__main__":
    main()
