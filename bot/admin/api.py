"""The console's HTTP edge: `/admin` (the page) and `/admin/api/...` (JSON). Views check access,
validate with `schemas`, make one service call and serialize; the services know nothing of Flask.

Access: `Authorization: Bearer <admin token>`, or the session cookie set by `POST /admin/api/login`
(HttpOnly, SameSite=Strict) whose writes must also send `X-CSRF-Token`. Failed logins and wrong
bearer tokens count against a per-address limit.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any, TypeVar

from flask import Blueprint, Response, g, jsonify, request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import HTTPException

from bot.admin import schemas
from bot.admin.audit import AuditLog
from bot.admin.auth import COOKIE_NAME, AdminAuth, LoginThrottle, csrf_ok
from bot.admin.config import AdminSettings
from bot.admin.conversations import ConversationsService, DeskElsewhere, NotWaiting, TakenByAnother
from bot.admin.documents import DocumentsService, SyncUnavailable
from bot.admin.gaps import GapsService
from bot.admin.golden import GoldenChecks
from bot.admin.openapi import openapi_document
from bot.admin.stats import StatsService
from bot.admin.suggestions import SuggestionsService
from bot.errors import BotError, ConversationNotFound, InvalidInput
from bot.privacy.service import PrivacyService, Subject

log = logging.getLogger(__name__)
Body = TypeVar("Body", bound=BaseModel)
_PUBLIC = {"admin.page", "admin.asset", "admin.login", "admin.openapi"}
_ASSETS = {"console.css": "text/css", "console.js": "text/javascript", "charts.js": "text/javascript"}
_CONFLICTS = (NotWaiting, DeskElsewhere, SyncUnavailable, TakenByAnother)


class AdminApiError(HTTPException):
    """An HTTP error with a stable `error_code`, rendered as JSON by the app's error handler."""

    def __init__(self, status: int, error_code: str, message: str, *, details: list[Any] | None = None,
                 retry_after: int | None = None) -> None:
        super().__init__(description=message)
        self.code = status
        self.error_code = error_code
        self.details = details
        self.retry_after = retry_after



@dataclass(frozen=True)
class AdminServices:
    settings: AdminSettings
    auth: AdminAuth
    throttle: LoginThrottle
    stats: StatsService
    conversations: ConversationsService
    gaps: GapsService
    documents: DocumentsService
    suggestions: SuggestionsService
    golden: GoldenChecks
    privacy: PrivacyService
    audit: AuditLog
    count_login: Callable[[str], None] = lambda _outcome: None  # outcome: ok | failed | throttled


def _json(model: type[BaseModel], value: Any, status: int = 200) -> tuple[Response, int]:
    return jsonify(model.model_validate(value).model_dump(mode="json")), status


def _body(model: type[Body]) -> Body:
    payload = request.get_json(silent=True) if request.is_json else None
    if not isinstance(payload, dict):
        raise AdminApiError(400, "invalid_body", "Send a JSON object with 'Content-Type: application/json'.")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        details = [{"field": ".".join(map(str, e["loc"])), "problem": e["msg"]} for e in exc.errors()]
        raise AdminApiError(400, "invalid_body", "Some fields are missing or invalid.", details=details) from None


def _days() -> int:
    raw = request.args.get("days", "30")
    if not raw.isdigit() or not 1 <= int(raw) <= 365:
        raise AdminApiError(400, "invalid_parameter", "'days' must be a whole number from 1 to 365.")
    return int(raw)


