"""Records made without their dataclass __init__ (record_maker): equal to __init__'s, and what a turn reads."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from bot.conversations.record_maker import record_maker
from bot.conversations.records import Citation, Conversation, Kind, Message, Role, State
from bot.conversations.row_records import CONVERSATION_FIELDS, MESSAGE_FIELDS, citation_record


def test_a_made_record_equals_the_one_init_makes_and_stays_frozen() -> None:
    now = datetime(2026, 12, 6, tzinfo=UTC)
    values = (7, "c1", Role.BOT, Kind.TEXT, "hi", now, [Citation(1, "d", "T", None, "s")], None, {"a": 1})
    made = record_maker(Message, MESSAGE_FIELDS)(*values)
    built = Message(**dict(zip(MESSAGE_FIELDS, values, strict=True)))
    assert made == built and hash(made.id) == hash(built.id) and repr(made) == repr(built)
    assert dataclasses.astuple(made) == dataclasses.astuple(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]
    conversation = record_maker(Conversation, CONVERSATION_FIELDS)(
        "c1", State.BOT, now, now, *([None] * 7), 0, None, None, None, None, None)
    assert conversation == Conversation(id="c1", state=State.BOT, created_at=now, updated_at=now)
    assert hash(conversation) == hash(Conversation(id="c1", state=State.BOT, created_at=now, updated_at=now))


def test_a_class_it_cannot_make_whole_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            assert self.a > 0

    @dataclasses.dataclass
    class Mutable:
        a: int

    with pytest.raises(TypeError, match="post_init"):
        record_maker(Checked, ("a",))
    with pytest.raises(TypeError, match="not a frozen"):
        record_maker(Mutable, ("a",))
    with pytest.raises(TypeError, match="fields are"):
        record_maker(Message, MESSAGE_FIELDS[:-1])  # a field left out (or a new one not given) is refused
    with pytest.raises(ValueError):
        record_maker(Citation, ("number", "document_id", "title", "url", "source"))(1, "d")


def test_a_stored_citation_is_made_as_its_init_would_and_any_other_dict_goes_through_init() -> None:
    stored = {"number": 2, "document_id": "d", "title": "T", "url": None, "source": "s"}
    assert citation_record(stored) == Citation(**stored)
    reordered = {"source": "s", "number": 2, "document_id": "d", "title": "T", "url": None}
    assert citation_record(reordered) == Citation(**stored)
    with pytest.raises(TypeError):
        citation_record({**stored, "extra": 1})
    with pytest.raises(TypeError):
        citation_record({"number": 2})


def test_a_turn_reads_and_stores_its_records_without_their_init(store, monkeypatch) -> None:
    """The turn's history, the message it stores and the conversation it reads are made by
    `record_maker`, not by the frozen dataclasses' slower __init__ (and are the records it would make)."""
    conversation, token = store.create_conversation(locale="en")
    store.add_message(conversation.id, role="bot", text="earlier", citations=[Citation(1, "d", "T", None, "s")])
    expected = store.messages(conversation.id)

    def refused(self, *args, **kwargs):
        raise AssertionError("built through __init__")

    monkeypatch.setattr(Message, "__init__", refused)
    monkeypatch.setattr(Conversation, "__init__", refused)
    monkeypatch.setattr(Citation, "__init__", refused)
    assert store.authenticate(conversation.id, token) is not None
    accepted = store.accept_customer_message(conversation.id, "and on sundays?", history=4)
    assert accepted.history == expected
    assert accepted.message.text == "and on sundays?" and accepted.message.role is Role.CUSTOMER
    assert accepted.conversation.id == conversation.id
    assert store.add_bot_message(conversation.id, text="yes") is not None
