"""The evidence quotes the customer's own words, not the normalised form the rules read."""
from __future__ import annotations

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
