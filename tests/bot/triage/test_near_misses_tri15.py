"""tri15: refunds waited for, deaths in the family, relatives' jobs and group enquiries (own wording).

Written for this change, not copied from any evaluation set: the positives are missed by main's rules, the
near misses handed off by them; the kept handoffs are the same shapes with something legal, told or wrong
beside them, which every guard here must leave with a person.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage

REFUNDS_WAITED = (  # billing_dispute: an overdue refund told as the wait
    "I've been waiting a month for my refund",
    "been waiting over six weeks on the refund for the cancelled lessons",
    "Waiting for my refund for the returned jacket for nearly two months now",
    "five weeks now and still waiting for the deposit back",
    "no sign of my refund after three weeks, order 5521",
    "Ich warte seit sechs Wochen auf die Erstattung für den stornierten Kurs",
    "Noch immer keine Rückzahlung nach einem Monat",
    "J'attends le remboursement de mon acompte depuis trois semaines",
    "ça fait un mois que j'attends mon remboursement",
    "Llevamos dos meses esperando la devolución de la fianza",
    "Sigo sin reembolso después de cuatro semanas",
    "Estou à espera do reembolso da encomenda há cinco semanas",
    "Aspetto ancora il rimborso da un mese",
)

REFUND_QUESTIONS = (  # how long a refund takes, or a wait not yet long: the bot answers
    "How many weeks does a refund usually take?",
    "I'm waiting for my refund, when should it arrive?",
    "While I wait for the refund can I order the bigger size?",
    "it's only been two days since I sent it back, when will the refund come?",
    "¿Cuántas semanas tarda el reembolso?",
    "J'attends mon remboursement, combien de jours faut-il compter ?",
)

BEREAVEMENTS = (  # customer_request: a death in the family and the dead person's account or order
    "My dad passed away last month, how do I cancel his membership?",
    "my wife died in March and her account is still sending emails",
    "Our son passed away and his direct debit is still being taken",
    "Mi padre murió y quiero dar de baja su cuenta",
    "Mon mari est décédé, comment clôturer son compte ?",
    "Meine Mutter ist verstorben, ich möchte ihr Abo kündigen",
    "O meu pai faleceu e queria cancelar a assinatura dele",
    "Mia madre è morta, vorrei disdire il suo abbonamento",
    "Mijn vader is overleden, hoe kan ik zijn lidmaatschap opzeggen?",
)

DEATHS_IN_PASSING = (  # a death told beside an ordinary question: the bot answers
    "my nan passed away last spring, do you restore old photographs?",
    "Do you make memorial benches? my husband died in 2019",
    "mi abuelo falleció hace años, ¿arregláis relojes antiguos?",
    "my laptop died, can I still download the course videos?",
)

RELATIVES_JOBS = (  # a lawyer named as someone's job beside an ordinary errand: the bot answers
    "my son's a lawyer, does he get the professional discount?",
    "our daughter's an attorney, do you do gift cards?",
    "mi hija es abogada, ¿hacéis tarjetas regalo?",
    "Ma soeur est avocate, vous faites des cours du soir ?",
    "Meine Frau ist Anwältin, gibt es Gruppenkurse am Abend?",
    "Mio fratello fa l'avvocato, avete ancora la collezione invernale?",
    "Mijn man is advocaat en vroeg of jullie ook op zondag bezorgen",
    "my daughter's a solicitor and wants to know if you do corporate gift hampers",
)

RELATIVES_ACTING = (  # the same shape with a legal step, a threat or money wanted back: legal
    "my son's a lawyer and he will be writing to you",
    "my sister's a solicitor, do you want to explain this to a judge?",
    "my dad's a lawyer, is this really how you want it to go?",
    "my wife's a lawyer, can she get my money back for the broken oven?",
    "mi hija es abogada, ¿a dónde mandamos la reclamación?",
    "Ma soeur est avocate, vous avez reçu notre lettre ?",
    "Meine Frau ist Anwältin und schreibt Ihnen nächste Woche",
)

GROUP_ENQUIRIES = (  # a group or bulk enquiry phrased as a wish to talk: the bot answers
    "Can I speak to someone about a group booking for 16 people in October? What's the rate?",
    "could I talk to someone about a hen party for 9 of us?",
    "hi, can I speak to someone about a bulk order of 200 mugs?",
    "Can I speak to someone about a school trip for about 40 pupils? prices please",
)

ASKS_FOR_A_PERSON = (  # the same ask with a story, a call, a problem or no group: customer_request or more
    "can I speak to someone about a group booking, the coach never came",
    "can I speak to someone about a party for 12 kids? please call me on 07700 900456",
    "can I speak to someone about a group booking for 20 people, I was charged the full price",
    "can I speak to someone about my mother's account",
    "can I speak to someone about a group booking that disappeared",
    "can I speak to your manager about a group booking for 30 people",
)


@pytest.fixture(scope="module")
def rules() -> Triage:
    return Triage(Policy())


@pytest.mark.parametrize("text", REFUNDS_WAITED)
def test_a_refund_waited_for_is_a_billing_dispute(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "billing_dispute"


@pytest.mark.parametrize("text", REFUND_QUESTIONS + DEATHS_IN_PASSING + RELATIVES_JOBS + GROUP_ENQUIRIES)
def test_near_misses_stay_with_the_bot(rules: Triage, text: str) -> None:
    decision = rules.rules(text)
    assert decision.label == "none", decision.evidence


@pytest.mark.parametrize("text", BEREAVEMENTS)
def test_a_death_and_the_account_goes_to_a_person_without_a_crisis_reply(rules: Triage, text: str) -> None:
    decision = rules.rules(text)
    assert decision.label == "customer_request", decision.evidence


@pytest.mark.parametrize("text", RELATIVES_ACTING)
def test_a_relative_acting_stays_legal(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "legal"


@pytest.mark.parametrize("text", ASKS_FOR_A_PERSON)
def test_a_real_ask_for_a_person_is_kept(rules: Triage, text: str) -> None:
    assert rules.rules(text).label != "none"


def test_do_you_have_asks_but_do_you_have_my_deposit_tells(rules: Triage) -> None:
    assert rules.rules("Can I speak to someone about a team day for 15 people? What menus do you have?").label == "none"
    assert rules.rules("can I speak to someone about a party for 10 kids, do you have my deposit?").label != "none"


# The tri15 reviewer's messages (docs/DECISIONS.md, tri15): the first guards let these through.
REVIEW_THREATS = (  # a lawyer beside a question, a deadline, a cost or the customer's own job: a person
    "my son's a lawyer, can you provide your registered office address and company number?",
    "my husband's a lawyer. how much do you think this is going to cost you?",
    "my dad's a solicitor, is this allowed under the Consumer Rights Act?",
    "my friend's a lawyer, is that right that you can keep my deposit?",
    "my next call is a lawyer. do you have anything to say before then?",
    "my only option now is a lawyer, can you fix this today or not?",
    "Mi siguiente paso es un abogado. ¿Tenéis algo que decir?",
    "Ma prochaine étape est un avocat, vous avez 48h.",
    "Je suis avocat. Vous avez 8 jours pour me rembourser.",
    "Soy abogado. ¿Tenéis idea del lío en el que os habéis metido?",
    "Ich bin Anwalt. Haben Sie eine Ahnung, was das für Sie bedeutet?",
    "Sono avvocato, avete idea delle conseguenze?",
    "Ik ben advocaat. Hebben jullie tot vrijdag om het geld terug te storten.",
    "Meine Frau ist Anwältin, haben Sie bis Freitag Zeit, mir das Geld zurückzuzahlen.",
    "Mijn zus is advocaat, hebben jullie enig idee wat dit jullie gaat kosten?",
)

REVIEW_NO_DEATH = (  # "parti", "mancato alla lezione", "died his hair", "passed on the message", "passed!"
    "Ma fille est partie en Erasmus, comment annuler son abonnement ?",
    "Mon fils est parti à l'étranger, je voudrais résilier son abonnement.",
    "Mio figlio è mancato alla lezione di ieri, posso annullare l'iscrizione al corso?",
    "my son died his hair blue for the show, can I cancel the order for the blonde wig?",
    "My wife passed on the message: can you cancel the order for Friday?",
    "My son passed! Can I cancel his account?",
)

REVIEW_GROUP_PROBLEMS = (  # a group named, then a problem told: the ask for a person stands
    "can I speak to someone about my son's safety on the school trip",
    "can I speak to someone about the school trip, another pupil keeps hitting my son",
    "can I speak to someone about the trip for 30 pupils, the coach driver smells of alcohol",
    "can I speak to someone about a school trip for 40 pupils, a child is in hospital",
    "Can I speak to someone about a group booking for 15 people? I want my deposit back",
    "can I speak to someone about a hen party for 10 of us, the venue is filthy and smells",
    "can I speak to someone about our group booking for 20 people? where is our deposit?",  # a tester's
)

REVIEW_WAITS_NOT_OURS = (  # a wait that is over, past or someone else's: the bot answers
    "After waiting six weeks for the refund it finally came, thanks! Can I reorder the blue one?",
    "I waited months for a refund from another shop, how fast are yours?",
    "my friend has been waiting a month for a refund from you, is that normal before I order?",
)


@pytest.mark.parametrize("text", REVIEW_THREATS)
def test_a_lawyer_beside_a_threat_stays_with_a_person(rules: Triage, text: str) -> None:
    assert rules.rules(text).label in ("legal", "billing_dispute")


@pytest.mark.parametrize("text", REVIEW_NO_DEATH + REVIEW_WAITS_NOT_OURS)
def test_no_death_and_no_wait_of_ours_stay_with_the_bot(rules: Triage, text: str) -> None:
    decision = rules.rules(text)
    assert decision.label == "none", decision.evidence


@pytest.mark.parametrize("text", REVIEW_GROUP_PROBLEMS)
def test_a_group_with_a_problem_keeps_the_handoff(rules: Triage, text: str) -> None:
    assert rules.rules(text).label != "none"


def test_italian_bereavement_still_fires_with_a_month(rules: Triage) -> None:
    assert rules.rules("Mio padre è mancato a gennaio, vorrei disdire il suo abbonamento").label == "customer_request"
    assert rules.rules("Mio marito è venuto a mancare, come chiudo il suo account?").label == "customer_request"


# A tester's messages against the served bot (2026-12-06): phrasings the first rules missed.
TESTER_WAITS = (
    "Where is my refund? It's been 21 days.",
    "Ça fait trois semaines et toujours pas de remboursement.",
    "Sigo esperando mi reembolso después de 3 semanas.",
)
TESTER_DEATHS = (
    "Dad passed away last week, his subscription needs cancelling",
    "I'm writing on behalf of my late father, please cancel his Bean Club.",
    "We lost our mum in October. Her coffee subscription is still charging her card.",
    "my mum passed in March, please stop her deliveries",
    "My brother is deceased, how do I cancel his coffee club membership?",
    "Ma mère nous a quittés, comment arrêter son abonnement ?",
)
TESTER_NEAR = (  # the same words with no overdue wait or no death: the bot answers
    "where is my refund? how long do refunds take",
    "my dad passed on the message, can you cancel the order?",
    "Dad died his hair, can I cancel the wig order",
    "My son passed in June! can I cancel the extra lessons?",
)


@pytest.mark.parametrize("text", TESTER_WAITS)
def test_a_testers_refund_waits_are_billing_disputes(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "billing_dispute"


@pytest.mark.parametrize("text", TESTER_DEATHS)
def test_a_testers_bereavements_go_to_a_person(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "customer_request"


@pytest.mark.parametrize("text", TESTER_NEAR)
def test_a_testers_near_misses_stay_with_the_bot(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "none"


TESTER_LAWYERS_ACTING = (  # a tester's: the relative's job named, then the lawyer about to act or the company warned
    "My son is a lawyer and he will be in touch if you don't refund me.",
    "my son is a lawyer, he'll be contacting you about my refund",
    "my son is a lawyer. I'd think carefully about your next reply.",
    "My son is a lawyer and he's reading this chat.",
    "My daughter is a solicitor and she's seen your terms.",
)
JOBS_ONLY = (  # the job named beside an ordinary errand: the bot answers
    "I am a lawyer, can I book a table for 6 on friday?",
    "my wife is a solicitor and will be in Leeds on friday, can she pick up the order?",
)


@pytest.mark.parametrize("text", TESTER_LAWYERS_ACTING)
def test_a_lawyer_about_to_act_is_legal(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "legal"


@pytest.mark.parametrize("text", JOBS_ONLY)
def test_a_job_beside_an_errand_stays_with_the_bot(rules: Triage, text: str) -> None:
    assert rules.rules(text).label == "none"
