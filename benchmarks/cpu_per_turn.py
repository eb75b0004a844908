"""Server CPU per turn and turns/s: the product against the LangChain tutorial anchor, in one run, interleaved.

Both servers run at once on loopback, one worker each: the product as `supportbot serve` (fresh data
folder, the example help centre indexed, no LLM: extractive answers), the anchor
(`anchor_langchain_tutorial.py`) under gunicorn gthread. Phases alternate between them (the order
flips every repetition), so both see the same machine load. A product turn is everything it does
for a customer: POST the message (stored, PII-redacted), triage, search, the answer stored and
delivered on the customer's open event stream (web_load.py's customer). An anchor turn is POST
/ask -> the best chunk. Server CPU is user + system time of the server's processes (master and
workers, from /proc) over the phase, divided by the turns it served.

    python benchmarks/cpu_per_turn.py [--clients 1 8] [--seconds 8] [--repetitions 3] [--threads 32] [--distinct]
                                      [--baseline CHECKOUT]

`--distinct` numbers every question ("... (#3-17)"), for both servers: without it the 8 questions
repeat, and the product embeds each only once per run (its `VectorMemo` remembers the last 256
texts) while the anchor embeds every question, which flatters the product's CPU per turn.

`--baseline CHECKOUT` also serves another checkout's product (e.g. main beside a branch) in the same
run, its phases interleaved with the other two (the order rotates every repetition), so a change is
judged against the same machine load; its ratios are printed beside the product's.

Prints each phase, then medians and ratios, then one JSON line. Budgets (issue 14): CPU per turn at
most 1.5x the anchor's; turns/s at 8 clients at least 0.7x the anchor's.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bot"), str(ROOT / "benchmarks")]
from web.server_process import ServerProcess, _children  # noqa: E402
from web_load import Customer, question  # noqa: E402

BUDGET = {"cpu_ratio": 1.5, "turns_ratio_8": 0.7}
_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of `pid` and its children (gunicorn master and workers)."""
    total = 0
    for each in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICK


def anchor_client(base: str, index: int, deadline: float, counts: list[int], errors: list[str],
                  distinct: bool = False) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        turn = 0
        while time.monotonic() < deadline:
            text = question(index, turn, distinct=distinct)
            turn += 1
            try:
                response = client.post("/ask", json={"question": text})
            except httpx.HTTPError as exc:
                errors.append(repr(exc))
                continue
            if response.status_code == 200:
                counts[index] += 1
            else:
                errors.append(f"HTTP {response.status_code}")


