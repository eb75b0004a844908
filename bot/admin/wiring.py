"""Assembles the console from what `server.create_app` already built; called from one block there."""
from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint
from sqlalchemy import Engine

from bot.admin.api import AdminServices, make_admin_blueprint
from bot.admin.audit import AuditLog
from bot.admin.auth import AdminAuth, LoginThrottle
from bot.admin.config import AdminSettings
from bot.admin.conversations import ConversationsService, OperatorDesk
from bot.admin.database import migrate
from bot.admin.documents import DocumentsService
from bot.admin.facts import Facts
from bot.admin.gaps import GapsService
from bot.admin.golden import Evaluate, GoldenChecks
from bot.admin.privacy import ConsolePrivacy
from bot.admin.runs import RunsStore
from bot.admin.stats import StatsService
from bot.admin.suggestions import SuggestionsService
from bot.conversations.database import make_sessionmaker
from bot.conversations.store import ConversationStore
from bot.privacy.service import PrivacyService

log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Console:
    services: AdminServices
    facts: Facts

    def blueprint(self) -> Blueprint:
        return make_admin_blueprint(self.services)

    def start_background(self) -> None:
        """Derive the figures of existing conversations now (seconds on a big history), not on first view."""
        threading.Thread(target=self._warm, name="admin-facts", daemon=True).start()

    def _warm(self) -> None:
        try:
            self.facts.refresh(force=True)
            self.services.gaps.prepare()
        except Exception:
            log.exception("could not prepare the console's figures; they are computed on first view instead")


def build_admin(
    admin: AdminSettings, *, engine: Engine, store: ConversationStore, knowledge_base: Any, evaluate: Evaluate,
    operators: OperatorDesk | None, privacy: PrivacyService, redis_url: str | None,
    count_login: Callable[[str], None] | None = None, clock: Callable[[], datetime] | None = None,
) -> Console:
    """Migrate the console's tables and build its services. `operators`: the agent-side service when
    the console is the desk (no Slack), else None (the console then only reads conversations)."""
    if admin.token is None:
        raise ValueError("the console needs an admin token")
    migrate(engine)
    sessions = make_sessionmaker(engine)
    privacy.add_participant(ConsolePrivacy(sessions))  # its copies of questions go with the conversations
    now = clock or _utcnow
    facts = Facts(sessions)
    runs = RunsStore(sessions, clock=now)
    documents = DocumentsService(knowledge_base, runs, documents_dir=admin.documents_dir,
                                 max_upload_bytes=admin.max_upload_bytes)
    embedder = knowledge_base.embedder
    model_id = getattr(knowledge_base, "model_id", type(embedder).__name__)
    services = AdminServices(
        settings=admin,
        auth=AdminAuth(admin.token.get_secret_value(), session_seconds=admin.session_hours * 3600),
        throttle=LoginThrottle(admin.failed_logins_per_minute, storage_uri=redis_url),
        stats=StatsService(sessions, facts, clock=now),
        conversations=ConversationsService(sessions, store, operators=operators),
        gaps=GapsService(sessions, facts, embedder=embedder, model_id=model_id, search=knowledge_base,
                         kb_generation=_generation_of(knowledge_base), clock=now),
        documents=documents,
        suggestions=SuggestionsService(sessions, embedder=embedder, clock=now),
        golden=GoldenChecks(runs, evaluate=evaluate, golden_file=admin.golden_file,
                            documents=knowledge_base.documents),
        privacy=privacy,
        audit=AuditLog(sessions, digest_key=hashlib.sha256(admin.token.get_secret_value().encode()).digest(),
                       clock=now),
        **({"count_login": count_login} if count_login is not None else {}),
    )
    return Console(services, facts)


def _generation_of(knowledge_base: Any) -> Callable[[], object] | None:
    """The index's write counter (cached for half a second), when the knowledge base has one."""
    index = getattr(knowledge_base, "index", None)
    if index is None or not hasattr(index, "generation"):
        return None
    return lambda: knowledge_base.index.generation(max_age_s=0.5)
