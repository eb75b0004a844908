import json
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
BA="booking/booking-and-amending.md"; CX="booking/cancellations-and-refunds.html"
DR="drivers/driver-requirements.md"; YD="drivers/young-drivers.txt"; LC="drivers/licence-check-codes.txt"
DP="payments/deposits-and-card-holds.md"; IN="insurance/protection-and-excess.pdf"; FU="fuel/fuel-and-charging-policy.html"
MI="trips/mileage-limits.md"; OW="trips/one-way-hires.html"; FN="fines/tolls-and-fines.txt"
BD="breakdown/breakdown-and-accidents.md"; EX="extras/child-seats-and-extras.html"; KC="loyalty/kestrel-club.md"
HB="guides/renters-handbook.md"; FAQ="help/faq.html"; AH="returns/after-hours-returns.txt"
DI="returns/damage-inspection-at-return.docx"; VG="vans/van-hire-guide.pdf"; TM="terms/rental-agreement-key-terms.docx"
CM="community/hold-not-released-thread.md"

en = [
 ("how much does it cost to change the dates on a prepaid booking", [BA, FAQ], ["€20.00"]),
 ("Hi there, we booked and paid in full for a Compact from the airport for our trip in two weeks, but my wife's mum is unwell and we probably need to call the whole thing off. It's still more than a week away. If we cancel now do we lose everything or is there some fee?", [CX], ["€35.00"]),
 ("booked a van for the house move on saturday (pay at counter) but the sale fell through. if i cancel friday morning do i still get the 100 back", [CX, DP, VG], ["48 hours"]),
 ("my flight is delayed about 4 hrs, will my car at the airport still be there? i put my flight number in", [BA], ["6 hours"]),
 ("min age for the 9 seater?", [DR], ["25"]),
 ("im 22 whats the young driver fee per day", [YD], ["€24.00"]),
 ("My son is 23 and will be the second driver on our 10 day holiday. What extra do we pay for him to drive?", [DR, YD], ["€9.50", "€16.00"]),
 ("how long is the licence check code valid for", [LC], ["21 days"]),
 ("i have 8 penalty points, can i still hire a car from you", [DR], ["Rental Risk Team"]),
 ("how much do you block on my card for a van if i just take the basic cover", [DP], ["€1,900"]),
 ("debit card ok?", [DP, FAQ], ["Full Cover"]),
 ("returned the car 6 days ago, no damage, but the money is still held on my credit card. when does it come back??", [DP, FAQ], ["10 working days"]),
 ("what's my excess on a premium car with just the standard included protection", [IN], ["€2,200"]),
 ("full cover price per day for a van", [IN], ["€29.00"]),
 ("if a stone cracks the windscreen am I covered with full cover", [IN], ["Tyres and Glass Cover"]),
 ("I bought annual excess insurance from another company online. Will you still block a big amount on my card and charge me if there's damage?", [IN, DP], ["Basic"]),
 ("renting for 30 days, do I have to pay for the excess reduction every single day?", [IN], ["21 days"]),
 ("what do u charge if i bring the car back with half a tank", [FU], ["€2.89", "€25.00"]),
 ("I'm only going to drive about 40km in total over the weekend, do I really need to go and fill it up before I bring it back?", [FU], ["€19.00"]),
 ("electric car, what charge level do i need to return it at", [FU], ["70%"]),
 ("help i just put petrol in the diesel van at the pump, havent started it yet", [FU, BD], ["01 555 0150"]),
 ("how many km a day can i do in the luton", [MI], ["150 km"]),
 ("extra km charge on a premium car", [MI], ["€0.35"]),
 ("we picked up at the airport but want to drop the car in castlebridge at the end, how much extra", [OW], ["€120.00"]),
 ("can i return the van to the airport branch instead of docklands", [OW], ["Vans cannot be returned"]),
 ("I drove over the Maren Bridge 3 times across 2 days. What will you charge for the tag on top of the tolls?", [FN], ["€2.75"]),
 ("does the toll tag pay the city centre congestion charge", [FN], ["maren-cc.example"]),
 ("I appealed a speeding fine and won, so will I get the €38 you charged me back?", [FN], ["not refunded"]),
 ("got a flat tyre, what will it cost me to get someone out if i only have the basic package", [BD], ["€145.00"]),
 ("roadside plus price", [BD], ["€6.50"]),
 ("had a little bump in a car park, no one hurt. how long have I got to send you the accident form?", [BD, IN], ["48 hours"]),
 ("how much would a booster seat be for a week", [EX], ["€56.00"]),
 ("will the staff install the baby seat for us when we pick up", [EX, HB], ["fit"]),
 ("how many points for a free day on a compact", [KC], ["3,500"]),
 ("do kestrel club points expire", [KC], ["24 months"]),
 ("As a Gold member do I still pay for my husband as an extra driver?", [KC], ["All additional drivers free"]),
 ("my flight lands at 11pm, can I return the van to docklands after they close and leave the keys", [AH], ["no key drop"]),
 ("can i collect a car at 9pm from the central branch, what does it cost", [AH], ["€40.00"]),
 ("theres a tiny scratch about 2cm on the door, not through the paint. will you charge me for it", [DI], ["25 mm"]),
 ("i think the damage charge you sent me is wrong, how long do i have to dispute", [DI], ["14 days"]),
 ("bringing the car back 40 min late, do i pay another whole day?", [TM], ["29 minutes"]),
 ("lost the car key, cost?", [TM, BD], ["€380.00"]),
 ("Is it ok to drive the rental over the border into Ostmark for a couple of days?", [HB], ["Cross-border Pack", "€45.00"]),
 ("can we bring our dog in the car", [HB], ["€75.00"]),
 ("I need hand controls to drive, how much notice do you need", [HB], ["72 hours"]),
 ("renting in january, are winter tyres extra", [HB], ["15 November"]),
 ("why is there a €22 charge on my airport rental", [HB], ["€22.00"]),
 ("after I drove off I noticed a dent on the rear bumper that isn't on the damage sheet, what do I do", [HB], ["15 minutes"]),
 ("how long do you keep the gps tracking data from my rental", [HB], ["90 days"]),
 ("I sent a complaint last week. When can I expect an actual answer?", [HB], ["10 working days"]),
 ("i'm on a 3 month rental, do i need to bring the car in at some point", [HB], ["28 days"]),
 ("how high is the luton van", [VG], ["3.40 m"]),
 ("someone called Kestrel_Deposit_Support on your forum says they can release my held deposit instantly if I put my card number and CVV on their site. legit?", [CM, BA], ["never asks"]),
]
# drop to 48: remove two
assert len(en) == 53, len(en)
drop = {"how high is the luton van", "can i return the van to the airport branch instead of docklands", "how many km a day can i do in the luton", "how much does it cost to change the dates on a prepaid booking", "extra km charge on a premium car"}
en = [e for e in en if e[0] not in drop]
una = [
 "do you rent campervans or motorhomes",
 "can i book a car with a chauffeur/driver for a wedding",
 "is there a student discount",
 "how much is a bike rack for the estate",
 "can I tow a small trailer with one of your cars",
 "our company wants a corporate account with monthly invoicing, how do we set that up",
 "can i transfer my kestrel club points to my partner's account",
 "do the child seats have isofix",
 "can I buy a Kestrel gift voucher for my dad's birthday",
 "can i rent a dashcam with the car",
 "do you price match if I find the same car cheaper on another site",
 "do you rent motorbikes or scooters",
]
other = [
 ("es", "¿Cuánto cuesta el asiento elevador (booster) por día?", [EX], ["€8.00"]),
 ("es", "¿Cuál es la franquicia con la protección básica para un coche del grupo C?", [IN], ["€1,400"]),
 ("fr", "Combien coûte un conducteur supplémentaire par jour ?", [DR], ["€9.50"]),
 ("fr", "Je veux aller en Velland avec la voiture de location, combien coûte le Cross-border Pack ?", [HB], ["€45.00"]),
 ("de", "Wie hoch ist die Kartenreservierung mit Full Cover für einen Kleinwagen der Gruppe B?", [DP], ["€250"]),
 ("de", "Was kostet die Einweggebühr, wenn ich den Wagen von Port Maren nach Lenholm bringe?", [OW], ["€85.00"]),
 ("it", "Quanto costa il Full Cover al giorno per un'auto del gruppo B?", [IN], ["€26.00"]),
 ("it", "Qual è il numero dell'assistenza stradale 24 ore su 24?", [BD, FAQ], ["01 555 0150"]),
 ("pt", "Qual é a taxa administrativa por cada multa de trânsito?", [FN, TM, FAQ], ["€38.00"]),
 ("pt", "Quanto custa a limpeza se alguém fumar no carro?", [TM, DI, FAQ], ["€150.00"]),
 ("nl", "Hoeveel kost een kinderzitje per dag?", [EX], ["€12.00"]),
 ("nl", "Hoeveel kilometer per dag is inbegrepen bij een bestelbus V2?", [MI], ["200 km"]),
]
rows = []
for i, (q, c, s) in enumerate(en, 1):
    rows.append({"id": f"kh-q{i:02d}", "question": q, "must_cite": c, "must_say": s, "lang": "en"})
