"""Triage on examples written for this project: requests for a person, sensitive topics, precedence."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.policy import Policy, load_policy
from bot.triage.decision import Triage
from bot.triage.evaluation import evaluate_triage
from bot.triage.normalize import normalize


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


def _labels(triage: Triage, texts: list[str]) -> dict[str, str]:
    return {t: triage.classify(t).label for t in texts}


PERSON_REQUESTS = [
    # English, including chat shorthand and typos
    "Can I talk to a real person please?",
    "i need to speak with someone from your team",
    "connect me to a human agent",
    "Please transfer me to customer service",
    "get me a representative",
    "operator!!",
    "HUMAN PLEASE",
    "is there an actual human I can chat with?",
    "I'd rather deal with a person, can you put me through?",
    "could u get me a live agent pls",
    "I want to speak to your manager",
    "I don't want to talk to a bot, I want a human",
    "Stop, I'm done talking to a machine",
    "let me talk to somebody who can actually help",
    "how do I reach a human being here?",
    "I need a real person not a chatbot",
    "can i tlak to a humna",
    # Spanish
    "Quiero hablar con una persona",
    "¿Me pasas con un agente, por favor?",
    "necesito un asesor humano",
    "¿Hay alguien real ahí?",
    # French
    "Je voudrais parler à un conseiller",
    "Mettez-moi en relation avec quelqu'un, s'il vous plaît",
    "je veux un vrai humain",
    "Est-ce que je peux parler avec une personne ?",
    # German
    "Ich möchte mit einem Mitarbeiter sprechen",
    "Verbinden Sie mich bitte mit einem Menschen",
    "Kann ich bitte einen echten Menschen haben?",
    "Gibt es einen Menschen, mit dem ich reden kann?",
    "hello? is anyone there?",
    "is somebody available to help me with this?",
    # Portuguese
    "Quero falar com um atendente",
    "pode me transferir para um humano?",
    "preciso de atendimento humano",
    "Gostaria de conversar com uma pessoa de verdade",
]


@pytest.mark.parametrize("text", PERSON_REQUESTS)
def test_requests_for_a_person_in_five_languages(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "customer_request", decision
    assert decision.reason == "customer_request"
    assert decision.evidence.startswith("customer_request:")


NOT_REQUESTS = [
    "I don't need a human, just tell me your opening hours",
    "no need to connect me with an agent, I found it",
    "I do not want to speak to anyone, what is the return window?",
    "if I ever need an agent later, how would I reach one?",
    "am I talking to a real person right now?",
    "are you a bot?",
    "No quiero hablar con un agente, solo dime el precio",
    "Je ne veux pas parler à un conseiller, merci",
    "Ich brauche keinen Menschen, nur die Öffnungszeiten",
    "Não quero falar com atendente, só quero o horário",
    "my travel agent booked the wrong hotel",
    "is anyone available to repair the boiler this weekend?",
    "how many people can share one plan?",
    "can I change the delivery address on my order?",
    "what does the premium plan include?",
]


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_negated_hypothetical_and_unrelated_texts_are_no_request(triage: Triage, text: str) -> None:
    assert triage.classify(text).label == "none", triage.classify(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("someone got into my account and changed the email", "security"),
        ("I think my account was hacked", "security"),
        ("my wallet got stolen with both cards inside", "security"),
        ("I've misplaced my debit card, please block it", "security"),
        ("I got a text pretending to be you asking for my PIN", "security"),
        ("there are logins to my account from a device I don't know", "security"),
        ("a purchase I never made shows up on my card", "security"),
        ("Me robaron la tarjeta", "security"),
        ("mon compte a été piraté", "security"),
        ("Meine Karte wurde gestohlen", "security"),
        ("acho que fui vítima de um golpe", "security"),
        ("You billed me twice for the same month", "billing_dispute"),
        ("there's a duplicate charge for my subscription", "billing_dispute"),
        ("I cancelled last month but you're still charging me", "billing_dispute"),
        ("I want to dispute the amount on this invoice", "billing_dispute"),
        ("you overcharged me for shipping", "billing_dispute"),
        ("the machine gave me less money than I requested", "billing_dispute"),
        ("me cobraron dos veces el mismo pedido", "billing_dispute"),
        ("ich wurde doppelt belastet", "billing_dispute"),
        ("my lawyer will be in touch", "legal"),
        ("I'm going to sue your company", "legal"),
        ("I'll report you to the data protection authority under GDPR", "legal"),
        ("voy a hablar con mi abogado", "legal"),
        ("I want to make a formal complaint about the delivery driver", "complaint"),
        ("This is absolutely unacceptable, worst service ever", "complaint"),
        ("I'm fed up with your customer service", "complaint"),
        ("quiero poner una reclamación", "complaint"),
        ("ich möchte mich beschweren", "complaint"),
        ("I want to kill myself", "self_harm"),
        ("honestly I don't want to live anymore", "self_harm"),
        ("quiero quitarme la vida", "self_harm"),
        ("what's the weather like in Lisbon", "none"),
        ("how long does a refund take?", "none"),
        ("where can I find my invoice?", "none"),
        ("how do I reset my password?", "none"),
        ("my card hasn't arrived yet", "none"),
        ("what is your exchange rate for dollars?", "none"),
    ],
)
def test_sensitive_topics_complaints_and_ordinary_questions(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision
    assert (decision.reason is None) == (label == "none")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my card was stolen and now there are charges I didn't make, I'll sue you", "security"),
        ("I was charged twice and I want to talk to a human", "billing_dispute"),
        ("my lawyer says this is illegal, get me a manager", "legal"),
        ("This is unacceptable, let me speak to a supervisor", "customer_request"),
        ("someone hacked my account and I want to end my life", "self_harm"),
    ],
)
def test_precedence(triage: Triage, text: str, label: str) -> None:
    assert triage.classify(text).label == label


# Pattern families added to generalise beyond the sets the rules were first tuned on; every text
# here is written for this file (none comes from an evaluation set).
GENERAL_PATTERNS = [
    # complaint: a strong negative verdict on the company, service or experience
    ("by far the worst broadband provider I have ever dealt with", "complaint"),
    ("utterly useless support, nothing gets fixed", "complaint"),
    ("what a shambles this whole booking process is", "complaint"),
    ("I emailed you five times and nobody has replied", "complaint"),
    ("you guys never answer the phone", "complaint"),
    ("this is the fifth time I am asking about my parcel", "complaint"),
    ("been waiting 9 days for my refund and still nothing", "billing_dispute"),  # money not given back
    ("I am really disappointed with how this was handled", "complaint"),
    ("I'm sick of chasing you for an answer", "complaint"),
    ("La atención es pésima, nadie me responde desde hace una semana", "complaint"),
    ("Estoy muy decepcionado con vuestra empresa", "complaint"),
    ("Je suis vraiment mécontent, personne ne me rappelle", "complaint"),
    ("Ich bin total unzufrieden", "complaint"),
    ("Niemand meldet sich bei mir, das ist eine Zumutung", "complaint"),
    ("Estou insatisfeito, ninguém me responde", "complaint"),
    # security: someone else acting in the customer's account
    ("there are two sign ins on my profile that I never made", "security"),
    ("a stranger took over my seller page and changed the payout", "security"),
    ("someone is logged into my cloud storage and deleting files", "security"),
    ("my recovery email was changed and I didn't do that", "security"),
    ("Alguien entró en mi perfil y cambió la dirección", "security"),
    ("Hay compras en mi cuenta que yo no hice", "security"),
    ("Il y a des commandes que je n'ai jamais passées", "security"),
    ("Es gibt Bestellungen, die ich nicht aufgegeben habe", "security"),
    ("Alguém acessou minha conta sem permissão", "security"),
    ("Tem compras no app que eu não fiz", "security"),
    # billing_dispute: charged for what was never agreed, more than the price, despite a return
    ("you keep billing me for a plan I never agreed to", "billing_dispute"),
    ("I was debited more than the advertised price", "billing_dispute"),
    ("they charged me although my return was delivered last week", "billing_dispute"),
    ("got a refund on Monday and now there's another charge for the same thing", "billing_dispute"),
    ("Me siguen cobrando aunque ya cancelé el contrato", "billing_dispute"),
    ("On continue de me prélever alors que j'ai résilié", "billing_dispute"),
    ("Vous m'avez facturé plus que le prix annoncé", "billing_dispute"),
    ("Sie haben abgebucht, obwohl ich gekündigt habe", "billing_dispute"),
    ("Mir wurde zu viel berechnet", "billing_dispute"),
    ("Continuam me cobrando mesmo depois que cancelei", "billing_dispute"),
    # customer_request: a member of the staff to look at something, personally
    ("could somebody from your support team look into my ticket?", "customer_request"),
    ("I'd like a member of staff to review my case personally", "customer_request"),
    # customer_request: a call back from someone on their side, in five languages
    ("have one of your advisers ring me back tomorrow morning", "customer_request"),
    ("I'd prefer to go through this with a colleague of yours over the phone", "customer_request"),
    ("please get a technician from your side to phone me", "customer_request"),
    ("I'd like someone at the bank to give me a call", "customer_request"),
    ("is there anybody in billing I can email directly?", "customer_request"),
    ("Que me llame alguien del banco, por favor", "customer_request"),
    ("Pouvez-vous me mettre en contact avec le service facturation ?", "customer_request"),
    ("Kann mich bitte jemand aus Ihrem Team anrufen?", "customer_request"),
    ("Alguém da equipe pode me ligar?", "customer_request"),
    # security: secrets read out to a caller, stolen devices, payees and admins nobody set up
    ("someone rang saying they were from IT and I read them the code", "security"),
    ("my laptop got nicked with the work account signed in", "security"),
    ("money went out to a payee I never set up", "security"),
    ("there's a new admin on our account that nobody here created", "security"),
    ("Me llegó un aviso de inicio de sesión que no fui yo", "security"),
    ("I can't log in and the email on file is now someone else's", "security"),
    # billing_dispute: without asking, the contract says X but, more units than used, fees paid on time
    ("you put me on the annual plan without asking and took the full year", "billing_dispute"),
    ("the contract says 20 a month but you took 35", "billing_dispute"),
    ("I'm being billed for 10 licences, we only use 4", "billing_dispute"),
    ("please reverse the late fee, I paid on time", "billing_dispute"),
    ("the trial should have been free yet my card was charged", "billing_dispute"),
    ("charged for the meal even though the order was cancelled by the restaurant", "billing_dispute"),
    ("Me cobraron un cargo que no corresponde", "billing_dispute"),
    ("On m'a débité un montant supérieur au prix affiché", "billing_dispute"),
    ("Ich habe eine Rechnung für etwas bekommen, das ich nie bestellt habe", "billing_dispute"),
    ("Vocês me cobraram um valor diferente do combinado", "billing_dispute"),
    # complaint: treated badly, repeated failures, expected better
    ("your courier left my parcel in the rain, not good enough", "complaint"),
    ("I have never been treated this badly by a company", "complaint"),
    ("the technician didn't show up, again, and no one called", "complaint"),
    ("that's the third missed appointment this month", "complaint"),
    ("I expected much better from you", "complaint"),
    ("Llevo tres semanas esperando y nadie me da una solución", "complaint"),
    # the review of the guards for "will I be charged?", "only a day" and "a lawyer" as a job: money said to
    # have gone, a wait only quoted, a lawyer as the next step are still handoffs
    ("I paid 40 for a class that you cancelled, will I be charged again next month?", "billing_dispute"),
    ("There's an extra 15 fee on my invoice I never agreed to, will I be billed for it every month?",
     "billing_dispute"),
    ("You overcharged me by 40 on my last bill, will I be charged the right amount next month?", "billing_dispute"),
    ("It's been 12 days since I returned the jacket and still no refund, you told me just 2 days", "billing_dispute"),
    ("I was told the refund would take just a few days but I still haven't got my money back", "billing_dispute"),
    ("The next person you'll hear from is a solicitor", "legal"),
    ("The next person you hear from will be a lawyer", "legal"),
    ("my wife is a solicitor, can she collect my order?", "none"),
    ("I cancelled order 12345, will I be charged?", "none"),
    ("I cancelled order no. 12345 on 3 March at 10 am, will I be charged?", "none"),
    ("It's only been 2 days since I returned it, the refund is supposed to take 5 business days, still no refund",
     "none"),
    ("my husband, who is a lawyer, asked why the invoice changed", "none"),
    # hard negatives: the same words in questions the bot can answer
    ("how do I make someone else an admin of our workspace?", "none"),
    ("does the basic plan include a human review of documents?", "none"),
    ("what does the agent dashboard show?", "none"),
    ("is there a fee to cancel?", "none"),
    ("how do I change the PIN on my card?", "none"),
    ("can I speak to the bot in Spanish?", "none"),
    # hard negatives: the same words in questions the bot can answer
    ("How can I spot a scam text?", "none"),
    ("how do I report a phishing email?", "none"),
    ("what is the worst time to call?", "none"),
    ("worst case, can I cancel later?", "none"),
    ("can you charge more than the price shown for delivery?", "none"),
    ("the total is different from the price shown, does it include tax?", "none"),
    ("I never signed up for the newsletter, how do I stop it?", "none"),
    ("I have been waiting 3 days for my parcel, any update?", "none"),
    ("nobody told me the parcel would need a signature", "none"),
    ("I changed my password and now I can not log in", "none"),
    ("the order I placed yesterday has not arrived", "none"),
    ("do staff look at the photos I upload?", "none"),
    ("can someone help me with my invoice?", "none"),
    ("I am so happy with the service", "none"),
]


# Pattern families added after hold-out B showed the rules generalise poorly to new kinds of company;
# every text is written for this file (none comes from an evaluation set or a hold-out).
INDIRECT_AND_INCIDENT_PATTERNS = [
    # customer_request: by role or "who", "not a bot", loop in, a word with, on the phone
    ("who do I speak to at your end about the broken locker", "customer_request"),
    ("could your site supervisor give me a ring this afternoon", "customer_request"),
    ("please loop in someone from accounts, the bot keeps repeating itself", "customer_request"),
    ("I'd like a quick word with someone who can approve the change", "customer_request"),
    ("is there anyone who can explain the penalty clause to me", "customer_request"),
    ("I'd rather go over this with a person than with a bot", "customer_request"),
    ("not a bot please, this is urgent", "customer_request"),
    ("need somebody from your warehouse on the phone today", "customer_request"),
    ("I want to explain the situation to a real person", "customer_request"),
    ("¿Me puedes poner con alguien de facturación?", "customer_request"),
    ("Bitte geben Sie das an einen Kollegen weiter", "customer_request"),
    ("Quero falar com o responsável pelo setor", "customer_request"),
    # security: identity misuse, details that are not mine, the account taken, callers posing as you
    ("a phone contract was taken out in my name last week", "security"),
    ("the recovery number on my profile is not mine", "security"),
    ("my shop account was stolen and the payouts now go elsewhere", "security"),
    ("somebody switched my email and now I get no alerts", "security"),
    ("I got a verification code that I never requested and then my orders disappeared", "security"),
    ("there's a sign in from Brazil on my account", "security"),
    ("a woman saying she was from your security team had me install an app", "security"),
    ("my account now shows a different bank account for payouts and I never changed it", "security"),
    ("someone ordered two laptops on my account overnight", "security"),
    ("Han abierto una línea a mi nombre", "security"),
    ("Mein Profil wurde übernommen", "security"),
    ("Alguém fez uma compra com o meu cartão", "security"),
    # billing_dispute: refunds that never came, charged despite or for something not rendered, fees not shown
    ("you promised the refund two weeks ago and still nothing has arrived", "billing_dispute"),
    ("I haven't received my refund for the returned chair", "billing_dispute"),
    ("you kept my deposit for no reason", "billing_dispute"),
    ("charged me the peak rate even though I booked off peak", "billing_dispute"),
    ("billed for an installation that was never carried out", "billing_dispute"),
    ("there's a booking fee that was never mentioned, I want it refunded", "billing_dispute"),
    ("it cost 50 online but you charged 70", "billing_dispute"),
    ("I downgraded in May but the bill is still for the top plan", "billing_dispute"),
    ("No me han devuelto el dinero del pedido cancelado", "billing_dispute"),
    ("Je n'ai jamais reçu le remboursement promis", "billing_dispute"),
    ("Die Rückzahlung ist immer noch nicht angekommen", "billing_dispute"),
    ("Ainda não recebi meu dinheiro de volta, ainda não caiu o estorno", "billing_dispute"),
    # complaint: done with you, different stories, rude staff, on record, again in a row
    ("honestly I'm done with you guys", "complaint"),
    ("each advisor I call tells me something different", "complaint"),
    ("the cashier was really rude to my son", "complaint"),
    ("I want this incident formally recorded", "complaint"),
    ("the fourth delivery in a row has come late", "complaint"),
    ("two weeks of no internet and the same template replies, useless", "complaint"),
    ("Me trataron fatal en la tienda", "complaint"),
    ("C'est la troisième fois que j'appelle pour ça", "complaint"),
    ("Das ist eine echte Zumutung", "complaint"),
    # hard negatives: the same words in questions the bot can answer
    ("what should I do if my card gets stolen? just asking before my trip", "none"),
    ("will I be charged twice if I switch plans mid month?", "none"),
    ("do I need to speak to a pharmacist before buying this?", "none"),
    ("how long does a refund usually take to reach my card?", "none"),
    ("who do I make the invoice out to?", "none"),
    ("does the form need a human signature?", "none"),
    ("I am not a robot but the captcha keeps failing", "none"),
    ("how can I see which devices are signed in to my account?", "none"),
    ("can I open an account for my daughter?", "none"),
    ("what is the fee for a paper statement?", "none"),
    ("how do I change the email address on my account?", "none"),
    ("is the booking fee shown before I pay?", "none"),
    ("I was done with the form, what comes next?", "none"),
]


# Review of eea6e66: ordinary questions that the new families handed off, and incidents told in the
# present tense that the "asked in advance" exemption let through to the bot. Safety first: a
# customer reporting a hacked account or a stolen card now must reach a person whatever else they add.
REVIEW_FALSE_POSITIVES = [
    "Will the pharmacist call me when my prescription is ready?",
    "How do I transfer my number to another operator?",
    "Should I show it to the staff at the gate?",
    "Does the app work better on a phone than on a computer?",
    "Does the app work better on a phone rather than the computer?",
    "Is the translation done by humans, not AI?",
    "Ich brauche einen Zugang für meinen Kollegen",
    "Can I have two sessions in parallel?",
    "My preferred username was taken",
    "What if the email address is not mine anymore?",
    "Can I book a second night in a row?",
    "I'm done with your tutorial, how do I export my notes?",
    "My dog is aggressive, can he travel in the cabin?",
    "How do I formally report a change of address?",
    # more in the same spirit, written for this file
    "Will the technician call me before he arrives?",
    "Can I move my info to another advisor's portfolio?",
    "Is it cheaper to order on the website than through the assistant?",
    "Can I log in from two devices at once?",
    "That handle was taken already, can I pick another?",
    "Is it possible to stay three nights in a row at the same rate?",
    "I'm done with the setup, what's next?",
    "Is the cat treatment covered by the insurance?",
    "Do you keep my order history on record?",
    "Kann ich meinem Kollegen Zugriff geben?",
]
REVIEW_PRESENT_INCIDENTS = [
    ("My account is hacked, just asking what to do", "security"),
    ("My card is stolen, what should I do before I travel?", "security"),
    ("Someone is logging into my account from another country, how do I stop it in the future?", "security"),
    ("There's a login from Russia on my account, how do I prevent this in the future?", "security"),
    ("There are payments on my card that I do not recognise, just curious how to block it", "security"),
    ("How can I dispute a charge when my card is charged twice each month", "billing_dispute"),
    # more in the same spirit, written for this file
    ("my email is hacked right now, just wanted to know what to do first", "security"),
    ("someone is using my card as we speak, just asking if you can block it", "security"),
    ("my wallet is stolen and I fly tomorrow, what do I do before I travel?", "security"),
    ("there are transactions I don't recognize on my statement, just curious what happens next", "security"),
    ("someone took over my account, how do I keep it safe in the future?", "security"),
    ("what happens if you keep charging me twice every month like now?", "billing_dispute"),
    ("just asking, can you check if someone is using my card", "security"),
    ("my account is hacked, what happens if I ignore it? just asking", "security"),
    # real in-advance questions stay with the bot
    ("What should I do if my card is ever stolen while travelling? just asking before my trip", "none"),
    ("Will I be charged twice if I change the date?", "none"),
    ("just curious, how do you protect accounts from hackers in general?", "none"),
    ("Will I be billed again if I renew early?", "none"),
    ("what should I do if my phone is stolen abroad? asking before I travel", "none"),
]


@pytest.mark.parametrize("text", REVIEW_FALSE_POSITIVES)
def test_ordinary_questions_with_incident_or_request_words_are_answered(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "none", decision


@pytest.mark.parametrize(("text", "label"), REVIEW_PRESENT_INCIDENTS)
def test_present_tense_incidents_are_handed_off_even_when_asked_as_questions(
    triage: Triage, text: str, label: str
) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


@pytest.mark.parametrize(("text", "label"), INDIRECT_AND_INCIDENT_PATTERNS)
def test_indirect_asks_and_incidents_in_other_words(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


@pytest.mark.parametrize(("text", "label"), GENERAL_PATTERNS)
def test_general_pattern_families(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


def test_a_how_to_question_about_phishing_is_answered_unless_it_happened() -> None:
    triage = Triage(Policy())
    assert triage.classify("where do I report a phishing website?").label == "none"
    assert triage.classify("how do I report a phishing email? I clicked the link").label == "security"
    assert triage.classify("I got a phishing email pretending to be you").label == "security"
    assert triage.classify("how do I report fraud on my card").label == "security"  # fraud is never just a how-to


def test_sustained_frustration_across_history_is_a_complaint(triage: Triage) -> None:
    assert triage.classify("that still doesn't help!!").label == "none"  # one annoyed message is not
    decision = triage.classify("that still doesn't help!!", history=["why is this so useless", "ok"])
    assert decision.label == "none"  # the streak was broken by a calm message
    decision = triage.classify("that still doesn't help!!", history=["ok", "this is ridiculous, nothing works"])
    assert decision.label == "complaint" and decision.reason == "complaint"
    assert "sustained" in decision.evidence


def test_policy_switches_decide_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text("handoff:\n  reasons:\n    complaint: false\n    billing_dispute: false\n", encoding="utf-8")
    triage = Triage(load_policy(path))
    decision = triage.classify("I want to file a complaint")
    assert decision.label == "complaint" and decision.reason is None
    assert triage.classify("charged twice for one order").reason is None
    assert triage.classify("my card was stolen").reason == "sensitive:security"


def test_extra_phrases_from_the_policy(tmp_path: Path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text("triage:\n  extra_phrases:\n    billing_dispute: ['ghost invoice']\n", encoding="utf-8")
    assert Triage(load_policy(path)).classify("I got a Ghost-Invoice again").label == "billing_dispute"
    assert Triage(Policy()).classify("I got a Ghost-Invoice again").label == "none"


def test_normalisation() -> None:
    assert normalize("I can't — won't! Don't…") == " i can not will not . do not . "
    assert normalize("Ça coûte trop, j'aimerais") == " ca coute trop . j aimerais "
    assert "i am" in normalize("Im sooooo tired") and "so tired" in normalize("Im sooooo tired")


def test_a_laughing_face_marks_a_joke_and_keeps_a_legal_word_with_the_bot(triage: Triage) -> None:
    assert normalize("I'd sue the weather 😂") == " i would sue the weather haha "
    assert triage.classify("My parrot argues like an attorney 🤣 do you sell bigger cages?").label == "none"
    assert triage.classify("Your review of my shop is defamatory, my lawyer will be in touch 😡").label == "legal"


def test_evaluation_figures_on_own_rows(triage: Triage) -> None:
    rows = [
        {"id": "1", "text": "let me talk to a person", "expected": "customer_request"},
        {"id": "2", "text": "my card was stolen", "expected": "security"},
        {"id": "3", "text": "charged twice for one order", "expected": "billing_dispute"},
        {"id": "4", "text": "what are your opening hours", "expected": "none"},
        {"id": "5", "text": "I will see you in court", "expected": "complaint"},  # legal counts as a handoff
        {"id": "6", "text": "how do I change my address", "expected": "security"},  # a miss
    ]
    result = evaluate_triage(rows, triage)
    assert result["customer_request"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert result["security"]["recall"] == 0.5 and result["security"]["precision"] == 1.0
    assert result["complaint"]["recall"] == 0.0
    assert result["handoff_precision"] == 1.0 and result["handoff_recall"] == 0.8
    assert result["confusion"]["complaint"] == {"legal": 1}
    assert result["legal"]["predicted"] == 1 and result["legal"]["support"] == 0
    assert result["confusion"]["security"] == {"none": 1, "security": 1}
    assert result["ms_per_utterance"] > 0 and result["n"] == 6


def test_evaluation_refuses_bad_rows(triage: Triage) -> None:
    with pytest.raises(ValueError, match="row 7"):
        evaluate_triage([{"id": "7", "text": "hi", "expected": "angry"}], triage)
    with pytest.raises(ValueError, match="no rows"):
        evaluate_triage([], triage)


# Paraphrases written for the pattern families added for recall on reworded messages; each family
# has cases in words of our own, and the hard negatives next to them must stay with the bot.
PARAPHRASE_FAMILIES = [
    # a person of the company's, named loosely, asked to act on the case
    ("Would one of your team give me a bell tomorrow morning about the boiler cover?", "customer_request"),
    ("Could a staff member hop on a call with me about my pension transfer?", "customer_request"),
    ("Is there any way a person could take over this chat, it keeps looping", "customer_request"),
    ("Somebody on your side has to review why my parcel went back to the depot.", "customer_request"),
    ("can your returns team step in, the courier is ignoring me", "customer_request"),
    ("Please arrange for a loans officer to phone me this week", "customer_request"),
    ("I'd really appreciate a call back from you about the leak", "customer_request"),
    ("I would like to be called by an adviser rather than keep typing", "customer_request"),
    ("Who in your claims office can I actually talk to?", "customer_request"),
    ("Forward my case on to a colleague who handles refunds, thanks", "customer_request"),
    ("I'd like to sort this out with a team member on the phone", "customer_request"),
    ("just find me someone who actually works there", "customer_request"),
    ("Je souhaite qu'un agent du service client me rappelle demain", "customer_request"),
    # security: money going where the customer never was, leaving untouched, things done by someone else
    ("My statement lists three card purchases in Madrid and I have never visited Spain", "security"),
    ("Cash keeps vanishing from my current account and I haven't withdrawn anything", "security"),
    ("A rail ticket was booked on my stored card while I was asleep", "security"),
    ("There's a new payee on my banking app that I didn't set up", "security"),
    ("somebody is ordering groceries with my vouchers", "security"),
    ("All my reward points were spent by someone else last week", "security"),
    ("The dashboard shows a tablet signed in to my profile which we don't own", "security"),
    ("My display name was changed to something I don't recognise", "security"),
    ("my email got reset and I never requested it", "security"),
    ("Orders on my shop account from last month that I never made", "security"),
    ("J'ai reçu un code que je n'ai pas demandé sur mon téléphone", "security"),
    # billing: taken again after stopping, the same thing paid twice, money not given back, promises broken
    ("You took the annual premium even though I ended the policy in May", "billing_dispute"),
    ("I turned off auto-renew and yet I got charged for another year", "billing_dispute"),
    ("my old broadband contract is closed and the direct debit keeps coming out", "billing_dispute"),
    ("Two identical amounts went out to your shop on Friday", "billing_dispute"),
    ("I settled the bill in cash and you then charged my card for the same meal", "billing_dispute"),
    ("Your site debited 60 pounds although the basket showed 45", "billing_dispute"),
    ("You billed me for a repair visit that never happened", "billing_dispute"),
    ("I was charged for a parcel I never sent", "billing_dispute"),
    ("There's a 7.99 fee on my account that I can't account for", "billing_dispute"),
    ("There is an international call fee on my bill but I never made any calls abroad", "billing_dispute"),
    ("The agent promised the admin fee would be refunded, but it's still there", "billing_dispute"),
    ("We still haven't been reimbursed for the cancelled ferry crossing", "billing_dispute"),
    ("the estimate on my gas bill must be wrong, nobody has read the meter in months", "billing_dispute"),
    ("You took payment for three nights when we only stayed two", "billing_dispute"),
    ("They took a cleaning charge from my deposit but nothing was dirty", "billing_dispute"),
    # complaints: leaving for a rival, warning others, the service in decline, treatment judged
    ("After this I'm switching to a different insurer", "complaint"),
    ("Thinking about closing my accounts after the way I was treated", "complaint"),
    ("I'm going to warn everyone at work to stay away from your garage", "complaint"),
    ("I will be posting this on every review platform", "complaint"),
    ("The app has really gone downhill since the update", "complaint"),
    ("The receptionist could not care less about the broken shower", "complaint"),
    ("You have wasted whole days of my time with this", "complaint"),
    ("The courier let us down again, third week running", "complaint"),
    ("I wish to register my dissatisfaction with the repair", "complaint"),
    ("How your agent talked to my mother on the phone was utterly disgraceful", "complaint"),
    ("Appalling attitude from the staff at your branch today", "complaint"),
    ("Your refund process is an utter farce", "complaint"),
    ("I never want to fly with you again", "complaint"),
    ("Honestly, the least helpful bank I have dealt with", "complaint"),
    # second round, from the second paraphrase dev set
    ("Are any of your staff at the depot available to phone me today?", "customer_request"),
    ("I want this claim looked at by a real person please", "customer_request"),
    ("Can your billing folks give me a ring?", "customer_request"),
    ("Somebody has remote access to my laptop and my banking", "security"),
    ("My email was signed into from Vietnam overnight", "security"),
    ("The store credit was used up before I ever got to spend it", "security"),
    ("my phone number got transferred to a new sim without my asking", "security"),
    ("The refund was approved last month and I still haven't received any of the money", "billing_dispute"),
    ("The plumber never turned up and yet you still took the call-out charge", "billing_dispute"),
    ("You billed a fee for a subscription we never signed up for", "billing_dispute"),
    ("The car park charged for five hours but we were only there for two", "billing_dispute"),
    ("There's an exit fee although I cancelled during the cooling off period", "billing_dispute"),
    ("I can't get over how poorly my claim has been handled", "complaint"),
    ("Congratulations, you just lost a long time customer", "complaint"),
    ("The fitter scratched the floor and then was really rude to my wife", "complaint"),
    ("I'm going to be reviewing this on Tripadvisor", "complaint"),
]
PARAPHRASE_NEGATIVES = [
    "Are there staff on site to help carry my bags to the room?",
    "Can my manager book the meeting room for me?",
    "can you get someone to call me a taxi from the hotel?",
    "Can a friend collect my prescription for me?",
    # how-to, coverage and prevention questions about security stay with the bot
    "Out of curiosity, what is the best way to report a lost phone to you?",
    "How should I check whether a caller claiming to be from the bank is real?",
    "Does the travel insurance cover stolen luggage?",
    "Asking before we fly: what if a card is lost abroad, how do we report it?",
    "How can we better secure our company account against hackers?",
    "How do I pay a new payee I haven't paid before?",
    # refund and billing questions asked before anything went wrong
    "How long until a refund is paid back to my card?",
    "If I switch off auto-renew now, will I still be charged next month?",
    "Is the booking fee refunded when the event is cancelled?",
    "Do you charge the same price for both sizes?",
    # neutral questions near the complaint words
    "How do I leave a review for the hotel?",
    "Can I switch to a different plan next month?",
    "Is it possible to move to another branch for my appointments?",
    "How do I tell my friends about the referral offer?",
    "Will the app go down for maintenance tonight?",
    "Do you have staff who speak Polish at the branch?",
    "Can my daughter use my account to stream on her tablet?",
    "Are your staff able to carry parcels to the car?",
    "Does the cooling off period apply to phone contracts?",
    "How was the refund calculated when I cancelled within the trial?",
]


# Reviewer's false positives from the paraphrase rules (leaving_warning, judged_treatment, bad_rate2,
# more_units, not_given_back, never_been, unknown_payee), and more in the same families: an ordinary
# how/where/can-I question or a bare quality word stays with the bot.
SELF_SERVICE_NEGATIVES = [
    # complaint:leaving_warning
    "How do I switch to a different provider plan within your app?",
    "I'm going to write a review on google, how do I upload photos?",
    "I will post a review on trustpilot, where is the link?",
    "I'm thinking about switching after this month's promo ends, what plans do you have?",
    "Can I move to a different network plan without a new contract?",
    "I'm going to post a review on tripadvisor, can I add a photo of the room?",
    "Thinking of switching after this year's contract ends, what deals do you have?",
    # complaint:judged_treatment, a quality word about no service, staff or treatment
    "The weather is very poor.",
    "Really poor",
    "Very disappointing",
    "my wifi signal is very poor, how do I improve it?",
    "The signal is really poor in the basement.",
    "The view from the room was very disappointing",
    # billing_dispute:bad_rate2
    "My usage seems too high, how can I reduce it?",
    "The estimate is too high, can I get a cheaper quote?",
    "The reading was wrong on my meter, how do I submit a new one?",
    "My bill estimate looks too high for a small flat, how do I send you a meter reading?",
    "My balance seems too low, where can I see the pending payments?",
    # billing_dispute:more_units
    "The plan includes 3 lines but I only use 1, can I remove two?",
    "The bundle includes 5 users but we only need 2, how do I change it?",
    # billing_dispute:not_given_back, a refund only just started
    "I have not been refunded for the return I posted today, how long does it take?",
    "I sent the parcel back yesterday and I have not been refunded yet, how long should it take?",
    # security:never_been and security:unknown_payee, questions about the service
    "Do you block transactions that I did not send?",
    "Does your bank block transfers that I did not send?",
    "How do I set up a new payee that I do not know yet?",
    "How can I add a new recipient that I have not paid before?",
]
SELF_SERVICE_TRUE_CASES = [
    ("the way your staff treated me was really poor", "complaint"),
    ("your service has been very poor", "complaint"),
    ("The support I got on the phone was really poor.", "complaint"),
    ("The delivery came two days late and the box was damaged. Very disappointing.", "complaint"),
    ("The food arrived cold, an hour late and half of it missing. Really poor.", "complaint"),
    ("I'm switching to a rival after this, how do I close my account?", "complaint"),
    ("I'm going to write about this on every review site, how do I get my money back?", "complaint"),
    ("Seriously considering leaving after this.", "complaint"),
    ("I'll be reporting this experience on Trustpilot.", "complaint"),
    ("you billed me on a reading that is wrong", "billing_dispute"),
    ("The meter reading you billed me on is wrong, how do I submit the right one?", "billing_dispute"),
    ("The exchange rate you used was wrong, how do I get the difference back?", "billing_dispute"),
    ("You invoiced us for 10 seats but we only have 4, can I get the extra refunded?", "billing_dispute"),
    ("my invoice includes 12 seats but we only have 7 users", "billing_dispute"),
    ("still not refunded after 3 weeks", "billing_dispute"),
    ("I returned the boots three weeks ago and I'm still not refunded, how long does it take?", "billing_dispute"),
    ("We still haven't been refunded for the cancelled flight", "billing_dispute"),
    ("There are three transfers I did not send, how do I stop them?", "security"),
    ("There are two transfers to an account in Lithuania that I didn't send, what is going on", "security"),
    ("A new payee that I do not know has appeared on my account", "security"),
]


@pytest.mark.parametrize("text", SELF_SERVICE_NEGATIVES)
def test_ordinary_questions_near_paraphrase_rules_stay_with_the_bot(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "none", decision


@pytest.mark.parametrize(("text", "label"), SELF_SERVICE_TRUE_CASES)
def test_true_cases_of_the_narrowed_paraphrase_rules(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


@pytest.mark.parametrize(("text", "label"), PARAPHRASE_FAMILIES)
def test_paraphrase_families(triage: Triage, text: str, label: str) -> None:
    decision = triage.classify(text)
    assert decision.label == label, decision


@pytest.mark.parametrize("text", PARAPHRASE_NEGATIVES)
def test_paraphrase_hard_negatives_stay_with_the_bot(triage: Triage, text: str) -> None:
    decision = triage.classify(text)
    assert decision.label == "none", decision


def test_rule_pre_checks_never_hide_a_match() -> None:
    """A rule's `needs` substrings are a shortcut only: wherever its pattern matches, one of them is there."""
    from bot.triage.decision import RULE_TABLES

    texts = [normalize(t) for t, *_ in PARAPHRASE_FAMILIES + SELF_SERVICE_TRUE_CASES]
    texts += [normalize(t) for t in PERSON_REQUESTS + PARAPHRASE_NEGATIVES + SELF_SERVICE_NEGATIVES]
    texts += [" please call me back . ", " the amount does not add up . ", " you took 40 instead of 20 . ",
              " i am sick of the same reply for two weeks . ", " your driver was rude to me . ",
              " who do i talk to here . ",
              " i would rather talk to a person than a bot . ", " still no refund after three weeks . ",
              " we have not been reimbursed yet . ", " you said the fee would be waived but it is still there . ",
              " the courier never came but you charged me . "]
    checked = 0
    for rule in (r for table in RULE_TABLES for r in table.rules):
        if not rule.needs:
            continue
        for text in texts:
            if rule.pattern.search(text):
                checked += 1
                assert any(w in text for w in rule.needs), (rule.name, text)
    assert checked >= 8
