"""A fake Slack Web API on 127.0.0.1 (port 0) that records every request and can be told to misbehave.

    with FakeSlack() as slack:
        client = WebClient(token="xoxb-test", base_url=slack.api_url)
        slack.fail_next(2, "429", retry_after=1)   # the next two calls answer 429
        ...
        slack.wait_for(lambda: len(slack.posts()) == 3)
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

BOT_USER_ID = "UBOTSELF"
BOT_ID = "BBOTSELF"
TEAM_ID = "TFAKE"


@dataclass
class Recorded:
    """One request the fake received."""

    method: str  # the API method, e.g. "chat.postMessage"
    body: dict[str, Any]
    headers: dict[str, str]
    at: float
    outcome: str = "ok"  # ok | 429 | 500 | reset | timeout | error:<name>
    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Fault:
    kind: str  # 429 | 500 | slow | timeout | reset | error:<name>
    method: str | None
    retry_after: float
    delay: float


class FakeSlack:
    """The fake server. `api_url` ends with a slash, as `WebClient(base_url=...)` wants."""

    def __init__(self, *, users: dict[str, dict[str, Any]] | None = None, ts_base: int = 1_700_000_000) -> None:
        self.users = users or {}
        self.channel_members: dict[str, list[str]] = {}  # channel -> member ids (default: every user)
        self.usergroups: dict[str, list[str]] = {}
        self.requests: list[Recorded] = []
        self.webhooks: list[dict[str, Any]] = []
        self.uploads: dict[str, dict[str, Any]] = {}  # file id -> {filename, length, data, completed: {...}}
        self.files: dict[str, tuple[bytes, str]] = {}  # served at /files-pri/<id>: what agents share
        self.presence: dict[str, str] = {}  # user id -> "active" | "away" (default: active)
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self._ts_base = ts_base
        self._ts_counter = 0
        self._server = make_server("127.0.0.1", 0, self._wsgi, threaded=True, request_handler=_QuietHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._server.server_port

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- failure injection -----------------------------------------------------------------
    def fail_next(
        self, n: int, kind: str, *, method: str | None = None, retry_after: float = 1.0, delay: float = 0.0
    ) -> None:
        """The next `n` calls (of `method`, or any) misbehave.

        kinds: "429" (with Retry-After), "500", "slow" (answer after `delay`, processed),
        "timeout" (wait `delay`, then drop the connection unprocessed), "reset" (drop at once,
        unprocessed), "error:<name>" (HTTP 200 with ok=false).
        """
        with self._lock:
            self._faults.extend(_Fault(kind, method, retry_after, delay) for _ in range(n))

    def pending_faults(self) -> int:
        """Faults injected but not yet used by a call."""
        with self._lock:
            return len(self._faults)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    # -- reading what happened -------------------------------------------------------------
    def calls(self, method: str | None = None, *, outcome: str | None = "ok") -> list[Recorded]:
        """Recorded requests (successful ones by default) in arrival order."""
        with self._lock:
            return [r for r in self.requests
                    if (method is None or r.method == method) and (outcome is None or r.outcome == outcome)]

    def completed_uploads(self, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Files whose upload was completed (into `thread_ts`, if given), with their bytes."""
        with self._lock:
            done = [u for u in self.uploads.values() if u.get("completed")]
        return [u for u in done if thread_ts is None or u["completed"].get("thread_ts") == thread_ts]

    def share_file(self, file_id: str, name: str, data: bytes, mimetype: str) -> dict[str, Any]:
        """A file an agent shared: the `files` entry of a message event, downloadable with the bot token."""
        self.files[file_id] = (data, mimetype)
        url = f"http://127.0.0.1:{self.port}/files-pri/{file_id}/{name}"
        return {"id": file_id, "name": name, "title": name, "mimetype": mimetype, "size": len(data),
                "url_private": url, "url_private_download": url + "?download=1"}

    def posts(self, *, thread_ts: str | None = None) -> list[Recorded]:
        """Successful chat.postMessage calls, optionally only those in one thread."""
        return [r for r in self.calls("chat.postMessage") if thread_ts is None or r.body.get("thread_ts") == thread_ts]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Poll `predicate` until truthy (listeners and the outbox run on other threads)."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"condition not met within {timeout}s")
            time.sleep(0.01)

    # -- the WSGI app ----------------------------------------------------------------------
    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        if request.path == "/webhook":
            with self._lock:
                self.webhooks.append(_body(request))
            return Response("ok")(environ, start_response)
        if request.path.startswith(("/upload/", "/files-pri/", "/avatars/")):
            return self._file_route(request)(environ, start_response)
        method = request.path.removeprefix("/api/")
        record = Recorded(method, _body(request), dict(request.headers), time.time())
        fault = self._take_fault(method)
        with self._lock:
            self.requests.append(record)
        if fault is not None and fault.kind != "slow":
            record.outcome = fault.kind
            return self._misbehave(fault, environ, start_response)
        if fault is not None:
            time.sleep(fault.delay)
        if not str(request.headers.get("Authorization", "")).startswith("Bearer xoxb-"):
            record.outcome = "error:invalid_auth"
            return _json({"ok": False, "error": "invalid_auth"})(environ, start_response)
        result = self._answer(method, record.body)
        record.result = result
        if not result.get("ok"):
            record.outcome = f"error:{result.get('error')}"
        return _json(result)(environ, start_response)

    def _take_fault(self, method: str) -> _Fault | None:
        with self._lock:
            for i, fault in enumerate(self._faults):
                if fault.method is None or fault.method == method:
                    return self._faults.pop(i)
        return None

    def _misbehave(self, fault: _Fault, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if fault.kind == "429":
            response = _json({"ok": False, "error": "ratelimited"}, status=429)
            response.headers["Retry-After"] = f"{fault.retry_after:g}"
            return response(environ, start_response)
        if fault.kind == "500":
            return Response("<html>upstream error</html>", status=500, mimetype="text/html")(environ, start_response)
        if fault.kind.startswith("error:"):
            return _json({"ok": False, "error": fault.kind.split(":", 1)[1]})(environ, start_response)
        time.sleep(fault.delay if fault.kind == "timeout" else 0)
        sock = environ.get("werkzeug.socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        start_response("500 Connection Reset", [("Content-Length", "0")])  # written to a dead socket
        return [b""]

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "supportbot",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        if method == "chat.postMessage":
            if not body.get("channel"):
                return {"ok": False, "error": "channel_not_found"}
            ts = self._next_ts()
            return {"ok": True, "channel": body["channel"], "ts": ts,
                    "message": {"text": body.get("text", ""), "ts": ts, "bot_id": BOT_ID, "user": BOT_USER_ID}}
        if method == "chat.update":
            if not body.get("ts"):
                return {"ok": False, "error": "message_not_found"}
            return {"ok": True, "channel": body.get("channel"), "ts": body["ts"], "text": body.get("text", "")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "conversations.members":  # everyone the fake knows, unless a test says otherwise
            members = self.channel_members.get(str(body.get("channel")), list(self.users))
            return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}
        if method == "usergroups.users.list":
            return {"ok": True, "users": self.usergroups.get(str(body.get("usergroup")), [])}
        if method == "users.info":
            user = self.users.get(str(body.get("user")))
            if user is None:
                return {"ok": False, "error": "user_not_found"}
            return {"ok": True, "user": user}
        if method == "conversations.members":
            return {"ok": True, "members": [BOT_USER_ID, *self.users], "response_metadata": {"next_cursor": ""}}
        if method == "users.getPresence":
            return {"ok": True, "presence": self.presence.get(str(body.get("user")), "active")}
        if method in ("files.getUploadURLExternal", "files.completeUploadExternal"):
            return self._files_api(method, body)
        return {"ok": True}

    def _files_api(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        """Slack's external upload flow: ask for a URL, send the bytes there, complete into a channel/thread."""
        if method == "files.getUploadURLExternal":
            if not body.get("filename") or not str(body.get("length", "")).isdigit():
                return {"ok": False, "error": "invalid_arguments"}
            with self._lock:
                file_id = f"F{len(self.uploads) + 1:08d}"
                self.uploads[file_id] = {"filename": body["filename"], "length": int(body["length"]), "data": None,
                                         "completed": None}
            return {"ok": True, "file_id": file_id, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"}
        files = json.loads(body.get("files") or "[]")
        with self._lock:
            for entry in files:
                upload = self.uploads.get(entry.get("id"))
                if upload is None or upload["data"] is None:
                    return {"ok": False, "error": "file_not_found"}
            for entry in files:
                self.uploads[entry["id"]]["completed"] = {
                    "title": entry.get("title"), "channel_id": body.get("channel_id"),
                    "thread_ts": body.get("thread_ts"), "initial_comment": body.get("initial_comment")}
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}

    def _file_route(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        if parts[0] == "upload" and request.method == "POST":
            with self._lock:
                upload = self.uploads.get(parts[1])
                if upload is None:
                    return Response("unknown upload", status=404)
                upload["data"] = request.get_data()
            return Response(f"OK - {len(upload['data'])}", status=200)
        if parts[0] == "avatars":
            return Response(_PNG_1X1, mimetype="image/png")
        if not str(request.headers.get("Authorization", "")).startswith("Bearer xoxb-"):
            return Response("login page", status=302, headers={"Location": "https://fake.slack.test/signin"})
        found = self.files.get(parts[1])
        if found is None:
            return Response("not found", status=404)
        return Response(found[0], mimetype=found[1])

    def _next_ts(self) -> str:
        with self._lock:
            self._ts_counter += 1
            return f"{self._ts_base + self._ts_counter}.{self._ts_counter:06d}"


class _QuietHandler(WSGIRequestHandler):
    """No access log lines: tests read the recorded requests instead."""

    def log_request(self, *args: object, **kwargs: object) -> None:
        return None


def slack_user(user_id: str, *, display_name: str = "", real_name: str = "", name: str = "",
               avatar_base: str | None = None) -> dict[str, Any]:
    """A `users.info` user object with the name fields Slack returns (and `image_72` when `avatar_base` is given)."""
    profile: dict[str, Any] = {"display_name": display_name, "real_name": real_name}
    if avatar_base:
        profile["image_72"] = f"{avatar_base.rstrip('/')}/avatars/{user_id}.png"
    return {"id": user_id, "name": name or user_id.lower(), "real_name": real_name, "profile": profile}


# A 1x1 PNG: the avatar every fake user has.
_PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005"
    "0001ff8a2bb6e90000000049454e44ae426082")


def _body(request: Request) -> dict[str, Any]:
    """The call's arguments: JSON, form or query string (slack_sdk sends some methods' `params` in the URL)."""
    raw = request.get_data(as_text=True)
    query = dict(request.args)  # GET methods (conversations.members, ...) send their arguments here
    if "json" in (request.content_type or ""):
        return query | json.loads(raw or "{}")
    if request.form:
        return query | dict(request.form)
    return query | dict(parse_qsl(raw))


def _json(data: dict[str, Any], *, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, mimetype="application/json")
