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

from knowledge_base import freed_memory
from server import (
    Services,
    Settings,
    build_knowledge_base,
    create_app,
    default_cross_lingual,
    default_embedder,
    index_examples_if_empty,
)

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
    @click.option("--preload-model/--no-preload-model", default=None,
                  help="Load the embedding model once before forking the workers, who share it "
                       "(default: with --workers > 1).")
    def serve(host: str, port: int, workers: int, threads: int, worker: str, preload_model: bool | None) -> None:
        settings = get_settings()
        if workers > 1 and not settings.db.redis_url:
            raise click.ClickException("--workers > 1 needs REDIS_URL so every process sees every event")
        if settings.index_examples_on_start and not _examples_marker(settings).exists():
            _index_examples_in_child(settings)
        run_gunicorn(settings, host=host, port=port, workers=workers, threads=threads, worker=worker,
                     preload_model=workers > 1 if preload_model is None else preload_model)

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
            kb.fill_cross_lingual()  # as `kb sync` does, before the workers start: none of them fills it
            if not kb.is_empty():
                _examples_marker(settings).touch()
        finally:
            kb.close()
    except KnowledgeBaseError as exc:  # what and why, for the operator; no traceback
        logging.getLogger("supportbot").error("%s", exc)
        sys.exit(1)


def run_gunicorn(
    settings: Settings, *, host: str, port: int, workers: int = 1, threads: int = 32, worker: str = "loop",
    preload_model: bool = False,
) -> None:
    """Serve `create_app(settings)` with gunicorn: the event-loop worker, or the threaded one.

    `preload_model`: the embedding model is loaded here, in the master, and every worker forked from
    it shares those pages copy-on-write (~100 MB each), and the language model likewise (~50 MB).
    Only the models: the Chroma client, database engines, the search snapshot and every thread are
    made in each worker after the fork, where they belong (none of them survives a fork; the
    snapshot's arrays are files mapped by every worker, shared through the page cache anyway).
    """
    from gunicorn.app.base import BaseApplication

    # NOTE: before anything imports prometheus_client (it reads the variable then): each worker
    # writes its metrics to files there and /metrics adds up all of them, whichever worker answers.
    metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="supportbot-metrics-"))
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    from bot.web.metrics import prepare_multiprocess_dir, worker_exited

    prepare_multiprocess_dir(metrics_dir)
    settings = settings.model_copy(update={"web": settings.web.model_copy(update={"metrics_dir": metrics_dir})})
    shared = default_embedder(settings, load=True) if preload_model else None
    shared_cross_lingual = default_cross_lingual(settings, shared, load=True) if preload_model else None
    if preload_model:
        _import_before_fork(settings.kb.models_dir)

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
            app = create_app(settings, embedder=shared, cross_lingual=shared_cross_lingual)
            _return_freed_memory()  # what loading the model and warming search freed
            return _loop_runner(app, threads=threads) if worker == "loop" else app

    _App().run()


# Imported by every worker's `create_app`; imported once in the master instead, their code and
# constants are pages the workers share. Nothing here starts a thread or opens a connection.
_SHARED_MODULES = (
    "numpy", "sqlalchemy.orm", "flask", "flask_limiter", "pydantic", "chromadb",
    "bot.service", "bot.web.app", "bot.web.api", "bot.web.customer_api", "bot.web.loop_server",
    "bot.triage.setup", "bot.answering.answerer", "bot.conversations.store", "knowledge_base.search",
    "knowledge_base.service",
)


def _import_before_fork(models_dir: Path | None = None) -> None:
    """Import what every worker would, and load the language model each one loads at its first turn
    (~50 MB), then freeze the garbage collector's view of it: objects made before the fork are never
    scanned again, so their pages stay shared instead of being copied by the first collection in
    each worker."""
    import gc
    import importlib

    from knowledge_base.language import SUPPORTED_LANGUAGES, identifier_for

    for name in _SHARED_MODULES:
        importlib.import_module(name)
    identifier_for(SUPPORTED_LANGUAGES, models_dir)  # mapped from the data folder's copy when a start wrote one
    gc.collect()
    gc.freeze()


def _loop_worker_class() -> str:
    """aiohttp's gunicorn worker, on uvloop when it is installed (less CPU per request)."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "aiohttp.GunicornWebWorker"
    return "aiohttp.GunicornUVLoopWebWorker"


def body_limit(settings: Settings) -> int:
    """The largest request body the loop server reads: the biggest upload any route allows, plus the
    multipart envelope. Each route still checks its own, smaller limit with a clear message."""
    return max(8 * 2**20, settings.admin.max_upload_bytes, settings.bot.attachment_max_bytes) + 64 * 1024


def _loop_runner(app: Flask, *, threads: int) -> Callable[[], Awaitable[object]]:
    """What the aiohttp worker serves: `LoopServer` around the Flask app, stopping the services with it."""
    from bot.web.loop_server import LoopServer, LoopSettings

    services = app.extensions["supportbot"]
    web = services.settings.web
    server = LoopServer(
        app, settings=LoopSettings(
            threads=threads, write_timeout_s=web.stream_write_timeout_s, body_timeout_s=web.request_body_timeout_s,
            client_max_size=body_limit(services.settings),
            # NOTE: behind proxies every connection comes from one of them: the cap would refuse customers
            connections_per_address=web.connections_per_ip if web.trusted_proxy_hops == 0 else 0),
        on_shutdown=[services.stop_streams.set, services.stop_turns],
    )
    return server.runner


def _limit_malloc_arenas(_server: Arbiter | None, _worker: Worker | None) -> None:
    """gunicorn post_fork: at most two glibc malloc arenas in a worker.

    glibc gives threads up to 8 arenas per core; with dozens of request and turn threads each
    keeps its own free memory (~20 MB more RSS under 32 customers), for no speed we could measure.
    """
    libc = freed_memory.glibc()
    if libc is not None:
        libc.mallopt(-8, 2)  # M_ARENA_MAX


def _return_freed_memory() -> None:
    """Hand memory freed during start-up (the model derivation, the first snapshot) back to the OS (~30 MB)."""
    freed_memory.return_freed_memory()


def _close_streams_on_term(worker: Worker) -> None:
    """SIGTERM: end open event streams at once instead of waiting out the graceful timeout."""
    previous = worker.handle_exit

    def handle_exit(signum: int, frame: FrameType | None) -> None:
        app = getattr(worker, "wsgi", None)
        services = getattr(app, "extensions", {}).get("supportbot") if app is not None else None
        if isinstance(services, Services):
            services.stop_streams.set()
            services.stop_turns()
        previous(signum, frame)

    signal.signal(signal.SIGTERM, handle_exit)
