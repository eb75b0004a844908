"""Issue 16 on the Slack side, through the real app: who the customer is, where the card goes, who owns it."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_world import IDENTITY_SECRET, AppWorld, build_world
from fake_slack import FakeSlack, slack_user
from slack_helpers import CHANNEL

from bot.customers.identity import sign_identity
from handoff.cards import CLAIM, RELEASE, RESOLVE, TAKE_OVER


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.users.update({
            "UANA": slack_user("UANA", display_name="Ana", avatar_base=f"http://127.0.0.1:{slack.port}"),
            "UBEN": slack_user("UBEN", display_name="Ben"),
        })
        yield slack


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeSlack) -> Iterator[AppWorld]:
    policy = tmp_path / "routes.yml"
    policy.write_text(
        "business_hours: {always_open: true}\n"
        "desk: {handoffs_per_address_per_minute: 100}\n"  # every test customer comes from 127.0.0.1
        "handoff:\n  routes:\n"
        "    - {reasons: [sensitive:billing_dispute], channel: C0BILLING}\n"
        "    - {attributes: {plan: enterprise}, channel: C0VIP}\n"
    )
    built = build_world(monkeypatch, tmp_path, fake, policy_file=policy)
    yield built
    built.services.close()


def _card_text(fake: FakeSlack) -> str:
    """The newest card (posted or updated) as JSON text."""
    latest = [c for c in fake.calls() if c.method in ("chat.postMessage", "chat.update") and c.body.get("blocks")][-1]
    return json.dumps(latest.body["blocks"], ensure_ascii=False)


def _identify(world: AppWorld, cid: str, auth: dict[str, str], **body: str) -> dict:
    response = world.client.post(f"/api/conversations/{cid}/identity", json=body, headers=auth)
    return {"status": response.status_code, **(response.get_json() or {})}


def test_the_card_marks_verified_identity_and_unverified_claims_and_links_earlier_conversations(
    world: AppWorld,
) -> None:
    token = sign_identity({"user_id": "u-42", "email": "dana@shop.example", "name": "Dana Reyes",
                           "attributes": {"plan": "pro", "orders": 12}}, IDENTITY_SECRET)
    first, auth1 = world.start()
    assert _identify(world, first, auth1, identity=token)["verified"] is True
    world.handoff(first, auth1)
    world.action(RESOLVE, first, user="UANA")

    second, auth2 = world.start()
    assert _identify(world, second, auth2, identity=token, name="Dana R.")["verified"] is True
    world.handoff(second, auth2)
    card = _card_text(world.fake)
    assert "Dana Reyes :white_check_mark:" in card and "dana@shop.example :white_check_mark:" in card
    assert "id `u-42` :white_check_mark:" in card and "plan: *pro* :white_check_mark:" in card
    ts = world.card_ts(first).replace(".", "")
    assert f"<https://slack.com/archives/{CHANNEL}/p{ts}|" in card, "the earlier conversation links to its thread"

    stranger, auth3 = world.start()
    assert _identify(world, stranger, auth3, name="Mallory", email="mallory@evil.example")["verified"] is False
    world.handoff(stranger, auth3)
    card = _card_text(world.fake)
    assert "Mallory _(unverified)_" in card and "mallory@evil.example _(unverified)_" in card
    assert "Earlier conversations" not in card, "claims never link someone else's history"


def test_a_forged_or_expired_identity_is_refused_and_changes_nothing(world: AppWorld) -> None:
    cid, auth = world.start()
    forged = sign_identity({"user_id": "u-42", "email": "dana@shop.example"}, "not-the-secret")
    expired = sign_identity({"user_id": "u-42", "exp": 1_000_000}, IDENTITY_SECRET)
    for token in (forged, expired, "garbage", forged.split(".")[0] + ".AAAA"):
        answer = _identify(world, cid, auth, identity=token)
        assert answer["status"] == 400 and answer["error"] == "invalid_identity"
    assert world.services.customers.profile(cid) is None
    assert world.services.store.get(cid).customer_email is None


def test_handoffs_are_routed_by_reason_and_by_verified_attribute(world: AppWorld) -> None:
    billing, auth = world.start()
    world.say(billing, auth, "I was charged twice for the same order and I want to dispute it")
    world.services.bot.shutdown(wait=True)  # the turn runs in the background: let it finish
    world.deliver()
    assert world.channel_of(billing) == "C0BILLING"
    vip_token = sign_identity({"user_id": "u-7", "attributes": {"plan": "enterprise"}}, IDENTITY_SECRET)
    from bot.service import BotService  # noqa: F401 - only for the type below

    vip, auth_vip = world.start()
    _identify(world, vip, auth_vip, identity=vip_token)
    world.handoff(vip, auth_vip)
    assert world.channel_of(vip) == "C0VIP"
    other, auth_other = world.start()
    world.handoff(other, auth_other)
    assert world.channel_of(other) == CHANNEL
    cards = {c.body["channel"] for c in world.fake.calls("chat.postMessage") if c.body.get("blocks")}
    assert {"C0BILLING", "C0VIP", CHANNEL} <= cards


def test_the_owner_answers_others_are_held_and_offered_a_take_over(world: AppWorld) -> None:
    cid, auth = world.start(name="Dana")
    world.handoff(cid, auth)
    world.action(CLAIM, cid, user="UANA")
    world.reply(cid, "Hi Dana, Ana here.", user="UANA", ts="1800000000.000100")
    world.reply(cid, "Ben jumping in!", user="UBEN", ts="1800000000.000200")
    texts = [m["text"] for m in world.messages(cid, auth) if m["role"] == "agent"]
    assert texts == ["Hi Dana, Ana here."], "a non-owner's reply is held, not sent"
    prompt = world.fake.calls("chat.postEphemeral")[-1].body
    assert prompt["user"] == "UBEN" and "<@UANA> owns this conversation" in prompt["text"]
    button = prompt["blocks"][1]["elements"][0]
    assert button["action_id"] == TAKE_OVER

    world.action(RESOLVE, cid, user="UBEN")  # resolving is the owner's call too
    assert world.services.store.get(cid).state.value == "agent"

    world.action(TAKE_OVER, button["value"], user="UBEN")
    conversation = world.services.store.get(cid)
    assert conversation.agent_id == "UBEN" and conversation.agent_name == "Ben"
    texts = [m["text"] for m in world.messages(cid, auth) if m["role"] == "agent"]
    assert texts == ["Hi Dana, Ana here.", "Ben jumping in!"], "the held reply goes out once Ben owns it"
    world.action(TAKE_OVER, button["value"], user="UBEN")  # a second click sends nothing twice
    assert [m["text"] for m in world.messages(cid, auth) if m["role"] == "agent"] == texts

    world.action(RELEASE, cid, user="UANA")  # Ana no longer owns it: only Ben may release
    assert world.services.store.get(cid).state.value == "agent"
    world.action(RELEASE, cid, user="UBEN")
    assert world.services.store.get(cid).state.value == "pending"
    changes = [
        (c.from_state.value, c.to_state.value, c.actor, c.reason) for c in world.services.store.state_changes(cid)
    ]
    assert ("agent", "agent", "agent:UBEN", "taken_over") in changes
    assert changes[-1] == ("agent", "pending", "agent:UBEN", "released")
    shown = [m["text"] for m in world.messages(cid, auth) if m["kind"] == "state"]
    assert shown[-2:] == [
        "Ben joined the conversation.",
        "Ben had to step away. You're back in line and the next person from our team will continue here.",
    ]


def test_the_customers_rating_appears_on_the_card(world: AppWorld) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    world.action(CLAIM, cid, user="UANA")
    world.action(RESOLVE, cid, user="UANA")
    posts_before = len(world.fake.posts())
    response = world.client.post(f"/api/conversations/{cid}/rating", json={"rating": 4, "comment": "Quick <b>help</b>"},
                                 headers=auth)
    assert response.status_code == 200
    world.deliver()
    card = _card_text(world.fake)
    assert "★★★★☆ (4/5)" in card and "Quick &lt;b&gt;help&lt;/b&gt;" in card
    assert len(world.fake.posts()) == posts_before, "no second 'customer closed' line"


def test_the_widget_learns_its_place_in_line_the_expected_wait_and_the_agents_face(world: AppWorld) -> None:
    store = world.services.store
    threads = world.services.handoff.desk._threads
    # history: three earlier waits answered after 60, 120 and 180 seconds
    for delay in (60, 120, 180):
        cid, auth = world.start()
        world.handoff(cid, auth)
        info = threads.get(cid)
        with threads.sessions.begin() as s:
            from handoff.models import SlackThread
            row = s.query(SlackThread).filter_by(conversation_id=cid).one()
            row.first_reply_at = info.requested_at.__class__.fromtimestamp(info.requested_at.timestamp() + delay)
        world.action(CLAIM, cid, user="UANA")
        world.action(RESOLVE, cid, user="UANA")
    first, auth1 = world.start()
    world.handoff(first, auth1)
    second, auth2 = world.start()
    world.handoff(second, auth2)
    status = world.client.get(f"/api/conversations/{second}/status", headers=auth2).get_json()
    assert status["state"] == "pending" and status["position"] == 2 and status["reachable"] is True
    assert 200 <= status["expected_wait_s"] <= 240, status  # median 120 s x 2nd in line, minus the moments waited
    world.action(CLAIM, second, user="UANA")
    status = world.client.get(f"/api/conversations/{second}/status", headers=auth2).get_json()
    assert status["agent_name"] == "Ana" and status["agent_avatar"] is True
    picture = world.client.get(f"/api/conversations/{second}/agent/avatar", headers=auth2)
    assert picture.status_code == 200 and picture.mimetype == "image/png" and picture.data.startswith(b"\x89PNG")
    assert store.get(first).state.value == "pending"
    assert world.client.get(f"/api/conversations/{first}/status", headers=auth1).get_json()["position"] == 1


def test_nobody_active_in_slack_means_the_customer_is_told_so_at_once(world: AppWorld) -> None:
    world.fake.presence.update({"UANA": "away", "UBEN": "away"})
    world.services.handoff.availability.refresh(force=True)
    cid, auth = world.start()
    world.handoff(cid, auth)
    system = [m for m in world.messages(cid, auth) if m["role"] == "system"]
    assert [m["text"] for m in system] == [world.services.bot.policy.message("handoff_unavailable")]
    assert system[0]["meta"]["ask_email"] is True
    assert world.client.get(f"/api/conversations/{cid}/status", headers=auth).get_json()["reachable"] is False
    world.fake.presence["UBEN"] = "active"
    world.services.handoff.availability.refresh(force=True)
    assert world.client.get(f"/api/conversations/{cid}/status", headers=auth).get_json()["reachable"] is True


def test_a_slack_that_does_not_answer_means_nobody_is_promised(world: AppWorld) -> None:
    world.fake.fail_next(3, "500", method="conversations.members")
    world.services.handoff.availability.refresh(force=True)
    cid, auth = world.start()
    world.handoff(cid, auth)
    texts = [m["text"] for m in world.messages(cid, auth) if m["role"] == "system"]
    assert texts == [world.services.bot.policy.message("handoff_unavailable")]


def test_the_timers_do_not_ask_again_for_an_email_the_handoff_line_already_asked_for(world: AppWorld) -> None:
    from datetime import UTC, datetime, timedelta

    world.fake.presence.update({"UANA": "away", "UBEN": "away"})
    world.services.handoff.availability.refresh(force=True)
    cid, auth = world.start()
    world.handoff(cid, auth)
    later = datetime.now(UTC) + timedelta(hours=1)
    report = world.services.handoff.timers.tick(now=later)
    assert cid not in report.offered_email
    asks = [m for m in world.messages(cid, auth) if m["meta"].get("ask_email")]
    assert len(asks) == 1
