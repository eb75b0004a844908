"""The customer API described as OpenAPI 3.1.

Paths and response shapes are written here, where they say what the API promises; request bodies are
generated from the pydantic models that validate them (`bot.web.bodies`), so the two cannot drift.
"""
from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from bot.web.bodies import REQUEST_BODIES
from bot.web.openapi_customer import CUSTOMER_ERROR_CODES, customer_paths, customer_schemas

SCHEMA_REF = "#/components/schemas/{model}"

_ERROR_CODES = [
    "malformed_json", "invalid_body", "invalid_input", "invalid_parameter", "empty_message", "message_too_long",
    "unsupported_media_type", "missing_token", "not_found", "origin_not_allowed", "rate_limited",
    "method_not_allowed", "request_entity_too_large", "internal_error", "unavailable", "too_many_streams",
    "invalid_request", *CUSTOMER_ERROR_CODES,
]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": SCHEMA_REF.format(model=name)}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _err(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


_AUTH_ERRORS = {
    "401": _err("No token: send `Authorization: Bearer <token>`."),
    "404": _err("Unknown conversation, or the token does not open it."),
    "429": _err("Rate limit reached (per IP or per conversation); see `Retry-After`."),
}
_BODY_ERRORS = {
    "400": _err("Malformed JSON, or a missing or invalid field (see `details`)."),
    "415": _err("The body is not `application/json`."),
}
_CONVERSATION_ID = {"name": "conversation_id", "in": "path", "required": True, "schema": {"type": "string"}}


