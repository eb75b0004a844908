"""Slack hardening (issue 13 item 7): who may use /support and where, escaped names, notes never
leak through edits, deletes remove every version, replies under an unlinked card are not lost."""
from __future__ import annotations

from typing import Any

from fake_slack import BOT_USER_ID, FakeSlack
from flask import Flask
from pydantic import SecretStr
from slack_helpers import CHANNEL, SIGNING_SECRET, command_body, event_body, signed_headers
from slack_sdk import WebClient

from bot.conversations.records import Kind, Role
from handoff.config import SlackSettings
from handoff.slack_app import build_slack_app, make_slack_blueprint

FORM = "application/x-www-form-urlencoded"


def _post(flask: Flask, body: str, *, content_type: str) -> Any:
    return flask.test_client().post("/slack/events", data=body, headers=signed_headers(body, content_type=content_type))


def _command(world: Any, text: str, *, user: str = "UCID", channel: str = CHANNEL, flask: Flask | None = None) -> str:
    response = _post(flask or world.flask, command_body(text, user=user, channel=channel), content_type=FORM)
    assert response.status_code == 200
    return str(response.get_json()["text"])


def _event(world: Any, event: dict[str, Any], event_id: str) -> None:
    assert _post(world.flask, event_body(event, event_id=event_id), content_type="application/json").status_code == 200


def test_support_answers_only_in_the_support_channel_and_only_to_its_members(world: Any) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    assert "only in the support channel" in _command(world, "list", channel="CGENERAL")
    world.fake.channel_members[CHANNEL] = ["UANA"]
    assert "support team only" in _command(world, "list", user="UCID")
    assert "support team only" in _command(world, f"claim {conversation.id}", user="UCID")
    assert world.store.get(conversation.id).agent_id is None
    assert conversation.id in _command(world, "list", user="UANA")


def test_a_configured_user_group_decides_who_may_use_support(world: Any, fake_slack: FakeSlack,
                                                             web_client: WebClient) -> None:
    fake_slack.usergroups["SAGENTS"] = ["UBEN"]
    slack = SlackSettings(bot_token=SecretStr("xoxb-test"), signing_secret=SecretStr(SIGNING_SECRET),
                          support_channel=CHANNEL, api_url=fake_slack.api_url, support_usergroup="SAGENTS")
    flask = Flask("group")
    flask.register_blueprint(make_slack_blueprint(build_slack_app(slack, client=web_client, handoffs=world.service)))
    assert "support team only" in _command(world, "list", user="UANA", flask=flask)
    assert "support team only" not in _command(world, "list", user="UBEN", flask=flask)


def test_customer_names_are_escaped_in_the_list(world: Any) -> None:
    world.ask_for_person(name="<https://evil.example|Click me> <!channel>")
    world.deliver()
    listed = _command(world, "list")
    assert "<https://evil" not in listed and "<!channel>" not in listed
    assert "&lt;https://evil.example|Click me&gt; &lt;!channel&gt;" in listed


def _relay(world: Any) -> tuple[str, str, int]:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    world.service.claim(conversation.id, "UANA")
    _event(world, {"type": "message", "channel": CHANNEL, "user": "UANA", "text": "Ships Tuesday",
                   "ts": "1800000000.000050", "thread_ts": thread_ts}, "Ev1")
    [relayed] = [m for m in world.store.messages(conversation.id) if m.role is Role.AGENT and m.kind is Kind.TEXT]
    return conversation.id, thread_ts, relayed.id


def _edit(world: Any, thread_ts: str, old: str, new: str, event_id: str) -> None:
    _event(world, {"type": "message", "subtype": "message_changed", "channel": CHANNEL, "hidden": True,
                   "ts": f"1800000000.0001{event_id[-1]}",
                   "message": {"type": "message", "user": "UANA", "text": new, "ts": "1800000000.000050",
                               "thread_ts": thread_ts},
                   "previous_message": {"type": "message", "user": "UANA", "text": old, "ts": "1800000000.000050"}},
           event_id)


def test_an_edit_into_a_private_note_retracts_the_relayed_text(world: Any) -> None:
    cid, thread_ts, message_id = _relay(world)
    _edit(world, thread_ts, "Ships Tuesday", ";; customer is rude, ignore refunds", "Ev2")
    texts = [m.text for m in world.store.messages(cid)]
    assert not any("rude" in t for t in texts)
    assert world.store.get_message(message_id).meta.get("deleted") is True


def test_a_delete_removes_every_earlier_version(world: Any) -> None:
    cid, thread_ts, message_id = _relay(world)
    _edit(world, thread_ts, "Ships Tuesday", "Ships Wednesday, code 4411", "Ev2")
    _event(world, {"type": "message", "subtype": "message_deleted", "channel": CHANNEL, "hidden": True,
                   "ts": "1800000000.000070", "deleted_ts": "1800000000.000050",
                   "previous_message": {"type": "message", "user": "UANA", "text": "x", "ts": "1800000000.000050"}},
           "Ev3")
    texts = [m.text for m in world.store.messages(cid)]
    assert not any("Tuesday" in t or "4411" in t for t in texts)


def test_a_reply_under_an_unlinked_card_of_ours_tells_the_agent_where_to_reply(world: Any) -> None:
    world.ask_for_person()
    world.deliver()
    _event(world, {"type": "message", "channel": CHANNEL, "user": "UANA", "text": "hello?",
                   "ts": "1800000000.000090", "thread_ts": "1700000000.999999", "parent_user_id": BOT_USER_ID}, "Ev9")
    world.deliver()
    notes = [c.body for c in world.fake.calls("chat.postEphemeral")]
    assert notes and notes[-1]["user"] == "UANA" and "/support list" in notes[-1]["text"]
    # a thread under somebody else's message in the channel is none of our business
    _event(world, {"type": "message", "channel": CHANNEL, "user": "UANA", "text": "lunch?",
                   "ts": "1800000000.000091", "thread_ts": "1700000000.888888", "parent_user_id": "UBEN"}, "Ev10")
    world.deliver()
    assert len(world.fake.calls("chat.postEphemeral")) == len(notes)


def test_a_signed_request_with_malformed_json_is_a_400_not_a_500(world: Any) -> None:
    for body, content_type in (('{"type": "event_callback", "event": {', "application/json"),
                               ("payload=%7B%22type%22%3A", FORM)):
        response = _post(world.flask, body, content_type=content_type)
        assert response.status_code == 400, (body, response.status_code)
