"""Per-conversation facts and per-day sums behind the overview, kept up to date incrementally.

Reading the message log for every overview would cost seconds at 100,000 conversations, so each
conversation's contribution (answered, declined, handoff reason, rating, "helpful?" clicks, the
wait for a first agent reply) is derived once and refreshed when the conversation's `updated_at`
moves (every message, state change, rating and click moves it). A refresh re-reads a short overlap
before its high-water mark, so a transaction that committed late is still seen; recomputing a
conversation is idempotent, and writers serialize on one locked row, so workers may all refresh.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.models import DailyRow, FactRow, GapQuestionRow, MarkRow, WaitRow
from bot.admin.sql import flag
from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow

C, M, S = ConversationRow, MessageRow, StateChangeRow
_MARK = "facts_seen"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Conv:
    id: str
    created_at: datetime
    updated_at: datetime
    counted: bool
    reason: str
    rating: int


class Facts:
    """`refresh()` brings `admin_facts`, `admin_waits` and `admin_daily` up to the bot's tables."""

    def __init__(self, sessions: sessionmaker[Session], *, overlap_s: float = 120.0, min_interval_s: float = 0.0,
                 batch: int = 500) -> None:
        self._sessions = sessions
        self._overlap = timedelta(seconds=overlap_s)
        self._min_interval_s = min_interval_s
        self._batch = batch
        self._lock = threading.Lock()
        self._last = -1e18

    def refresh(self, *, force: bool = False) -> int:
        """Recompute conversations changed since the last refresh; returns how many were recomputed."""
        with self._lock:
            if not force and time.monotonic() - self._last < self._min_interval_s:
                return 0
            done, after = 0, None
            while True:
                n, after = self._refresh_batch(after)
                done += n
                if n < self._batch:
                    break
            self._last = time.monotonic()
            return done

    def _refresh_batch(self, after: tuple[datetime, str] | None) -> tuple[int, tuple[datetime, str] | None]:
        with self._sessions.begin() as s:
            # NOTE: the first statement takes the write lock (SQLite) or the row lock (Postgres):
            # two workers refreshing at once take turns instead of writing the same days twice.
            s.execute(update(MarkRow).where(MarkRow.name == _MARK).values(value=MarkRow.value))
            mark = s.scalar(select(MarkRow.value).where(MarkRow.name == _MARK)) or ""
            query = select(C.id, C.created_at, C.updated_at, C.last_customer_at, C.handoff_reason, C.rating)
            if after is None:
                since = datetime.fromisoformat(mark) - self._overlap if mark else _EPOCH
                query = query.where(C.updated_at > since)
            else:
                query = query.where(or_(C.updated_at > after[0], and_(C.updated_at == after[0], C.id > after[1])))
            rows = s.execute(query.order_by(C.updated_at, C.id).limit(self._batch)).all()
            if not rows:
                return 0, after
            convs = [_Conv(r.id, r.created_at, r.updated_at, r.last_customer_at is not None, r.handoff_reason or "",
                           int(r.rating or 0)) for r in rows]
            self._write_facts(s, convs)
            last = convs[-1].updated_at
            if not mark or last > datetime.fromisoformat(mark):
                s.execute(update(MarkRow).where(MarkRow.name == _MARK).values(value=last.isoformat()))
            return len(convs), (last, convs[-1].id)

    def _write_facts(self, s: Session, convs: Sequence[_Conv]) -> None:
        ids = [c.id for c in convs]
        answers = self._answers(s, ids)
        waits = self._waits(s, ids)
        days = {c.id: c.created_at.astimezone(UTC).strftime("%Y-%m-%d") for c in convs}
        s.execute(delete(FactRow).where(FactRow.conversation_id.in_(ids)))
        s.execute(delete(WaitRow).where(WaitRow.conversation_id.in_(ids)))
        s.execute(insert(FactRow), [
            {"conversation_id": c.id, "day": days[c.id], "counted": c.counted, "reason": c.reason, "rating": c.rating,
             **answers.get(c.id, {"answered": False, "declined": False, "helpful_yes": 0, "helpful_no": 0})}
            for c in convs
        ])
        if waits:
            s.execute(insert(WaitRow), [{**w, "day": days[w["conversation_id"]]} for w in waits])
        s.execute(delete(GapQuestionRow).where(GapQuestionRow.conversation_id.in_(ids)))
        gappy = [c.id for c in convs if c.reason == "no_answer" or any(
            answers.get(c.id, {}).get(k) for k in ("declined", "helpful_no"))]
        gaps = _gap_questions(s, gappy) if gappy else []
        if gaps:
            s.execute(insert(GapQuestionRow), [{**g, "day": days[g["conversation_id"]]} for g in gaps])
        self._write_days(s, sorted(set(days.values())))

    @staticmethod
    def _answers(s: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
        text = M.kind == "text"
        no_answer = flag(M.meta, "no_answer")
        query = (
            select(
                M.conversation_id,
                func.max(case((and_(text, ~no_answer), 1), else_=0)),
                func.max(case((and_(text, no_answer), 1), else_=0)),
                func.sum(case((M.helpful.is_(True), 1), else_=0)),
                func.sum(case((M.helpful.is_(False), 1), else_=0)),
            )
            .where(M.conversation_id.in_(ids), M.role == "bot")
            .group_by(M.conversation_id)
        )
        return {cid: {"answered": bool(a), "declined": bool(d), "helpful_yes": int(y or 0), "helpful_no": int(n or 0)}
                for cid, a, d, y, n in s.execute(query)}

    @staticmethod
    def _waits(s: Session, ids: list[str]) -> list[dict[str, Any]]:
        handoffs = s.execute(select(S.id, S.conversation_id, S.created_at)
                             .where(S.conversation_id.in_(ids), S.to_state == "pending").order_by(S.id)).all()
        if not handoffs:
            return []
        replies: dict[str, list[datetime]] = {}
        for cid, at in s.execute(select(M.conversation_id, M.created_at)
                                 .where(M.conversation_id.in_(ids), M.role == "agent", M.kind == "text")
                                 .order_by(M.id)):
            replies.setdefault(cid, []).append(at)
        waits = []
        for sid, cid, asked in handoffs:
            first = next((at for at in replies.get(cid, []) if at >= asked), None)
            waits.append({"state_change_id": sid, "conversation_id": cid,
                          "wait_s": (first - asked).total_seconds() if first is not None else None})
        return waits

    @staticmethod
    def _write_days(s: Session, days: list[str]) -> None:
        f = FactRow
        s.execute(delete(DailyRow).where(DailyRow.day.in_(days)))
        sums = (
            select(
                f.day, f.reason, f.rating, func.count(),
                func.sum(case((and_(f.answered, f.reason == ""), 1), else_=0)),
                func.sum(case((or_(f.declined, f.reason == "no_answer"), 1), else_=0)),
                func.sum(f.helpful_yes), func.sum(f.helpful_no),
            )
            .where(f.day.in_(days), f.counted)
            .group_by(f.day, f.reason, f.rating)
        )
        columns = ["day", "reason", "rating", "conversations", "answered", "declined", "helpful_yes", "helpful_no"]
        s.execute(insert(DailyRow).from_select(columns, sums))


def _gap_questions(s: Session, conversation_ids: list[str]) -> list[dict[str, Any]]:
    """Walk these conversations' logs: each gap event takes the customer message just before it."""
    customer = (M.role == "customer") & (M.kind == "text")
    declined = (M.role == "bot") & (M.kind == "text") & flag(M.meta, "no_answer")
    unhelpful = (M.role == "bot") & (M.kind == "text") & M.helpful.is_(False)
    handoff = ((M.kind == "state") & (M.meta["to"].as_string() == "pending")
               & (M.meta["reason"].as_string() == "no_answer"))
    kind = case((customer, "question"), (declined, "declined"), (unhelpful, "not_helpful"),
                (handoff, "no_answer_handoff"), else_="")
    rows = s.execute(
        select(M.id, M.conversation_id, kind, case((customer, M.text), else_=""), M.created_at)
        .where(M.conversation_id.in_(conversation_ids), M.kind.in_(("text", "state")))
        .order_by(M.conversation_id, M.id)
    ).all()
    found: dict[int, dict[str, Any]] = {}
    last: dict[str, tuple[int, str, datetime]] = {}
    for mid, cid, what, text, at in rows:
        if what == "question":
            last[cid] = (mid, text, at)
        elif what and cid in last and last[cid][0] not in found:
            qid, question, asked = last[cid]
            found[qid] = {"message_id": qid, "conversation_id": cid, "text": question, "asked_at": asked, "kind": what}
    return list(found.values())
