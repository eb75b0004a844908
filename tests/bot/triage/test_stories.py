"""Incidents told as stories, in any words, and their near neighbours (issue 12); written for this file."""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


STORIES = [
    # a change on the account the customer did not make
    ("the mobile number on my profile is different and I never updated it", "security"),
    ("somebody reset the password on my pharmacy account overnight", "security"),
    ("my payout details were switched to another bank, it wasn't me", "security"),
    ("there is a booking on my account for a flight I never booked", "security"),
    ("Alguien cambió mi contraseña, yo no fui", "security"),
    # money taken for something cancelled, or not given back
    ("you took 80 for the boiler service that your engineer cancelled", "billing_dispute"),
    ("I returned the sofa on 2 May and the refund still hasn't arrived", "billing_dispute"),
    ("the course was cancelled by you and I was still billed for the term", "billing_dispute"),
    ("Me cobraron la clase aunque la cancelé", "billing_dispute"),
    # a person asked for without "human" or "agent"
    ("can someone real please look at this instead of the automatic replies", "customer_request"),
    ("I'd like a callback from your billing team this afternoon", "customer_request"),
    ("Vorrei parlare con il responsabile del negozio", "customer_request"),
    ("Kunt u mij doorverbinden met een collega?", "customer_request"),
    ("the surveyor never turned up. Somebody needs to look at my booking", "customer_request"),
    # an account thing changed or used, and the customer says it was not them
    ("the app lists a new payee on our business profile, none of us added one", "security"),
    # money not given back, or taken after the customer ended something
    ("you cancelled the fitting on 4 May and the 60 deposit still hasn't come back", "billing_dispute"),
    ("I closed the storage plan in June and you billed me again in July and August", "billing_dispute"),
    # a complaint or a legal step in plain words, in seven languages
    ("if nobody fixes the leak this week I'll be taking it further", "complaint"),
    ("Quiero poner una reclamación por cómo me atendieron en la tienda", "complaint"),
    ("Ik stel jullie aansprakelijk voor de waterschade", "legal"),
    ("Passo tutto al mio avvocato se non rispondete entro lunedì", "legal"),
]

NEAR_NEIGHBOURS = [
    # lost property, not a lost card
    "I left my laptop charger in the meeting room, can you check?",
    "I lost my library card, how do I get a new one?",
    "my umbrella was left on the bus, is there a lost property office?",
    # an insurance claim, not a complaint or an incident
    "How do I file a claim on my warranty for the cracked screen?",
    "Is my scooter covered if it's stolen from outside my flat?",
    # a spare part, not a security incident
    "the kit arrived with a hinge missing, can you post a spare part?",
    # a joke about lawyers, not a legal threat
    "haha my lawyer says your cakes should be illegal, can I order two?",
    # the complaints procedure asked about, nothing gone wrong
    "where can I find your complaints procedure? just asking for the future",
    # "reclamación", "réclamation", "reclamação": the routine claim on an insurance or its form
    "¿Dónde envío la reclamación del seguro de viaje por el vuelo perdido?",
    "Je cherche le formulaire de réclamation pour la garantie du lave-linge",
    "Como faço a reclamação ao seguro pela janela partida?",
    # a lawyer in a film, book or series, and a stolen thing under an insurance
    "the series finale where the attorney quits was great, when is season 3 coming?",
    "my bike was stolen from the station, does my home insurance cover it?",
    # a German lost thing that is no card
    "Ich habe meinen Regenschirm im Kino verloren, hat ihn jemand gefunden?",
    # questions asked before anything happened
    "if I cancel today, will I still be charged for the month?",
]


@pytest.mark.parametrize(("text", "label"), STORIES)
def test_incidents_told_as_stories(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


@pytest.mark.parametrize("text", NEAR_NEIGHBOURS)
def test_near_neighbours_stay_with_the_bot(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "none", decision


# Everyday words that also name a story ("book" the verb, "a series of", a password's "characters",
# a "plot" of land, German "Folge"): beside them a legal step is still a legal step.
LEGAL_BESIDE_STORY_WORDS = [
    "I want to book a viewing but you cancel every time. I'm contacting a lawyer",
    "you lost my book order and nobody answers, this is going to small claims court",
    "the password needs 12 characters and I'm locked out for a week, I'll get a lawyer involved",
    "the plot of land you sold me has no access road, my neighbour says I should get a lawyer involved",
    "Die Folge: ich schalte einen Anwalt ein, wenn die Rechnung nicht storniert wird",
]
# A story placed in the words around them, as before.
STORY_PHRASES = [
    "in the book the solicitor loses the case, is there a hardback edition?",
    "Im Buch verliert die Anwältin den Prozess, gibt es eine Fortsetzung?",
    "en la serie el abogado pierde el juicio, ¿cuándo sale la tercera?",
    "the main character is a lawyer who sues the town, is it on your app?",
    "is the courtroom thriller about the solicitor on your shelves yet?",
]


@pytest.mark.parametrize("text", LEGAL_BESIDE_STORY_WORDS)
def test_a_legal_step_beside_an_everyday_story_word_is_legal(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "legal", decision


@pytest.mark.parametrize("text", STORY_PHRASES)
def test_a_lawyer_placed_in_a_story_is_a_character(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "none", decision
