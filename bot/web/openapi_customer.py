"""OpenAPI for `bot.web.customer_api`: identity, status, the agent's picture, files, seen, resume.

Its JSON request bodies (`Identify`, `Seen`, `Resume`) are models in `bot.web.bodies`, documented with the others.
"""
from __future__ import annotations

from typing import Any

CUSTOMER_ERROR_CODES = [
    "invalid_identity",
    "file_too_large",
    "unsupported_file",
    "unreadable_file",
    "files_need_person",
]
_CONV = [{"name": "conversation_id", "in": "path", "required": True, "schema": {"type": "string"}}]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _err(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: dict[str, Any], description: str, media: str = "application/json") -> dict[str, Any]:
    return {"description": description, "content": {media: {"schema": schema}}}


def _body(schema: str, media: str = "application/json") -> dict[str, Any]:
    return {"required": True, "content": {media: {"schema": _ref(schema)}}}


_AUTH = {"401": _err("No token."), "404": _err("Unknown conversation, or the token does not open it.")}
_BAD = {"400": _err("Malformed JSON or an invalid field."), "415": _err("The body is not `application/json`.")}
_BINARY = {"type": "string", "format": "binary"}


def customer_schemas() -> dict[str, Any]:
    nullable_int = {"type": ["integer", "null"]}
    return {
        "Identified": {"type": "object", "required": ["verified"], "properties": {"verified": {"type": "boolean"}}},
        "Status": {
            "type": "object",
            "required": ["state", "reachable"],
            "properties": {
                "state": {"type": "string", "enum": ["bot", "pending", "agent", "resolved"]},
                "reachable": {"type": "boolean", "description": "A person can be reached now."},
                "position": nullable_int,
                "expected_wait_s": nullable_int,
                "agent_name": {"type": ["string", "null"]},
                "agent_avatar": {"type": "boolean"},
                "locale": {"type": ["string", "null"]},
            },
        },
        "Upload": {"type": "object", "required": ["file"], "properties": {"file": _BINARY}},
    }


def customer_paths() -> dict[str, Any]:
    return {
        "/api/conversations/{conversation_id}/identity": {"post": {
            "summary": "Who the customer is: a signed identity from the host site, and unverified claims.",
            "parameters": _CONV, "requestBody": _body("Identify"),
            "responses": {"200": _ok(_ref("Identified"), "Recorded."), **_BAD, **_AUTH}}},
        "/api/conversations/{conversation_id}/status": {"get": {
            "summary": "Place in line, expected wait, whether a person can be reached, who is answering.",
            "parameters": _CONV, "responses": {"200": _ok(_ref("Status"), "The status."), **_AUTH}}},
        "/api/conversations/{conversation_id}/agent/avatar": {"get": {
            "summary": "The picture of the agent answering (fetched by the server).",
            "parameters": _CONV, "responses": {"200": _ok(_BINARY, "An image.", "image/*"), **_AUTH}}},
        "/api/conversations/{conversation_id}/seen": {"post": {
            "summary": "The widget showed messages up to this id (replies seen are not emailed).",
            "parameters": _CONV, "requestBody": _body("Seen"),
            "responses": {"204": {"description": "Recorded."}, **_BAD, **_AUTH}}},
        "/api/conversations/resume": {"post": {
            "summary": "Open a conversation from an email link; the reply carries a token for this browser.",
            "security": [], "requestBody": _body("Resume"),
            "responses": {"200": _ok(_ref("NewConversation"), "The conversation and a token."), **_BAD,
                          "404": _err("The link is forged, malformed or expired.")}}},
        "/api/conversations/{conversation_id}/files": {"post": {
            "summary": "Send a photo (JPEG, PNG, GIF, WebP) or a PDF to the person handling the conversation.",
            "parameters": _CONV, "requestBody": _body("Upload", "multipart/form-data"),
            "responses": {"201": _ok(_ref("Message"), "The stored message (meta.attachment)."), **_AUTH,
                          "400": _err("No file field."), "409": _err("Files need a person: ask for one first."),
                          "413": _err("Larger than the limit."), "415": _err("Not an image or a PDF."),
                          "422": _err("The file does not decode as its type.")}}},
        "/api/conversations/{conversation_id}/files/{file_id}": {"get": {
            "summary": "Download a file of the conversation (always as an attachment).",
            "parameters": [*_CONV, {"name": "file_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _ok(_BINARY, "The file.", "application/octet-stream"), **_AUTH}}},
    }
