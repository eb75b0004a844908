"""Write golden.jsonl and conversations.jsonl for the Pinecrest Camps help centre.

Run with: /work/main/.venv/bin/python _build/make_golden.py  (then _build/check_golden.py)
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BK = "booking/booking-and-deposits.md"
SIB = "booking/sibling-and-multi-week-discounts.txt"
CAN = "booking/cancellations-and-transfers.docx"
TFC = "payments/childcare-vouchers-and-tax-free-childcare.html"
DROP = "day-camps/drop-off-and-pick-up.md"
BRING = "day-camps/what-to-bring.md"
ARR = "residential/arrival-and-departure.txt"
KIT = "residential/residential-kit-list.pdf"
MED = "health/medication-and-allergies.html"
PH = "policies/phones-and-devices.txt"
WX = "policies/weather.md"
BEH = "policies/behaviour-policy.docx"
PHO = "policies/photos-and-consent.html"
STAFF = "safeguarding/staff-ratios-and-checks.pdf"
LOST = "help/lost-property.md"
FAQ = "help/faq.html"
WEL = "getting-started/welcome-to-pinecrest.md"
SITES = "camps/sites-and-activities.html"
HB = "guides/parent-handbook.md"

# (question, must_cite, must_say)
EN = [
    ("how much is a day of camp for my 8 yr old", [BK, FAQ], ["£42.00"]),
    ("deposit for summit week?", [BK], ["£100.00"]),
    ("We've booked our twins onto Pathfinders at Fernwood for August and paid the deposits back in January when booking opened. My partner is convinced we have to pay the rest by the end of June, I think it's later than that, and neither of us can find the email. When is the remaining balance actually due?", [BK], ["8 weeks before"]),
    ("hot lunch price?", [BK, BRING], ["£4.50"]),
    ("i have 2 kids booked on summer day camp, do we get anything off for the second one?", [SIB], ["10%"]),
    ("sibling discount residential", [SIB], ["£25"]),
    ("my daughter is doing 4 weeks of day camp this summer (yes really, we both work full time), is there any kind of deal for booking that many weeks", [SIB], ["15%"]),
    ("can i use my tax free childcare account to pay for the week at fernwood lodge", [TFC], ["not registered childcare"]),
    ("whats your provider reference for the childcare account", [TFC], ["PC-48213"]),
    ("paying with childcare vouchers thru work, how early does the money have to reach you before camp", [TFC], ["14 days"]),
    ("what time can i drop off in the morning", [DROP, FAQ], ["8:30"]),
    ("I work in town and realistically can't get to Ashcombe before 5, my shift finishes at 4:45 and then there's the traffic. Is there any way my son can stay on later than the normal finish time, and until when?", [DROP, BK], ["17:30"]),
    ("how much do you charge if im late for pick up", [DROP], ["£10"]),
    ("can my mum pick up my daughter on wednesday? she isnt on the booking", [DROP], ["collection password"]),
    ("my eldest is 16, is she allowed to collect her little brother from camp", [DROP], ["16 or 17"]),
    ("can my 12yo walk home by himself after camp, it's 5 mins away", [DROP], ["Walk Home"]),
    ("what time do we need to get to fernwood on the sunday", [ARR, FAQ], ["14:00"]),
    ("where does the camp coach go from in larchford", [ARR], ["Stand D"]),
    ("can we come and visit our son midweek at camp? grandma lives nearby and would love to pop in", [ARR], ["no visiting days"]),
    ("does his calpol need to be in the box it came in or can i put some in a little bottle", [MED], ["original packaging"]),
    ("my daughter has a nut allergy and carries an epipen, how many do we need to send", [MED], ["two in-date auto-injectors"]),
    ("can i put a peanut butter sandwich in his packed lunch", [MED, BRING], ["nut-free"]),
    ("how many pairs of socks and pants for a week away at fernwood", [KIT], ["8 of each"]),
    ("pocket money max", [KIT, HB], ["£15"]),
    ("can my 9 year old bring her phone to day camp? just for emergencies", [PH], ["do not bring phones"]),
    ("when do the summit kids get their phones", [PH], ["19:30"]),
    ("if we cancel the residential 6 weeks before it starts do we lose everything we paid", [CAN], ["50%"]),
    ("cancelling a day camp booking 3 weeks before, refund?", [CAN], ["£10 admin fee"]),
    ("can we move our booking to a different week? it's about 5 weeks away. how much does that cost", [CAN], ["free"]),
    ("its meant to be 34 degrees on thursday, is day camp still on?", [WX], ["14:30"]),
    ("if my child gets sent home from the residential how quickly do i have to get there", [BEH], ["24 hours"]),
    ("whats the staff ratio for 5 year olds", [STAFF], ["1 adult to 6 campers"]),
    ("are your staff background checked?", [STAFF], ["enhanced criminal record check"]),
    ("left his hoodie at camp 2 weeks ago, would you still have it", [LOST], ["4 weeks"]),
    ("how long are the photos in the parent gallery available", [PHO], ["60 days"]),
    ("i don't want my son's picture on your instagram or website but I'd still like to see the photos from his week", [PHO], ["Gallery only"]),
    ("we cancelled our pathfinders week about 3 months before it starts, is the whole amount refunded or not", [CAN], ["lose the deposit"]),
    ("phone number for the family office", [WEL, FAQ], ["01 555 0120"]),
    # deep in the parent handbook
    ("does my kid need to be able to swim to do the kayaking", [HB], ["25 metres"]),
    ("my daughter is quite small for her age, about 1.25m, can she still do the high ropes", [HB], ["1.3 metres"]),
    ("what time is lights out for 14 year olds", [HB], ["22:00"]),
    ("can my son share a cabin with his best mate on the residential", [HB], ["mutual"]),
    ("can i send a message to my daughter while shes away at camp? she won't have her phone", [HB], ["Camper Post"]),
    ("it's his birthday during the week at camp, can I send a cake in for his cabin", [HB], ["can't accept cakes"]),
    ("do they wash clothes during the residential week or do i pack for 7 days", [HB], ["Wednesday"]),
    ("my son is autistic and will need one to one support, how far ahead do i need to ask for it", [HB], ["6 weeks"]),
    ("is the friday trip extra or included", [HB], ["included in the weekly price"]),
    ("how much does the leader in training thing cost for my 16 year old", [HB], ["£90"]),
]
assert len(EN) == 48, len(EN)

UNANSWERABLE = [
    "can my son bring his guitar to the residential week",
    "do you do horse riding at any of the camps",
    "what's the wifi password at fernwood lodge",
    "is there a minibus that picks kids up from home for day camp",
    "do you give a discount for foster carers",
    "can my daughter bring her own paddleboard to fernwood",
    "do you sell gift vouchers for camp, want to give one as a christmas present",
    "how much do group leaders get paid",
    "can parents volunteer to help on the friday trip",
    "can you recommend a hotel near harrow ridge for the night before",
    "do you run family camp weekends where parents come too",
    "are there wheelchair accessible cabins at harrow ridge",
]

OTHER = [
    ("¿Cuánto cuesta una semana completa de campamento de día para un niño de 8 años?", [BK], ["£195.00"], "es"),
    ("¿A qué hora se recoge a los niños del campamento de día si no tengo el horario ampliado?", [DROP], ["15:30"], "es"),
    ("Quel numéro appeler pendant la semaine de camp résidentiel si j'ai besoin de parler à l'équipe ?", [ARR, PH, WEL], ["01 555 0129"], "fr"),
    ("Combien coûte le car aller-retour depuis Larchford pour le camp ?", [ARR, BK], ["£22.00"], "fr"),
    ("Wie hoch ist die Anzahlung für ein Residential-Wochenende?", [BK], ["£50.00"], "de"),
    ("Ab welcher Temperatur endet das Tagescamp früher?", [WX], ["33°C"], "de"),
    ("Quanto costa la settimana Summit per mio figlio di 14 anni?", [BK], ["£595.00"], "it"),
    ("A che ora si spengono le luci per i Pathfinders?", [HB], ["21:00"], "it"),
    ("Quanto custa o almoço quente por dia?", [BK, BRING], ["£4.50"], "pt"),
    ("Qual é a altura mínima para fazer o percurso de arborismo (high ropes)?", [HB], ["1.3"], "pt"),
    ("Hoeveel kost het om verloren spullen naar ons op te sturen?", [LOST], ["£6.50"], "nl"),
    ("Hoeveel zakgeld mag mijn kind maximaal meenemen voor een week?", [KIT, HB], ["£15"], "nl"),
]

CONV = [
    ("follow_up", [("how much is a full week of day camp for explorers", [BK], ["£195.00"]),
                   ("and for trailblazers?", [BK], ["£215.00"]),
                   ("can i add longer days to that, what does it cost", [BK], ["£9.00"])]),
    ("follow_up", [("what's the deposit for a pathfinders week", [BK], ["£100.00"]),
                   ("when is the rest due", [BK], ["8 weeks before"]),
                   ("can i spread it out instead of paying it all at once?", [BK, FAQ], ["Pay monthly"])]),
    ("follow_up", [("what time is drop off for day camp", [DROP, FAQ], ["8:30"]),
                   ("and pick up?", [DROP], ["15:30"]),
                   ("what happens if i'm late", [DROP], ["£10"])]),
    ("follow_up", [("my son uses an inhaler, does that have to be handed to the nurse at residential camp", [MED], ["stay with your child"]),
                   ("what about his hay fever tablets, can the nurse just give him some of hers", [MED], ["brought from home"])]),
    ("follow_up", [("if i cancel a day camp booking more than 2 weeks before, do i get my money back", [CAN], ["£10 admin fee"]),
                   ("what if it's only a week before?", [CAN], ["do not give a refund"]),
                   ("even if he's ill?", [CAN], ["before 9:00"])]),
    ("follow_up", [("when can summit campers use their phones at residential", [PH], ["19:30"]),
                   ("and the pathfinders?", [PH], ["do not use their phones at all"])]),
    ("follow_up", [("how much is the coach to fernwood", [ARR, BK], ["£22.00"]),
                   ("what time does it leave", [ARR], ["12:30"]),
                   ("and when does it get back on the saturday", [ARR], ["13:00"])]),
    ("follow_up", [("what's the staff ratio at the pool for 7 to 10 year olds", [STAFF], ["1 adult to 4 campers"]),
                   ("and for the teenagers at harrow ridge when they do water stuff?", [STAFF, HB], ["6 campers"])]),
    ("topic_shift", [("how long do you keep lost property", [LOST], ["4 weeks"]),
                     ("different question, can i use childcare vouchers for the residential week", [TFC], ["not registered childcare"])]),
    ("topic_shift", [("is there a minimum height for the high ropes", [HB], ["1.3 metres"]),
                     ("also, what's your safeguarding phone number", [STAFF], ["01 555 0133"])]),
    ("topic_shift", [("how much is the late pick up fee", [DROP], ["£10"]),
                     ("unrelated, but how long do the gallery photos stay up", [PHO], ["60 days"])]),
    ("topic_shift", [("when does the kayaking get cancelled because of wind", [WX], ["18 mph"]),
                     ("ok separately, if i make a complaint how long until i hear back", [HB, BEH], ["10 working days"])]),
    ("topic_shift", [("sibling discount for day camp?", [SIB], ["10%"]),
                     ("something else: is there a weight limit for the suitcase on the coach", [KIT, ARR], ["20 kg"])]),
    ("topic_shift", [("what happens if my kid has head lice at residential camp", [HB], ["checks for head lice at check-in"]),
                     ("another thing, what's the minimum age for archery", [HB], ["aged 8 and over"])]),
]


def main() -> None:
    en = EN
    rows = []
    n = 0
    for q, cite, say in en:
        n += 1
        rows.append({"id": f"pc-q{n:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": "en"})
    for q in UNANSWERABLE:
        n += 1
        rows.append({"id": f"pc-q{n:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    for q, cite, say, lang in OTHER:
        n += 1
        rows.append({"id": f"pc-q{n:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": lang})
    assert n == 72
    with open(ROOT / "golden.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(ROOT / "conversations.jsonl", "w", encoding="utf-8") as f:
        for i, (kind, turns) in enumerate(CONV, 1):
            r = {"id": f"pc-c{i:02d}", "kind": kind,
                 "turns": [{"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("golden", len(rows), "conversations", len(CONV))


if __name__ == "__main__":
    main()
