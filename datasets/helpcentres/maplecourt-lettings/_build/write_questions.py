"""Write golden.jsonl and conversations.jsonl (kept as a script so the rows are easy to edit)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HW = "getting-started/how-maplecourt-works.md"; HD = "deposits/holding-deposit.md"; TD = "deposits/tenancy-deposit.html"
RF = "referencing/referencing-and-guarantors.md"; PR = "rent/paying-rent.md"; AR = "rent/rent-arrears.txt"
RR = "repairs/reporting-repairs.html"; OH = "repairs/out-of-hours-emergencies.txt"; IN = "inspections/property-inspections.md"
PE = "pets/pets-policy.pdf"; CO = "checkout/check-out-and-deductions.pdf"; EN = "ending/ending-your-tenancy.docx"
LF = "landlords/landlord-fees-schedule.docx"; MP = "landlords/management-packages.html"; TM = "landlords/terminating-management-agreement.txt"
RN = "renewals/renewals-and-rent-increases.md"; UT = "utilities/utilities-and-council-tax.md"; FQ = "help/faq.html"
HB = "guides/tenant-handbook.md"; CM = "community/deposit-deductions-thread.md"

EN_ANS = [
    ("are u open saturdays? need to come in and sign something", [HW], ["09:00 to 13:00"]),
    ("What's the number for landlords? I own a flat in town and want to talk to someone about you managing it", [HW], ["01 555 0150"]),
    ("we paid a holding deposit to reserve a flat 10 days ago and the landlord has now decided not to let it after all. when do we get our money back??", [HD], ["7 days"]),
    ("Hi, my partner and I found a lovely one-bed at £875 pcm and the negotiator said we need to pay something to take it off the market while the checks are done. Do we pay one each, and how much is it exactly?", [HD], ["£201.92"]),
    ("deposit for a 2000 a month flat?", [TD], ["£2,307.69"]),
    ("how long has the agent actually got to put my deposit into one of those protection schemes after i've paid it", [TD], ["30 days"]),
    ("how much do i need to earn to rent somewhere thats £1,000 a month", [RF], ["£30,000"]),
    ("My dad has offered to back me for a flat (rent is 1000/month). what does his salary need to be?", [RF], ["£36,000"]),
    ("whats the sort code for paying rent", [PR], ["01-55-01"]),
    ("my tenancy started on 31 january so when exactly is rent due each month? feb doesnt even have a 31st lol", [PR], ["28th"]),
    ("rent went in late, how much interest are you actually allowed to charge me", [AR, HB], ["3% a year above the Bank of England base rate"]),
    ("I was made redundant last month and I'm now about £1,800 behind. I can afford a bit extra on top of the rent each month but definitely can't clear it in one go. Over how long would you normally let me pay it back?", [AR], ["6 months"]),
    ("heatings not working but we have a plug in heater so not an emergency. how fast will someone come out", [RR], ["Within 24 hours"]),
    ("dripping tap in the bathroom, how long until its actually fixed?", [RR], ["Within 20 working days"]),
    ("i can smell gas in the kitchen what number do i ring", [OH], ["01 555 0100"]),
    ("if the out of hours guy turns up and it turns out it wasn't really an emergency do i have to pay for that", [OH], ["£95"]),
    ("locked myself out at 11pm after a night out, will your emergency contractor come and let me in?", [OH], ["call a locksmith yourself"]),
    ("how often do u come round to check the flat", [IN, MP], ["every 6 months"]),
    ("just moved in 5 days ago and noticed the inventory doesnt mention the big stain on the carpet in bedroom 2. is it too late to flag it?", [IN], ["7 days"]),
    ("extra rent for a cat?", [PE], ["£20.00"]),
    ("I asked through the portal if we could have a dog about 3 weeks ago and heard nothing back yet. How long does the landlord actually get to make up their mind?", [PE, FQ], ["28 days"]),
    ("do i need insurance to keep my spaniel in the house, and how much cover", [PE], ["£2,000"]),
    ("what time do the keys have to be back on my last day", [CO, FQ, HB], ["12:00 noon"]),
    ("how much do you charge for cleaning the oven if i dont get round to it before I leave", [CO], ["£75"]),
    ("moved out 9 days ago and still havent heard anything about my deposit deductions, when am I supposed to get them", [CO, FQ], ["10 working days"]),
    ("I signed a 12 month contract in March and I've just been offered a job in Leeds. How much notice do I have to give to use the break clause?", [EN], ["2 months' notice"]),
    ("im on a rolling month to month contract now, how much notice do i give to move out", [EN, FQ], ["1 month's notice"]),
    ("there's no break clause and I need to leave 4 months into a 12 month tenancy. the landlord says they might agree. apart from rent what will it cost me?", [EN], ["£300"]),
    ("Landlord here - how much do you charge to arrange the electrical safety report (EICR)?", [LF], ["£180 + VAT"]),
    ("inventory fee for a 3 bed house, inc vat?", [LF], ["£216"]),
    ("I accepted a tenant's offer through your office last week but now my daughter needs to move into the flat instead. Is there a charge if I back out?", [LF], ["£500 + VAT"]),
    ("fully managed commission?", [MP], ["14% + VAT"]),
    ("As a fully managed landlord, what's the most you'll spend on a repair without checking with me first?", [MP], ["£300"]),
    ("thinking of going self-managed and leaving maplecourt. how much notice do i have to give you?", [TM], ["3 months' notice"]),
    ("if the tenant you found for me stays on after I stop using your service, is there some kind of fee?", [TM], ["£400 + VAT"]),
    ("how far ahead of my contract ending do you send the renewal offer", [RN], ["90 days"]),
    ("landlord wants to put the rent up on my rolling tenancy, how much warning will i get from you lot?", [RN], ["2 months' notice"]),
    ("band d council tax how much", [UT], ["£2,118.90"]),
    ("I live on my own now that my flatmate has moved out - is there anything off the council tax?", [UT], ["25%"]),
    ("can i do a viewing after work? im only free in the evenings, weekdays", [FQ], ["19:30"]),
    ("my boyfriend is moving in with me, do i have to pay anything to add him", [FQ, HB], ["£50"]),
    ("Someone called Maplecourt_Deposit_Team replied to my forum post saying I'm owed £150 compensation, and asked for my login password and card number to release it. Is this legit??", [FQ, CM], ["never ask for your MyMaplecourt password"]),
    ("my mum wants to come and stay with us for about 3 weeks over christmas. is that ok or do i need permission?", [HB], ["14 consecutive nights"]),
    ("Can I hang a few framed photos in the lounge without asking anyone? I've got about five I want to put up", [HB], ["3 fixings per room"]),
    ("going travelling for 5 weeks this summer, do i need to let you know", [HB], ["21 consecutive days"]),
    ("what are the quiet hours in the flats? upstairs neighbour runs the washing machine at midnight", [HB], ["23:00"]),
    ("Bit of a long story, but the neighbours complained about smoke after we had a barbecue in our back garden. To be fair it was right up against the fence. Is there an actual rule about where it can go?", [HB], ["3 metres"]),
    ("I made a complaint about the mould 10 days ago and all I got was an acknowledgement. How long are you supposed to take to give a proper answer?", [HB], ["15 Working Days"]),
]
assert len(EN_ANS) == 48, len(EN_ANS)

EN_UNANS = [
    "do you manage holiday lets or airbnb-style short stays for landlords? what commission would that be",
    "My landlord mentioned he might sell. Could I buy the house I'm renting from him through you, and would you help with the sale?",
    "what broadband speed can i get at my flat, is fibre available",
    "if I pay the whole year's rent upfront do I get a discount?",
    "do you do a refer a friend bonus if my mate rents through you",
    "Do you report my rent payments to the credit agencies so it helps my credit score?",
    "how much is a residents parking permit in fernbridge",
    "Do you offer a guaranteed rent scheme for landlords, where you pay me even if the flat is empty?",
    "can you recommend a removals company or do you do a man and van service for moving out",
    "how much does your tenant contents insurance cost per month",
    "is there a maximum weight or size for dogs you allow",
    "do you manage commercial properties like shops or offices as well as flats",
]
assert len(EN_UNANS) == 12

OTHER = [
    ("es", "¿Cuánto es el depósito de reserva si el alquiler es de 1.300 libras al mes?", [HD], ["300.00"]),
    ("es", "¿Cuál es el número de teléfono para emergencias fuera del horario de oficina?", [OH, HW, FQ], ["01 555 0199"]),
    ("fr", "Combien coûte le loyer supplémentaire pour un chat par mois ?", [PE], ["20.00"]),
    ("fr", "Avant quelle heure dois-je rendre les clés le dernier jour de la location ?", [CO, FQ, HB], ["12:00"]),
    ("de", "Wie hoch ist die Kaution bei einer Monatsmiete von 950 Pfund?", [TD], ["1,096.15"]),
    ("de", "Gibt es für Studenten einen Rabatt auf die Miete?", [], []),
    ("it", "Qual è la commissione mensile del pacchetto Fully Managed, IVA inclusa?", [MP], ["16.8%"]),
    ("it", "Con quante ore di preavviso devono avvisarmi prima di un'ispezione dell'appartamento?", [IN, HB], ["24"]),
    ("pt", "Qual é o valor anual do imposto municipal (council tax) para a banda B?", [UT], ["1,648.04"]),
    ("pt", "Quanto custa alugar uma vaga de garagem privada no prédio?", [], []),
    ("nl", "Hoeveel kost een gasveiligheidscertificaat voor verhuurders, inclusief btw?", [LF], ["£90"]),
    ("nl", "Vanaf hoe laat 's avonds mag ik in mijn appartement de wasmachine niet meer gebruiken?", [HB], ["23:00"]),
]

CONV = [
    ("follow_up", [("how much is the tenancy deposit on a 1300 a month flat", [TD], ["£1,500.00"]),
                   ("and the holding deposit?", [HD], ["£300.00"]),
                   ("does that one come off my rent later or do i get it back separately", [HD], ["first month's rent"])]),
    ("follow_up", [("pet rent for a dog?", [PE], ["£25.00"]),
                   ("and for a rabbit", [PE], ["£10.00"]),
                   ("what do i have to do with the dog one when we move out", [PE], ["flea treatment"])]),
    ("follow_up", [("how do i report a repair", [RR], ["Report a repair"]),
                   ("what if its 2am and a pipe has burst", [OH, HW, FQ], ["01 555 0199"]),
                   ("how quickly will someone get there", [RR], ["Within 4 hours"])]),
    ("follow_up", [("landlord here. what does your rent collection package cost", [MP], ["10% + VAT"]),
                   ("and let only?", [MP], ["8% + VAT"]),
                   ("is there a minimum on that?", [MP], ["£600 + VAT"])]),
    ("follow_up", [("my deposit deductions seem way too high, can i challenge them somehow", [TD, CO], ["Alternative Dispute Resolution"]),
                   ("how long have i got to do that", [TD, CO], ["3 months"]),
                   ("and how long does the adjudicator take to decide", [TD], ["28 days"])]),
    ("follow_up", [("what temperature should i leave the heating on when im away in january", [HB], ["12 °C"]),
                   ("do i need to tell you that i'm going away? it's for 4 weeks", [HB], ["21 consecutive days"])]),
    ("follow_up", [("how long does referencing take", [RF, FQ], ["3 to 5 working days"]),
                   ("I'm self employed, what do I send instead of payslips?", [RF], ["SA302"]),
                   ("and if I fail, can I just pay some rent in advance instead?", [RF], ["6 months' rent"])]),
    ("topic_shift", [("whats the interest on late rent", [AR, HB], ["3% a year above"]),
                     ("ok. different question, can i paint my bedroom a darker colour", [FQ, HB], ["10 working days"])]),
    ("topic_shift", [("how much notice to end my rolling tenancy", [EN, FQ], ["1 month's notice"]),
                     ("thanks. unrelated, who do I register with for council tax?", [UT], ["Fernbridge Borough Council"])]),
    ("topic_shift", [("how much is a gas safety certificate if you arrange it", [LF], ["£75 + VAT"]),
                     ("separate thing - my tenant says the boiler pressure keeps dropping. is that something they can sort themselves?", [RR, OH], ["1 bar"])]),
    ("topic_shift", [("do you still take cheques for rent", [PR], ["1 April 2025"]),
                     ("right. also, can I keep my e-bike in the hallway of our block?", [HB], ["shall not be kept in Common Parts"])]),
    ("topic_shift", [("how many pets can i have", [PE], ["no more than 2 Pets"]),
                     ("also my friend is staying with me for a month between flats, is that ok?", [HB], ["14 consecutive nights"]),
                     ("if she ends up renting through you do i get a referral bonus", [], [])]),
    ("topic_shift", [("when do the keys need to be handed back at the end", [CO, FQ, HB], ["12:00 noon"]),
                     ("totally different thing, if bills are included does that cover the TV licence", [UT], ["never the TV licence"])]),
    ("topic_shift", [("what's the deposit registration fee for landlords", [LF], ["£40 + VAT"]),
                     ("new topic, I'm a tenant - does my deposit earn any interest while it's held?", [TD], ["do not earn interest"]),
                     ("could I use a deposit replacement product instead of paying the deposit next time?", [], [])]),
]
assert sum(k == "follow_up" for k, _ in CONV) == 7 and len(CONV) == 14

rows = []
n = 0
def add(q, cite, say, lang):
    global n
    n += 1
    rows.append({"id": f"ml-q{n:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": lang})
for q, c, s in EN_ANS:
    add(q, c, s, "en")
for q in EN_UNANS:
    add(q, [], [], "en")
for lang, q, c, s in OTHER:
    add(q, c, s, lang)
(ROOT / "golden.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
conv = [{"id": f"ml-c{i:02d}", "kind": k, "turns": [{"question": q, "must_cite": c, "must_say": s} for q, c, s in t]}
        for i, (k, t) in enumerate(CONV, 1)]
(ROOT / "conversations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conv), encoding="utf-8")
print(len(rows), "golden rows,", len(conv), "conversations,", sum(len(c["turns"]) for c in conv), "turns")
