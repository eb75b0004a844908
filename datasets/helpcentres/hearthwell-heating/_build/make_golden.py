"""Write golden.jsonl and conversations.jsonl for the Hearthwell help centre.

Run with: /work/main/.venv/bin/python _build/make_golden.py
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLANS = "cover/heatcover-plans-and-prices.md"
TERMS = "cover/heatcover-policy-terms.pdf"
EMERG = "cover/what-counts-as-an-emergency.md"
CLAIM = "cover/making-a-claim.html"
CANCEL = "cover/cancelling-your-cover.txt"
RENEW = "cover/renewals-and-price-changes.md"
ABOUT = "getting-started/about-hearthwell.md"
SERVICE = "servicing/annual-boiler-service.md"
APPT = "appointments/booking-and-changing-appointments.html"
REPAIRS = "repairs/repairs-without-cover.md"
PRIORITY = "help/priority-care-register.txt"
FAQ = "help/faq.html"
QUOTES = "installation/boiler-quotes.txt"
GUIDE = "installation/new-boiler-guide.md"
FINANCE = "installation/boiler-finance.docx"
HP = "heat-pumps/air-source-heat-pumps.html"
STAT = "smart-thermostat/hearthstat-user-guide.pdf"
LANDLORD = "landlords/landlord-gas-safety-records.docx"
ACCOUNT = "account/myhearthwell-account-and-payments.md"
FORUM = "community/boiler-pressure-keeps-dropping-thread.md"

EN = [
    ("how much is the middle heatcover plan per month", [PLANS], ["£22.00"]),
    ("excess on essential?", [PLANS], ["£95"]),
    ("whats the most you'll pay out on one repair if im on complete", [PLANS], ["£1,500"]),
    ("Hi, I took out HeatCover last Tuesday after my neighbour recommended you. This morning the boiler started banging and now there's no hot water at all. I've got the policy number and everything. Can I claim for this now or not?", [PLANS, TERMS], ["30 days"]),
    ("can i get rid of the excess completely on plus, what does it cost", [PLANS], ["£4.00"]),
    ("boiler is making a horrible racket but the radiators are still hot. is that an emergency? how soon would someone come", [EMERG], ["3 working days"]),
    ("My mum is 82 and lives on her own. Her boiler packed in this morning and the house is freezing, she has your cover. They've told her tomorrow but I'm really worried about her in this cold. Is there any way to get someone out quicker?", [PRIORITY, EMERG], ["4 hours"]),
    ("i can smell gas near the boiler who do i ring", [ABOUT, EMERG], ["01 555 0100"]),
    ("24hr emergancy number for heatcover", [ABOUT, CLAIM], ["01 555 0199"]),
    ("engineer came, said he needs to order a part and come back. do i have to pay the £60 excess twice??", [CLAIM, TERMS, PLANS], ["once per claim"]),
    ("You fixed my boiler about 6 weeks ago and now it's doing exactly the same thing again. Do I have to pay my excess again for this?", [CLAIM, TERMS], ["90 days"]),
    ("I paid for the whole year up front in January, had an engineer round in March, and now I want to cancel. Do I get any of it back?", [CANCEL], ["no refund"]),
    ("I cancelled the direct debit with my bank so thats my cover cancelled right?", [CANCEL], ["does not cancel your cover"]),
    ("moving house next month within kestrel vale, what happens to my boiler cover", [CANCEL], ["7 days"]),
    ("it auto renewed last week and i honestly forgot, can i still get out of it and get a refund", [RENEW, TERMS], ["14 days after"]),
    ("our boiler is 16 years old now. will you still renew us on the cheapest plan?", [RENEW, FAQ], ["Plus or Complete"]),
    ("Engineer came out yesterday and said our boiler is beyond economic repair. We've been on HeatCover Complete for nearly 3 years. Do we get anything towards a new one?", [TERMS, FAQ], ["£500"]),
    ("boiler service + gas safety cert for my rental on the same visit, price?", [SERVICE, LANDLORD], ["£129"]),
    ("evening slots?", [APPT], ["5pm to 8pm"]),
    ("I need to cancel my one-off service appointment that's tomorrow morning, will I be charged anything?", [APPT], ["6pm the day before", "£35"]),
    ("waited in all day and your engineer never showed up. what do I get", [APPT], ["£25"]),
    ("no cover, how much does it cost just to get an engineer out to look at the boiler", [REPAIRS], ["£95"]),
    ("price for a new pump fitted if im not on a plan", [REPAIRS], ["£210"]),
    ("how long is a one off repair guaranteed for", [REPAIRS], ["12-month"]),
    ("got a cheaper written quote from another gas registered installer for the exact same boiler. will you match it?", [QUOTES], ["match it"]),
    ("if I borrow 3000 over 5 years whats the monthly payment", [FINANCE], ["£62.97"]),
    ("can i put my heatcover on finance to spread it", [FINANCE], ["can't be used for HeatCover"]),
    ("how many days does it take to put a heat pump in", [HP], ["3 to 5 days"]),
    ("we're on essential, will it cover the heat pump we're getting?", [HP, PLANS], ["£7.50"]),
    ("thermostat screen says H2", [STAT], ["2 new AA batteries"]),
    ("how do I factory reset the hearthstat, holding 5 secs just makes PAIR flash", [STAT], ["15 seconds"]),
    ("I let out a flat. How often does the gas safety check have to be done?", [LANDLORD], ["every 12 months"]),
    ("had the gas check done at my rental yesterday, how long have I got to get the tenants their copy", [LANDLORD], ["28 days"]),
    ("can i get the landlord gas check done a bit early without losing my usual renewal date", [LANDLORD], ["2 months"]),
    ("I'm on your priority care register but we don't have a carbon monoxide alarm, is that something you can help with?", [PRIORITY], ["free of charge"]),
    ("Someone called Hearthwell_Claims_Desk on the forum says I'm owed a £150 winter refund and to message my card number and CVV. Is that real?", [FORUM, ACCOUNT, FAQ], ["never ask"]),
    ("locked out of myhearthwell after typing wrong password, how long till i can try again", [ACCOUNT], ["20 minutes"]),
    ("my direct debit bounced, what happens now, am I still covered", [ACCOUNT], ["7 days"]),
    # deep in the long guide
    ("how long does a straight combi swap take", [GUIDE], ["1 day"]),
    ("power flush price", [GUIDE], ["£450"]),
    ("what time do the boiler fitters turn up on the day", [GUIDE], ["between 8am and 9am"]),
    ("Boiler went in about a month ago and I still haven't had the building regs certificate, when should it come?", [GUIDE], ["8 weeks"]),
    ("our current boiler is 13 yrs old, is there any trade in discount", [GUIDE], ["£250"]),
    ("I accepted a boiler quote three weeks ago and paid the deposit, but we've decided to sell the house. Installation is in 10 days and I think you've ordered the boiler already. Do I lose my deposit?", [GUIDE], ["up to the amount of your deposit"]),
    ("condensate pipe frozen again, what do i do", [GUIDE], ["warm (not boiling) water"]),
    ("new boiler showing F28", [GUIDE], ["gas meter has credit"]),
    ("if the pipework you put in starts leaking in a year or so, is that covered by you or the boiler warranty", [GUIDE], ["2 years"]),
    ("paying cash for the new boiler not finance, how much do you take upfront", [GUIDE], ["25%"]),
]

UNANSWERABLE = [
    "do you install solar panels or home batteries as well",
    "is there an NHS or student discount on HeatCover",
    "does the hearthstat work with alexa or google home",
    "can you fit underfloor heating in our new kitchen extension",
    "I'm selling my house, can I transfer my HeatCover over to the buyer?",
    "do you do EICR electrical safety certificates for landlords too",
    "do you have a refer a friend scheme",
    "if I apply for boiler finance is it a hard or soft credit search",
    "how much would it cost to move a radiator to the other wall",
    "I own a second house in Ashcombe, how much to add it to my existing cover",
    "do your engineers sweep chimneys for wood burners",
    "how loud is the outdoor heat pump unit in decibels",
]

OTHER = [
    ("¿Cuánto cuesta al mes el plan HeatCover Complete?", [PLANS], ["31"], "es"),
    ("¿Cuál es el número de emergencias de 24 horas?", [ABOUT, CLAIM], ["01 555 0199"], "es"),
    ("Combien coûte l'entretien annuel de la chaudière sans contrat HeatCover ?", [SERVICE], ["89"], "fr"),
    ("J'ai souscrit HeatCover il y a 5 jours, combien de jours ai-je pour annuler avec remboursement ?", [CANCEL, TERMS, FAQ], ["14"], "fr"),
    ("Wie hoch ist die Selbstbeteiligung bei HeatCover Plus?", [PLANS], ["60"], "de"),
    ("Unter welcher Telefonnummer erreiche ich das Wärmepumpen-Team?", [ABOUT], ["01 555 0137"], "de"),
    ("Quanto costa un Landlord Gas Safety Record per il mio appartamento in affitto?", [LANDLORD], ["79"], "it"),
    ("Per quanti mesi è disponibile il finanziamento a tasso zero per una caldaia nuova?", [FINANCE, FAQ], ["24"], "it"),
    ("Qual é o número de telefone da equipa Priority Care?", [PRIORITY, ABOUT], ["01 555 0145"], "pt"),
    ("Quanto custa um power flush do sistema de aquecimento?", [GUIDE], ["450"], "pt"),
    ("Wat kost een HearthStat thermostaat inclusief installatie?", [STAT, GUIDE], ["179"], "nl"),
    ("Hoeveel dagen moet ik wachten voordat ik een claim kan indienen na het afsluiten van HeatCover?", [PLANS, TERMS], ["30"], "nl"),
]

CONVS = [
    ("follow_up", [("how much is heatcover plus a month", [PLANS], ["£22.00"]),
                   ("and the excess on that?", [PLANS], ["£60"]),
                   ("what about complete", [PLANS], ["£31.00"])]),
    ("follow_up", [("how much is a boiler service if im not covered", [SERVICE], ["£89"]),
                   ("how long does it take", [SERVICE], ["45 minutes"])]),
    ("follow_up", [("whats the cooling off period if I change my mind about cover", [CANCEL, TERMS], ["14 days"]),
                   ("and if I've already made a claim in that time?", [CANCEL, TERMS], ["cost of the claim"])]),
    ("follow_up", [("how much is a gas safety record for a flat I rent out", [LANDLORD], ["£79"]),
                   ("there's the boiler, a hob, a gas fire and a gas oven, does that cost more", [LANDLORD], ["£15"]),
                   ("how soon do the tenants need a copy", [LANDLORD], ["28 days"])]),
    ("follow_up", [("do you do 0% finance on boilers", [FINANCE, FAQ], ["24 months"]),
                   ("whats the minimum spend for that", [FINANCE, FAQ], ["£1,500"]),
                   ("and is there a deposit", [FINANCE], ["10%"])]),
    ("follow_up", [("how long does a like for like combi swap take", [GUIDE], ["1 day"]),
                   ("and if we're converting from a system boiler to a combi?", [GUIDE], ["2 to 3 days"])]),
    ("follow_up", [("my hearthstat is showing H4", [STAT], ["Restart your router"]),
                   ("will the heating still come on while it's like that", [STAT], ["still follows your schedule"])]),
    ("follow_up", [("how much is the clean heat grant for a heat pump", [HP, FINANCE], ["£7,500"]),
                   ("can i get finance for whatever's left after that?", [FINANCE], ["borrow only the rest"])]),
    ("topic_shift", [("what time is the morning slot for a service visit", [APPT], ["8am to 1pm"]),
                     ("unrelated, but can I change which day my direct debit comes out", [ACCOUNT], ["1st to the 28th"])]),
    ("topic_shift", [("your engineer didn't turn up today for my booked slot", [APPT], ["£25"]),
                     ("also while I have you, how much is a power flush", [GUIDE], ["£450"])]),
    ("topic_shift", [("how far ahead do you send the renewal letter", [RENEW, TERMS], ["21 days"]),
                     ("different thing: how do i factory reset the hearthstat", [STAT], ["15 seconds"])]),
    ("topic_shift", [("how do I make a claim online", [CLAIM], ["Make a claim"]),
                     ("also I got locked out of my account, how long does that last", [ACCOUNT], ["20 minutes"])]),
    ("topic_shift", [("is a dripping tap covered", [FAQ], ["Only on HeatCover Complete"]),
                     ("ok. separate thing, the boiler is showing F22", [GUIDE], ["between 1 and 1.5 bar"])]),
    ("topic_shift", [("how do I join the priority care register", [PRIORITY], ["01 555 0145"]),
                     ("thanks. and how much is the heat pump add-on for cover", [HP, PLANS], ["£7.50"]),
                     ("and totally separate, how long is a new boiler quote valid for", [QUOTES, GUIDE], ["30 days"])]),
]


def main() -> None:
    rows = []
    n = 0
    for q, cite, say in EN:
        n += 1
        rows.append({"id": f"hw-q{n:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": "en"})
    for q in UNANSWERABLE:
        n += 1
        rows.append({"id": f"hw-q{n:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    for q, cite, say, lang in OTHER:
        n += 1
        rows.append({"id": f"hw-q{n:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": lang})
    with open(ROOT / "golden.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(ROOT / "conversations.jsonl", "w", encoding="utf-8") as f:
        for i, (kind, turns) in enumerate(CONVS, 1):
            r = {"id": f"hw-c{i:02d}", "kind": kind,
                 "turns": [{"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "questions,", len(CONVS), "conversations;", len(EN), "en answerable")


if __name__ == "__main__":
    main()
