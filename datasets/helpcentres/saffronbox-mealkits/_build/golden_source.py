"""Write golden.jsonl and conversations.jsonl (kept as Python so the lists stay readable)."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

P = "plans/plans-and-prices.md"
X = "plans/chefs-select-and-market-extras.html"
D = "delivery/delivery-days-regions-and-fees.html"
M = "delivery/late-missing-or-damaged-box.md"
L = "delivery/chilled-lockers.md"
PW = "account/sign-in-and-account-password.md"
SK = "account/skip-a-week.md"
PA = "account/pausing-deliveries.txt"
AD = "account/change-delivery-address.txt"
CA = "account/cancel-your-subscription.docx"
G = "orders/gift-cards-and-one-off-boxes.html"
AL = "food/allergen-and-dietary-guide.pdf"
ST = "food/storing-and-cooking-safely.txt"
PK = "sustainability/packaging-and-boxback-returns.html"
CR = "billing/credits-vouchers-and-promo-codes.md"
PF = "billing/payments-faq.md"
RF = "billing/refer-a-friend.docx"
APP = "app/saffronbox-kitchen-app-guide.pdf"
H = "handbook/member-handbook.md"

EN = [
    ("hey how much is it per serving if i get 3 recipes a week for me and my boyfriend", [P], ["€5.99"]),
    ("is veggie cheaper??", [P], ["€0.50 less"]),
    ("Do I have to commit to a certain number of months or is there some sign up cost?", [P, H, CA], ["no minimum term"]),
    ("how much to add a loaf of sourdough to my box", [X], ["€4.25"]),
    ("We're about to move from Dublin to a house just outside Galway city. My husband works from home so any day suits. Which days would you be able to come out to us there, and what will delivery cost us per box?", [D], ["Wednesday", "€4.99"]),
    ("cork delivery charge", [D], ["€4.49"]),
    ("Just moved up to Letterkenny for work (long story, new job, new house, new everything) and I'm setting up my SaffronBox again. Roughly what hours would the van turn up?", [D], ["10:00 to 19:00"]),
    ("my box comes tuesdays. whats the absolute last moment i can still swap recipes for it", [D], ["Thursday", "23:59"]),
    ("box came at lunchtime but I only opened it tonight, the ice packs are liquid and the mince feels warm. if i cook it really well its fine right?", [M], ["do not eat"]),
    ("driver showed up like 3 hours after the window they texted me. do i get anything", [M, H], ["€5.00"]),
    ("Bit embarrassing, I put the wrong eircode in my account and the box went to some random house. Can you send another one and is there a charge?", [M, AD], ["€7.50"]),
    ("wont be home til late tomorrow, will the food be ok sitting outside all day? how long does the box keep cold", [D, H], ["36 hours"]),
    ("how long have I got to collect from the fridge locker before it goes", [L], ["72 hours"]),
    ("deleted the text with the code for the locker by accident, where can i find it", [L], ["Locker PIN"]),
    ("trying to make a new password and it keeps saying its too short. whats the minimum?", [PW], ["10 characters"]),
    ("clicked the reset link in the email and it said expired?? i only got it this morning", [PW], ["30 minutes"]),
    ("typed my password wrong a bunch of times now its locked. how long do i wait", [PW], ["15 minutes"]),
    ("We're heading to Portugal for about three months this summer (June to early September) to stay with my partner's family. Rather than skipping every single week, can I just stop the deliveries and have them kick back in automatically when we're home?", [PA, SK, H], ["12 weeks"]),
    ("Can I ring someone to cancel? I'm not great with the app", [CA, H], ["01 555 0145"]),
    ("thinking of quitting. what happens to the €18 credit still sitting on my account", [CA], ["6 months"]),
    ("I ordered a Taster Box for my sister about an hour ago and put in the wrong address. If I cancel now do I get all my money back?", [G], ["2 hours"]),
    ("ordered a big batch box last week for delivery on the 20th, its the 2nd today. if i cancel now do i lose anything", [G], ["€5.00"]),
    ("how much is the date night one", [G], ["€49.00"]),
    ("My son is allergic to mustard. The recipes use that saffron dust seasoning a lot, is there mustard in it?", [AL], ["mustard and celery"]),
    ("I've got coeliac disease. Are your meals safe for me?", [AL], ["gluten-free"]),
    ("how do i stop recipes with sesame showing up on my menu", [AL], ["Account > Preferences > Dietary needs"]),
    ("vegan plan?", [AL], ["no separate vegan plan"]),
    ("got the salmon one in the box on monday, is it still ok to cook on friday?", [ST], ["2 days"]),
    ("my oven is a fan one, do i use the temp on the card", [ST, H], ["20°C lower"]),
    ("do i get anything back for sending you the wool liner things", [PK], ["€0.50"]),
    ("I'm in Cork. Will your driver take away all my old boxes and ice packs?", [PK], ["Greenline Parcels"]),
    ("can i just pour the ice pack gel down the sink", [PK], ["general waste"]),
    ("I've got a big family on WhatsApp and I've already referred 7 of them this year lol. How much credit do I get for the next one?", [RF], ["€15"]),
    ("added my card yesterday and theres a €1 charge pending, what is that", [PF], ["5 working days"]),
    ("my card got declined for this weeks box, what happens now", [PF, H], ["24 hours", "48 hours"]),
    ("can I get 2 promo codes on the same box", [CR, H], ["one promo code per box"]),
    ("the welcome discount - how much off is the second box?", [CR, H], ["25%"]),
    ("does my account credit ever run out", [CR, H], ["12 months"]),
    ("my phone is still on ios 15 will the kitchen app work", [APP], ["iOS 16"]),
    ("the kitchen has no signal, how many recipes can I save to cook offline", [APP], ["20 recipes"]),
    ("my delivery day is monday and next monday is a bank holiday. what happens to my box", [H], ["Tuesday"]),
    ("last date to sort out the christmas week box?", [H], ["14 December"]),
    ("cooked the thai curry exactly like the card said and honestly it was awful. is there any sort of guarantee or do i just live with it", [H], ["€3.00"]),
    ("I manage a team of about 25 and we'd like to get meal kits as a staff perk. Is there a minimum order and any discount?", [H], ["10 boxes", "8%"]),
    ("i asked you to delete my account and data, how long will that take", [H], ["30 days"]),
    ("if you swap an ingredient when will i find out", [H], ["18:00"]),
    ("made a complaint last week and no one has come back with a final answer, how long are you supposed to take", [H], ["15 working days"]),
    ("can my wife use the app on her phone with my account", [APP], ["Profile > Household"]),
]

UNANSWERABLE = [
    "is your meat halal",
    "student discount??",
    "Does the SaffronBox Kitchen app have an Apple Watch version so I can see the timers on my wrist?",
    "is the salmon in your recipes farmed or wild caught",
    "can I leave a tip for the delivery driver through the app",
    "do you sell wine to go with the recipes",
    "Another meal kit company is offering me a cheaper deal. Will you price match it?",
    "are the wool liners machine washable, id like to keep them",
    "do you have a loyalty points scheme where you earn points on every box",
    "My daughter is 8 months old. Do you do puree or baby food boxes for weaning?",
    "are you doing a black friday sale this year",
    "how long does a jar of the saffron dust spice keep once its opened",
]

I18N = [
    ("es", "¿Cuánto cuesta el envío de cada caja si vivo en Munster?", [D], ["4.49"]),
    ("es", "Me voy de viaje. ¿Durante cuántas semanas como máximo puedo pausar las entregas?", [PA, SK, H], ["12"]),
    ("fr", "Pendant combien d'heures le code PIN du casier réfrigéré reste-t-il valable ?", [L], ["72"]),
    ("fr", "Ma carte cadeau SaffronBox est valable combien de mois ?", [G, CR], ["24"]),
    ("de", "Wie hoch ist der Aufpreis pro Portion für ein Steak-Gericht von Chef's Select?", [X], ["3.50"]),
    ("de", "Unter welcher Telefonnummer erreiche ich den Kundenservice?", [H, M, D, PA], ["01 555 0140"]),
    ("it", "Quanto credito ricevo quando un amico riceve la sua prima scatola con il mio link?", [RF], ["20"]),
    ("it", "Entro quante ore devo segnalare un problema con la consegna?", [M], ["48"]),
    ("pt", "Qual é a temperatura que o frango deve atingir no interior quando o cozinho?", [ST], ["75"]),
    ("pt", "Quanto custa a Taster Box?", [G], ["39"]),
    ("nl", "Hoeveel weken van tevoren kan ik een week overslaan?", [SK, H], ["10"]),
    ("nl", "Tot hoe laat is de chat op zaterdag bereikbaar?", [H], ["17:00"]),
]

CONVERSATIONS = [
    ("follow_up", [
        ("how much per serving for 2 recipes a week for 2 people", [P], ["€6.49"]),
        ("and if we go up to 4 people?", [P], ["€5.29"]),
        ("is the veggie version any cheaper", [P], ["€0.50 less"]),
    ]),
    ("follow_up", [
        ("which days do you deliver in munster", [D], ["Tuesday", "Friday"]),
        ("how much is delivery there", [D], ["€4.49"]),
        ("is it ever free?", [D, P, H], ["5 recipes for 4 people"]),
    ]),
    ("follow_up", [
        ("how do i pause my deliveries", [PA], ["Account > Subscription > Pause deliveries"]),
        ("whats the longest i can do that for", [PA, SK, H], ["12 weeks"]),
        ("will you remind me before it starts up again?", [PA, H], ["7 days"]),
    ]),
    ("follow_up", [
        ("I'm in Kildare, how do I get the driver to collect my old packaging", [PK], ["Account > Preferences > BoxBack collections"]),
        ("how many boxes of it will they take at once", [PK], ["3 boxes"]),
        ("do i get anything for doing it?", [PK], ["€0.50"]),
    ]),
    ("follow_up", [
        ("forgot my password, how do i get back in", [PW], ["Forgot password?"]),
        ("the email never arrived", [PW], ["spam"]),
        ("oh wait i think i originally signed up with google", [PW], ["Continue with Google"]),
    ]),
    ("follow_up", [
        ("my friend signed up with my referral link, when do i get my credit", [RF], ["3 days"]),
        ("how much will it be?", [RF], ["€20"]),
        ("does it expire", [RF, CR], ["12 months"]),
    ]),
    ("follow_up", [
        ("I want to cancel a one-off box I ordered, delivery is in 10 days", [G], ["€5.00"]),
        ("what if it had been only 3 days before delivery?", [G], ["can't be cancelled"]),
    ]),
    ("follow_up", [
        ("how many days after delivery is the fish still ok to cook", [ST], ["2 days"]),
        ("and the chicken?", [ST], ["3 days"]),
        ("can i freeze it instead?", [ST], ["day of delivery"]),
    ]),
    ("topic_shift", [
        ("how much extra is the steak night recipe per serving", [X], ["€3.50"]),
        ("different thing, where do i change my password in the app", [PW], ["Account > Security > Change password"]),
    ]),
    ("topic_shift", [
        ("how long does the locker PIN work for", [L], ["72 hours"]),
        ("unrelated but does the veggie plan have eggs and cheese in it", [P, AL], ["eggs and dairy"]),
    ]),
    ("topic_shift", [
        ("when do you charge my card for a box", [PF, H], ["five days before"]),
        ("another question: my delivery day is monday, what happens on bank holiday mondays", [H], ["Tuesday"]),
    ]),
    ("topic_shift", [
        ("how long is a gift card valid", [G, CR], ["24 months"]),
        ("also my son has a peanut allergy, how do I make sure we never get recipes with peanuts", [AL], ["Account > Preferences > Dietary needs"]),
    ]),
    ("topic_shift", [
        ("how do i skip next week", [SK], ["Skip this week"]),
        ("totally separate question, if I cook a recipe and really don't like it do I get anything back", [H], ["€3.00"]),
    ]),
    ("topic_shift", [
        ("is there a minimum order for SaffronBox for Work", [H], ["10 boxes"]),
        ("ok, other thing, the app keeps showing last week's menu", [APP], ["Clear recipe cache"]),
    ]),
]


def main() -> None:
    rows = []
    for i, (q, cite, say) in enumerate(EN, 1):
        rows.append({"id": f"sb-q{i:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": "en"})
    n = len(rows)
    for j, q in enumerate(UNANSWERABLE, n + 1):
        rows.append({"id": f"sb-q{j:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
    n = len(rows)
    for k, (lang, q, cite, say) in enumerate(I18N, n + 1):
        rows.append({"id": f"sb-q{k:02d}", "question": q, "must_cite": cite, "must_say": say, "lang": lang})
    with open(HERE / "golden.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(HERE / "conversations.jsonl", "w", encoding="utf-8") as f:
        for i, (kind, turns) in enumerate(CONVERSATIONS, 1):
            f.write(json.dumps({"id": f"sb-c{i:02d}", "kind": kind, "turns": [
                {"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]}, ensure_ascii=False) + "\n")
    print(len(rows), "golden rows;", len(CONVERSATIONS), "conversations")


if __name__ == "__main__":
    main()
