"""The console API as OpenAPI 3.1, built from the pydantic models the views validate with."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from bot.admin import schemas

_DAYS = {"name": "days", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 365, "default": 30},
         "description": "Whole UTC days, today included."}
_ID = {"name": "conversation_id", "in": "path", "required": True, "schema": {"type": "string"}}
# (method, path, summary, request body model, response model, status, extra parameters)
_ROUTES: list[tuple[str, str, str, type[BaseModel] | None, type[BaseModel] | None, str, list[dict[str, Any]]]] = [
    ("post", "/admin/api/login", "Log in with the admin token: sets the session cookie, returns the CSRF token.",
     schemas.Login, schemas.SessionInfo, "200", []),
    ("post", "/admin/api/logout", "End the session (clears the cookie).", None, None, "200", []),
    ("get", "/admin/api/session", "The session's CSRF token and what the console can do here.",
     None, schemas.SessionInfo, "200", []),
    ("get", "/admin/api/stats", "Overview figures for conversations started in the last `days` days (README).",
     None, schemas.Stats, "200", [_DAYS]),
    ("get", "/admin/api/conversations", "Search and filter conversations, newest activity first.",
     None, schemas.ConversationPage, "200", [
         {"name": "state", "in": "query", "schema": {"enum": ["bot", "pending", "agent", "resolved"]}},
         {"name": "reason", "in": "query", "schema": {"type": "string"}, "description": "Handoff reason."},
         {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200},
          "description": "Id, customer name or email, or words said in the conversation."},
         {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
         {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}]),
    ("get", "/admin/api/conversations/{conversation_id}", "A transcript with cited sources and state changes.",
     None, schemas.ConversationDetail, "200", [_ID]),
    ("post", "/admin/api/conversations/{conversation_id}/messages",
     "Reply as an agent (without Slack); a waiting conversation is claimed first.",
     schemas.OperatorReply, schemas.TranscriptMessage, "201", [_ID]),
    ("post", "/admin/api/conversations/{conversation_id}/resolve", "Resolve a conversation with a person.",
     schemas.OperatorAction, None, "200", [_ID]),
    ("post", "/admin/api/conversations/{conversation_id}/return", "Give a conversation back to the bot.",
     schemas.OperatorAction, None, "200", [_ID]),
    ("get", "/admin/api/gaps", "Questions the knowledge base could not answer, grouped by meaning, biggest first.",
     None, schemas.Gaps, "200", [_DAYS]),
    ("post", "/admin/api/gaps/resolve", "Mark a group's questions as dealt with.",
     schemas.ResolveGap, schemas.Resolved, "200", []),
    ("get", "/admin/api/documents", "Documents with version, chunks, update time and last sync failure.",
     None, schemas.Documents, "200", []),
    ("post", "/admin/api/documents", "Upload or replace a document (multipart: `file`, optional `path` = id).",
     None, schemas.Change, "201", []),
    ("delete", "/admin/api/documents/{document_id}", "Remove a document (and its file in the documents folder).",
     None, None, "204", [{"name": "document_id", "in": "path", "required": True, "schema": {"type": "string"}}]),
    ("post", "/admin/api/sync", "Start a sync of the documents folder; poll `GET /admin/api/sync`.",
     None, schemas.Run, "202", []),
    ("get", "/admin/api/sync", "The latest sync with its progress or report.", None, schemas.Run, "200", []),
    ("get", "/admin/api/suggestions", "Article drafts from answers agents gave, grouped.",
     None, schemas.Drafts, "200", [_DAYS]),
    ("post", "/admin/api/eval", "Run the golden questions against the current knowledge base.",
     None, schemas.Run, "202", []),
    ("get", "/admin/api/eval", "Golden-check runs, newest first, each with its knowledge-base version.",
     None, schemas.Runs, "200", []),
    ("post", "/admin/api/privacy/export", "Everything held about a customer (by email or conversation id), "
     "as JSON; audited.", schemas.PrivacySubject, schemas.PrivacyExport, "200", []),
    ("post", "/admin/api/privacy/erase", "Erase a customer everywhere (rows, unsent Slack writes; Slack posts "
     "become 'erased'); needs `confirm: true`; audited.", schemas.PrivacyErase, schemas.PrivacyErased, "200", []),
    ("get", "/admin/api/audit", "The newest privacy exports and erasures made through the console.",
     None, schemas.AuditTrail, "200", []),
]
_ERRORS = {"400": "Invalid parameter or body (see `details`).", "401": "No valid token or session.",
           "403": "Session write without the right `X-CSRF-Token`.", "404": "Unknown conversation or document.",
           "409": "Not possible now (not waiting, Slack is the desk, a run is in progress).",
           "429": "Too many failed logins from this address; see `Retry-After`."}


def openapi_document(*, server_url: str) -> dict[str, Any]:
    models = sorted({m for route in _ROUTES for m in (route[3], route[4]) if m is not None} | {schemas.Error},
                    key=lambda m: m.__name__)
    _, top = models_json_schema([(m, "serialization") for m in models], ref_template="#/components/schemas/{model}")
    paths: dict[str, dict[str, Any]] = {}
    for method, path, summary, body, answer, status, params in _ROUTES:
        ok: dict[str, Any] = {"description": "OK"}
        if answer is not None:
            ok["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{answer.__name__}"}}}
        responses = {status: ok, **{code: {"description": text, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}} for code, text in _ERRORS.items()}}
        op: dict[str, Any] = {"summary": summary, "responses": responses}
        if params:
            op["parameters"] = params
        if body is not None:
            op["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{body.__name__}"}}}}
        if path.endswith("/login"):
            op["security"] = []
        paths.setdefault(path, {})[method] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": "supportbot console API", "version": "1",
                 "description": "The support team's console. Bearer admin token, or the session cookie from "
                                "login plus `X-CSRF-Token` on writes. 404 everywhere when no admin token is set."},
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": top.get("$defs", {}), "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "session": {"type": "apiKey", "in": "cookie", "name": "supportbot_admin"}}},
        "security": [{"bearer": []}, {"session": []}],
    }
