"""The widget's endpoints for identity, waiting, files, what was seen, and email links (beside `bot.web.api`).

Same rules as the rest of the customer API: the conversation's token on every call (a wrong one
gets the same 404 as an unknown id); files are always downloads, never rendered by the browser.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from flask import Blueprint, Response, jsonify, request, send_file

from bot.attachments.scrub import UnreadableFile
from bot.attachments.service import AttachmentService, FilesNeedAPerson, FileTooLarge, UnsupportedFile
from bot.conversations.records import Conversation
from bot.customers.identity import InvalidIdentity
from bot.customers.service import CustomerService
from bot.errors import ConversationNotFound
from bot.web.api import ApiError, _json_body, _token, conversation_to_dict
from bot.web.bodies import Identify, Resume, Seen
from bot.web.edge import limits_in_view
from bot.web.serialization import message_to_dict

if TYPE_CHECKING:
    from bot.service import BotService
    from bot.web.conversation_limits import ConversationLimits

# NOTE: even if a browser were tricked into rendering a file, it gets no script, no plugin, no origin.
_FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"
_FILE_ERRORS: dict[type[Exception], tuple[int, str]] = {
    FileTooLarge: (413, "file_too_large"), UnsupportedFile: (415, "unsupported_file"),
    UnreadableFile: (422, "unreadable_file"), FilesNeedAPerson: (409, "files_need_person"),
}


def make_customer_blueprint(
    bot: BotService, customers: CustomerService, attachments: AttachmentService, *,
    limits: ConversationLimits | None = None,
) -> Blueprint:
    """`/api/conversations/...` identity, status, avatar, files, seen, resume."""
    bp = Blueprint("customer_extras", __name__, url_prefix="/api")
    if limits is not None:
        bp.after_request(limits.add_headers)

    def conversation(conversation_id: str) -> Conversation:
        found = bot.authenticate(conversation_id, _token(allow_query=False))
        if found is None:
            raise ConversationNotFound(conversation_id)
        return found

    @bp.post("/conversations/<conversation_id>/identity")
    def identify(conversation_id: str) -> Response:
        conversation(conversation_id)
        body = _json_body(Identify)
        try:
            profile = customers.identify(conversation_id, identity=body.identity, name=body.name, email=body.email)
        except InvalidIdentity as exc:
            raise ApiError(400, "invalid_identity", str(exc)) from None
        return jsonify({"verified": profile.user_id is not None})

    @bp.get("/conversations/<conversation_id>/status")
    def status(conversation_id: str) -> Response:
        return jsonify(customers.waiting(conversation(conversation_id)).as_dict())

    @bp.get("/conversations/<conversation_id>/agent/avatar")
    def avatar(conversation_id: str) -> Response:
        picture = customers.agent_avatar(conversation(conversation_id))
        if picture is None:
            raise ApiError(404, "not_found", "No picture.")
        response = Response(picture.data, mimetype=picture.content_type)
        response.headers["Content-Security-Policy"] = _FILE_CSP
        return response

    @bp.post("/conversations/<conversation_id>/seen")
    def seen(conversation_id: str) -> tuple[str, int]:
        conversation(conversation_id)
        customers.mark_seen(conversation_id, _json_body(Seen).through)
        return "", 204

    @bp.post("/conversations/resume")
    def resume() -> Response:
        found, token = customers.resume(_json_body(Resume).link)
        return jsonify(conversation_to_dict(found) | {"token": token})

    @bp.post("/conversations/<conversation_id>/files")
    @limits_in_view
    def upload(conversation_id: str) -> tuple[Response, int]:
        found = conversation(conversation_id)
        if limits is not None:
            limits.spend(conversation_id)  # NOTE: after the token: a stranger spends no customer's budget
        request.max_content_length = attachments.max_bytes + 64 * 1024  # NOTE: the app's limit is for JSON
        upload = request.files.get("file")
        if upload is None:
            raise ApiError(400, "invalid_body", "Send the file as multipart/form-data in a field named 'file'.")
        data = upload.stream.read(attachments.max_bytes + 1)
        try:
            message = attachments.from_customer(found, upload.filename, data)
        except tuple(_FILE_ERRORS) as exc:
            status_code, code = next(v for k, v in _FILE_ERRORS.items() if isinstance(exc, k))
            raise ApiError(status_code, code, str(exc)) from None
        return jsonify(message_to_dict(message)), 201

    @bp.get("/conversations/<conversation_id>/files/<file_id>")
    def download(conversation_id: str, file_id: str) -> Response:
        conversation(conversation_id)
        stored = attachments.get(conversation_id, file_id)
        response = send_file(io.BytesIO(attachments.read(stored)), mimetype=stored.content_type, as_attachment=True,
                             download_name=stored.filename, max_age=0, etag=False, conditional=False)
        response.headers["Content-Security-Policy"] = _FILE_CSP
        response.headers["Cache-Control"] = "private, no-store"
        return response

    return bp
