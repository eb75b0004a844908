"""The customer API: a blueprint factory closing over `BotService`; views validate, call, serialize.

Every conversation call carries the conversation's token (`Authorization: Bearer ...`; the events
stream also takes `?token=` because EventSource cannot set headers). A token that does not open
the conversation gets the same 404 as an unknown id, so ids cannot be probed.
"""
from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from flask import Blueprint, Response, g, jsonify, request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import HTTPException

from bot.conversations.records import Conversation
from bot.errors import ConversationNotFound
from bot.web.bodies import MAX_ID, Feedback, PostMessage, ProvideEmail, Rating, StartConversation
from bot.web.edge import limits_in_view
from bot.web.serialization import message_to_dict
from bot.web.sse import STREAM_HANDOFF_KEY, EventStream
from bot.web.stream_caps import StreamCaps, StreamRefused

if TYPE_CHECKING:
    from bot.service import BotService
    from bot.web.conversation_limits import ConversationLimits
    from bot.web.metrics import Metrics

log = logging.getLogger(__name__)
Body = TypeVar("Body", bound=BaseModel)
_PAGE = 500  # most messages one GET returns
_EARLIER_PAGE = 100  # a `before` page without `limit`: what the widget loads per "show earlier messages"
_STREAM_REFUSED = {
    "total": "The chat is very busy right now; please try again in a minute.",
    "address": "Too many chats are open from your network; close some and try again.",
    "conversation": "This chat is open in too many windows; close one and try again.",
}


class ApiError(HTTPException):
    """An HTTP error with a stable machine-readable `error_code`; rendered as JSON by `bot.web.edge`."""

    def __init__(self, status: int, error_code: str, message: str, *, details: list[Any] | None = None) -> None:
        super().__init__(description=message)
        self.code = status
        self.error_code = error_code
        self.details = details


def conversation_to_dict(conversation: Conversation) -> dict[str, Any]:
    """What a customer may see of their conversation (no internal reasons or counters)."""
    return {
        "id": conversation.id,
        "state": conversation.state.value,
        "agent_name": conversation.agent_name,
        "rating": conversation.rating,
        "created_at": conversation.created_at.isoformat(),
        "updated_at": conversation.updated_at.isoformat(),
    }


# -- helpers used by the views ---------------------------------------------------------------
def _json_body(model: type[Body], *, optional: bool = False) -> Body:
    """Parse and validate the JSON body; a missing body is `{}` when `optional`."""
    if not request.get_data(cache=True) and optional:
        return model()
    if b"\\u0000" in request.get_data(cache=True):  # NOTE: Postgres text cannot hold NUL; say so, not 500
        raise ApiError(400, "invalid_body", "Text may not contain NUL characters.")
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "Send a JSON body with 'Content-Type: application/json'.")
    try:
        payload = request.get_json(silent=True)
    except RecursionError:  # NOTE: thousands of nested brackets: valid JSON, but not ours
        payload = None
    if payload is None:
        raise ApiError(400, "malformed_json", "The request body is not valid JSON.")
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_body", "The JSON body must be an object.")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        details = [{"field": ".".join(map(str, e["loc"])), "problem": e["msg"]} for e in exc.errors()]
        raise ApiError(400, "invalid_body", "Some fields are missing or invalid.", details=details) from None



def _token(*, allow_query: bool) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if allow_query and request.args.get("token"):
        return request.args["token"]
    raise ApiError(401, "missing_token", "Send the conversation token as 'Authorization: Bearer <token>'.")


def _int_arg(name: str) -> int | None:
    raw = request.args.get(name)
    if name == "last_event_id":  # NOTE: on reconnect EventSource sends the newer id as a header
        raw = request.headers.get("Last-Event-ID") or raw
    if raw is None or raw == "":
        return None
    # NOTE: "²".isdigit() is true but int() refuses it; ids are 64-bit signed in the database
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_ID:
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a non-negative integer.")
    return int(raw)


