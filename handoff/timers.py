"""Handoff timers: remind agents (T1), tell a waiting customer the truth (T2 or closed), resolve idle chats (T3)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.conversations.records import Kind, Role, State
from bot.conversations.store import ConversationStore
from bot.policy import Policy
from handoff import messages as texts
from handoff.config import HandoffSettings
from handoff.desk import SlackDesk
from handoff.models import utc_naive
from handoff.threads import ThreadStore

log = logging.getLogger(__name__)
EVENT_ID_MEMORY = timedelta(hours=1)


@dataclass(frozen=True)
class TickReport:
    """What one pass did (tests assert on it; the loop logs it)."""

    reminded: tuple[str, ...] = ()
    offered_email: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Timers:
    """A periodic sweep; each action happens once per wait, recorded in `slack_threads` or by a transition."""

    def __init__(
        self, *, store: ConversationStore, threads: ThreadStore, desk: SlackDesk, settings: HandoffSettings,
        is_open: Callable[[datetime], bool], offer_email: Callable[[str], None] | None = None,
        policy: Policy | None = None, clock: Callable[[], datetime] | None = None,
        refresh: Callable[[], object] | None = None,
    ) -> None:
        self._store = store
        self._threads = threads
        self._desk = desk
        self._settings = settings
        self._is_open = is_open
        self._offer_email = offer_email or self._default_offer_email
        self._policy = policy
        self._clock = clock or _utcnow
        self._refresh = refresh  # e.g. Availability.refresh: slow Slack checks live on this thread
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_here: dict[str, datetime] = {}  # channel -> last @here (this process)

    def tick(self, now: datetime | None = None) -> TickReport:
        """One sweep at `now` (tests pass a fake clock's time)."""
        now = now or self._clock()
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
        s = self._settings
        reminded = [c.id for c in self._store.pending_since(now - timedelta(seconds=s.reminder_after_s))
                    if self._remind(c.id, now)]
        due = {c.id: c for c in self._store.pending_since(now - timedelta(seconds=s.offer_email_after_s))}
        if not self._is_open(now):
            due.update({c.id: c for c in self._store.list_by_state([State.PENDING])})
        offered = [cid for cid in due if self._offer(cid)]
        idle = self._store.conversations_idle_since(State.AGENT, now - timedelta(seconds=s.idle_resolve_after_s))
        resolved = [c.id for c in idle if self._resolve_idle(c.id)]
        self._threads.prune_events(EVENT_ID_MEMORY)
        return TickReport(tuple(reminded), tuple(offered), tuple(resolved))

    def _remind(self, conversation_id: str, now: datetime) -> bool:
        info = self._threads.get(conversation_id)
        if info is None or info.reminded_at is not None or not self._threads.mark_once(conversation_id, "reminded_at"):
            return False
        minutes = int((utc_naive(now) - info.requested_at).total_seconds() // 60)
        template = texts.REMINDER if self._may_ping_here(info.channel, now) else texts.REMINDER_QUIET
        self._desk.post(conversation_id, template.format(minutes=max(1, minutes)))
        return True

    def _may_ping_here(self, channel: str, now: datetime) -> bool:
        """`@here` wakes the whole channel: never out of hours, at most once per `here_every_s` per channel."""
        if not self._is_open(now):
            return False
        every = self._policy.desk.here_every_s if self._policy is not None else 600.0
        last = self._last_here.get(channel)
        if last is not None and (now - last).total_seconds() < every:
            return False
        self._last_here[channel] = now
        return True

    def _offer(self, conversation_id: str) -> bool:
        info = self._threads.get(conversation_id)
        if info is None or info.email_offered_at is not None:
            return False
        if not self._threads.mark_once(conversation_id, "email_offered_at"):
            return False
        # NOTE: the handoff line is written just before the thread records its request time
        conversation = self._store.get(conversation_id)
        began = utc_naive(conversation.state_changed_at) if conversation and conversation.state_changed_at else None
        if self._already_told(conversation_id, min(info.requested_at, began) if began else info.requested_at):
            return False  # the bot told the customer when the wait began (closed hours)
        self._offer_email(conversation_id)
        self._desk.post(conversation_id, texts.EMAIL_OFFERED)
        return True

    def _already_told(self, conversation_id: str, since: datetime) -> bool:
        for message in reversed(self._store.messages(conversation_id, limit=500)):
            if utc_naive(message.created_at) < since:
                return False
            # NOTE: the handoff line itself asks when nobody could come (a STATE row since issue 16)
            if message.kind in (Kind.NOTICE, Kind.STATE) and (
                message.meta.get("ask_email") or message.meta.get("followup")
            ):
                return True
        return False

    def _resolve_idle(self, conversation_id: str) -> bool:
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return False
        notice = self._policy.message("resolved", conversation.locale) if self._policy else None
        won = self._store.transition(
            conversation_id, expected={State.AGENT}, to=State.RESOLVED, actor="timer", reason="idle", notice=notice
        )
        if won is None:
            return False
        minutes = int(self._settings.idle_resolve_after_s // 60)
        self._desk.post(conversation_id, texts.IDLE_RESOLVED.format(minutes=minutes))
        self._desk.refresh_card(conversation_id)
        return True

    def _default_offer_email(self, conversation_id: str) -> None:
        """Without a BotService: say it plainly and ask for an email (the widget shows the form)."""
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return
        key = "handoff_unavailable"
        text = self._policy.message(key, conversation.locale) if self._policy else (
            "Nobody from our team is free right now. Leave your email and we will reply there.")
        self._store.add_message(conversation_id, role=Role.SYSTEM, kind=Kind.NOTICE, text=text,
                                meta={"ask_email": True})

    # -- the loop ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="handoff-timers", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        first = True
        while first or not self._stop.wait(self._settings.timer_interval_s):
            first = False
            if self._refresh is not None:
                try:
                    self._refresh()
                except Exception:
                    log.exception("handoff availability check failed")
            try:
                report = self.tick()
                if report.reminded or report.offered_email or report.resolved:
                    log.info("handoff timers: %s", report)
            except Exception:
                log.exception("handoff timer sweep failed")
