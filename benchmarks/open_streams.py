"""Open customer streams on one instance: /healthz and agent-reply relay latency while N streams are open.

Starts the real server (`supportbot serve`, one worker, Slack pointed at a fake Slack on loopback,
no example indexing: streams do not search), creates the conversations in its database, then opens
event streams from several loopback addresses (127.0.0.2, 127.0.0.3, ...: all route to lo, and the
server caps open streams per address) in steps (`--steps 5000 10000`). At each step, while every
stream stays open:
- `/healthz`: sequential GETs on a keep-alive connection from another thread, every 20 ms;
- relay: agents reply in the Slack threads of `--relay` handed-off conversations (signed Events API
  requests to `/slack/events`); timed from the request until the reply arrives on that customer's
  open stream (the first reply per thread, which also claims the conversation, is not timed);
- errors: streams refused or closed by the server, /healthz failures, replies that never arrived;
- memory: server RSS (master + worker) against the same server before any stream was open.

    python benchmarks/open_streams.py [--steps 5000 10000] [--addresses 64] [--worker loop|threads]
                                      [--seconds 10] [--relay 20]

`--worker threads --steps 200` shows the gthread worker (every stream holds a thread) for comparison.
Prints figures, then one JSON line. Budgets (issue 14): 5,000 streams with /healthz p95 < 50 ms and
relay p95 < 100 ms; 10,000 with no errors.
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bot"), str(ROOT / "benchmarks")]
import slack_world as w  # noqa: E402
from web.server_process import ServerProcess  # noqa: E402

from bot.config import DatabaseSettings  # noqa: E402
from bot.conversations.database import make_engine, make_sessionmaker  # noqa: E402
from bot.conversations.events import InProcessBus  # noqa: E402
from bot.conversations.store import ConversationStore  # noqa: E402

BUDGET = {"healthz_p95_ms_5000": 50.0, "relay_p95_ms_5000": 100.0, "errors_10000": 0}
OPEN_CONCURRENCY = 256  # connections being set up at once (the listen backlog is 2048)


@dataclass
class Streams:
    """The client side: every open stream's reader, and arrival times of relayed replies."""

    port: int
    addresses: int
    open: int = 0
    errors: list[str] = field(default_factory=list)
    arrived: dict[str, float] = field(default_factory=dict)  # reply text -> perf_counter on arrival
    waiters: dict[str, threading.Event] = field(default_factory=dict)
    watched: set[str] = field(default_factory=set)  # conversation ids whose messages are parsed
    closing: bool = False
    readers: set[asyncio.Task[None]] = field(default_factory=set)  # NOTE: the loop keeps only weak references

    async def open_stream(self, index: int, conversation_id: str, token: str) -> None:
        address = f"127.0.0.{2 + index % self.addresses}"
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(address, 0))
            writer.write(f"GET /api/conversations/{conversation_id}/events?token={token} HTTP/1.1\r\n"
                         f"Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
            status = await asyncio.wait_for(reader.readline(), 30)
            if b" 200 " not in status:
                self.errors.append(f"open {index}: {status.decode(errors='replace').strip()}")
                writer.close()
                return
            while (await reader.readline()) not in (b"\r\n", b""):
                pass
        except (OSError, TimeoutError) as exc:
            self.errors.append(f"open {index}: {exc!r}")
            return
        self.open += 1
        task = asyncio.get_running_loop().create_task(self._read(reader, writer, conversation_id))
        self.readers.add(task)

    async def _read(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, conversation_id: str) -> None:
        watched = conversation_id in self.watched
        try:
            while True:
                line = await (reader.readline() if watched else reader.read(65536))
                if not line:
                    break
                if watched and b'"role":"agent"' in line:
                    text = json.loads(line.split(b"data: ", 1)[1])["text"]
                    self.arrived[text] = time.perf_counter()
                    if text in self.waiters:
                        self.waiters[text].set()
        except OSError as exc:
            if not self.closing:
                self.errors.append(f"stream {conversation_id}: {exc!r}")
                self.open -= 1
            return
        if not self.closing:
            self.errors.append(f"stream {conversation_id} closed by the server")
            self.open -= 1
        writer.close()


class ClientLoop:
    """An asyncio loop in a thread holding every stream, so the main thread can measure."""

    def __init__(self) -> None:
        try:
            import uvloop

            self.loop: asyncio.AbstractEventLoop = uvloop.new_event_loop()
        except ImportError:
            self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: object, timeout: float = 600) -> object:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)  # type: ignore[arg-type]

    def stop(self) -> None:
        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        self.run(cancel_all())
        self.loop.call_soon_threadsafe(self.loop.stop)


