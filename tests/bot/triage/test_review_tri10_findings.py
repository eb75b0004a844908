"""Callback and look-at requests that carry a case or a grievance stay handed off.

Written fresh by the reviewer of branch tri10 (2026-12-05, ninth session; not from any dataset). That
branch's whole-message guards (a "ready notice", a "service visit") let all of these through because
their free slots took any words; it was not merged (docs/DECISIONS.md). A guard for the four ordinary
callbacks in test_review_ordinary_messages.py must keep every one of these handed off.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage

MUST_HAND_OFF = (
    # ready notice: the "job" is the customer's case with the company
    "Could someone from your claims team ring me when my claim is finished?",
    "Can an agent call me when my account is fixed?",
    "Could somebody from your office phone me once the investigation is done?",
    "Can the director call me when the refund is done?",
    "Can someone from customer care call me when my complaint is done?",
    "Can a person call me when my refund is done?",
    "Can a representative call me once my case is finished?",
    "Kann mich jemand aus der Buchhaltung anrufen, sobald die Erstattung fertig ist?",
    "Kan iemand van de klantenservice mij bellen zodra mijn terugbetaling klaar is?",
    "Kan iemand van jullie mij terugbellen zodra mijn klacht klaar is?",
    "¿Me puede llamar alguien de facturación cuando el reembolso esté listo?",
    "Qualcuno dell'amministrazione mi può chiamare quando il rimborso è pronto?",
    # ready notice: blame inside the job span
    "Can someone from your garage call me when the damage you caused is repaired?",
    "Can one of your people ring me once your mess is fixed?",
    "Kann mich jemand anrufen, wenn Ihr Pfusch endlich repariert ist?",
    "Kan iemand mij bellen als jullie rommel eindelijk gerepareerd is? Bedankt voor niks.",
    "Qualcuno mi può chiamare quando il vostro disastro è riparato? Grazie di niente.",
    # ready notice: the closing's "name" slot takes any two words
    "Can someone call me when my car is finally fixed? Thanks. Very disappointed.",
    "Could someone from your team call me when the error is fixed? Thanks. Final warning.",
    # service visit: the thing is damage the company caused
    "Could someone from your company look at the damage you caused? Thanks.",
    "Could someone from your store look at the sofa you delivered broken?",
    "Could someone from your removals team look at the piano you dropped? It rattles a lot.",
    "Could someone from your shop look at the mess your fitter made? Thanks",
    # service visit: a case record not in _CASE_RECORD
    "Could someone from your team look at my warranty? It matters a lot.",
    "Could someone from your support team look at my membership? Thanks.",
    "Could someone from your returns team check my return? Thanks",
    "Could I have someone from your team look at my appointment? Thanks",
    # service visit: a grievance passed as the "offer question"
    "Could someone from your office check my appeal? Do you have any idea how long this takes?",
    "Could someone from your garage look at my car again? Is there a charge for fixing your own mistakes?",
    "Could someone from your garage look at my car? Do you do anything right?",
)


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


@pytest.mark.parametrize("text", MUST_HAND_OFF)
def test_a_case_or_grievance_in_the_harmless_shape_still_hands_off(triage: Triage, text: str) -> None:
    assert triage.rules(text).label != "none"

