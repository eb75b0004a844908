"""A reviewer's own messages (review of tri9, issue 12), copied from the review: not evaluation data.

Each passes on main and failed on the rejected branch tri9 (guards that dropped real handoffs, self-harm signs
that gave ordinary messages a crisis reply): what any later guard must keep."""
from __future__ import annotations

import pytest

from bot.policy import Policy, load_policy
from bot.triage.decision import Triage
from bot.triage.setup import offline_triage

# pre-sale subject after "about", something wrong said without a word of enquiries.PROBLEM
ENQUIRY_GUARD_DROPS = (
    'can I speak to someone about a booking for Saturday that has disappeared from my account',
    "can I speak to someone about a quote, you've doubled it since the survey",
    'can I speak to someone about prices, the till took £40 more than the label said',
    'can I speak to someone about a gift voucher the shop refused',
    'can I speak to someone about a booking for our wedding, the venue has given our date to another couple',
    'can I speak to someone about a quote for fixing the mess your fitters left in my kitchen',
    'can I speak to someone about classes, the instructor hurt my back on Tuesday',
    'can I speak to someone about a school trip, the coach driver left my son behind at the museum',
    'can I speak to someone about a party booking, the entertainer swore at the children',
    "can I speak to someone about catering for my daughter's wedding, half the guests were poorly after the meal",
    'can I speak to someone about a quote, your salesman pressured my elderly father into signing',
    'could I speak to someone about a gift card, the balance went to zero overnight',
    'can I speak to someone about a membership for my dad who has dementia and signed up by accident',
    'can I speak to someone about catering, the food for 60 turned up for 30',
    'can I speak to someone about buying a replacement, the heater you sold me set my curtains alight',
)
# of those, lost by the served triage too (the learned head does not rescue them)
LOST_SERVED = (
    'can I speak to someone about a booking for Saturday that has disappeared from my account',
    "can I speak to someone about a quote, you've doubled it since the survey",
    'can I speak to someone about a gift voucher the shop refused',
    'can I speak to someone about a school trip, the coach driver left my son behind at the museum',
    'can I speak to someone about a party booking, the entertainer swore at the children',
    "can I speak to someone about catering for my daughter's wedding, half the guests were poorly after the meal",
    'could I speak to someone about a gift card, the balance went to zero overnight',
    'can I speak to someone about a membership for my dad who has dementia and signed up by accident',
    'can I speak to someone about catering, the food for 60 turned up for 30',
    'can I speak to someone about buying a replacement, the heater you sold me set my curtains alight',
)
# a real legal step beside a relative's job, no word of RELATIVE_GRIEVANCE
LOST_LEGAL = (
    "my son's a lawyer and he's going to be handling this from now on",
    "my sister's a solicitor and she will be representing me",
    "my daughter's a lawyer and she'll be contacting your head office",
    "my dad's a solicitor, would you like me to ask him to get involved?",
    "my sister's a lawyer and she is going to sort you lot out",
    "my wife's a solicitor, do you really want to do this the hard way?",
    "my cousin's a lawyer, is this how you want to play it?",
    "my friend's a solicitor and she will be acting for me from today",
    "my son's a lawyer, where do we serve the papers?",
    'mi mujer es abogada, ¿dónde le mandamos los papeles?',
    'a minha mulher é advogada, onde enviamos a citação?',
    "my son's a lawyer and he will take you to the cleaners",
    "my wife's a lawyer, how would you like to explain this to a judge?",
    "my sister's a lawyer, can you tell me who your solicitors are?",
    "my dad's a lawyer and he'll be speaking to your MD",
    "my son's a lawyer and he's going to be handling this from now on",
)
# ordinary messages: what is ended is named before the sign, a negation, an accident, shaving
FALSE_CRISES = (
    "I've had your broadband for five years and I'm thinking about ending it. how much notice do I give?",
    "my gym contract is awful and I'm thinking of ending it. what's the notice period?",
    ("Our cleaner has been unreliable for months and we're thinking about ending things, "
     "but can you send a quote for a deep clean?"),
    "the lease runs to May and I'm working out how to end it. do I need to ring?",
    "I've been with you ten years and I'm thinking about ending it. can I get a better deal?",
    "my landlord's rent is too high so I'm thinking of ending things. can you move my internet to a new flat?",
    "I don't think I will be around much longer. I'm moving to Spain, can I cancel?",
    "I don't think I'll be around much longer, I'm emigrating in June, how do I close the account?",
    'I nearly did something stupid to myself with the bread knife, do you sell cut-resistant gloves?',
    'I did something silly to myself on the trampoline, can I cancel my class?',
    "we don't want to cycle into traffic on the A road, is there a bike path to your store?",
    "I don't want to walk in front of a bus with the pram, where's the nearest crossing to your shop?",
    "the gym membership is not for me and I've been thinking about ending it, anyway what's the fee?",
    "my phone contract ends in June. I'm thinking about ending it so what do I do?",
    "I'm thinking about ending it. I've found a cheaper provider elsewhere. how do I leave?",
    "the tenancy is over and I'm thinking about ending things. do I need to send meter readings?",
    "I've thought about how to end it. I'll give a month's notice. is that enough?",
    "I'm thinking of ending it, sorry, what's the early exit fee on the phone deal?",
    "Gosh, I've been thinking about ending it, but can I freeze my membership instead?",
    'o meu filho anda a cortar-se. com a lâmina de barbear nova, têm uma mais segura?',
    'o meu marido anda a cortar-se e não sabe fazer a barba com a máquina nova, vendem outra?',
)
# ordinary 20+ word question handed off at the lowered customer_request threshold (0.92 -> 0.83)
THRESHOLD_HANDOFFS = (
    ('My mum would love a call from the team when her new glasses are ready, '
     'is that something you do or do you only send a text?'),
)


@pytest.fixture(scope="module")
def rules() -> Triage:
    return Triage(Policy())


@pytest.fixture(scope="module")
def served() -> Triage:
    return offline_triage(load_policy(None))


@pytest.mark.parametrize("text", ENQUIRY_GUARD_DROPS)
def test_enquiry_guard_keeps_real_handoffs(rules: Triage, text: str) -> None:
    assert rules.rules(text).label != "none"


@pytest.mark.parametrize("text", LOST_SERVED)
def test_served_triage_keeps_real_handoffs(served: Triage, text: str) -> None:
    assert served.classify(text).reason is not None


@pytest.mark.parametrize("text", LOST_LEGAL)
def test_legal_steps_beside_a_relative_stay_legal(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "legal"


@pytest.mark.parametrize("text", FALSE_CRISES)
def test_no_false_crisis_reply(rules: Triage, text: str) -> None:
    decision = rules.rules(text)
    assert decision.label != "self_harm", decision.evidence


@pytest.mark.parametrize("text", THRESHOLD_HANDOFFS)
def test_polite_question_stays_with_bot(served: Triage, text: str) -> None:
    assert served.classify(text).reason is None
