"""The events stream: framing, live delivery, Last-Event-ID replay, resync, heartbeats, clean close."""
from __future__ import annotations

import threading
import time

from flask.testing import FlaskClient

from bot.conversations.events import RESYNC, InProcessBus, LiveEvent
from bot.web.serialization import message_to_dict
from bot.web.sse import EventStream
from web.fakes import FakeBotService
from web.support import build_app, read_events


def _messages(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("event") == "message"]


def test_stream_starts_with_retry_and_needs_a_token(client: FlaskClient, start) -> None:
    cid, auth = start()
    assert client.get(f"/api/conversations/{cid}/events").status_code == 401
    response = client.get(f"/api/conversations/{cid}/events", headers=auth, buffered=False)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache" and response.headers["X-Accel-Buffering"] == "no"
    events = read_events(response, until=lambda ev: len(ev) >= 1)
    assert events[0] == {"retry": "1000"}


def test_live_tokens_then_the_stored_answer_with_message_ids(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    token = auth["Authorization"].split()[1]
    response = client.get(f"/api/conversations/{cid}/events?token={token}", buffered=False)
    threading.Timer(0.1, lambda: bot.post_customer_message(cid, "shipping time?")).start()
    events = read_events(response, until=lambda ev: len(_messages(ev)) >= 2)
    kinds = [e.get("event") for e in events[1:]]
    assert kinds == ["message", "token", "token", "message"]
    customer, answer = _messages(events)
    assert customer["data"]["role"] == "customer" and int(customer["id"]) == customer["data"]["id"]
    assert answer["data"]["meta"]["stream_id"] == "s1" and int(answer["id"]) > int(customer["id"])
    tokens = [e for e in events if e.get("event") == "token"]
    assert all("id" not in e for e in tokens)
    assert "".join(e["data"]["text"] for e in tokens) == answer["data"]["text"]


def test_last_event_id_replays_exactly_what_was_missed(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    bot.post_customer_message(cid, "first")  # ids 1 (customer), 2 (bot)
    bot.post_customer_message(cid, "second")  # ids 3, 4
    response = client.get(f"/api/conversations/{cid}/events", headers={**auth, "Last-Event-ID": "2"}, buffered=False)
    events = read_events(response, until=lambda ev: len(_messages(ev)) >= 2)
    assert [int(e["id"]) for e in _messages(events)] == [3, 4]
    assert _messages(events)[0]["data"]["text"] == "second"


def test_query_last_event_id_zero_replays_everything(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    bot.post_customer_message(cid, "first")
    response = client.get(f"/api/conversations/{cid}/events?last_event_id=0", headers=auth, buffered=False)
    events = read_events(response, until=lambda ev: len(_messages(ev)) >= 2)
    assert [e["data"]["role"] for e in _messages(events)] == ["customer", "bot"]


def test_replay_and_live_events_do_not_overlap_or_leave_gaps(client: FlaskClient, start, bot: FakeBotService) -> None:
    cid, auth = start()
    bot.post_customer_message(cid, "before")  # 1, 2
    response = client.get(f"/api/conversations/{cid}/events", headers={**auth, "Last-Event-ID": "1"}, buffered=False)
    threading.Timer(0.1, lambda: bot.post_customer_message(cid, "during")).start()  # 3, 4
    events = read_events(response, until=lambda ev: len(_messages(ev)) >= 3)
    assert [int(e["id"]) for e in _messages(events)] == [2, 3, 4]


def test_a_lost_event_is_recovered_from_the_store_on_resync(bot: FakeBotService) -> None:
    cid = bot.start_conversation()[0].id
    subscription = bot.subscribe(cid)
    stream = EventStream(subscription, lambda after: [message_to_dict(m) for m in bot.messages(cid, after=after)],
                         replay_after=None, heartbeat_s=5)
    chunks = iter(stream)
    assert next(chunks).startswith("retry:")
    bot.store.publish_silently(cid, text="sent while the bus was down")
    bot.bus.publish(LiveEvent(cid, RESYNC, {}))
    assert "sent while the bus was down" in next(chunks)
    stream.close()
    assert subscription.closed


def test_heartbeats_while_idle() -> None:
    bus = InProcessBus()
    stream = EventStream(bus.subscribe("c"), lambda after: [], replay_after=None, heartbeat_s=0.05)
    chunks = iter(stream)
    next(chunks)
    started = time.monotonic()
    assert next(chunks) == ": heartbeat\n\n"
    assert next(chunks) == ": heartbeat\n\n"
    assert time.monotonic() - started < 2
    stream.close()


def test_stream_ends_on_stop_and_when_the_bus_closes() -> None:
    bus = InProcessBus()
    stop = threading.Event()
    stream = EventStream(bus.subscribe("c"), lambda after: [], replay_after=None, heartbeat_s=60, stop=stop)
    threading.Timer(0.1, stop.set).start()
    assert list(stream) == ["retry: 1000\n\n"]
    other = EventStream(bus.subscribe("c"), lambda after: [], replay_after=None, heartbeat_s=60)
    threading.Timer(0.1, bus.close).start()
    assert list(other) == ["retry: 1000\n\n"]


def test_a_stream_closed_before_it_started_still_unsubscribes_and_updates_the_gauge(bot: FakeBotService) -> None:
    app = build_app(bot)
    client = app.test_client()
    cid, auth = _start(client)
    gauge = app.extensions["test_metrics"].sse_streams
    response = client.get(f"/api/conversations/{cid}/events", headers=auth, buffered=False)
    assert gauge._value.get() == 1
    response.close()  # the client went away before a byte was sent
    assert gauge._value.get() == 0
    assert not bot.bus._fanout.has(cid)


def test_max_duration_ends_the_stream_so_clients_reconnect(bot: FakeBotService) -> None:
    client = build_app(bot, max_stream_s=0.2, heartbeat_s=0.05).test_client()
    cid, auth = _start(client)
    response = client.get(f"/api/conversations/{cid}/events", headers=auth, buffered=False)
    started = time.monotonic()
    events = read_events(response, until=lambda ev: False)
    assert time.monotonic() - started < 3
    assert events[0] == {"retry": "1000"} and any(e.get("comment") == "heartbeat" for e in events)


def _start(client: FlaskClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").get_json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


