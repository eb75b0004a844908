"""Re-run issue 13's attack list against the real server (`supportbot serve`, loopback only, the fake
Slack, SQLite, the production defaults for limits) and print one JSON line per attack plus a summary.

    python benchmarks/attack_list.py [--postgres URL]

Each attacker binds its own loopback source address (127.0.0.x), as distinct clients would be.
`ok` means the defence held. What is not re-run here is covered by tests (named in `covered_by`).
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
from tests.bot.web.server_process import ServerProcess  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402
from tests.handoff.slack_helpers import CHANNEL, SIGNING_SECRET, command_body, event_body, signed_headers  # noqa: E402

DEFAULTS = {  # ServerProcess lifts these for load tests; the attack list runs with the shipped defaults
    "SUPPORTBOT_WEB__RATE_LIMIT_PER_IP": "60 per minute",
    "SUPPORTBOT_WEB__RATE_LIMIT_PER_CONVERSATION": "20 per minute",
    "SUPPORTBOT_WEB__STREAMS_PER_IP": "200", "SUPPORTBOT_WEB__CONNECTIONS_PER_IP": "256",
}


def client(source: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=source), timeout=10)


def start(server: ServerProcess, source: str) -> tuple[str, dict[str, str]]:
    with client(source) as c:
        body = c.post(f"{server.url}/api/conversations", json={}).raise_for_status().json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def served(server: ServerProcess, source: str) -> dict[str, Any]:
    """While an attack holds: /healthz latency and another customer's turn."""
    t0 = time.perf_counter()
    health = httpx.get(f"{server.url}/healthz", timeout=5).status_code
    health_ms = (time.perf_counter() - t0) * 1000
    cid, auth = start(server, source)
    with client(source) as c:
        turn = c.post(f"{server.url}/api/conversations/{cid}/messages", json={"text": "hello"}, headers=auth)
    return {"healthz": health, "healthz_ms": round(health_ms, 1), "other_customer_turn": turn.status_code}


def streams_from_one_address(server: ServerProcess) -> dict[str, Any]:
    opened, refusal = 0, ""
    cid, auth = "", {}
    with ExitStack() as held, client("127.0.0.21") as c:
        while opened < 300 and not refusal:
            if opened % 5 == 0:  # at most 5 streams per conversation
                cid, auth = start(server, "127.0.0.21")
            response = held.enter_context(c.stream("GET", f"{server.url}/api/conversations/{cid}/events",
                                                   headers=auth))
            if response.status_code != 200:
                response.read()
                refusal = f"{response.status_code} {response.json().get('message', '')}"
                break
            opened += 1
        after = served(server, "127.0.0.22")
    return {"opened": opened, "refused_with": refusal, **after,
            "ok": bool(refusal) and after["healthz"] == 200 and after["other_customer_turn"] == 201}


def slowloris(server: ServerProcess) -> dict[str, Any]:
    """As fast as it can (half-sent requests are dropped after 5 s, so a slow opener never fills its cap)."""
    sockets: list[socket.socket] = []
    with ExitStack() as held:
        for _ in range(400):
            sock = held.enter_context(closing(socket.create_connection(
                ("127.0.0.1", server.port), timeout=5, source_address=("127.0.0.23", 0))))
            sock.sendall(b"POST /api/conversations HTTP/1.1\r\nHost: x\r\n")
            sockets.append(sock)
        answers = []
        for sock in sockets:
            sock.settimeout(0.01)
            try:
                answers.append(sock.recv(100).split(b"\r\n")[0].decode())
            except TimeoutError:
                answers.append("")
        refused = sum(a.startswith("HTTP/1.1 429") for a in answers)
        after = served(server, "127.0.0.24")
    return {"half_sent": len(sockets), "held_open": answers.count(""), "refused_429": refused, **after,
            "ok": refused > 0 and answers.count("") <= 256 and after["healthz"] == 200
            and after["other_customer_turn"] == 201}


