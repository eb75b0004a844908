"""Turns cut off with their instance are answered by a sweeper, once, through the normal turn; on SQLite
and (with DATABASE_URL) on Postgres. Instances are simulated by services with their own owner id,
engine and lease clock on one database; a 'dead' instance is one whose message was stored claimed
and whose turn never ran."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from bot.answering.answerer import Answerer
from bot.config import DatabaseSettings, RecoverySettings
from bot.conversations.database import make_engine, make_sessionmaker
from bot.conversations.events import InProcessBus
from bot.conversations.models import MessageRow
from bot.conversations.records import Kind, Message, Role, State, TurnLease
from bot.conversations.store import ConversationStore
from bot.conversations.turn_claims import TurnClaims
from bot.policy import Policy
from bot.recovery.leases import TurnLeases
from bot.recovery.sweeper import TurnSweeper
from bot.service import BotService
from bot.triage.decision import Triage
from tests.bot.test_turns import FakeSearch, RecordingDesk
from tests.doubles import FakeClock

LEASE = timedelta(seconds=30)
QUESTION = "How many days do I have to return something?"


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class BlockingAnswerer(Answerer):
    """An extractive answerer whose answers wait for `release` (a slow LLM)."""

    def __init__(self, policy: Policy) -> None:
        super().__init__(chat_model=None, policy=policy)
        self.started = threading.Event()
        self.release = threading.Event()

    def answer(self, *args, **kwargs):  # type: ignore[override]
        self.started.set()
        assert self.release.wait(30), "the test never released the slow answer"
        return super().answer(*args, **kwargs)


@dataclass
class Instance:
    """One server process: its own engine, store, bot, leases and sweeper."""

    store: ConversationStore
    bot: BotService
    leases: TurnLeases
    sweeper: TurnSweeper
    claims: TurnClaims
    monotonic: FakeMonotonic
    desk: RecordingDesk
    engine: Engine


@pytest.fixture
def instances(db_url: str, engine: Engine, clock: FakeClock) -> Iterator:
    made: list[Instance] = []

    def make(name: str, *, answerer: Answerer | None = None, settings: RecoverySettings | None = None) -> Instance:
        own = make_engine(DatabaseSettings(url=db_url))  # migrated by the `engine` fixture
        store = ConversationStore(make_sessionmaker(own), clock=clock)
        policy, desk, monotonic = Policy(), RecordingDesk(), FakeMonotonic()
        leases = TurnLeases(owner=f"instance-{name}", lease=LEASE, clock=clock, monotonic=monotonic)
        bot = BotService(store=store, bus=InProcessBus(), knowledge_base=FakeSearch(), triage=Triage(policy),
                         answerer=answerer or Answerer(chat_model=None, policy=policy), policy=policy, desk=desk,
                         workers=4, clock=clock, leases=leases)
        claims = TurnClaims(own)
        sweeper = TurnSweeper(claims=claims, leases=leases, bot=bot, clock=clock,
                              settings=settings or RecoverySettings(lease_s=LEASE.total_seconds()))
        instance = Instance(store, bot, leases, sweeper, claims, monotonic, desk, own)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.bot.shutdown(wait=True)
        instance.engine.dispose()


def _stored_by_dead_instance(instance: Instance, text: str = QUESTION, *,
                             conversation_id: str | None = None) -> Message:
    """What a crash leaves: the message stored with the dead instance's lease, and no turn ever run."""
    if conversation_id is None:
        conversation_id = instance.bot.start_conversation()[0].id
    accepted = instance.store.accept_customer_message(conversation_id, text, history=0, lease=instance.leases.new())
    assert accepted.lease is not None and accepted.lease.message_id == accepted.message.id
    return accepted.message


def _replies(store: ConversationStore, conversation_id: str, *, wait_for: int = 0,
             timeout: float = 20) -> list[Message]:
    deadline = time.monotonic() + timeout
    while True:
        replies = [m for m in store.messages(conversation_id) if m.role == Role.BOT and m.kind == Kind.TEXT]
        if len(replies) >= wait_for or time.monotonic() > deadline:
            return replies
        time.sleep(0.02)


def _lease_of(engine: Engine, message_id: int) -> tuple:
    with engine.connect() as c:
        row = c.execute(select(MessageRow.turn_until, MessageRow.turn_owner).where(MessageRow.id == message_id)).one()
    return tuple(row)


