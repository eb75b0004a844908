"""/metrics adds up every gunicorn worker (prometheus multiprocess mode), not just the one scraped."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.web.metrics import prepare_multiprocess_dir, worker_exited
from tests import services
from tests.bot.web.server_process import ServerProcess

ROOT = Path(__file__).resolve().parents[3]
_WORKER = """
from pathlib import Path
import sys
from bot.web.metrics import Metrics
m = Metrics(multiprocess_dir=Path(sys.argv[1]))
m.observe_turn(0.02, "answered")
m.handoff("no_answer")
m.stream_opened()
"""
_SCRAPE = """
from pathlib import Path
import sys
from bot.web.metrics import Metrics
sys.stdout.write(Metrics(multiprocess_dir=Path(sys.argv[1])).exposition().decode())
"""


def _python(code: str, folder: Path) -> str:
    env = {"PATH": os.environ.get("PATH", ""), "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, str(folder)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout


def test_two_processes_add_up(tmp_path: Path) -> None:
    folder = tmp_path / "metrics"
    (folder).mkdir()
    (folder / "counter_1.db").write_bytes(b"stale")
    prepare_multiprocess_dir(folder)
    assert not list(folder.glob("*.db"))
    _python(_WORKER, folder)
    _python(_WORKER, folder)
    text = _python(_SCRAPE, folder)
    assert re.search(r'supportbot_turns_total\{outcome="answered"\} 2\.0', text), text
    assert re.search(r'supportbot_handoffs_total\{reason="no_answer"\} 2\.0', text)
    assert re.search(r"supportbot_turn_seconds_count 2\.0", text)
    assert "supportbot_sse_streams 2.0" in text  # one open stream in each worker
    for pid in {int(p.stem.rsplit("_", 1)[1]) for p in folder.glob("gauge_livesum_*.db")}:
        worker_exited(folder, pid)  # what gunicorn's child_exit hook does
    after = _python(_SCRAPE, folder)
    assert not re.search(r"^supportbot_sse_streams [1-9]", after, re.M)  # dead workers hold no streams
    assert re.search(r'supportbot_turns_total\{outcome="answered"\} 2\.0', after)  # counters stay counted


@pytest.mark.slow
def test_served_with_two_workers_every_scrape_counts_all(tmp_path: Path) -> None:
    redis_url = services.REDIS_URL
    if not redis_url:
        pytest.skip("REDIS_URL is not set: `serve --workers 2` needs redis")
    server = ServerProcess(tmp_path / "data", extra_env={"REDIS_URL": redis_url}, workers=2)
    with server:
        for _ in range(12):
            httpx.post(f"{server.url}/api/conversations", json={}, timeout=10).raise_for_status()
            httpx.get(f"{server.url}/api/conversations/nope", timeout=10)
        scrapes = [httpx.get(f"{server.url}/metrics", timeout=10).text for _ in range(6)]
    counts = {re.search(r'supportbot_errors_total\{kind="missing_token"\} (\S+)', s).group(1) for s in scrapes}
    assert counts == {"12.0"}
