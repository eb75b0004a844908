"""The customer turn end to end on the real store, triage and extractive answerer (search faked)."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.answering import answerability
from bot.answering.answerer import Answerer
from bot.conversations.records import Conversation, Kind, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.errors import AnswerFailed, ConversationNotFound, InvalidInput
from bot.handoff_port import HandoffRequest
from bot.policy import Policy
from bot.service import BotService
from bot.triage.decision import Triage
from knowledge_base.results import DocumentHit, Passage, SearchResult

RETURNS = DocumentHit(
    document_id="returns/policy.md", title="Returning an order", source="returns/policy.md",
    url="https://help.example.test/returns", score=0.91,
    passages=[Passage("returns/policy.md::v1::0",
                      "You can return any unused item within 45 days of delivery. "
                      "Refunds reach your card in 5 business days. "
                      "Our office dog is called Biscuit.", "Return window", 0.8)],
)


class FakeSearch:
    """Answers questions about returns; anything else is out of the knowledge base."""

    def __init__(self) -> None:
        self.queries: list[str] = []
        self.fail = False

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        if self.fail:
            raise RuntimeError("chroma is down")
        if "return" in query.lower():
            return SearchResult(query, [RETURNS], answerable=True)
        return SearchResult(query, [], answerable=False)


class RecordingDesk:
    def __init__(self) -> None:
        self.requests: list[HandoffRequest] = []
        self.relayed: list[Message] = []
        self.changed: list[Conversation] = []

    def request_handoff(self, request: HandoffRequest) -> None:
        self.requests.append(request)

    def customer_message(self, conversation: Conversation, message: Message) -> None:
        self.relayed.append(message)

    def conversation_changed(self, conversation: Conversation) -> None:
        self.changed.append(conversation)


class FailingAnswerer(Answerer):
    def answer(self, *args, **kwargs):  # type: ignore[override]
        raise AnswerFailed("upstream 500")


@pytest.fixture
def parts(store: ConversationStore):
    search, desk, policy = FakeSearch(), RecordingDesk(), Policy()
    noon_monday = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)

    def make(answerer: Answerer | None = None, *, with_desk: bool = True, clock=lambda: noon_monday) -> BotService:
        return BotService(
            store=store, bus=store_bus(store), knowledge_base=search, triage=Triage(policy),
            answerer=answerer or Answerer(chat_model=None, policy=policy), policy=policy,
            desk=desk if with_desk else None, workers=2, clock=clock,
        )

    return make, search, desk


def store_bus(store: ConversationStore):
    return store._bus  # the fixture's recording bus; the service publishes tokens on it


def _texts(bot: BotService, conversation_id: str) -> list[tuple[str, str, str]]:
    return [(m.role.value, m.kind.value, m.text) for m in bot.messages(conversation_id)]


def test_answers_from_the_knowledge_base_with_a_citation(parts) -> None:
    make, search, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, "How many days do I have to return something?")
    assert outcome.outcome == "answered"
    answer = outcome.message
    assert answer is not None and answer.role == Role.BOT
    assert "45 days" in answer.text and "[1]" in answer.text
    assert answer.text.startswith("### Return window [1]")  # the section, its heading kept
    assert answer.citations[0].document_id == "returns/policy.md"
    assert answer.citations[0].url == "https://help.example.test/returns"
    assert bot.get(conversation.id).state == State.BOT


def test_a_follow_up_in_a_long_conversation_takes_the_latest_question_as_context(parts, store) -> None:
    make, search, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    for i in range(300):  # more than one page of the log (500 rows)
        store.add_message(conversation.id, role=Role.CUSTOMER, text=f"Question number {i} about my espresso machine")
        store.add_message(conversation.id, role=Role.BOT, text=f"Answer number {i}")
    store.add_message(conversation.id, role=Role.CUSTOMER, text="How do returns work here?")
    store.add_message(conversation.id, role=Role.BOT, text="You have 45 days.")

    bot.post_and_answer(conversation.id, "and how long does that take?")
    assert search.queries[-1] == "How do returns work here? and how long does that take?"


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d"])
def test_an_invisible_character_inside_a_word_hides_nothing_from_the_turn(parts, hidden) -> None:
    # A tester's message: a zero-width space in "hacked" sent it to the self-help article.
    make, search, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, f"someone got into my account, it was hac{hidden}ked")
    assert outcome.outcome.startswith("handoff:") and [r.reason for r in desk.requests] != []
    assert f"hac{hidden}ked" in bot.messages(conversation.id)[0].text  # stored as the customer typed it
    other, _ = bot.start_conversation()
    bot.post_and_answer(other.id, f"how many days do I have to re{hidden}turn something?")
    assert search.queries[-1] == "how many days do I have to return something?"


def test_asking_for_a_person_hands_off_with_the_reason(parts) -> None:
    make, search, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation(page_url="https://shop.example.test/cart")
    outcome = bot.post_and_answer(conversation.id, "Can I speak to a real person please?")
    assert outcome.outcome == "handoff:customer_request"
    assert search.queries == []  # triage decided before any retrieval
    current = bot.get(conversation.id)
    assert current.state == State.PENDING and current.handoff_reason == "customer_request"
    assert [r.reason for r in desk.requests] == ["customer_request"]
    assert desk.requests[0].summary
    assert any(kind == "state" for _, kind, _ in _texts(bot, conversation.id))


def test_a_sensitive_topic_goes_to_people(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, "someone hacked my account and changed my password")
    assert outcome.outcome == "handoff:sensitive:security"
    assert desk.requests[0].reason == "sensitive:security"


def test_repeated_misses_offer_a_person_and_wait_for_a_yes(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    first = bot.post_and_answer(conversation.id, "Do you sponsor marathon runners?")
    assert first.outcome == "no_answer"
    assert first.message is not None and first.message.meta.get("offer_handoff") is True
    second = bot.post_and_answer(conversation.id, "What colour is the CEO's car?")
    assert second.outcome == "no_answer" and second.message is not None
    assert second.message.text == Policy().message("offer_person", "en")
    assert second.message.meta["offer_handoff"] is True and second.message.meta["labels"]["offer"]
    assert desk.requests == [] and bot.get(conversation.id).state == State.BOT  # asked, not pushed
    third = bot.post_and_answer(conversation.id, "yes please")
    assert third.outcome == "handoff:customer_request"
    assert bot.get(conversation.id).state == State.PENDING and desk.requests[0].reason == "customer_request"


def test_a_no_to_the_offer_keeps_the_bot_and_says_so(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "Do you sponsor marathon runners?")
    outcome = bot.post_and_answer(conversation.id, "no thanks")
    assert outcome.outcome == "offer_declined" and outcome.message is not None
    assert outcome.message.text == Policy().message("offer_declined", "en")
    assert desk.requests == [] and bot.get(conversation.id).state == State.BOT


def test_a_yes_without_an_offer_is_just_a_message(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "How many days do I have to return something?")
    assert bot.post_and_answer(conversation.id, "yes").outcome != "handoff:customer_request"
    assert desk.requests == []


@pytest.mark.parametrize("rejection", ["that's not what I asked", "no me has ayudado nada",
                                       "How many days do I have to return something??"])
def test_a_rejected_answer_brings_an_offer_not_a_handoff(parts, rejection) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    assert bot.post_and_answer(conversation.id, "How many days do I have to return something?").outcome == "answered"
    outcome = bot.post_and_answer(conversation.id, rejection)
    assert outcome.outcome == "offered" and outcome.message is not None
    assert outcome.message.meta["offer_handoff"] is True
    assert outcome.message.text == Policy().message("offer_after_rejection", outcome.message.meta["lang"])
    assert desk.requests == [] and bot.get(conversation.id).state == State.BOT


def test_texts_the_bot_adds_are_in_the_customers_language(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    miss = bot.post_and_answer(conversation.id, "¿Patrocináis a corredores de maratón en Valencia este año?")
    assert miss.message is not None and miss.message.text == Policy().message("no_answer", "es")
    answer = bot.post_and_answer(conversation.id, "¿Cuántos días tengo para hacer un return del pedido?")
    assert answer.outcome == "answered" and answer.message is not None
    assert answer.message.meta["labels"]["sources"] == "Fuentes"
    assert "Here's what" not in answer.message.text


class RewritingAnswerer(Answerer):
    """An extractive answerer whose 'LLM' rewrites every missed question into a fixed English query."""

    def __init__(self, rewrite: str | None) -> None:
        super().__init__(chat_model=None, policy=Policy())
        self.rewrite = rewrite

    def search_query(self, question, history=()):  # type: ignore[override]
        return self.rewrite


def test_a_missed_question_is_searched_again_as_rewritten_and_answered(parts) -> None:
    make, search, _ = parts
    bot = make(RewritingAnswerer("How do returns work?"))
    conversation, _ = bot.start_conversation()

    turn = bot.post_and_answer(conversation.id, "¿Puedo devolver mis zapatos?")

    assert search.queries == ["¿Puedo devolver mis zapatos?", "How do returns work?"]
    assert turn.outcome == "answered" and turn.message is not None
    assert [c.document_id for c in turn.message.citations] == ["returns/policy.md"]


def test_without_a_rewrite_a_miss_is_searched_once(parts) -> None:
    make, search, _ = parts
    bot = make(RewritingAnswerer(None))
    conversation, _ = bot.start_conversation()

    assert bot.post_and_answer(conversation.id, "Do you sponsor marathon runners?").outcome == "no_answer"
    assert search.queries == ["Do you sponsor marathon runners?"]


def test_a_near_miss_is_searched_again_and_the_better_result_is_answered(parts) -> None:
    make, search, _ = parts
    near_miss = DocumentHit("faq/dogs.md", "Office dog", "faq/dogs.md", None, 0.3,
                            [Passage("faq/dogs.md::v1::0", "Biscuit visits on Fridays.", "", 0.3)])
    first_search = search.search
    search.search = lambda query, k=None: (  # type: ignore[method-assign]
        first_search(query) if "return" in query.lower() else SearchResult(query, [near_miss], answerable=False))
    bot = make(RewritingAnswerer("Can I return worn shoes?"))
    conversation, _ = bot.start_conversation()

    turn = bot.post_and_answer(conversation.id, "¿Puedo devolver unos zapatos usados?")

    assert turn.outcome == "answered" and turn.message is not None
    assert [c.document_id for c in turn.message.citations] == ["returns/policy.md"]


def test_an_answer_resets_the_miss_count(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "Do you sponsor marathon runners?")
    bot.post_and_answer(conversation.id, "ok, how do returns work?")
    assert bot.get(conversation.id).misses == 0
    assert bot.post_and_answer(conversation.id, "Do you sell gift wrap?").outcome == "no_answer"


DESCALING = DocumentHit(
    document_id="care/descaling.md", title="Descaling your kettle", source="care/descaling.md", url=None, score=0.3,
    passages=[Passage("care/descaling.md::v1::0", "Descale the kettle every four weeks if your water is hard.",
                      "How often to descale", 0.6)],
)


class NearMissSearch:
    """Every question scores `score`, below the knowledge base's threshold (answerable=False)."""

    def __init__(self, score: float) -> None:
        self.hit = replace(DESCALING, score=score)

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        return SearchResult(query, [self.hit], answerable=False)


def _near_miss_bot(store: ConversationStore, score: float, policy: Policy | None = None,
                   coverage: float = 0.0) -> BotService:
    policy = policy or Policy()
    search = NearMissSearch(score)
    search.hit = replace(search.hit, coverage=coverage)
    return BotService(store=store, bus=store_bus(store), knowledge_base=search, triage=Triage(policy),
                      answerer=Answerer(chat_model=None, policy=policy), policy=policy, workers=1)


def test_a_near_miss_is_answered_when_a_sentence_clearly_holds_the_answer(store) -> None:
    bot = _near_miss_bot(store, score=0.3, coverage=0.25)
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, "how often should I descale a kettle with hard water?")
    assert outcome.outcome == "answered"
    assert "every four weeks" in outcome.message.text and outcome.message.meta["near_miss"] is True
    assert outcome.message.citations[0].document_id == "care/descaling.md"


def test_a_near_miss_without_clear_support_is_not_answered(store) -> None:
    bot = _near_miss_bot(store, score=0.3)
    conversation, _ = bot.start_conversation()
    assert bot.post_and_answer(conversation.id, "does the kettle come in green?").outcome == "no_answer"


def test_a_near_miss_whose_document_covers_the_question_is_answered(store) -> None:
    # The section shares two words with the question ("kettle", "green"): too little support on its
    # own. Search's keyword coverage of the question by the document decides: high answers, low declines.
    # One shared word is never enough, whatever the coverage ("a student discount?" once got the gift
    # cards section because both say "discount").
    search = NearMissSearch(0.3)
    bot = BotService(store=store, bus=store_bus(store), knowledge_base=search, triage=Triage(Policy()),
                     answerer=Answerer(chat_model=None, policy=Policy()), policy=Policy(), workers=1)
    two_words = [Passage("care/colours.md::v1::0", "The kettle is available in cream, black and green.",
                         "Finishes", 0.6)]
    one_word = [Passage("care/colours.md::v1::0", "Available finishes: cream, black and green.", "Finishes", 0.6)]
    with pytest.MonkeyPatch.context() as patch:  # the coverage alone, without the section's own match
        patch.setattr("bot.answering.answerability.RULE", replace(answerability.RULE, near_miss_section=0.0))
        for passages, coverage, expected in ((two_words, 0.5, "answered"), (two_words, 0.1, "no_answer"),
                                             (one_word, 0.9, "no_answer")):
            search.hit = replace(DESCALING, coverage=coverage, passages=passages)
            conversation, _ = bot.start_conversation()
            outcome = bot.post_and_answer(conversation.id, "does the kettle come in green?").outcome
            assert outcome == expected, coverage
    # With it, two shared words ("kettle" counting half, being the document's topic) match the question
    # too weakly (a section score of about 2.4, under `near_miss_section`) and the near miss is declined.
    search.hit = replace(DESCALING, coverage=0.5, passages=two_words)
    conversation, _ = bot.start_conversation()
    assert bot.post_and_answer(conversation.id, "does the kettle come in green?").outcome == "no_answer"


def test_a_near_miss_with_shared_words_but_a_document_that_barely_covers_the_question_is_declined(store) -> None:
    # The sentence shares three words with the question, but search found almost none of the
    # question's (idf-weighted) words in the document: sentence overlap alone made wrong answers.
    question = "how often should I descale a kettle with hard water?"
    for coverage, expected in ((0.25, "answered"), (0.1, "no_answer")):
        bot = _near_miss_bot(store, score=0.3, coverage=coverage)
        conversation, _ = bot.start_conversation()
        assert bot.post_and_answer(conversation.id, question).outcome == expected, coverage


def test_below_the_near_miss_floor_or_with_near_misses_off_nothing_is_tried(store) -> None:
    question = "how often should I descale a kettle with hard water?"
    low = _near_miss_bot(store, score=0.1)
    conversation, _ = low.start_conversation()
    assert low.post_and_answer(conversation.id, question).outcome == "no_answer"
    off = _near_miss_bot(store, score=0.3, policy=Policy(near_miss_floor=1.0))
    conversation, _ = off.start_conversation()
    assert off.post_and_answer(conversation.id, question).outcome == "no_answer"


def test_an_llm_failure_falls_back_to_the_extractive_answer(parts) -> None:
    make, _, desk = parts
    bot = make(FailingAnswerer(chat_model=None, policy=Policy()))
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, "How do returns work?")
    assert outcome.outcome == "answered" and outcome.message is not None
    assert "45 days" in outcome.message.text and outcome.message.meta["mode"] == "extractive"
    assert desk.requests == [] and bot.get(conversation.id).state == State.BOT