def test_a_turn_cut_off_is_answered_once_its_lease_runs_out_and_the_log_says_why(instances, clock, caplog) -> None:
    dead, alive = instances("dead"), instances("alive")
    message = _stored_by_dead_instance(dead)

    clock.advance(seconds=LEASE.total_seconds() - 1)
    assert alive.sweeper.run_once().resumed == ()  # the lease still holds: its instance may be answering

    clock.advance(seconds=2)
    with caplog.at_level(logging.WARNING, logger="bot.recovery.sweeper"):
        report = alive.sweeper.run_once()
    assert report.resumed == (message.id,)
    replies = _replies(alive.store, message.conversation_id, wait_for=1)
    assert len(replies) == 1 and "45 days" in replies[0].text
    line = next(r.getMessage() for r in caplog.records if str(message.id) in r.getMessage())
    assert "answering message" in line and message.conversation_id in line and "instance-dead" in line
    assert "lease" in line


def test_a_normal_turn_is_never_taken_over_and_its_lease_is_settled_later(instances, clock, engine) -> None:
    one, other = instances("one"), instances("other")
    conversation, _ = one.bot.start_conversation()
    outcome = one.bot.post_and_answer(conversation.id, QUESTION)
    assert outcome.outcome == "answered" and one.leases.held() == []
    customer = next(m for m in one.store.messages(conversation.id) if m.role == Role.CUSTOMER)
    assert _lease_of(engine, customer.id)[1] == "instance-one"

    clock.advance(seconds=LEASE.total_seconds() + 1)
    report = other.sweeper.run_once()
    assert report.resumed == () and report.settled == 1
    assert _lease_of(engine, customer.id) == (None, None)  # out of the partial index
    assert len(_replies(one.store, conversation.id)) == 1


