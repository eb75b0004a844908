"""Composition root: settings -> stores -> services -> Flask app.

This is the only module that knows every package. Nothing happens at import time, and nothing here
serves: `supportbot serve` (`serving.py`) runs what `create_app` builds.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from flask import Flask, Response

from bot.admin.config import AdminSettings
from bot.config import DatabaseSettings
from handoff.config import SlackSettings
from knowledge_base.language import BackgroundLoad, LanguageDetector
from settings import Settings, database_settings

__all__ = ["Services", "Settings", "build_services", "create_app", "database_settings", "default_embedder"]

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel
    from prometheus_client import CollectorRegistry
    from slack_sdk import WebClient
    from sqlalchemy import Engine

    from bot.attachments.service import AttachmentService
    from bot.conversations.events import EventBus
    from bot.conversations.store import ConversationStore
    from bot.customers.service import CustomerService
    from bot.policy import Policy
    from bot.privacy.retention import RetentionJob
    from bot.privacy.service import PrivacyService
    from bot.recovery.leases import TurnLeases
    from bot.recovery.sweeper import TurnSweeper
    from bot.service import BotService
    from bot.web.metrics import Metrics
    from handoff.wiring import SlackHandoff
    from knowledge_base.crosslingual import NamedEmbedder
    from knowledge_base.results import SearchResult
    from knowledge_base.service import KnowledgeBase
    from knowledge_base.sync import SyncReport

log = logging.getLogger("supportbot")

class AppKnowledgeBase(Protocol):
    """What the app needs of a knowledge base: `KnowledgeBase`, or a fake in tests and benchmarks."""

    def search(self, query: str, *, k: int | None = None) -> SearchResult: ...

    def documents(self) -> Sequence[object]: ...  # only "are there any" matters here

    def sync(self, directory: Path) -> SyncReport: ...

    def document_chunks(self, document_id: str, version: int | None = None, *, limit: int = 200) -> list[Any]: ...
    def document(self, document_id: str) -> Any | None: ...


@dataclass
class Services:
    """Everything `create_app` builds, so the CLI and tests can reach the same objects."""

    settings: Settings
    knowledge_base: AppKnowledgeBase
    engine: Engine
    store: ConversationStore
    bus: EventBus
    bot: BotService
    metrics: Metrics
    registry: CollectorRegistry
    handoff: SlackHandoff | None = None  # when Slack is configured
    privacy: PrivacyService | None = None  # export, erasure and retention over every table
    retention: RetentionJob | None = None  # when SUPPORTBOT_RETENTION_DAYS is set
    customers: CustomerService | None = None  # who the customer is, their wait, links back
    attachments: AttachmentService | None = None  # files in conversations
    sweeper: TurnSweeper | None = None  # takes over turns cut off with their instance (unless disabled)
    stop_streams: threading.Event = field(default_factory=threading.Event)  # set on shutdown: SSE ends
    # loaded once the app serves (its first request, a readiness probe in production), not before ready
    language_model: BackgroundLoad = field(default_factory=BackgroundLoad)
    _closers: list[Callable[[], object]] = field(default_factory=list)

    def start_background(self) -> None:
        if self.handoff is not None:
            self.handoff.start()
        if self.retention is not None:
            self.retention.start()
        if self.sweeper is not None:
            self.sweeper.start()

    def stop_turns(self) -> None:
        """Shutting down: stop sweeping, leave the turns still running to another instance, take no more."""
        if self.sweeper is not None:
            self.sweeper.stop()
        self.bot.shutdown(wait=False)

    def close(self) -> None:
        self.stop_streams.set()
        if self.retention is not None:
            self.retention.stop()
        if self.handoff is not None:
            self.handoff.stop()
        self.stop_turns()
        for close in reversed(self._closers):
            try:
                close()
            except Exception:
                log.exception("error while closing %r", close)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def build_knowledge_base(settings: Settings, *, embedder: Embeddings | None = None,
                         cross_lingual: NamedEmbedder | None = None) -> KnowledgeBase:
    """The knowledge base; with the product's own offline embedder it always gets the cross-lingual one.

    NOTE: the server passes its default embedder (wrapped so triage and retrieval share a vector), and
    `knowledge_base.service.build_knowledge_base` adds the cross-lingual embedder only to an embedder
    it made itself: served customers writing in other languages were searched with MiniLM alone
    (every non-English question on the examples declined), while `eval answers` had both.
    """
    from knowledge_base.service import build_knowledge_base as _build

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if cross_lingual is None and embedder is not None:
        cross_lingual = default_cross_lingual(settings, embedder)
    return _build(settings.kb, embedder=embedder, cross_lingual=cross_lingual)


def default_cross_lingual(settings: Settings, embedder: Embeddings | None = None, *,
                          load: bool = False) -> NamedEmbedder | None:
    """The cross-lingual embedder beside the product's offline one (`knowledge_base.service.cross_lingual_for`);
    `load`: load it now (before gunicorn forks, as the embedder)."""
    from knowledge_base.service import cross_lingual_for

    cross_lingual = cross_lingual_for(settings.kb, embedder)
    if load and cross_lingual is not None:
        cross_lingual.load()
    return cross_lingual


def default_embedder(settings: Settings, *, load: bool = False) -> Embeddings:
    """The configured embedder, wrapped so triage and retrieval share a message's vector.

    `load`: load the model now (`supportbot serve` does it in gunicorn's master before forking, so
    every worker shares its pages copy-on-write instead of loading a copy).
    """
    from knowledge_base.embeddings import make_embedder
    from knowledge_base.vector_memo import VectorMemo

    inner, model_id = make_embedder(settings.kb)
    if load and hasattr(inner, "load"):
        inner.load()
    return VectorMemo(inner, model_id=model_id)


class StartupError(Exception):
    """Something the instance needs cannot be used; the message names the file or server and why."""


def _open_database(db: DatabaseSettings, make_engine: Callable[[DatabaseSettings], Engine],
                   migrate: Callable[[Engine], object]) -> Engine:
    """The migrated engine, or a `StartupError` naming the database (a SQLite file, or host and name)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    url = make_url(db.url or "")
    where = f"file {url.database}" if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)
    try:
        engine = make_engine(db)
        migrate(engine)
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StartupError(f"the database {where} cannot be used: {reason}") from exc
    return engine