def slow_body(server: ServerProcess) -> dict[str, Any]:
    with closing(socket.create_connection(("127.0.0.1", server.port), timeout=30,
                                          source_address=("127.0.0.29", 0))) as sock:
        sock.sendall(b"POST /api/conversations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{")
        t0 = time.monotonic()
        answer = sock.recv(100)
    return {"answer": answer.split(b"\r\n")[0].decode(), "after_s": round(time.monotonic() - t0, 1),
            "ok": answer.startswith(b"HTTP/1.1 408")}


def handoff_flood(server: ServerProcess, slack: FakeSlack) -> dict[str, Any]:
    before = len(slack.posts())
    for _ in range(25):
        cid, auth = start(server, "127.0.0.25")
        with client("127.0.0.25") as c:
            c.post(f"{server.url}/api/conversations/{cid}/handoff", headers=auth)
    real, auth = start(server, "127.0.0.26")
    t0 = time.monotonic()
    with client("127.0.0.26") as c:
        c.post(f"{server.url}/api/conversations/{real}/handoff", headers=auth)
    slack.wait_for(lambda: any(real in json.dumps(p.body) for p in slack.posts()), timeout=60)
    card_s = time.monotonic() - t0
    time.sleep(2)
    cards = [p for p in slack.posts()[before:] if p.body.get("blocks") and not p.body.get("thread_ts")]
    here = sum("<!here>" in json.dumps(p.body) for p in slack.posts()[before:])
    return {"cards_from_flood_and_real": len(cards), "here_pings": here, "real_card_after_s": round(card_s, 1),
            "ok": len(cards) <= 4 and here <= 1 and card_s < 10}


CARD = "my card is 4012.8888.8888.1881 exp 12/27 cvv 737, it was charged twice"


def card_data(server: ServerProcess, slack: FakeSlack) -> dict[str, Any]:
    cid, auth = start(server, "127.0.0.27")
    with client("127.0.0.27") as c:
        c.post(f"{server.url}/api/conversations/{cid}/messages", json={"text": CARD}, headers=auth)
        c.post(f"{server.url}/api/conversations/{cid}/handoff", headers=auth)
        slack.wait_for(lambda: any(cid in json.dumps(p.body) for p in slack.posts()), timeout=30)
        time.sleep(2)
        stored = json.dumps(c.get(f"{server.url}/api/conversations/{cid}/messages", headers=auth).json())
    sent = json.dumps([r.body for r in slack.calls(outcome=None)])
    # NOTE: the last four digits may stay ("[card ••••1881]"), as PCI DSS allows; the rest may not
    leaks = {where: [s for s in ("4012", "8888", "737", "12/27") if s in text]
             for where, text in (("stored", stored), ("slack", sent))}
    log = (server.data_dir / "server.log").read_text(errors="replace")
    leaks["log"] = [s for s in ("4012.8888", "1881") if s in log]
    return {"found": leaks, "ok": not any(leaks.values())}


def odd_inputs(server: ServerProcess) -> dict[str, Any]:
    cid, auth = start(server, "127.0.0.28")
    base = f"{server.url}/api/conversations"
    with client("127.0.0.28") as c:
        body = "[" * 20_000 + "]" * 20_000  # under the body size limit: the nesting itself must be refused
        slack_body = "{}"
        statuses = {
            "after=²": c.get(f"{base}/{cid}/messages?after=²", headers=auth).status_code,
            "id>2^63": c.post(f"{server.url}/api/messages/{2**64}/feedback", json={"helpful": True},
                              headers=auth).status_code,
            "nested_json": c.post(f"{base}/{cid}/messages", content=body,
                                  headers=auth | {"Content-Type": "application/json"}).status_code,
            "nul_in_text": c.post(f"{base}/{cid}/messages", json={"text": "a\u0000b"}, headers=auth).status_code,
            "nul_in_path": c.get(f"{base}/%00").status_code,
            "slack_ts_not_a_number": c.post(f"{server.url}/slack/events", content=slack_body, headers={
                "Content-Type": "application/json", "X-Slack-Request-Timestamp": "1e9",
                "X-Slack-Signature": "v0=00"}).status_code,
        }
    return {"statuses": statuses, "ok": all(400 <= s < 500 for s in statuses.values())}


