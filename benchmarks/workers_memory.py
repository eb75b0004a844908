"""Memory of one instance with 1 and 2 workers on Postgres and Redis: what a second worker costs.

Starts `supportbot serve` on the bundled example help centre with DATABASE_URL and REDIS_URL set
(a database of its own is created on the Postgres server), as `--workers 1`, `--workers 2
--no-preload-model` (each worker loads its own model, as before issue 14 item 4) and `--workers 2`
(the model loaded once in the master before the fork, shared copy-on-write), asks `--turns`
questions through the customer API so every worker has searched, then reads PSS (pages shared
between processes counted once, split between them) of the master and each worker from
/proc/PID/smaps_rollup. Median of `--runs` starts each.

    python benchmarks/workers_memory.py [--database postgresql+psycopg://postgres@127.0.0.1:5432/postgres]
                                        [--redis redis://127.0.0.1:6379/7] [--runs 3] [--turns 20]

Prints one line per start, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "bot")]
from web.server_process import ServerProcess, _children, _smaps_rollup  # noqa: E402

QUESTIONS = ["How long does delivery to Canada take?", "How do I reset my password?",
             "Which payment methods do you accept?", "How many days do I have to return something?"]
LAYOUTS = {"1 worker": (1, ()), "2 workers, a model each": (2, ("--no-preload-model",)),
           "2 workers, model preloaded": (2, ())}


def _own_database(server_url: str, name: str) -> str:
    """A fresh database on the server (the benchmark's tables never meet a test's)."""
    import psycopg

    dsn = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _ask(server: ServerProcess, turns: int) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for i in range(turns):
            created = client.post("/api/conversations", json={"locale": "en"}).json()
            server.post_as_customer(created["id"], created["token"], QUESTIONS[i % len(QUESTIONS)])
    time.sleep(3)  # the turn pool answers after the POST returns


def measure(data_dir: Path, env: dict[str, str], workers: int, args: tuple[str, ...], turns: int) -> dict:
    with ServerProcess(data_dir, extra_env=env, workers=workers, serve_args=args, startup_timeout_s=600) as server:
        deadline = time.monotonic() + 120
        while len(_children(server.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.5)
        _ask(server, turns)
        pids = _children(server.pid)
        master = _smaps_rollup(server.pid, "Pss:") / 2**20
        each = [_smaps_rollup(pid, "Pss:") / 2**20 for pid in pids]
    return {"pss_total_mb": round(master + sum(each)), "pss_master_mb": round(master),
            "pss_workers_mb": [round(w) for w in each]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--turns", type=int, default=20)
    args = parser.parse_args()

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="workers-memory-") as tmp:
        data_dir = Path(tmp) / "data"
        env = {"DATABASE_URL": _own_database(args.database, "supportbot_workers_memory"), "REDIS_URL": args.redis}
        with ServerProcess(data_dir, extra_env=env, startup_timeout_s=900):
            pass  # the first start indexes the examples and saves the search snapshot
        for name, (workers, extra) in LAYOUTS.items():
            runs = []
            for run in range(args.runs):
                row = measure(data_dir, env, workers, extra, args.turns)
                runs.append(row)
                print(f"{name}, start {run + 1}: PSS {row['pss_total_mb']} MB (master {row['pss_master_mb']}, "
                      f"workers {row['pss_workers_mb']})", flush=True)
            results[name] = {"pss_total_mb_median": statistics.median(r["pss_total_mb"] for r in runs), "runs": runs}
    one = results["1 worker"]["pss_total_mb_median"]
    for name, row in results.items():
        row["vs_1_worker"] = round(row["pss_total_mb_median"] / one, 2)
        print(f"{name}: PSS {row['pss_total_mb_median']} MB, {row['vs_1_worker']}x one worker")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