def build_services(
    settings: Settings | None = None,
    *,
    embedder: Embeddings | None = None,
    chat_model: BaseChatModel | None = None,
    slack_client: WebClient | None = None,
    clock: Callable[[], datetime] | None = None,
    knowledge_base: AppKnowledgeBase | None = None,
    cross_lingual: NamedEmbedder | None = None,
) -> Services:
    """Settings -> stores -> services. Nothing here runs at import time."""
    from prometheus_client import CollectorRegistry

    from bot.answering.answerer import Answerer
    from bot.answering.llm import make_chat_model
    from bot.answering.strictness import decision_for, describe
    from bot.conversations.database import make_engine, make_sessionmaker, migrate
    from bot.conversations.events import make_bus
    from bot.conversations.store import ConversationStore
    from bot.desk_guard import HandoffBudget
    from bot.policy import load_policy
    from bot.privacy.egress import install_log_redaction
    from bot.service import BotService
    from bot.triage.setup import build_triage
    from bot.web.metrics import Metrics

    settings = settings or Settings()
    # NOTE: first, so a missing or altered model file stops the start by name before the database is
    # migrated or the knowledge base opened (`ModelUnavailable`).
    decision = decision_for(settings.bot.answering.strictness)
    log.info(describe(settings.bot.answering.strictness, decision))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    policy = load_policy(settings.bot.policy_file)
    if knowledge_base is None and embedder is None:
        embedder = default_embedder(settings)
    install_log_redaction(policy.pii)  # log lines are an exit too: the policy's `log` target
    kb = knowledge_base or build_knowledge_base(settings, embedder=embedder, cross_lingual=cross_lingual)
    engine = _open_database(database_settings(settings), make_engine, migrate)
    bus = make_bus(settings.db.redis_url)
    now = clock or _utc_now
    store = ConversationStore(make_sessionmaker(engine), bus=bus, clock=now)
    model = chat_model if chat_model is not None else make_chat_model(settings.llm)
    registry = CollectorRegistry()
    metrics = Metrics(registry, multiprocess_dir=settings.web.metrics_dir)
    triage = build_triage(policy, embedder=getattr(kb, "embedder", None), chat_model=model,
                          on_llm_skipped=metrics.triage_llm_skipped)
    leases = _turn_leases(settings, now)
    answerer = Answerer(chat_model=model, policy=policy, timeout_s=settings.llm.timeout_s,
                        knowledge_language=policy.knowledge_language,
                        cross_lingual=getattr(kb, "cross_lingual", None), english=_array_embedder(kb),
                        decision=decision)
    bot = BotService(
        store=store, bus=bus, knowledge_base=kb, triage=triage, answerer=answerer,
        policy=policy, metrics=metrics, max_message_chars=settings.bot.max_message_chars,
        history_turns=settings.bot.history_turns, workers=settings.bot.turn_workers, clock=now,
        handoff_budget=HandoffBudget(policy.desk), leases=leases,
        detector=LanguageDetector(default=answerer.knowledge_code, models_dir=settings.kb.models_dir),
    )
    services = Services(settings, kb, engine, store, bus, bot, metrics, registry,
                        language_model=BackgroundLoad(models_dir=settings.kb.models_dir))
    if leases is not None:
        from bot.conversations.turn_claims import TurnClaims
        from bot.recovery.sweeper import TurnSweeper

        services.sweeper = TurnSweeper(claims=TurnClaims(engine), leases=leases, bot=bot,
                                       settings=settings.bot.recovery, clock=now)
    services._closers += [engine.dispose, getattr(bus, "close", lambda: None), getattr(kb, "close", lambda: None),
                          triage.close]
    services.customers, services.attachments = _customer_services(settings, engine, store, bot, policy, clock)
    if settings.slack.enabled or slack_client is not None:
        from handoff.wiring import build_slack_handoff

        services.handoff = build_slack_handoff(
            settings.slack, settings.handoff, engine=engine, bot=bot, policy=policy, client=slack_client, clock=clock,
            customers=services.customers, attachments=services.attachments,
        )
    _wire_privacy(services, now)
    _watch_queues(services)
    return services


