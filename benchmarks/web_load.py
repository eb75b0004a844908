"""Load benchmark of the customer API: N concurrent customers, each holding an events stream open.

Starts the real server (`supportbot serve`, gunicorn gthread) on a loopback port with a fresh data
directory (it indexes examples/ on first start) and no LLM (extractive answers). Each customer
starts a conversation, opens its SSE stream, then asks questions; a turn's latency is POST message
-> the bot's stored answer arriving on that customer's stream. Two kinds of phase:
- saturation (`--customers`): every customer asks again the moment its answer arrives. This gives
  the server's capacity (turns/s); its latency is mostly queueing (8 customers at T turns/s wait
  about 8/T s per turn, Little's law), not the cost of a turn.
- paced (`--paced-customers` together offering `--rate` turns/s, each on its own schedule): the
  latency of a turn when the server carries that load, which is what the budget is about.

    python benchmarks/web_load.py [--seconds 10] [--customers 8 32] [--paced-customers 8] [--rate 64]
                                  [--threads 64] [--data-dir DIR] [--search real|instant]

Prints figures, then one JSON line. Budgets (issue 4): 8 customers at >= 60 turns/s with p50 < 40 ms
and p95 < 100 ms (paced phase, which must keep up with its rate; the saturation phase must reach
60 turns/s); 32 customers with open streams: no errors; server RSS (master + worker) < 400 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bot")]  # web.* moved under tests/bot
from web.server_process import ServerProcess  # noqa: E402 - the same launcher the browser test uses

# Our own questions, answerable from the example help center (not taken from any eval set).
QUESTIONS = [
    "How long does standard delivery to Canada take?",
    "How much does express shipping cost in the US?",
    "How many days do I have to return something?",
    "How do I reset my password?",
    "Can I change the delivery address after ordering?",
    "When will my refund show up on my card?",
    "Which payment methods do you accept?",
    "How do I track my order?",
]
TURN_TIMEOUT_S = 15.0


def question(index: int, turn: int, *, distinct: bool = False) -> str:
    """Customer `index`'s question at `turn`: the list in turn; `distinct` numbers each one, so no two
    texts of a run are equal and nothing remembered by text (the product's `VectorMemo`) is reused."""
    text = QUESTIONS[(index + turn) % len(QUESTIONS)]
    return f"{text} (#{index}-{turn})" if distinct else text
BUDGET = {"p50_ms_8": 40.0, "p95_ms_8": 100.0, "turns_per_s_8": 60.0, "rss_mb": 400.0}


@dataclass
class Customer:
    """One simulated customer: a conversation, a stream reader thread, and its turn latencies."""

    base: str
    index: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    answers: Queue = field(default_factory=Queue)  # (message id, arrival time) of non-customer messages
    stream_open: threading.Event = field(default_factory=threading.Event)
    distinct: bool = False  # every question numbered (see `question`)

    def run(self, deadline: float, stop: threading.Event, max_turns: int, interval: float | None = None,
            offset: float = 0.0) -> None:
        """Ask questions until `deadline`: back to back, or (paced) one every `interval` seconds from
        `offset` on, the next one at once when an answer came later than its slot."""
        with httpx.Client(base_url=self.base, timeout=10) as client:
            try:
                created = client.post("/api/conversations", json={"locale": "en"}).raise_for_status().json()
            except httpx.HTTPError as exc:
                self.errors.append(f"start: {exc}")
                return
            auth = {"Authorization": f"Bearer {created['token']}"}
            reader = threading.Thread(target=self._read, args=(created, stop), daemon=True)
            reader.start()
            if not self.stream_open.wait(10):
                self.errors.append("stream did not open")
                return
            turn = 0
            first_slot = time.monotonic() + offset
            while time.monotonic() < deadline and turn < max_turns and not stop.is_set():
                late = 0.0
                if interval is not None:
                    wait = first_slot + turn * interval - time.monotonic()
                    if wait > 0 and stop.wait(wait):
                        break
                    if time.monotonic() >= deadline:
                        break
                    late = max(0.0, -wait)
                text = question(self.index, turn, distinct=self.distinct)
                turn += 1
                # Paced: the turn is timed from its slot, so a server that falls behind is charged for
                # the wait it caused (no coordinated omission).
                started = time.perf_counter() - late
                try:
                    response = client.post(f"/api/conversations/{created['id']}/messages", json={"text": text},
                                           headers=auth)
                except httpx.HTTPError as exc:
                    self.errors.append(f"post: {exc!r}")
                    continue
                if response.status_code != 201:
                    self.errors.append(f"post: HTTP {response.status_code} {response.text[:120]}")
                    continue
                posted = response.json()["id"]
                if not self._await_answer(posted, started):
                    self.errors.append(f"no answer within {TURN_TIMEOUT_S:.0f}s to message {posted}")

    def _await_answer(self, posted: int, started: float) -> bool:
        deadline = time.monotonic() + TURN_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                message_id, arrived = self.answers.get(timeout=max(0.01, deadline - time.monotonic()))
            except Empty:
                return False
            if message_id > posted:
                self.latencies.append(arrived - started)
                return True
        return False

    def _read(self, created: dict, stop: threading.Event) -> None:
        url = f"{self.base}/api/conversations/{created['id']}/events"
        try:
            with httpx.Client(timeout=httpx.Timeout(10, read=30)) as client, \
                    client.stream("GET", url, params={"token": created["token"]}) as response:
                if response.status_code != 200:
                    self.errors.append(f"stream: HTTP {response.status_code}")
                    return
                self.stream_open.set()
                event, data = None, None
                for line in response.iter_lines():
                    if stop.is_set():
                        return
                    if line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:"):
                        data = line[5:].strip()
                    elif line == "" and event == "message" and data:
                        message = json.loads(data)
                        if message["role"] != "customer":
                            self.answers.put((message["id"], time.perf_counter()))
                        event, data = None, None
        except httpx.HTTPError as exc:
            if not stop.is_set():
                self.errors.append(f"stream: {exc!r}")


def turn_histogram(server: ServerProcess) -> dict[float, float]:
    """Cumulative bucket counts of the server's own `supportbot_turn_seconds` (from /metrics)."""
    try:
        text = httpx.get(server.url + "/metrics", timeout=10).text
    except httpx.HTTPError as exc:  # e.g. every server thread is held by an open stream
        print(f"      (could not read /metrics: {exc!r})")
        return {}
    buckets = {}
    for line in text.splitlines():
        if line.startswith("supportbot_turn_seconds_bucket{"):
            le = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
    return buckets


def histogram_quantile(before: dict[float, float], after: dict[float, float], q: float) -> float | None:
    """Upper bucket bound holding quantile `q` of the turns between two scrapes (Prometheus-style, coarse)."""
    delta = sorted((le, after[le] - before.get(le, 0.0)) for le in after)
    total = delta[-1][1] if delta else 0.0
    if total <= 0:
        return None
    return next(le for le, count in delta if count >= q * total)


def run_phase(server: ServerProcess, customers: int, seconds: float, max_turns: int, rate: float | None = None) -> dict:
    """N customers for `seconds`, back to back or together offering `rate` turns/s; the phase's figures."""
    histogram_before = turn_histogram(server)
    stop = threading.Event()
    peak_rss = [server.rss_bytes()]
    peak_pss = [server.pss_bytes()]

    def sample_rss() -> None:
        while not stop.wait(0.5):
            peak_rss.append(server.rss_bytes())
            peak_pss.append(server.pss_bytes())

    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    crowd = [Customer(server.url, i) for i in range(customers)]
    started = time.monotonic()
    deadline = started + seconds
    interval = customers / rate if rate else None
    threads = [threading.Thread(target=c.run, args=(deadline, stop, max_turns, interval,
                                                    (interval or 0.0) * c.index / customers)) for c in crowd]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + TURN_TIMEOUT_S + 30)
    elapsed = time.monotonic() - started
    # Paced phases send only inside their window: their rate is over the window, not the set-up around it.
    window = min(elapsed, seconds) if rate else elapsed
    stop.set()
    sampler.join(timeout=2)
    latencies = sorted(x for c in crowd for x in c.latencies)
    errors = [e for c in crowd for e in c.errors]
    histogram_after = turn_histogram(server)
    server_p50, server_p95 = (histogram_quantile(histogram_before, histogram_after, q) for q in (0.5, 0.95))
    return {
        "server_turn_p50_le_ms": None if server_p50 is None else round(1000 * server_p50, 1),
        "server_turn_p95_le_ms": None if server_p95 is None else round(1000 * server_p95, 1),
        "customers": customers,
        "offered_turns_per_s": rate,
        "seconds": round(elapsed, 2),
        "turns": len(latencies),
        "turns_per_s": round(len(latencies) / window, 1) if window else 0.0,
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": (round(1000 * latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1)
                   if latencies else None),
        "max_ms": round(1000 * latencies[-1], 1) if latencies else None,
        "errors": len(errors),
        "error_samples": errors[:5],
        "rss_mb": round(max(peak_rss) / 2**20, 1),
        "pss_mb": round(max(peak_pss) / 2**20, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--customers", type=int, nargs="+", default=[8, 32], help="saturation phases")
    parser.add_argument("--paced-customers", type=int, default=8)
    parser.add_argument("--rate", type=float, default=64.0, help="turns/s offered in the paced phase (0: none)")
    parser.add_argument("--max-turns", type=int, default=2000, help="per customer and phase")
    parser.add_argument("--threads", type=int, default=64, help="gunicorn threads (each open stream holds one)")
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse an indexed data directory")
    parser.add_argument("--search", choices=["real", "instant"], default="real",
                        help="instant: a search that costs nothing, to measure the web path + store + turn logic alone")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="web-load-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        started = time.monotonic()
        instant = args.search == "instant"
        spec = {"app_spec": "instant_search_app:app()", "pythonpath": ROOT / "benchmarks"} if instant else {}
        with ServerProcess(data_dir, threads=args.threads, **spec) as server:
            print(f"server ready in {time.monotonic() - started:.1f}s on {server.url} "
                  f"(threads={args.threads}, search={args.search})")
            run_phase(server, 1, 2.0, 5)  # warm-up: model and caches loaded, not measured
            phases = []
            runs = [(n, None) for n in args.customers] + ([(args.paced_customers, args.rate)] if args.rate else [])
            for n, rate in runs:
                phase = run_phase(server, n, args.seconds, args.max_turns, rate)
                phases.append(phase)
                kind = f"paced at {rate:g} turns/s" if rate else "saturation"
                print(f"{n:3d} customers, {kind}: {phase['turns']} turns in {phase['seconds']}s = "
                      f"{phase['turns_per_s']} turns/s, "
                      f"p50 {phase['p50_ms']} ms, p95 {phase['p95_ms']} ms, max {phase['max_ms']} ms, "
                      f"errors {phase['errors']}, server RSS {phase['rss_mb']} MB (PSS {phase['pss_mb']} MB)")
                print(f"      of which the turn inside the server (BotService.run_turn, histogram bucket bound): "
                      f"p50 <= {phase['server_turn_p50_le_ms']} ms, p95 <= {phase['server_turn_p95_le_ms']} ms")
                for sample in phase["error_samples"]:
                    print(f"      error: {sample}")
            idle_rss = round(server.rss_bytes() / 2**20, 1)
            master_rss = round(server.rss_bytes(master_only=True) / 2**20, 1)
            print(f"server RSS after the run: {idle_rss} MB "
                  f"(gunicorn master {master_rss} MB, worker {idle_rss - master_rss:.1f} MB)")
            print(f"machine load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    by_n = {p["customers"]: p for p in phases if p["offered_turns_per_s"] is None}
    eight, many = by_n.get(8), by_n.get(32)
    paced = next((p for p in phases if p["offered_turns_per_s"]), None)
    checks = {
        "p50_8": paced is not None and paced["p50_ms"] is not None and paced["p50_ms"] < BUDGET["p50_ms_8"],
        "p95_8": paced is not None and paced["p95_ms"] is not None and paced["p95_ms"] < BUDGET["p95_ms_8"],
        "paced_kept_up": paced is not None and paced["turns_per_s"] >= BUDGET["turns_per_s_8"],
        "turns_per_s_8": eight is not None and eight["turns_per_s"] >= BUDGET["turns_per_s_8"],
        "no_errors_32": many is not None and many["errors"] == 0,
        "memory_rss": max(p["rss_mb"] for p in phases) < BUDGET["rss_mb"],  # master + worker; PSS is lower
    }
    print("budgets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in checks.items()))
    print(json.dumps({"benchmark": "web_load", "search": args.search, "phases": phases, "rss_mb_after": idle_rss,
                      "master_rss_mb": master_rss,
                      "threads": args.threads, "loadavg_1m": round(os.getloadavg()[0], 2),
                      "budgets": BUDGET, "checks": checks, "ok": all(checks.values())}, sort_keys=True))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
