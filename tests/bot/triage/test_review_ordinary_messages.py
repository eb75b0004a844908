"""The review of triage2 (2026-12-05) wrote messages of its own near the story rules that branch added; its
ordinary ones must not be handed to a person by the rule table, its legal threats must still be.

The messages are the reviewer's (new industries, not from any evaluation set). Five are handed off by rules
that were on main before the story rules (strict xfail, so a fix shows up): they are kept here so the
table is judged on all of them, not on the ones it already gets right.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage


def _known(rule: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"handed off by {rule}, a rule on main before the review")


MUST_NOT_HAND_OFF = (
    # an ending or 'no point' that is about a plan, a party or a contract: never the crisis message
    pytest.param('Would it be easier for everyone if I were not around tomorrow morning? The electrician '
                 'needs the power off for two hours.', id='h1'),
    pytest.param('Would it be easier if I was gone by the time your cleaners arrive? Checkout is at 10.', id='h2'),
    pytest.param("I've been thinking about how to end things on a high note at the retirement party, can "
                 'we book the fireworks finale for 11pm?', id='h3'),
    pytest.param('We decided how to end everything: a toast, then the cake at 10pm. Can the DJ stop the '
                 'music for it?', id='h4'),
    pytest.param("I can't see any point in life insurance while I'm renting and single, can I drop that "
                 'part of the bundle?', id='h5'),
    pytest.param("I don't see much point in living abroad on the full plan, can I pause my phone contract "
                 "while I'm in Spain?", id='h6'),
    pytest.param('Estamos pensando en acabar con todo antes de Navidad: cocina, baño y pintura. ¿Podéis '
                 'entregar los azulejos el jueves?', id='h7'),
    pytest.param('Estamos a pensar em acabar com tudo até sexta: pintura, chão e cozinha. Dá para entregar'
                 ' os azulejos na quinta?', id='h8'),
    pytest.param('Ik denk er over na om er een einde aan te maken, aan mijn lidmaatschap van de tennisclub'
                 ' bedoel ik. Wat is de opzegtermijn?', id='h9'),
    pytest.param('Je pense à en finir rapidement avec les travaux de la salle de bain : pouvez-vous livrer'
                 ' le carrelage lundi ?', id='h10'),
    pytest.param("It'd be easier if I weren't here at all for the move, can your packers work from a key I"
                 ' leave with the neighbour?', id='h11'),
    pytest.param('It would be better if I was gone by 8, the gardeners are loud. Can they start at 8:30 '
                 'instead?', id='h12'),
    # Italian: the customer's own change, a question, or 'non ho mai fatto' about something else
    pytest.param('È il mio primo ordine, io non ho mai fatto acquisti online: come funziona il pagamento '
                 'con una carta nuova?', id='i1'),
    pytest.param("Ho un nuovo indirizzo. La modifica nel profilo non l'ho fatta ancora: posso farla "
                 "dall'app?", id='i2'),
    pytest.param('Mia figlia ha 13 anni: può creare un profilo nuovo senza il mio consenso? Vorrei '
                 'impostare io la password.', id='i3'),
    pytest.param("Ho cambiato il numero di telefono. La prenotazione del tavolo l'ha fatta mia moglie, non"
                 ' sono stato io, quindi chiamate lei.', id='i4'),
    # Dutch: the same
    pytest.param('Ik heb een nieuw adres; de bestelling wordt niet door mij opgehaald maar door mijn zus, '
                 'kan dat?', id='n1'),
    pytest.param('Mag mijn zoon van 15 een nieuw profiel aanmaken zonder mijn toestemming, of moet ik '
                 'meetekenen?', id='n2'),
    pytest.param('Mijn nieuwe telefoonnummer staat er nog niet in. Ik was het niet vergeten hoor, de app '
                 'gaf een foutmelding. Hoe pas ik het aan?', id='n3'),
    # 'the difference between ...' and 'do you refund the difference?': a question, not a dispute
    pytest.param("I'd like the difference between the 10-class pass and the monthly membership explained, "
                 'which is better value for twice a week?', id='d1'),
    pytest.param('Can you give me the difference in size between the medium and large dog crates? Our '
                 'spaniel is 14 kg.', id='d2'),
    pytest.param('Ik wil het verschil weten tussen het basis- en het premiumabonnement van jullie '
                 'sportschool.', id='d3'),
    pytest.param('When I move to the smaller storage unit halfway through the month, do you refund the '
                 'difference or keep it as credit?', id='d4'),
    pytest.param('We need the difference in arrival times between the two ferry crossings, our campervan '
                 'check-in depends on it.', id='d5'),
    pytest.param('Vorrei la differenza di prezzo tra la camera doppia e la tripla, siamo in tre con un '
                 'bambino.', id='d6'),
    pytest.param('Quiero la diferencia de precio entre el menú infantil y el normal, mi hijo tiene 11 '
                 'años.', id='d7'),
    pytest.param('Ich möchte die Differenz gern mit der nächsten Monatsrate verrechnen, geht das bei der '
                 'Umstellung auf den kleineren Tarif?', id='d8'),
    # a fault with no one to blame (wear, the customer's own doing) and an ordinary request
    pytest.param("Our tent got ripped by the dog, so we sent it to your repair service. We'd like it back "
                 'before the Snowdonia trip on the 14th, is that doable?', id='r1'),
    pytest.param("The storm cracked our greenhouse glass. I'd like a quote to have it put right, do you "
                 'cover the Leeds area?', id='r2'),
    pytest.param('My old kettle broke after nine years of daily use, so I want a discount on your new '
                 'model, is there a trade-in offer?', id='r3'),
    pytest.param("Our boiler was leaking last week and your engineer fixed it, thanks. Now I'd like it "
                 'back on the eco schedule, which button is that?', id='r4'),
    pytest.param('I dropped my camera on holiday and the lens cracked. I need it back repaired before the '
                 "wedding on the 12th, what's your turnaround?", id='r5'),
    pytest.param('The paint on our garden bench has faded after five summers, which is normal. We want it '
                 'back to the original green, which of your wood stains is closest?', id='r6'),
    pytest.param('My hairdresser says my hair is damaged from years of bleaching, so I want a discount on '
                 'the repair treatment package, do you do student prices?', id='r7'),
    pytest.param("My stomach was upset so we left the wine tasting early, totally our call. I'd like it "
                 'back on the calendar for next month, any dates?', id='r8'),
    pytest.param("The shoes did not fit, no drama, I just ordered the wrong size. I'd like a refund rather"
                 ' than an exchange, the returns label is in the box.', id='r9'),
    # a discount or refund asked for in es/pt/it/fr/de/nl with no fault told
    pytest.param('Somos 20 para ver el partido del sábado en vuestro bar. Pido un descuento de grupo, ¿lo '
                 'hacéis?', id='o1'),
    pytest.param('Vi a nova rota das ciclovias no vosso site. Quero um desconto de estudante no aluguer '
                 'mensal, tenho 19 anos.', id='o2'),
    pytest.param('Sulle rotte per la Sardegna vorrei uno sconto famiglia: siamo due adulti e tre bambini.', id='o3'),
    pytest.param('Le ménage inclut quelles tâches ? Je voudrais un remboursement partiel quand je fournis '
                 'mes propres produits.', id='o4'),
    pytest.param("Cette date ne va pas pour nous à cause d'un mariage. Je souhaite un remboursement ou un "
                 'report, quelles sont vos conditions ?', id='o5'),
    pytest.param('Mein altes Fahrrad ist kaputt, deshalb möchte ich eine Gutschrift für den Neukauf '
                 'einlösen, die ich zum Geburtstag bekommen habe.', id='o6'),
    pytest.param('Mijn oude fiets is kapot na twaalf jaar. Ik wil korting op een nieuwe via jullie '
                 'inruilactie.', id='o7'),
    pytest.param('A minha prancha velha está partida depois de oito anos. Quero um desconto na nova, sou '
                 'sócio do clube.', id='o8'),
    # 'taken further', 'passed up to the chef': not an escalation
    pytest.param('We would like it taken further: the pilot went so well that all four branches want the '
                 'weekly fruit boxes.', id='e1'),
    pytest.param('I want it taken higher at the neckline, about 2 cm. Can your seamstress do that before '
                 'the wedding on Saturday?', id='e2'),
    pytest.param("I'd like this passed up to the chef: my son has a sesame allergy, please make sure his "
                 'burger bun is sesame-free.', id='e3'),
    pytest.param("I'd like it taken further: after the beginner course I want the advanced certificate, "
                 'when does it start?', id='e4'),
    # someone from a named place asked to do the ordinary job of the place
    pytest.param("I'd like someone from your workshop to look at my bike's gears, can I book a service for"
                 ' next week?', id='s1'),
    pytest.param('I need someone from your team to check the smoke alarms in our rental flats every year, '
                 'do you offer a contract?', id='s2', marks=_known('customer_request:look_personally')),
    pytest.param("I'd like a member of your studio to go through the photos and choose the best 20 for the"
                 ' album.', id='s3'),
    pytest.param('Could I have someone from your shop to look at my hearing aid? It whistles a bit.',
                 id='s4', marks=_known('customer_request:look_personally')),
    pytest.param('Kann mich jemand aus der Werkstatt anrufen, sobald das Auto fertig ist?',
                 id='s5', marks=_known('customer_request:anrufen')),
    pytest.param('Qualcuno del negozio mi chiama quando la bici è pronta?', id='s6'),
    pytest.param('Kan iemand van de werkplaats mij bellen als de fiets klaar is?',
                 id='s7', marks=_known('customer_request:nl')),
)

# legal threats told without the word 'legal', near the job-title guard: any handoff will do
MUST_HAND_OFF = (
    pytest.param("Your van reversed into my wall and you've ignored three emails. Our next step is a "
                 'solicitor.', id='l1'),
    pytest.param('You kept my deposit for a course you cancelled. My only option left is a lawyer.', id='l2'),
    pytest.param('Nobody has answered about the flooded basement for a month. My next call is a lawyer.', id='l3'),
)


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


@pytest.mark.parametrize("text", MUST_NOT_HAND_OFF)
def test_the_reviewers_ordinary_messages_stay_with_the_bot(triage: Triage, text: str) -> None:
    decision = triage.rules(text)
    assert decision.label == "none", decision.evidence


@pytest.mark.parametrize("text", MUST_HAND_OFF)
def test_the_reviewers_legal_threats_still_hand_off(triage: Triage, text: str) -> None:
    assert triage.rules(text).label != "none"
