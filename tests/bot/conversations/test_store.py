"""The conversation store, on SQLite and (with DATABASE_URL) Postgres."""
from __future__ import annotations

import hashlib
import threading
from datetime import UTC, timedelta

import pytest
from sqlalchemy import func, select

from bot.conversations.database import make_sessionmaker
from bot.conversations.events import RESYNC, InProcessBus, LiveEvent
from bot.conversations.models import ConversationRow, MessageRow
from bot.conversations.records import Citation, Kind, Role, State
from bot.conversations.store import ConversationStore
from bot.errors import ConversationNotFound, InvalidInput, MessageNotFound
from bot.web.serialization import message_to_dict


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


# -- tokens -----------------------------------------------------------------------------------
def test_token_authenticates_only_its_own_conversation(store, engine):
    first, token = store.create_conversation(customer_name="Rosa", locale="es")
    second, other_token = store.create_conversation()

    assert store.authenticate(first.id, token) == first
    assert store.authenticate(first.id, token + "x") is None
    assert store.authenticate(first.id, other_token) is None
    assert store.authenticate(second.id, token) is None
    assert store.authenticate("no-such-conversation", token) is None
    assert store.authenticate(first.id, "") is None


def test_only_the_token_hash_is_stored(store, engine):
    conversation, token = store.create_conversation()
    with engine.connect() as conn:
        stored = conn.execute(
            select(ConversationRow.token_hash).where(ConversationRow.id == conversation.id)
        ).scalar_one()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored
    assert len(token) >= 43  # 32 random bytes, URL-safe base64


def test_new_conversation_starts_with_the_bot(store, clock):
    conversation, _ = store.create_conversation(customer_email="ana@example.org", page_url="https://shop.example/help")
    assert conversation.state is State.BOT
    assert conversation.customer_email == "ana@example.org"
    assert conversation.created_at == clock.now and conversation.created_at.tzinfo is not None
    assert store.get(conversation.id) == conversation
    assert store.get("missing") is None


def test_oversized_customer_field_is_refused_and_nothing_stored(store, engine):
    with pytest.raises(InvalidInput):
        store.create_conversation(customer_name="n" * 201)
    assert _count(engine, ConversationRow) == 0


# -- messages ---------------------------------------------------------------------------------
def test_messages_come_back_in_order_with_increasing_ids(store):
    a, _ = store.create_conversation()
    b, _ = store.create_conversation()
    written = []
    for i in range(6):
        written.append(store.add_message(a.id, role=Role.CUSTOMER, text=f"a{i}"))
        store.add_message(b.id, role=Role.BOT, text=f"b{i}")

    got = store.messages(a.id)
    assert [m.text for m in got] == [f"a{i}" for i in range(6)]
    assert got == written
    ids = [m.id for m in got]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(m.conversation_id == a.id for m in got)


def test_after_pages_through_the_log(store):
    c, _ = store.create_conversation()
    ids = [store.add_message(c.id, role=Role.CUSTOMER, text=str(i)).id for i in range(7)]

    assert [m.id for m in store.messages(c.id, after=ids[2])] == ids[3:]
    assert [m.id for m in store.messages(c.id, after=ids[2], limit=2)] == ids[3:5]
    assert store.messages(c.id, after=ids[-1]) == []
    with pytest.raises(InvalidInput):
        store.messages(c.id, limit=0)


def test_recent_messages_are_the_newest_text_turns_before_a_message(store):
    c, _ = store.create_conversation()
    said = []
    for i in range(12):
        said.append(store.add_message(c.id, role=Role.CUSTOMER if i % 2 == 0 else Role.BOT, text=f"turn {i}").id)
        store.add_message(c.id, role=Role.SYSTEM, kind=Kind.NOTICE, text="a notice between turns")
    latest = store.add_message(c.id, role=Role.CUSTOMER, text="the question being answered")

    recent = store.recent_messages(c.id, before=latest.id, limit=4)
    assert [m.text for m in recent] == ["turn 8", "turn 9", "turn 10", "turn 11"]  # oldest first
    assert [m.id for m in store.recent_messages(c.id, before=said[3], limit=10)] == said[:3]
    assert store.recent_messages(c.id, before=latest.id, limit=0) == []
    assert [m.kind for m in store.recent_messages(c.id, before=latest.id, limit=1, kinds=(Kind.NOTICE,))] == [
        Kind.NOTICE
    ]
    assert store.recent_messages(c.id, before=said[0], limit=4) == []  # nothing earlier: empty, not an error
    with pytest.raises(ConversationNotFound):
        store.recent_messages("no-such-conversation", before=10**9, limit=4)