def _guard(services: AdminServices) -> None:
    """Every API call but login: a valid bearer token, or a session (plus CSRF on writes)."""
    if request.endpoint in _PUBLIC:
        return
    client = request.remote_addr or "unknown"
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        wait = services.throttle.retry_after(client)
        if wait:
            services.count_login("throttled")
            raise AdminApiError(429, "rate_limited", "Too many failed attempts; try again later.", retry_after=wait)
        if not services.auth.token_ok(value.strip()):
            services.throttle.failed(client)
            services.count_login("failed")
            raise AdminApiError(401, "invalid_token", "The admin token is not valid.")
        return
    session = services.auth.session(request.cookies.get(COOKIE_NAME))
    if session is None:
        raise AdminApiError(401, "login_required", "Log in with the admin token.")
    if request.method not in ("GET", "HEAD", "OPTIONS") and not csrf_ok(session, request.headers.get("X-CSRF-Token")):
        raise AdminApiError(403, "csrf_failed", "Missing or wrong X-CSRF-Token header; reload the page.")
    g.admin_session = session


def _privacy_request(services: AdminServices, action: str, body: schemas.PrivacySubject,
                     act: Callable[[Subject], dict[str, Any]]) -> dict[str, Any]:
    """Run a privacy action with its audit row written first (whatever it then finds, even nothing):
    no row, no action; an action that fails leaves its row "failed" with the error's kind."""
    subject = Subject(email=body.email, conversation_id=body.conversation_id)
    kind, value = ("email", body.email) if body.email is not None else ("conversation", body.conversation_id or "")
    actor = f"{'session' if g.get('admin_session') else 'token'}: {' '.join(body.operator.split())}"
    client = request.remote_addr or "unknown"
    entry = services.audit.started(action=action, actor=actor, address=client, subject_kind=kind, subject=value)
    try:
        result = act(subject)
    except Exception as exc:
        log.warning("console %s by %s from %s (audit #%d) failed: %s", action, actor, client, entry.id,
                    type(exc).__name__)
        with contextlib.suppress(Exception):  # the row then says "started": still proof of the request
            services.audit.failed(entry.id, type(exc).__name__)
        raise
    outcome = {k: v for k, v in result.items() if isinstance(v, int | dict) and k != "subject"}
    if "conversations" in result and isinstance(result["conversations"], list):
        outcome = {"conversations": len(result["conversations"])}
    log.warning("console %s by %s from %s (audit #%d): %s", action, actor, client, entry.id, outcome)
    try:
        services.audit.finished(entry.id, outcome)
    except Exception:  # done, and already recorded as requested: answer with what was done, not a 500
        log.exception("console %s (audit #%d): its outcome could not be recorded", action, entry.id)
    return result