def test_search_failure_becomes_a_bot_error_handoff(parts) -> None:
    make, search, _ = parts
    search.fail = True
    bot = make()
    conversation, _ = bot.start_conversation()
    assert bot.post_and_answer(conversation.id, "How do returns work?").outcome == "handoff:bot_error"


def test_while_a_person_owns_it_the_bot_is_silent_and_messages_go_to_the_desk(parts) -> None:
    make, search, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.request_person(conversation.id)
    outcome = bot.post_and_answer(conversation.id, "Also, how do returns work?")
    assert outcome.outcome == "relayed"
    assert [m.text for m in desk.relayed] == ["Also, how do returns work?"]
    assert search.queries == []
    assert [m.role for m in bot.messages(conversation.id) if m.kind == Kind.TEXT] == [Role.CUSTOMER]


def test_a_new_message_on_a_resolved_conversation_starts_with_the_bot(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.close(conversation.id)
    assert bot.get(conversation.id).state == State.RESOLVED
    outcome = bot.post_and_answer(conversation.id, "How do returns work?")
    assert outcome.outcome == "answered"
    assert bot.get(conversation.id).state == State.BOT


def test_card_numbers_never_reach_the_store_or_the_desk_in_clear(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.request_person(conversation.id)
    bot.post_and_answer(conversation.id, "my card is 4242 4242 4242 4242, please refund it")
    stored = [m.text for m in bot.messages(conversation.id) if m.role == Role.CUSTOMER]
    assert "4242 4242 4242 4242" not in stored[0] and "4242424242424242" not in stored[0]
    assert "4242 4242 4242 4242" not in desk.relayed[0].text


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_bad_text_is_refused_and_nothing_is_stored(parts, text: str) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    with pytest.raises(InvalidInput):
        bot.post_customer_message(conversation.id, text)
    assert bot.messages(conversation.id) == []


def test_without_a_desk_the_customer_is_told_and_asked_for_an_email(parts) -> None:
    make, _, _ = parts
    bot = make(with_desk=False)
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "I want to talk to a human")
    system = [m for m in bot.messages(conversation.id) if m.role == Role.SYSTEM]
    # one line, and an honest one: nobody can come, so it asks for an email (no "someone will join" first)
    assert [m.text for m in system] == [bot.policy.message("handoff_unavailable")]
    assert system[0].meta.get("ask_email") is True
    assert bot.get(conversation.id).state == State.PENDING
    assert [c.id for c in bot.waiting()] == [conversation.id]
    bot.provide_email(conversation.id, "sam@example.test")
    assert bot.get(conversation.id).customer_email == "sam@example.test"
    with pytest.raises(InvalidInput):
        bot.provide_email(conversation.id, "not an email")


def test_outside_business_hours_the_customer_is_told(parts) -> None:
    make, _, desk = parts
    sunday_night = datetime(2026, 1, 4, 23, 30, tzinfo=UTC)
    bot = make(clock=lambda: sunday_night)
    assert not bot.policy.business_hours.is_open(sunday_night), "the bundled policy closes on Sunday nights"
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "I want to talk to a human")
    system = [m for m in bot.messages(conversation.id) if m.role == Role.SYSTEM]
    assert [m.text for m in system] == [bot.policy.message("handoff_outside_hours")]
    assert system[0].meta.get("ask_email") is True
    assert desk.requests, "agents still see it in Slack for the morning"


