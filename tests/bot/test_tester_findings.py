"""Findings of the hostile-user pass (tester, 2026-12-05), each as a test that fails today.

Marked xfail(strict=True) with the reason, so the suite stays green and a fix turns them into
unexpected passes that tell whoever fixed it to drop the mark.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from fake_openai import FakeOpenAI
from pydantic import SecretStr

from bot.answering.answerer import Answerer
from bot.answering.llm import make_chat_model
from bot.attachments.scrub import scrub
from bot.config import LLMSettings
from bot.conversations.records import Role
from bot.conversations.store import ConversationStore
from bot.errors import InvalidInput
from bot.policy import Policy
from bot.service import BotService
from bot.triage.decision import Triage
from knowledge_base.results import DocumentHit, Passage, SearchResult

RETURNS = DocumentHit(
    document_id="returns/policy.md", title="Returning an order", source="returns/policy.md", url=None, score=0.91,
    passages=[Passage("returns/policy.md::v1::0", "You can return any unused item within 45 days of delivery.",
                      "Return window", 0.8)],
)


class _ReturnsSearch:
    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        return SearchResult(query, [RETURNS], answerable=True)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _bot(store: ConversationStore, base_url: str | None = None) -> BotService:
    policy = Policy()
    answerer = Answerer(chat_model=None, policy=policy)
    if base_url is not None:
        model = make_chat_model(LLMSettings(api_key=SecretStr("k"), base_url=base_url, timeout_s=3.0, max_retries=0))
        answerer = Answerer(chat_model=model, policy=policy, timeout_s=3.0, stall_timeout_s=0.5)
    return BotService(store=store, bus=store._bus, knowledge_base=_ReturnsSearch(), triage=Triage(policy),
                      answerer=answerer, policy=policy, workers=1)


@pytest.mark.parametrize("invisible", ["\u200e", "\u202e", "\ufeff"])
def test_an_email_with_an_invisible_character_is_refused_or_cleaned(store, invisible) -> None:
    bot = _bot(store)
    conversation, _ = bot.start_conversation()
    try:
        bot.provide_email(conversation.id, f"kim@example.org{invisible}")
    except InvalidInput:
        return  # refused: the customer can correct it
    stored = bot.get(conversation.id).customer_email
    assert stored is not None
    stored.encode("ascii")  # what smtplib / email.headerregistry need for an address without SMTPUTF8


def test_a_stream_cut_off_midway_is_not_stored_as_the_answer(store, fake) -> None:
    fake.release()  # the hang below then ends at once: the body closes after the partial text, unfinished
    fake.enqueue_hang(after="You can return any unused item within")
    bot = _bot(store, fake.base_url)
    conversation, _ = bot.start_conversation()

    outcome = bot.post_and_answer(conversation.id, "How many days do I have to return an item?")

    assert outcome.message is not None
    assert "45 days" in outcome.message.text  # the extractive fallback, not the cut-off draft


def _pdf_with_page_actions() -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    js = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                           NameObject("/JS"): TextStringObject("app.alert('page open')")})
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): js})
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})
    annot = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
                              NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(200),
                                                                FloatObject(200)]),
                              NameObject("/A"): launch})
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])
    writer.add_attachment("invoice.exe", b"MZ not really an executable")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_customer_pdf_loses_page_actions_and_embedded_files() -> None:
    clean = scrub(_pdf_with_page_actions(), "application/pdf")
    for marker in (b"/JavaScript", b"/Launch", b"/EmbeddedFile", b"MZ not really"):
        assert marker not in clean, marker


def test_the_console_transcript_shows_the_newest_messages(store) -> None:
    from sqlalchemy.orm import sessionmaker

    from bot.admin.conversations import ConversationsService

    conversation, _ = store.create_conversation()
    for i in range(1001):
        store.add_message(conversation.id, role=Role.CUSTOMER, text=f"message {i}")
    service = ConversationsService(sessionmaker(), store, operators=None)
    transcript = service.transcript(conversation.id)
    assert transcript.messages[-1].text == "message 1000"


def test_a_message_sent_as_the_agent_resolves_is_answered_or_relayed(store) -> None:
    from bot.conversations.records import State

    bot = _bot(store)
    conversation, _ = bot.start_conversation()
    store.transition(conversation.id, expected=(State.BOT,), to=State.PENDING, actor="bot", reason="customer_request")
    store.transition(conversation.id, expected=(State.PENDING,), to=State.AGENT, actor="agent:U1", reason="claimed",
                     agent_id="U1", agent_name="Ana")
    as_authenticated = bot.get(conversation.id)  # what the API read when it checked the token
    store.transition(conversation.id, expected=(State.AGENT,), to=State.RESOLVED, actor="agent:U1",
                     reason="resolved_by_agent")  # the agent's click lands in between

    message = bot.post_customer_message(conversation.id, "Thanks! And how many days do I have to return it?",
                                        conversation=as_authenticated)
    bot.shutdown(wait=True)

    after = [m for m in bot.messages(conversation.id) if m.id > message.id]
    assert bot.get(conversation.id).state is State.BOT and any(m.role == Role.BOT for m in after)


def test_the_console_transcript_pages_back_to_the_oldest(store) -> None:
    from sqlalchemy.orm import sessionmaker

    from bot.admin.conversations import ConversationsService

    conversation, _ = store.create_conversation()
    for i in range(5):
        store.add_message(conversation.id, role=Role.CUSTOMER, text=f"message {i}")
    service = ConversationsService(sessionmaker(), store, operators=None)
    newest = service.transcript(conversation.id, limit=3)
    assert [m.text for m in newest.messages] == ["message 2", "message 3", "message 4"] and newest.earlier
    older = service.transcript(conversation.id, before=newest.messages[0].id, limit=3)
    assert [m.text for m in older.messages][-2:] == ["message 0", "message 1"] and not older.earlier
