"""The whole path through signed Slack requests: card, claim, replies both ways, resolve, duplicates."""
from __future__ import annotations

import itertools
import json
import threading
import time
from datetime import UTC, datetime, timedelta

from slack_helpers import CHANNEL, action_body, command_body, event_body, signed_headers

from bot.conversations.records import Kind, Role, State
from handoff.models import SlackRelayed

FORM = "application/x-www-form-urlencoded"


def _post(world, body: str, *, content_type: str, **kw):
    return world.flask.test_client().post(
        "/slack/events", data=body, headers=signed_headers(body, content_type=content_type, **kw)
    )


def _click(world, action: str, conversation_id: str, user: str):
    return _post(world, action_body(action, conversation_id, user=user), content_type=FORM)


def _reply(world, thread_ts: str, text: str, *, user: str = "UANA", ts: str, event_id: str, **kw):
    event = {"type": "message", "channel": CHANNEL, "user": user, "text": text, "ts": ts, "thread_ts": thread_ts}
    event.update(kw.pop("extra", {}))
    return _post(world, event_body(event, event_id=event_id), content_type="application/json", **kw)


def _agent_texts(world, conversation_id: str) -> list[str]:
    return [m.text for m in world.store.messages(conversation_id) if m.role is Role.AGENT and m.kind is Kind.TEXT]


def test_card_and_transcript_reach_the_support_channel(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    card, transcript = world.fake.posts()
    assert card.body["channel"] == CHANNEL and "thread_ts" not in card.body
    blocks = json.dumps(card.body["blocks"])
    for expected in (
        "Dana",
        "https://shop.example/grinders",
        "Asked for a person",
        "Grinder rattles",
        "grinders/noise.md",
        "handoff_claim",
        "handoff_resolve",
        "handoff_return_to_bot",
        conversation.id,
    ):
        assert expected in blocks
    assert transcript.body["thread_ts"] == card.result["ts"]
    assert "*Customer:* My grinder makes a rattling noise" in transcript.body["text"]
    assert "*Bot:* Let me check our help center." in transcript.body["text"]


def test_bad_and_stale_signatures_get_401_and_change_nothing(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    body = action_body("handoff_claim", conversation.id, user="UANA")
    client = world.flask.test_client()
    bad = client.post("/slack/events", data=body, headers=signed_headers(body, content_type=FORM, secret="wrong"))
    stale = client.post(
        "/slack/events", data=body, headers=signed_headers(body, content_type=FORM, timestamp=int(time.time()) - 301)
    )
    unsigned = client.post("/slack/events", data=body, headers={"Content-Type": FORM})
    assert (bad.status_code, stale.status_code, unsigned.status_code) == (401, 401, 401)
    assert world.store.get(conversation.id).state is State.PENDING


def test_url_verification_answers_the_challenge(world) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "legacy"})
    response = _post(world, body, content_type="application/json")
    assert response.status_code == 200 and "abc123" in response.get_data(as_text=True)


