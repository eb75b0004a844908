"""Constants and helpers shared by the handoff tests: signing Slack requests, building payloads."""
from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SIGNING_SECRET = "test-signing-secret"
CHANNEL = "CSUPPORT1"


def signed_headers(body: str, *, content_type: str, timestamp: int | None = None, secret: str = SIGNING_SECRET,
                   retry_num: int | None = None) -> dict[str, str]:
    """Headers exactly as Slack sends them, signed with `secret` at `timestamp` (now by default)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return headers


def event_body(event: dict[str, Any], *, event_id: str) -> str:
    """An Events API envelope around `event`."""
    return json.dumps({
        "token": "legacy", "team_id": "TFAKE", "api_app_id": "AFAKE", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": "TFAKE", "user_id": "UBOTSELF", "is_bot": True}],
    })


def action_body(action_id: str, value: str, *, user: str, channel: str = CHANNEL, message_ts: str = "1.000001",
                response_url: str = "http://127.0.0.1:9/webhook") -> str:
    """A `block_actions` interactivity request body (form-encoded `payload=`)."""
    payload = {
        "type": "block_actions", "team": {"id": "TFAKE"}, "user": {"id": user, "username": user.lower()},
        "api_app_id": "AFAKE", "token": "legacy", "trigger_id": "1.2.3",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "support"}, "response_url": response_url,
        "actions": [{"action_id": action_id, "block_id": "b1", "value": value, "type": "button",
                     "action_ts": str(time.time())}],
    }
    return urlencode({"payload": json.dumps(payload)})


def command_body(
    text: str, *, user: str, channel: str = CHANNEL, response_url: str = "http://127.0.0.1:9/webhook"
) -> str:
    """A `/support` slash command request body."""
    return urlencode(
        {
            "token": "legacy",
            "team_id": "TFAKE",
            "channel_id": channel,
            "channel_name": "support",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/support",
            "text": text,
            "api_app_id": "AFAKE",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )
