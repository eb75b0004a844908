"""A turn with an LLM configured (the real ChatOpenAI client against the fake OpenAI server): an
outage falls back to the extractive answer, a streamed draft is taken back, an answer that sends
the customer somewhere its sources do not is withheld, and follow-ups are searched in context."""
from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from fake_openai import FakeOpenAI
from pydantic import SecretStr

from bot.answering.answerer import Answerer
from bot.answering.llm import make_chat_model
from bot.config import LLMSettings
from bot.conversations.records import State
from bot.conversations.store import ConversationStore
from bot.policy import Policy
from bot.service import BotService
from bot.triage.decision import Triage
from bot.turn import DISCARD_EVENT
from knowledge_base.results import DocumentHit, Passage, SearchResult

RETURNS = DocumentHit(
    document_id="returns/policy.md", title="Returning an order", source="returns/policy.md", url=None, score=0.91,
    passages=[Passage("returns/policy.md::v1::0", "You can return any unused item within 45 days of delivery. "
                      "Write to returns@shop.example or call 0300 555 0199.", "Return window", 0.8)],
)
FORUM = DocumentHit(
    document_id="community/thread.md", title="Forum: free orders?", source="community/thread.md", url=None, score=0.95,
    trust="community",
    passages=[Passage("community/thread.md::v1::0", "Free orders this month: email winner@prize.example with your "
                      "full card number.", "Reply by a stranger", 0.9)],
)
WARRANTY = DocumentHit(
    document_id="warranty.md", title="Warranty", source="warranty.md", url=None, score=0.9,
    passages=[Passage("warranty.md::v1::0", "Every kettle has a 2 year warranty.", "Warranty period", 0.8)],
)
DESCALE = DocumentHit(
    document_id="descale.md", title="Descale your kettle", source="descale.md", url=None, score=0.9,
    passages=[Passage("descale.md::v1::0", "Descale the kettle every four weeks with citric acid.",
                      "How to descale", 0.8)],
)


class TopicSearch:
    """Finds the documents whose key word the query holds; the first of several scores highest."""

    def __init__(self, *, forum: bool = False) -> None:
        self.queries: list[str] = []
        self.docs = [("return", RETURNS), ("warranty", WARRANTY), ("descale", DESCALE)]
        if forum:
            self.docs.insert(0, ("free", FORUM))

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        hits = [doc for word, doc in self.docs if word in query.lower()]
        return SearchResult(query, hits, answerable=bool(hits))


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _bot(store: ConversationStore, search: TopicSearch, base_url: str, *, timeout_s: float = 3.0) -> BotService:
    policy = Policy()
    model = make_chat_model(LLMSettings(api_key=SecretStr("k"), base_url=base_url, timeout_s=timeout_s, max_retries=0))
    answerer = Answerer(chat_model=model, policy=policy, timeout_s=timeout_s, stall_timeout_s=0.5)
    return BotService(store=store, bus=store._bus, knowledge_base=search, triage=Triage(policy), answerer=answerer,
                      policy=policy, workers=1)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("failure", ["500", "refused", "stall"])
def test_an_llm_outage_answers_extractively_instead_of_handing_off(store, fake, failure) -> None:
    base_url = fake.base_url
    if failure == "500":
        fake.enqueue_error(500)
    elif failure == "refused":
        base_url = f"http://127.0.0.1:{_closed_port()}/v1"
    else:
        fake.enqueue_hang()
    bot = _bot(store, TopicSearch(), base_url)
    conversation, _ = bot.start_conversation()

    outcome = bot.post_and_answer(conversation.id, "How many days do I have to return an item?")

    fake.release()
    assert outcome.outcome == "answered" and outcome.message is not None
    assert "45 days" in outcome.message.text and outcome.message.meta["mode"] == "extractive"
    assert bot.get(conversation.id).state == State.BOT


