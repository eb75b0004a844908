"""Block Kit for the handoff card and the thread transcript, always rebuilt from our own state."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.conversations.records import Kind, Message, Role, State
from handoff import messages as texts
from handoff.models import utc_naive

CLAIM, RESOLVE, RETURN = "handoff_claim", "handoff_resolve", "handoff_return_to_bot"
RELEASE, TAKE_OVER = "handoff_release", "handoff_take_over"
# Slack limits (Block Kit reference): keep well inside them.
HEADER_MAX, SECTION_MAX, FIELD_MAX, CONTEXT_MAX, MESSAGE_MAX = 150, 3000, 2000, 2000, 3500


@dataclass(frozen=True)
class CardView:
    """Everything the card shows; built from the store and `slack_threads` on every change."""

    conversation_id: str
    state: State
    reason: str
    summary: str
    requested_at: datetime
    now: datetime
    version: int  # bumps on every update: new block_ids
    customer_name: str | None = None
    customer_email: str | None = None
    page_url: str | None = None
    agent_id: str | None = None
    sources: Sequence[str] = field(default_factory=tuple)
    private_note_prefix: str = ";;"
    verified: dict[str, Any] = field(
        default_factory=dict
    )  # what the host site signed: user_id, name, email, attributes
    earlier: Sequence[tuple[str, str | None]] = field(default_factory=tuple)  # (label, Slack link or None)
    rating: int | None = None
    rating_comment: str | None = None


_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def escape(text: str) -> str:
    """Slack mrkdwn control characters: a customer cannot ping @channel or fake a link; nor reorder
    what agents read with direction overrides (right-to-left letters keep their own direction)."""
    return text.translate(_BIDI_CONTROLS).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def card(view: CardView) -> dict[str, Any]:
    """`text` + `blocks` for chat.postMessage / chat.update of the parent message."""
    reason = texts.REASONS.get(view.reason, view.reason)
    suffix = f"{view.conversation_id[:8]}-v{view.version}"
    summary = escape(view.summary) if view.summary.strip() else texts.NO_SUMMARY
    blocks: list[dict[str, Any]] = [
        {"type": "header", "block_id": f"h-{suffix}",
         "text": {"type": "plain_text", "text": clip(texts.CARD_TITLE, HEADER_MAX)}},
        {"type": "section", "block_id": f"f-{suffix}", "fields": [
            _field("Customer", _customer(view)),
            _field("Page", escape(view.page_url) if view.page_url else "unknown"),
            _field("Reason", escape(reason)),
            _field("Status", texts.STATUS[view.state.value].format(agent=view.agent_id or "?")),
            _field("Waiting since", f"{_minutes(view.requested_at, view.now)} min ago"),
            _field("Conversation", f"`{view.conversation_id}`"),
        ]},
        {"type": "section", "block_id": f"s-{suffix}", "text": {"type": "mrkdwn", "text": clip(summary, SECTION_MAX)}},
        {"type": "context", "block_id": f"c-{suffix}",
         "elements": [{"type": "mrkdwn", "text": clip(_sources(view.sources), CONTEXT_MAX)}]},
    ]
    blocks += _who_blocks(view, suffix)
    buttons = _buttons(view)
    if buttons:
        blocks.append({"type": "actions", "block_id": f"a-{suffix}", "elements": buttons})
    if view.state in (State.PENDING, State.AGENT):
        blocks.append({"type": "context", "block_id": f"n-{suffix}", "elements": [
            {"type": "mrkdwn", "text": texts.HOW_TO_REPLY.format(prefix=escape(view.private_note_prefix))}]})
    fallback = texts.CARD_FALLBACK.format(reason=reason)
    return {"text": clip(fallback, SECTION_MAX), "blocks": blocks, "unfurl_links": False, "unfurl_media": False}


def with_why(summary: str, why: str) -> str:
    """The summary with a last line saying which triage rule or model decided and on which words."""
    if not why.strip():
        return summary
    return f"{summary.rstrip()}\n{texts.WHY.format(why=why.strip())}".strip()


def transcript(history: Sequence[Message]) -> list[str]:
    """The conversation so far as thread messages, each under Slack's comfortable length."""
    lines = [line(m) for m in history if m.kind is Kind.TEXT]
    if not lines:
        return []
    chunks, current = [], texts.TRANSCRIPT_HEADER
    for entry in lines:
        if len(current) + 1 + len(entry) > MESSAGE_MAX:
            chunks.append(current)
            current = ""
        current = f"{current}\n{entry}" if current else entry
    chunks.append(current)
    return chunks