def test_two_sweepers_on_one_database_never_answer_a_message_twice(instances, clock) -> None:
    dead, first, second = instances("dead"), instances("first"), instances("second")
    messages = [_stored_by_dead_instance(dead, f"{QUESTION} (customer {i})") for i in range(6)]
    clock.advance(seconds=LEASE.total_seconds() + 1)
    barrier = threading.Barrier(2)
    reports: dict[str, list[int]] = {"first": [], "second": []}

    def sweep(name: str, instance: Instance) -> None:
        barrier.wait(timeout=10)
        for _ in range(3):
            reports[name] += instance.sweeper.run_once().resumed

    threads = [threading.Thread(target=sweep, args=item) for item in (("first", first), ("second", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert sorted(reports["first"] + reports["second"]) == [m.id for m in messages]  # each taken once
    for m in messages:
        assert len(_replies(first.store, m.conversation_id, wait_for=1)) == 1
    time.sleep(0.3)  # a second answer, had there been one, would have landed by now
    assert all(len(_replies(first.store, m.conversation_id)) == 1 for m in messages)


def test_a_renewed_lease_is_not_taken_during_a_slow_turn(instances, clock, engine) -> None:
    slow = BlockingAnswerer(Policy())
    answering, other = instances("answering", answerer=slow), instances("other")
    conversation, _ = answering.bot.start_conversation()
    message = answering.bot.post_customer_message(conversation.id, QUESTION)
    assert slow.started.wait(10)
    try:
        for _ in range(4):  # two lease lengths of a slow LLM, renewed every third of a lease
            answering.monotonic.now += LEASE.total_seconds() / 3
            clock.advance(seconds=LEASE.total_seconds() / 2)
            assert answering.sweeper.renew() == 1
            assert other.sweeper.run_once().resumed == ()
        assert _lease_of(engine, message.id)[1] == "instance-answering"
    finally:
        slow.release.set()
    assert len(_replies(answering.store, conversation.id, wait_for=1)) == 1
    time.sleep(0.3)
    assert len(_replies(answering.store, conversation.id)) == 1


def test_an_expired_lease_is_taken_over_and_the_late_first_answer_is_not_stored(instances, clock) -> None:
    slow = BlockingAnswerer(Policy())
    stalled, other = instances("stalled", answerer=slow), instances("other")
    conversation, _ = stalled.bot.start_conversation()
    message = stalled.bot.post_customer_message(conversation.id, QUESTION)
    assert slow.started.wait(10)
    clock.advance(seconds=LEASE.total_seconds() + 1)  # no renewal: the instance is stalled (or its database was)

    assert other.sweeper.run_once().resumed == (message.id,)
    assert len(_replies(other.store, conversation.id, wait_for=1)) == 1
    slow.release.set()  # the stalled instance comes back and finishes its turn
    stalled.bot.shutdown(wait=True)
    assert len(_replies(other.store, conversation.id)) == 1  # its answer was refused: the turn is not its own


def test_a_message_too_old_is_not_answered_late_but_handed_to_a_person(instances, clock, caplog) -> None:
    dead, alive = instances("dead"), instances("alive", settings=RecoverySettings(max_age_s=3600))
    message = _stored_by_dead_instance(dead)
    clock.advance(hours=2)

    with caplog.at_level(logging.WARNING, logger="bot.recovery.sweeper"):
        report = alive.sweeper.run_once()

    assert report.handed_over == (message.id,) and report.resumed == ()
    assert _replies(alive.store, message.conversation_id) == []  # no stale answer
    conversation = alive.bot.get(message.conversation_id)
    assert conversation.state == State.PENDING and conversation.handoff_reason == "bot_error"
    assert [r.reason for r in alive.desk.requests] == ["bot_error"]
    state_line = next(m for m in alive.store.messages(conversation.id) if m.kind == Kind.STATE)
    assert state_line.meta["recovered"] == "too_old" and state_line.meta["recovered_message_id"] == message.id
    assert any("NOT answered late" in r.getMessage() and str(message.id) in r.getMessage() for r in caplog.records)
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert alive.sweeper.run_once() == type(report)()  # nothing left to do


def test_of_two_messages_cut_off_in_one_conversation_the_newest_is_answered_with_the_first_as_history(
    instances, clock,
) -> None:
    dead, alive = instances("dead"), instances("alive")
    first = _stored_by_dead_instance(dead, "hello there")
    second = _stored_by_dead_instance(dead, QUESTION, conversation_id=first.conversation_id)
    clock.advance(seconds=LEASE.total_seconds() + 1)

    assert alive.sweeper.run_once().resumed == (second.id,)
    replies = _replies(alive.store, first.conversation_id, wait_for=1)
    assert len(replies) == 1 and "45 days" in replies[0].text
    time.sleep(0.2)
    alive.bot.shutdown(wait=True)
    clock.advance(seconds=LEASE.total_seconds() + 1)
    report = alive.sweeper.run_once()
    assert report.resumed == () and report.settled == 2  # the reply to the newest finished both turns


def test_an_answer_to_an_earlier_message_does_not_finish_a_later_turn(instances, clock, engine) -> None:
    """Two turns at once, and the instance dies during the second after the first was answered."""
    dead, alive = instances("dead"), instances("alive")
    first = _stored_by_dead_instance(dead, "hello there")
    second = _stored_by_dead_instance(dead, QUESTION, conversation_id=first.conversation_id)
    dead.store.add_bot_message(first.conversation_id, text="Hi! How can I help?",
                               turn=TurnLease("instance-dead", clock(), first.id))
    clock.advance(seconds=LEASE.total_seconds() + 1)

    assert alive.sweeper.run_once().resumed == (second.id,)
    assert len(_replies(alive.store, first.conversation_id, wait_for=2)) == 2


def test_a_turn_that_keeps_dying_goes_to_a_person(instances, clock) -> None:
    dead = instances("dead")
    message = _stored_by_dead_instance(dead)
    for attempt in range(2):  # each sweeper takes it over, then dies with it (its turn never runs)
        clock.advance(seconds=LEASE.total_seconds() + 1)
        doomed = instances(f"doomed-{attempt}", settings=RecoverySettings(max_recoveries=2))
        assert doomed.claims.take_over(message.id, owner=doomed.leases.owner, now=clock(), until=doomed.leases.until())
    clock.advance(seconds=LEASE.total_seconds() + 1)
    last = instances("last", settings=RecoverySettings(max_recoveries=2))

    report = last.sweeper.run_once()

    assert report.handed_over == (message.id,) and report.resumed == ()
    state_line = next(m for m in last.store.messages(message.conversation_id) if m.kind == Kind.STATE)
    assert state_line.meta["recovered"] == "died_again"


def test_a_graceful_stop_leaves_its_running_turns_to_another_instance_at_once(instances, clock) -> None:
    slow = BlockingAnswerer(Policy())
    stopping, other = instances("stopping", answerer=slow), instances("other")
    conversation, _ = stopping.bot.start_conversation()
    message = stopping.bot.post_customer_message(conversation.id, QUESTION)
    assert slow.started.wait(10)
    assert other.sweeper.run_once().resumed == ()

    stopping.sweeper.stop()  # a deploy: SIGTERM while the LLM streams
    clock.advance(seconds=0.001)

    assert other.sweeper.run_once().resumed == (message.id,)  # no lease to wait out
    slow.release.set()
    assert len(_replies(other.store, conversation.id, wait_for=1)) == 1
    stopping.bot.shutdown(wait=True)
    assert len(_replies(other.store, conversation.id)) == 1


def test_a_message_for_a_person_carries_no_lease(instances, engine) -> None:
    one = instances("one")
    conversation, _ = one.bot.start_conversation()
    one.bot.request_person(conversation.id)
    message = one.bot.post_customer_message(conversation.id, "are you there?")
    assert _lease_of(engine, message.id) == (None, None) and one.leases.held() == []


def test_a_second_answer_to_one_message_is_never_stored(instances, clock) -> None:
    """The race the lease check cannot see on Postgres (two transactions at once): the database refuses it."""
    dead, alive = instances("dead"), instances("alive")
    message = _stored_by_dead_instance(dead)
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert alive.claims.take_over(message.id, owner=alive.leases.owner, now=clock(), until=alive.leases.until())
    turn = TurnLease(alive.leases.owner, alive.leases.until(), message.id)  # both writers pass the lease check
    first = alive.store.add_bot_message(message.conversation_id, text="Within 45 days.", turn=turn)
    second = alive.store.add_bot_message(message.conversation_id, text="45 days, again.", turn=turn)
    assert first is not None and second is None
    assert [m.text for m in _replies(alive.store, message.conversation_id)] == ["Within 45 days."]


def test_a_message_that_reopens_a_resolved_conversation_is_claimed(instances, engine) -> None:
    """Resolved as the message arrives: the service takes it back to the bot and runs a turn, so it is claimed."""
    one = instances("one")
    conversation, _ = one.bot.start_conversation()
    one.store.transition(conversation.id, expected=(State.BOT,), to=State.RESOLVED, actor="agent", reason="done")
    accepted = one.store.accept_customer_message(conversation.id, QUESTION, history=0, lease=one.leases.new())
    assert accepted.conversation.state == State.RESOLVED and accepted.lease is not None
    assert _lease_of(engine, accepted.message.id)[1] == "instance-one"


def test_a_turn_running_here_is_not_taken_over_by_this_process_when_its_renewal_is_late(instances, clock) -> None:
    """The renewal ran late (a slow pass, a database blip): the lease expired, but the turn is alive here."""
    slow = BlockingAnswerer(Policy())
    calls: list[int] = []
    original = slow.answer

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kwargs)

    slow.answer = counting  # type: ignore[method-assign]
    one = instances("one", answerer=slow)
    conversation, _ = one.bot.start_conversation()
    message = one.bot.post_customer_message(conversation.id, QUESTION)
    assert slow.started.wait(10)
    clock.advance(seconds=LEASE.total_seconds() + 1)
    try:
        assert one.sweeper.run_once().resumed == ()
        time.sleep(0.2)
        assert calls == [1] and one.leases.held() == [message.id]
    finally:
        slow.release.set()
    assert len(_replies(one.store, conversation.id, wait_for=1)) == 1


def test_two_turns_on_one_message_keep_it_held_until_both_end(clock) -> None:
    monotonic = FakeMonotonic()
    leases = TurnLeases(owner="one", lease=LEASE, clock=clock, monotonic=monotonic)
    leases.hold(7)
    leases.hold(7)  # a second turn on the same message (taken over here from a stalled turn)
    leases.drop(7)
    monotonic.now += LEASE.total_seconds() / 3
    assert leases.held() == [7] and leases.due() == [7]  # the turn still running is still renewed
    leases.drop(7)
    assert leases.held() == [] and leases.due() == []


class SlowHandOver:
    """A bot whose hand-overs take long (an LLM summary, a slow Slack API) until released."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def resume_turn(self, lease: TurnLease) -> None:
        raise AssertionError("nothing is answered late here")

    def hand_over_unanswered(self, lease: TurnLease, *, detail: dict) -> None:
        self.started.set()
        assert self.release.wait(30), "the test never released the hand-over"


def _busy_sweeper(instances, clock) -> tuple[TurnSweeper, SlowHandOver, TurnLeases, FakeMonotonic, Message]:
    """A sweeper whose first pass hands over an old message slowly, in a process running a turn of its own."""
    dead, here = instances("dead"), instances("here")
    _stored_by_dead_instance(dead)
    clock.advance(hours=2)
    monotonic = FakeMonotonic()
    leases = TurnLeases(owner="instance-here", lease=timedelta(seconds=0.6), clock=clock, monotonic=monotonic)
    own = here.store.accept_customer_message(here.bot.start_conversation()[0].id, QUESTION, history=0,
                                             lease=leases.new()).message
    leases.hold(own.id)
    bot = SlowHandOver()
    sweeper = TurnSweeper(claims=here.claims, leases=leases, bot=bot, clock=clock,
                          settings=RecoverySettings(max_age_s=60, sweep_every_s=0.05))
    return sweeper, bot, leases, monotonic, own


def test_renewals_go_on_while_a_pass_is_busy_handing_over(instances, clock, engine) -> None:
    sweeper, bot, leases, monotonic, own = _busy_sweeper(instances, clock)
    sweeper.start()
    try:
        assert bot.started.wait(10)  # the pass is inside a slow hand-over
        before = _lease_of(engine, own.id)[0]
        monotonic.now += 1.0  # this process's turn has run a third of its lease: due for renewal
        clock.advance(seconds=0.2)
        deadline = time.monotonic() + 5
        while _lease_of(engine, own.id)[0] == before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _lease_of(engine, own.id) != (before, "instance-here")  # renewed during the hand-over
        assert _lease_of(engine, own.id)[1] == "instance-here"
    finally:
        bot.release.set()
        sweeper.stop()


def test_stopping_waits_for_a_busy_pass_no_longer_than_the_graceful_timeout_allows(instances, clock, engine) -> None:
    sweeper, bot, leases, _, own = _busy_sweeper(instances, clock)
    sweeper.start()
    try:
        assert bot.started.wait(10)
        started = time.monotonic()
        sweeper.stop()  # in the SIGTERM handler: gunicorn's graceful timeout is 3 s
        assert time.monotonic() - started < 2.0
        assert _lease_of(engine, own.id)[0] == clock()  # its running turn was still left to another instance
    finally:
        bot.release.set()


def test_a_message_stored_as_its_conversation_was_resolved_is_still_recovered(instances, clock) -> None:
    """The service reopens the conversation after storing the message; the reopen's state line is no reply."""
    dead, alive = instances("dead"), instances("alive")
    conversation, _ = dead.bot.start_conversation()
    dead.store.transition(conversation.id, expected=(State.BOT,), to=State.RESOLVED, actor="agent", reason="done")
    message = _stored_by_dead_instance(dead, conversation_id=conversation.id)
    dead.store.transition(conversation.id, expected=(State.RESOLVED,), to=State.BOT, actor="customer",
                          reason="new_message", notice="", detail={"quiet": True})  # then the instance died
    clock.advance(seconds=LEASE.total_seconds() + 1)

    assert alive.sweeper.run_once().resumed == (message.id,)
    assert len(_replies(alive.store, conversation.id, wait_for=1)) == 1


def test_a_turn_handed_to_a_person_is_finished_even_once_the_conversation_is_back_with_the_bot(
    instances, clock,
) -> None:
    dead, alive = instances("dead"), instances("alive")
    message = _stored_by_dead_instance(dead)
    dead.store.transition(message.conversation_id, expected=(State.BOT,), to=State.PENDING, actor="bot",
                          reason="customer_request")
    dead.store.transition(message.conversation_id, expected=(State.PENDING,), to=State.BOT, actor="agent",
                          reason="back_to_bot")
    clock.advance(seconds=LEASE.total_seconds() + 1)

    report = alive.sweeper.run_once()
    assert report.resumed == () and report.settled == 1


def test_a_message_stored_in_a_resolved_conversation_is_answered_when_its_instance_died_before_reopening_it(
    instances, clock,
) -> None:
    dead, alive = instances("dead"), instances("alive")
    conversation, _ = dead.bot.start_conversation()
    dead.store.transition(conversation.id, expected=(State.BOT,), to=State.RESOLVED, actor="agent", reason="done")
    message = _stored_by_dead_instance(dead, conversation_id=conversation.id)  # and the instance died here
    clock.advance(seconds=LEASE.total_seconds() + 1)

    assert alive.sweeper.run_once().resumed == (message.id,)
    assert len(_replies(alive.store, conversation.id, wait_for=1)) == 1
    assert alive.bot.get(conversation.id).state == State.BOT


def test_a_turn_whose_customer_closed_the_conversation_is_finished(instances, clock) -> None:
    dead, alive = instances("dead"), instances("alive")
    message = _stored_by_dead_instance(dead)
    dead.bot.close(message.conversation_id)
    clock.advance(seconds=LEASE.total_seconds() + 1)

    report = alive.sweeper.run_once()
    assert report.resumed == () and report.settled == 1


def test_a_turn_ended_by_asking_for_an_email_is_not_run_again(instances, clock) -> None:
    """Over the desk budget a handoff ends the turn with "nobody is free, leave your email" (a notice) and
    the conversation stays with the bot: that turn is over, not cut off (review: re-run in floods)."""
    one, other = instances("one"), instances("other")
    message = _stored_by_dead_instance(one)
    one.bot._escalation.ask_email(one.bot.get(message.conversation_id), "handoff_unavailable")
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert other.sweeper.run_once().resumed == ()
