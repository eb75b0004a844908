"""Composition root: settings -> stores -> services -> Flask app, and the `supportbot` command.

This is the only module that knows every package. Nothing happens at import time.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.config import BotSettings, DatabaseSettings, LLMSettings
from handoff.config import HandoffSettings, SlackSettings
from knowledge_base.config import KnowledgeBaseSettings

log = logging.getLogger("supportbot")


class Settings(BaseSettings):
    """Everything configurable, from `SUPPORTBOT_*` variables, well-known names, and `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="SUPPORTBOT_", env_nested_delimiter="__", env_file=".env", extra="ignore",
        populate_by_name=True,
    )

    data_dir: Path = Path("data")
    examples_dir: Path = Path(__file__).resolve().parent / "examples"
    index_examples_on_start: bool = True
    cors_origins: list[str] = Field(default_factory=lambda: ["*"])
    rate_limit_per_ip: str = "60 per minute"
    rate_limit_per_conversation: str = "20 per minute"
    admin_token: SecretStr | None = None  # guards the knowledge-base admin API

    kb: KnowledgeBaseSettings = Field(default_factory=KnowledgeBaseSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    handoff: HandoffSettings = Field(default_factory=HandoffSettings)

    # Names users already know, read without the prefix.
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "SUPPORTBOT_DATABASE_URL"))
    redis_url: str | None = Field(default=None, validation_alias=AliasChoices("REDIS_URL", "SUPPORTBOT_REDIS_URL"))
    chroma_url: str | None = Field(default=None, validation_alias=AliasChoices("CHROMA_URL", "SUPPORTBOT_CHROMA_URL"))
    openai_api_key: SecretStr | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY"))
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL"))
    openai_model: str = Field(default="gpt-4o-mini", validation_alias=AliasChoices("OPENAI_MODEL", "SUPPORTBOT_OPENAI_MODEL"))
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET"))
    slack_support_channel: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_SUPPORT_CHANNEL"))
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"))
    slack_app_token: SecretStr | None = Field(default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN"))

    # --- sections assembled from the flat, well-known names -------------------------------
    def kb_settings(self) -> KnowledgeBaseSettings:
        return self.kb.model_copy(
            update={
                "data_dir": self.data_dir,
                "chroma_url": self.chroma_url or self.kb.chroma_url,
                "openai_api_key": self.openai_api_key or self.kb.openai_api_key,
                "openai_base_url": self.openai_base_url or self.kb.openai_base_url,
            }
        )

    def database(self) -> DatabaseSettings:
        url = self.database_url or f"sqlite:///{(self.data_dir / 'supportbot.sqlite3').resolve()}"
        return DatabaseSettings(url=url)

    def llm(self) -> LLMSettings:
        return LLMSettings(api_key=self.openai_api_key, base_url=self.openai_base_url, model=self.openai_model)

    def slack(self) -> SlackSettings:
        return SlackSettings(
            bot_token=self.slack_bot_token,
            signing_secret=self.slack_signing_secret,
            support_channel=self.slack_support_channel,
            api_url=self.slack_api_url,
            app_token=self.slack_app_token,
        )


@dataclass
class Services:
    """Everything `create_app` builds, so the CLI and tests can reach the same objects."""

    settings: Settings
    knowledge_base: Any
    engine: Any
    store: Any
    bus: Any
    bot: Any
    metrics: Any
    registry: Any
    handoff: Any = None  # handoff.wiring.SlackHandoff when Slack is configured
    stop_streams: threading.Event = field(default_factory=threading.Event)  # set on shutdown: SSE ends
    _closers: list[Any] = field(default_factory=list)

    def start_background(self) -> None:
        if self.handoff is not None:
            self.handoff.start()

    def close(self) -> None:
        self.stop_streams.set()
        if self.handoff is not None:
            self.handoff.stop()
        self.bot.shutdown(wait=False)
        for close in reversed(self._closers):
            try:
                close()
            except Exception:
                log.exception("error while closing %r", close)


def build_knowledge_base(settings: Settings, *, embedder: Any = None) -> Any:
    from knowledge_base.service import build_knowledge_base as _build

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return _build(settings.kb_settings(), embedder=embedder)


def build_services(
    settings: Settings | None = None,
    *,
    embedder: Any = None,
    chat_model: Any = None,
    slack_client: Any = None,
    clock: Any = None,
    knowledge_base: Any = None,
) -> Services:
    """Settings -> stores -> services. Nothing here runs at import time."""
    from prometheus_client import CollectorRegistry

    from bot.answering.answerer import Answerer
    from bot.answering.llm import make_chat_model
    from bot.conversations.database import make_engine, make_sessionmaker, migrate
    from bot.conversations.events import make_bus
    from bot.conversations.store import ConversationStore
    from bot.policy import load_policy
    from bot.service import BotService
    from bot.triage.decision import Triage
    from bot.web.metrics import Metrics

    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    policy = load_policy(settings.bot.policy_file)
    kb = knowledge_base or build_knowledge_base(settings, embedder=embedder)
    engine = make_engine(settings.database())
    migrate(engine)
    bus = make_bus(settings.redis_url)
    store = ConversationStore(make_sessionmaker(engine), bus=bus, **({"clock": clock} if clock is not None else {}))
    llm = settings.llm()
    model = chat_model if chat_model is not None else make_chat_model(llm)
    registry = CollectorRegistry()
    metrics = Metrics(registry)
    bot = BotService(
        store=store, bus=bus, knowledge_base=kb, triage=Triage(policy),
        answerer=Answerer(chat_model=model, policy=policy, timeout_s=llm.timeout_s,
                          knowledge_language=policy.knowledge_language),
        policy=policy, metrics=metrics, max_message_chars=settings.bot.max_message_chars,
        history_turns=settings.bot.history_turns, workers=settings.bot.turn_workers,
        **({"clock": clock} if clock is not None else {}),
    )
    services = Services(settings, kb, engine, store, bus, bot, metrics, registry)
    services._closers += [engine.dispose, getattr(bus, "close", lambda: None), getattr(kb, "close", lambda: None)]
    slack = settings.slack()
    if slack.enabled or slack_client is not None:
        from handoff.wiring import build_slack_handoff

        services.handoff = build_slack_handoff(
            slack, settings.handoff, engine=engine, bot=bot, policy=policy, client=slack_client, clock=clock,
        )
    return services


def create_app(
    settings: Settings | None = None,
    *,
    embedder: Any = None,
    chat_model: Any = None,
    slack_client: Any = None,
    clock: Any = None,
    knowledge_base: Any = None,
    start_background: bool = True,
) -> Flask:
    """The one composition root: a fresh, isolated app per call (tests build many)."""
    from bot.web.api import make_blueprint
    from bot.web.app import make_limiter, register_web

    settings = settings or Settings()
    services = build_services(
        settings, embedder=embedder, chat_model=chat_model, slack_client=slack_client, clock=clock,
        knowledge_base=knowledge_base,
    )
    if settings.index_examples_on_start:
        index_examples_if_empty(services.knowledge_base, settings.examples_dir)
    if start_background and hasattr(services.knowledge_base, "warm_up"):
        services.knowledge_base.warm_up()
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = max(64 * 1024, settings.bot.max_message_chars * 8)
    app.extensions["supportbot"] = services
    limiter = make_limiter(settings.redis_url, [settings.rate_limit_per_ip])
    limiter.init_app(app)
    app.register_blueprint(
        make_blueprint(
            services.bot, max_message_chars=settings.bot.max_message_chars, limiter=limiter,
            per_conversation_limit=settings.rate_limit_per_conversation, metrics=services.metrics,
            stop_streams=services.stop_streams,
        )
    )
    register_web(
        app, bot=services.bot, metrics=services.metrics, registry=services.registry,
        cors_origins=settings.cors_origins, ready_checks=_ready_checks(services),
    )
    if services.handoff is not None:
        slack_events = services.handoff.blueprint()
        limiter.exempt(slack_events)  # NOTE: Slack bursts from few IPs; its requests are signed instead
        app.register_blueprint(slack_events)
    if start_background:
        services.start_background()
    return app


def _ready_checks(services: Services) -> dict[str, Any]:
    from sqlalchemy import text

    def database() -> None:
        with services.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def index() -> None:
        services.knowledge_base.documents()

    return {"database": database, "index": index}


def index_examples_if_empty(kb: Any, examples_dir: Path) -> None:
    """First start on a fresh data directory: index the bundled example help center."""
    if not examples_dir.is_dir() or kb.documents():
        return
    report = kb.sync(examples_dir)
    log.info("indexed the example knowledge base from %s: %s", examples_dir, report)


def run_gunicorn(*, host: str, port: int, workers: int = 1, threads: int = 32) -> None:
    """Serve `create_app()` with gunicorn's threaded worker (SSE holds a thread per stream)."""
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
            app = create_app()
            _return_freed_memory()  # what loading the model and warming search freed
            return app

    _App().run()


def _glibc() -> Any:
    """The C library when it is glibc (has mallopt and malloc_trim), else None: musl, macOS."""
    import ctypes

    try:
        libc = ctypes.CDLL(None)  # the symbols already loaded into this process; no ldconfig lookup
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def _limit_malloc_arenas(_server: Any, _worker: Any) -> None:
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


def _close_streams_on_term(worker: Any) -> None:
    """SIGTERM: end open event streams at once instead of waiting out the graceful timeout."""
    import signal

    previous = worker.handle_exit

    def handle_exit(signum: int, frame: Any) -> None:
        app = getattr(worker, "wsgi", None)
        services = getattr(app, "extensions", {}).get("supportbot") if app is not None else None
        if services is not None:
            services.stop_streams.set()
            services.bot.shutdown(wait=False)
        previous(signum, frame)

    signal.signal(signal.SIGTERM, handle_exit)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the `supportbot` console script."""
    from commands import build_cli

    return build_cli().main(args=argv, prog_name="supportbot")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:] or ["serve"])  # `python server.py` alone serves, like `supportbot serve`
