"""Prometheus metrics of the bot, on a registry the app owns (never prometheus-client's global one)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# NOTE: turns without an LLM take a few ms; with one, seconds. The buckets cover both.
_TURN_BUCKETS = (
    0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)


class Metrics:
    """Counters the service and the web edge update; `/metrics` exposes `registry`.

    With `multiprocess_dir` (gunicorn with several workers: `PROMETHEUS_MULTIPROC_DIR`, set by
    `supportbot serve` before the workers start) every worker writes its values to files there and
    `exposition()` adds up all workers, so a scrape counts everything whichever worker answers it.
    """

    def __init__(self, registry: CollectorRegistry | None = None, *, multiprocess_dir: Path | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.multiprocess_dir = multiprocess_dir
        self.turns_total = Counter(
            "supportbot_turns_total", "Customer turns handled, by outcome.", ["outcome"], registry=self.registry
        )
        self._turn_outcomes: dict[str, Any] = {}  # outcome -> its child of `turns_total`
        self.turn_seconds = Histogram(
            "supportbot_turn_seconds",
            "Time from a stored customer message to the stored reply (or handoff).",
            buckets=_TURN_BUCKETS,
            registry=self.registry,
        )
        self.handoffs_total = Counter(
            "supportbot_handoffs_total", "Conversations handed to a person, by reason.", ["reason"],
            registry=self.registry,
        )
        self.errors_total = Counter(
            "supportbot_errors_total", "Errors answered to a caller or raised in a turn, by kind.", ["kind"],
            registry=self.registry,
        )
        self.triage_llm_skipped_total = Counter(
            "supportbot_triage_llm_skipped_total",
            "LLM triage asks left out (queue_full, expired); the rules and the learned stage stood.", ["why"],
            registry=self.registry,
        )
        self.sse_streams = Gauge(
            "supportbot_sse_streams", "Event streams currently open (summed over live workers).",
            registry=self.registry, multiprocess_mode="livesum",
        )
        self.admin_logins_total = Counter(
            "supportbot_admin_logins_total", "Console logins and bearer-token checks, by outcome.", ["outcome"],
            registry=self.registry,
        )

    def exposition(self) -> bytes:
        """The Prometheus text format: this process's registry, or every worker's in multiprocess mode."""
        if self.multiprocess_dir is None:
            return generate_latest(self.registry)
        from prometheus_client import multiprocess

        merged = CollectorRegistry()
        multiprocess.MultiProcessCollector(merged, path=str(self.multiprocess_dir))
        return generate_latest(merged)

    def admin_login(self, outcome: str) -> None:
        """`ok`, `failed` or `throttled`."""
        self.admin_logins_total.labels(outcome=outcome).inc()

    def observe_turn(self, seconds: float, outcome: str) -> None:
        """One finished turn; outcome e.g. `answered`, `no_answer`, `handoff`, `agent`, `error`."""
        counter = self._turn_outcomes.get(outcome)
        if counter is None:  # NOTE: `labels` checks and locks on every call; a turn reuses its outcome's child
            counter = self._turn_outcomes[outcome] = self.turns_total.labels(outcome=outcome)
        counter.inc()
        self.turn_seconds.observe(seconds)

    def handoff(self, reason: str) -> None:
        """A conversation moved to a person (reason as in `HandoffRequest.reason`)."""
        self.handoffs_total.labels(reason=reason).inc()

    def error(self, kind: str) -> None:
        """An error of a bounded set of kinds (our error codes, never free text)."""
        self.errors_total.labels(kind=kind).inc()

    def triage_llm_skipped(self, why: str) -> None:
        """An LLM triage ask not sent: `queue_full` or `expired` (waited past its turn's deadline)."""
        self.triage_llm_skipped_total.labels(why=why).inc()

    def stream_opened(self) -> None:
        self.sse_streams.inc()

    def stream_closed(self) -> None:
        self.sse_streams.dec()


def prepare_multiprocess_dir(path: Path) -> None:
    """An empty folder for the workers' metric files (stale ones from a previous run would add up)."""
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()


def worker_exited(path: Path, pid: int) -> None:
    """gunicorn `child_exit`: drop a dead worker's live gauges (its counters stay counted)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, path=str(path))