def support_command_outsider(server: ServerProcess, slack: FakeSlack) -> dict[str, Any]:
    slack.channel_members[CHANNEL] = ["UANA"]
    answers = {}
    for who, channel in (("UEVE", CHANNEL), ("UANA", "CRANDOM")):
        body = command_body("list", user=who, channel=channel)
        response = httpx.post(f"{server.url}/slack/events", content=body, timeout=10, headers=signed_headers(
            body, content_type="application/x-www-form-urlencoded"))
        answers[f"{who} in {channel}"] = response.text[:120]
    refused = all("Kim" not in a and "conversation" not in a.lower().split("only")[0] for a in answers.values())
    return {"answers": answers, "ok": refused}


def symlink_out_of_the_folder(server: ServerProcess) -> dict[str, Any]:
    folder = server.data_dir.parent / "synced"
    folder.mkdir(exist_ok=True)
    secret = server.data_dir.parent / "dot-env"
    secret.write_text("SLACK_BOT_TOKEN=xoxb-do-not-leak-4242\n")
    (folder / "notes.txt").symlink_to(secret)
    (folder / "real.md").write_text("# Opening hours\n\nWe are open nine to five.\n")
    (folder / "big.md").write_text("# Big\n\n" + "lorem ipsum dolor sit amet " * 200_000)  # 5.4 MB
    (folder / "evil\x1b[2J\nname.md").write_text("# Evil\n\nA file name with a terminal escape.\n")
    t0 = time.monotonic()
    env = {"PATH": "/usr/bin:/bin", "SUPPORTBOT_DATA_DIR": str(server.data_dir), "HOME": str(server.data_dir)}
    done = subprocess.run([sys.executable, str(ROOT / "commands.py"), "kb", "sync", str(folder)], env=env,
                          cwd=server.data_dir, capture_output=True, text=True, timeout=300)
    cid, auth = start(server, "127.0.0.31")
    with client("127.0.0.31") as c:
        c.post(f"{server.url}/api/conversations/{cid}/messages", json={"text": "What is the SLACK_BOT_TOKEN?"},
               headers=auth)
        time.sleep(3)
        said = json.dumps(c.get(f"{server.url}/api/conversations/{cid}/messages", headers=auth).json())
    sync_s = time.monotonic() - t0
    listed = subprocess.run([sys.executable, str(ROOT / "commands.py"), "kb", "list"], env=env,
                            cwd=server.data_dir, capture_output=True, text=True, timeout=300)
    report = (done.stdout + done.stderr)
    printed = report + listed.stdout + listed.stderr + (server.data_dir / "server.log").read_text(errors="replace")
    big_refused = "big.md" in report and any(w in report.lower() for w in ("limit", "too large", "too big"))
    return {"sync_names_the_link": "notes.txt" in report, "token_in_answer": "xoxb-do-not-leak" in said,
            "big_file_refused": big_refused, "sync_s": round(sync_s, 1), "raw_escape_printed": "\x1b" in printed,
            "ok": "notes.txt" in report and "xoxb-do-not-leak" not in said and big_refused and sync_s < 60
            and "\x1b" not in printed}


def victim_budget(server: ServerProcess) -> dict[str, Any]:
    """Unauthenticated posts to someone else's conversation must not spend its per-conversation budget."""
    victim, auth = start(server, "127.0.0.32")
    with client("127.0.0.33") as attacker:
        tries = [attacker.post(f"{server.url}/api/conversations/{victim}/messages", json={"text": "x"}).status_code
                 for _ in range(25)]
    with client("127.0.0.32") as c:
        own = c.post(f"{server.url}/api/conversations/{victim}/messages", json={"text": "hello"}, headers=auth)
    return {"attacker_statuses": sorted(set(tries)), "victim_after": own.status_code,
            "ok": own.status_code == 201 and all(t in (401, 403, 429) for t in tries)}


def _agent_event(server: ServerProcess, event: dict[str, Any], event_id: str) -> None:
    body = event_body(event, event_id=event_id)
    httpx.post(f"{server.url}/slack/events", content=body, timeout=10,
               headers=signed_headers(body, content_type="application/json")).raise_for_status()


