"""The overview's figures against conversations whose every fact is known (README definitions)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from bot.conversations.records import Role, State
from tests.bot.admin.conftest import BEARER, ask


def _stats(client, days: int = 7) -> dict:
    response = client.get(f"/admin/api/stats?days={days}", headers=BEARER)
    assert response.status_code == 200
    return response.get_json()


def test_each_figure_counts_what_the_readme_says(app: Flask) -> None:
    client = app.test_client()
    services = app.extensions["supportbot"]
    store = services.store
    answered, _ = ask(client, "how do I pick up a bike?")  # answered, rated 5, clicked helpful
    declined, _ = ask(client, "do you sell ice cream on the beach?")  # the bot said it had no answer
    handed, _ = ask(client, "I want to talk to a person please")  # customer_request
    store.record_rating(answered, 5)
    store.record_rating(handed, 2)
    bot_answer = [m for m in store.messages(answered) if m.role == Role.BOT][0]
    store.record_feedback(bot_answer.id, helpful=True)
    client.post("/api/conversations")  # opened the widget, never wrote: not a conversation
    # an agent replies 90 s after the handoff (backdated in the log: figures read stored times)
    pending_at = [c for c in store.state_changes(handed) if c.to_state == State.PENDING][0].created_at
    store.transition(handed, expected={State.PENDING}, to=State.AGENT, actor="agent:U1", reason="claimed",
                     agent_id="U1", agent_name="Ana")
    reply = store.add_message(handed, role=Role.AGENT, text="Hi, Ana here.", author="Ana")
    _backdate(app, reply.id, pending_at + timedelta(seconds=90))

    s = _stats(client)
    assert s["conversations"] == 3
    assert s["answered_by_bot"] == 1
    assert s["handed_off"] == 1 and s["handed_off_by_reason"] == {"customer_request": 1}
    assert s["declined"] == 1
    assert s["first_reply"] == {"replied": 1, "waiting": 0, "median_s": 90.0, "p90_s": 90.0}
    assert s["csat"] == {"count": 2, "mean": 3.5, "satisfied_share": 0.5,
                         "distribution": {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}}
    assert (s["helpful_yes"], s["helpful_no"]) == (1, 0)
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert len(s["per_day"]) == 7 and s["per_day"][-1] == {
        "day": today, "conversations": 3, "answered_by_bot": 1, "handed_off": 1, "declined": 1}
    assert sum(d["conversations"] for d in s["per_day"][:-1]) == 0

    # later changes show at once: a new rating, a "not helpful" click, a second handoff
    store.record_rating(declined, 1)
    store.record_feedback(bot_answer.id, helpful=False)
    services.bot.request_person(declined)
    s = _stats(client)
    assert s["csat"]["count"] == 3 and s["csat"]["distribution"]["1"] == 1
    assert (s["helpful_yes"], s["helpful_no"]) == (0, 1)
    assert s["handed_off"] == 2 and s["first_reply"]["waiting"] == 1
    assert s["answered_by_bot"] == 1 and s["declined"] == 1


def test_the_window_is_whole_utc_days_today_included(app: Flask) -> None:
    client = app.test_client()
    cid, _ = ask(client, "how do I pick up a bike?")
    _move_created(app, cid, datetime.now(UTC) - timedelta(days=3))
    assert _stats(client, 3)["conversations"] == 0
    assert _stats(client, 4)["conversations"] == 1
    assert _stats(client, 4)["per_day"][0]["conversations"] == 1


def _backdate(app: Flask, message_id: int, when: datetime) -> None:
    from sqlalchemy import update

    from bot.conversations.models import MessageRow

    with app.extensions["supportbot"].engine.begin() as connection:
        connection.execute(update(MessageRow).where(MessageRow.id == message_id).values(created_at=when))


def _move_created(app: Flask, cid: str, when: datetime) -> None:
    from sqlalchemy import update

    from bot.conversations.models import ConversationRow

    with app.extensions["supportbot"].engine.begin() as connection:
        connection.execute(update(ConversationRow).where(ConversationRow.id == cid)
                           .values(created_at=when, updated_at=datetime.now(UTC)))