def test_a_reachable_desk_gets_one_line_saying_a_person_is_coming(parts) -> None:
    make, _, desk = parts
    monday_noon = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    bot = make(clock=lambda: monday_noon)
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "I want to talk to a human")
    system = [m for m in bot.messages(conversation.id) if m.role == Role.SYSTEM]
    assert [m.text for m in system] == [bot.policy.message("handoff_pending")]
    assert not system[0].meta.get("ask_email")


def test_messages_while_waiting_are_acknowledged_once_each(parts) -> None:
    make, _, desk = parts
    monday_noon = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    bot = make(clock=lambda: monday_noon)
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "I want to talk to a human")
    first = bot.post_customer_message(conversation.id, "It's about order 1234")
    second = bot.post_customer_message(conversation.id, "The box arrived crushed")
    assert first.meta.get("ack") == "queued" and second.meta.get("ack") == "queued"
    acks = [m for m in bot.messages(conversation.id) if m.meta.get("waiting_ack")]
    assert [m.text for m in acks] == [bot.policy.message("waiting_ack")]  # one line for the wait, a tick per message
    assert [m.id for m in desk.relayed] == [first.id, second.id]


def test_writing_again_after_ending_a_bot_chat_says_nothing_about_coming_back(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    bot.post_and_answer(conversation.id, "How do returns work?")
    bot.close(conversation.id)
    bot.post_and_answer(conversation.id, "One more question about returns")
    back = [m for m in bot.messages(conversation.id) if m.kind == Kind.STATE and m.meta.get("to") == "bot"]
    assert len(back) == 1 and back[0].text == "" and back[0].meta.get("quiet") is True


def test_posting_returns_at_once_and_the_answer_follows_in_the_background(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    stored = bot.post_customer_message(conversation.id, "How do returns work?")
    assert stored.role == Role.CUSTOMER
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if any(m.role == Role.BOT for m in bot.messages(conversation.id)):
            break
        time.sleep(0.02)
    assert any(m.role == Role.BOT and "45 days" in m.text for m in bot.messages(conversation.id))
    bot.shutdown()


def test_feedback_only_on_bot_answers_of_this_conversation(parts) -> None:
    make, _, _ = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    other, _ = bot.start_conversation()
    answer = bot.post_and_answer(conversation.id, "How do returns work?").message
    assert answer is not None
    bot.feedback(conversation.id, answer.id, helpful=True)
    with pytest.raises(ConversationNotFound):
        bot.feedback(other.id, answer.id, helpful=False)
    customer = bot.messages(conversation.id)[0]
    with pytest.raises(InvalidInput):
        bot.feedback(conversation.id, customer.id, helpful=True)


def test_a_failing_second_search_keeps_the_first_result(parts) -> None:
    make, search, _ = parts
    near_miss = replace(RETURNS, score=0.4, coverage=0.25)
    calls: list[str] = []

    def flaky(query: str, k: int | None = None) -> SearchResult:
        calls.append(query)
        if len(calls) > 1:
            raise RuntimeError("chroma went away")
        return SearchResult(query, [near_miss], answerable=False)

    search.search = flaky  # type: ignore[method-assign]
    bot = make(RewritingAnswerer("Can I return worn shoes?"))
    conversation, _ = bot.start_conversation()

    turn = bot.post_and_answer(conversation.id, "¿Puedo devolver unos zapatos usados en 45 días?")

    assert calls == ["¿Puedo devolver unos zapatos usados en 45 días?", "Can I return worn shoes?"]
    assert turn.outcome in {"answered", "no_answer"}  # the near miss decides, never a bot_error handoff


def test_a_second_search_that_scores_lower_keeps_the_first(parts) -> None:
    make, search, _ = parts
    first_hit = replace(RETURNS, score=0.45, coverage=0.25)
    worse = replace(RETURNS, document_id="faq/other.md", score=0.3)
    search.search = lambda query, k=None: SearchResult(  # type: ignore[method-assign]
        query, [first_hit if query.startswith("¿") else worse], answerable=False)
    bot = make(RewritingAnswerer("return window for shoes"))
    conversation, _ = bot.start_conversation()

    question = "¿Cuántos días tengo para devolver unused item within 45 days of delivery?"
    turn = bot.post_and_answer(conversation.id, question)

    assert turn.outcome == "answered" and turn.message is not None
    assert [c.document_id for c in turn.message.citations] == ["returns/policy.md"]


@pytest.mark.parametrize("question", ["Il mio server non risponde: come faccio un return?",
                                      "Mi router no responde, ¿cómo hago un return?"])
def test_a_first_question_saying_something_does_not_respond_is_answered_not_taken_for_a_rejection(
        parts, question) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, question)
    assert outcome.outcome == "answered" and desk.requests == []


def test_offering_a_person_and_waiting_for_a_yes_speaks_the_customers_language(parts) -> None:
    make, _, desk = parts
    bot = make()
    policy = Policy()
    conversation, _ = bot.start_conversation()
    answered = bot.post_and_answer(conversation.id, "¿Cuántos días tengo para hacer un return del pedido?")
    assert answered.outcome == "answered"
    offered = bot.post_and_answer(conversation.id, "No es lo que he preguntado")
    assert offered.outcome == "offered" and offered.message is not None
    assert offered.message.text == policy.message("offer_after_rejection", "es")
    assert offered.message.meta["labels"]["offer"] == policy.message("offer_button", "es")
    assert desk.requests == [] and bot.get(conversation.id).state == State.BOT  # asked, not pushed
    accepted = bot.post_and_answer(conversation.id, "sí, por favor")
    assert accepted.outcome == "handoff:customer_request" and len(desk.requests) == 1
    notices = {policy.message(k, "es") for k in ("handoff_pending", "handoff_unavailable", "handoff_outside_hours")}
    assert bot.messages(conversation.id)[-1].text in notices


def test_repeated_misses_offer_a_person_in_the_customers_language_and_wait(parts) -> None:
    make, _, desk = parts
    bot = make()
    conversation, _ = bot.start_conversation()
    first = bot.post_and_answer(conversation.id, "¿Patrocináis a corredores de maratón en Valencia este año?")
    second = bot.post_and_answer(conversation.id, "¿Y a ciclistas profesionales en Sevilla el año que viene?")
    assert first.message is not None and first.message.text == Policy().message("no_answer", "es")
    assert second.outcome == "no_answer" and second.message is not None
    assert second.message.text == Policy().message("offer_person", "es")
    assert second.message.meta["offer_handoff"] is True and desk.requests == []


def test_without_an_llm_a_turn_redacts_only_for_the_store(parts, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redacting for an LLM that is not there is work the turn does not need (issue 14)."""
    import bot.service
    import bot.turn

    targets: list[str] = []

    def counting(real):  # the real redaction, counted by target
        def redact(text, policy, *, target="store"):
            targets.append(target)
            return real(text, policy, target=target)
        return redact

    monkeypatch.setattr(bot.service, "redact", counting(bot.service.redact))
    monkeypatch.setattr(bot.turn, "redact", counting(bot.turn.redact))
    make, _, _ = parts
    bot_service = make()
    conversation, _ = bot_service.start_conversation()
    outcome = bot_service.post_and_answer(conversation.id, "How many days do I have to return something?")
    assert outcome.outcome == "answered"
    assert targets == ["store"]
