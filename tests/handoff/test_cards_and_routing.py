"""Pure parts: card limits and escaping, the message-event filter, Slack text -> customer text, Socket Mode setup."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr
from slack_sdk import WebClient

from bot.conversations.records import Kind, Message, Role, State
from handoff import cards
from handoff.config import SlackSettings
from handoff.errors import SlackNotConfigured
from handoff.inbound import route
from handoff.mrkdwn import to_plain
from handoff.slack_app import build_slack_app, make_socket_mode_handler

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _view(state: State = State.PENDING, **kw) -> cards.CardView:
    base = dict(
        conversation_id="conv-123456789",
        state=state,
        reason="sensitive:billing_dispute",
        summary="Charged twice.",
        requested_at=NOW - timedelta(minutes=7),
        now=NOW,
        version=1,
        customer_name="Lee <!channel>",
        page_url="https://shop.example/cart",
        agent_id="UANA",
        sources=["billing/refunds.md"],
    )
    base.update(kw)
    return cards.CardView(**base)


def _actions(card: dict) -> list[str]:
    return [e["action_id"] for b in card["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_card_buttons_follow_the_state() -> None:
    assert _actions(cards.card(_view(State.PENDING))) == [cards.CLAIM, cards.RESOLVE, cards.RETURN]
    assert _actions(cards.card(_view(State.AGENT))) == [cards.RESOLVE, cards.RELEASE, cards.RETURN]
    assert _actions(cards.card(_view(State.RESOLVED))) == []
    pending = cards.card(_view())
    assert {e["value"] for b in pending["blocks"] if b["type"] == "actions" for e in b["elements"]} == {
        "conv-123456789"
    }
    text = json.dumps(pending)
    assert "7 min ago" in text and "Sensitive: billing dispute" in text and "billing/refunds.md" in text


def test_card_escapes_customer_text_and_stays_within_slack_limits() -> None:
    card = cards.card(_view(summary="x" * 10_000, customer_name="<@U1> & <!here>" * 200, page_url="h" * 5000))
    text = json.dumps(card)
    assert "<!here>" not in text and "<!channel>" not in text and "<@U1>" not in text
    assert len(card["blocks"]) <= 50
    for block in card["blocks"]:
        if block["type"] == "section":
            assert len(block.get("text", {}).get("text", "")) <= 3000
            assert len(block.get("fields", [])) <= 10 and all(len(f["text"]) <= 2000 for f in block.get("fields", []))
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150


def test_customer_text_cannot_reorder_what_agents_read() -> None:
    """A customer's U+202E (right-to-left override) in the card's one-line summary reversed the display
    of everything after it on that line in Slack ("... Latest: ..."), so agents read text in another order."""
    override = "refund \u202eplease\u202c \u2067x\u2069 done"
    card = json.dumps(cards.card(_view(summary=override, customer_name="Bob\u202e")), ensure_ascii=False)
    history = [Message(1, "c", Role.CUSTOMER, Kind.TEXT, override, NOW)]
    thread = json.dumps(cards.transcript(history), ensure_ascii=False)
    for shown in (card, thread):
        assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        assert "refund please x done" in shown


def test_every_update_has_new_block_ids() -> None:
    first, second = cards.card(_view(version=1)), cards.card(_view(version=2))
    assert not {b["block_id"] for b in first["blocks"]} & {b["block_id"] for b in second["blocks"]}


def test_transcript_is_split_into_thread_sized_messages() -> None:
    history = [
        Message(i, "c", Role.CUSTOMER if i % 2 else Role.BOT, Kind.TEXT, f"line {i} " + "y" * 900, NOW)
        for i in range(1, 12)
    ]
    history.append(Message(99, "c", Role.SYSTEM, Kind.STATE, "state line", NOW))
    chunks = cards.transcript(history)
    assert len(chunks) > 1 and all(len(c) <= cards.MESSAGE_MAX for c in chunks)
    joined = "\n".join(chunks)
    assert all(f"line {i} " in joined for i in range(1, 12)) and "state line" not in joined


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        ({"channel": "C1", "user": "U1", "text": "hi", "ts": "2.0", "thread_ts": "1.0"}, "reply"),
        (
            {
                "channel": "C1",
                "user": "U1",
                "text": "hi",
                "ts": "2.0",
                "thread_ts": "1.0",
                "subtype": "thread_broadcast",
            },
            "reply",
        ),
        (
            {
                "channel": "C1",
                "user": "U1",
                "text": "",
                "ts": "2.0",
                "thread_ts": "1.0",
                "subtype": "file_share",
                "files": [{"name": "photo.png"}],
            },
            "reply",
        ),
        ({"channel": "C1", "user": "U1", "text": "top level", "ts": "2.0"}, None),
        ({"channel": "C1", "user": "U1", "text": "parent", "ts": "1.0", "thread_ts": "1.0"}, None),
        ({"channel": "C1", "user": "UBOT", "text": "self", "ts": "2.0", "thread_ts": "1.0"}, None),
        ({"channel": "C1", "user": "U2", "bot_id": "B2", "text": "bot", "ts": "2.0", "thread_ts": "1.0"}, None),
        ({"channel": "C1", "subtype": "bot_message", "text": "classic bot", "ts": "2.0", "thread_ts": "1.0"}, None),
        ({"channel": "C1", "user": "U1", "subtype": "channel_join", "ts": "2.0", "thread_ts": "1.0"}, None),
        (
            {
                "channel": "C1",
                "subtype": "message_changed",
                "message": {"user": "U1", "text": "new", "ts": "2.0"},
                "previous_message": {"user": "U1", "text": "old", "ts": "2.0"},
            },
            "edit",
        ),
        (
            {
                "channel": "C1",
                "subtype": "message_changed",
                "message": {"user": "U1", "text": "same", "ts": "2.0", "attachments": [{}]},
                "previous_message": {"user": "U1", "text": "same", "ts": "2.0"},
            },
            None,
        ),  # an unfurl, not an edit
        (
            {
                "channel": "C1",
                "subtype": "message_changed",
                "message": {"bot_id": "BUS", "text": "card v2", "ts": "1.0"},
                "previous_message": {"bot_id": "BUS", "text": "card v1", "ts": "1.0"},
            },
            None,
        ),
        (
            {
                "channel": "C1",
                "subtype": "message_deleted",
                "deleted_ts": "2.0",
                "previous_message": {"user": "U1", "ts": "2.0"},
            },
            "delete",
        ),
    ],
)
def test_message_filter(event: dict, kind: str | None) -> None:
    routed = route(event, bot_user_id="UBOT")
    assert (routed.kind if routed else None) == kind


def test_file_share_carries_the_files_to_fetch() -> None:
    routed = route({"channel": "C1", "user": "U1", "text": "see this", "ts": "2.0", "thread_ts": "1.0",
                    "subtype": "file_share", "files": [
                        {"id": "F1", "name": "label.pdf", "mimetype": "application/pdf", "size": 10,
                         "url_private_download": "https://files.slack.com/F1/label.pdf", "preview": "x" * 500},
                        {"id": "F2", "mode": "tombstone"}, {"name": "no id"}]})
    assert routed is not None and routed.text == "see this"
    assert routed.files == ({"id": "F1", "name": "label.pdf", "mimetype": "application/pdf", "size": 10,
                             "url_private_download": "https://files.slack.com/F1/label.pdf"},)


def test_slack_text_becomes_plain_text_for_the_customer() -> None:
    names = {"U1": "Ana"}.get
    assert to_plain("<@U1> &amp; <@U9> say hi &lt;3 <!here>", names) == "@Ana & @someone say hi <3"
    assert (
        to_plain("see <https://a.example/x|the guide> or <https://b.example> or <mailto:x@y.z|x@y.z>", names)
        == "see the guide (https://a.example/x) or https://b.example or x@y.z"
    )


def test_app_needs_a_secret_and_socket_mode_handler_builds_without_connecting() -> None:
    client = WebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/")
    no_secret = SlackSettings(bot_token=SecretStr("xoxb-test"))
    with pytest.raises(SlackNotConfigured):
        build_slack_app(no_secret, client=client, handoffs=None)  # type: ignore[arg-type]
    slack = SlackSettings(bot_token=SecretStr("xoxb-test"), signing_secret=SecretStr("s"), support_channel="C1")
    app = build_slack_app(slack, client=client, handoffs=None)  # type: ignore[arg-type]
    handler = make_socket_mode_handler(app, "xapp-test")
    assert handler.app is app and handler.client.app_token == "xapp-test"
    assert not handler.client.is_connected()