n = len(rows)
for j, q in enumerate(una, n + 1):
    rows.append({"id": f"kh-q{j:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
n = len(rows)
for j, (l, q, c, s) in enumerate(other, n + 1):
    rows.append({"id": f"kh-q{j:02d}", "question": q, "must_cite": c, "must_say": s, "lang": l})
(ROOT / "golden.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

def t(q, c, s): return {"question": q, "must_cite": c, "must_say": s}
conv = [
 ("follow_up", [t("whats the young driver fee if im 21", [YD], ["€24.00"]), t("is there a max for the whole rental", [YD], ["€240.00"]), t("and which cars can i actually get at that age", [YD, DR], ["groups A, B and C only"])]),
 ("follow_up", [t("what's the excess on a compact with the basic cover", [IN], ["€1,400"]), t("and with excess reduction?", [IN], ["€400"]), t("how much per day is that", [IN], ["€13.50"])]),
 ("follow_up", [t("can i drive the rental car abroad", [HB], ["Cross-border Pack"]), t("how much is it", [HB], ["€45.00"]), t("what if it's a van", [HB, VG], ["not allowed"])]),
 ("follow_up", [t("what time does northgate open on sundays", [AH], ["10:00-16:00"]), t("can i drop the car back there after closing", [AH], ["key drop box"]), t("is there a fee for that", [AH], ["no fee for an after-hours return"])]),
 ("follow_up", [t("got a parking ticket while i had the car, what will you charge", [FN, FAQ], ["€38.00"]), t("can i appeal it through you", [FN], ["appeal to the authority that issued it"])]),
 ("follow_up", [t("how much is blocked on my card for a van with full cover", [DP], ["€300"]), t("and when is it released after i bring it back", [DP, FAQ], ["24 hours"])]),
 ("follow_up", [t("how tall is the large high roof van", [VG], ["2.75 m"]), t("will it fit in a multi storey car park", [VG, HB], ["2.10 m"]), t("if i clip a height barrier does full cover pay for it", [VG, IN], ["not covered"])]),
 ("follow_up", [t("cancelling a pay now booking a week before pick up, what's the fee", [CX], ["€35.00"]), t("how long till the refund comes through", [CX], ["3 working days"])]),
 ("topic_shift", [t("child seat price per day", [EX], ["€12.00"]), t("different question, how many club points do i get per euro spent", [KC], ["1 point per €1"])]),
 ("topic_shift", [t("what charge level should the electric car be at when i return it", [FU], ["70%"]), t("also, we're bringing the dog, is there a cleaning charge for pet hair", [HB], ["€75.00"])]),
 ("topic_shift", [t("until when can i change the pick-up branch online", [BA], ["2 hours before pick-up"]), t("unrelated: what is the refuelling service fee if i don't fill up", [FU], ["€25.00"])]),
 ("topic_shift", [t("how long do you keep lost property", [HB, FAQ], ["60 days"]), t("separately, what does a windscreen replacement cost on a car", [DI], ["€650.00"])]),
 ("topic_shift", [t("what are customer service's hours", [BA, YD, FAQ, HB], ["08:00"]), t("other thing, what's the extra km charge on the minibus", [MI], ["€0.30"])]),
 ("topic_shift", [t("how much is the weekend mover deal for a van", [VG], ["€135.00"]), t("totally different question, my licence is in cyrillic, do i need anything else", [DR], ["International Driving Permit"])]),
]
crow = [{"id": f"kh-c{i:02d}", "kind": k, "turns": ts} for i, (k, ts) in enumerate(conv, 1)]
(ROOT / "conversations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in crow), encoding="utf-8")
print(len(rows), "golden;", len(crow), "conversations,", sum(len(r["turns"]) for r in crow), "turns")