def make_blueprint(
    bot: BotService,
    *,
    max_message_chars: int,
    limits: ConversationLimits | None,
    metrics: Metrics | None = None,
    heartbeat_s: float = 15.0,
    max_stream_s: float | None = 600.0,
    stop_streams: threading.Event | None = None,
    note_source: Callable[[str, str | None], None] | None = None,
    stream_caps: StreamCaps | None = None,
) -> Blueprint:
    """The `/api` customer endpoints.

    Args:
        limits: spent by every POST that changes a conversation (its per-IP and per-conversation
            budgets), once its token is checked. `None`: no rate limits (tests).
        heartbeat_s: seconds between `: heartbeat` comments on an idle events stream.
        max_stream_s: end a stream after this long (the client reconnects with Last-Event-ID).
        stop_streams: set it to end every open stream at once (graceful shutdown).
        note_source: told the client address behind each authenticated conversation request (the
            desk's per-address handoff cap).
        stream_caps: open streams allowed in all, per client address and per conversation.
    """
    caps = stream_caps or StreamCaps()
    bp = Blueprint("customer_api", __name__, url_prefix="/api")
    if limits is not None:
        bp.after_request(limits.add_headers)

    def conversation(conversation_id: str, *, allow_query_token: bool = False) -> Conversation:
        checked = g.get("supportbot_conversation")
        if isinstance(checked, Conversation) and checked.id == conversation_id:
            return checked  # NOTE: the per-conversation limit already checked the token in this request
        found = bot.authenticate(conversation_id, _token(allow_query=allow_query_token))
        if found is None:
            raise ConversationNotFound(conversation_id)
        g.supportbot_conversation = found
        return found

    def per_conversation(view: Any) -> Any:
        """The conversation's own budget, spent only by requests that carry its token (checked first),
        so a stranger who knows an id cannot use up a customer's messages."""
        if limits is None:
            return view

        @limits_in_view
        @functools.wraps(view)
        def authenticated_first(conversation_id: str) -> Any:
            conversation(conversation_id)
            if note_source is not None:
                note_source(conversation_id, request.remote_addr)
            limits.spend(conversation_id)
            return view(conversation_id=conversation_id)
        return authenticated_first

    @bp.post("/conversations")
    def start_conversation() -> tuple[Response, int]:
        body = _json_body(StartConversation, optional=True)
        created, token = bot.start_conversation(
            name=body.name, email=body.email, page_url=body.page_url, locale=body.locale)
        if note_source is not None:
            note_source(created.id, request.remote_addr)
        return jsonify(conversation_to_dict(created) | {"token": token}), 201

    @bp.get("/conversations/<conversation_id>")
    def get_conversation(conversation_id: str) -> Response:
        return jsonify(conversation_to_dict(conversation(conversation_id)))

    @bp.post("/conversations/<conversation_id>/messages")
    @per_conversation
    def post_message(conversation_id: str) -> tuple[Response, int]:
        found = conversation(conversation_id)
        text = _json_body(PostMessage).text
        if not text:
            raise ApiError(400, "empty_message", "The message text is empty.")
        if len(text) > max_message_chars:
            raise ApiError(413, "message_too_long", f"Messages are limited to {max_message_chars} characters.")
        posted = bot.post_customer_message(conversation_id, text, conversation=found)  # NOTE: no second read
        return jsonify(message_to_dict(posted)), 201

    @bp.get("/conversations/<conversation_id>/messages")
    def list_messages(conversation_id: str) -> Response:
        conversation(conversation_id)
        after, before, last, limit = (_int_arg(n) for n in ("after", "before", "last", "limit"))
        for name, value in (("limit", limit), ("last", last)):
            if value is not None and not 1 <= value <= _PAGE:
                raise ApiError(400, "invalid_parameter", f"'{name}' must be between 1 and {_PAGE}.")
        if before is None and last is None:
            size = limit or _PAGE
            page = bot.messages(conversation_id, after=after or 0, limit=size + 1)
            return jsonify({"messages": [message_to_dict(m) for m in page[:size]], "more": len(page) > size})
        if after is not None or (before is not None and last is not None):
            raise ApiError(400, "invalid_parameter", "Use one of 'after', 'before' or 'last'.")
        size = last if last is not None else limit or _EARLIER_PAGE
        page = bot.earlier_messages(conversation_id, before=before, limit=size + 1)
        return jsonify({"messages": [message_to_dict(m) for m in page[-size:]], "earlier": len(page) > size})

    @bp.get("/conversations/<conversation_id>/events")
    def events(conversation_id: str) -> Response:
        conversation(conversation_id, allow_query_token=True)
        replay_after = _int_arg("last_event_id")
        try:
            release = caps.acquire(request.remote_addr or "", conversation_id)
        except StreamRefused as exc:
            raise ApiError(429, "rate_limited", _STREAM_REFUSED[exc.scope]) from None
        subscription = bot.subscribe(conversation_id)  # NOTE: before any store read, so nothing is missed
        if metrics is not None:
            metrics.stream_opened()

        def on_close() -> None:
            release()
            if metrics is not None:
                metrics.stream_closed()

        stream = EventStream(
            subscription, lambda after: [message_to_dict(m) for m in bot.messages(conversation_id, after=after)],
            replay_after=replay_after, heartbeat_s=heartbeat_s, stop=stop_streams, max_duration_s=max_stream_s,
            on_close=on_close,
        )
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        handoff = request.environ.get(STREAM_HANDOFF_KEY)
        if handoff is not None:  # an event loop carries the stream (bot.web.loop_server): no thread held
            handoff(stream)
            return Response(iter(()), mimetype="text/event-stream", headers=headers)
        return Response(stream, mimetype="text/event-stream", headers=headers)

    @bp.post("/conversations/<conversation_id>/handoff")
    @per_conversation
    def handoff(conversation_id: str) -> Response:
        conversation(conversation_id)
        return jsonify(conversation_to_dict(bot.request_person(conversation_id)))

    @bp.post("/conversations/<conversation_id>/close")
    @per_conversation
    def close(conversation_id: str) -> Response:
        conversation(conversation_id)
        return jsonify(conversation_to_dict(bot.close(conversation_id)))

    @bp.post("/conversations/<conversation_id>/rating")
    @per_conversation
    def rating(conversation_id: str) -> Response:
        conversation(conversation_id)
        body = _json_body(Rating)
        return jsonify(conversation_to_dict(bot.rate(conversation_id, body.rating, body.comment)))

    @bp.post("/conversations/<conversation_id>/email")
    @per_conversation
    def email(conversation_id: str) -> Response:
        conversation(conversation_id)
        return jsonify(conversation_to_dict(bot.provide_email(conversation_id, _json_body(ProvideEmail).email)))

    @bp.post("/conversations/<conversation_id>/typing")
    def typing(conversation_id: str) -> tuple[str, int]:
        conversation(conversation_id)
        bot.typing(conversation_id, "customer")
        return "", 204

    @bp.post("/messages/<int:message_id>/feedback")
    def feedback(message_id: int) -> tuple[str, int]:
        token = _token(allow_query=False)
        message = bot.store.get_message(message_id) if message_id <= MAX_ID else None
        if message is None or bot.authenticate(message.conversation_id, token) is None:
            raise ApiError(404, "not_found", "No such message in your conversation.")
        body = _json_body(Feedback)
        bot.feedback(message.conversation_id, message_id, helpful=body.helpful, comment=body.comment)
        return "", 204

    return bp