def _turn_leases(settings: Settings, clock: Callable[[], datetime]) -> TurnLeases | None:
    """This process's claims on the turns it runs (None when recovery is turned off)."""
    from datetime import timedelta

    from bot.recovery.leases import TurnLeases, instance_id

    recovery = settings.bot.recovery
    if not recovery.enabled:
        return None
    return TurnLeases(owner=instance_id(), lease=timedelta(seconds=recovery.lease_s), clock=clock)


def _array_embedder(kb: object) -> Any:
    """The knowledge base's own embedder when it embeds offline (it judges sentences for questions in
    other languages, `crosslingual_section`); None for one served by an API, which is not called per sentence."""
    embedder = getattr(kb, "embedder", None)
    return embedder if getattr(kb, "cross_lingual", None) is not None and hasattr(embedder, "embed_array") else None


def _watch_queues(services: Services) -> None:
    """Queue depths on /metrics, read at scrape time: who waits for a person, what waits for Slack."""
    from prometheus_client import Gauge
    from sqlalchemy import text

    def safely(read: Callable[[], float]) -> Callable[[], float]:
        def value() -> float:
            try:
                return read()
            except Exception:  # a scrape must not fail with the database; readiness reports that
                return float("nan")
        return value

    def pending() -> float:
        with services.engine.connect() as connection:
            return float(connection.execute(
                text("SELECT count(*) FROM conversations WHERE state = 'pending'")).scalar() or 0)

    Gauge("supportbot_handoff_queue_depth", "Conversations waiting for a person.",
          registry=services.registry).set_function(safely(pending))
    handoff = services.handoff
    if handoff is not None:
        Gauge("supportbot_slack_outbox_pending", "Slack writes queued and not yet sent.",
              registry=services.registry).set_function(safely(lambda: float(handoff.outbox.pending_count())))


