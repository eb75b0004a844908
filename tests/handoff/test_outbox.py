"""The outbox against the fake Slack: order, pacing, 429/5xx/time-outs, failures, several workers, restarts."""
from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from fake_slack import FakeSlack
from slack_helpers import CHANNEL
from slack_sdk import WebClient
from sqlalchemy import Engine, update

from handoff.database import make_sessionmaker
from handoff.models import OutboxRow, SlackThread
from handoff.outbox import POST, Outbox, OutboxPolicy

FAST = OutboxPolicy(per_channel_per_s=200, base_backoff_s=0.02, max_backoff_s=0.1, poll_s=0.01, max_attempts=5)


def _thread(sessions, conversation_id: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    with sessions.begin() as s:
        s.add(SlackThread(conversation_id=conversation_id, channel=CHANNEL, reason="customer_request", summary="",
                          sources=[], requested_at=now, last_activity_at=now, mirrored_through=0, card_version=0,
                          created_at=now))


def _queue(outbox: Outbox, key: str, n: int) -> None:
    outbox.enqueue(
        channel=CHANNEL, thread_key=key, method=POST, kind="card", payload={"channel": CHANNEL, "text": f"card {key}"}
    )
    for i in range(n):
        outbox.enqueue(
            channel=CHANNEL,
            thread_key=key,
            method=POST,
            kind="reply",
            payload={"channel": CHANNEL, "text": f"{key} {i}"},
        )


def _texts(fake: FakeSlack, key: str) -> list[str]:
    return [r.body["text"] for r in fake.posts() if r.body["text"].startswith(key + " ")]


def _drain(outbox: Outbox, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while outbox.pending_count():
        outbox.run_once()
        assert time.monotonic() < deadline, "outbox did not drain"
        time.sleep(0.01)


@pytest.fixture
def sessions(engine: Engine):
    return make_sessionmaker(engine)


def test_thread_replies_follow_their_card_with_its_ts(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    _queue(outbox, "c1", 3)
    _drain(outbox)
    card, *replies = fake_slack.posts()
    assert "thread_ts" not in card.body
    assert [r.body["thread_ts"] for r in replies] == [card.result["ts"]] * 3
    assert _texts(fake_slack, "c1") == ["c1 0", "c1 1", "c1 2"]
    with sessions() as s:
        assert s.get(SlackThread, 1).thread_ts == card.result["ts"]


def test_outage_delays_and_keeps_order(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    for key in ("a", "b"):
        _thread(sessions, key)
    outbox = Outbox(sessions, web_client, policy=FAST)
    fake_slack.fail_next(3, "500")
    fake_slack.fail_next(2, "reset")
    fake_slack.fail_next(1, "error:internal_error")
    _queue(outbox, "a", 4)
    _queue(outbox, "b", 4)
    _drain(outbox)
    assert _texts(fake_slack, "a") == ["a 0", "a 1", "a 2", "a 3"]
    assert _texts(fake_slack, "b") == ["b 0", "b 1", "b 2", "b 3"]
    assert len(fake_slack.calls(outcome=None)) == 10 + 6
    assert not outbox.items(status="failed")


def test_429_waits_for_retry_after_without_using_attempts(
    sessions, web_client: WebClient, fake_slack: FakeSlack
) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    fake_slack.fail_next(2, "429", retry_after=0.4)
    _queue(outbox, "c1", 1)
    started = time.monotonic()
    _drain(outbox)
    calls = fake_slack.calls(outcome=None)
    assert [c.outcome for c in calls] == ["429", "429", "ok", "ok"]
    assert calls[1].at - calls[0].at >= 0.35 and calls[2].at - calls[1].at >= 0.35
    assert time.monotonic() - started >= 0.8
    assert all(item.attempts == 0 for item in outbox.items())


def test_pacing_is_about_n_per_second_per_channel(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=OutboxPolicy(per_channel_per_s=10, poll_s=0.01))
    _queue(outbox, "c1", 5)
    _drain(outbox)
    stamps = [c.at for c in fake_slack.posts()]
    # six writes at ten a second, slots of 0.1 s. Timed from the second write: the first also pays the
    # connection's setup, so it can arrive late enough to sit 10 ms before the second (seen in CI).
    # Without pacing the six arrive within a few milliseconds.
    assert stamps[-1] - stamps[1] >= 0.35, stamps


def test_permanent_error_fails_the_row_loudly_and_the_thread_goes_on(
    sessions, web_client: WebClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    _queue(outbox, "c1", 2)
    _drain(outbox)
    fake_slack.fail_next(1, "error:msg_too_long")
    outbox.enqueue(
        channel=CHANNEL, thread_key="c1", method=POST, kind="reply", payload={"channel": CHANNEL, "text": "c1 big"}
    )
    outbox.enqueue(
        channel=CHANNEL, thread_key="c1", method=POST, kind="reply", payload={"channel": CHANNEL, "text": "c1 after"}
    )
    with caplog.at_level(logging.ERROR, logger="handoff.outbox"):
        _drain(outbox)
    failed = outbox.items(status="failed")
    assert [f.payload["text"] for f in failed] == ["c1 big"] and "msg_too_long" in failed[0].last_error
    assert "FAILED" in caplog.text and "requeue_failed" in caplog.text
    assert _texts(fake_slack, "c1")[-1] == "c1 after"
    assert outbox.requeue_failed() == 1
    _drain(outbox)
    assert _texts(fake_slack, "c1")[-1] == "c1 big"


def test_gives_up_after_max_attempts(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    fake_slack.fail_next(5, "500")
    _queue(outbox, "c1", 0)
    _drain(outbox)
    [row] = outbox.items()
    assert (row.status, row.attempts) == ("failed", 5) and "HTTP 500" in row.last_error


def test_time_out_is_retried(sessions, fake_slack: FakeSlack) -> None:
    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url, timeout=0.3, retry_handlers=[])
    _thread(sessions, "c1")
    outbox = Outbox(sessions, client, policy=FAST)
    fake_slack.fail_next(1, "timeout", delay=0.6)
    _queue(outbox, "c1", 1)
    _drain(outbox)
    assert _texts(fake_slack, "c1") == ["c1 0"]
    assert [c.outcome for c in fake_slack.calls(outcome=None)] == ["timeout", "ok", "ok"]


def test_two_workers_send_each_row_once_in_order(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    keys = [f"k{i}" for i in range(4)]
    for key in keys:
        _thread(sessions, key)
    workers = [Outbox(sessions, web_client, policy=FAST) for _ in range(2)]
    fake_slack.fail_next(4, "500")
    for w in workers:
        w.start()
    try:
        for i in range(10):
            for key in keys:
                if i == 0:
                    workers[0].enqueue(
                        channel=CHANNEL,
                        thread_key=key,
                        method=POST,
                        kind="card",
                        payload={"channel": CHANNEL, "text": f"card {key}"},
                    )
                workers[i % 2].enqueue(
                    channel=CHANNEL,
                    thread_key=key,
                    method=POST,
                    kind="reply",
                    payload={"channel": CHANNEL, "text": f"{key} {i}"},
                )
        fake_slack.wait_for(lambda: workers[0].pending_count() == 0, timeout=20)
    finally:
        for w in workers:
            w.stop()
    for key in keys:
        assert _texts(fake_slack, key) == [f"{key} {i}" for i in range(10)]


def test_restart_reclaims_an_expired_lease(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    _queue(outbox, "c1", 1)
    past = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    with sessions.begin() as s:  # a worker claimed the card, then its process died
        s.execute(
            update(OutboxRow)
            .where(OutboxRow.kind == "card")
            .values(locked_by="dead", locked_until=past + timedelta(hours=1))
        )
    assert outbox.run_once() == 0  # leased: nothing (and not the reply behind it) may go
    with sessions.begin() as s:
        s.execute(update(OutboxRow).where(OutboxRow.kind == "card").values(locked_until=past))
    fresh = Outbox(sessions, web_client, policy=FAST)
    _drain(fresh)
    assert [p.body["text"] for p in fake_slack.posts()] == ["card c1", "c1 0"]


def test_worker_thread_starts_and_stops(sessions, web_client: WebClient, fake_slack: FakeSlack) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    assert not [t for t in threading.enumerate() if t.name.startswith("slack-outbox")]
    outbox.start()
    _queue(outbox, "c1", 2)
    fake_slack.wait_for(lambda: len(fake_slack.posts()) == 3)
    outbox.stop()
    assert not [t for t in threading.enumerate() if t.name == f"slack-outbox-{outbox.worker_id}"]


def test_sent_rows_are_pruned_after_the_keep_period_failed_rows_never(
    sessions, web_client: WebClient, fake_slack: FakeSlack
) -> None:
    _thread(sessions, "c1")
    outbox = Outbox(sessions, web_client, policy=FAST)
    _queue(outbox, "c1", 1)
    _drain(outbox)
    fake_slack.fail_next(1, "error:invalid_blocks")
    outbox.enqueue(
        channel=CHANNEL, thread_key="c1", method=POST, kind="reply", payload={"channel": CHANNEL, "text": "c1 bad"}
    )
    _drain(outbox)
    assert outbox.prune_sent() == 0  # all recent
    with sessions.begin() as s:
        s.execute(update(OutboxRow).values(sent_at=datetime(2020, 1, 1), created_at=datetime(2020, 1, 1)))
    assert outbox.prune_sent() == 2
    assert [i.status for i in outbox.items()] == ["failed"]
