"""One worker's HTTP server on an asyncio loop: an open event stream holds no thread.

`/healthz` is answered on the loop itself, so it answers however busy the threads are. Every
other request runs through the WSGI app (Flask) on a thread pool, with its whole edge (tokens,
CORS, rate limits, stream caps, JSON errors). When the events view hands over its `EventStream`
(under `STREAM_HANDOFF_KEY` in the environ), the loop writes that stream from then on, and goes
back to the pool only to read the store (a replay, a resync). Embedding, search and triage run on
the pool's threads and the bot's turn pool, never on the loop.

Responses of the WSGI app are buffered (they are small JSON or static files); a streamed body
must be handed over like the events stream.
"""
from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast
from urllib.parse import unquote_to_bytes

from aiohttp import web
from multidict import CIMultiDict

from bot.web.connection_caps import ConnectionCaps, guarded_factory
from bot.web.sse import HEARTBEAT, STREAM_HANDOFF_KEY, EventStream

log = logging.getLogger(__name__)
T = TypeVar("T")
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}
_HEALTH_BODY = b'{"status":"ok"}\n'  # what Flask's /healthz says, byte for byte
_HEALTH_HEADERS = {"Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class LoopSettings:
    """Sizes and time-outs of the loop server."""

    threads: int = 32  # WSGI requests at once (a turn's own work runs on the bot's pool)
    write_timeout_s: float = 10.0  # a stream whose client reads nothing for this long is closed
    # NOTE: aiohttp also closes a connection whose request headers are not complete this long after it
    # opened (or after its last response): the slow-header (slowloris) time-out. Tested in test_connection_caps.
    keepalive_s: float = 5.0  # idle keep-alive connections (and connections that never send a request)
    body_timeout_s: float = 15.0  # a request body must arrive within this long (slow senders get 408)
    connections_per_address: int = 0  # open connections per client address (0: no cap; off behind proxies)
    client_max_size: int = 8 * 2**20  # request bodies; the app enforces its own limit per route
    graceful_timeout_s: float = 3.0


@dataclass
class _Captured:
    """What the WSGI app answered, collected on a pool thread."""

    status: int = 500
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    stream: EventStream | None = None


class LoopServer:
    """The aiohttp application around a WSGI app; `runner()` is what gunicorn's aiohttp worker serves."""

    def __init__(self, wsgi_app: WSGIApp, *, settings: LoopSettings | None = None,
                 on_shutdown: Iterable[Callable[[], object]] = ()) -> None:
        self._wsgi = wsgi_app
        self.settings = settings or LoopSettings()
        self._pool = ThreadPoolExecutor(max_workers=self.settings.threads, thread_name_prefix="wsgi")
        self._on_shutdown = list(on_shutdown)
        self._open: set[asyncio.Event] = set()  # each open stream's wake-up, to end them all on shutdown
        self._stopping = False
        self.connections = ConnectionCaps(self.settings.connections_per_address)

    @property
    def open_streams(self) -> int:
        return len(self._open)

    def application(self) -> web.Application:
        app = web.Application(client_max_size=self.settings.client_max_size)
        app.router.add_get("/healthz", self._health, allow_head=True)
        app.router.add_route("*", "/{tail:.*}", self._bridge)
        app.on_shutdown.append(self._shutdown)
        app.on_cleanup.append(self._cleanup)
        return app

    async def runner(self) -> web.AppRunner:
        """The runner: handlers are cancelled when their client goes away, so a dead stream ends at once."""
        return _CappedRunner(
            self.application(), self.connections, handler_cancellation=True, access_log=None,
            logger=_ClientErrorLog(logging.getLogger("aiohttp.server")),
            keepalive_timeout=self.settings.keepalive_s, shutdown_timeout=self.settings.graceful_timeout_s,
        )

    # -- handlers ----------------------------------------------------------------------------
    async def _health(self, _request: web.Request) -> web.Response:
        return web.Response(body=_HEALTH_BODY, headers=_HEALTH_HEADERS)

    async def _bridge(self, request: web.Request) -> web.StreamResponse:
        try:
            async with asyncio.timeout(self.settings.body_timeout_s):  # NOTE: no extra task, unlike wait_for
                body = await request.read() if request.body_exists else b""
        except TimeoutError:  # a client trickling its body holds no thread, but must not hold the socket either
            return web.json_response({"error": "request_timeout", "message": "The request body came too slowly."},
                                     status=408, headers={"Connection": "close"})
        except web.HTTPRequestEntityTooLarge:  # NOTE: aiohttp's own answer is text/plain, and unlogged
            log.warning("%s %s from %s -> 413: body over the server's limit of %d bytes",
                        request.method, request.path[:200], request.remote, self.settings.client_max_size)
            return web.json_response({"error": "request_entity_too_large", "message": "The request is too large."},
                                     status=413, headers={"Connection": "close"})
        environ = _environ(request, body)
        captured = _Captured()
        environ[STREAM_HANDOFF_KEY] = lambda stream: setattr(captured, "stream", stream)
        await self.blocking(lambda: self._call_app(environ, captured))
        if captured.stream is None:
            return web.Response(status=captured.status, reason=captured.reason, body=captured.body,
                                headers=_headers(captured.headers, drop_length=True))
        if self._stopping or captured.status != 200:
            captured.stream.close()
            return web.Response(status=503, reason="Service Unavailable", headers={"Retry-After": "1"})
        return await self._stream(request, captured)

    def _call_app(self, environ: dict[str, Any], captured: _Captured) -> None:
        """Runs on a pool thread: the app, and its body joined (it is small)."""

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None,
        ) -> Callable[[bytes], None]:
            code, _, reason = status.partition(" ")
            captured.status, captured.reason, captured.headers = int(code), reason, headers
            return _no_write

        result = self._wsgi(environ, start_response)
        try:
            captured.body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()

    # -- streams -----------------------------------------------------------------------------
    async def _stream(self, request: web.Request, captured: _Captured) -> web.StreamResponse:
        stream = captured.stream
        assert stream is not None
        loop = asyncio.get_running_loop()
        wake = asyncio.Event()
        self._open.add(wake)
        response = web.StreamResponse(status=200, reason="OK", headers=_headers(captured.headers, drop_length=True))

        def wake_up() -> None:  # called on the publishing thread
            if not loop.is_closed():
                loop.call_soon_threadsafe(wake.set)

        try:
            stream.subscription.set_waker(wake_up)
            await response.prepare(request)
            await self._write(response, [stream.opening(), *await self.blocking(stream.replay)])
            await self._pump(stream, response, wake)
            return response
        except (ConnectionError, TimeoutError) as exc:  # the client went away, or stopped reading
            log.debug("event stream to %s ended: %r", request.remote, exc)
            if request.transport is not None:
                request.transport.abort()  # NOTE: a client that reads nothing would also stall the final chunk
            return response
        finally:
            self._open.discard(wake)
            stream.close()

    async def _pump(self, stream: EventStream, response: web.StreamResponse, wake: asyncio.Event) -> None:
        """Live events as they come; a heartbeat after `heartbeat_s` of silence; until the stream should end."""
        started = last_write = time.monotonic()
        while not self._stopping and not stream.should_end(started):
            wake.clear()  # NOTE: before draining, so an event published during the drain wakes us again
            chunks = await self._drain(stream)
            now = time.monotonic()
            if not chunks and now - last_write >= stream.heartbeat_s:
                chunks = [HEARTBEAT]
            if chunks:
                await self._write(response, chunks)
                last_write = now
            timeout = stream.heartbeat_s - (time.monotonic() - last_write)
            if stream.max_duration_s is not None:
                timeout = min(timeout, stream.max_duration_s - (time.monotonic() - started))
            # NOTE: asyncio.timeout, not wait_for: wait_for wraps every wait in a new Task
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(0.0, timeout)):
                    await wake.wait()

    async def _drain(self, stream: EventStream) -> list[str]:
        chunks: list[str] = []
        while (event := stream.subscription.get(0)) is not None:
            frames = stream.frames(event)
            chunks += frames if frames is not None else await self.blocking(stream.catch_up)
        return chunks

    async def _write(self, response: web.StreamResponse, chunks: list[str]) -> None:
        if chunks:
            async with asyncio.timeout(self.settings.write_timeout_s):
                await response.write("".join(chunks).encode())

    async def blocking(self, work: Callable[[], T]) -> T:
        """Run `work` on the pool: store reads, and every WSGI request."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    # -- lifecycle ---------------------------------------------------------------------------
    async def _shutdown(self, _app: web.Application) -> None:
        """Graceful stop: every open stream ends now (its client reconnects to another worker)."""
        self._stopping = True
        for stop in self._on_shutdown:
            try:
                stop()
            except Exception:
                log.exception("error while stopping %r", stop)
        for wake in list(self._open):
            wake.set()

    async def _cleanup(self, _app: web.Application) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class _ClientErrorLog(logging.LoggerAdapter[logging.Logger]):
    """aiohttp's request-handler log, where a client's malformed request (a header over 8 KB, a broken
    request line) is one warning naming the client and the reason, not an ERROR with a traceback of
    aiohttp's parser: the client got its 4xx, and nothing on the server went wrong."""

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info")
        status = getattr(exc, "code", None) if isinstance(exc, BaseException) else None
        if isinstance(status, int) and 400 <= status < 500:
            client = args[0] if args else "?"
            reason = getattr(exc, "message", None) or type(exc).__name__
            log.warning("malformed request from %s refused with %d: %s", client, status, reason)
            return
        super().log(level, msg, *args, **kwargs)


