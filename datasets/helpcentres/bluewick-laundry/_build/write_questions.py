"""Writes golden.jsonl and conversations.jsonl (kept so the question set is easy to review)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WF = "prices/wash-and-fold-prices.md"
DC = "prices/dry-cleaning-price-list.html"
MO = "prices/minimum-order-and-small-order-fee.txt"
SL = "pickup/slots-and-cut-off-times.md"
MI = "pickup/missed-pickups-and-deliveries.html"
TA = "turnaround/standard-and-express.md"
SD = "policies/stains-and-damage-policy.docx"
LO = "policies/lost-items.md"
PL = "subscriptions/bluewick-plus-plans.md"
CA = "subscriptions/cancel-or-pause-plus.txt"
HB = "extras/hangers-and-bags.html"
LG = "account/login-and-security.md"
PA = "payments/payments-and-refunds.md"
BU = "business/business-accounts-guide.pdf"
CG = "care/garment-care-guide.pdf"
TS = "legal/terms-of-service.md"
FQ = "help/faq.html"
CO = "community/shrunk-jumper-thread.md"
DL = "delivery/safe-place-and-delivery-instructions.txt"
GS = "getting-started/how-bluewick-works.md"

EN = [
    ("hw much per kilo is the normal wash n fold", [WF], ["£2.40"]),
    ("i literally only have 4kg of gym towels this week. do i get charged for 4kg or what", [WF], ["6 kg"]),
    ("cost to dry clean a 2 piece suit?", [DC], ["£15.90"]),
    ("getting married in june (yay) and afterwards i want the dress cleaned properly. what does that cost and how long will it take", [DC, CG], ["£120.00", "10 working days"]),
    ("whats the price difference between getting shirts back on hangers or folded", [DC], ["£3.20", "£3.70"]),
    ("My order total was £16 and then there was another charge added on top, I didn't order anything else. What is that??", [MO], ["£4.50"]),
    ("live in kellbridge. want you to come tuesday morning early, what time do i have to book by", [SL], ["20:00"]),
    ("what days do you pick up in ashmere", [SL], ["Monday to Saturday"]),
    ("im in porthaven and need my shirt back tonight for an interview tomorrow, can u do same day", [SL, TA], ["not available"]),
    ("so the driver apparently came this morning, I was in the shower and missed the call, and now there's a charge on my account. how much is that fee and can i argue it", [MI], ["£7.50", "14 days"]),
    ("Nobody was home when you brought back our laundry yesterday (we don't have a porch or anywhere to leave it) and the driver took it away again. Is there a fee to get it brought back?", [MI], ["£5.00"]),
    ("booked the 18-20 slot, waited in all evening, no driver, no text, nothing. what are you going to do about it", [MI], ["£5.00"]),
    ("how long does the driver wait if im not there", [MI], ["10 minutes"]),
    ("id rather just pick up my stuff myself from the kellbridge place, whats the address and when is it open", [MI], ["12 Tannery Lane"]),
    ("normal turnaround?", [TA], ["48 hours"]),
    ("sending 2 duvets, when will they be back", [TA, WF], ["72 hours"]),
    ("if i book express what time do i actually get it back", [TA], ["21:00"]),
    ("my standard order was promised for thursday morning and it turned up friday night. do i get anything for that", [TA], ["£5.00"]),
    ("can i book express on a saturday", [TA], ["Saturdays"]),
    ("sent a white dress with a red wine stain, came back with a blue tag and the stain still there. is that it? can i get money back or what", [SD], ["14 days"]),
    ("my wool overcoat came back with a tear in the lining after dry cleaning. i paid £18 for cleaning it. what's the most you'll pay me", [SD], ["£150.00"]),
    ("how long do I have to tell you something got damaged", [SD, TS], ["72 hours"]),
    ("i have a vintage designer jacket worth about 900 quid that needs cleaning, i'm nervous. is there some way to get more cover if you wreck it", [SD], ["Declared Value", "£4.00"]),
    ("number for claims dept?", [SD, GS], ["01 555 0149"]),
    ("what's the max compensation for something damaged in wash and fold", [SD], ["£40.00"]),
    ("a guy in your forum called Bluewick_Claims_Desk says if i DM him my card number and password he'll refund my shrunk jumper today. is that a real bluewick person", [LG, CO], ["password"]),
    ("a sock is missing from my wash and fold bag AGAIN. do you pay for missing stuff?", [LO], ["£15.00"]),
    ("Got my dry cleaning back on Monday and one of my work shirts isn't there. It was on the list when you picked up. How do I report it and how long do I have?", [LO], ["7 days"]),
    ("reported a missing item, how long does the search take", [LO], ["10 working days"]),
    ("think i left a £20 note in my jeans pocket. will i get it back or is it gone", [LO], ["sealed envelope"]),
    ("what's the family plan cost and how many kgs", [PL], ["£49.00", "25 kg"]),
    ("on plus solo, i only used 4kg last month, does the rest roll over?", [PL], ["10 kg"]),
    ("went over my plus kilos this month, what do extra kg cost", [PL], ["£2.00"]),
    ("want to cancel plus, i'm halfway through the month. do i get the rest back?", [CA], ["end of the month"]),
    ("i'm travelling for the summer. can i stop paying for plus for a bit without cancelling, and for how long", [CA], ["2 months"]),
    ("Signed up for Plus last week on a whim, haven't sent anything yet. Too late to get my money back?", [CA], ["14 days"]),
    ("dog chewed my bluewick bag. how much for a new one", [HB], ["£6.00"]),
    ("i have a cupboard full of your cardboard hangers, do you take them back? do i get anything", [HB], ["5p"]),
    ("password reset email link doesnt work anymore, i clicked it like an hour later", [LG], ["30 minutes"]),
    ("typed my password wrong a bunch of times and now it says locked. how long", [LG], ["15 minutes"]),
    ("why is there £25 pending on my card when i havent even had my laundry back yet", [PA], ["£25.00"]),
    ("you said you refunded me yesterday but its not on my card. how long does it take", [PA], ["5 to 10 working days"]),
    ("customer care gave me some credit as a sorry, does it expire?", [PA], ["3 months"]),
    ("we run a small hair salon and want towels done weekly. is there a minimum spend on a business account", [BU], ["£200.00"]),
    ("our restaurant would spend around 600 a month on linen with you. is there a discount", [BU], ["10%"]),
    ("we got a business invoice, how long have we got to pay it", [BU, TS], ["30 days"]),
    ("Moved house suddenly and couldn't take three delivery attempts, my order's been sitting at your depot for ages. Is it going to be thrown away? And is there a charge?", [TS], ["90 days", "£1.00"]),
    ("i sent a complaint about a rude driver, when should i expect an actual answer", [TS], ["10 working days"]),
]

UN = [
    "can you take up the hem on my trousers while they're being cleaned? how much",
    "do you resole shoes or clean trainers",
    "want to buy my sister a bluewick gift voucher for her birthday, how",
    "any student discount? im at kellbridge uni",
    "is it ok to tip the driver, he's been great",
    "my son has eczema, can you wash his stuff with fragrance free hypoallergenic detergent",
    "do you have a refer a friend thing",
    "do i get loyalty points for each order",
    "do you recycle the water from your washing machines? how much water does one load use",
    "can i watch the driver on a live map like the food delivery apps",
    "are you hiring drivers in ashmere",
    "are your vans electric? trying to be greener",
]

OTHER = [
    ("¿En cuántas horas me devuelven la ropa con el servicio estándar?", [TA], ["48"], "es"),
    ("Me entregaron una chaqueta dañada. ¿Cuántas horas tengo para reclamar?", [SD, TS], ["72"], "es"),
    ("Il me manque une chemise dans ma commande. Combien de jours ai-je pour le signaler ?", [LO, TS], ["7"], "fr"),
    ("Quel est le numéro de téléphone du service client ?", [GS], ["01 555 0140"], "fr"),
    ("Wie viel kostet das Abo Plus Family pro Monat?", [PL], ["49"], "de"),
    ("Bis wann muss ich in Kellbridge bestellen, damit ich am selben Tag meine Wäsche zurückbekomme?", [SL, TA], ["08:30"], "de"),
    ("Quanto costa lavare a secco un cappotto di lana?", [DC], ["18"], "it"),
    ("Qual è la spesa minima mensile per un account aziendale?", [BU], ["200"], "it"),
    ("Quanto tempo o motorista espera se eu não estiver em casa?", [MI], ["10"], "pt"),
    ("Quanto custa um saco Bluewick extra?", [HB], ["6"], "pt"),
    ("Wat kost het om een tweepersoons dekbed te laten wassen?", [WF], ["18"], "nl"),
    ("Hoe lang is de link om mijn wachtwoord te resetten geldig?", [LG], ["30"], "nl"),
]

CONV = [
    ("follow_up", [("how much is wash and fold per kg", [WF], ["£2.40"]),
                   ("and for express?", [WF, TA], ["£3.60"]),
                   ("is there a minimum weight?", [WF], ["6 kg"])]),
    ("follow_up", [("how much to dry clean a 2 piece suit", [DC], ["£15.90"]),
                   ("and the 3 piece?", [DC], ["£19.90"]),
                   ("what if i need it back the same day, how much more is that", [DC, TA], ["50%"])]),
    ("follow_up", [("i'm in kellbridge, what pick-up slots are there", [SL], ["19:00-21:00"]),
                   ("whats the cut-off for booking those?", [SL], ["20:00"]),
                   ("and in porthaven? my mum lives there, which days", [SL], ["Monday, Wednesday, Friday, Saturday"])]),
    ("follow_up", [("my jacket got damaged at the dry cleaners (yours), how do i claim", [SD], ["Report a problem"]),
                   ("how long have i got?", [SD, TS], ["72 hours"]),
                   ("the cleaning cost £22, how much could i get", [SD], ["£150.00"])]),
    ("follow_up", [("what does plus solo cost", [PL], ["£22.00"]),
                   ("how many kilos is that a month", [PL], ["10 kg"]),
                   ("can i pause it while i'm away", [CA], ["2 months"])]),
    ("follow_up", [("whats the minimum spend for a business account", [BU], ["£200.00"]),
                   ("do we get a discount if we spend more, probably 1200 a month", [BU], ["15%"]),
                   ("who do i call to set it up", [BU, GS], ["01 555 0147"])]),
    ("follow_up", [("a shirt is missing from my dry cleaning, delivered yesterday", [LO], ["7 days"]),
                   ("and if you can't find it, what do i get", [LO], ["£250.00"])]),
    ("topic_shift", [("how much is a double duvet", [WF], ["£18.00"]),
                     ("unrelated but how do i change my password", [LG], ["Change password"])]),
    ("topic_shift", [("missed pick-up fee?", [MI], ["£7.50"]),
                     ("also where do i get more of your bags", [HB], ["Account > Bags"])]),
    ("topic_shift", [("how long does a standard order take", [TA], ["48 hours"]),
                     ("different question, can i pay with amex", [PA], ["American Express"])]),
    ("topic_shift", [("what happens if you find money in my pockets", [LO], ["sealed envelope"]),
                     ("ok and do you take leather jackets", [CG], ["Leather"])]),
    ("topic_shift", [("how do i cancel my plus subscription", [CA], ["Cancel plan"]),
                     ("separately, an order of mine has been at the depot for 5 weeks, is there a storage charge", [TS], ["£1.00"])]),
    ("topic_shift", [("can you leave my laundry with my neighbour when i'm at work", [DL], ["neighbour"]),
                     ("btw what's the claims phone number", [SD, GS], ["01 555 0149"]),
                     ("and how long do i have to complain about a driver who was rude", [TS], ["14 days"])]),
    ("topic_shift", [("do you clean curtains", [FQ], ["dry cleaning"]),
                     ("also what are the depot opening hours in ashmere", [MI], ["8am to 8pm"]),
                     ("and how do i get my whites done at 60", [WF], ["60"])]),
]


def main() -> None:
    rows = []
    n = 0
    for q, c, s in EN:
        n += 1
        rows.append({"id": f"bw-q{n:02d}", "question": q, "must_cite": c, "must_say": s, "lang": "en"})
    for q in UN:
        n += 1
        rows.append({"id": f"bw-q{n:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    for q, c, s, lang in OTHER:
        n += 1
        rows.append({"id": f"bw-q{n:02d}", "question": q, "must_cite": c, "must_say": s, "lang": lang})
    (ROOT / "golden.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    conv = []
    for i, (kind, turns) in enumerate(CONV, 1):
        conv.append({"id": f"bw-c{i:02d}", "kind": kind, "turns": [
            {"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]})
    (ROOT / "conversations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conv), encoding="utf-8")
    print(len(rows), "questions,", len(conv), "conversations")


if __name__ == "__main__":
    main()