def _wire_privacy(services: Services, clock: Callable[[], datetime]) -> None:
    """Export/erase over the bot's tables and, when Slack is on, the handoff's (through its port)."""
    from bot.conversations.database import make_sessionmaker
    from bot.privacy.retention import RetentionJob
    from bot.privacy.service import PrivacyService

    services.privacy = PrivacyService(make_sessionmaker(services.engine), clock=clock)
    if services.handoff is not None:
        from handoff.database import make_sessionmaker as handoff_sessions
        from handoff.privacy import SlackPrivacy

        services.privacy.add_participant(SlackPrivacy(handoff_sessions(services.engine), services.handoff.outbox))
    if services.settings.retention_days is not None:
        services.retention = RetentionJob(services.privacy, days=services.settings.retention_days)


def _customer_services(
    settings: Settings, engine: Engine, store: ConversationStore, bot: BotService, policy: Policy,
    clock: Callable[[], datetime] | None,
) -> tuple[CustomerService, AttachmentService]:
    """Who the customer is, and their files (bytes under the data folder)."""
    from bot.attachments.service import AttachmentService
    from bot.attachments.storage import FolderBlobStore
    from bot.conversations.database import make_sessionmaker
    from bot.customers.profiles import ProfileStore
    from bot.customers.service import CustomerService

    sessions = make_sessionmaker(engine)
    secret = settings.bot.identity_secret
    customers = CustomerService(store=store, profiles=ProfileStore(sessions, clock=clock), clock=clock,
                                identity_secret=secret.get_secret_value() if secret is not None else None)
    attachments = AttachmentService(sessions=sessions, blobs=FolderBlobStore(settings.data_dir / "files"), store=store,
                                    policy=policy, post_customer_message=bot.post_customer_message,
                                    max_bytes=settings.bot.attachment_max_bytes, clock=clock)
    return customers, attachments


def create_app(
    settings: Settings | None = None,
    *,
    embedder: Embeddings | None = None,
    chat_model: BaseChatModel | None = None,
    slack_client: WebClient | None = None,
    clock: Callable[[], datetime] | None = None,
    knowledge_base: AppKnowledgeBase | None = None,
    start_background: bool = True,
    cross_lingual: NamedEmbedder | None = None,
) -> Flask:
    """The one composition root: a fresh, isolated app per call (tests build many)."""
    from bot.web.api import make_blueprint
    from bot.web.app import register_web
    from bot.web.conversation_limits import ConversationLimits
    from bot.web.edge import make_limiter, trust_proxies
    from bot.web.kb_pages import make_kb_pages
    from bot.web.stream_caps import StreamCaps, StreamLimits

    settings = settings or Settings()
    services = build_services(
        settings, embedder=embedder, chat_model=chat_model, slack_client=slack_client, clock=clock,
        knowledge_base=knowledge_base, cross_lingual=cross_lingual,
    )
    if settings.index_examples_on_start:
        index_examples_if_empty(services.knowledge_base, settings.examples_dir)
    warm_up = getattr(services.knowledge_base, "warm_up", None)
    if start_background and warm_up is not None:
        warm_up()
    fill = getattr(services.knowledge_base, "fill_cross_lingual_in_background", None)
    if start_background and fill is not None:
        fill()  # chunks synced without their cross-lingual vector get it, never inside a turn
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = max(64 * 1024, settings.bot.max_message_chars * 8)
    app.extensions["supportbot"] = services
    trust_proxies(app, settings.web.trusted_proxy_hops)
    limiter = make_limiter(settings.db.redis_url, [settings.web.rate_limit_per_ip])
    limiter.init_app(app)
    limits = ConversationLimits(limiter, per_ip=[settings.web.rate_limit_per_ip],
                                per_conversation=settings.web.rate_limit_per_conversation)
    app.register_blueprint(
        make_blueprint(
            services.bot, max_message_chars=settings.bot.max_message_chars, limits=limits, metrics=services.metrics,
            stop_streams=services.stop_streams, note_source=services.bot.note_source,
            stream_caps=StreamCaps(StreamLimits(settings.web.max_streams, settings.web.streams_per_ip,
                                                settings.web.streams_per_conversation)),
        )
    )
    from bot.web.customer_api import make_customer_blueprint

    if services.customers is not None and services.attachments is not None:
        app.register_blueprint(make_customer_blueprint(
            services.bot, services.customers, services.attachments, limits=limits))
    register_web(
        app, metrics=services.metrics, registry=services.registry,
        cors_origins=settings.web.cors_origins, ready_checks=_ready_checks(services),
    )
    app.register_blueprint(make_kb_pages(services.knowledge_base))
    if services.handoff is not None:
        slack_events = services.handoff.blueprint()
        limiter.exempt(slack_events)  # NOTE: Slack bursts from few IPs; its requests are signed instead
        app.register_blueprint(slack_events)
    if settings.admin.enabled:
        _add_console(app, services, chat_model=chat_model, clock=clock, start_background=start_background)
    if start_background:
        services.start_background()
        _load_language_model_once_serving(app, services.language_model)
    return app


