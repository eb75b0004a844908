"""Near misses of issue 11 ("customers are asked, not pushed"): opening hours and refund-policy questions stay
with the bot; real handoffs phrased around the same words still go to a person.

Written for branch tri14 (2026-12-06), not copied from any dataset. `NEAR_MISSES`: every one was handed to
a person by main's rules (customer_request's "is anyone there" rules on a question about when a place is
staffed; billing_dispute's story rules on "I paid on <date>. If <something happens>, is there a refund?"),
in English, Spanish, French, German and Portuguese (Italian and Dutch have no such rule to trip). `REAL`:
the same shapes with something gone wrong, waited for or told as a story beside the question (no reply, a
sofa that came broken, a refund weeks late, "if it helps, the refund was approved on...", "you've kept it
for 8 weeks. If you refund it this week...", "is anyone there on Saturday to take back the faulty heater
you sold me"): the rules must keep handing them off, as main's do.
Rules alone, as the other review tests; the served triage (rules + learned head) is counted below.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy, load_policy
from bot.triage.decision import Triage
from bot.triage.setup import offline_triage


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


NEAR_MISSES = [
    'Is anyone there at weekends to help with fittings?',
    'is anyone there on Sunday mornings or only weekdays?',
    'Is someone around after 6pm so we can pick up the keys?',
    'is anybody available on bank holidays for collections?',
    'Is anyone there over Easter to take in a delivery of plants?',
    'Is somebody around on Saturday afternoons to show us the allotment plots?',
    'Is anyone there at lunchtime on Fridays to sign for parcels?',
    '¿Hay alguien en recepción los domingos por la tarde?',
    '¿Hay alguna persona en la tienda a partir de las ocho?',
    '¿Hay alguien en el taller los sábados para recoger la bici?',
    'Buenas, ¿hay alguien en la oficina en Semana Santa para entregar los papeles de la matrícula?',
    '¿Hay alguien en el gimnasio los festivos para abrir la sala?',
    "Il y a quelqu'un à l'accueil le dimanche matin ?",
    "Est-ce qu'il y a quelqu'un sur place le samedi après-midi pour les essayages ?",
    "Y a-t-il quelqu'un au magasin pendant les vacances de Noël ?",
    "Bonjour, il y a quelqu'un au cabinet le mercredi après-midi pour déposer les radios ?",
    "Il y a quelqu'un au club les jours fériés pour prêter les raquettes ?",
    'Ist da jemand am Wochenende an der Rezeption?',
    'Tem alguém na loja ao sábado de manhã?',
    'Há alguém na receção aos domingos?',
    'Tem alguém no escritório nos feriados para entregar a chave do cacifo?',
    'Há alguém no ginásio às sextas-feiras depois das nove?',
    'Is anyone around on weekday evenings to take a look at the flat before we sign?',
    'I bought an annual pass on 1 February. If I move abroad in the summer, can I still get a partial refund?',
    ('I paid for 8 swimming lessons in January and my son has done 3. If he stops now, is there a refund '
     'for the rest, or is nothing refundable?'),
    ('Booked the escape room for 20 June and paid in full. If two of our group drop out, do we still get '
     'a refund for their places?'),
    ('I paid the £40 registration on 9 September. If my daughter changes her mind before the first class, '
     'is the fee refunded or kept?'),
    'How do refunds work if you charge me twice by mistake? Just checking before I order.',
    'Our deposit of £300 went in on 5 January. If the band cancels on you, is the deposit refunded in full or kept?',
    ('I paid £220 on 3 April for the kayak course. If the river is too high that weekend, can I still get '
     'my money back?'),
    'I bought two festival wristbands on 1 March. If one of us gets ill, can we still get a refund for that one?',
    '¿Hay alguien los domingos por la mañana para abrir la piscina?',
    '¿Hay algún agente en la oficina los sábados para firmar el contrato de alquiler?',
    "Il y a quelqu'un le samedi matin pour réceptionner une livraison de bois ?",
    'Y a-t-il un conseiller en agence le lundi après-midi ?',
    'Tem alguém na clínica aos sábados à tarde para fazer as vacinas?',
    'Há uma pessoa na receção ao fim de semana para o check-in tardio?',
    ('I paid for the museum tour on 18 August. If the museum closes that day, can I still get my money '
     'back or a new slot?'),
    'Is anybody there on Sunday afternoons to open the boathouse for members?',
    '¿Hay alguien en la secretaría los viernes por la tarde para entregar el justificante?',
    "Il y a quelqu'un à la boutique le lundi matin pour les retraits de commandes ?",
    'Tem alguém no atelier às quartas-feiras à tarde para provar o vestido?',
]

REAL = [
    "Is anyone there on Saturdays? I've been trying to get my boiler looked at for two weeks",
    'is anyone there at weekends, nobody has answered my emails since Tuesday',
    'Is someone around after 6pm? Still no sign of the parcel you said was delivered',
    "Is there anyone on reception at night? The heating in room 12 is broken and it's freezing",
    'Is anybody available on Sundays, I need help, my account is locked and I have a flight tomorrow',
    'Is anyone there today? The order never came and I need it sorted',
    "Hello?? is anyone there? I've typed the same thing three times now",
    'Is there someone I can talk to on Saturday about the damage to my car?',
    'Is anyone there in the evenings who can look at my case?',
    '¿Hay alguien ahí? Llevo una hora esperando respuesta',
    '¿Hay alguien los sábados? Nadie me ha contestado en dos semanas',
    '¿Hay alguien hoy que pueda revisar mi pedido? No ha llegado',
    "Il y a quelqu'un ? ça fait une heure que j'attends une réponse",
    "Il y a quelqu'un le samedi ? Personne ne répond au téléphone depuis lundi",
    "Il y a quelqu'un ce soir ? je n'arrive plus à accéder à mon compte",
    'Ist da jemand? Ich warte seit einer Stunde',
    'Ist da jemand am Wochenende? Mein Paket ist seit drei Wochen verschwunden und niemand antwortet',
    'Tem alguém aí? Estou à espera há meia hora',
    'Tem alguém na loja ao sábado? Ninguém me responde há dias e preciso de ajuda',
    "Is anyone there on Fridays? it's urgent, the tap is pouring water",
    'is anyone there after 5, been waiting ages for a callback',
    'Is anyone there? hello? hello?',
    ("I paid for the course on 3 March and it was cancelled. If you're wondering, the refund still hasn't "
     'come after six weeks.'),
    'If it helps, the refund was approved on 3 April and I still have nothing.',
    "If I'm honest, I've been waiting 6 weeks for this refund and I'm still waiting.",
    "You charged me twice on 4 June. If you refund the second one, we're good.",
    "If you check, you'll see the £30 was taken twice on 12 May",
    "Still waiting on my deposit from 10 January. If I don't see it by Monday, I'll take it further.",
    "My refund from 3 March still hasn't arrived. If it comes this week, fine, but please check.",
    "I returned the boots on 2 May and still no refund. If it's normal, ok, but it has been a month.",
    'what happens if you keep charging me twice every month like now?',
    "The £45 came out twice on 1 May. If that's a mistake on your side, I want the second one back.",
    'If possible, please look at why I was charged £19.99 twice on 2 April',
    'We paid a £500 deposit on 1 February. If you remember, you promised it back within 14 days. Still nothing.',
    "Is anybody there on weekdays? Someone changed the email on my account and I can't log in",
    "Il y a quelqu'un le dimanche ? On m'a débité deux fois et personne ne répond",
    '¿Hay alguien los domingos? Me cobraron dos veces y nadie responde',
    'Ist jemand samstags da? Sie haben zweimal abgebucht und niemand meldet sich',
    'Is anyone there on Saturdays? The bike you serviced last week has a bent wheel.',
    'is anyone there at weekends? the washing machine you installed is leaking all over the floor',
    'Is someone around on Sunday mornings? The cake I ordered for today is missing the top tier',
    'Is anybody there on bank holidays? You charged me £90 for a delivery that never came',
    'Is anyone there after 6pm? I was billed twice for the same lesson',
    "is anyone there over Christmas? my heating doesn't work and I have a baby",
    '¿Hay alguien los sábados? El sofá llegó roto',
    '¿Hay alguien en la tienda los domingos? Me han cobrado dos veces la misma compra',
    "Il y a quelqu'un le samedi ? Le vélo réparé la semaine dernière a encore un problème de freins",
    "Il y a quelqu'un le dimanche matin ? La machine livrée ne marche pas",
    'Ist da jemand samstags? Die gelieferte Couch ist kaputt',
    'Tem alguém na loja ao sábado? O sofá chegou partido',
    'Há alguém aos domingos? A máquina não funciona desde a instalação',
    "Is anyone there on Fridays? Your engineer left the boiler in pieces and hasn't come back",
    'Is anyone around on Sunday to take back the dress? It fell apart after one wear and I want a refund',
    ("We paid a £300 deposit on 1 March and you've kept it for 8 weeks. If you refund it this week, is it "
     'still possible to get it by Friday?'),
    'I paid £70 on 2 May for a lamp that arrived smashed. If you refund me, will it still take 10 days?',
    'I sent the dress back on 4 April. If the refund is on its way, why is there still nothing on my card?',
    ('Returned the order on 1 March. If you process the refund today, will I still have to wait another '
     "week? It's been six weeks already."),
    'I paid £120 on 5 May and the class was cancelled by you. If there is a refund, where is it? Still nothing.',
    'I paid twice on 3 June. If you can, refund one of them, still waiting.',
    'Is anyone there on Saturday to sort out the mess your fitter made of my kitchen?',
    'is anyone there at weekends to take back the faulty heater you sold me',
    'Is somebody around on Sunday evenings to fix the lock that jammed on us last night?',
    '¿Hay alguien los sábados para arreglar el desastre que dejó vuestro técnico?',
    "Il y a quelqu'un le samedi pour reprendre le canapé abîmé que vous m'avez livré ?",
    'Tem alguém ao sábado para trocar a máquina avariada que me venderam?',
    'Is anyone there on weekday evenings to explain why I was charged a cancellation fee?',
    'Is there anyone on reception at night to deal with the noise from room 14 that has kept us awake?',
    # The tri14 review's attacks (/tmp/review-tri14/test_attack_tri14.py), a gate: presence asked now ("at
    # night", "at this time of night", a ping or a plea beside the question) ...
    'Hello? Is anyone there at this time of night?',
    'is anyone there at night? hello? hello?',
    'Is anyone there at night?? please answer',
    'Is anyone there at night? hello?? please help',
    'hi is anyone there at night please help',
    'Is anyone there in the middle of the night? hello',
    'is anyone there at night or is this just a robot',
    "Il y a quelqu'un à cette heure de la nuit ? bonjour ?",
    'Tem alguém aí à noite? olá?',
    '¿Hay alguien por la noche? ¿hola? por favor',
    # ... a self-harm hint in the clause ...
    "is anyone there at night when I can't cope anymore",
    # ... a problem told inside the opening-hours clause ...
    'Is anyone there on Saturdays who can give me back the money for the order that never came',
    "Il y a quelqu'un le samedi pour me rembourser la commande jamais reçue ?",
    # ... and a policy question that holds its own question ("if I cancel is there a refund?"), a story after it.
    ("I paid £200 on 3 March for the course. If I cancel is there a refund? I'm still waiting for the last one "
     'you owe me.'),
    "I paid £60 on 4 April for the workshop. If I cancel is there a refund? I'm still owed money for the last one.",
    ("I paid £50 on 7 April. If the event is cancelled is there a refund? I'm asking because I'm still out of "
     'pocket from the last one.'),
    "I paid £99 on 1 March. If I cancel now is there a refund? My bank says they'll open a chargeback.",
    'I paid £200 on 3 March. If I cancel is there a refund? Still waiting on the previous one from January.',
]

# Near misses the rules hand off since the tri14 review: a bare singular "at night" in a live chat is read as
# now (opening_hours.py), so this planned visit goes to a person too, the cost of the review's fix.
NIGHT_NOW_COST = ['Is there someone on reception at night if our flight lands late?']

# The learned head (classifier.npy 10717aed...) hands off four of the refund-policy questions once the rules
# leave them (long questions with an amount, a date and "paid": its known weakness, docs/DECISIONS.md tri13).
HEAD_HANDS_OFF_AT_MOST = 4


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_stay_with_the_bot(triage: Triage, text: str) -> None:
    decision = triage.rules(text)
    assert decision.label == "none", decision.evidence


@pytest.mark.parametrize("text", REAL)
def test_real_handoffs_are_still_handed_off(triage: Triage, text: str) -> None:
    assert triage.rules(text).label != "none"


def test_the_served_triage_keeps_the_near_misses() -> None:
    served = offline_triage(load_policy(None))
    handed_off = [text for text in NEAR_MISSES if served.classify(text).reason is not None]
    assert len(handed_off) <= HEAD_HANDS_OFF_AT_MOST, handed_off
    assert all(served.classify(text).reason is not None for text in REAL)
