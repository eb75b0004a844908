"""Every rule's declared examples: it fires on each example and on none of its counter-examples.

The cases are read from the rule declarations in bot/triage/labels/, so adding a rule or an example
adds a test; a rule without both kinds of example fails here.
"""
from __future__ import annotations

import pytest

from bot.triage.decision import RULE_TABLES, match
from bot.triage.guards import Facts, fire
from bot.triage.normalize import normalize
from bot.triage.rule import Label, Rule

_RULES = [(table, rule) for table in RULE_TABLES for rule in table.rules]
_EXAMPLES = [pytest.param(t, r, x, id=f"{r.name}:{i}") for t, r in _RULES for i, x in enumerate(r.examples)]
_COUNTER = [pytest.param(t, r, x, id=f"{r.name}:{i}") for t, r in _RULES for i, x in enumerate(r.counter_examples)]


@pytest.mark.parametrize(("table", "rule", "text"), _EXAMPLES)
def test_rule_fires_on_its_examples(table: Label, rule: Rule, text: str) -> None:
    assert fire(rule, Facts(normalize(text), table)) is not None, (rule.name, normalize(text))


@pytest.mark.parametrize(("table", "rule", "text"), _COUNTER)
def test_rule_does_not_fire_on_its_counter_examples(table: Label, rule: Rule, text: str) -> None:
    assert fire(rule, Facts(normalize(text), table)) is None, (rule.name, normalize(text))


@pytest.mark.parametrize(("table", "rule"), [pytest.param(t, r, id=r.name) for t, r in _RULES])
def test_every_rule_declares_examples_both_ways(table: Label, rule: Rule) -> None:
    assert rule.examples and rule.counter_examples, rule.name
    assert rule.name.startswith(f"{table.name}:")


def test_rule_names_are_unique() -> None:
    names = [r.name for _, r in _RULES]
    assert len(names) == len(set(names))


def test_a_label_match_reports_the_rule_and_its_words() -> None:
    table = next(t for t in RULE_TABLES if t.name == "security")
    hit = match(table, normalize("Someone hacked my account"))
    assert hit is not None
    rule, words = hit
    assert rule.name == "security:hacked" and words == "hacked"
