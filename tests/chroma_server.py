"""A real `chroma run` server (the chromadb package's own CLI) on a free loopback port, for tests of
several instances sharing one index. Its data lives in a directory the test owns; `stop()` ends it."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.doubles import free_port


def chroma_command() -> str | None:
    """The `chroma` executable installed beside this interpreter (chromadb's wheel ships it), or on PATH."""
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.exists() else shutil.which("chroma")


class ChromaServer:
    """`with ChromaServer(folder) as chroma: ... chroma.url ...`; the log is `folder/chroma.log`."""

    def __init__(self, folder: Path, *, startup_timeout_s: float = 60.0) -> None:
        command = chroma_command()
        if command is None:
            raise RuntimeError("the chroma command is missing: pip install chromadb")
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._command = [command, "run", "--path", str(folder / "chroma"), "--host", "127.0.0.1",
                         "--port", str(self.port)]
        self._timeout_s = startup_timeout_s
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ChromaServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / "chroma.log").open("ab") as log:
            self._proc = subprocess.Popen(self._command, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self._timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self._proc.returncode}: {self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run not ready after {self._timeout_s:.0f}s: {self.log_tail()}")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join((self.folder / "chroma.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
