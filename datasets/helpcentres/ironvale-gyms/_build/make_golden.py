import json
MO="memberships/membership-options.md"; JF="memberships/joining-fee-and-offers.html"; CA="memberships/cancelling-your-membership.txt"
FR="memberships/freezing-your-membership.md"; ST="memberships/student-membership.html"; FA="memberships/family-and-junior-members.txt"
MT="memberships/membership-terms.docx"; BC="classes/booking-classes.md"; CG="classes/class-guide.html"
PT="personal-training/personal-training-packs.html"; PTT="personal-training/pt-pack-terms.pdf"; GP="guests/guest-passes.txt"
LT="facilities/lockers-and-towels.md"; PS="facilities/pool-and-spa.html"; EP="facilities/extras-price-list.pdf"
PD="payments/payments-and-direct-debit.docx"; AC="account/app-login-and-club-entry.md"; FAQ="help/faq.html"
HB="guides/members-handbook.md"; CM="community/medical-freeze-knee-surgery-thread.md"; WE="getting-started/welcome-to-ironvale.md"
en=[
("how much is off peak a month if i dont want to be tied into a contract",[MO],["€29.99"]),
("joining fee?",[JF,EP],["€35.00"]),
("Hi there, I joined at Eastgate on the 12 month contract back in June and it's been great, but my partner got a job up north and we're moving next month, it's about 200 km away and there's no IronVale anywhere near. Do I really have to keep paying until next June or is there a way out without a penalty?",[CA,MT],["25 km"]),
("whats the fee to get out of my contract early, no special reason i just dont use it",[CA,MT,EP],["€75.00"]),
("signed up last wednesday, been in twice, honestly changed my mind. can i still get a refund",[CA,MT],["€8.00"]),
("how much does it cost to put my membership on hold for a couple of months while I'm backpacking",[FR,EP],["€6.00"]),
("broke my wrist falling off my bike, out for at least 2 months. can I pause my gym without paying anything?",[FR,CM],["doctor's note"]),
("how far ahead do i have to ask for a freeze",[FR,CM],["7 days"]),
("I'm on the 12 month deal and froze for 2 months in the summer. does that change when my contract actually finishes?",[FR,MT],["added to the end"]),
("joined on the student membership 3 weeks ago and totally forgot to upload my student card, what happens now",[ST],["Full (Core)"]),
("do I need to prove Im still a student every year? whats the deadline",[ST],["30 September"]),
("can my 13 yr old go in the gym by himself after school",[FA],["only when an adult"]),
("we've got 4 kids, how much extra is it to add the youngest to our family plan",[FA,MO],["€9.00"]),
("what time do class bookings open",[BC],["07:00"]),
("ugh stuck at work and my spin class starts in an hour. if i cancel now do i get charged??",[BC],["strike"]),
("why can't I book any classes? app says I'm blocked",[BC],["3 strikes"]),
("I'm 3rd on the waiting list for bodypump tonight, up to how close to the start can I still get put in automatically?",[BC],["1 hour"]),
("how long is hiit blast",[CG],["30 min"]),
("minimum age for aqua fit",[CG,PS],["14"]),
("price for 10 pt sessions",[PT],["€390.00"]),
("i have a session with my trainer at 9am tomorrow and it's 8pm now, if i cancel will i lose it",[PT,PTT],["24 hours"]),
("bought a 5 pack of personal training a couple of months back, only used 2 because work went mental. any way to get more time to use the rest?",[PTT,EP],["€20.00"]),
("my trainer told me she's leaving ironvale next month. I still have 6 sessions left. can I get my money back for those and do you take a fee?",[PTT],["no admin fee"]),
("can I split the payment for the 20 session pack",[PTT],["€240.00"]),
("how many free guest passes do I get on full membership",[GP,MO],["2 free guest passes","2 a month"]),
("my sister is visiting for the month and wants to come with me like 4 times on guest passes, is that allowed",[GP],["3 times"]),
("if I bring a friend to Southfield can they go in the spa with me",[GP,PS],["not the spa"]),
("not a member yet, how much is it to try the gym for a week",[GP,EP],["€25.00"]),
("forgot the code i set on my locker and my car keys are in there",[LT],["master key"]),
("how much to rent a locker to leave my stuff in permanently",[LT,EP],["€9.00"]),
("how much to hire a big towel for the pool",[LT,EP],["€2.50"]),
("I'm on off-peak, how much is a spa session",[PS,EP],["€8.00"]),
("what are the family swim times at the weekend",[PS],["10:00"]),
("how long is the password reset link valid for",[AC],["30 minutes"]),
("lost my membership card",[AC,EP],["€5.00"]),
("when does the monthly direct debit come out",[PD,FAQ],["15th"]),
("my direct debit bounced this month, am i going to be charged extra for that",[PD,FAQ,EP],["€15.00"]),
("someone replied to my post on the forum saying I can get 3 months free if I send them my card number and CVV. is that actually from you guys?",[CM,AC],["never ask"]),
# handbook deep
("whats the latest i can get in before closing",[HB],["30 minutes before closing"]),
("Is there anywhere I can leave my 2 year old while I train? Like a creche?",[HB],["Southfield"]),
("am i allowed to use chalk for deadlifts",[HB],["liquid chalk"]),
("is there a time limit on the treadmills? a guy was on one for an hour yesterday at 6pm while people waited",[HB],["20-minute limit"]),
("are you open on boxing day",[HB],["10:00 to 16:00"]),
("my home club has been shut for refurbishment for over a week now. do I get anything back for the days I couldn't go?",[HB],["one-thirtieth"]),
("left my hoodie at the gym about 3 weeks ago, would it still be there",[HB],["30 days"]),
("My mum uses a wheelchair and needs her carer with her to train. Does the carer have to pay for a membership too?",[HB],["Access Companion card"]),
("I sent a complaint about the showers at Eastgate over a week ago. how long should it take to hear back",[HB],["10 working days"]),
("how long do you keep cctv footage",[HB],["31 days"]),
]
un=[
"Do you offer corporate memberships for companies? My employer wants to sign up 30 staff.",
"is there a discount for over 60s",
"do you have a cafe or sell protein shakes at the clubs",
"do you have on-demand workout videos in the app I can do at home",
"is the pool at Southfield saltwater or chlorine",
"does any of your clubs have a climbing wall",
"can I buy a gym membership as a gift voucher for my brother's birthday",
"do I get anything for referring a friend who joins",
"what temperature is the swimming pool kept at",
"can I book a massage in the spa",
"can I use my IronVale membership at gyms abroad when I travel for work",
"is there a student discount on personal training packs",
]
other=[
("¿Cuánto es la cuota de inscripción si me apunto como estudiante?",[JF,EP],["€15.00"],"es"),
("¿Cuánto cuesta un pase de invitado para un amigo?",[GP,EP],["€12.00"],"es"),
("Combien coûte une séance unique avec un coach personnel ?",[PT],["€45.00"],"fr"),
("Jusqu'à quelle heure le club de Millbrook est-il ouvert en semaine ?",[WE],["23:00"],"fr"),
("Was kostet die Familienmitgliedschaft pro Monat mit einem 12-Monats-Vertrag?",[MO],["€89.00"],"de"),
("Wie viel kostet es, meine Studentenmitgliedschaft im Sommer einzufrieren?",[FR,EP],["€3.00"],"de"),
("Quanto costa il pacchetto da 20 sessioni di personal training?",[PT],["€720.00"],"it"),
("Quanto costa al mese l'armadietto grande in affitto?",[LT,EP],["€14.00"],"it"),
("Quanto custam as aulas de natação para crianças por período de 10 semanas?",[PS,EP],["€70.00"],"pt"),
("Qual é o número de telefone do atendimento aos sócios?",[WE,FAQ],["01 555 0140"],"pt"),
("Wat kost een Full-lidmaatschap bij een Plus-club per maand met een contract van 12 maanden?",[MO],["€49.99"],"nl"),
("Hoeveel betaal ik als ik Off-Peak voor een heel jaar vooruit betaal?",[MO],["€269.00"],"nl"),
]
assert len(en)==48 and len(un)==12 and len(other)==12
rows=[]; n=0
def add(q,c,s,l):
    global n; n+=1
    rows.append({"id":f"iv-q{n:02d}","question":q,"must_cite":c,"must_say":s,"lang":l})