def phase(kind: str, server: ServerProcess, clients: int, seconds: float,
          distinct: bool = False) -> dict[str, float | int | str]:
    """`clients` customers back to back for `seconds`; turns, turns/s and server CPU per turn."""
    errors: list[str] = []
    if kind == "anchor":
        counts = [0] * clients
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=anchor_client, args=(server.url, i, deadline, counts, errors, distinct))
                   for i in range(clients)]
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed, cpu = time.monotonic() - started, cpu_seconds(server.pid) - cpu_before
        turns = sum(counts)
    else:
        crowd = [Customer(server.url, i, distinct=distinct) for i in range(clients)]
        stop = threading.Event()
        # NOTE: customers open their conversation and stream first; CPU and time count from the first turn on.
        ready = threading.Barrier(clients + 1)
        marks: dict[str, float] = {}

        def run(customer: Customer) -> None:
            ready.wait()
            customer.run(marks["deadline"], stop, 10_000)

        threads = [threading.Thread(target=run, args=(c,)) for c in crowd]
        for t in threads:
            t.start()
        marks["deadline"] = time.monotonic() + seconds
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        ready.wait()
        for t in threads:
            t.join(timeout=seconds + 30)
        elapsed, cpu = time.monotonic() - started, cpu_seconds(server.pid) - cpu_before
        stop.set()
        turns = sum(len(c.latencies) for c in crowd)
        errors = [e for c in crowd for e in c.errors]
    return {"kind": kind, "clients": clients, "turns": turns, "seconds": round(elapsed, 2),
            "turns_per_s": round(turns / elapsed, 1), "cpu_ms_per_turn": round(1000 * cpu / max(turns, 1), 2),
            "errors": len(errors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--threads", type=int, default=32, help="each server's request threads")
    parser.add_argument("--distinct", action="store_true", help="number every question (no text repeats)")
    parser.add_argument("--worker", choices=["loop", "threads"], default="loop", help="the product's worker")
    parser.add_argument("--baseline", type=Path, help="also serve this checkout's product (e.g. main), interleaved")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="cpu-turn-") as tmp, contextlib.ExitStack() as stack:
        anchor_dir = Path(tmp) / "anchor"
        anchor_dir.mkdir()
        servers = {
            "anchor": stack.enter_context(ServerProcess(anchor_dir, threads=args.threads,
                                                        pythonpath=ROOT / "benchmarks",
                                                        app_spec="anchor_langchain_tutorial:app()")),
            "product": stack.enter_context(ServerProcess(Path(tmp) / "product", threads=args.threads,
                                                         worker=args.worker)),
        }
        if args.baseline is not None:
            servers["baseline"] = stack.enter_context(ServerProcess(Path(tmp) / "baseline", threads=args.threads,
                                                                    worker=args.worker, root=args.baseline))
        for kind, server in servers.items():  # warm-up, not measured
            phase(kind, server, 2, 2.0)
        phases = []
        kinds = list(servers)
        for repetition in range(args.repetitions):
            for clients in args.clients:
                shift = repetition % len(kinds)  # NOTE: with two kinds, they alternate as before
                order = kinds[shift:] + kinds[:shift]
                for kind in order:
                    result = phase(kind, servers[kind], clients, args.seconds, args.distinct)
                    phases.append(result)
                    print(f"rep {repetition + 1} {kind:8s} {clients:2d} clients: {result['turns']} turns, "
                          f"{result['turns_per_s']} turns/s, server CPU {result['cpu_ms_per_turn']} ms/turn, "
                          f"errors {result['errors']}", flush=True)
    summary = {}
    for clients in args.clients:
        row = {}
        for kind in kinds:
            mine = [p for p in phases if p["kind"] == kind and p["clients"] == clients]
            row[f"{kind}_cpu_ms_per_turn"] = statistics.median(float(p["cpu_ms_per_turn"]) for p in mine)
            row[f"{kind}_turns_per_s"] = statistics.median(float(p["turns_per_s"]) for p in mine)
        for kind, prefix in (("product", ""), ("baseline", "baseline_")):
            if kind not in kinds:
                continue
            row[f"{prefix}cpu_ratio"] = round(row[f"{kind}_cpu_ms_per_turn"] / row["anchor_cpu_ms_per_turn"], 2)
            row[f"{prefix}turns_ratio"] = round(row[f"{kind}_turns_per_s"] / row["anchor_turns_per_s"], 2)
            print(f"{clients:2d} clients, medians: CPU/turn {kind} {row[f'{kind}_cpu_ms_per_turn']} ms vs anchor "
                  f"{row['anchor_cpu_ms_per_turn']} ms = {row[f'{prefix}cpu_ratio']}x; turns/s {kind} "
                  f"{row[f'{kind}_turns_per_s']} vs anchor {row['anchor_turns_per_s']} = "
                  f"{row[f'{prefix}turns_ratio']}x")
        summary[clients] = row
    checks = {
        "cpu_ratio": all(r["cpu_ratio"] <= BUDGET["cpu_ratio"] for r in summary.values()),
        "turns_ratio_8": 8 in summary and summary[8]["turns_ratio"] >= BUDGET["turns_ratio_8"],
        "no_errors": all(p["errors"] == 0 for p in phases),
    }
    print("budgets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in checks.items()))
    print(json.dumps({"benchmark": "cpu_per_turn", "worker": args.worker, "distinct": args.distinct,
                      "summary": summary, "phases": phases,
                      "budgets": BUDGET, "checks": checks, "ok": all(checks.values()),
                      "baseline": str(args.baseline.resolve()) if args.baseline is not None else None,
                      "loadavg_1m": round(os.getloadavg()[0], 2)}, sort_keys=True))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
