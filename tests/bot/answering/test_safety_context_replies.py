"""The checks every answer passes, the follow-up decision, and what a customer's short reply means."""
from __future__ import annotations

import pytest

from bot.answering import context, replies, safety
from bot.answering.language import customer_language
from knowledge_base.documents import COMMUNITY, OFFICIAL, document_from_text, load_document
from knowledge_base.errors import DocumentLoadError
from knowledge_base.results import DocumentHit, Passage, SearchResult


@pytest.mark.parametrize("text", [
    "To claim it, reply with your full card number, the expiry date and your account password.",
    "Please send us your password so we can check.",
    "Envía tu contraseña a soporte para verificar la cuenta.",
    "Give the agent your CVV when they call.",
    "Email your password and card number to claims@refunds.example.",
])
def test_asking_the_customer_to_hand_over_a_secret_is_caught(text):
    assert safety.asks_for_secrets(text)


@pytest.mark.parametrize("text", [
    "We will never ask for your password or card number.",
    "Enter your new password twice, then press Save.",
    "Confirm with your password or a code sent to your email address.",
    "Scammers ask for your **password** or your full **card number** by email.",
    "Choose Create account, enter your name, email address and a password, then confirm the code.",
])
def test_help_about_secrets_is_not_an_ask(text):
    assert not safety.asks_for_secrets(text)


def test_contacts_must_be_in_the_sources():
    sources = ["Write to help@shop.example, call +44 300 555 0142 or see https://shop.example/returns."]
    assert not safety.unsupported_contacts("Email help@shop.example or call 0300 555 0142 [1].", sources)
    assert not safety.unsupported_contacts("See shop.example/returns for the form.", sources)
    assert safety.unsupported_contacts("Email claims@other.example.", sources) == {"email:claims@other.example"}
    assert safety.unsupported_contacts("Go to http://evil.example/x.", sources) == {"link:evil.example/x"}
    assert safety.unsupported_contacts("Call 0800 999 1234.", sources) == {"phone:08009991234"}
    assert not safety.unsupported_contacts("Delivery takes 3-5 days and costs $14.95, on 2026-12-24.", sources)


def _said(*texts: str):
    from datetime import UTC, datetime

    from bot.conversations.records import Kind, Message, Role

    return [Message(i, "c", Role.CUSTOMER, Kind.TEXT, t, datetime.now(UTC)) for i, t in enumerate(texts)]


@pytest.mark.parametrize(("question", "reading"), [
    ("How do I descale my kettle?", "plain"),
    ("and for express?", "follow_up"),
    ("how long does that take?", "either"),
    ("different question - can I pay by card?", "new"),
    ("ok other thing, how do I update my name", "new"),
    ("¿y para Canarias?", "follow_up"),
])
def test_the_wording_says_how_a_message_may_be_read(question, reading):
    assert context.candidates(question, _said("Is the warranty 2 years?")).reading == reading


def test_the_first_question_has_nothing_to_refer_to():
    assert context.candidates("and for express?", []).with_topic is None


def _result(query: str, doc: str, score: float, text: str = "", answerable: bool = True) -> SearchResult:
    hit = DocumentHit(doc, doc, doc, None, score, [Passage(f"{doc}::v1::0", text or doc, "", 0.5)])
    return SearchResult(query, [hit], answerable=answerable)


def test_a_new_question_that_finds_its_own_answer_is_searched_alone():
    options = context.candidates("How do I descale my kettle?", _said("Is the warranty 2 years?"))
    query, _ = context.choose(options, _result("a", "descale.md", 0.9, "descale the kettle"),
                              _result("b", "warranty.md", 0.8, "2 year warranty"))
    assert query == "How do I descale my kettle?"


def test_a_plain_question_does_not_ride_on_the_old_topic_to_an_answer():
    options = context.candidates("Do you sell gift wrap?", _said("How do returns work?"))
    alone = SearchResult("gift wrap", [], answerable=False)
    query, result = context.choose(options, alone, _result("b", "returns.md", 0.9, "return within 45 days"))
    assert query == "Do you sell gift wrap?" and result is alone


def test_a_follow_up_keeps_its_topic_unless_alone_is_clearly_better():
    options = context.candidates("and for express?", _said("How long does standard delivery take?"))
    query, _ = context.choose(options, _result("a", "gift.md", 0.6, "express gift"), _result("b", "delivery.md", 0.5))
    assert query == "How long does standard delivery take? and for express?"


@pytest.mark.parametrize("text", ["yes", "Yes please!", "sí, por favor", "oui", "ja bitte", "sim", "ok"])
def test_yes_in_the_languages_we_speak(text):
    assert replies.is_yes(text) and not replies.is_no(text)


@pytest.mark.parametrize("text", ["no", "No thanks.", "non merci", "nein danke", "não"])
def test_no_in_the_languages_we_speak(text):
    assert replies.is_no(text) and not replies.is_yes(text)


def test_a_yes_inside_a_question_is_not_a_yes():
    assert not replies.is_yes("yes but how long does delivery take?")


@pytest.mark.parametrize("text", ["that's not what I asked", "You didn't answer my question",
                                  "no es lo que he preguntado",
                                  "ça ne répond pas à ma question", "das ist nicht, was ich gefragt habe"])
def test_rejections(text):
    assert replies.is_rejection(text)


def test_the_same_question_again_is_recognised():
    assert replies.same_question("how long does delivery take??", "How long does delivery take?")
    assert not replies.same_question("how much does delivery cost", "How long does delivery take to Spain?")


class _Detector:
    default = "en"

    def detect(self, text: str) -> str:
        return "es" if "envío" in text else "en"


def test_the_customers_language_comes_from_their_words_then_their_browser():
    assert customer_language(_Detector(), "¿Cuánto tarda el envío a Canarias?") == "es"
    assert customer_language(_Detector(), "ok?", earlier=["¿Cuánto cuesta el envío?"]) == "es"
    assert customer_language(_Detector(), "ok?", locale="fr-FR") == "fr"
    assert customer_language(_Detector(), "How long does delivery to Spain take?", locale="fr-FR") == "en"
    assert customer_language(_Detector(), "ok?", locale="xx") == "en"


def test_front_matter_marks_a_document_as_community(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Forum\ntrust: community\n---\nUse 96 °C for light roasts.\n", encoding="utf-8")
    assert load_document(post).trust == COMMUNITY
    post.write_text("---\ntitle: Guide\n---\nDescale monthly.\n", encoding="utf-8")
    assert load_document(post).trust == OFFICIAL
    post.write_text("---\ntitle: Odd\ntrust: maybe\n---\nText.\n", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="unknown trust"):
        load_document(post)
    assert document_from_text(doc_id="x", title="X", text="y").trust == OFFICIAL


def test_contacts_found_again_are_a_fresh_set_the_caller_may_change() -> None:
    """The contacts of a passage are remembered (passages come back turn after turn): changing what one
    call returned must not change what the next call finds."""
    text = "Write to help@kestrel.example or call +44 300 555 0142."
    first = safety.contacts(text)
    first.add("link:evil.example")
    first.discard("email:help@kestrel.example")
    assert safety.contacts(text) == {"email:help@kestrel.example", "phone:443005550142"}
