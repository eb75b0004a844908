"""Where each server's CPU goes per turn, product against the LangChain tutorial anchor, in one run.

`cpu_per_turn.py` gives one number per server (CPU per turn); this splits it. Both servers run as
there (the product as `supportbot serve`, the anchor under gunicorn gthread, one worker each, the
same `--distinct` clients), phases interleaved, and during each phase `perf record -e cpu-clock`
samples every thread of the server's processes (a software clock: no hardware counters needed, and
a sample is CPU time spent, not instructions: valgrind's instruction counts weigh onnxruntime's
AVX-512 kernels as its slower AVX2 path, so a turn that is even in instructions can be 2x in
CPU). Each sample is charged to the shared object it ran in: the Python interpreter, onnxruntime
(the embedding), numpy, the kernel (syscalls, thread hand-offs, sockets), libc, SQLite, the event
loop's C code (uvloop, aiohttp's parser). Prints CPU ms per turn per part for both servers and
their ratios, then one JSON line.

    python benchmarks/server_profile.py [--clients 1 8] [--seconds 8] [--repetitions 2]

Needs `perf` (Debian: linux-perf). The split's shares are robust to machine load; the ms are not.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bot"), str(ROOT / "benchmarks")]
from cpu_per_turn import phase  # noqa: E402
from web.server_process import ServerProcess, _children  # noqa: E402

# The part a shared object belongs to (first match wins); anything else is "other".
PARTS = (
    ("python", r"libpython|^python"), ("onnxruntime", r"onnxruntime"), ("numpy", r"_multiarray|openblas|numpy"),
    ("kernel", r"kernel|vdso"), ("libc", r"^libc\.|ld-linux|libm\.|libstdc"), ("sqlite", r"sqlite"),
    ("loop+http (C)", r"uvloop|loop\.cpython|_http_parser|_http_writer|multidict|yarl|propcache|_websocket"),
    ("tokenizers", r"tokenizers"), ("json", r"_json|orjson"),
)
HZ = 1000


def part(dso: str) -> str:
    name = dso.rsplit("/", 1)[-1].strip("[]")
    return next((label for label, pattern in PARTS if re.search(pattern, name)), "other")


def samples_by_part(report: str) -> Counter[str]:
    """Samples per part from `perf report --sort dso -F sample,dso --stdio` (lines "COUNT DSO")."""
    samples: Counter[str] = Counter()
    for line in report.splitlines():
        found = re.match(r"\s*(\d+)\s+(\S.*)$", line)
        if found:
            samples[part(found.group(2).strip())] += int(found.group(1))
    return samples


def profiled_phase(kind: str, server: ServerProcess, clients: int, seconds: float, tmp: Path) -> dict[str, object]:
    """One `cpu_per_turn` phase with perf sampling the server's threads; ms per turn per part."""
    out = tmp / f"{kind}-{clients}-{time.monotonic_ns()}.data"
    pids = ",".join(str(p) for p in [server.pid, *_children(server.pid)])
    perf = subprocess.Popen(["perf", "record", "-q", "-e", "cpu-clock", "-F", str(HZ), "-p", pids, "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # perf attached before the first turn
    result = phase(kind, server, clients, seconds, distinct=True)
    perf.send_signal(signal.SIGINT)
    perf.wait(timeout=60)
    report = subprocess.run(["perf", "report", "-i", str(out), "--sort", "dso", "--stdio", "--no-children",
                             "-F", "sample,dso", "-g", "none"], capture_output=True, text=True, check=True).stdout
    samples = samples_by_part(report)
    out.unlink(missing_ok=True)
    turns = max(int(result["turns"]), 1)
    return {**result, "parts_ms_per_turn": {k: round(1000 * v / HZ / turns, 3) for k, v in samples.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--repetitions", type=int, default=2)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--worker", choices=["loop", "threads"], default="loop", help="the product's worker")
    args = parser.parse_args(argv)
    if shutil.which("perf") is None:
        raise SystemExit("perf is not installed (apt-get install linux-perf)")
    phases = []
    with tempfile.TemporaryDirectory(prefix="server-profile-") as name:
        tmp = Path(name)
        (tmp / "anchor").mkdir()
        with ServerProcess(tmp / "anchor", threads=args.threads, app_spec="anchor_langchain_tutorial:app()",
                           pythonpath=ROOT / "benchmarks") as anchor, \
                ServerProcess(tmp / "product", threads=args.threads, worker=args.worker) as product:
            servers = {"anchor": anchor, "product": product}
            for kind, server in servers.items():  # warm-up, not measured
                phase(kind, server, 2, 2.0)
            for repetition in range(args.repetitions):
                for clients in args.clients:
                    for kind in (["anchor", "product"] if repetition % 2 == 0 else ["product", "anchor"]):
                        result = profiled_phase(kind, servers[kind], clients, args.seconds, tmp)
                        phases.append(result)
                        sampled = sum(cast(dict[str, float], result["parts_ms_per_turn"]).values())
                        print(f"rep {repetition + 1} {kind:7s} {clients:2d} clients: {result['turns']} turns, "
                              f"server CPU {result['cpu_ms_per_turn']} ms/turn (/proc), "
                              f"sampled {sampled:.2f}", flush=True)
    summary: dict[int, dict[str, dict[str, float]]] = {}
    for clients in args.clients:
        rows: dict[str, dict[str, float]] = {}
        for kind in ("anchor", "product"):
            mine = [p for p in phases if p["kind"] == kind and p["clients"] == clients]
            names = {k for p in mine for k in p["parts_ms_per_turn"]}  # type: ignore[attr-defined]
            rows[kind] = {k: round(statistics.median(p["parts_ms_per_turn"].get(k, 0.0) for p in mine), 3)  # type: ignore[attr-defined]
                          for k in names}
            rows[kind]["total"] = round(sum(rows[kind].values()), 3)
        summary[clients] = rows
        print(f"\n{clients} client(s): CPU ms per turn by part (medians), product vs anchor")
        for key in sorted(set(rows["product"]) | set(rows["anchor"]), key=lambda k: -rows["product"].get(k, 0.0)):
            p, a = rows["product"].get(key, 0.0), rows["anchor"].get(key, 0.0)
            print(f"  {key:16s} product {p:6.2f}  anchor {a:6.2f}  " + (f"{p / a:5.2f}x" if a else "   -"))
    print(json.dumps({"benchmark": "server_profile", "worker": args.worker, "summary": summary, "phases": phases,
                      "loadavg_1m": round(os.getloadavg()[0], 2)}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
