"""Timers with a fake clock: reminder after T1, honest notice + email after T2 or when closed, idle resolve after T3."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.conversations.records import Kind, Role, State
from handoff.config import HandoffSettings
from handoff.timers import Timers
from tests.doubles import FakeClock

SETTINGS = HandoffSettings(reminder_after_s=120, offer_email_after_s=300, idle_resolve_after_s=1800)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))  # a Monday, 10:00 UTC


def _timers(world, clock: FakeClock, *, is_open=lambda at: True) -> Timers:
    return Timers(store=world.store, threads=world.threads, desk=world.desk, settings=SETTINGS, is_open=is_open,
                  policy=world.policy, clock=clock)


def _thread_texts(world, conversation_id: str) -> list[str]:
    world.deliver()
    return [p.body["text"] for p in world.fake.posts(thread_ts=world.card_ts(conversation_id))]


def _ask_email_notices(world, conversation_id: str) -> list:
    return [m for m in world.store.messages(conversation_id) if m.kind is Kind.NOTICE and m.meta.get("ask_email")]


def test_unclaimed_gets_one_reminder_after_t1(world, clock: FakeClock) -> None:
    conversation = world.ask_for_person()
    timers = _timers(world, clock)
    assert timers.tick(clock.now + timedelta(seconds=119)).reminded == ()
    assert timers.tick(clock.now + timedelta(seconds=121)).reminded == (conversation.id,)
    assert timers.tick(clock.now + timedelta(seconds=200)).reminded == ()
    reminders = [t for t in _thread_texts(world, conversation.id) if "has waited" in t]
    assert reminders == ["<!here> This customer has waited 2 min. Press *Claim* on the card to help."]


def test_after_t2_the_customer_is_told_and_asked_for_email_once(world, clock: FakeClock) -> None:
    conversation = world.ask_for_person()
    timers = _timers(world, clock)
    assert timers.tick(clock.now + timedelta(seconds=299)).offered_email == ()
    assert timers.tick(clock.now + timedelta(seconds=301)).offered_email == (conversation.id,)
    assert timers.tick(clock.now + timedelta(seconds=900)).offered_email == ()
    [notice] = _ask_email_notices(world, conversation.id)
    assert notice.role is Role.SYSTEM and "email" in notice.text.lower()
    assert world.store.get(conversation.id).state is State.PENDING  # an agent can still claim it
    assert any("asked for an email" in t for t in _thread_texts(world, conversation.id))


def test_outside_business_hours_the_email_is_asked_at_once(world, clock: FakeClock) -> None:
    clock.now = clock.now.replace(day=7, hour=3)  # a Saturday night
    conversation = world.ask_for_person()
    timers = _timers(world, clock, is_open=world.policy.business_hours.is_open)
    assert timers.tick(clock.now + timedelta(seconds=5)).offered_email == (conversation.id,)
    assert len(_ask_email_notices(world, conversation.id)) == 1


def test_no_second_email_request_when_the_bot_already_asked(world, clock: FakeClock) -> None:
    conversation = world.ask_for_person()
    world.store.add_message(conversation.id, role=Role.SYSTEM, kind=Kind.NOTICE, text="We're closed; leave your email.",
                            meta={"ask_email": True})
    timers = _timers(world, clock, is_open=lambda at: False)
    assert timers.tick(clock.now + timedelta(seconds=5)).offered_email == ()
    assert len(_ask_email_notices(world, conversation.id)) == 1


def test_idle_agent_conversation_is_resolved_after_t3(world, clock: FakeClock) -> None:
    conversation = world.ask_for_person()
    world.service.claim(conversation.id, "UANA")
    timers = _timers(world, clock)
    clock.now += timedelta(seconds=1000)
    world.store.add_message(conversation.id, role=Role.CUSTOMER, text="Still checking the serial number")
    assert timers.tick(clock.now + timedelta(seconds=1799)).resolved == ()
    assert timers.tick(clock.now + timedelta(seconds=1801)).resolved == (conversation.id,)
    assert timers.tick(clock.now + timedelta(seconds=3000)).resolved == ()
    assert world.store.get(conversation.id).state is State.RESOLVED
    world.deliver()
    assert "Resolved" in json.dumps(world.fake.calls("chat.update")[-1].body["blocks"])
    assert any("without activity" in t for t in _thread_texts(world, conversation.id))


def test_timer_thread_starts_and_stops(world, clock: FakeClock) -> None:
    timers = Timers(store=world.store, threads=world.threads, desk=world.desk, is_open=lambda at: True,
                    settings=HandoffSettings(timer_interval_s=0.01), clock=clock)
    timers.start()
    timers.stop()
