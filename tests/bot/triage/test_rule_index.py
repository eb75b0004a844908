"""The rule index hides no rule that can fire: on every example and development message, each rule
whose pattern matches is among the candidates, and the indexed match equals the rule-by-rule one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.policy import Policy
from bot.triage.decision import RULE_TABLES, Triage, match
from bot.triage.normalize import normalize
from bot.triage.rule_index import RuleIndex

ROOT = Path(__file__).resolve().parents[3]
# Development data only (datasets/README.md): the hold-outs are never read here.
_DEV_SETS = [ROOT / "datasets" / "triage" / "holdout_e.jsonl", ROOT / "datasets" / "triage" / "train_own.jsonl",
             *sorted((ROOT / "examples" / "eval").glob("triage*.jsonl"))]


def _texts() -> list[str]:
    texts = [x for table in RULE_TABLES for rule in table.rules for x in (*rule.examples, *rule.counter_examples)]
    for path in _DEV_SETS:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.fixture(scope="module")
def index() -> RuleIndex:
    return RuleIndex.of(RULE_TABLES)


def test_every_rule_whose_pattern_matches_is_a_candidate(index: RuleIndex) -> None:
    texts = _texts()
    assert len(texts) > 2000
    for text in texts:
        norm = normalize(text)
        candidates = index.candidates(norm)
        for table, found in zip(RULE_TABLES, candidates, strict=True):
            missing = [r.name for i, r in enumerate(table.rules) if i not in found and r.pattern.search(norm)]
            assert not missing, (text, missing)


def test_the_indexed_match_is_the_rule_by_rule_match(index: RuleIndex) -> None:
    for text in _texts():
        norm = normalize(text)
        for table, found in zip(RULE_TABLES, index.candidates(norm), strict=True):
            assert match(table, norm, found) == match(table, norm), text


def test_an_ordinary_question_visits_few_rules(index: RuleIndex) -> None:
    """What pays: the rules whose literals are absent are never visited (not even their guards)."""
    visited = sum(map(len, index.candidates(normalize("How do I track my order?"))))
    assert visited <= 10 < sum(len(t.rules) for t in RULE_TABLES) // 10


def test_policy_phrases_are_indexed() -> None:
    """A rule the policy file adds (`Label.with_phrases`) is found through the index like the others."""
    text = "Please start the purple elephant protocol on my booking"
    assert Triage(Policy()).rules(text).label == "none"
    policy = Policy.model_validate({"triage": {"extra_phrases": {"legal": ["purple elephant protocol"]}}})
    decision = Triage(policy).rules(text)
    assert decision.label == "legal" and decision.evidence.startswith("legal:policy"), decision