class _CappedRunner(web.AppRunner):
    """aiohttp's runner whose server (the protocol factory) counts connections per client address."""

    def __init__(self, app: web.Application, caps: ConnectionCaps, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._caps = caps

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        return cast(web.Server, _CappedServer(server, self._caps)) if self._caps.per_address else server


class _CappedServer:
    """`web.Server` as sites and the runner use it, but each accepted connection is counted first."""

    def __init__(self, inner: web.Server, caps: ConnectionCaps) -> None:
        self._inner = inner
        self._factory = guarded_factory(inner, caps)

    def __call__(self) -> asyncio.Protocol:
        return self._factory()

    def __getattr__(self, name: str) -> Any:  # shutdown, pre_shutdown, connections, requests_count
        return getattr(self._inner, name)


def _no_write(_data: bytes) -> None:
    raise NotImplementedError("the write() callable of start_response is not supported; return an iterable")


def _environ(request: web.Request, body: bytes) -> dict[str, Any]:
    """PEP 3333 environ of an aiohttp request."""
    raw_path, _, query = request.raw_path.partition("?")
    sockname = request.transport.get_extra_info("sockname") if request.transport is not None else None
    host, port = (sockname or ("", 0))[:2]
    environ: dict[str, Any] = {
        "REQUEST_METHOD": request.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(raw_path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": str(host),
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": f"HTTP/{request.version.major}.{request.version.minor}",
        "REMOTE_ADDR": request.remote or "",
        "CONTENT_LENGTH": str(len(body)) if body else "",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": request.scheme,
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for raw_name, raw_value in request.raw_headers:
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        if name == "CONTENT_TYPE":
            environ["CONTENT_TYPE"] = value
            continue
        if name == "CONTENT_LENGTH":
            continue  # NOTE: the body is read whole; its real length is set above
        key = f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def _headers(headers: list[tuple[str, str]], *, drop_length: bool) -> CIMultiDict[str]:
    kept: CIMultiDict[str] = CIMultiDict()
    for name, value in headers:
        lower = name.lower()
        if lower in _HOP_BY_HOP or (drop_length and lower == "content-length"):
            continue
        kept.add(name, value)
    return kept
