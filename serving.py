"""`supportbot serve`: `create_app` under gunicorn, and that process's tuning.

Two worker kinds. `loop` (the default): gunicorn's aiohttp worker runs `bot.web.loop_server`, an
event loop that answers `/healthz` itself and carries every open event stream without a thread,
and runs the Flask app on a pool of `--threads`. `threads`: gunicorn's gthread worker, where each
open stream holds one of the threads (kept to compare, and for hosts without aiohttp).
The first start indexes the bundled examples in a short-lived child process before gunicorn forks;
each worker then limits glibc's malloc arenas, hands start-up garbage back to the OS, and ends open
event streams at once on SIGTERM.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from server import Services, Settings, build_knowledge_base, create_app, index_examples_if_empty

if TYPE_CHECKING:
    from types import FrameType

    from flask import Flask
    from gunicorn.arbiter import Arbiter
    from gunicorn.workers.base import Worker

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
WORKERS = ("loop", "threads")


def serve_command(get_settings: Callable[[], Settings]) -> click.Command:
    """The `serve` command; `get_settings` is the command line's (it alone reads `.env`)."""

    @click.command("serve", help="Run the server (gunicorn) with settings from the environment.")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
    @click.option("--workers", default=1, show_default=True, type=int, help="Processes; >1 needs REDIS_URL.")
    @click.option("--threads", default=32, show_default=True, type=int,
                  help="Requests run at once per process (with --worker threads, each open event stream holds one).")
    @click.option("--worker", type=click.Choice(WORKERS), default="loop", show_default=True,
                  help="loop: open event streams on an event loop, no thread each; threads: gunicorn gthread.")
    def serve(host: str, port: int, workers: int, threads: int, worker: str) -> None:
        settings = get_settings()
        if workers > 1 and not settings.db.redis_url:
            raise click.ClickException("--workers > 1 needs REDIS_URL so every process sees every event")
        if settings.index_examples_on_start and not _examples_marker(settings).exists():
            _index_examples_in_child(settings)
        run_gunicorn(settings, host=host, port=port, workers=workers, threads=threads, worker=worker)

    return serve


def _examples_marker(settings: Settings) -> Path:
    """Written once the knowledge base in this data folder had documents: later starts skip the child.

    NOTE: the child costs a fresh interpreter, chromadb's import and the model (~1.7 s) on every
    start just to find the index full; workers still check it (a count) and index if it is empty.
    """
    return settings.data_dir / ".knowledge-base-populated"


def _index_examples_in_child(settings: Settings) -> None:
    """First start: index the bundled examples in a short-lived process, before gunicorn forks.

    Indexing inside a worker would hold the embedder's peak memory for the worker's lifetime and
    could outlast gunicorn's worker boot timeout.
    """
    process = multiprocessing.get_context("spawn").Process(
        target=_index_examples, args=(settings,), name="index-examples")
    process.start()
    process.join()
    if process.exitcode:
        raise click.ClickException("indexing the example knowledge base failed; see the log above")


def _index_examples(settings: Settings) -> None:
    from knowledge_base.errors import KnowledgeBaseError

    logging.basicConfig(level="INFO", format=LOG_FORMAT)
    try:
        kb = build_knowledge_base(settings)
        try:
            index_examples_if_empty(kb, settings.examples_dir)
            if not kb.is_empty():
                _examples_marker(settings).touch()
        finally:
            kb.close()
    except KnowledgeBaseError as exc:  # what and why, for the operator; no traceback
        logging.getLogger("supportbot").error("%s", exc)
        sys.exit(1)


def run_gunicorn(
    settings: Settings, *, host: str, port: int, workers: int = 1, threads: int = 32, worker: str = "loop",
) -> None:
    """Serve `create_app(settings)` with gunicorn: the event-loop worker, or the threaded one."""
    from gunicorn.app.base import BaseApplication

    # NOTE: before anything imports prometheus_client (it reads the variable then): each worker
    # writes its metrics to files there and /metrics adds up all of them, whichever worker answers.
    metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="supportbot-metrics-"))
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    from bot.web.metrics import prepare_multiprocess_dir, worker_exited

    prepare_multiprocess_dir(metrics_dir)
    settings = settings.model_copy(update={"web": settings.web.model_copy(update={"metrics_dir": metrics_dir})})

    class _App(BaseApplication):
        def load_config(self) -> None:
            options: dict[str, object] = {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads, "graceful_timeout": 3,
                "timeout": 60, "keepalive": 5, "accesslog": None, "post_fork": _limit_malloc_arenas,
                "child_exit": lambda _server, worker: worker_exited(metrics_dir, worker.pid),
            }
            if worker == "loop":
                options["worker_class"] = _loop_worker_class()
            else:
                options |= {"worker_class": "gthread", "post_worker_init": _close_streams_on_term}
            for key, value in options.items():
                self.cfg.set(key, value)
            if "control_socket_disable" in self.cfg.settings:
                self.cfg.set("control_socket_disable", True)

        def load(self) -> object:
            app = create_app(settings)
            _return_freed_memory()  # what loading the model and warming search freed
            return _loop_runner(app, threads=threads) if worker == "loop" else app

    _App().run()


def _loop_worker_class() -> str:
    """aiohttp's gunicorn worker, on uvloop when it is installed (less CPU per request)."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "aiohttp.GunicornWebWorker"
    return "aiohttp.GunicornUVLoopWebWorker"


def _loop_runner(app: Flask, *, threads: int) -> Callable[[], Awaitable[object]]:
    """What the aiohttp worker serves: `LoopServer` around the Flask app, stopping the services with it."""
    from bot.web.loop_server import LoopServer, LoopSettings

    services = app.extensions["supportbot"]
    web = services.settings.web
    server = LoopServer(
        app, settings=LoopSettings(
            threads=threads, write_timeout_s=web.stream_write_timeout_s, body_timeout_s=web.request_body_timeout_s,
            # NOTE: behind proxies every connection comes from one of them: the cap would refuse customers
            connections_per_address=web.connections_per_ip if web.trusted_proxy_hops == 0 else 0),
        on_shutdown=[services.stop_streams.set, lambda: services.bot.shutdown(wait=False)],
    )
    return server.runner


def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (has mallopt and malloc_trim), else None: musl, macOS."""
    try:
        libc = ctypes.CDLL(None)  # the symbols already loaded into this process; no ldconfig lookup
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def _limit_malloc_arenas(_server: Arbiter | None, _worker: Worker | None) -> None:
    """gunicorn post_fork: at most two glibc malloc arenas in a worker.

    glibc gives threads up to 8 arenas per core; with dozens of request and turn threads each
    keeps its own free memory (~20 MB more RSS under 32 customers), for no speed we could measure.
    """
    libc = _glibc()
    if libc is not None:
        libc.mallopt(-8, 2)  # M_ARENA_MAX


def _return_freed_memory() -> None:
    """Hand memory freed during start-up (the model derivation, the first snapshot) back to the OS (~30 MB)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def _close_streams_on_term(worker: Worker) -> None:
    """SIGTERM: end open event streams at once instead of waiting out the graceful timeout."""
    previous = worker.handle_exit

    def handle_exit(signum: int, frame: FrameType | None) -> None:
        app = getattr(worker, "wsgi", None)
        services = getattr(app, "extensions", {}).get("supportbot") if app is not None else None
        if isinstance(services, Services):
            services.stop_streams.set()
            services.bot.shutdown(wait=False)
        previous(signum, frame)

    signal.signal(signal.SIGTERM, handle_exit)