def _load_language_model_once_serving(app: Flask, load: BackgroundLoad) -> None:
    """The language model loads in the background after the first request is answered (a load
    balancer's `/readyz`, or the widget opening a conversation): no turn needs it before a customer
    writes, and `/readyz` does not wait for it."""

    @app.after_request
    def start_loading(response: Response) -> Response:
        load.start()
        return response


def _add_console(app: Flask, services: Services, *, chat_model: BaseChatModel | None,
                 clock: Callable[[], datetime] | None, start_background: bool) -> None:
    """The support team's console (issue 15): `/admin` and `/admin/api`, only with an admin token."""
    from bot.admin.wiring import build_admin
    from handoff.console import build_console_handoff

    settings = services.settings
    assert services.privacy is not None  # build_services always wires it

    def golden_check(golden: Path) -> dict[str, object]:
        """`eval answers` on the server's own knowledge base, in a throwaway database (no stats noise)."""
        from tempfile import TemporaryDirectory

        from bot.answering.evaluation import evaluate_answers

        with TemporaryDirectory(prefix="supportbot-golden-") as tmp:
            throwaway = settings.model_copy(update={"data_dir": Path(tmp), "db": DatabaseSettings(),
                                                    "slack": SlackSettings(), "admin": AdminSettings()})
            checker = build_services(throwaway, chat_model=chat_model, knowledge_base=services.knowledge_base)
            try:
                return evaluate_answers(golden, bot=checker.bot)
            finally:
                checker.bot.shutdown(wait=True)
                checker.engine.dispose()

    console = build_admin(
        settings.admin, engine=services.engine, store=services.store, knowledge_base=services.knowledge_base,
        evaluate=golden_check,
        operators=None if services.handoff is not None else build_console_handoff(
            services.engine, services.store, services.bot.policy),
        privacy=services.privacy, redis_url=settings.db.redis_url, count_login=services.metrics.admin_login,
        clock=clock,
    )
    app.register_blueprint(console.blueprint())
    if start_background:
        console.start_background()


def _ready_checks(services: Services) -> Mapping[str, Callable[[], object]]:
    """Cheap probes (a load balancer polls them): one SELECT 1, and the index answering a count."""
    from sqlalchemy import text

    def database() -> None:
        # NOTE: not just SELECT 1: read the tables a turn writes, so broken pages or a lost table show
        with services.engine.connect() as connection:
            for table in ("conversations", "messages", "state_changes"):
                connection.execute(text(f"SELECT id FROM {table} ORDER BY id DESC LIMIT 1"))

    check_ready = getattr(services.knowledge_base, "check_ready", None)  # fakes in tests may lack it

    def index() -> None:
        if check_ready is not None:
            check_ready()  # embedder + index + ranking, no language detection
        else:
            services.knowledge_base.search("is the knowledge base ready", k=1)

    checks: dict[str, Callable[[], object]] = {"database": database, "index": index}
    if services.handoff is not None:
        checks["outbox"] = services.handoff.outbox.check
    return checks


def _is_empty(kb: AppKnowledgeBase) -> bool:
    is_empty = getattr(kb, "is_empty", None)  # knowledge bases in tests and benchmarks may lack it
    return bool(is_empty()) if is_empty is not None else not kb.documents()


def index_examples_if_empty(kb: AppKnowledgeBase, examples_dir: Path) -> None:
    """First start on a fresh data directory: index the bundled example help center."""
    if not examples_dir.is_dir() or not _is_empty(kb):
        return
    report = kb.sync(examples_dir)
    log.info("indexed the example knowledge base from %s: %s", examples_dir, report.summary())


if __name__ == "__main__":
    raise SystemExit("server.py only composes the app; run it with `supportbot serve` (or `python -m commands serve`)")
