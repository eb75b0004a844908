"""Which Slack `message` events matter to us, decided from the payload alone (no Slack calls)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# NOTE: current apps' own posts arrive with `bot_id` and no subtype, so subtype alone is not enough.
RELAYED_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})
HANDLED_SUBTYPES = RELAYED_SUBTYPES | {"message_changed", "message_deleted"}


@dataclass(frozen=True)
class InboundMessage:
    """`kind`: reply | edit | delete."""

    kind: str
    channel: str
    ts: str
    user: str | None = None
    text: str = ""
    thread_ts: str | None = None
    files: tuple[dict[str, Any], ...] = ()  # an agent's attachments: id, name, mimetype, size, private URLs


def route(event: dict[str, Any], *, bot_user_id: str | None = None) -> InboundMessage | None:
    """An agent's reply, edit or delete in some thread; None for everything we ignore."""
    subtype = event.get("subtype")
    channel = event.get("channel")
    if subtype not in HANDLED_SUBTYPES or not channel:
        return None
    if subtype == "message_changed":
        new, old = event.get("message") or {}, event.get("previous_message") or {}
        if _from_a_bot(new, bot_user_id) or not new.get("ts") or new.get("text") == old.get("text"):
            return None  # unfurls and our own card updates also arrive as message_changed
        return InboundMessage("edit", channel, new["ts"], new.get("user"), new.get("text") or "", new.get("thread_ts"))
    if subtype == "message_deleted":
        old = event.get("previous_message") or {}
        ts = event.get("deleted_ts") or old.get("ts")
        if not ts or _from_a_bot(old, bot_user_id):
            return None
        return InboundMessage("delete", channel, ts, old.get("user"), "", old.get("thread_ts"))
    if _from_a_bot(event, bot_user_id) or not event.get("user") or not event.get("ts"):
        return None
    thread_ts = event.get("thread_ts")
    if not thread_ts or thread_ts == event["ts"]:
        return None  # a new top-level message, not a reply in a handoff thread
    return InboundMessage(
        "reply", channel, event["ts"], event["user"], event.get("text") or "", thread_ts, _files(event)
    )


def _from_a_bot(message: dict[str, Any], bot_user_id: str | None) -> bool:
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message"
                or (bot_user_id and message.get("user") == bot_user_id))


_FILE_FIELDS = ("id", "name", "title", "mimetype", "size", "url_private", "url_private_download")


def _files(event: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """The parts of each shared file we need to fetch it later (at most 10, as Slack allows)."""
    files = [
        f for f in event.get("files") or [] if isinstance(f, dict) and f.get("id") and f.get("mode") != "tombstone"
    ]
    return tuple({k: f[k] for k in _FILE_FIELDS if k in f} for f in files[:10])
