"""Persistent queue of Slack writes: paced per channel, retried, ordered per conversation, multi-process safe.

Every Slack Web API write goes through here, never inline in a request: a Slack outage or a 429 only
delays messages. Rows are claimed with `SELECT ... FOR UPDATE SKIP LOCKED` on Postgres and a
conditional UPDATE with a lease everywhere, so several server processes can run workers at once and a
restart re-claims rows whose lease expired. Other deliveries (file uploads, follow-up emails) plug in
as `senders` keyed by the row's method; an instance can be limited to some `methods`, so a slow SMTP
server never holds up Slack.
"""
from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.conversations.database import rows_matched
from handoff.errors import DeliveryError, SlackDeliveryError, SlackPermanentError, SlackRateLimited
from handoff.models import OutboxRow, SlackThread, utc_naive
from handoff.outbox_claims import OutboxClaims, OutboxItem, item_from_row
from handoff.slack_failures import classify

log = logging.getLogger(__name__)

POST, UPDATE, EPHEMERAL = "chat.postMessage", "chat.update", "chat.postEphemeral"
# A custom delivery: gets the row and its payload (thread_ts filled in), returns a result id or None.
Sender = Callable[[OutboxItem, dict[str, Any]], "str | None"]
FailureHook = Callable[[OutboxItem, DeliveryError], None]  # a row given up: (row, the last error)
_IN_THREAD = frozenset({"reply", "file"})  # kinds whose payload needs the parent card's ts at send time


