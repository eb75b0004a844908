"""The tri12 reviewer's 77 ordinary messages through the SERVED triage (rules + learned head).

test_review_tri12_findings.py holds the rules to them; the learned head still hands 28 of them to a person
(long polite questions with an amount, a date or a detail the customer changed). Those are strict known
failures here, by position in the reviewer's list (the texts stay in that one file), so a head that keeps
one with the bot shows up as an XPASS and one that hands off another fails. Measured with
benchmarks/triage_review_served.py; tri13's rows that fixed 8-14 of them cost recall on every
development set and were not shipped (docs/DECISIONS.md, triage).
"""
from __future__ import annotations

import pytest

from bot.policy import load_policy
from bot.triage.decision import Triage
from bot.triage.setup import offline_triage
from tests.bot.triage.test_review_tri12_findings import ORDINARY

# positions the shipped head (classifier.npy 10717aed...) hands off: 17 billing_dispute, 6 security,
# 4 customer_request, 1 complaint (model verdicts at p 0.77-0.99)
HANDED_OFF_BY_THE_HEAD = frozenset({2, 3, 4, 6, 7, 11, 12, 13, 14, 15, 18, 19, 20, 21, 23, 25, 29, 32,
                                    38, 39, 43, 53, 55, 63, 66, 67, 73, 74})


@pytest.fixture(scope="module")
def served() -> Triage:
    return offline_triage(load_policy(None))


def _cases() -> list[object]:
    known = pytest.mark.xfail(strict=True, reason="handed off by the learned head (tri13: not fixed without "
                              "losing recall)")
    return [pytest.param(i, marks=known) if i in HANDED_OFF_BY_THE_HEAD else i for i in range(len(ORDINARY))]


@pytest.mark.parametrize("position", _cases())
def test_ordinary_message_stays_with_the_served_triage(served: Triage, position: int) -> None:
    decision = served.classify(ORDINARY[position][0])
    assert decision.reason is None, decision.evidence
