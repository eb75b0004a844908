"""Run the real server (`supportbot serve`) as a subprocess on a free loopback port."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.doubles import free_port

ROOT = Path(__file__).resolve().parents[3]
_PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH",
                   "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")  # a benchmark's cold-import setting holds


class ServerProcess:
    """A fresh data directory, no inherited secrets; `url`, `rss_bytes()`, `stop()`."""

    def __init__(self, data_dir: Path, *, extra_env: dict[str, str] | None = None, threads: int = 32,
                 startup_timeout_s: float = 300.0, app_spec: str | None = None, pythonpath: Path | None = None,
                 workers: int = 1, worker: str | None = None, serve_args: tuple[str, ...] = (),
                 root: Path | None = None) -> None:
        """`app_spec` (e.g. `module:factory()`) runs gunicorn gthread on another app than `supportbot serve` does;
        `worker` is `serve --worker` (`loop`, the default, or `threads`); `root`: serve another checkout's code
        (e.g. main beside a branch, in one benchmark run)."""
        self.data_dir = Path(data_dir)
        self.threads = threads
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.data_dir / "server.log"
        self._startup_timeout_s = startup_timeout_s
        self._env = {k: os.environ[k] for k in _PASSED_THROUGH if k in os.environ}
        self._env.update({
            "SUPPORTBOT_DATA_DIR": str(self.data_dir),
            "SUPPORTBOT_WEB__RATE_LIMIT_PER_IP": "100000 per minute",
            "SUPPORTBOT_WEB__RATE_LIMIT_PER_CONVERSATION": "10000 per minute",
            "SUPPORTBOT_WEB__STREAMS_PER_IP": "100000",  # load tests come from one address
            "SUPPORTBOT_WEB__CONNECTIONS_PER_IP": "100000",  # counted (as in production), never refused
            "PYTHONUNBUFFERED": "1",
        })
        self._env.update(extra_env or {})
        self._proc: subprocess.Popen[bytes] | None = None
        self._app_spec = app_spec
        self._pythonpath = pythonpath
        self._worker = worker
        self._serve_args = serve_args  # more `serve` options, e.g. ("--no-preload-model",)
        self._root = Path(root).resolve() if root is not None else ROOT
        if root is not None:
            self._env["PYTHONPATH"] = str(self._root)

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        command = [sys.executable, str(self._root / "commands.py"), "serve", "--host", "127.0.0.1",
                   "--port", str(self.port),
                   "--threads", str(self.threads), "--workers", str(self.workers)] + (
                       ["--worker", self._worker] if self._worker else []) + list(self._serve_args)
        if self._app_spec:
            command = [sys.executable, "-m", "gunicorn", "-k", "gthread", "-w", "1", "--threads", str(self.threads),
                       "-b", f"127.0.0.1:{self.port}", "--no-control-socket", "--graceful-timeout", "3",
                       "--pythonpath", f"{ROOT},{self._pythonpath or ROOT}", self._app_spec]
        # NOTE: run in the data directory, so a `.env` in the checkout never reaches the server under test.
        self._proc = subprocess.Popen(command, cwd=self.data_dir, env=self._env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + self._startup_timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"server exited with {self._proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"server not ready after {self._startup_timeout_s:.0f}s:\n{self.log_tail()}")

    def restart(self) -> None:
        """Same port, same data directory: what a deploy or a crash looks like to a browser."""
        self.stop()
        self.start()

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)

    def kill(self) -> None:
        """SIGKILL the master and its workers at once: a crash, nothing graceful (streams just drop)."""
        assert self._proc is not None
        for pid in [self.pid, *_children(self.pid)]:  # the master first: it must not fork a replacement
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._proc.wait(timeout=10)

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def rss_bytes(self, *, master_only: bool = False) -> int:
        """Resident memory of the gunicorn master and its workers (VmRSS from /proc)."""
        return sum(_vm_rss(pid) for pid in [self.pid, *([] if master_only else _children(self.pid))])

    def pss_bytes(self) -> int:
        """Proportional memory of master + workers: pages they share after fork() are counted once."""
        return sum(_smaps_rollup(pid, "Pss:") for pid in [self.pid, *_children(self.pid)])

    def post_as_customer(self, conversation_id: str, token: str, text: str) -> dict:
        response = httpx.post(f"{self.url}/api/conversations/{conversation_id}/messages", json={"text": text},
                              headers={"Authorization": f"Bearer {token}"}, timeout=10)
        response.raise_for_status()
        return response.json()

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _smaps_rollup(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _vm_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