@dataclass(frozen=True)
class OutboxPolicy:
    """How fast, how often and how long the outbox tries."""

    per_channel_per_s: float = 1.0  # Slack: about one message a second per channel
    max_attempts: int = 12  # errors (not 429s) before a row is `failed`
    base_backoff_s: float = 1.0
    max_backoff_s: float = 300.0
    lease_s: float = 60.0  # a claimed row is re-claimable after this (crashed worker)
    poll_s: float = 0.25
    max_retry_after_s: float = 900.0
    batch: int = 20
    keep_sent_s: float = 7 * 86400.0  # sent rows are kept this long (for operators), then pruned


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Outbox:
    """The queue plus its worker thread (`start`/`stop`; nothing runs at import or construction)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        client: WebClient,
        *,
        policy: OutboxPolicy | None = None,
        clock: Callable[[], datetime] | None = None,
        worker_id: str | None = None,
        scrub: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        senders: Mapping[str, Sender] | None = None,
        methods: Collection[str] | None = None,
    ) -> None:
        self._sessions = sessions
        self._scrub = scrub or (lambda payload: payload)  # redaction for the `slack` target
        self._client = client
        self._senders = dict(senders or {})
        self._on_failed: dict[str, FailureHook] = {}
        self._methods = tuple(methods) if methods is not None else None
        self._policy = policy or OutboxPolicy()
        self._clock = clock or _utcnow
        self.worker_id = worker_id or f"w-{uuid.uuid4().hex[:12]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failed_passes = 0  # consecutive worker passes that raised (database trouble, not Slack's)
        # NOTE: a lease shorter than a slow request would let a second worker send the row again.
        timeout = float(getattr(client, "timeout", 30) or 30)
        lease = timedelta(seconds=max(self._policy.lease_s, 2 * timeout + 5))
        self._claims = OutboxClaims(
            sessions, worker_id=self.worker_id, lease=lease, batch=self._policy.batch,
            interval=timedelta(seconds=1.0 / self._policy.per_channel_per_s), methods=methods,
        )

    # -- producing -----------------------------------------------------------------------
    def enqueue(
        self,
        *,
        channel: str,
        thread_key: str,
        method: str,
        kind: str,
        payload: dict[str, Any],
        session: Session | None = None,
        not_before: datetime | None = None,
    ) -> int:
        """Persist one write; pass `session` to join the caller's transaction. Returns the row id."""
        payload = self._scrub(payload)
        row = OutboxRow(
            channel=channel, thread_key=thread_key, method=method, kind=kind, payload=payload, status="pending",
            attempts=0, next_attempt_at=utc_naive(not_before) if not_before else self._now(), created_at=self._now(),
        )
        if session is not None:
            session.add(row)
            session.flush()
            return row.id
        with self._sessions.begin() as own:
            own.add(row)
            own.flush()
            row_id = row.id
        self._wake.set()
        return row_id

    def enqueue_card_update(self, *, channel: str, thread_key: str, payload: dict[str, Any]) -> int:
        """Queue a `chat.update` of the card, replacing a not-yet-sent one (the newest state wins)."""
        return self.enqueue_latest(channel=channel, thread_key=thread_key, method=UPDATE, kind="update",
                                   payload=payload)

    def enqueue_latest(
        self, *, channel: str, thread_key: str, method: str, kind: str, payload: dict[str, Any],
        not_before: datetime | None = None,
    ) -> int:
        """Queue a write, or update the payload of a not-yet-claimed one of the same kind (the newest wins)."""
        now = self._now()
        with self._sessions.begin() as session:
            waiting = session.scalars(
                select(OutboxRow).where(
                    OutboxRow.thread_key == thread_key, OutboxRow.kind == kind, OutboxRow.status == "pending",
                    or_(OutboxRow.locked_until.is_(None), OutboxRow.locked_until < now),
                ).order_by(OutboxRow.id.desc()).limit(1)
            ).first()
            if waiting is not None:
                waiting.payload = self._scrub(payload)
                return waiting.id
        return self.enqueue(channel=channel, thread_key=thread_key, method=method, kind=kind, payload=payload,
                            not_before=not_before)

    def add_sender(self, method: str, sender: Sender, *, on_failed: FailureHook | None = None) -> None:
        """Late wiring: deliver rows of `method` with `sender` instead of a Slack Web API call;
        `on_failed` runs once when a row of `method` is given up (to tell the agent, say)."""
        self._senders[method] = sender
        if on_failed is not None:
            self._on_failed[method] = on_failed

    def healthy(self, *, failing_attempts: int = 3, window: timedelta = timedelta(minutes=10)) -> bool:
        """False while writes keep failing (a row retried `failing_attempts` times, or one failed lately)."""
        since = self._now() - window
        query = select(OutboxRow.id).where(or_(
            and_(OutboxRow.status == "pending", OutboxRow.attempts >= failing_attempts),
            and_(OutboxRow.status == "failed", OutboxRow.created_at >= since),
        ))
        if self._methods is not None:
            query = query.where(OutboxRow.method.in_(self._methods))
        with self._sessions() as session:
            return session.scalar(query.limit(1)) is None

    def wake(self) -> None:
        """Tell the worker there is something new (rows committed by the caller's own transaction)."""
        self._wake.set()

    # -- inspecting ----------------------------------------------------------------------
    def items(self, *, thread_key: str | None = None, status: str | None = None) -> list[OutboxItem]:
        """Rows in id order, for tests, the CLI and operators."""
        query = select(OutboxRow).order_by(OutboxRow.id)
        if thread_key is not None:
            query = query.where(OutboxRow.thread_key == thread_key)
        if status is not None:
            query = query.where(OutboxRow.status == status)
        with self._sessions() as session:
            return [item_from_row(row) for row in session.scalars(query)]

    def pending_count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")) or 0

    def requeue_failed(self, *, thread_key: str | None = None) -> int:
        """Give `failed` rows a fresh set of attempts (after an operator fixed the cause)."""
        query = update(OutboxRow).where(OutboxRow.status == "failed")
        if thread_key is not None:
            query = query.where(OutboxRow.thread_key == thread_key)
        with self._sessions.begin() as session:
            fresh = query.values(status="pending", attempts=0, next_attempt_at=self._now(), locked_by=None,
                                 locked_until=None)
            count = rows_matched(session.execute(fresh))
        self._wake.set()
        return count

    def check(self) -> None:
        """For readiness: raise unless the queue can be read and a started worker is alive and not
        failing pass after pass (Slack's own errors are retried per row and do not count)."""
        self.pending_count()
        if self._thread is not None and not self._thread.is_alive():
            raise RuntimeError("the outbox worker thread died")
        if self._failed_passes >= 3:
            raise RuntimeError(f"the outbox worker failed {self._failed_passes} passes in a row")

    # -- the worker ----------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker thread (idempotent)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=f"slack-outbox-{self.worker_id}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the write in flight; unsent rows stay in the table for the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def prune_sent(self) -> int:
        """Delete rows sent longer ago than `policy.keep_sent_s`; failed rows are never pruned."""
        cutoff = self._now() - timedelta(seconds=self._policy.keep_sent_s)
        with self._sessions.begin() as session:
            return rows_matched(session.execute(
                delete(OutboxRow).where(OutboxRow.status == "sent", OutboxRow.sent_at < cutoff)
                .execution_options(synchronize_session=False)
            ))

    def _loop(self) -> None:
        next_prune = 0.0
        while not self._stop.is_set():
            if time.monotonic() >= next_prune:
                next_prune = time.monotonic() + 3600
                try:
                    self.prune_sent()
                except Exception:
                    log.exception("outbox: pruning sent rows failed")
            try:
                sent = self.run_once()
                self._failed_passes = 0
            except Exception:
                self._failed_passes += 1
                log.exception("outbox worker %s: pass failed; retrying", self.worker_id)
                sent = 0
            if not sent:
                self._wake.wait(self._policy.poll_s)
                self._wake.clear()

    def run_once(self) -> int:
        """Send what is due now (up to `policy.batch` writes); returns how many rows were attempted."""
        done = 0
        while done < self._policy.batch and not self._stop.is_set():
            row = self._claims.claim(self._now())
            if row is None:
                break
            self._deliver(row)
            done += 1
        return done

    # -- sending -------------------------------------------------------------------------
    def _deliver(self, row: OutboxItem) -> None:
        try:
            payload = self._resolve(row)
            sender = self._senders.get(row.method)
            if sender is not None:
                ts = sender(row, payload)
            else:
                response = self._client.api_call(row.method, json=payload)
                ts = response.get("ts") or response.get("message_ts")
        except DeliveryError as exc:
            self._failed_attempt(row, exc)
            return
        except SlackApiError as exc:
            self._failed_attempt(row, classify(exc))
            return
        except Exception as exc:
            self._failed_attempt(row, SlackDeliveryError(f"{type(exc).__name__}: {exc}"))
            return
        self._succeeded(row, ts)

    def _resolve(self, row: OutboxItem) -> dict[str, Any]:
        """Fill in the parent card's ts (known only once the card was sent) at send time."""
        payload = dict(row.payload)
        if row.kind not in _IN_THREAD | {"update", "ephemeral"}:
            return payload  # a card, an email, a download: nothing to fill in
        with self._sessions() as session:
            conversation_id = row.thread_key.split(":")[0]
            parent = session.scalar(select(SlackThread.thread_ts).where(SlackThread.conversation_id == conversation_id))
        if row.kind in _IN_THREAD:
            if parent is None:
                raise SlackPermanentError("the thread's parent card was never delivered", error="no_parent")
            payload["thread_ts"] = parent
        elif row.kind == "update":
            if parent is None:
                raise SlackPermanentError("the card to update was never delivered", error="no_parent")
            payload["ts"] = parent
        elif row.kind == "ephemeral" and parent is not None and payload.get("in_thread", True):
            payload["thread_ts"] = parent
        payload.pop("in_thread", None)
        return payload

    def _succeeded(self, row: OutboxItem, ts: str | None) -> None:
        now = self._now()
        with self._sessions.begin() as session:
            won = rows_matched(session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == row.id, OutboxRow.locked_by == self.worker_id, OutboxRow.status == "pending")
                .values(status="sent", result_ts=ts, sent_at=now, locked_by=None, locked_until=None, last_error=None)
                .execution_options(synchronize_session=False)
            ))
            if not won:
                log.warning("outbox row %s was sent but its lease had passed to another worker", row.id)
            if row.kind == "card" and ts:
                session.execute(
                    update(SlackThread)
                    .where(SlackThread.conversation_id == row.thread_key, SlackThread.thread_ts.is_(None))
                    .values(thread_ts=ts)
                    .execution_options(synchronize_session=False)
                )

    def _failed_attempt(self, row: OutboxItem, exc: DeliveryError) -> None:
        now = self._now()
        values: dict[str, Any] = {"locked_by": None, "locked_until": None, "last_error": str(exc)[:2000]}
        if isinstance(exc, SlackRateLimited):
            # NOTE: a 429 is Slack asking us to wait, not an error: it does not use up attempts.
            wait = timedelta(seconds=min(exc.retry_after, self._policy.max_retry_after_s))
            values["next_attempt_at"] = now + wait
            self._claims.pause_channel(row.channel, now + wait)
            log.info("outbox row %s: Slack rate-limited %s; retrying in %.1fs", row.id, row.channel,
                     wait.total_seconds())
        else:
            attempts = row.attempts + 1
            values["attempts"] = attempts
            if not exc.retryable or attempts >= self._policy.max_attempts:
                values["status"] = "failed"
                # Operator line: what, why, and how to retry; the row stays in the table.
                log.error(
                    "outbox row %s (%s %s for %s) FAILED after %d attempt(s): %s; "
                    "fix the cause, then requeue with Outbox.requeue_failed()",
                    row.id, row.method, row.kind, row.thread_key, attempts, exc,
                )
            else:
                values["next_attempt_at"] = now + timedelta(seconds=self._backoff(attempts))
                log.warning("outbox row %s: attempt %d failed (%s); will retry", row.id, attempts, exc)
        with self._sessions.begin() as session:
            given_up = rows_matched(session.execute(
                update(OutboxRow).where(OutboxRow.id == row.id, OutboxRow.locked_by == self.worker_id).values(**values)
                .execution_options(synchronize_session=False)
            ))
        hook = self._on_failed.get(row.method)
        if given_up and values.get("status") == "failed" and hook is not None:
            try:
                hook(row, exc)
            except Exception:
                log.exception("outbox row %s: telling anyone about the failure failed too", row.id)

    def _backoff(self, attempts: int) -> float:
        """Exponential backoff with full jitter on its upper half."""
        ceiling = min(self._policy.max_backoff_s, self._policy.base_backoff_s * 2 ** (attempts - 1))
        return ceiling / 2 + random.random() * ceiling / 2

    def _now(self) -> datetime:
        return utc_naive(self._clock())
