"""The sweeper every server process runs: it keeps this process's slow turns claimed, and takes over
turns whose instance died (a crash, an OOM kill, a deploy during a slow LLM answer).

Nothing a customer wrote is dropped silently: a turn cut off is answered through the normal turn,
and a log line says which message was recovered and why. A message older than `max_age_s` is not
answered late: the conversation goes to a person (reason `bot_error`), who sees the question on the
desk and can follow up by email; a stale answer to someone who left an hour ago helps nobody, and
silence would lose the question. So does a turn that died with its instance `max_recoveries` times
(it may be what kills it).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.config import RecoverySettings
from bot.conversations.records import TurnLease
from bot.conversations.turn_claims import OpenTurn, TurnClaims
from bot.recovery.leases import TurnLeases

log = logging.getLogger(__name__)

# NOTE: gunicorn's graceful timeout is 3 s (serving.py), and the stop runs in its SIGTERM handler.
STOP_WAIT_S = 1.0


class TurnResumer(Protocol):
    """What the sweeper asks of the bot (`BotService`)."""

    def resume_turn(self, lease: TurnLease) -> None:
        """Run the turn of `lease.message_id` through the normal turn (in the background)."""

    def hand_over_unanswered(self, lease: TurnLease, *, detail: dict[str, Any]) -> None:
        """Bring a person in for a message the bot will not answer late."""


@dataclass(frozen=True)
class SweepReport:
    """What one pass did (tests and logs)."""

    renewed: int = 0
    settled: int = 0
    resumed: tuple[int, ...] = ()
    handed_over: tuple[int, ...] = ()


class TurnSweeper:
    """`run_once` is one pass; `start`/`stop` run passes on a thread (nothing starts at construction)."""

    def __init__(self, *, claims: TurnClaims, leases: TurnLeases, bot: TurnResumer, settings: RecoverySettings,
                 clock: Callable[[], datetime]) -> None:
        self._claims = claims
        self._leases = leases
        self._bot = bot
        self._settings = settings
        self._clock = clock
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # -- one pass --------------------------------------------------------------------------
    def renew(self) -> int:
        """Extend the leases of this process's turns that have run a third of a lease or longer."""
        due = self._leases.due()
        if not due:
            return 0  # NOTE: the common case: turns shorter than a third of a lease cost no statement
        held = self._claims.renew(self._leases.owner, due, self._leases.until())
        self._leases.renewed(due)
        if held < len(due):
            log.warning("turn recovery: %d of this process's %d slow turns were taken over by another instance "
                        "(their leases had run out); their answers here will not be stored", len(due) - held, len(due))
        return held

    def run_once(self) -> SweepReport:
        renewed = self.renew()
        now = self._clock()
        settled = self._claims.settle_finished(now)
        resumed: list[int] = []
        handed_over: list[int] = []
        # NOTE: a turn running here whose lease ran out (its renewal late) is not taken over by this process:
        # the renewal extends it; another instance may take it.
        for turn in self._claims.open_turns(now, limit=self._settings.batch, exclude=self._leases.held()):
            until = self._leases.until()
            if not self._claims.take_over(turn.message_id, owner=self._leases.owner, now=now, until=until):
                continue  # another instance took it first, or it was answered meanwhile
            lease = TurnLease(self._leases.owner, until, turn.message_id)
            if self._take(turn, lease, now):
                resumed.append(turn.message_id)
            else:
                handed_over.append(turn.message_id)
        return SweepReport(renewed, settled, tuple(resumed), tuple(handed_over))

    def _take(self, turn: OpenTurn, lease: TurnLease, now: datetime) -> bool:
        """Answer a turn taken over (True), or hand it to a person when too old or failing again (False)."""
        age_s = (now - turn.created_at).total_seconds()
        why = (f"stored {age_s:.0f} s ago with no reply since, and the lease of instance {turn.owner} on its turn "
               f"ran out at {turn.lease_until:%Y-%m-%d %H:%M:%S} UTC (the instance stopped during the turn)")
        if age_s <= self._settings.max_age_s and turn.recoveries < self._settings.max_recoveries:
            log.warning("turn recovery: answering message %s of conversation %s now: %s", turn.message_id,
                        turn.conversation_id, why)
            self._bot.resume_turn(lease)
            return True
        late = age_s > self._settings.max_age_s
        because = (f"it is older than {self._settings.max_age_s:.0f} s" if late else
                   f"its turn was already taken over {turn.recoveries} time(s) and died again")
        log.warning("turn recovery: message %s of conversation %s NOT answered late, handed to a person: %s; %s",
                    turn.message_id, turn.conversation_id, because, why)
        detail = {"recovered_message_id": turn.message_id, "recovered_age_s": round(age_s),
                  "recovered": "too_old" if late else "died_again"}
        self._bot.hand_over_unanswered(lease, detail=detail)  # NOTE: if this fails, the lease runs out: again later
        self._claims.settle([turn.message_id], owner=self._leases.owner)
        return False

    # -- the threads -----------------------------------------------------------------------
    def start(self) -> None:
        """Start the sweeper and lease-renewal threads (idempotent); the first pass runs at once (a restart's
        leftovers)."""
        if self._threads and all(t.is_alive() for t in self._threads):
            return
        self._stop.clear()
        # NOTE: renewals get a thread of their own: a pass can take long (each hand-over writes an LLM summary
        # and posts to Slack, up to `batch` of them), and a renewal waiting behind it would let this process's
        # own slow turns be taken over by another instance.
        self._threads = [threading.Thread(target=self._sweep_loop, name="turn-sweeper", daemon=True),
                         threading.Thread(target=self._renew_loop, name="turn-lease-renewer", daemon=True)]
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = STOP_WAIT_S) -> None:
        """Stop sweeping, and end the leases of turns still running here so another instance (or this
        one restarted) takes them over at once instead of a lease later.

        `timeout`: the longest wait for a pass under way (in all); this runs in the SIGTERM handler,
        inside the server's graceful timeout."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads = []
        held = self._leases.held()
        try:
            if held and self._claims.expire(held, owner=self._leases.owner, now=self._clock()):
                log.info("turn recovery: %d turn(s) still running at shutdown left for another instance", len(held))
        except Exception:
            log.exception("turn recovery: could not hand over the turns running at shutdown; their leases "
                          "run out by themselves")

    def _sweep_loop(self) -> None:
        every = self._settings.sweep_every_s
        while not self._stop.is_set():
            try:
                report = self.run_once()
                if report.settled or report.resumed or report.handed_over:
                    log.debug("turn recovery: %s", report)
            except Exception:
                log.exception("turn recovery: a sweep failed; retrying in %.1f s", every)
            self._stop.wait(every)

    def _renew_loop(self) -> None:
        tick = self._leases.lease.total_seconds() / 6  # NOTE: renewals are due every third of a lease
        while not self._stop.wait(tick):
            try:
                self.renew()
            except Exception:
                log.exception("turn recovery: renewing leases failed; retrying in %.1f s", tick)
