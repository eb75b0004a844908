"""A reviewer's own messages (review of tri8, issue 12), copied from the review: not evaluation data.

Every message here is handed off correctly or answered by the bot on main (rules only) and failed on the
rejected branch tri8: what any later guard must keep.
Real handoffs the tri8 guards dropped and false crisis replies its self-harm signs added.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage

LOST_ENQUIRY_HANDOFFS = (  # customer_request:talk / :contact now yield (enquiries.sales_enquiry)
    "can I talk to someone about a new device logged into my account",
    "can I talk to someone about a security concern",
    "can I speak to someone about a password change that happened overnight",
    "can I speak to someone about a court summons from you",
    "can I speak to someone about a letter from your solicitors",
    "can I speak to someone about a debt collection letter",
    "can I speak to someone about a compensation claim",
    "can I speak to someone about a death in the family",
    "can I speak to someone about a safeguarding concern",
    "can I speak to someone about harassment by one of your drivers",
    "can I speak to someone about a fall in your store",
    "can I speak to someone about a food allergy reaction after eating at your restaurant",
    "could I speak to someone about a burst pipe flooding my flat, it's an emergency",
    "can I speak to someone about a gas smell in the kitchen",
    "can I speak to someone about a payment holiday, I'm struggling to pay",
    "can I speak to someone about a seller who turned out to be fake",
    "can I speak to someone about a pending transaction that's been there for 10 days",
    "can I contact someone about a GDPR subject access request",
)

LOST_LEGAL_THREATS = (  # the relative's-job guard drops the only legal match
    "my son's a lawyer and he's drafting a letter before action",
    "my sister's a solicitor and she's sending you a formal legal notice",
    "my cousin's a solicitor, I've instructed her to start proceedings",
    "my husband's a lawyer. expect a letter from his firm",
    "my dad's a solicitor and he will be writing to you formally",
    "my partner's a solicitor, you'll be hearing from her",
    "my brother's a lawyer and he's copied in on this email",
    "mi marido es abogado y vamos a llevarles a juicio",
    "mi hija es abogada y va a presentar una demanda contra ustedes",
    "mi amigo es abogado y ya está preparando la demanda",
    "mi hermano es abogado y les va a escribir una carta formal",
    "minha irmã é advogada e vai abrir um processo contra vocês",
    "a minha filha é advogada e vai apresentar queixa",
    "o meu pai é advogado e já está a preparar o processo",
)

FALSE_CRISES = (  # new self-harm alternatives fire on ordinary customer messages
    "I'd rather not wake up at 6 for the delivery, do you have slots after 10?",
    "would be easier not to wake up at 5am for the collection, any later slots?",
    "thinking about ending it, the membership I mean, can I freeze it instead?",
    "thinking of ending everything, phone, broadband and TV. what's the exit fee?",
    "been thinking about ending things, this is the third price rise this year, how do I cancel?",
    "thinking about not being around at christmas, can I pause the veg box for two weeks?",
    "I don't think I'll be around much longer as a customer if prices keep going up",
    "don't think I'll be here much longer, my lease ends in June, can I transfer the broadband?",
    "not sure I want to be here anymore, third price rise this year, what's the exit fee?",
    "I counted how many of my tablets came in the box and there are only 26 not 28",
    "I don't see the point in anything premium if the basic one does the same, what's the difference?",
    "we're planning how to end things nicely at the leaving do, can you do a cake?",
    "it'd be better if I wasn't here, can my wife sign for it instead?",
    "o cão anda a cortar-se nas patas com o gelo, vendem botas para cães?",
    "o meu filho anda a cortar-se a fazer a barba, têm lâminas mais seguras?",
    "estou a pensar em acabar com tudo, a televisão e a internet, quanto custa rescindir?",
    "pienso en acabar con todo: la tele, internet y el móvil. ¿cuánto cuesta darse de baja?",
    "he pensado en acabar con todo y cambiarme a otra compañía, ¿cómo pido la portabilidad?",
)


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


@pytest.mark.parametrize("text", LOST_ENQUIRY_HANDOFFS + LOST_LEGAL_THREATS)
def test_real_handoffs_are_not_dropped(triage: Triage, text: str) -> None:
    assert triage.rules(text).label != "none"


@pytest.mark.parametrize("text", LOST_LEGAL_THREATS)
def test_legal_threats_stay_legal(triage: Triage, text: str) -> None:
    assert triage.rules(text).label == "legal"


@pytest.mark.parametrize("text", FALSE_CRISES)
def test_ordinary_messages_get_no_crisis_reply(triage: Triage, text: str) -> None:
    decision = triage.rules(text)
    assert decision.label != "self_harm", decision.evidence
