"""What the customer sees: the widget answering one question on a help centre, screenshotted.

Indexes DOCS into a throwaway data folder with the code of TREE (`supportbot kb sync`), serves it
(`supportbot serve`, offline), asks QUESTION in the widget in Debian's Chromium at desktop and phone
sizes, prints the answer's text and saves OUT-desktop.png and OUT-mobile.png (the chat panel).

    python benchmarks/widget_answer_shot.py TREE DOCS "QUESTION" OUT
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

VIEWPORTS = {"desktop": {"width": 1100, "height": 900}, "mobile": {"width": 390, "height": 844}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tree", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("question")
    parser.add_argument("out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="widget-shot-") as data:
        env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
        env.update({"SUPPORTBOT_DATA_DIR": data, "PYTHONPATH": str(args.tree), "PYTHONUNBUFFERED": "1"})
        commands = [sys.executable, str(args.tree / "commands.py")]
        subprocess.run([*commands, "kb", "sync", str(args.docs.resolve())], cwd=data, env=env, check=True,
                       capture_output=True)
        port = _free_port()
        with open(Path(data) / "server.log", "wb") as log:
            server = subprocess.Popen([*commands, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", "8",
                                       "--workers", "1"], cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_ready(url)
            _shoot(url, args.question, args.out)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(url: str, timeout_s: float = 300.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"server not ready after {timeout_s:.0f}s")


def _shoot(url: str, question: str, out: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from browser import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        for name, viewport in VIEWPORTS.items():
            page = browser.new_context(viewport=viewport).new_page()
            page.goto(url + "/")
            page.get_by_role("button", name="Chat with us").click()
            box = page.get_by_label("Message", exact=True)
            box.fill(question)
            box.press("Enter")
            answer = page.locator("supportbot-widget .msg.bot:not(.draft):not(.greeting)")
            expect(answer).to_have_count(1, timeout=120_000)
            print(f"--- {name}\n{answer.inner_text()}")
            page.locator("supportbot-widget .panel").screenshot(path=f"{out}-{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
