"""The overview figures: what the bot handled, what it handed off and why, what customers rated.

Every figure counts the conversations *started* in the window (a cohort), so a day's numbers do
not move when an old conversation is touched; the README defines each one.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.facts import Facts
from bot.admin.models import DailyRow, WaitRow
from bot.admin.sql import window_start


@dataclass(frozen=True)
class DayFigures:
    day: str  # YYYY-MM-DD, UTC
    conversations: int
    answered_by_bot: int
    handed_off: int
    declined: int


@dataclass(frozen=True)
class FirstReply:
    """Seconds from a handoff to the first agent reply; `waiting`: handoffs with no reply yet."""

    replied: int
    waiting: int
    median_s: float | None
    p90_s: float | None


@dataclass(frozen=True)
class Csat:
    count: int
    mean: float | None
    satisfied_share: float | None  # ratings of 4 or 5 among all ratings
    distribution: dict[str, int]  # "1".."5" -> count


@dataclass(frozen=True)
class Overview:
    days: int
    since: datetime
    conversations: int
    answered_by_bot: int
    handed_off: int
    handed_off_by_reason: dict[str, int]
    declined: int
    first_reply: FirstReply
    csat: Csat
    helpful_yes: int
    helpful_no: int
    per_day: list[DayFigures] = field(default_factory=list)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class StatsService:
    """The overview from the per-day sums `Facts` keeps (refreshed first, so figures are current)."""

    def __init__(self, sessions: sessionmaker[Session], facts: Facts, *,
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self._sessions = sessions
        self._facts = facts
        self._clock = clock

    def overview(self, days: int) -> Overview:
        self._facts.refresh()
        since = window_start(self._clock(), days)
        first_day = since.strftime("%Y-%m-%d")
        per_day = {(since + timedelta(days=i)).strftime("%Y-%m-%d"): [0, 0, 0, 0] for i in range(days)}
        reasons: dict[str, int] = {}
        ratings = {str(k): 0 for k in range(1, 6)}
        yes = no = 0
        with self._sessions.begin() as s:
            rows = s.execute(select(DailyRow).where(DailyRow.day >= first_day)).scalars().all()
            waits = [w for (w,) in s.execute(select(WaitRow.wait_s).where(WaitRow.day >= first_day))]
        for r in rows:
            day = per_day.get(r.day)
            if day is None:
                continue  # a conversation stamped later than the clock says today is
            day[0] += r.conversations
            day[1] += r.answered
            day[2] += r.conversations if r.reason else 0
            day[3] += r.declined
            if r.reason:
                reasons[r.reason] = reasons.get(r.reason, 0) + r.conversations
            if 1 <= r.rating <= 5:
                ratings[str(r.rating)] += r.conversations
            yes += r.helpful_yes
            no += r.helpful_no
        figures = [DayFigures(d, *v) for d, v in per_day.items()]
        replied = [w for w in waits if w is not None]
        return Overview(
            days=days, since=since,
            conversations=sum(d.conversations for d in figures),
            answered_by_bot=sum(d.answered_by_bot for d in figures),
            handed_off=sum(d.handed_off for d in figures),
            handed_off_by_reason=dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
            declined=sum(d.declined for d in figures),
            first_reply=FirstReply(replied=len(replied), waiting=len(waits) - len(replied),
                                   median_s=_quantile(replied, 0.5), p90_s=_quantile(replied, 0.9)),
            csat=_csat(ratings), helpful_yes=yes, helpful_no=no, per_day=figures,
        )


def _csat(distribution: dict[str, int]) -> Csat:
    count = sum(distribution.values())
    if not count:
        return Csat(0, None, None, distribution)
    mean = sum(int(k) * n for k, n in distribution.items()) / count
    satisfied = (distribution["4"] + distribution["5"]) / count
    return Csat(count, round(mean, 2), round(satisfied, 4), distribution)


def _quantile(values: list[float], q: float) -> float | None:
    """Linear-interpolated quantile (the `inclusive` method); None without values."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    cut = statistics.quantiles(values, n=100, method="inclusive")
    return round(cut[int(q * 100) - 1], 1)
