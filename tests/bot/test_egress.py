"""Redaction at every exit: the service's fields and comments, the LLM's summary, log lines."""
from __future__ import annotations

import io
import logging

from fake_openai import FakeOpenAI
from pydantic import SecretStr

from bot.answering.answerer import Answerer
from bot.answering.llm import make_chat_model
from bot.config import LLMSettings
from bot.conversations.events import InProcessBus
from bot.conversations.store import ConversationStore
from bot.policy import PiiPolicy, Policy
from bot.privacy.egress import RedactingFilter, clean_page_url, scrub
from bot.service import BotService
from bot.triage.decision import Triage
from tests.doubles import OneArticleKnowledgeBase

CARD = "4012.8888.8888.1881"
PHONE = "+34 612 34 56 78"
# Phones stored in clear (the agent may call back) but never sent to Slack, the LLM or a log.
KEEP_PHONES = Policy(pii=PiiPolicy(redact={"phone": {"log", "llm", "slack"}}))


def _bot(store: ConversationStore, policy: Policy, answerer: Answerer | None = None) -> BotService:
    kb = OneArticleKnowledgeBase("zzz", title="t", section="s", text="x")
    return BotService(store=store, bus=InProcessBus(), knowledge_base=kb,
                      triage=Triage(policy), answerer=answerer or Answerer(chat_model=None, policy=policy),
                      policy=policy, workers=1)


def test_the_handoff_summary_sends_the_llm_what_it_may_see_not_what_was_stored(store: ConversationStore) -> None:
    with FakeOpenAI() as llm:
        llm.enqueue("Wants a call back.")
        model = make_chat_model(LLMSettings(api_key=SecretStr("k"), base_url=llm.base_url, timeout_s=5, max_retries=0))
        bot = _bot(store, KEEP_PHONES, Answerer(chat_model=model, policy=KEEP_PHONES, timeout_s=3.0))
        conversation, _ = bot.start_conversation()
        bot.post_and_answer(conversation.id, f"call me on {PHONE}, I want to talk to a person")
        assert any(PHONE in m.text for m in bot.messages(conversation.id))  # the policy keeps it in the store
        sent = str(llm.last_request)
        bot.shutdown()
    assert "call me on" in sent and "612" not in sent


def test_names_comments_and_page_urls_are_checked_like_messages(store: ConversationStore) -> None:
    bot = _bot(store, Policy())
    conversation, _ = bot.start_conversation(
        name=f"Dana {CARD}", email=f"{CARD}", page_url="https://shop.example/checkout?email=dana@example.org&t=9#pay")
    stored = bot.get(conversation.id)
    assert stored.customer_name is not None and "8888" not in stored.customer_name
    assert stored.customer_email is None
    assert stored.page_url == "https://shop.example/checkout"
    bot.rate(conversation.id, 2, f"you charged {CARD} twice, cvv 737")
    rated = bot.get(conversation.id)
    assert rated.rating_comment is not None and "8888" not in rated.rating_comment and "737" not in rated.rating_comment
    bot.shutdown()


def test_page_urls_keep_only_scheme_host_and_path() -> None:
    pii = Policy().pii
    assert clean_page_url("https://a.example/p?q=1", pii) == "https://a.example/p"
    assert clean_page_url("javascript:alert(1)", pii) is None
    assert clean_page_url("https://a.example/u/dana@example.org/orders", pii) == "https://a.example/u/[email]/orders"


def test_slack_payloads_are_scrubbed_deeply() -> None:
    payload = {"text": f"call {PHONE}", "blocks": [{"type": "section", "text": {"text": f"card {CARD}"}}], "n": 3}
    clean = scrub(payload, KEEP_PHONES.pii, "slack")
    assert PHONE not in str(clean) and "8888" not in str(clean) and clean["n"] == 3


def test_log_lines_are_redacted_for_the_log_target() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactingFilter(KEEP_PHONES.pii))
    logger = logging.getLogger("tests.egress")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("customer said %s and %s", f"card {CARD}", f"phone {PHONE}")
        try:
            raise ValueError(f"bad {CARD}")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    text = out.getvalue()
    assert "8888" not in text and PHONE not in text and "[phone]" in text
