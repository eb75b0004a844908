"""A fingerprint of every answer the bot gives on development sets: a CPU change must leave it unchanged.

Runs each set's golden questions (one conversation each) and multi-turn conversations in-process
through the real Flask app (the POST, the turn on the request's thread, the stored answer as the
customer's event stream receives it), and hashes every event's data less what differs from run to
run (ids, timestamps, stream ids). Prints one hash per set and one JSON line; run it on two checkouts
(`--root`) and compare. Offline, extractive answers; development data only (examples/ and centres
that `answers_quality.DEVELOPMENT` lists).

    python benchmarks/answer_fingerprint.py [--root CHECKOUT] [--sets examples inkwell-print ...]
                                            [--cache DIR] [--dump FILE]

`--cache DIR` keeps each set's indexed data folder there, so a second run (or another checkout)
searches the same index without embedding the documents again; each run works on a copy.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = ("examples", "inkwell-print", "brightwell-dental", "parcelwise-couriers")
VOLATILE = frozenset({"id", "conversation_id", "created_at", "stream_id", "updated_at", "state_changed_at"})


def stable(value: Any) -> Any:
    """`value` without the keys that differ from run to run."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def conversations(folder: Path) -> list[tuple[str | None, list[str]]]:
    """(locale, questions) per conversation: each golden question alone, then each multi-turn one."""
    out: list[tuple[str | None, list[str]]] = []
    for name in ("golden.jsonl", "golden_i18n_dev.jsonl"):
        path = folder / name
        if path.is_file():
            for line in path.read_text().splitlines():
                if line.strip():
                    row = json.loads(line)
                    out.append((row.get("lang"), [row["question"]]))
    path = folder / "conversations.jsonl"
    if path.is_file():
        for line in path.read_text().splitlines():
            if line.strip():
                out.append((None, [t["question"] for t in json.loads(line)["turns"]]))
    return out


def set_folder(name: str) -> tuple[Path, Path]:
    """(documents, questions' folder) of a development set."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from answers_quality import DEVELOPMENT

    if name == "examples":
        return ROOT / "examples", ROOT / "examples"
    if name not in DEVELOPMENT:
        raise SystemExit(f"{name} is not a development set (answers_quality.DEVELOPMENT)")
    folder = ROOT / "datasets" / "helpcentres" / name
    return folder / "docs", folder


def run_set(root: Path, name: str, cache: Path | None) -> tuple[str, int, list[Any]]:
    """Every event of every conversation of set `name` on `root`'s code: (hash, turns, events)."""
    from bot.triage.setup import InlineExecutor
    from bot.web.config import WebSettings
    from server import Settings, create_app

    docs, questions = set_folder(name)
    with tempfile.TemporaryDirectory(prefix="fingerprint-") as tmp:
        data = Path(tmp) / "data"
        cached = cache / name if cache is not None else None
        if cached is not None and cached.is_dir():
            shutil.copytree(cached, data)
        limits = WebSettings(rate_limit_per_ip="1000000 per minute", rate_limit_per_conversation="1000000 per minute")
        app = create_app(Settings(data_dir=data, web=limits, examples_dir=docs), start_background=False)
        services = app.extensions["supportbot"]
        if cached is not None and not cached.is_dir():
            shutil.copytree(data, cached)
        services.bot._pool = InlineExecutor()  # NOTE: the turn on the request's thread, finished when POST returns
        client = app.test_client()
        events: list[Any] = []
        turns = 0
        for locale, asked in conversations(questions):
            created = client.post("/api/conversations", json={"locale": locale or "en"}).get_json()
            auth = {"Authorization": f"Bearer {created['token']}"}
            subscription = services.bus.subscribe(created["id"])
            for text in asked:
                response = client.post(f"/api/conversations/{created['id']}/messages", json={"text": text},
                                       headers=auth)
                events.append(["post", response.status_code, stable(response.get_json())])
                while (event := subscription.get(0)) is not None:
                    events.append([event.type, stable(event.data)])
                turns += 1
            subscription.close()
        services.close()
    digest = hashlib.sha256(json.dumps(events, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return digest, turns, events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code answers")
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--cache", type=Path, help="keep each set's indexed data folder here")
    parser.add_argument("--dump", type=Path, help="write every event here (JSON) to diff two runs")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    report: dict[str, Any] = {"benchmark": "answer_fingerprint", "root": str(root), "sets": {}}
    dumped: dict[str, Any] = {}
    for name in args.sets:
        digest, turns, events = run_set(root, name, args.cache)
        report["sets"][name] = {"sha256": digest, "turns": turns}
        dumped[name] = events
        print(f"{name}: {turns} turns, {digest}", flush=True)
    if args.dump is not None:
        args.dump.write_text(json.dumps(dumped, ensure_ascii=False, indent=1, sort_keys=True))
    print(json.dumps(report, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
