"""Export and erasure reach the Slack side: rows gone, pending writes dropped, our posts retracted."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, func, select

from bot.conversations.database import make_sessionmaker as bot_sessions
from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow
from bot.conversations.records import Role
from bot.privacy.service import PrivacyService, Subject
from handoff.database import make_sessionmaker as handoff_sessions
from handoff.models import OutboxRow, SlackRelayed, SlackThread
from handoff.privacy import ERASED_TEXT, SlackPrivacy


def _privacy(world: Any, engine: Engine) -> PrivacyService:
    return PrivacyService(bot_sessions(engine), participants=[SlackPrivacy(handoff_sessions(engine), world.outbox)])


def test_export_holds_the_conversation_and_its_slack_side(world: Any, engine: Engine) -> None:
    conversation = world.ask_for_person("my grinder rattles")
    world.store.update_customer(conversation.id, email="Dana@Example.org")
    world.deliver()
    data = _privacy(world, engine).export(Subject(email="dana@example.org"))
    json.dumps(data)  # JSON-ready
    [exported] = data["conversations"]
    assert exported["id"] == conversation.id and "token_hash" not in exported
    assert [m["text"] for m in exported["messages"]][0] == "my grinder rattles"
    assert exported["state_changes"][0]["to_state"] == "pending"
    [slack] = data["slack"]
    assert slack["thread"]["thread_ts"] == world.card_ts(conversation.id)
    assert any(w["kind"] == "card" for w in slack["slack_writes"])


def test_erase_removes_every_row_drops_pending_writes_and_retracts_our_posts(world: Any,
                                                                             engine: Engine) -> None:
    conversation = world.ask_for_person("call me, my card was charged twice")
    other = world.ask_for_person("another customer")
    world.deliver()
    posted = {r.result["ts"] for r in world.fake.calls("chat.postMessage")
              if conversation.id in json.dumps(r.body) or r.body.get("thread_ts") == world.card_ts(conversation.id)}
    assert len(posted) >= 2  # the card and the transcript
    message = world.store.add_message(conversation.id, role=Role.CUSTOMER, text="one more thing")
    current = world.store.get(conversation.id)
    assert current is not None
    world.desk.customer_message(current, message)  # queued, not yet sent
    before = len(world.fake.calls("chat.postMessage"))
    done = _privacy(world, engine).erase(Subject(conversation_id=conversation.id))
    assert done.conversations == 1 and done.messages >= 3 and done.other["slack"] >= 3
    world.deliver()
    assert len(world.fake.calls("chat.postMessage")) == before  # the pending mirror was dropped
    updates = {r.body["ts"]: r.body["text"] for r in world.fake.calls("chat.update")}
    assert posted <= set(updates) and {updates[ts] for ts in posted} == {ERASED_TEXT}
    with bot_sessions(engine)() as s:
        for column in (ConversationRow.id, MessageRow.conversation_id, StateChangeRow.conversation_id):
            assert s.scalar(select(func.count()).where(column == conversation.id)) == 0
        for handoff_column in (SlackThread.conversation_id, SlackRelayed.conversation_id):
            assert s.scalar(select(func.count()).where(handoff_column == conversation.id)) == 0
        left = s.scalars(select(OutboxRow.kind).where(OutboxRow.thread_key == conversation.id)).all()
        assert set(left) == {"erasure"}
    assert world.store.get(other.id) is not None  # nobody else's data