async def open_many(streams: Streams, rows: list[tuple[int, str, str]]) -> None:
    gate = asyncio.Semaphore(OPEN_CONCURRENCY)

    async def one(index: int, cid: str, token: str) -> None:
        async with gate:
            await streams.open_stream(index, cid, token)

    await asyncio.gather(*(one(i, cid, token) for i, cid, token in rows))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def probe_healthz(port: int, seconds: float) -> tuple[list[float], int]:
    """Sequential /healthz on one keep-alive connection; (latencies in ms, failures)."""
    latencies, failures = [], 0
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures += 1
            latencies.append((time.perf_counter() - started) * 1000)
        except (OSError, http.client.HTTPException):
            failures += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        time.sleep(0.02)
    connection.close()
    return latencies, failures


def _probe_into(results: dict[str, tuple[list[float], int]], port: int, seconds: float) -> None:
    results["h"] = probe_healthz(port, seconds)


def relay_round(streams: Streams, url: str, threads: dict[str, str], replies: int, tag: str) -> tuple[list[float], int]:
    """Agents reply in each thread in turn; (latencies in ms, replies that never arrived)."""
    latencies, lost = [], 0
    conversations = list(threads)
    for i in range(replies):
        cid = conversations[i % len(conversations)]
        text = f"reply {tag} {i}"
        streams.waiters[text] = threading.Event()
        started = time.perf_counter()
        w.post_event(url, w.reply_event(threads[cid], text, f"1900000000.{tag}{i:06d}"), event_id=f"Ev{tag}{i}")
        if not streams.waiters[text].wait(10):
            lost += 1
            continue
        latencies.append((streams.arrived[text] - started) * 1000)
        time.sleep(0.01)
    return latencies, lost


def create_conversations(data_dir: Path, count: int) -> list[tuple[str, str]]:
    engine = make_engine(DatabaseSettings(url=f"sqlite:///{data_dir / 'supportbot.sqlite3'}"))
    store = ConversationStore(make_sessionmaker(engine), bus=InProcessBus())
    rows = []
    for i in range(count):
        conversation, token = store.create_conversation(customer_name=f"Customer {i}", locale="en")
        rows.append((conversation.id, token))
    engine.dispose()
    return rows


