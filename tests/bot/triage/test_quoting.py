"""The evidence quotes the customer's own words, not the normalised form the rules read."""
from __future__ import annotations

import unicodedata

import pytest

from bot.policy import Policy
from bot.triage.decision import RULE_TABLES, Triage
from bot.triage.normalize import normalize
from bot.triage.quoting import _normalised_with_origins, original_words

_TEXTS = sorted({x for table in RULE_TABLES for rule in table.rules for x in (*rule.examples, *rule.counter_examples)})
_ODD = ["  Ｉ’m   SOOOO done!!! 😂😂 ", "Straße, café, São Paulo: 1.234,56 €", "e\u0301te\u0301 ﬁne", "", "...",
        "İstanbul ΣΑΣ"]


@pytest.mark.parametrize("text", [*_TEXTS, *_ODD])
def test_the_replay_gives_back_exactly_what_the_rules_read(text: str) -> None:
    assert _normalised_with_origins(text).chars == normalize(text)


@pytest.mark.parametrize(("text", "quoted"), [
    ("I cancelled the order but you still took 89.99", "but you still took 89.99"),
    ("Cancelé el pedido pero aún así me cobraron 49,90 €", "Cancelé"),
    ("Ich möchte mit einem Menschen sprechen", "mit einem Menschen sprechen"),
    ("Je veux parler à un être humain", "parler à un être humain"),
    ("Someone HACKED my account", "HACKED"),
])
def test_a_rule_handoff_quotes_the_customers_words(text: str, quoted: str) -> None:
    decision = Triage(Policy()).rules(text)
    assert decision.label != "none"
    assert decision.evidence.endswith(f" '{quoted}'"), decision.evidence


def test_a_span_maps_back_with_amounts_accents_and_contractions_intact() -> None:
    text = "Ça fait 3 semaines, I don't   see my 1.299,00 € refund"
    norm = normalize(text)
    start = norm.index("do not")
    end = norm.index("129900") + len("129900")
    assert original_words(text, norm, start, end) == "don't see my 1.299,00"
    assert original_words(text, norm, 0, norm.index("3") + 1) == "Ça fait 3"


def test_when_the_replay_disagrees_the_normalised_words_are_quoted() -> None:
    assert original_words("hello there", " something else ", 1, 10) == "something"


def test_padding_the_rules_never_saw_is_not_quoted() -> None:
    """Emoji between matched words vanish from the normalised text; the card gets the short words."""
    text = "I cancelled the order but you still took " + "\U0001F621" * 1500 + " 89.99 from my card"
    decision = Triage(Policy()).rules(text)
    assert decision.label == "billing_dispute"
    assert len(decision.evidence) <= 220, len(decision.evidence)
    assert "\u200f" not in Triage(Policy()).rules("you still took \u200f" * 3 + "89.99 after I cancelled").evidence


def test_an_accent_typed_after_its_letter_is_kept() -> None:
    """NFD input (some keyboards send it): 'Cancele' + U+0301 is quoted as typed, accent and all."""
    decision = Triage(Policy()).rules("Cancele\u0301 el pedido pero au\u0301n asi\u0301 me cobraron 49,90 €")
    assert decision.label == "billing_dispute"
    quoted = decision.evidence.split(" '", 1)[1].rstrip("'")
    assert unicodedata.normalize("NFC", quoted).startswith("Cancelé"), repr(quoted)
