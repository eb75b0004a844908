"""Ordinary messages near story rules for money not back, charges taken again, account details and payees
that appeared, "I did nothing" and "someone real": they stay with the bot.

Written fresh by the reviewer of branch tri12 (2026-12-05, ninth session; not from any dataset), after
reading that branch's rules: its new rules handed off 78 of them and it was not merged
(docs/DECISIONS.md). Rules alone, as tests/bot/triage/test_stories.py; a story rule for these kinds must
keep every one with the bot.
"""
from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.decision import Triage


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(Policy())


# (message, the tri12 rule that fired on it)
ORDINARY = [
    ('Posted the return on 28 April. While waiting for the 80 euro refund, can I already place a new '
     'order with the same card?',
     'billing_dispute:amount_not_back'),
    ('Devolví el abrigo el 5 de abril. Espero que el reembolso de 60 euros llegue a la misma tarjeta, '
     '¿es así?',
     'billing_dispute:amount_not_back'),
    ('Me llegaron 3 de los 5 cojines el 2 de mayo; espero los 2 que faltan.',
     'billing_dispute:amount_not_back'),
    ('Ich warte auf die Gutschrift von 30 Euro für die Rücksendung vom 2. Mai – kann ich in der '
     'Zwischenzeit neu bestellen?',
     'billing_dispute:amount_not_back'),
    ('I have not had time to spend the 25 euros that you credited on 3 March, do they expire?',
     'billing_dispute:amount_not_back'),
    ('I ordered five prints on 2 April; I have not received the 3 of them that were on back order, any'
     ' news?',
     'billing_dispute:amount_not_back'),
    ("What's the usual refund time? I sent the parcel back on 10 April and I'm waiting for the 35 "
     'euros.',
     'billing_dispute:amount_not_back'),
    ('Devolvi o casaco a 2 de maio. Enquanto aguardo o reembolso, posso usar o vale de 10 euros?',
     'billing_dispute:amount_not_back'),
    ("J'attends le remboursement de ma commande du 3 avril, mais en attendant, pouvez-vous m'aider à "
     'choisir une taille ?',
     'billing_dispute:amount_not_back'),
    ('Ordered 4 chairs on 2 March, still waiting for the 2 that were back-ordered — any date yet?',
     'billing_dispute:amount_not_back'),
    ('Booked the 14 May tour, still waiting for the 3 of us to get confirmation emails, can you '
     'resend?',
     'billing_dispute:amount_not_back'),
    ("Since 1 May I'm saving up and waiting for the 200 euros that my employer pays me, then I'll "
     'order the bike.',
     'billing_dispute:amount_not_back'),
    ('Hola, el 3 de marzo recargué 100 euros en la tarjeta regalo y ya la he usado, ¡gracias! Todavía '
     'no he recibido la factura de los 100 euros de la recarga, ¿me la enviáis?',
     'billing_dispute:amount_not_back'),
    ("I still haven't received the invoice for the 45 euros that I paid on 2 April, could you email "
     'it?',
     'billing_dispute:amount_not_back'),
    ('Ich habe die Rechnung über die 60 Euro vom 2. April immer noch nicht bekommen, könnten Sie sie '
     'mir mailen?',
     'billing_dispute:amount_not_back'),
    ("Je n'ai toujours pas reçu la facture des 80 euros du 3 mai, pouvez-vous me l'envoyer ?",
     'billing_dispute:amount_not_back'),
    ('Ainda não recebi a fatura dos 50 euros do dia 4 de maio, podem enviar por email?',
     'billing_dispute:amount_not_back'),
    ('El 10 de mayo pagué la matrícula. Espero que los 75 euros del curso hayan llegado bien; ¿me '
     'confirmáis la plaza?',
     'billing_dispute:amount_not_back'),
    ('Espero que os 30 euros da inscrição de 2 de maio tenham chegado, podem confirmar?',
     'billing_dispute:amount_not_back'),
    ("Hello, I hope you're well. On 14 February I booked the two-night stay for 240 euros and on 20 "
     "February I added breakfast. I'd like to move the arrival to 21 March if possible; I'm still "
     'waiting for the voucher for the 30 euros that I added for breakfast, no rush at all. Many '
     'thanks, Anna',
     'billing_dispute:amount_not_back'),
    ('Guten Tag, am 3. März habe ich zwei Konzertkarten für 90 Euro gekauft. Ich warte noch auf die 2,'
     ' die per Post kommen sollen – ist das normal? Vielen Dank und schöne Grüße',
     'billing_dispute:amount_not_back'),
    ('Buenos días: el 5 de abril compré dos entradas de 35 euros cada una. Sigo sin recibir las 2 que '
     'pedí por correo postal; ¿podrían confirmarme la dirección de envío? Muchas gracias.',
     'billing_dispute:amount_not_back'),
    ("Bonjour, j'ai commandé le 2 mai deux livres à 18 euros. J'attends encore les 2 que vous avez mis"
     ' en précommande, aucune urgence. Pouvez-vous me dire la date de sortie ? Merci beaucoup.',
     'billing_dispute:amount_not_back'),
    ('Olá! No dia 10 de março encomendei três vasos de 20 euros. Ainda não recebi os 2 que estavam '
     'esgotados, mas sem pressa. Podem dizer-me quando voltam ao stock? Obrigada',
     'billing_dispute:amount_not_back'),
    ('Cancelé el pedido del cargador porque lo encontré, pero ahora quiero comprar otra vez el '
     'cargador de 20 euros, ¿sigue en stock?',
     'billing_dispute:taken_again'),
    ('Your engineer cancelled on Monday but came out again on Tuesday and fixed the boiler — great '
     'service!',
     'billing_dispute:taken_again'),
    ('I cancelled the old order; the new parcel went out again this morning according to tracking, '
     'when will it arrive?',
     'billing_dispute:taken_again'),
    ('I cancelled my order by mistake, so I placed it again and it took two minutes. All fine!',
     'billing_dispute:taken_again'),
    ('Me di de baja del gimnasio y me volví a apuntar; ¿el cobro de nuevo es el día 1?',
     'billing_dispute:taken_again'),
    ('Noise-cancelling headphones: I was charged again for the second pair I ordered for my son — '
     'fine, just need both receipts.',
     'billing_dispute:taken_again'),
    ('I closed my account at my old bank, so the subscription was charged again to my new card — all '
     'good, just update the invoice address please.',
     'billing_dispute:taken_again'),
    ('Die Stornierung der Jacke ist erledigt; die Hose wurde wieder berechnet, weil ich sie neu '
     'bestellt habe. Rechnung bitte an die neue Adresse.',
     'billing_dispute:taken_again'),
    ('The cancellation-proof rain jacket is back in stock again — was it billed at 89 euros or 79 '
     'euros for members?',
     'billing_dispute:taken_again'),
    ("My order number is now in a status I have never seen: 'held at depot'. What does it mean?",
     'security:detail_now_unknown'),
    ('The tracking number now shows a courier I have never heard of — is that your new delivery '
     'partner?',
     'security:detail_now_unknown'),
    ('My mobile number is now with a new provider I have never used before, do I need to update '
     'anything?',
     'security:detail_now_unknown'),
    ('Die Adresse für die Abholung ist jetzt eine Filiale, die ich nicht kenne – wo ist die?',
     'security:detail_now_unknown'),
    ('Le numéro de suivi est maintenant un transporteur que je ne connais pas, est-ce normal ?',
     'security:detail_now_unknown'),
    ('El número de seguimiento ahora es de una empresa que no conozco, ¿quién reparte mi pedido?',
     'security:detail_now_unknown'),
    ('Comprei um telefone novo e agora aparece uma app que não conheço no ecrã inicial, vem da vossa '
     'loja?',
     'security:detail_now_unknown'),
    ("The login page is now in a language I've never seen! Please switch it back to English.",
     'security:detail_now_unknown'),
    ("My phone number is now on the new plan I've never used before — does the discount apply?",
     'security:detail_now_unknown'),
    ("Since our company rebranded, the email on my account is now one I've never used (new domain). "
     'Will my orders still come through?',
     'security:detail_now_unknown'),
    ('A new recipient field appeared in the checkout after the update, what is it for?',
     'security:payee_appeared'),
    ('The new beneficiary appeared on my life insurance policy after my wife added her son, thanks for'
     ' the quick update.',
     'security:payee_appeared'),
    ('El regalo para el nuevo destinatario salió ayer, ¿cuándo llegará?',
     'security:payee_appeared'),
    ("Le nouveau destinataire est apparu dans la liste, merci ! C'est ma sœur, je l'avais invitée.",
     'security:payee_appeared'),
    ('Im Geschenkgutschein ist ein neuer Empfänger aufgetaucht – meine Frau hat ihn eingetragen, kann '
     'ich den Gutschein trotzdem einlösen?',
     'security:payee_appeared'),
    ('Someone set up a direct debit for my council tax on the phone yesterday — can you confirm the '
     'date it starts?',
     'security:payee_appeared'),
    ('Apareceu um novo destinatário no formulário de presente, é para onde envio o cartão?',
     'security:payee_appeared'),
    ('Mi hijo añadió un nuevo beneficiario en la póliza y ya apareció, gracias.',
     'security:payee_appeared'),
    ('My husband added a new payee on our joint account and it has appeared, but the name is misspelt '
     '— can I edit it?',
     'security:payee_appeared'),
    ('A new recipient appeared after I paid a friend via QR code, is that normal?',
     'security:payee_appeared'),
    ('Nachdem ich per QR-Code bezahlt habe, ist ein neuer Empfänger aufgetaucht – ist das normal?',
     'security:payee_appeared'),
    ('Pagué a un amigo con Bizum y apareció un nuevo destinatario en la lista, ¿es normal?',
     'security:payee_appeared'),
    ("Après avoir payé un ami, un nouveau bénéficiaire est apparu dans ma liste. C'est normal ?",
     'security:payee_appeared'),
    ('Depois de pagar ao meu irmão apareceu um novo beneficiário na lista, é normal?',
     'security:payee_appeared'),
    ('I got a new laptop, I did nothing except install the app, and now it asks for my password every '
     'time. How do I stay signed in?',
     'security:changed_not_by_me'),
    ('I did nothing different but the login email is now in capital letters on the invoice, is that a '
     'problem?',
     'security:changed_not_by_me'),
    ('Nach dem Update wurde die App zurückgesetzt, obwohl ich nichts gemacht habe. Muss ich mein '
     'Passwort neu eingeben?',
     'security:changed_not_by_me_de'),
    ('El número de seguimiento cambió y no hice nada, ¿es normal?',
     'security:changed_not_by_me_es'),
    ('Quiero hacer un cambio de talla. No hice nada con la etiqueta; ¿a qué dirección lo envío?',
     'security:changed_not_by_me_es'),
    ("J'ai changé de téléphone et, sans rien faire, l'application m'a redemandé mon mot de passe. "
     "C'est normal ?",
     'security:changed_not_by_me_fr'),
    ('Comprei um telemóvel novo, não fiz nada e agora a app pede o número outra vez. É normal?',
     'security:changed_not_by_me_pt'),
    ('The new update changed my notification settings without me doing anything, how do I get my email'
     ' alerts back?',
     'security:changed_not_by_me'),
    ('Ist am Samstag ein echter Mensch im Laden? Ich brauche Hilfe beim Anprobieren der Schuhe.',
     'customer_request:someone_real_other_languages'),
    ('Ein echter Mensch hat mir gestern am Telefon geholfen, danke! Kann ich jetzt die Rechnung '
     'herunterladen?',
     'customer_request:someone_real_other_languages'),
    ("Est-ce qu'il y a une vraie personne au magasin le samedi ? Je voudrais essayer des chaussures.",
     'customer_request:someone_real_other_languages'),
    ("Sabato c'è una persona vera in negozio? Vorrei provare le scarpe.",
     'customer_request:someone_real_other_languages'),
    ('Is er zaterdag een echte mens in de winkel? Ik wil graag advies over hardloopschoenen.',
     'customer_request:someone_real_other_languages'),
    ('Kan ik een portret van een echte persoon laten drukken op canvas?',
     'customer_request:someone_real_other_languages'),
    ('Il manichino in vetrina sembra una persona vera! Posso comprare il vestito che indossa? Vorrei '
     'la taglia M',
     'customer_request:someone_real_other_languages'),
    ('Wie kann ich die Abwesenheitsnotiz persönlich formulieren statt der automatischen Antwort?',
     'customer_request:someone_real_other_languages'),
    ("Je ne reçois pas les messages automatiques de confirmation, personne dans l'équipe non plus. "
     'Pouvez-vous vérifier ?',
     'customer_request:someone_real_other_languages'),
    ('Kan iemand van mijn team de mails versturen in plaats van de automatische mails? Welke '
     'instelling is dat?',
     'customer_request:someone_real_other_languages'),
    ('Bitte keine Fotos mit einem echten Menschen auf der Karte, nur das Produkt – kann man das bei '
     'der Bestellung angeben?',
     'customer_request:someone_real_other_languages'),
    ('Gibt es samstags jemanden Echten an der Kasse oder nur Selbstbedienung? Ich möchte bar zahlen.',
     'customer_request:someone_real_other_languages'),
]

# incidents of the kinds tri12 targets (main's rules catch 12 of these 42, tri12's 41)


@pytest.mark.parametrize(("text", "rule"), ORDINARY)
def test_ordinary_message_stays_with_the_bot(triage: Triage, text: str, rule: str) -> None:
    decision = triage.rules(text)
    assert decision.label == "none", (rule, decision.evidence)
