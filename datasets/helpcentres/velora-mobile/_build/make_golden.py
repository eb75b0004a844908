"""Write golden.jsonl and conversations.jsonl for the Velora Mobile help centre.

Run with: /work/main/.venv/bin/python _build/make_golden.py
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SIM = "plans/sim-only-plans.md"
HAND = "plans/handset-plans.html"
PAYG = "payg/top-ups-and-bundles.txt"
ADD = "addons/data-add-ons.html"
ROAM = "roaming/roaming-zones.md"
ESIM = "esim/esim-setup.md"
PORT = "switching/keep-your-number.txt"
LEAVE = "switching/leaving-velora.md"
UPG = "upgrades/upgrading-your-phone.pdf"
INS = "insurance/velora-protect.docx"
LOST = "security/lost-or-stolen-phone.html"
BILL = "billing/understanding-your-bill.pdf"
EXTRA = "billing/extra-charges.md"
CAPS = "billing/spending-caps.txt"
FAM = "family/velora-family-plans.docx"
NET = "network/coverage-and-outages.html"
REC = "recycling/recycle-your-old-phone.md"
HB = "guides/velora-customer-handbook.md"
WEL = "getting-started/welcome-to-velora.md"
FORUM = "community/roaming-bill-shock-thread.md"

EN = [
    # regular answerable
    ("how much is the 30gb sim only if i dont want to be tied into a contract", [SIM], ["£13.00"]),
    ("Hi, I've been on the 12 month Plus plan for about 4 months and honestly I don't need 100GB, I'm on wifi at home most of the time now. I was going to drop down to the 5GB one to save a bit of money - can I just do that in the app now or is there a catch?", [SIM], ["last 30 days"]),
    ("does unused data carry over", [SIM], ["rolls over for one month"]),
    ("how much does my bill go up every april", [SIM, BILL], ["£1.50"]),
    ("orbis x12 pro over 36 months how much a month", [HAND], ["£27.50"]),
    ("got my new phone on contract 5 days ago and I hate it, can i send it back and get my money back?", [HAND], ["14 days"]),
    ("whats the smallest amount i can top up", [PAYG], ["£5"]),
    ("payg 40gb bundle price", [PAYG], ["£15"]),
    ("I found my old pay as you go sim in a drawer, haven't used it since last year. will my number still be there?", [PAYG], ["180 days"]),
    ("ran out of data halfway through the month, im on a monthly sim, what are my options", [ADD], ["Booster"]),
    ("15gb booster cost??", [ADD], ["£10"]),
    ("Going to Sarrano for a week next month for a wedding. I'm on Velora Go. What's it going to cost me per day to use my phone there?", [ROAM], ["£2.50"]),
    ("will my phone work on a cruise ship and what does it cost", [ROAM], ["£4.00 per MB"]),
    ("payg roaming not working in ostravia", [ROAM], ["Account > Roaming"]),
    ("how long is the qr code for esim good for", [ESIM], ["30 days"]),
    ("accidentally deleted the esim off my phone while sorting out settings, can i just scan the same QR code again?", [ESIM], ["can't be re-added"]),
    ("how do I get the code from my old network so I can bring my number over to you", [PORT], ["65075"]),
    ("how long does a porting code last before it runs out", [PORT], ["30 days"]),
    ("Switching to you from my old provider. I put the code in on the website on Monday at about 3pm. When does my actual number move across?", [PORT], ["next working day"]),
    ("my number switch was 3 days late, do i get anything for that", [PORT], ["£3.00"]),
    ("leaving velora and i dont care about keeping my number, what do i text", [LEAVE], ["STAC"]),
    ("cancellation fee on 30 day sim only?", [LEAVE], ["30 days' notice"]),
    ("I'm 8 months into my phone contract and the new Orbis just came out, can I get it now or do I have to wait? what does it cost to do it early", [UPG], ["£30.00"]),
    ("got my upgrade but totally forgot to post the old phone back for the trade in, its been about a month, what happens now", [UPG], ["£50.00"]),
    ("how much is the insurance that covers theft", [INS], ["£12.00"]),
    ("excess for screen repair on a £1000 phone", [INS], ["£50"]),
    ("phone just got nicked on the bus whats the number to call", [LOST, WEL], ["01 555 0161"]),
    ("reported my phone stolen, how long before the phone itself is blocked", [LOST], ["48 hours"]),
    ("My phone was stolen last week and I don't have insurance. Do I really still have to keep paying for a phone I don't have anymore??", [LOST], ["Device Plan payments carry on"]),
    ("why is my first bill way more than the plan price", [BILL], ["pro-rata"]),
    ("there's a charge on my bill I don't recognise from a couple of weeks ago, how long have I got to dispute it", [BILL], ["60 days"]),
    ("what do you charge for a paper bill", [EXTRA, BILL], ["£1.50"]),
    ("spending cap max?", [CAPS], ["£100"]),
    ("does my phone insurance count towards the spending limit", [CAPS], ["Velora Protect"]),
    ("what discount does the third line on a family account get", [FAM], ["15%"]),
    ("The mast near us has been broken since Tuesday and I've had no signal at home for 4 days. Do I get any money off my bill for that?", [NET], ["£2.00"]),
    ("recycling a phone with a cracked screen, how much less do I get", [REC], ["40%"]),
    # deep in the handbook
    ("how long are voicemails kept after I listen to them", [HB], ["14 days"]),
    ("can my smartwatch use my number and what does it cost", [HB], ["£5.00 a month"]),
    ("ordered a replacement sim online yesterday evening and it still isn't working, why", [HB], ["12-hour wait"]),
    ("is there a cheaper plan for people on benefits", [HB], ["£10.00 a month"]),
    ("My mum passed away last month and she had a contract with you. Who do I talk to about closing it, and will there be fees for ending it early?", [HB], ["01 555 0165"]),
    ("been with you for over 2 years now, any loyalty perks", [HB], ["10GB every month"]),
    ("how long do you keep records of my calls", [HB], ["12 months"]),
    ("my complaint has been going on for ages and you still havent fixed it, when can i go to the ombudsman", [HB], ["8 weeks"]),
    ("I'm going into hospital for about 4 months and won't be using my phone at all. Can I pause my contract while I'm in there?", [HB], ["Minimum Service", "£3.00 a month"]),
    ("can i give some of my data to my son? hes on pay as you go", [HB], ["5GB a month"]),
    # scam post topic
    ("got charged a lot for roaming on the ferry to norvik, why, and can I get it back", [ROAM, FORUM], ["£4.00 per MB"]),
]

UNANS = [
    "how much trade-in value would I get for an Orbis X10",
    "does velora protect cover me if my phone gets damaged while I'm abroad",
    "how do I set up visual voicemail on my phone",
    "do you do business accounts for a small company with 5 employees",
    "can i pay my monthly bill with paypal",
    "do you sell refurbished phones cheaper",
    "does velora do home broadband as well",
    "how much is same day delivery for a new phone",
    "can I use my payg credit to buy a phone in a store",
    "how do i turn on volte on my handset",
    "which 40 countries does international saver cover, is Pacifica included",
    "what time do velora stores close on sundays",
]

OTHER = [
    ("¿Cuánto cuesta al día el Roam Pass en la zona 2?", [ROAM], ["£2.50"], "es"),
    ("Me han robado el móvil, ¿a qué número tengo que llamar?", [LOST, WEL], ["01 555 0161"], "es"),
    ("Combien coûte le forfait Velora Plus sans engagement (30 jours) par mois ?", [SIM], ["£17.00"], "fr"),
    ("Combien coûte la facture papier ?", [EXTRA, BILL], ["£1.50"], "fr"),
    ("Wie hoch ist die Selbstbeteiligung bei Diebstahl für ein Handy unter 400 £?", [INS], ["£75"], "de"),
    ("An welche Nummer kann ich Spam-SMS weiterleiten?", [HB], ["7726"], "de"),
    ("Quanto costa il bundle PAYG da 100GB?", [PAYG], ["£20"], "it"),
    ("Qual è il numero del servizio clienti?", [WEL], ["01 555 0160"], "it"),
    ("Quanto é a taxa por atraso no pagamento?", [EXTRA, BILL], ["£5.00"], "pt"),
    ("Quanto custa por mês ligar o smartwatch ao meu número?", [HB], ["£5.00 a month"], "pt"),
    ("Wat kost het om mijn telefoonnummer te veranderen?", [EXTRA, HB], ["£10.00"], "nl"),
    ("Naar welk nummer moet ik een sms sturen om mijn overstapcode te krijgen?", [PORT, LEAVE], ["65075"], "nl"),
]

def t(q, cite, say):
    return {"question": q, "must_cite": cite, "must_say": say}

CONVS = [
    ("follow_up", [t("how much is velora go on the 30 day rolling", [SIM], ["£13.00"]),
                   t("and if i sign up for 12 months?", [SIM], ["£11.00"]),
                   t("does the data i don't use carry over", [SIM], ["rolls over for one month"])]),
    ("follow_up", [t("orbis x12 128gb how much a month over 24 months", [HAND], ["£32.50"]),
                   t("and over 36?", [HAND], ["£22.00"]),
                   t("is there anything to pay upfront on that one", [HAND], ["£0 to £49"])]),
    ("follow_up", [t("my phone was stolen what do i do", [LOST, WEL], ["01 555 0161"]),
                   t("how long does blocking the handset take", [LOST], ["48 hours"]),
                   t("and when will i get a new sim", [LOST], ["next working day"])]),
    ("follow_up", [t("how much is phone insurance if i dont need theft cover", [INS], ["£7.00"]),
                   t("how long do i have to make a claim", [INS], ["30 days"]),
                   t("and how long does the repair take", [INS], ["5 working days"])]),
    ("follow_up", [t("what does roaming cost in quintara on a monthly plan", [ROAM], ["£2.50"]),
                   t("and in oranto?", [ROAM], ["£6.00"])]),
    ("follow_up", [t("how much discount does a second line on a family plan get", [FAM], ["10%"]),
                   t("and the fifth one?", [FAM], ["20%"])]),
    ("follow_up", [t("how do i get a porting code", [PORT, LEAVE], ["65075"]),
                   t("how long does the switch take once you have it", [PORT], ["one working day"]),
                   t("what if it's late", [PORT], ["£3.00"])]),
    ("follow_up", [t("payg bundle with 15gb, how much", [PAYG], ["£10"]),
                   t("how long does it last", [PAYG], ["30 days"]),
                   t("what happens if there isn't enough credit when it renews", [PAYG], ["standard rates"])]),
    ("topic_shift", [t("how do i set a spending cap", [CAPS], ["Account > Spending cap"]),
                     t("different thing - if i get a quote to sell you my old phone, how long is it valid", [REC], ["14 days"])]),
    ("topic_shift", [t("price of a day booster", [ADD], ["£2"]),
                     t("unrelated but what number do I dial for voicemail", [HB, ROAM], ["1571"])]),
    ("topic_shift", [t("when can i upgrade my phone without paying extra", [UPG], ["last 3 months"]),
                     t("also what's your accessibility line number", [WEL, HB], ["01 555 0164"])]),
    ("topic_shift", [t("when do you take the direct debit after the bill comes out", [BILL], ["14 days after the bill date"]),
                     t("ok thanks. and how do i switch to an esim?", [ESIM], ["SIM > Get an eSIM"])]),
    ("topic_shift", [t("how much of the country does your 5g cover", [NET], ["74%"]),
                     t("separate question, how much is the international calling add-on", [EXTRA], ["£5.00"]),
                     t("and are calls to 0800 numbers free", [EXTRA], ["Free"])]),
    ("topic_shift", [t("if i change my number can i change back later", [HB], ["90 days"]),
                     t("another question: my son is 12, will adult websites be blocked on his family line", [FAM, HB], ["Content Lock"])]),
]

def main() -> None:
    rows = []
    for i, (q, c, s) in enumerate(EN, 1):
        rows.append({"id": f"vm-q{i:02d}", "question": q, "must_cite": c, "must_say": s, "lang": "en"})
    n = len(rows)
    for j, q in enumerate(UNANS, 1):
        rows.append({"id": f"vm-q{n + j:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    n = len(rows)
    for j, (q, c, s, lang) in enumerate(OTHER, 1):
        rows.append({"id": f"vm-q{n + j:02d}", "question": q, "must_cite": c, "must_say": s, "lang": lang})
    with open(ROOT / "golden.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(ROOT / "conversations.jsonl", "w", encoding="utf-8") as f:
        for k, (kind, turns) in enumerate(CONVS, 1):
            f.write(json.dumps({"id": f"vm-c{k:02d}", "kind": kind, "turns": turns}, ensure_ascii=False) + "\n")
    print(len(rows), "golden rows,", len(CONVS), "conversations")

if __name__ == "__main__":
    main()
