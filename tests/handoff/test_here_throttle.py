"""`@here` wakes a whole channel: at most once per `desk.here_every_s`, never out of hours (issue 13 item 3)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from handoff.config import HandoffSettings
from handoff.timers import Timers
from tests.doubles import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


def _reminders(world: Any) -> list[str]:
    world.deliver()
    return [p.body["text"] for p in world.fake.posts() if "has waited" in p.body.get("text", "")]


def _timers(world: Any, clock: FakeClock, *, is_open: Any = lambda at: True) -> Timers:
    return Timers(store=world.store, threads=world.threads, desk=world.desk, settings=HandoffSettings(),
                  is_open=is_open, policy=world.policy, clock=clock)


def test_many_waiting_customers_ping_here_once(world: Any, clock: FakeClock) -> None:
    for i in range(5):
        world.ask_for_person(f"help number {i}")
    _timers(world, clock).tick(clock.now + timedelta(seconds=200))
    reminders = _reminders(world)
    assert len(reminders) == 5
    assert sum(r.startswith("<!here>") for r in reminders) == 1


def test_no_here_out_of_hours(world: Any, clock: FakeClock) -> None:
    world.ask_for_person("hello at night")
    _timers(world, clock, is_open=lambda at: False).tick(clock.now + timedelta(seconds=200))
    [reminder] = _reminders(world)
    assert "<!here>" not in reminder