def test_claim_reply_and_resolve_end_to_end(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    subscription = world.bus.subscribe(conversation.id)

    assert _click(world, "handoff_claim", conversation.id, "UANA").status_code == 200
    current = world.store.get(conversation.id)
    assert (current.state, current.agent_id, current.agent_name) == (State.AGENT, "UANA", "Ana")
    joined = [m for m in world.store.messages(conversation.id) if m.kind is Kind.STATE][-1]
    assert joined.text == "Ana joined the conversation."

    assert (
        _reply(
            world,
            thread_ts,
            "Hi Dana, <@UBEN> and I are on it: <https://help.example/x|this guide>",
            ts="1800000000.000001",
            event_id="Ev1",
        ).status_code
        == 200
    )
    events = []
    while (event := subscription.get(timeout=1)) is not None:
        events.append(event)
    texts = [e.data.get("text") for e in events if e.type == "message"]
    assert "Ana joined the conversation." in texts
    assert "Hi Dana, @Ben Okafor and I are on it: this guide (https://help.example/x)" in texts
    agent_message = [m for m in world.store.messages(conversation.id) if m.role is Role.AGENT][-1]
    assert agent_message.author == "Ana"

    world.desk.customer_message(
        world.store.get(conversation.id),
        world.store.add_message(conversation.id, role=Role.CUSTOMER, text="Thanks! <!channel>"),
    )
    world.deliver()
    last = world.fake.posts(thread_ts=thread_ts)[-1]
    assert last.body["text"] == "*Customer:* Thanks! &lt;!channel&gt;"  # no @channel ping from a customer

    updates = world.fake.calls("chat.update")
    assert (
        updates
        and updates[-1].body["ts"] == thread_ts
        and "Claimed by <@UANA>" in json.dumps(updates[-1].body["blocks"])
    )

    assert _click(world, "handoff_resolve", conversation.id, "UANA").status_code == 200
    world.deliver()
    assert world.store.get(conversation.id).state is State.RESOLVED
    final = world.fake.calls("chat.update")[-1]
    assert "Resolved" in json.dumps(final.body["blocks"]) and "handoff_claim" not in json.dumps(final.body["blocks"])
    block_ids = [{b["block_id"] for b in u.body["blocks"]} for u in world.fake.calls("chat.update")]
    assert all(not (a & b) for a, b in itertools.pairwise(block_ids))  # new block_ids per update


def test_two_agents_claim_at_once_one_wins_other_told_who(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    barrier = threading.Barrier(2)
    statuses = []

    def click(user: str) -> None:
        barrier.wait()
        statuses.append(_click(world, "handoff_claim", conversation.id, user).status_code)

    threads = [threading.Thread(target=click, args=(u,)) for u in ("UANA", "UBEN")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    world.deliver()
    owner = world.store.get(conversation.id).agent_id
    loser = "UBEN" if owner == "UANA" else "UANA"
    assert statuses == [200, 200] and owner in ("UANA", "UBEN")
    [ephemeral] = world.fake.calls("chat.postEphemeral")
    assert ephemeral.body["user"] == loser and ephemeral.body["text"] == f"Already claimed by <@{owner}>."
    assert ephemeral.body["thread_ts"] == world.card_ts(conversation.id)
    joins = [m for m in world.store.messages(conversation.id) if m.kind is Kind.STATE and m.meta.get("to") == "agent"]
    assert len(joins) == 1


def test_duplicate_deliveries_relay_once(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    _click(world, "handoff_claim", conversation.id, "UANA")
    _reply(world, thread_ts, "One moment please", ts="1800000000.000010", event_id="EvA")
    _reply(world, thread_ts, "One moment please", ts="1800000000.000010", event_id="EvA", retry_num=1)
    _reply(world, thread_ts, "One moment please", ts="1800000000.000010", event_id="EvA", retry_num=2)
    _reply(world, thread_ts, "One moment please", ts="1800000000.000010", event_id="EvB")  # same message, new envelope
    assert _agent_texts(world, conversation.id) == ["One moment please"]


def test_private_notes_bots_self_and_unknown_threads_are_not_relayed(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    _click(world, "handoff_claim", conversation.id, "UANA")
    _reply(world, thread_ts, ";; customer sounds upset, be gentle", ts="1800000000.000020", event_id="Ev20")
    _reply(world, thread_ts, "from our own app", user="UBOTSELF", ts="1800000000.000021", event_id="Ev21")
    _reply(
        world,
        thread_ts,
        "from another bot",
        user="UOTHER",
        ts="1800000000.000022",
        event_id="Ev22",
        extra={"bot_id": "BOTHER"},
    )
    _reply(world, "1111111111.000001", "wrong thread", ts="1800000000.000023", event_id="Ev23")
    _reply(world, thread_ts, "joined", ts="1800000000.000024", event_id="Ev24", extra={"subtype": "channel_join"})
    _reply(world, thread_ts, "real reply", ts="1800000000.000025", event_id="Ev25")
    assert _agent_texts(world, conversation.id) == ["real reply"]


def test_reply_while_waiting_claims_implicitly(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    _reply(
        world, world.card_ts(conversation.id), "Hello, I can help", user="UBEN", ts="1800000000.000030", event_id="Ev30"
    )
    current = world.store.get(conversation.id)
    assert (current.state, current.agent_id, current.agent_name) == (State.AGENT, "UBEN", "Ben Okafor")
    assert _agent_texts(world, conversation.id) == ["Hello, I can help"]


def test_reply_after_return_to_bot_is_not_delivered_and_agent_is_told(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    _click(world, "handoff_return_to_bot", conversation.id, "UANA")
    assert world.store.get(conversation.id).state is State.BOT
    _reply(world, world.card_ts(conversation.id), "hello?", ts="1800000000.000040", event_id="Ev40")
    world.deliver()
    assert _agent_texts(world, conversation.id) == []
    assert "Not sent to the customer" in world.fake.calls("chat.postEphemeral")[-1].body["text"]
    assert "Back with the bot" in json.dumps(world.fake.calls("chat.update")[-1].body["blocks"])


def test_edits_and_deletes_of_relayed_replies_reach_the_customer(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    _click(world, "handoff_claim", conversation.id, "UANA")
    _reply(world, thread_ts, "Your order ships Tuesday", ts="1800000000.000050", event_id="Ev50")
    [relayed] = [m for m in world.store.messages(conversation.id) if m.role is Role.AGENT]
    changed = {
        "type": "message",
        "subtype": "message_changed",
        "channel": CHANNEL,
        "hidden": True,
        "ts": "1800000000.000060",
        "message": {
            "type": "message",
            "user": "UANA",
            "text": "Your order ships Wednesday",
            "ts": "1800000000.000050",
            "thread_ts": thread_ts,
        },
        "previous_message": {
            "type": "message",
            "user": "UANA",
            "text": "Your order ships Tuesday",
            "ts": "1800000000.000050",
        },
    }
    _post(world, event_body(changed, event_id="Ev51"), content_type="application/json")
    _post(world, event_body(changed, event_id="Ev51"), content_type="application/json", retry_num=1)
    edits = [m for m in world.store.messages(conversation.id) if m.kind is Kind.EDIT]
    assert [(e.text, e.meta["message_id"]) for e in edits] == [("Your order ships Wednesday", relayed.id)]
    deleted = {
        "type": "message",
        "subtype": "message_deleted",
        "channel": CHANNEL,
        "hidden": True,
        "ts": "1800000000.000070",
        "deleted_ts": "1800000000.000050",
        "previous_message": {"type": "message", "user": "UANA", "text": "x", "ts": "1800000000.000050"},
    }
    _post(world, event_body(deleted, event_id="Ev52"), content_type="application/json")
    assert world.store.get_message(relayed.id).meta.get("deleted") is True
    assert [m.meta["message_id"] for m in world.store.messages(conversation.id) if m.kind is Kind.DELETE] == [
        relayed.id
    ]


def test_support_command_lists_and_claims(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()

    def command(text: str) -> dict:
        response = _post(world, command_body(text, user="UCID"), content_type=FORM)
        assert response.status_code == 200
        return response.get_json()

    listed = command("list")
    assert listed["response_type"] == "ephemeral" and conversation.id in listed["text"] and "Dana" in listed["text"]
    assert "You claimed" in command(f"claim {conversation.id}")["text"]
    assert world.store.get(conversation.id).agent_id == "UCID"
    assert command(f"claim {conversation.id}")["text"] == "This conversation is already yours."
    assert "No conversation" in command("claim nope")["text"]
    assert "Usage" in command("dance")["text"]
    assert "No conversation is waiting" in command("list")["text"]


def test_users_info_is_called_once_per_agent(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    _click(world, "handoff_claim", conversation.id, "UANA")
    for i in range(3):
        _reply(world, thread_ts, f"message {i}", ts=f"1800000000.00010{i}", event_id=f"Ev10{i}")
    assert [c.body["user"] for c in world.fake.calls("users.info")] == ["UANA"]


def test_outage_then_recovery_delivers_everything_in_order(world) -> None:
    conversation = world.ask_for_person()
    world.fake.fail_next(3, "500")
    world.fake.fail_next(2, "429", retry_after=0.2)
    for i in range(5):
        message = world.store.add_message(conversation.id, role=Role.CUSTOMER, text=f"still there? {i}")
        world.desk.customer_message(world.store.get(conversation.id), message)
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    lines = [p.body["text"] for p in world.fake.posts(thread_ts=thread_ts)]
    assert lines[1:] == [f"*Customer:* still there? {i}" for i in range(5)]
    assert not world.outbox.items(status="failed")


def test_a_relay_interrupted_by_a_crash_is_completed_by_slacks_retry(world) -> None:
    conversation = world.ask_for_person()
    world.deliver()
    thread_ts = world.card_ts(conversation.id)
    _click(world, "handoff_claim", conversation.id, "UANA")
    # The process reserved the relay, then died before storing the message (no 200 went to Slack).
    with world.threads.sessions.begin() as s:
        s.add(
            SlackRelayed(
                channel=CHANNEL,
                ts="1800000000.000090",
                conversation_id=conversation.id,
                created_at=datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=61),
            )
        )
    _reply(world, thread_ts, "Are you still there?", ts="1800000000.000090", event_id="Ev90", retry_num=1)
    _reply(world, thread_ts, "Are you still there?", ts="1800000000.000090", event_id="Ev90", retry_num=2)
    assert _agent_texts(world, conversation.id) == ["Are you still there?"]