for q,c,s in en: add(q,c,s,"en")
for q in un: add(q,[],[],"en")
for q,c,s,l in other: add(q,c,s,l)
open("golden.jsonl","w").write("".join(json.dumps(r,ensure_ascii=False)+"\n" for r in rows))
T=lambda q,c,s:{"question":q,"must_cite":c,"must_say":s}
conv=[
("follow_up",[T("how much is full membership if my home club is harwick central",[MO],["€49.99"]),T("and with no contract?",[MO],["€56.99"]),T("is there a joining fee on top of that",[JF,EP],["€35.00"])]),
("follow_up",[T("how do i freeze my membership",[FR],["Me > Membership > Freeze"]),T("how much is it",[FR,EP],["€6.00"]),T("what's the longest I can freeze for in a year",[FR],["6 months"])]),
("follow_up",[T("how much is the 5 session personal training pack",[PT],["€210.00"]),T("how long do I have to use them",[PT,PTT],["3 months"]),T("can it be extended if I run out of time",[PTT,EP],["€20.00"])]),
("follow_up",[T("does southfield have a pool",[PS,WE],["25 m"]),T("what about a spa?",[PS,WE],["sauna"]),T("can my 15 year old come in the spa with me",[PS,FA],["over-18s only"])]),
("follow_up",[T("how do i book a class",[BC],["Book > Classes"]),T("how many can I have booked at the same time",[BC],["6 future bookings"]),T("and if I can't make it, when do I have to cancel by",[BC],["2 hours"])]),
("follow_up",[T("can I bring a mate to the gym with me",[GP],["€12.00"]),T("I'm on off-peak if that matters",[GP],["off-peak hours"])]),
("follow_up",[T("how do i get into harwick docks at night",[AC],["6-digit"]),T("typed my pin wrong 3 times and now it's blocked",[AC],["01 555 0149"])]),
("follow_up",[T("how do I cancel my membership",[CA],["Me > Membership > Cancel membership"]),T("can I just email you instead",[CA],["cannot accept cancellations by email"]),T("how much notice is it, I'm on rolling monthly",[CA,MT],["30 days"])]),
("topic_shift",[T("how much is a big towel for the pool",[LT,EP],["€2.50"]),T("different question - how do I change the date my direct debit goes out",[PD],["once in any 12 months"])]),
("topic_shift",[T("what time does eastgate close on saturdays",[WE],["18:00"]),T("ok thanks. can I rent a permanent locker there",[LT,EP],["€9.00"])]),
("topic_shift",[T("how long is a PT session",[PT,PTT],["55 minutes"]),T("also my daughter is 9, can she come swimming with me",[PS,FA],["family swim"])]),
("topic_shift",[T("is there wifi at the clubs",[FAQ],["IronVale-Members"]),T("unrelated but how long do you keep lost property",[HB],["30 days"])]),
("topic_shift",[T("am i allowed to drop weights",[HB],["lifting platforms"]),T("also where can i download receipts for my payments",[PD],["Statements"])]),
("topic_shift",[T("how much is the student membership on a 12 month contract",[MO],["€21.99"]),T("separate thing, my direct debit failed, what happens now",[PD],["5 days"]),T("will I still be able to get into the gym",[PD],["entry pass stops working"])]),
]
assert sum(k=="follow_up" for k,_ in conv)==8 and len(conv)==14
open("conversations.jsonl","w").write("".join(json.dumps({"id":f"iv-c{i+1:02d}","kind":k,"turns":t},ensure_ascii=False)+"\n" for i,(k,t) in enumerate(conv)))
print(len(rows), len(conv), sum(len(t) for _,t in conv))