def test_unknown_conversation_is_an_error_not_an_empty_list(store, engine):
    with pytest.raises(ConversationNotFound):
        store.messages("nope")
    with pytest.raises(ConversationNotFound):
        store.add_message("nope", role=Role.CUSTOMER, text="hello")
    with pytest.raises(ConversationNotFound):
        store.transition("nope", expected={State.BOT}, to=State.PENDING, actor="bot", reason="customer_request")
    with pytest.raises(ConversationNotFound):
        store.set_misses("nope", 1)
    with pytest.raises(ConversationNotFound):
        store.state_changes("nope")
    assert _count(engine, MessageRow) == 0


def test_citations_author_and_meta_round_trip(store):
    c, _ = store.create_conversation()
    cite = Citation(number=1, document_id="shipping/rates.md", title="Rates", url=None, source="shipping/rates.md")
    stored = store.add_message(
        c.id, role=Role.BOT, text="It costs 4 EUR [1].", citations=[cite], meta={"stream_id": "s1"}
    )
    again = store.get_message(stored.id)
    assert again == stored
    assert again.citations == [cite] and again.meta == {"stream_id": "s1"}
    assert message_to_dict(again)["citations"][0]["document_id"] == "shipping/rates.md"


def test_a_turns_history_is_read_as_the_records_the_log_holds(store, engine):
    """The turn's history is read from Core rows by position (`message_records`): the same records,
    citations, author, meta and times, as the ORM rows give (`message_record`)."""
    from bot.conversations.row_records import message_record, message_records
    from bot.conversations.transaction_steps import MESSAGES

    c, _ = store.create_conversation()
    cite = Citation(number=1, document_id="shipping/rates.md", title="Rates", url=None, source="shipping/rates.md")
    store.add_message(c.id, role=Role.CUSTOMER, text="How much is shipping?")
    store.add_message(c.id, role=Role.BOT, text="4 EUR [1].", citations=[cite], meta={"stream_id": "s1", "n": [1]})
    store.add_message(c.id, role=Role.AGENT, text="Hi, Ana here.", author="Ana")
    history = store.recent_messages(c.id, before=10**9, limit=5)
    with engine.connect() as conn:
        rows = conn.execute(select(MESSAGES).where(MESSAGES.c.conversation_id == c.id).order_by(MESSAGES.c.id)).all()
    with make_sessionmaker(engine)() as s:
        orm = [message_record(r) for r in s.scalars(select(MessageRow).where(MessageRow.conversation_id == c.id)
                                                     .order_by(MessageRow.id))]
    assert history == message_records(rows, MESSAGES) == orm
    assert [m.role for m in history] == [Role.CUSTOMER, Role.BOT, Role.AGENT] and history[1].citations == [cite]
    assert history[2].author == "Ana" and history[1].meta == {"stream_id": "s1", "n": [1]}


def test_bad_message_input_is_refused_and_nothing_stored(store, engine):
    c, _ = store.create_conversation()
    with pytest.raises(InvalidInput):
        store.add_message(c.id, role="robot", text="hi")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.add_message(c.id, role=Role.BOT, text="hi", meta={"when": object()})
    assert _count(engine, MessageRow) == 0


def test_customer_and_agent_messages_stamp_their_side(store, clock):
    c, _ = store.create_conversation()
    t1 = clock.advance(minutes=1)
    store.add_message(c.id, role=Role.CUSTOMER, text="hello")
    t2 = clock.advance(minutes=1)
    store.add_message(c.id, role=Role.AGENT, text="hi, Ana here", author="Ana")
    t3 = clock.advance(minutes=1)
    store.add_message(c.id, role=Role.BOT, text="(bot)")

    now = store.get(c.id)
    assert (now.last_customer_at, now.last_agent_at, now.updated_at) == (t1, t2, t3)
    assert now.last_customer_at.tzinfo == UTC


def test_edit_and_delete_update_the_row_and_log_an_entry(store, bus):
    c, _ = store.create_conversation()
    original = store.add_message(c.id, role=Role.AGENT, text="Refund in 3 days", author="Ana")

    edit = store.edit_message(original.id, "Refund in 5 days")
    assert (edit.kind, edit.text, edit.meta, edit.author) == (
        Kind.EDIT,
        "Refund in 5 days",
        {"message_id": original.id},
        "Ana",
    )
    assert store.get_message(original.id).text == "Refund in 5 days"

    deletion = store.delete_message(original.id)
    assert (deletion.kind, deletion.meta) == (Kind.DELETE, {"message_id": original.id})
    gone = store.get_message(original.id)
    assert gone.text == "" and gone.meta["deleted"] is True
    assert [m.id for m in store.messages(c.id)] == [original.id, edit.id, deletion.id]
    assert [e.id for e in bus.published] == [original.id, edit.id, deletion.id]
    with pytest.raises(MessageNotFound):
        store.edit_message(10**9, "x")


