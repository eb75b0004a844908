"""Writes golden.jsonl and conversations.jsonl (kept as source so edits are easy)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GS = "getting-started/how-sunmeadow-works.md"
SQ = "quotes/surveys-and-quotes.md"
CX = "quotes/cancelling-or-rescheduling-an-order.txt"
ID = "installation/installation-day.html"
SC = "installation/scaffolding.md"
PG = "installation/planning-and-grid-connection.txt"
FP = "finance/finance-plans.md"
FA = "finance/brightwater-finance-agreement-explained.docx"
WS = "warranties/warranty-summary.pdf"
WG = "warranties/workmanship-guarantee.md"
EX = "export/export-payments.html"
AP = "energy-app/the-sunmeadow-app.md"
LG = "energy-app/app-login-and-security.txt"
BG = "battery/sunvault-battery-guide.pdf"
SP = "servicing/service-plans.html"
FC = "servicing/faults-and-call-outs.md"
MH = "moving-house/selling-a-home-with-panels.docx"
FQ = "help/faq.html"
HB = "guides/homeowner-handbook.md"
CT = "community/app-offline-new-router-thread.md"

EN = [
    ("how long is a quote from you guys good for before the price changes", [SQ], ["30 days"]),
    ("booking deposit?", [SQ, CX], ["€250"]),
    ("Hello, we had the survey last month and signed the quote online ten days ago, paid the deposit and everything. Unfortunately my husband has just been made redundant and we really can't go ahead right now. Is it possible to back out and would we get the deposit back or is that lost?", [CX], ["14 days"]),
    ("we signed back in august and our install is booked for 8 days from now. something's come up and we need to pull out completely. what will that cost us", [CX], ["20%"]),
    ("can i push my install date back a bit? its in about 3 weeks", [CX], ["10 working days"]),
    ("totally forgot the surveyor was coming this morning and was at the dentist. is there a charge to rebook??", [SQ], ["€40"]),
    ("what's the price for the 14 panel one", [SQ], ["€8,600"]),
    ("how much more is it to add the bigger battery to the quote", [SQ], ["€5,400"]),
    ("when do i need to have paid the remaining balance", [SQ, FQ], ["7 days"]),
    ("what time do your installers usually turn up in the morning", [ID], ["9.30am"]),
    ("It's blowing a gale here, is our install tomorrow still going ahead? at what wind do you stop", [ID], ["40 km/h"]),
    ("when do we get all the certificates and paperwork after the fitting", [ID, HB], ["5 working days"]),
    ("our builder wants to use your scaffold for another fortnight to sort the gutters. can it stay up and what do you charge", [SC], ["€95"]),
    ("the scaffolders left marks all over my lawn and cracked a paving slab. the scaffold came down 4 days ago. who do i tell", [SC], ["7 days"]),
    ("if it turns out we need planning permission do you sort the application, and is there a fee for that", [PG], ["€180"]),
    ("Why can't you just install now? the salesman said something about waiting for the network to approve it. how long can that take", [PG], ["45 working days"]),
    ("apr on the 10 yr plan", [FP], ["9.9%"]),
    ("if i go with finance when does the first monthly payment actually come out, our install isn't until march", [FP, FA], ["one month after your installation day"]),
    ("I signed up for the Brightwater loan 5 days ago but my mum has offered to lend us the money instead. Can I still get out of the loan?", [FA], ["14 days"]),
    ("my direct debit bounced, is there a fee", [FA], ["€15"]),
    ("whats the least i can overpay on the loan at one time", [FA], ["€250"]),
    ("how long is the inverter covered for", [WS], ["12 years"]),
    ("is it possible to get a longer warranty on the inverter and what does it cost", [WS], ["€349"]),
    ("I found a cracked roof tile next to the panels about 2 weeks after you fitted them, do you replace that?", [WG], ["30 days"]),
    ("what happens to my 10 year guarantee if sunmeadow goes bust", [WG, WS], ["Keystone"]),
    ("how much do you pay for electricity I send to the grid? no battery but I've got a smart meter", [EX], ["12c"]),
    ("Only just realised I never applied for export payments, we had panels fitted nearly 5 months ago. Will I get paid for the months I've missed?", [EX], ["90 days"]),
    ("what date do export payments hit my account", [EX], ["20th"]),
    ("the app was offline for a few hours yesterday, have I lost that data?", [AP], ["7 days"]),
    ("how do i cancel the plus subscription", [AP], ["Google Play"]),
    ("locked out of the app after too many goes at my password", [LG], ["20 minutes"]),
    ("battery app says B07", [BG], ["24 hours"]),
    ("what does careplus cost", [SP], ["€9.50"]),
    ("pigeons have moved in under our panels, the noise!! what do you charge to stop them", [SP], ["€340"]),
    ("panels producing absolutely nothing today and it's sunny. how fast can you get someone out", [FC], ["2 working days"]),
    ("we're selling and the buyers want the panel warranties in their name. is there a charge for that?", [MH], ["90 days"]),
    ("what happens to my brightwater finance if i sell the house, can the buyer take it on", [MH, FA], ["personal"]),
    ("someone replied to my forum post saying I'm owed €187.50 compensation and to send my card number and CVV. is this genuinely from you?", [LG, CT], ["scam"]),
    # deep in the handbook
    ("installed yesterday and the app still says commissioning, is something wrong", [HB], ["48 hours"]),
    ("roughly how many kWh a year should i expect per kWp", [HB], ["950 kWh"]),
    ("can I jet wash the panels from the garden", [HB, WS], ["pressure washer"]),
    ("We need a roofer to replace some rotten battens under part of the array. What do you charge to take the panels off and put them back?", [HB], ["€780"]),
    ("why can't you fit the pigeon mesh in may? when can you", [HB], ["31 August"]),
    ("power cut and we've got the backup gateway. can i use the oven", [HB], ["3 kW"]),
    ("the battery in our garage has started whirring on hot afternoons, is that normal", [HB], ["35 °C"]),
    ("if i make a complaint how long until i get an answer", [HB], ["10 working days"]),
    ("how long do you hang on to my generation data after I'm no longer a customer", [HB], ["6 years"]),
    ("Going travelling for 4 months from January. Anything I need to do with the solar or the battery before we go?", [HB], ["Away mode"]),
]

UNANS = [
    "money is tight at the moment, can i take a payment holiday on my brightwater loan for a couple of months",
    "do i have to pay income tax on the export payments you send me",
    "can you install an electric car charger on the same day as the panels",
    "do you also do heat pumps",
    "do i get anything for recommending sunmeadow to my neighbour",
    "is there a government grant for solar panels that you can apply for on my behalf",
    "I already have a Tesla Powerwall from a previous installer, will it work with your inverter",
    "do you offer all-black panels? the blue ones with silver frames look ugly on our slate roof",
    "can I connect the SunMeadow app to Alexa so I can ask how much we've generated",
    "what is the efficiency percentage of the M430 panels",
    "my mum is 72, do you do any discount for pensioners?",
    "how long is the warranty on the backup gateway",
]

OTHER = [
    ("es", "¿Cuánto cuesta el plan CarePlus al mes?", [SP], ["9.50"]),
    ("es", "¿Cuánto cuesta la suscripción anual de SunMeadow Plus?", [AP], ["29"]),
    ("fr", "Combien coûte l'extension de garantie de l'onduleur à 20 ans ?", [WS], ["349"]),
    ("fr", "Combien pèse la batterie SunVault 10 ?", [BG], ["98"]),
    ("de", "Was kostet jede zusätzliche Woche, wenn das Gerüst länger stehen bleiben soll?", [SC], ["95"]),
    ("de", "Wie lange dauert die Vor-Ort-Besichtigung ungefähr?", [SQ], ["90"]),
    ("it", "Quanto costa sostituire il quadro elettrico se il tecnico dice che è necessario?", [SQ], ["480"]),
    ("it", "Con quante ore di preavviso posso spostare gratis il sopralluogo?", [SQ], ["24"]),
    ("pt", "Quanto custa uma limpeza dos painéis sem plano de manutenção, até 16 painéis?", [SP], ["120"]),
    ("pt", "Quanto custa reagendar a instalação com menos de 10 dias úteis de aviso?", [CX], ["150"]),
    ("nl", "Wat kost een losse onderhoudsbeurt zonder serviceplan?", [SP, FC], ["149"]),
    ("nl", "Wat kost het om alleen de thuisbatterij mee te verhuizen naar een nieuw huis?", [MH], ["450"]),
]

CONV = [
    ("follow_up", [("what finance have you got over 10 years, whats the APR", [FP], ["9.9%"]),
                   ("do i need to put a deposit down on that one", [FP], ["No deposit needed"]),
                   ("and the 5 year one?", [FP], ["8.9%"])]),
    ("follow_up", [("how much is carebasic", [SP], ["€79"]),
                   ("what's the call out fee on that if it's not a warranty thing", [SP, FC], ["€60"]),
                   ("and if i don't have any plan at all?", [SP, FC], ["€95"])]),
    ("follow_up", [("our battery is showing B12", [BG], ["01 555 0129"]),
                   ("ok it's gone now but this morning it said B20, what was that", [BG], ["30 minutes"])]),
    ("follow_up", [("how do i sign up for export payments", [EX], ["MPAN"]),
                   ("how long till you confirm it", [EX], ["10 working days"]),
                   ("can i swap to another export tariff later if i want", [EX], ["12 months"])]),
    ("follow_up", [("want to cancel my solar order, only signed it on monday", [CX], ["€250"]),
                   ("i signed the brightwater loan at the same time, how long have i got to get out of that", [FA], ["14 days"])]),
    ("follow_up", [("what's the warranty on the sunvault battery", [WS, BG], ["6,000"]),
                   ("what capacity is it guaranteed to keep", [WS], ["70%"]),
                   ("if the inverter dies in year 12, who pays for the engineer?", [WS], ["labour and scaffolding"])]),
    ("follow_up", [("got a new router and now the app says offline", [AP, CT], ["5 seconds"]),
                   ("where do i find the setup code it's asking for", [AP, LG, CT], ["sticker"]),
                   ("the sticker's faded and i can't read it", [LG], ["01 555 0121"])]),
    ("follow_up", [("we're selling our house, what do i do about the export payments", [MH, EX], ["End agreement"]),
                   ("by when do i need to send the final meter reading", [MH], ["7 days"]),
                   ("and when does the last payment come through", [MH], ["60 days"])]),
    ("topic_shift", [("how much for a panel clean if we have 20 panels", [SP], ["€5 per extra panel"]),
                     ("different question: can i raise the backup reserve on the battery", [BG, HB], ["80%"])]),
    ("topic_shift", [("guide price for the family system?", [SQ], ["€6,900"]),
                     ("also, someone on the forum asked for my CVV to pay me compensation, is that you?", [LG, CT], ["never ask"])]),
    ("topic_shift", [("how long does installation take if we're getting a battery too", [ID], ["2 days"]),
                     ("unrelated, how long does the password reset link last", [LG], ["30 minutes"])]),
    ("topic_shift", [("what does a steady white light on the battery mean", [BG], ["Backup mode"]),
                     ("switching topics, if i complain how long do you take to reply", [HB], ["10 working days"])]),
    ("topic_shift", [("do i need to be in when the scaffolding goes up", [SC], ["don't need to be at home"]),
                     ("other thing, the inverter hums a bit on sunny days, is that ok", [FQ, HB], ["hum"])]),
    ("topic_shift", [("what's the smallest amount you can borrow on finance", [FP], ["€3,000"]),
                     ("different subject, how long are the panels themselves guaranteed", [WS], ["25 years"]),
                     ("and what about the scaffolding for a three storey house, is that extra?", [SC], ["€450"])]),
]

def main() -> None:
    rows = []
    for i, (q, c, s) in enumerate(EN, 1):
        rows.append({"id": f"sm-q{i:02d}", "question": q, "must_cite": c, "must_say": s, "lang": "en"})
    n = len(rows)
    for j, q in enumerate(UNANS, n + 1):
        rows.append({"id": f"sm-q{j:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    n = len(rows)
    for j, (lang, q, c, s) in enumerate(OTHER, n + 1):
        rows.append({"id": f"sm-q{j:02d}", "question": q, "must_cite": c, "must_say": s, "lang": lang})
    (ROOT / "golden.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    conv = []
    for k, (kind, turns) in enumerate(CONV, 1):
        conv.append({"id": f"sm-c{k:02d}", "kind": kind,
                     "turns": [{"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]})
    (ROOT / "conversations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conv), encoding="utf-8")
    print(len(rows), "questions;", len(conv), "conversations;", sum(len(c["turns"]) for c in conv), "turns")

if __name__ == "__main__":
    main()
