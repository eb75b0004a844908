"""A learned handoff waits on an ordinary question for an amount, a time or a count, in the seven languages."""
from __future__ import annotations

import pytest

from bot.triage.model_guards import holding_at_serve_time, holding_guard, quantity_question


@pytest.mark.parametrize("text", [
    "How long is the guarantee on the wireless speakers?",
    "¿Cuántos días tengo para devolver la mochila?",
    "Dans quel délai dois-je renvoyer le formulaire signé ?",
    "Wie viele Geräte kann ich mit einem Konto verbinden?",
    "Quanti ospiti posso portare alla lezione di prova?",
    "Em quanto tempo chega o cartão novo?",
    "Hoeveel kost een extra sleutel voor de garage?",
])
def test_an_ordinary_question_for_a_quantity_keeps_a_learned_verdict_with_the_bot(text: str) -> None:
    assert quantity_question(text)
    assert holding_at_serve_time(text, "complaint") == "quantity_question"
    assert holding_guard(text, "complaint") is None  # the rules' own guards do not read quantities


@pytest.mark.parametrize("text", [
    "How many times do I have to ask before someone looks at my account?",
    "You charged me twice last week, how long until I get my money back?",
    "this is the third time the delivery is late, how much longer will this take",
    "I want to speak to someone about my order",
])
def test_exasperation_a_reported_charge_or_no_quantity_is_not_held(text: str) -> None:
    assert holding_at_serve_time(text, "complaint") is None or holding_guard(text, "complaint") is not None
    assert not quantity_question(text)


@pytest.mark.parametrize(("text", "label"), [
    ("someone changed the password on my account last night and now I can't log in 😂", "security"),
    ("you charged my card twice for the same booking 🤣 I want one of them back", "billing_dispute"),
    ("third time the parcel locker ate my code 😆 this is getting ridiculous", "complaint"),
])
def test_a_laughing_face_alone_does_not_hold_a_learned_verdict(text: str, label: str) -> None:
    # A laughing face is often bitter, not a joke: it keeps a legal word with the bot (the rules'
    # yields_to_joke) but does not hold the head's verdict back as "haha" or "just kidding" does.
    assert holding_guard(text, label) is None
    assert holding_guard(text + " haha", label) == "joke"