def test_feedback_is_stored_and_checked_against_the_conversation(store, engine):
    c, _ = store.create_conversation()
    other, _ = store.create_conversation()
    answer = store.add_message(c.id, role=Role.BOT, text="Try restarting it.")

    store.record_feedback(answer.id, helpful=False, comment="did not work", conversation_id=c.id)
    with engine.connect() as conn:
        row = conn.execute(
            select(MessageRow.helpful, MessageRow.feedback_comment).where(MessageRow.id == answer.id)
        ).one()
    assert tuple(row) == (False, "did not work")
    with pytest.raises(MessageNotFound):
        store.record_feedback(answer.id, helpful=True, conversation_id=other.id)
    with pytest.raises(MessageNotFound):
        store.record_feedback(10**9, helpful=True)


def test_customer_details_rating_and_misses(store):
    c, _ = store.create_conversation(customer_name="Rosa")
    assert store.update_customer(c.id, email="rosa@example.net").customer_name == "Rosa"
    assert store.set_misses(c.id, 2).misses == 2
    rated = store.record_rating(c.id, 4, "quick")
    assert (rated.rating, rated.rating_comment, rated.customer_email) == (4, "quick", "rosa@example.net")
    with pytest.raises(InvalidInput):
        store.record_rating(c.id, 6, None)
    assert store.get(c.id).rating == 4


# -- state ------------------------------------------------------------------------------------
def test_transition_records_who_and_why_and_a_system_line(store, bus, clock):
    c, _ = store.create_conversation()
    clock.advance(seconds=30)
    won = store.transition(
        c.id,
        expected={State.BOT},
        to=State.PENDING,
        actor="bot",
        reason="sensitive:security",
        notice="A person will join shortly.",
    )
    assert won is not None
    assert won.conversation.state is State.PENDING and won.conversation.handoff_reason == "sensitive:security"
    assert won.conversation.state_changed_at == clock.now
    assert (won.change.from_state, won.change.to_state, won.change.actor, won.change.reason) == (
        State.BOT,
        State.PENDING,
        "bot",
        "sensitive:security",
    )
    assert (won.message.role, won.message.kind, won.message.text) == (
        Role.SYSTEM,
        Kind.STATE,
        "A person will join shortly.",
    )
    assert won.message.meta["to"] == "pending" and won.message.meta["state_change_id"] == won.change.id
    assert store.state_changes(c.id) == [won.change]
    assert bus.published[-1].id == won.message.id

    claimed = store.transition(
        c.id,
        expected={State.PENDING},
        to=State.AGENT,
        actor="agent:U1",
        reason="claimed",
        agent_id="U1",
        agent_name="Ana",
    )
    assert (claimed.conversation.agent_id, claimed.conversation.agent_name) == ("U1", "Ana")
    assert "Ana" in claimed.message.text  # the default notice names the agent
    back = store.transition(
        c.id, expected={State.PENDING, State.AGENT}, to=State.BOT, actor="agent:U1", reason="returned"
    )
    assert back.change.from_state is State.AGENT  # known even with several expected states
    assert back.conversation.agent_id is None
    assert [s.to_state for s in store.state_changes(c.id)] == [State.PENDING, State.AGENT, State.BOT]


def test_a_lost_transition_changes_nothing(store, engine):
    c, _ = store.create_conversation()
    before = _count(engine, MessageRow)
    assert store.transition(c.id, expected={State.AGENT}, to=State.RESOLVED, actor="timer", reason="idle") is None
    assert store.get(c.id).state is State.BOT
    assert store.state_changes(c.id) == []
    assert _count(engine, MessageRow) == before