def line(message: Message) -> str:
    """One message as a thread line: `*Customer:* text` (clipped, escaped)."""
    label = texts.ROLE_LABELS.get(message.role.value, message.role.value)
    if message.role is Role.AGENT and message.author:
        label = message.author
    return clip(f"*{escape(label)}:* {escape(message.text)}", MESSAGE_MAX)


def _field(title: str, value: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": clip(f"*{title}:*\n{value}", FIELD_MAX)}


def _customer(view: CardView) -> str:
    """Each value marked verified (the host site signed it) or unverified (the widget said so)."""
    parts = []
    for key, value in (("name", view.customer_name), ("email", view.customer_email)):
        if value:
            mark = texts.VERIFIED if view.verified.get(key) == value else texts.UNVERIFIED
            parts.append(f"{escape(value)} {mark}")
    if view.verified.get("user_id"):
        parts.append(f"id `{escape(str(view.verified['user_id']))}` {texts.VERIFIED}")
    return ", ".join(parts) if parts else "anonymous visitor"


def _who_blocks(view: CardView, suffix: str) -> list[dict[str, Any]]:
    """Verified attributes, earlier conversations of the same customer, and the CSAT once given."""
    lines = []
    attributes = view.verified.get("attributes") or {}
    if attributes:
        lines.append(
            " · ".join(
                f"{escape(str(k))}: *{escape(str(v))}* {texts.VERIFIED}" for k, v in list(attributes.items())[:10]
            )
        )
    if view.earlier:
        links = [f"<{link}|{escape(label)}>" if link else escape(label) for label, link in view.earlier]
        lines.append(f"{texts.EARLIER}: " + ", ".join(links))
    if view.rating is not None:
        stars = "★" * view.rating + "☆" * (5 - view.rating)
        comment = f" “{escape(clip(view.rating_comment, 500))}”" if view.rating_comment else ""
        lines.append(f"*{texts.RATING}:* {stars} ({view.rating}/5){comment}")
    if not lines:
        return []
    return [{"type": "context", "block_id": f"w-{suffix}",
             "elements": [{"type": "mrkdwn", "text": clip(line, CONTEXT_MAX)} for line in lines]}]


def _sources(sources: Sequence[str]) -> str:
    if not sources:
        return texts.NO_SOURCES
    return texts.SOURCES_TRIED.format(sources=", ".join(escape(s) for s in list(sources)[:5]))


def _minutes(since: datetime, now: datetime) -> int:
    return max(0, int((utc_naive(now) - utc_naive(since)).total_seconds() // 60))


def _buttons(view: CardView) -> list[dict[str, Any]]:
    def button(
        text: str, action_id: str, style: str | None = None, confirm: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        b: dict[str, Any] = {"type": "button", "action_id": action_id, "value": view.conversation_id,
                             "text": {"type": "plain_text", "text": text}}
        if style:
            b["style"] = style
        if confirm:
            b["confirm"] = confirm
        return b

    back = button("Return to bot", RETURN, "danger", {
        "title": {"type": "plain_text", "text": "Return to the bot?"},
        "text": {"type": "mrkdwn", "text": "The bot answers this customer again."},
        "confirm": {"type": "plain_text", "text": "Return"}, "deny": {"type": "plain_text", "text": "Cancel"},
    })
    if view.state is State.PENDING:
        return [button("Claim", CLAIM, "primary"), button("Resolve", RESOLVE), back]
    if view.state is State.AGENT:
        return [button("Resolve", RESOLVE, "primary"), button("Release", RELEASE), back]
    return []


def is_customer_block(block: object) -> bool:
    """The card's blocks about who the customer is (fields, and verified attributes/earlier chats)."""
    return isinstance(block, dict) and str(block.get("block_id", "")).startswith(("f-", "w-"))