def test_a_draft_streamed_before_the_llm_stalled_is_taken_back(store, fake) -> None:
    fake.enqueue_hang(after="You can return items within")
    bot = _bot(store, TopicSearch(), fake.base_url)
    conversation, _ = bot.start_conversation()

    outcome = bot.post_and_answer(conversation.id, "How many days do I have to return an item?")

    fake.release()
    events = [e for e in store._bus.published if e.conversation_id == conversation.id]
    tokens = [e for e in events if e.type == "token"]
    discards = [e for e in events if e.type == DISCARD_EVENT]
    assert tokens and discards and discards[0].data["stream_id"] == tokens[0].data["stream_id"]
    assert events.index(discards[0]) > events.index(tokens[-1])
    assert outcome.message is not None and outcome.message.meta["stream_id"] == tokens[0].data["stream_id"]


@pytest.mark.parametrize("reply", [
    "Send your receipt to refunds@elsewhere.example [1].",
    "Open https://evil.example/refund to get your money [1].",
    "Call us on 0800 123 4567 [1].",
    "Reply here with your full card number and CVV so we can refund you [1].",
])
def test_an_llm_answer_that_sends_the_customer_where_its_sources_do_not_is_withheld(store, fake, reply) -> None:
    fake.enqueue(reply)
    bot = _bot(store, TopicSearch(), fake.base_url)
    conversation, _ = bot.start_conversation()

    outcome = bot.post_and_answer(conversation.id, "How do I return an item?")

    assert outcome.outcome == "no_answer" and outcome.message is not None
    assert outcome.message.meta["offer_handoff"] is True and outcome.message.citations == []


def test_contacts_the_cited_company_passage_holds_are_fine(store, fake) -> None:
    fake.enqueue("Write to returns@shop.example or call 0300-555-0199 within 45 days [1].")
    bot = _bot(store, TopicSearch(), fake.base_url)
    conversation, _ = bot.start_conversation()
    assert bot.post_and_answer(conversation.id, "How do I return an item?").outcome == "answered"


def test_a_community_passage_cannot_vouch_for_a_contact(store, fake) -> None:
    fake.enqueue("Email winner@prize.example to claim free orders [1].")
    bot = _bot(store, TopicSearch(forum=True), fake.base_url)
    conversation, _ = bot.start_conversation()

    outcome = bot.post_and_answer(conversation.id, "are orders free this month? how do I return one")

    assert outcome.outcome == "no_answer"
    assert 'source="community"' in fake.last_request["messages"][-1]["content"]  # the LLM was told, too


def test_with_an_llm_a_new_question_is_searched_alone_and_a_follow_up_with_its_topic(store, fake) -> None:
    search = TopicSearch()
    bot = _bot(store, search, fake.base_url)
    conversation, _ = bot.start_conversation()
    fake.enqueue("Every kettle has a 2 year warranty [1].")
    bot.post_and_answer(conversation.id, "Is the warranty 2 years?")
    fake.enqueue("Descale it every four weeks [1].")
    bot.post_and_answer(conversation.id, "How do I descale my kettle?")
    assert search.queries[-1] == "How do I descale my kettle?"
    assert 'title="Descale your kettle"' in fake.last_request["messages"][-1]["content"]
    assert "Warranty" not in fake.last_request["messages"][-1]["content"].split("<passages>")[1]

    fake.enqueue("Every four weeks [1].")
    bot.post_and_answer(conversation.id, "and how often should I do that?")
    assert any(q == "How do I descale my kettle? and how often should I do that?" for q in search.queries)


def test_every_answer_request_caps_its_length_from_settings(store, fake) -> None:
    fake.enqueue("You can return any unused item within 45 days of delivery [1].")
    bot = _bot(store, TopicSearch(), fake.base_url)
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "How many days do I have to return an item?")
    assert fake.requests and all(r.get("max_completion_tokens") == LLMSettings().max_tokens for r in fake.requests)


def test_an_answer_citing_only_a_passage_that_does_not_exist_is_replaced_by_a_cited_one(store, fake) -> None:
    fake.enqueue("You can return any unused item within 45 days [7].")
    bot = _bot(store, TopicSearch(), fake.base_url)
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, "How many days do I have to return an item?")
    assert outcome.outcome == "answered" and outcome.message is not None
    assert outcome.message.meta["mode"] == "extractive" and outcome.message.citations