def agent_text_leaks(server: ServerProcess, slack: FakeSlack) -> dict[str, Any]:
    """An agent edits a relayed reply into a ';;' note, and deletes another after editing it."""
    cid, auth = start(server, "127.0.0.34")
    with client("127.0.0.34") as c:
        c.post(f"{server.url}/api/conversations/{cid}/handoff", headers=auth)
        card = slack.wait_for(lambda: next((p for p in slack.posts() if cid in json.dumps(p.body.get("blocks", []))
                                            and not p.body.get("thread_ts")), None), timeout=30)
        thread = card.result["ts"]
        say = {"type": "message", "channel": CHANNEL, "user": "UANA", "thread_ts": thread}
        _agent_event(server, say | {"text": "Your refund is on its way", "ts": "1900000000.000100"}, "EvL1")
        _agent_event(server, say | {"text": "Code 1234 for the locker", "ts": "1900000000.000200"}, "EvL2")
        time.sleep(1)
        first = json.dumps(c.get(f"{server.url}/api/conversations/{cid}/messages", headers=auth).json())
        relayed = "refund is on its way" in first and "1234" in first  # else the probe proves nothing
        changed = {"type": "message", "channel": CHANNEL, "subtype": "message_changed"}
        _agent_event(server, changed | {
            "message": {"user": "UANA", "text": ";; internal: customer is a known abuser", "ts": "1900000000.000100",
                        "thread_ts": thread},
            "previous_message": {"user": "UANA", "text": "Your refund is on its way", "ts": "1900000000.000100"}},
            "EvL3")
        _agent_event(server, changed | {
            "message": {"user": "UANA", "text": "Code 9876 for the locker", "ts": "1900000000.000200",
                        "thread_ts": thread},
            "previous_message": {"user": "UANA", "text": "Code 1234 for the locker", "ts": "1900000000.000200"}},
            "EvL4")
        _agent_event(server, {"type": "message", "channel": CHANNEL, "subtype": "message_deleted",
                              "deleted_ts": "1900000000.000200",
                              "previous_message": {"user": "UANA", "ts": "1900000000.000200"}}, "EvL5")
        time.sleep(1)
        listed = json.dumps(c.get(f"{server.url}/api/conversations/{cid}/messages", headers=auth).json())
        replay = ""
        with c.stream("GET", f"{server.url}/api/conversations/{cid}/events",
                      headers=auth | {"Last-Event-ID": "0"}) as stream:
            for line in stream.iter_lines():
                replay += line + "\n"
                if len(replay) > 200 and line == "":
                    break
    leaked = [w for w in ("known abuser", "1234", "9876", "refund is on its way") if w in listed or w in replay]
    return {"relayed_before_edits": relayed, "leaked": leaked, "ok": relayed and not leaked}


def kb_add_while_serving(server: ServerProcess) -> dict[str, Any]:
    doc = server.data_dir.parent / "zorblax-warranty.md"
    doc.write_text("# Zorblax warranty\n\nThe zorblax warranty lasts seventy-seven days from delivery.\n")
    env = {"PATH": "/usr/bin:/bin", "SUPPORTBOT_DATA_DIR": str(server.data_dir), "HOME": str(server.data_dir)}
    done = subprocess.run([sys.executable, str(ROOT / "commands.py"), "kb", "add", str(doc)], env=env,
                          cwd=server.data_dir, capture_output=True, text=True, timeout=300)
    cid, auth = start(server, "127.0.0.30")
    with client("127.0.0.30") as c:
        c.post(f"{server.url}/api/conversations/{cid}/messages", json={"text": "how long is the zorblax warranty?"},
               headers=auth)
        deadline = time.monotonic() + 30
        reply: dict[str, Any] = {}
        while time.monotonic() < deadline and not reply:
            found = c.get(f"{server.url}/api/conversations/{cid}/messages", headers=auth).json()["messages"]
            reply = next((m for m in found if m["role"] == "bot"), {})
            time.sleep(0.2)
        conversation = c.get(f"{server.url}/api/conversations/{cid}", headers=auth).json()
        ready = httpx.get(f"{server.url}/readyz", timeout=10).status_code
    answered = "seventy-seven" in reply.get("text", "")
    return {"kb_add_exit": done.returncode, "answered_from_new_doc": answered, "state": conversation["state"],
            "readyz": ready, "ok": done.returncode == 0 and answered and conversation["state"] == "bot"}


