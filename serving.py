"""`supportbot serve`: `create_app` under gunicorn's threaded worker, and that process's tuning.

The first start indexes the bundled examples in a short-lived child process before gunicorn forks;
each worker then limits glibc's malloc arenas, hands start-up garbage back to the OS, and ends open
event streams at once on SIGTERM.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from server import Services, Settings, build_knowledge_base, create_app, index_examples_if_empty

if TYPE_CHECKING:
    from types import FrameType

    from flask import Flask
    from gunicorn.arbiter import Arbiter
    from gunicorn.workers.base import Worker

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def serve_command(get_settings: Callable[[], Settings]) -> click.Command:
    """The `serve` command; `get_settings` is the command line's (it alone reads `.env`)."""

    @click.command("serve", help="Run the server (gunicorn, threaded) with settings from the environment.")
    @click.option("--host", default="127.0.0.1", show_default=True)
    @click.option("--port", default=8000, show_default=True, type=int)
    @click.option("--workers", default=1, show_default=True, type=int, help="Processes; >1 needs REDIS_URL.")
    @click.option("--threads", default=128, show_default=True, type=int,
                  help="Threads per process (each open chat's event stream holds one).")
    def serve(host: str, port: int, workers: int, threads: int) -> None:
        settings = get_settings()
        if workers > 1 and not settings.db.redis_url:
            raise click.ClickException("--workers > 1 needs REDIS_URL so every process sees every event")
        if settings.index_examples_on_start:
            _index_examples_in_child(settings)
        run_gunicorn(settings, host=host, port=port, workers=workers, threads=threads)

    return serve


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
        finally:
            kb.close()
    except KnowledgeBaseError as exc:  # what and why, for the operator; no traceback
        logging.getLogger("supportbot").error("%s", exc)
        sys.exit(1)


def run_gunicorn(settings: Settings, *, host: str, port: int, workers: int = 1, threads: int = 32) -> None:
    """Serve `create_app(settings)` with gunicorn's threaded worker (SSE holds a thread per stream)."""
    from gunicorn.app.base import BaseApplication

    class _App(BaseApplication):
        def load_config(self) -> None:
            options = {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads, "worker_class": "gthread",
                "graceful_timeout": 3, "timeout": 60, "keepalive": 5, "accesslog": None,
                "post_fork": _limit_malloc_arenas, "post_worker_init": _close_streams_on_term,
            }
            for key, value in options.items():
                self.cfg.set(key, value)
            if "control_socket_disable" in self.cfg.settings:
                self.cfg.set("control_socket_disable", True)

        def load(self) -> Flask:
            app = create_app(_with_stream_cap(settings, threads))
            _return_freed_memory()  # what loading the model and warming search freed
            return app

    _App().run()


def _with_stream_cap(settings: Settings, threads: int) -> Settings:
    """Unless set, open streams may take all threads but an eighth (at least 4): those serve everyone else.

    NOTE: a stream whose client left holds its slot until the next heartbeat write fails (15 s).
    """
    if settings.web.max_streams is not None:
        return settings
    cap = max(1, threads - max(4, threads // 8))
    return settings.model_copy(update={"web": settings.web.model_copy(update={"max_streams": cap})})


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