def test_concurrent_claims_have_exactly_one_winner(store):
    c, _ = store.create_conversation()
    store.transition(c.id, expected={State.BOT}, to=State.PENDING, actor="bot", reason="customer_request")
    barrier = threading.Barrier(8)
    results: list = [None] * 8
    errors: list[BaseException] = []

    def claim(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = store.transition(
                c.id,
                expected={State.PENDING},
                to=State.AGENT,
                actor=f"agent:U{i}",
                reason="claimed",
                agent_id=f"U{i}",
                agent_name=f"Agent {i}",
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    final = store.get(c.id)
    assert final.state is State.AGENT and final.agent_id == winners[0].conversation.agent_id
    assert [s.to_state for s in store.state_changes(c.id)] == [State.PENDING, State.AGENT]
    assert sum(m.kind is Kind.STATE for m in store.messages(c.id)) == 2


def test_concurrent_writers_to_one_conversation_lose_nothing(store):
    c, _ = store.create_conversation()

    def write(i: int) -> None:
        for j in range(5):
            store.add_message(c.id, role=Role.CUSTOMER, text=f"{i}-{j}")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    got = store.messages(c.id)
    assert sorted(m.text for m in got) == sorted(f"{i}-{j}" for i in range(4) for j in range(5))
    assert [m.id for m in got] == sorted(m.id for m in got)


# -- timers -----------------------------------------------------------------------------------
def test_pending_and_idle_queries_follow_the_clock(store, clock):
    waiting, _ = store.create_conversation()
    store.transition(waiting.id, expected={State.BOT}, to=State.PENDING, actor="bot", reason="customer_request")
    busy, _ = store.create_conversation()
    clock.advance(seconds=1)
    store.transition(busy.id, expected={State.BOT}, to=State.PENDING, actor="bot", reason="complaint")
    store.transition(
        busy.id, expected={State.PENDING}, to=State.AGENT, actor="agent:U1", reason="claimed", agent_id="U1"
    )
    start = clock.now

    clock.advance(minutes=10)
    store.add_message(busy.id, role=Role.CUSTOMER, text="still there?")
    assert [x.id for x in store.pending_since(start + timedelta(minutes=5))] == [waiting.id]
    assert store.pending_since(start - timedelta(seconds=1)) == []
    assert store.conversations_idle_since(State.AGENT, start + timedelta(minutes=5)) == []

    clock.advance(minutes=30)
    idle = store.conversations_idle_since(State.AGENT, clock.now - timedelta(minutes=20))
    assert [x.id for x in idle] == [busy.id]
    assert [x.id for x in store.list_by_state([State.PENDING, State.AGENT])] == [waiting.id, busy.id]


# -- events -----------------------------------------------------------------------------------
def test_every_stored_message_is_published_after_commit(engine, clock):
    seen: list[tuple[LiveEvent, bool]] = []

    class CheckingBus(InProcessBus):
        def publish(self, event: LiveEvent) -> None:
            # A stream woken by this event must find the row from another connection.
            seen.append((event, reader.get_message(event.id) is not None))

    sessions = make_sessionmaker(engine)
    reader = ConversationStore(sessions)
    store = ConversationStore(sessions, bus=CheckingBus(), clock=clock)
    c, _ = store.create_conversation()
    said = store.add_message(c.id, role=Role.CUSTOMER, text="hi")
    won = store.transition(c.id, expected={State.BOT}, to=State.PENDING, actor="customer", reason="customer_request")

    assert [(e.type, e.id, visible) for e, visible in seen] == [
        ("message", said.id, True),
        ("message", won.message.id, True),
    ]
    assert seen[0][0].data == message_to_dict(said)
    assert seen[0][0].conversation_id == c.id


def test_a_failing_bus_loses_no_message(engine, clock):
    class BrokenBus(InProcessBus):
        def publish(self, event: LiveEvent) -> None:
            raise ConnectionError("redis is down")

    store = ConversationStore(make_sessionmaker(engine), bus=BrokenBus(), clock=clock)
    c, _ = store.create_conversation()
    said = store.add_message(c.id, role=Role.CUSTOMER, text="are you there?")
    assert store.messages(c.id) == [said]


def test_subscriber_that_missed_events_catches_up_from_the_store(engine, clock):
    bus = InProcessBus(max_queue=2)
    store = ConversationStore(make_sessionmaker(engine), bus=bus, clock=clock)
    c, _ = store.create_conversation()
    sub = bus.subscribe(c.id)
    first = store.add_message(c.id, role=Role.CUSTOMER, text="one")
    event = sub.get(timeout=1)
    assert event.id == first.id
    last_id = event.id

    later = [store.add_message(c.id, role=Role.BOT, text=str(i)) for i in range(5)]  # overflows the queue
    signal = sub.get(timeout=1)
    assert signal.type == RESYNC
    assert store.messages(c.id, after=last_id) == later
    # What is still queued is the newest tail, already covered by the catch-up.
    assert [sub.get(timeout=1).id for _ in range(2)] == [m.id for m in later[-2:]]
    assert sub.get(timeout=0.01) is None
    sub.close()


def test_a_turn_reads_its_history_on_every_database(engine, clock):
    """The history bound is an INTEGER: Postgres refused the old 2**63 - 1 with a 500 on every message."""
    store = ConversationStore(make_sessionmaker(engine), clock=clock)
    c, _ = store.create_conversation()
    first = store.accept_customer_message(c.id, "is the shop open on sundays?", history=4)
    assert first.history == []
    store.add_message(c.id, role=Role.BOT, text="Yes, 10 to 4.")
    second = store.accept_customer_message(c.id, "and on bank holidays?", history=4)
    assert [m.text for m in second.history] == ["is the shop open on sundays?", "Yes, 10 to 4."]