def behind_a_proxy(folder: Path) -> dict[str, Any]:
    """One load balancer in front (every request from 127.0.0.1, the client in X-Forwarded-For)."""
    env = DEFAULTS | {"SUPPORTBOT_WEB__TRUSTED_PROXY_HOPS": "1", "SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false"}
    with ServerProcess(folder, extra_env=env) as server:
        def hit(forwarded: str) -> int:
            return httpx.post(f"{server.url}/api/conversations", json={}, timeout=10,
                              headers={"X-Forwarded-For": forwarded}).status_code
        first = [hit("198.51.100.1") for _ in range(61)]
        spoofed = hit("203.0.113.77, 198.51.100.1")  # the client's own leftmost entry must not pick its bucket
        other = hit("198.51.100.2")
    return {"client_a_statuses": sorted(set(first)), "client_a_61st": first[-1], "spoofed_prefix": spoofed,
            "client_b": other, "ok": first[-1] == 429 and spoofed == 429 and other == 201}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default=None, help="DATABASE_URL of an empty database (default: SQLite)")
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    with FakeSlack() as slack, tempfile.TemporaryDirectory(prefix="attack-list-") as tmp:
        policy = Path(tmp) / "policy.yml"
        policy.write_text("business_hours: {always_open: true}\n")
        env = DEFAULTS | {
            "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_SUPPORT_CHANNEL": CHANNEL,
            "SLACK_API_URL": slack.api_url, "SUPPORTBOT_BOT__POLICY_FILE": str(policy),
            "SUPPORTBOT_HANDOFF__OUTBOX_PER_CHANNEL_PER_S": "20", "SUPPORTBOT_INDEX_EXAMPLES_ON_START": "false",
        } | ({"DATABASE_URL": args.postgres} if args.postgres else {})
        with ServerProcess(Path(tmp) / "data", extra_env=env) as server:
            attacks: list[tuple[str, Callable[[], dict[str, Any]]]] = [
                ("one address: open event streams", lambda: streams_from_one_address(server)),
                ("one address: half-sent requests (slowloris)", lambda: slowloris(server)),
                ("slow request body", lambda: slow_body(server)),
                ("anonymous handoff flood (25 from one address)", lambda: handoff_flood(server, slack)),
                ("card data (dotted number, expiry, CVV) to store, Slack, logs", lambda: card_data(server, slack)),
                ("odd inputs give 4xx, never 500", lambda: odd_inputs(server)),
                ("/support from a non-member or another channel", lambda: support_command_outsider(server, slack)),
                ("kb add in another process while serving", lambda: kb_add_while_serving(server)),
                ("sync: a symlink to a secret, a 5 MB file, an escape in a name",
                 lambda: symlink_out_of_the_folder(server)),
                ("unauthenticated posts spend a victim's per-conversation budget", lambda: victim_budget(server)),
                ("agent edits into a ';;' note, deletes after edits", lambda: agent_text_leaks(server, slack)),
            ]
            for name, attack in attacks:
                try:
                    result = attack()
                except Exception as exc:  # report and go on: one broken probe must not hide the others
                    result = {"error": repr(exc), "ok": False}
                results.append({"attack": name, **result})
                print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        try:
            proxied = behind_a_proxy(Path(tmp) / "proxied")
        except Exception as exc:
            proxied = {"error": repr(exc), "ok": False}
        results.append({"attack": "rate limits behind a load balancer", **proxied})
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    print(json.dumps({"attacks": len(results), "held": sum(r["ok"] for r in results),
                      "failed": [r["attack"] for r in results if not r["ok"]]}))


if __name__ == "__main__":
    main()
