"""Writes golden.jsonl and conversations.jsonl (the question source of truth is this script)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
G = "grading/cosmetic-grades.md"; BAT = "grading/battery-health.html"; W = "warranty/12-month-warranty.md"
CP = "warranty/care-plus-extension.html"; WR = "repairs/warranty-repairs-by-post.md"; PR = "repairs/paid-repairs.txt"
TQ = "trade-in/trade-in-quotes.md"; TT = "trade-in/trade-in-terms.docx"; DW = "trade-in/data-wiping.txt"
RET = "returns/30-day-returns.md"; FOA = "returns/faulty-on-arrival.html"; DEL = "delivery/delivery-options.html"
INS = "payments/pay-in-instalments.md"; PAY = "payments/payment-methods-and-refunds.md"; TOS = "legal/terms-of-sale.pdf"
FAQ = "help/faq.html"; ACC = "account/account-and-orders.md"; COM = "community/laptop-battery-draining-thread.md"
BOX = "devices/whats-in-the-box-and-networks.md"; GS = "getting-started/how-brookhaven-works.md"

EN = [
    ("whats the actual difference between grade b and grade c on the screen? dont want to see scratches when im watching stuff", [G], ["Light scratches visible when the screen is on"]),
    ("laptop battery - whats the lowest health you'd send one out with", [BAT, TOS], ["80%"]),
    ("Hi there, I bought an iPhone from you, grade A, back in April so about 8 months ago. It was great but lately it's been dying by mid afternoon and when I looked in settings the battery is at 78%. I thought refurbished batteries were just like this but my brother said to ask. Is this something you'd fix or am I stuck with it?", [W, BAT], ["80%"]),
    ("how much is the 2 year extended cover on a laptop that cost me £550", [CP], ["£69.00"]),
    ("dropped my phone on the bus and the glass is smashed :( i paid for the care plus thing so is that covered?", [CP, FAQ, W], ["accidental damage"]),
    ("ipad screen replacement price? its out of warranty", [PR], ["£119.00"]),
    ("if i send my phone back for a warranty fix how long am i without it roughly", [WR], ["7 working days"]),
    ("I moved to Lyon last month and my Brookhaven phone's charging port has stopped working, it's 5 months old. can i still get it fixed and do i have to pay to post it to you?", [WR], ["£15.00"]),
    ("how long is a tradein quote good for", [TQ, TT, FAQ], ["14 days"]),
    ("So I sent my old iPad in to be traded in, quote was £140. Then I went on holiday and when I got back there's an email from 10 days ago saying they'd lowered it because the battery was under 80%. I never replied. Can I still say no and get it back or what happens now?", [TQ, TT], ["accepted automatically"]),
    ("is it true i get more for my old phone if i take credit instead of money", [TQ, TT], ["10%"]),
    ("sent my laptop in for trade, price agreed yesterday, when does the money hit my account", [TQ, TT, FAQ], ["2 working days"]),
    ("my work needs proof that the old company phone i traded in was properly erased. can you give me something in writing and how long does it take", [DW], ["certificate of erasure", "5 working days"]),
    ("oh no i posted my old iphone for trade in and forgot to turn off find my. what happens", [DW, TT], ["30 days", "£6.95"]),
    ("how many days to send something back if i just dont want it", [RET, TOS], ["30 days"]),
    ("I ordered a phone and also bought a case and a spare charger. Opened the case, put it on, hated the colour. The charger I never opened. Can I send both back for the full money?", [RET, TOS], ["15%"]),
    ("whats the lowest restocking fee u charge", [RET, TOS], ["£3.00"]),
    ("once you receive my return how long till i see the refund", [RET], ["5 working days"]),
    ("laptop came on monday and the trackpad doesnt click at all. what do i do, do i have to take it to the post office", [FOA], ["courier collection"]),
    ("the box came completely crushed and the tablet screen is cracked. how quickly do i need to tell you", [FOA], ["48 hours"]),
    ("next day delivery uk price?", [DEL], ["£4.99"]),
    ("do u ship to germany, how much", [DEL], ["£12.99"]),
    ("ordering a macbook to Madrid, am I going to get a customs bill from the courier when it shows up?", [DEL], ["duties paid"]),
    ("i work all day, can the driver just leave the laptop behind the bin", [DEL], ["signature"]),
    ("courier came twice while i was out. where is my parcel now and how long have i got", [DEL], ["7 days"]),
    ("can i spread the cost of a £250 phone? no interest ideally", [INS], ["3 monthly payments", "0%"]),
    ("interest rate on the 12 month payment plan?", [INS], ["14.9%"]),
    ("my card bounced for this month's instalment, will i be charged a fee", [INS], ["£12.00"]),
    ("I need to move my instalment payment date because I get paid on the 28th now. Who do I contact about that?", [INS], ["01 555 0199"]),
    ("does applying for the monthly payments hurt my credit rating", [INS], ["soft credit check"]),
    ("refunded to paypal yesterday, how long before it shows", [PAY], ["1 working day"]),
    ("I have store credit from a trade-in last year, does it run out?", [PAY], ["24 months"]),
    ("want to buy 4 of the same tablet for my kids and their cousins, can i do that in one order", [TOS], ["3 units"]),
    ("typed the wrong flat number in my address!! order was 10 mins ago, can i fix it", [ACC], ["Edit address"]),
    ("what time do i have to order by so it goes out today", [ACC, DEL, FAQ], ["2pm"]),
    ("the password reset email link says expired, how long do those last", [ACC], ["30 minutes"]),
    ("got my password wrong a bunch of times and now im locked out. how long", [ACC], ["20 minutes"]),
    ("does the phone come with a plug or just the cable? if not can i buy one from you", [BOX], ["No plug", "£14.99"]),
    ("i used your prepaid label for my trade in and the courier lost it. do i still get paid?", [TT], ["15 working days"]),
    ("number for the repairs team please", [GS, WR, PR], ["01 555 0135"]),
    ("saw you can get a brand new battery put in when buying, how much extra", [BAT], ["£29.00"]),
    ("my grade B ipad has someone's name engraved on the back, is that allowed?? nobody told me", [G], ["Grade C"]),
    ("for a paid repair you charge something up front to look at it - how much and do i lose it if i go ahead", [PR], ["£25.00", "taken off the repair price"]),
    ("if you replace my phone battery as a paid repair, is the repair guaranteed", [PR], ["3-month"]),
    ("second time my laptop went back for the same issue and you found nothing wrong both times. am i going to be charged?", [WR], ["£20.00"]),
    ("order still hasnt come, its been ages since you said it shipped. at what point can i just cancel and get my money back", [TOS], ["30 days of dispatch"]),
    ("complained to you, not happy with the final answer. is there someone independent i can go to and is there a deadline", [TOS], ["Retail Resolution Service", "12 months"]),
    ("someone on your forum called Brookhaven_Warranty_Desk messaged me saying they can fast track my battery claim if i send my card number and account password. is that really you?", [COM, DW], ["Report a fault"]),
]
UNANS = [
    "do you do a student discount? im starting uni in january and need a laptop",
    "I found the same grade A phone cheaper on another refurb site, will you price match it?",
    "can i pick my order up from your workshop in person instead of waiting for delivery",
    "do you sell gift cards? want to get one for my mum's birthday",
    "if i take the 12 month payment plan can i pay it all off early, and is there a fee for that",
    "the tablet i want is out of stock - can you email me when it's back?",
    "are the screens on your refurbished iphones genuine apple screens or aftermarket ones",
    "bought a laptop last week and now it's £40 cheaper on your site. can i get the difference back?",
    "its a present, can you gift wrap it and add a message?",
    "do i earn points or rewards when i buy from you",
    "how much will you give me for an iphone 12 64gb in good condition",
    "will apple still honour applecare on a phone i buy from you?",
]
OTHER = [
    ("¿Cuánto cuesta el envío a España y cuántos días tarda?", [DEL], ["14.99"], "es"),
    ("Hola, compré un portátil hace dos semanas y no me convence. ¿Cuántos días tengo para devolverlo?", [RET, TOS], ["30"], "es"),
    ("Combien coûte la livraison en France ?", [DEL], ["12"], "fr"),
    ("Avec Care+, la garantie dure combien de mois au total ?", [CP, W, TOS], ["24"], "fr"),
    ("Wie hoch ist die Mindest-Akkukapazität bei Handys, wenn sie bei mir ankommen?", [BAT, TOS], ["85"], "de"),
    ("Was kostet der Expressversand innerhalb Großbritanniens?", [DEL], ["4", "99"], "de"),
    ("Quanto costa sostituire lo schermo di un telefono fuori garanzia?", [PR], ["89"], "it"),
    ("Per quanti giorni è valida la quotazione della permuta?", [TQ, TT, FAQ], ["14"], "it"),
    ("Abri uma capa que comprei e quero devolvê-la. Qual é a taxa de reposição?", [RET, TOS], ["15"], "pt"),
    ("Qual é o número de telefone da equipa de reparações?", [GS, WR, PR], ["01 555 0135"], "pt"),
    ("Wat kost verzending naar Nederland?", [DEL], ["12"], "nl"),
    ("Hoeveel rente betaal ik als ik in 12 maanden afbetaal?", [INS], ["14"], "nl"),
]
CONV = [
    ("follow_up", [("how much is care+ for a phone that cost about £400", [CP], ["£45.00"]),
                   ("and for a laptop in the same price range?", [CP], ["£69.00"]),
                   ("how long after it arrives can i still add it", [CP, ACC], ["30 days"])]),
    ("follow_up", [("delivery to ireland, what does it cost", [DEL], ["£9.99"]),
                   ("how long does that take?", [DEL], ["3 to 5 working days"]),
                   ("will there be customs to pay on top when it arrives", [DEL], ["duties paid"])]),
    ("follow_up", [("once you've checked my trade-in, how fast do you pay me", [TQ, TT], ["2 working days"]),
                   ("what if i go for store credit instead", [TQ, TT], ["10%"]),
                   ("and can i swap that credit back to cash later if i change my mind", [TQ], ["can't be changed back to cash"])]),
    ("follow_up", [("how much to replace a laptop battery out of warranty", [PR], ["£79.00"]),
                   ("and for a phone?", [PR], ["£49.00"]),
                   ("is the new one guaranteed for any time", [PR], ["3-month"])]),
    ("follow_up", [("are dents allowed on a grade c phone", [G], ["2 small dents"]),
                   ("how big can they be", [G], ["under 2 mm"])]),
    ("follow_up", [("my new phone arrived today and it won't switch on at all", [FOA], ["courier collection"]),
                   ("how long do i have to report something like that", [FOA], ["14 days"]),
                   ("what if i only notice a problem after a month, then what", [FOA, W], ["12-month warranty"])]),
    ("follow_up", [("whats the smallest order i can pay for in instalments", [INS], ["£150"]),
                   ("and for the 6 month plan?", [INS], ["£300"]),
                   ("is that one interest free", [INS], ["0%"])]),
    ("topic_shift", [("express delivery in the uk, how much", [DEL], ["£4.99"]),
                     ("different question - can i get a certificate showing my traded-in phone was wiped", [DW], ["certificate of erasure"])]),
    ("topic_shift", [("how long do i have to return a tablet i just don't like", [RET], ["30 days"]),
                     ("ok thanks. separate thing, what's the number for the trade-in team", [GS, TQ, TT], ["01 555 0148"])]),
    ("topic_shift", [("what's the fee if i miss an instalment", [INS], ["£12.00"]),
                     ("unrelated but do your laptops come with a charger", [BOX, FAQ], ["charger"])]),
    ("topic_shift", [("minimum battery health on tablets you sell?", [BAT], ["85%"]),
                     ("also, I won't be home, can my teenage son sign for the parcel? he's 16", [FAQ], ["16"])]),
    ("topic_shift", [("reported a fault under warranty, when do i get the postage label", [WR], ["1 working day"]),
                     ("another thing - my store credit from last year, when does it expire", [PAY], ["24 months"])]),
    ("topic_shift", [("price for a laptop screen replacement, not under warranty", [PR], ["£179.00"]),
                     ("totally different, can i still change the delivery address on an order i placed an hour ago", [ACC], ["Edit address"]),
                     ("and where do i download a vat invoice", [ACC, PAY], ["Invoice"])]),
    ("topic_shift", [("you sent me a lower trade-in offer, how long have i got to answer", [TQ, TT], ["7 days"]),
                     ("also which country's law are your terms of sale under", [TOS], ["England and Wales"])]),
]

rows = []
n = 0
for q, c, s in EN:
    n += 1; rows.append({"id": f"bh-q{n:02d}", "question": q, "must_cite": c, "must_say": s, "lang": "en"})
for q in UNANS:
    n += 1; rows.append({"id": f"bh-q{n:02d}", "question": q, "must_cite": [], "must_say": [], "lang": "en"})
for q, c, s, l in OTHER:
    n += 1; rows.append({"id": f"bh-q{n:02d}", "question": q, "must_cite": c, "must_say": s, "lang": l})
(ROOT / "golden.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
conv = []
for i, (kind, turns) in enumerate(CONV, 1):
    conv.append({"id": f"bh-c{i:02d}", "kind": kind,
                 "turns": [{"question": q, "must_cite": c, "must_say": s} for q, c, s in turns]})
(ROOT / "conversations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conv), encoding="utf-8")
print(len(rows), "questions,", len(conv), "conversations,", sum(len(c["turns"]) for c in conv), "turns")