def _body(schema: str, *, required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": _ref(schema)}}}


def _op(summary: str, responses: dict[str, Any], *, body: dict[str, Any] | None = None,
        secured: bool = True, params: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": responses}
    if body is not None:
        op["requestBody"] = body
    if params:
        op["parameters"] = params
    if not secured:
        op["security"] = []
    return op


def request_schemas() -> dict[str, Any]:
    """JSON Schemas of the request bodies, by model name, exactly as pydantic validates them."""
    _, top = models_json_schema([(model, "validation") for model in REQUEST_BODIES], ref_template=SCHEMA_REF)
    return dict(top.get("$defs", {}))


def _response_schemas() -> dict[str, Any]:
    nullable_str = {"type": ["string", "null"]}
    date_time = {"type": "string", "format": "date-time"}
    return {
        "Error": {
            "type": "object", "required": ["error", "message"],
            "properties": {
                "error": {"type": "string", "enum": _ERROR_CODES}, "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        },
        "Conversation": {
            "type": "object", "required": ["id", "state", "created_at", "updated_at"],
            "properties": {
                "id": {"type": "string"},
                "state": {"type": "string", "enum": ["bot", "pending", "agent", "resolved"]},
                "agent_name": nullable_str, "rating": {"type": ["integer", "null"]},
                "created_at": date_time, "updated_at": date_time,
            },
        },
        "NewConversation": {
            "allOf": [_ref("Conversation"), {"type": "object", "required": ["token"], "properties": {
                "token": {"type": "string", "description": "Shown once; send it as a Bearer token on every call."}}}],
        },
        "Citation": {
            "type": "object", "required": ["number", "document_id", "title"],
            "properties": {"number": {"type": "integer"}, "document_id": {"type": "string"},
                           "title": {"type": "string"}, "url": nullable_str, "source": {"type": "string"}},
        },
        "Message": {
            "type": "object", "required": ["id", "conversation_id", "role", "kind", "text", "citations", "created_at"],
            "properties": {
                "id": {"type": "integer", "description": "Monotonic; also the SSE event id."},
                "conversation_id": {"type": "string"},
                "role": {"type": "string", "enum": ["customer", "bot", "agent", "system"]},
                "kind": {"type": "string", "enum": ["text", "state", "notice", "edit", "delete"]},
                "text": {"type": "string"}, "citations": {"type": "array", "items": _ref("Citation")},
                "author": nullable_str,
                "meta": {"type": "object", "description":
                         "e.g. stream_id (bot answers), lang and labels (texts for the widget in the "
                         "customer's language), offer_handoff, ask_email (notices), message_id (edit/delete)."},
                "created_at": date_time,
            },
        },
        "MessageList": {"type": "object", "required": ["messages"],
                        "properties": {"messages": {"type": "array", "items": _ref("Message")},
                                       "more": {"type": "boolean", "description":
                                                "With `after`: newer messages than this page exist."},
                                       "earlier": {"type": "boolean", "description":
                                                   "With `last` or `before`: older messages than this page exist."}}},
    }


def _paths() -> dict[str, Any]:
    conv = [_CONVERSATION_ID]
    return {
        "/api/conversations": {"post": _op(
            "Start a conversation; the token in the reply opens it from then on.",
            {"201": _json(_ref("NewConversation"), "Created."), **_BODY_ERRORS, "429": _AUTH_ERRORS["429"]},
            body=_body("StartConversation", required=False), secured=False)},
        "/api/conversations/{conversation_id}": {"get": _op(
            "The conversation's state (who is answering, rating).",
            {"200": _json(_ref("Conversation"), "The conversation."), **_AUTH_ERRORS}, params=conv)},
        "/api/conversations/{conversation_id}/messages": {
            "post": _op(
                "Send a customer message. The reply streams on the events stream and is stored when complete.",
                {"201": _json(_ref("Message"), "The stored customer message."), **_BODY_ERRORS, **_AUTH_ERRORS,
                 "413": _err("Longer than the configured maximum; nothing stored.")},
                body=_body("PostMessage"), params=conv),
            "get": _op(
                "Messages in id order. Forward: those after `after` (default 0), `limit` at a time, `more` "
                "says whether newer ones exist. Backward, to open a long conversation at its end: the newest "
                "`last`, or the newest `limit` (default 100) older than `before`; `earlier` says whether "
                "older ones exist.",
                {"200": _json(_ref("MessageList"), "The messages."), **_AUTH_ERRORS,
                 "400": _err("A parameter is not a non-negative integer, `limit`/`last` is outside 1-500, "
                             "or `after` is combined with `before`/`last`.")},
                params=conv + [{"name": n, "in": "query", "schema": {"type": "integer", "minimum": 0}}
                               for n in ("after", "before", "last", "limit")]),
        },
        "/api/conversations/{conversation_id}/events": {"get": _op(
            "Server-Sent Events: `message` (SSE id = message id; every stored row incl. state changes), "
            "`token` ({stream_id, text}), `discard` ({stream_id}: drop that draft), `typing` ({who}). "
            "`retry:` first, `: heartbeat` comments every 15 s. "
            "`Last-Event-ID` (or `?last_event_id=`) replays stored messages after that id.",
            {"200": {"description": "An event stream.",
                     "content": {"text/event-stream": {"schema": {"type": "string"}}}},
             **_AUTH_ERRORS, "400": _err("`last_event_id` is not a non-negative integer.")},
            params=conv + [
                {"name": "token", "in": "query", "schema": {"type": "string"},
                 "description": "The token, for EventSource (which cannot set headers)."},
                {"name": "last_event_id", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                {"name": "Last-Event-ID", "in": "header", "schema": {"type": "integer", "minimum": 0}},
            ])},
        "/api/conversations/{conversation_id}/handoff": {"post": _op(
            "Ask for a person.",
            {"200": _json(_ref("Conversation"), "The conversation (now pending)."), **_AUTH_ERRORS}, params=conv)},
        "/api/conversations/{conversation_id}/close": {"post": _op(
            "End the conversation.",
            {"200": _json(_ref("Conversation"), "The conversation (resolved)."), **_AUTH_ERRORS}, params=conv)},
        "/api/conversations/{conversation_id}/rating": {"post": _op(
            "Rate the conversation (CSAT 1-5) with an optional comment.",
            {"200": _json(_ref("Conversation"), "The conversation."), **_BODY_ERRORS, **_AUTH_ERRORS},
            body=_body("Rating"), params=conv)},
        "/api/conversations/{conversation_id}/email": {"post": _op(
            "Leave an email address so a person can follow up.",
            {"200": _json(_ref("Conversation"), "The conversation."), **_BODY_ERRORS, **_AUTH_ERRORS},
            body=_body("ProvideEmail"), params=conv)},
        "/api/conversations/{conversation_id}/typing": {"post": _op(
            "The customer is typing (shown to the agent).",
            {"204": {"description": "Sent."}, **_AUTH_ERRORS}, params=conv)},
        "/api/messages/{message_id}/feedback": {"post": _op(
            "Was this bot answer helpful? Needs the token of the message's conversation.",
            {"204": {"description": "Recorded."}, **_BODY_ERRORS, **_AUTH_ERRORS},
            body=_body("Feedback"),
            params=[{"name": "message_id", "in": "path", "required": True, "schema": {"type": "integer"}}])},
        "/api/openapi.json": {"get": _op(
            "This document.",
            {"200": _json({"type": "object"}, "OpenAPI 3.1.")}, secured=False)},
    }


def openapi_document(*, server_url: str = "/") -> dict[str, Any]:
    """The whole document; `server_url` is the base the caller reached us on."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "supportbot customer API", "version": "1",
            "description": "What the chat widget uses. "
                           "Errors are JSON `{error, message, details?}` with a stable `error` code.",
        },
        "servers": [{"url": server_url}],
        "paths": _paths() | customer_paths(),
        "components": {
            "schemas": {**_response_schemas(), **request_schemas(), **customer_schemas()},
            "securitySchemes": {"conversationToken": {
                "type": "http", "scheme": "bearer",
                "description": "The token returned when the conversation was created."}},
        },
        "security": [{"conversationToken": []}],
    }
