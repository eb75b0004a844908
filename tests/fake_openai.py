"""A fake OpenAI-compatible chat server on 127.0.0.1, scriptable, recording every request.

Speaks the real wire protocol (`POST /v1/chat/completions`, streaming as SSE chunks ending with
`data: [DONE]`, or one JSON body; `GET /v1/models`), so the real `ChatOpenAI` client talks to it.
Replies are taken from a queue (`enqueue*`); with the queue empty it answers with the first
sentence of passage 1 followed by `[1]`, which is what a well-behaved grounded model would do.
Triage requests (their system prompt starts with `TRIAGE_MARKER`) have their own queue
(`enqueue_triage*`) and record (`triage_requests`), answering `{"label": "none", ...}` by default, so
tests of answers see the same requests and replies with or without the LLM triage beside them.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

TRIAGE_MARKER = "supportbot-triage"  # bot/triage/llm_triage.py MARKER
_TRIAGE_DEFAULT = '{"label": "none", "reason": "an ordinary question"}'
_PASSAGE_ONE = re.compile(r'<passage id="1"[^>]*>\s*(.*?)\s*</passage>', re.DOTALL)
_TOKENS = re.compile(r"\s*\S+")


@dataclass
class Reply:
    """One scripted reply."""

    text: str = ""
    chunks: list[str] | None = None  # exact stream chunks; default: `text` split before each word
    status: int = 200
    body: Any = None  # error body (JSON-able) when status != 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_per_token: float = 0.0
    hang: bool = False  # after streaming `text`, stop sending (until released) without finishing


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class FakeOpenAI:
    """Run with `start()`/`stop()` (or as a context manager); point clients at `base_url`."""

    def __init__(self, *, model: str = "fake-model") -> None:
        self.model = model
        self.requests: list[dict[str, Any]] = []  # every JSON body received, in order (triage ones apart)
        self.triage_requests: list[dict[str, Any]] = []
        self._replies: deque[Reply] = deque()
        self._triage_replies: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server: Any = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True, request_handler=_QuietHandler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()  # let hanging replies finish
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/v1"

    # --- script -------------------------------------------------------------------------------
    def enqueue(self, text: str) -> None:
        """The next reply is `text` (streamed word by word when the client streams)."""
        self._push(Reply(text=text))

    def enqueue_chunks(self, chunks: list[str]) -> None:
        """The next reply streams exactly these chunks (their concatenation when not streaming)."""
        self._push(Reply(text="".join(chunks), chunks=list(chunks)))

    def enqueue_error(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        """The next request fails with this HTTP status (and an OpenAI-style error body by default)."""
        body = (
            body
            if body is not None
            else {"error": {"message": f"fake error {status}", "type": "server_error", "code": None}}
        )
        self._push(Reply(status=status, body=body, headers=headers or {}))

    def enqueue_slow(self, text: str, delay_per_token: float) -> None:
        """The next reply streams `text` with a pause before each token."""
        self._push(Reply(text=text, delay_per_token=delay_per_token))

    def enqueue_hang(self, after: str = "") -> None:
        """The next reply sends `after` (if any) and then nothing more until the server stops."""
        self._push(Reply(text=after, hang=True))

    def enqueue_triage(self, text: str, *, delay: float = 0.0, status: int = 200) -> None:
        """The next triage request gets `text` (after `delay` seconds), or fails with `status`."""
        error = {"error": {"message": f"fake error {status}", "type": "server_error", "code": None}}
        body = error if status != 200 else None
        with self._lock:
            self._triage_replies.append(Reply(text=text, status=status, body=body, delay_per_token=delay))

    def release(self) -> None:
        """Let hanging replies end now."""
        self._release.set()

    @property
    def last_request(self) -> dict[str, Any]:
        return self.requests[-1]

    def _push(self, reply: Reply) -> None:
        with self._lock:
            self._replies.append(reply)

    def _next(self, body: dict[str, Any]) -> Reply:
        if _is_triage(body):
            with self._lock:
                self.triage_requests.append(body)
                if self._triage_replies:
                    reply = self._triage_replies.popleft()
                    # a triage delay is for the whole reply, however it is sent
                    return Reply(text=reply.text, status=reply.status, body=reply.body, chunks=[reply.text],
                                 delay_per_token=reply.delay_per_token)
            return Reply(text=_TRIAGE_DEFAULT, chunks=[_TRIAGE_DEFAULT])
        with self._lock:
            self.requests.append(body)
            if self._replies:
                return self._replies.popleft()
        return Reply(text=default_reply(body))

    # --- HTTP ---------------------------------------------------------------------------------
    def _app(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        if request.method == "GET" and request.path == "/v1/models":
            response = _json({"object": "list", "data": [{"id": self.model, "object": "model", "owned_by": "fake"}]})
        elif request.method == "POST" and request.path == "/v1/chat/completions":
            response = self._completion(request)
        else:
            response = _json({"error": {"message": f"no route {request.path}", "type": "invalid_request_error"}}, 404)
        return response(environ, start_response)

    def _completion(self, request: Request) -> Response:
        try:
            body = json.loads(request.get_data(as_text=True))
        except ValueError:
            return _json({"error": {"message": "malformed JSON", "type": "invalid_request_error"}}, 400)
        reply = self._next(body)
        if reply.status != 200:
            return _json(reply.body, reply.status, reply.headers)
        if not body.get("stream"):
            if reply.hang:
                self._release.wait(60)
            else:
                time.sleep(reply.delay_per_token * len(_TOKENS.findall(reply.text)))
            return _json(self._message(reply.text))
        return Response(self._sse(reply), mimetype="text/event-stream", direct_passthrough=True)

    def _sse(self, reply: Reply) -> Any:
        yield _event(self._chunk({"role": "assistant", "content": ""}))
        for token in reply.chunks if reply.chunks is not None else _TOKENS.findall(reply.text):
            if reply.delay_per_token:
                time.sleep(reply.delay_per_token)
            yield _event(self._chunk({"content": token}))
        if reply.hang:
            self._release.wait(60)
            return
        yield _event(self._chunk({}, finish_reason="stop"))
        yield b"data: [DONE]\n\n"

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
        }

    def _message(self, text: str) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }


def _is_triage(body: dict[str, Any]) -> bool:
    messages = body.get("messages") or [{}]
    first = messages[0].get("content") if isinstance(messages[0], dict) else ""
    return isinstance(first, str) and first.startswith(TRIAGE_MARKER)


def default_reply(body: dict[str, Any]) -> str:
    """First sentence of passage 1, cited; a generic line when the request carries no passages."""
    last = next((m for m in reversed(body.get("messages", [])) if m.get("role") == "user"), {})
    content = last.get("content") or ""
    if isinstance(content, list):
        content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    found = _PASSAGE_ONE.search(content)
    if not found:
        return "The customer needs help with their question."
    sentence = re.split(r"(?<=[.!?])\s", found.group(1).strip(), maxsplit=1)[0]
    return f"{sentence} [1]"


def _event(payload: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(payload), status=status, mimetype="application/json", headers=headers or {})
