"""The Bolt app: verifies Slack's requests, acks at once, hands each payload to one service call."""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import Blueprint, request
from slack_bolt import App
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient

from handoff import inbound
from handoff import messages as texts
from handoff.cards import CLAIM, RELEASE, RESOLVE, RETURN, TAKE_OVER
from handoff.config import SlackSettings
from handoff.errors import SlackNotConfigured
from handoff.service import HandoffService

log = logging.getLogger(__name__)


class _Identity:
    """Our bot user id from `auth.test`, fetched on first need and kept; a Slack outage never blocks events."""

    def __init__(self, client: WebClient, bot_user_id: str | None) -> None:
        self._client = client
        self._lock = threading.Lock()
        self.user_id, self.bot_id, self.team_id = bot_user_id, None, None

    def function(self) -> Callable[..., AuthorizeResult]:
        """A plain function: Bolt passes arguments by the parameter names it finds."""

        def authorize(enterprise_id: str | None = None, team_id: str | None = None) -> AuthorizeResult:
            return self.authorize(enterprise_id, team_id)

        return authorize

    def authorize(self, enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        with self._lock:
            if self.user_id is None:
                try:
                    me = self._client.auth_test()
                    self.user_id, self.bot_id, self.team_id = me.get("user_id"), me.get("bot_id"), me.get("team_id")
                except Exception as exc:
                    log.warning("auth.test failed (%s); own messages are filtered by bot_id only", exc)
        return AuthorizeResult(
            enterprise_id=enterprise_id, team_id=team_id or self.team_id, bot_user_id=self.user_id,
            bot_id=self.bot_id, bot_token=self._client.token,
        )


class CommandGate:
    """Who may use `/support`: only in the support channel, only its members (or a user group's).

    Membership comes from Slack (`conversations.members` or `usergroups.users.list`) and is kept for
    `ttl_s`; when Slack cannot say, the last answer stands and, without one, the command is refused.
    """

    def __init__(self, client: WebClient, *, channel: str | None, usergroup: str | None = None,
                 ttl_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._channel = channel
        self._usergroup = usergroup
        self._ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._members: frozenset[str] | None = None
        self._fetched_at = float("-inf")

    def refusal(self, channel_id: str | None, user_id: str | None) -> str | None:
        """None when allowed, else the text the user sees."""
        if not self._channel or channel_id != self._channel:
            return texts.COMMAND_WRONG_CHANNEL.format(channel=self._channel or "the support channel")
        members = self._current_members()
        if members is None:
            return texts.COMMAND_TRY_LATER
        if user_id not in members:
            return texts.COMMAND_NOT_A_MEMBER
        return None

    def _current_members(self) -> frozenset[str] | None:
        with self._lock:
            if self._members is None or self._clock() - self._fetched_at > self._ttl_s:
                try:
                    self._members = frozenset(self._fetch())
                    self._fetched_at = self._clock()
                except Exception as exc:
                    log.warning("/support: membership lookup failed (%s); %s", exc,
                                "using the last answer" if self._members is not None else "refusing")
            return self._members

    def _fetch(self) -> list[str]:
        if self._usergroup:
            return list(self._client.usergroups_users_list(usergroup=self._usergroup).get("users") or [])
        members: list[str] = []
        cursor: str | None = None
        while True:
            page = self._client.conversations_members(channel=self._channel or "", limit=1000, cursor=cursor)
            members += page.get("members") or []
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return members


def build_slack_app(
    slack: SlackSettings, *, client: WebClient, handoffs: HandoffService, bot_user_id: str | None = None,
    process_before_response: bool = True,
) -> App:
    """Everything passed explicitly: Bolt would otherwise read `SLACK_*` from the environment.

    `process_before_response=True` (default): Slack gets its 200 once the listener finished, so a
    crash mid-relay leaves the event unacknowledged and Slack retries it (dedupe makes that safe).
    The listeners only touch the database and queue Slack writes, well inside Slack's 3 s.
    """
    if slack.signing_secret is None or not client.token:
        raise SlackNotConfigured("a signing secret and a bot token are required for the Slack app")
    identity = _Identity(client, bot_user_id)
    # NOTE: a token-less client makes Bolt use `authorize` (no auth.test at construction, none per request).
    bolt_client = WebClient(token=None, base_url=client.base_url, timeout=client.timeout, retry_handlers=[])
    app = App(
        name="supportbot", signing_secret=slack.signing_secret.get_secret_value(), client=bolt_client,
        authorize=identity.function(), process_before_response=process_before_response,
        token_verification_enabled=False,
    )
    register_actions(app, handoffs)
    register_messages(app, handoffs, identity)
    gate = CommandGate(client, channel=slack.support_channel, usergroup=slack.support_usergroup)
    register_commands(app, handoffs, gate)
    return app


def register_actions(app: App, handoffs: HandoffService) -> None:
    """Card buttons; `value` is the conversation id."""

    @app.action(CLAIM)
    def claim(ack: Any, body: dict[str, Any]) -> None:
        ack()
        handoffs.claim(body["actions"][0]["value"], body["user"]["id"])

    @app.action(RESOLVE)
    def resolve(ack: Any, body: dict[str, Any]) -> None:
        ack()
        handoffs.resolve(body["actions"][0]["value"], body["user"]["id"])

    @app.action(RETURN)
    def return_to_bot(ack: Any, body: dict[str, Any]) -> None:
        ack()
        handoffs.return_to_bot(body["actions"][0]["value"], body["user"]["id"])

    @app.action(RELEASE)
    def release(ack: Any, body: dict[str, Any]) -> None:
        ack()
        handoffs.release(body["actions"][0]["value"], body["user"]["id"])

    @app.action(TAKE_OVER)
    def take_over(ack: Any, body: dict[str, Any]) -> None:
        ack()
        target = _take_over_value(body["actions"][0].get("value"))
        if target is not None:  # NOTE: a second click finds the reply already sent and says so
            handoffs.take_over(target[0], body["user"]["id"], target[1])


def register_messages(app: App, handoffs: HandoffService, identity: _Identity) -> None:
    """Thread replies, edits and deletes (Bolt acks events itself; ignored ones are acked too)."""

    @app.event("message")
    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        routed = inbound.route(event, bot_user_id=identity.user_id)
        if routed is None:
            return
        event_id = body.get("event_id")
        if routed.kind == "reply":
            result = handoffs.agent_reply(channel=routed.channel, thread_ts=routed.thread_ts, user=routed.user or "",
                                          text=routed.text, ts=routed.ts, event_id=event_id,
                                          files=routed.files)
            # NOTE: a thread under one of our own posts that we do not know: a card posted twice after a
            # crash (Slack gave no ts we kept). The agent must not believe the customer got the reply.
            parent = event.get("parent_user_id")
            if result.outcome == "unknown_thread" and identity.user_id and parent == identity.user_id:
                handoffs.orphan_reply(channel=routed.channel, user=routed.user or "")
        elif routed.kind == "edit":
            handoffs.agent_edit(channel=routed.channel, ts=routed.ts, text=routed.text, event_id=event_id)
        else:
            handoffs.agent_delete(channel=routed.channel, ts=routed.ts, event_id=event_id)


def register_commands(app: App, handoffs: HandoffService, gate: CommandGate) -> None:
    """`/support list`, `/support claim <id>`; the answer is the ack itself (ephemeral, no extra Slack call)."""

    @app.command("/support")
    def support(ack: Any, command: dict[str, Any]) -> None:
        # NOTE: with process_before_response the reply travels in the HTTP response, well inside 3 s.
        refusal = gate.refusal(command.get("channel_id"), command.get("user_id"))
        text = refusal or handoffs.command(command.get("text", ""), command["user_id"])
        ack(text=text, response_type="ephemeral")


def _take_over_value(raw: str | None) -> tuple[str, int | None] | None:
    """The take-over button's value: {"conversation_id": ..., "held_id": ...}; None if it is not ours."""
    try:
        value = json.loads(raw or "")
        held = value.get("held_id")
        return str(value["conversation_id"]), int(held) if held is not None else None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def make_slack_blueprint(app: App) -> Blueprint:
    """`POST /slack/events` for events, interactivity and the slash command (one URL in the manifest)."""
    blueprint = Blueprint("slack", __name__)
    handler = SlackRequestHandler(app)

    @blueprint.post("/slack/events")
    def slack_events() -> Any:
        # NOTE: slack_sdk's verifier calls int() on the timestamp header; anything else was a 500.
        stamp = request.headers.get("X-Slack-Request-Timestamp")
        if stamp is not None and not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
            return {"error": "invalid_signature", "message": "Malformed X-Slack-Request-Timestamp."}, 401
        # NOTE: the signature covers the raw body; nothing may read the form before Bolt does.
        try:
            return handler.handle(request)
        except json.JSONDecodeError as exc:  # Bolt parses the body (or its `payload=`) before anything else
            log.warning("Slack request with a malformed JSON body refused (%s, %d bytes)", exc.msg,
                        request.content_length or 0)
            return {"error": "invalid_json", "message": "The request body is not valid JSON."}, 400

    return blueprint


def make_socket_mode_handler(app: App, app_token: str) -> Any:
    """Socket Mode (no public URL): built here, connected by `start_socket_mode`."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token)


def start_socket_mode(app: App, app_token: str) -> Any:
    """Connect to Slack over a WebSocket in the background; returns the handler (call `.close()` to stop)."""
    handler = make_socket_mode_handler(app, app_token)
    handler.connect()
    return handler
