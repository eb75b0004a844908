"""The literal pre-check of a rule never hides a match: wherever its pattern matches, one of them is there."""
from __future__ import annotations

import pytest

from bot.triage.decision import RULE_TABLES
from bot.triage.literals import MIN_CHARS, required_literals
from bot.triage.normalize import normalize

RULES = [rule for table in RULE_TABLES for rule in table.rules]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:fraudulent\w*|scammed|(?:stolen|stole) (?:my )?identity|cloned)\b",
     ("cloned", "fraudulent", "identity", "scammed")),
    (r"\bwhoever (?:is in charge|deals with)\b", ("deals with", "is in charge")),
    (r"\b(?:a |an )?(?:different|new) card\b", (" card",)),  # one word beats a choice of two
    (r"\b(?:charged|billed)+\b", ("billed", "charged")),  # a repeat of at least one keeps its words
])
def test_the_words_every_match_holds(pattern: str, expected: tuple[str, ...]) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"(?i)refund", r"\b(?i:refund)\b",  # case-insensitive: a lower-case literal would miss "REFUND"
    r"\b(?:refund|\w+ed)\b",  # one alternative needs no literal of three characters
    r"(?:refund)?\s+\d+",  # optional words are not needed
    r"\bno\b",  # too short to say anything
])
def test_what_the_reading_does_not_understand_gives_nothing(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_a_choice_of_single_letters_leaves_the_run_every_match_holds() -> None:
    assert required_literals(r"(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q)xyz") == ("xyz",)


def _texts() -> list[str]:
    texts = [t for rule in RULES for t in (*rule.examples, *rule.counter_examples)]
    return [normalize(t) for t in texts]


def test_no_rule_match_lacks_its_literals() -> None:
    texts = _texts()
    checked = 0
    for rule in RULES:
        if rule.literals is None:
            continue
        for text in texts:
            if rule.pattern.search(text):
                checked += 1
                assert any(word in text for word in rule.literals), (rule.name, text, rule.literals)
    assert checked >= len(RULES)  # every rule fires on its own examples at least


def test_most_rules_get_a_pre_check() -> None:
    with_literals = [rule for rule in RULES if rule.literals is not None]
    assert len(with_literals) >= 0.6 * len(RULES)
    assert all(len(w) >= MIN_CHARS for rule in with_literals for w in rule.literals or ())