def make_admin_blueprint(services: AdminServices) -> Blueprint:
    """`/admin` and `/admin/api/...`; register it only when an admin token is configured."""
    bp = Blueprint("admin", __name__, url_prefix="/admin")
    static = resources.files("bot.admin") / "static"
    bp.before_request(lambda: _guard(services))

    @bp.after_request
    def no_store(response: Response) -> Response:
        if request.path.startswith("/admin/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @bp.errorhandler(AdminApiError)
    def api_error(exc: AdminApiError) -> tuple[Response, int]:
        body: dict[str, Any] = {"error": exc.error_code, "message": exc.description}
        if exc.details:
            body["details"] = exc.details
        response = jsonify(body)
        if exc.retry_after:
            response.headers["Retry-After"] = str(exc.retry_after)
        if exc.code == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response, exc.code or 500

    @bp.errorhandler(BotError)
    def bot_error(exc: BotError) -> tuple[Response, int]:
        if isinstance(exc, ConversationNotFound):
            return jsonify({"error": "not_found", "message": "No such conversation."}), 404
        status, code = (409, "conflict") if isinstance(exc, _CONFLICTS) else (400, "invalid_input")
        if not isinstance(exc, InvalidInput):
            raise exc  # the app's handler: 5xx without internals
        return jsonify({"error": code, "message": str(exc)}), status

    @bp.get("/")
    def page() -> Response:
        response = Response(static.joinpath("index.html").read_bytes(), mimetype="text/html")
        response.headers["Cache-Control"] = "no-cache"
        return response

    @bp.get("/static/<name>")
    def asset(name: str) -> Response:
        if name not in _ASSETS:
            raise AdminApiError(404, "not_found", "Not found.")
        response = Response(static.joinpath(name).read_bytes(), mimetype=_ASSETS[name])
        response.headers["Cache-Control"] = "no-cache"
        return response

    @bp.get("/api/openapi.json")
    def openapi() -> Response:
        return jsonify(openapi_document(server_url=request.host_url.rstrip("/")))

    @bp.post("/api/login")
    def login() -> Response:
        client = request.remote_addr or "unknown"
        wait = services.throttle.retry_after(client)
        if wait:
            services.count_login("throttled")
            raise AdminApiError(429, "rate_limited", "Too many failed logins; try again later.", retry_after=wait)
        if not services.auth.token_ok(_body(schemas.Login).token):
            services.throttle.failed(client)
            services.count_login("failed")
            log.warning("failed console login from %s", client)
            raise AdminApiError(401, "invalid_token", "That is not the admin token.")
        services.count_login("ok")
        session = services.auth.new_session()
        response = jsonify(_session_info(services, session.csrf))
        response.set_cookie(COOKIE_NAME, session.cookie, max_age=int(services.auth.session_seconds), path="/admin",
                            httponly=True, samesite="Strict", secure=request.is_secure)
        return response

    @bp.post("/api/logout")
    def logout() -> Response:
        response = jsonify({"ok": True})
        response.delete_cookie(COOKIE_NAME, path="/admin", httponly=True, samesite="Strict", secure=request.is_secure)
        return response

    @bp.get("/api/session")
    def session() -> Response:
        current = g.get("admin_session")
        return jsonify(_session_info(services, current.csrf if current else ""))

    @bp.get("/api/stats")
    def stats() -> tuple[Response, int]:
        return _json(schemas.Stats, services.stats.overview(_days()))

    @bp.get("/api/conversations")
    def conversations() -> tuple[Response, int]:
        limit, offset = request.args.get("limit", "50"), request.args.get("offset", "0")
        if not (limit.isdigit() and offset.isdigit() and 1 <= int(limit) <= 200):
            raise AdminApiError(400, "invalid_parameter", "'limit' is 1 to 200 and 'offset' a whole number.")
        q = (request.args.get("q") or "").strip()[:200] or None
        page, more = services.conversations.search(state=request.args.get("state") or None,
                                                   reason=request.args.get("reason") or None, q=q,
                                                   limit=int(limit), offset=int(offset))
        return _json(schemas.ConversationPage, {"conversations": page, "more": more,
                                                "reasons": services.conversations.reasons()})

    @bp.get("/api/conversations/<conversation_id>")
    def conversation(conversation_id: str) -> tuple[Response, int]:
        before = request.args.get("before")
        if before is not None and not before.isdigit():
            raise InvalidInput("before must be a message id")
        t = services.conversations.transcript(conversation_id, before=int(before) if before else None)
        return _json(schemas.ConversationDetail, {**_fields(t.conversation), "messages": t.messages,
                                                  "earlier": t.earlier,
                                                  "state_changes": t.state_changes,
                                                  "can_reply": services.conversations.can_reply})

    @bp.post("/api/conversations/<conversation_id>/messages")
    def reply(conversation_id: str) -> tuple[Response, int]:
        body = _body(schemas.OperatorReply)
        message = services.conversations.reply(conversation_id, body.text, operator=body.operator)
        return _json(schemas.TranscriptMessage, message, 201)

    @bp.post("/api/conversations/<conversation_id>/resolve")
    def resolve(conversation_id: str) -> tuple[Response, int]:
        done = services.conversations.resolve(conversation_id, operator=_body(schemas.OperatorAction).operator)
        return jsonify({"id": done.id, "state": done.state.value}), 200

    @bp.post("/api/conversations/<conversation_id>/return")
    def give_back(conversation_id: str) -> tuple[Response, int]:
        done = services.conversations.return_to_bot(conversation_id, operator=_body(schemas.OperatorAction).operator)
        return jsonify({"id": done.id, "state": done.state.value}), 200

    @bp.get("/api/gaps")
    def gaps() -> tuple[Response, int]:
        return _json(schemas.Gaps, services.gaps.gaps(_days()))

    @bp.post("/api/gaps/resolve")
    def resolve_gap() -> tuple[Response, int]:
        body = _body(schemas.ResolveGap)
        return _json(schemas.Resolved, {"resolved": services.gaps.resolve(body.question_ids, note=body.note)})

    @bp.get("/api/documents")
    def documents() -> tuple[Response, int]:
        docs, last = services.documents.list()
        folder = services.documents.documents_dir
        return _json(schemas.Documents, {"documents": docs, "kb_version": services.documents.version(),
                                         "last_sync": last, "documents_dir": str(folder) if folder else None})

    @bp.post("/api/documents")
    def upload() -> tuple[Response, int]:
        request.max_content_length = services.settings.max_upload_bytes + 64 * 1024
        file = request.files.get("file")
        if file is None or not file.filename:
            raise AdminApiError(400, "invalid_body", "Send the document as multipart form field 'file'.")
        change = services.documents.upload(file.filename, file.read(), path=request.form.get("path") or None)
        return _json(schemas.Change, change, 201)

    @bp.delete("/api/documents/<path:document_id>")
    def remove(document_id: str) -> tuple[str, int]:
        services.documents.remove(document_id)
        return "", 204

    @bp.post("/api/sync")
    def sync() -> tuple[Response, int]:
        return _json(schemas.Run, services.documents.start_sync(), 202)

    @bp.get("/api/sync")
    def sync_status() -> Response:
        last = services.documents.list()[1]
        return jsonify(schemas.Run.model_validate(last).model_dump(mode="json") if last else None)

    @bp.get("/api/suggestions")
    def suggestions() -> tuple[Response, int]:
        return _json(schemas.Drafts, {"drafts": services.suggestions.drafts(_days())})

    @bp.post("/api/eval")
    def run_eval() -> tuple[Response, int]:
        return _json(schemas.Run, services.golden.start(), 202)

    @bp.get("/api/eval")
    def eval_history() -> tuple[Response, int]:
        golden = services.golden.golden_file
        return _json(schemas.Runs, {"runs": services.golden.history(), "golden_file": str(golden) if golden else None})

    @bp.post("/api/privacy/export")
    def privacy_export() -> tuple[Response, int]:
        body = _body(schemas.PrivacySubject)
        data = _privacy_request(services, "privacy_export", body, services.privacy.export)
        return _json(schemas.PrivacyExport, data)

    @bp.post("/api/privacy/erase")
    def privacy_erase() -> tuple[Response, int]:
        body = _body(schemas.PrivacyErase)
        if not body.confirm:
            raise AdminApiError(400, "confirm_required", "Erasure cannot be undone: send \"confirm\": true.")
        done = _privacy_request(services, "privacy_erase", body,
                                lambda subject: asdict(services.privacy.erase(subject)))
        return _json(schemas.PrivacyErased, done)

    @bp.get("/api/audit")
    def audit() -> tuple[Response, int]:
        return _json(schemas.AuditTrail, {"entries": services.audit.recent()})

    return bp


def _session_info(services: AdminServices, csrf: str) -> dict[str, Any]:
    folder, golden = services.documents.documents_dir, services.golden.golden_file
    return schemas.SessionInfo(csrf=csrf, operator_desk=services.conversations.can_reply,
                               documents_dir=str(folder) if folder else None,
                               golden_file=str(golden) if golden else None).model_dump(mode="json")


def _fields(conversation: Any) -> dict[str, Any]:
    return {"id": conversation.id, "state": conversation.state.value, "handoff_reason": conversation.handoff_reason,
            "customer_name": conversation.customer_name, "customer_email": conversation.customer_email,
            "page_url": conversation.page_url, "locale": conversation.locale, "agent_name": conversation.agent_name,
            "rating": conversation.rating, "rating_comment": conversation.rating_comment,
            "created_at": conversation.created_at, "updated_at": conversation.updated_at}