def hand_off(server: ServerProcess, fake: object, rows: list[tuple[str, str]]) -> dict[str, str]:
    """Each conversation asks for a person; returns conversation id -> the Slack thread of its card.

    Each asks from its own loopback address (127.0.1.x): the desk admits 3 handoffs per address a minute.
    """
    import httpx

    for i, (cid, token) in enumerate(rows):
        with httpx.Client(transport=httpx.HTTPTransport(local_address=f"127.0.1.{1 + i % 250}")) as client:
            client.post(f"{server.url}/api/conversations/{cid}/handoff", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).raise_for_status()
    threads: dict[str, str] = {}
    deadline = time.monotonic() + 60
    while len(threads) < len(rows) and time.monotonic() < deadline:
        for call in fake.calls("chat.postMessage"):  # type: ignore[attr-defined]
            if call.body.get("thread_ts"):
                continue
            body = json.dumps(call.body)
            for cid, _ in rows:
                if cid in body:
                    threads[cid] = call.result["ts"]
        time.sleep(0.1)
    if len(threads) < len(rows):
        raise SystemExit(f"only {len(threads)} of {len(rows)} cards reached the fake Slack; the server's log:\n"
                         f"{server.log_tail()}")
    return threads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[5000, 10000], help="open streams at each step")
    parser.add_argument("--addresses", type=int, default=64, help="loopback source addresses to spread streams over")
    parser.add_argument("--worker", choices=["loop", "threads"], default="loop")
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0, help="/healthz probing per step")
    parser.add_argument("--relay", type=int, default=20, help="handed-off conversations agents reply in")
    parser.add_argument("--replies", type=int, default=200, help="timed replies per step")
    args = parser.parse_args(argv)

    total = max(args.steps)
    fake = w.fake_slack()
    env = {"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": w.SECRET, "SLACK_SUPPORT_CHANNEL": w.CHANNEL,
           "SLACK_API_URL": fake.api_url, "SUPPORTBOT_HANDOFF__OUTBOX_PER_CHANNEL_PER_S": "1000",
           "SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false"}
    client = ClientLoop()
    results = []
    with tempfile.TemporaryDirectory(prefix="open-streams-") as tmp, \
            ServerProcess(Path(tmp), extra_env=env, threads=args.threads, worker=args.worker) as server:
        started = time.monotonic()
        rows = create_conversations(Path(tmp), total + args.relay)
        print(f"{len(rows)} conversations created in {time.monotonic() - started:.1f}s; worker={args.worker}",
              flush=True)
        relay_rows, stream_rows = rows[:args.relay], rows[args.relay:]
        threads = hand_off(server, fake, relay_rows)
        streams = Streams(server.port, args.addresses, watched={cid for cid, _ in relay_rows})
        client.run(open_many(streams, [(i, cid, token) for i, (cid, token) in enumerate(relay_rows)]))
        relay_round(streams, server.url + "/slack/events", threads, len(threads), "warm")  # claims each thread
        baseline_rss = server.rss_bytes()
        opened = 0
        for step in args.steps:
            began = time.monotonic()
            batch = [(args.relay + i, cid, token) for i, (cid, token) in enumerate(stream_rows[opened:step])]
            client.run(open_many(streams, batch))
            opened = step
            open_s = time.monotonic() - began
            time.sleep(1.0)  # let the server settle after the burst
            probe: dict[str, tuple[list[float], int]] = {}
            prober = threading.Thread(target=_probe_into, args=(probe, server.port, args.seconds))
            prober.start()
            relay, lost = relay_round(streams, server.url + "/slack/events", threads, args.replies, str(step))
            prober.join()
            healthz, healthz_failures = probe["h"]
            rss = server.rss_bytes()
            result = {
                "streams": step, "open_now": streams.open, "open_s": round(open_s, 1),
                "healthz_p50_ms": round(statistics.median(healthz), 2) if healthz else None,
                "healthz_p95_ms": round(percentile(healthz, 0.95), 2) if healthz else None,
                "healthz_samples": len(healthz), "healthz_failures": healthz_failures,
                "relay_p50_ms": round(statistics.median(relay), 2) if relay else None,
                "relay_p95_ms": round(percentile(relay, 0.95), 2) if relay else None,
                "relay_samples": len(relay), "relay_lost": lost,
                "stream_errors": len(streams.errors), "error_samples": streams.errors[:3],
                "server_rss_mb": round(rss / 2**20, 1),
                "kb_per_stream": round((rss - baseline_rss) / 1024 / max(1, streams.open - args.relay), 1),
            }
            result["errors"] = result["stream_errors"] + healthz_failures + lost
            results.append(result)
            print(f"{step:6d} streams ({streams.open} open, opened in {result['open_s']}s): /healthz p50 "
                  f"{result['healthz_p50_ms']} ms p95 {result['healthz_p95_ms']} ms ({len(healthz)} probes, "
                  f"{healthz_failures} failed); relay p50 {result['relay_p50_ms']} ms p95 {result['relay_p95_ms']} ms "
                  f"({len(relay)} replies, {lost} lost); errors {result['errors']}; "
                  f"server RSS {result['server_rss_mb']} MB, {result['kb_per_stream']} kB per open stream")
            for sample in result["error_samples"]:
                print(f"      error: {sample}")
        streams.closing = True
    client.stop()
    fake.stop()
    by_step = {r["streams"]: r for r in results}
    five, ten = by_step.get(5000), by_step.get(10000)
    checks = {
        "healthz_p95_5000": five is not None and five["healthz_p95_ms"] is not None
        and five["healthz_p95_ms"] < BUDGET["healthz_p95_ms_5000"],
        "relay_p95_5000": five is not None and five["relay_p95_ms"] is not None
        and five["relay_p95_ms"] < BUDGET["relay_p95_ms_5000"],
        "no_errors_10000": ten is not None and ten["errors"] == 0,
    }
    print("budgets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in checks.items()))
    print(json.dumps({"benchmark": "open_streams", "worker": args.worker, "addresses": args.addresses,
                      "steps": results, "budgets": BUDGET, "checks": checks, "ok": all(checks.values()),
                      "loadavg_1m": round(os.getloadavg()[0], 2)}, sort_keys=True))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
