"""The bundled example help center, indexed with the real offline pipeline: ranking and cited answers.

Slow-ish (the real embedder indexes ~270 chunks once per session), and worth it: this is what a new
user's first `supportbot serve` answers from.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answering.evaluation import evaluate_answers
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.service import KnowledgeBase, build_knowledge_base
from server import Settings, build_services

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Our own phrasings (not the golden file's), each answered by exactly one article.
QUESTIONS = [
    ("my kettle shows white flakes inside, how do I clean the limescale", "products/descale-your-kettle.md"),
    ("I typed the wrong street when I ordered, can you ship it somewhere else", "shipping/change-delivery-address.md"),
    ("there's a payment on my statement from you I don't know about", "billing/unrecognized-charge.md"),
    ("how do I turn on two step login codes", "security/two-factor-authentication.md"),
    ("can I skip next month's coffee delivery", "subscription/pause-skip-or-cancel.md"),
    ("when will my money be back after you receive my return", "returns/refund-timing.md"),
    ("do I have to pay import fees as a customer outside the US", "shipping/customs-duties-and-taxes.md"),
    ("what does the espresso machine error code mean", "products/duo-error-codes.md"),
    ("which grinder setting for french press", "products/grind-size-settings.md"),
    ("what are your support phone hours", "contact/contact-us-and-hours.md"),
]


@pytest.fixture(scope="module")
def example_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    settings = KnowledgeBaseSettings(data_dir=tmp_path_factory.mktemp("example-kb"))
    kb = build_knowledge_base(settings)
    report = kb.sync(EXAMPLES)
    assert not report.failed, report.failed
    assert report.added >= 38  # Markdown, HTML and PDF articles; README and eval files are ignored
    yield kb
    kb.close()


def test_every_bundled_format_is_indexed(example_kb: KnowledgeBase) -> None:
    ids = {d.id for d in example_kb.documents()}
    assert "warranty/kestrel-limited-warranty.pdf" in ids
    assert "shipping/holiday-shipping-deadlines.html" in ids
    assert "README.md" not in ids and not any(i.startswith(("eval/", "_build/")) for i in ids)


def test_questions_rank_the_article_that_answers_them_first(example_kb: KnowledgeBase) -> None:
    firsts, misses = 0, []
    for question, expected in QUESTIONS:
        hits = [h.document_id for h in example_kb.search(question).hits]
        assert expected in hits[:3], f"{question!r}: {expected} not in top 3 {hits[:3]}"
        firsts += hits[0] == expected
        if hits[0] != expected:
            misses.append((question, hits[0]))
    assert firsts >= 9, misses


def test_off_topic_questions_are_declined(example_kb: KnowledgeBase) -> None:
    for question in ("who won the football world cup in 1998", "write me a poem about the sea",
                     "what is the boiling point of mercury in kelvin"):
        assert not example_kb.search(question).answerable, question


def test_golden_questions_are_answered_with_a_required_citation(example_kb: KnowledgeBase, tmp_path: Path) -> None:
    """`supportbot eval answers` on the golden file: every answer given cites a required document."""
    services = build_services(Settings(data_dir=tmp_path / "data"), knowledge_base=example_kb)
    try:
        result = evaluate_answers(EXAMPLES / "golden.jsonl", bot=services.bot)
    finally:
        services.bot.shutdown()
    failures = result["failures"]
    wrong_citations = [f for f in failures if f["reason"] == "no required document cited"]
    assert not wrong_citations, json.dumps(wrong_citations, indent=1)
    assert result["answered"] >= 0.6, json.dumps(failures, indent=1)


@pytest.fixture
def example_bot(example_kb: KnowledgeBase, tmp_path: Path):
    services = build_services(Settings(data_dir=tmp_path / "data"), knowledge_base=example_kb)
    yield services.bot
    services.bot.shutdown()


def _ask(bot, *questions: str):
    conversation, _ = bot.start_conversation()
    return [bot.post_and_answer(conversation.id, q) for q in questions]


def test_a_new_question_does_not_carry_the_previous_ones_context(example_bot) -> None:
    """Issue 11: "Is the warranty 2 years?" then "How do I descale my kettle?" gave the warranty again."""
    warranty, descale = _ask(example_bot, "Is the warranty 2 years?", "How do I descale my kettle?")
    assert warranty.message.citations[0].document_id.startswith("warranty/")
    assert descale.outcome == "answered"
    assert descale.message.citations[0].document_id == "products/descale-your-kettle.md"


def test_a_follow_up_is_searched_with_what_it_refers_to(example_bot) -> None:
    first, follow_up = _ask(example_bot, "How long does standard delivery take in the UK?", "and express?")
    assert follow_up.outcome == "answered"
    assert follow_up.message.citations[0].document_id == first.message.citations[0].document_id


def test_the_section_that_answers_is_shown_whole(example_bot) -> None:
    """Issue 11: "Do you ship to Australia?" got the Channel Islands sentence; the section lists Australia."""
    (answer,) = _ask(example_bot, "Do you ship to Australia?")
    assert answer.outcome == "answered" and "Australia" in answer.message.text
    assert answer.message.text.startswith("### ")


def test_a_table_answer_keeps_its_markdown_table(example_bot) -> None:
    (answer,) = _ask(example_bot, "what voltage and plug do the EU machines use")
    assert "| Store | Voltage | Plug |" in answer.message.text and "|---|---|---|" in answer.message.text


def test_the_planted_community_post_is_never_quoted_as_the_answer(example_bot) -> None:
    for question in ("what is the code for free orders this month", "FREEBREW100 code how do I apply it",
                     "what water temperature for a light roast on the kettle"):
        (outcome,) = _ask(example_bot, question)
        text = outcome.message.text if outcome.message else ""
        cited = [c.document_id for c in outcome.message.citations] if outcome.message else []
        assert "community/forum-light-roast-water-temperature.md" not in cited, question
        assert "FREEBREW100" not in text and "card number" not in text.lower(), question


def test_documents_without_a_url_are_cited_with_their_own_page(example_kb: KnowledgeBase, tmp_path: Path) -> None:
    from server import create_app

    settings = Settings(data_dir=tmp_path / "data", index_examples_on_start=False)
    app = create_app(settings, knowledge_base=example_kb, start_background=False)
    bot = app.extensions["supportbot"].bot
    try:
        (answer,) = _ask(bot, "what is excluded from the limited warranty, like limescale damage or drops")
        citation = answer.message.citations[0]
        assert citation.document_id == "warranty/kestrel-limited-warranty.pdf"
        assert citation.url == "/kb/warranty/kestrel-limited-warranty.pdf"
        page = app.test_client().get(citation.url)
        assert page.status_code == 200 and page.mimetype == "text/html"
        body = page.get_data(as_text=True)
        assert "<h1>Kestrel" in body and "Updated <time" in body and "What is not covered" in body
        assert "<li>Damage caused by limescale" in body
        assert "script-src" not in page.headers["Content-Security-Policy"]  # no script may run there
        assert app.test_client().get("/kb/no/such.md").status_code == 404
    finally:
        bot.shutdown()
