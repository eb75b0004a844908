import json
P="plans/credits-and-subscriptions.md"; C="plans/cancel-subscription.txt"; F="family/family-plans.html"
T="lessons/trial-lesson.md"; B="lessons/booking-and-time-zones.md"; S="lessons/student-cancellations-and-no-shows.html"
W="lessons/when-a-tutor-cancels.md"; X="credits/credit-expiry.txt"; R="payments/refunds-of-unused-credits.md"
G="group-classes/group-classes.md"; L="exams/certificates-and-level-tests.md"; E="exams/exam-preparation-courses.pdf"
K="classroom/technical-requirements.html"; A="account/login-and-security.md"; Q="help/faq.html"
M="community/tutor-no-show-credits-thread.md"; H="tutors/tutor-handbook.md"; Y="tutors/tutor-payouts.pdf"
D="legal/larkfield-terms-of-service.docx"; O="getting-started/how-larkfield-works.md"
en=[
("hw much is the 10 credit pack",[P],["£110.00"]),
("Hi there, I've been doing pay as I go for a while but I think I'm going to commit to 3 lessons a week of half an hour. Which monthly option would that be and what does it cost me per month?",[P],["£120.00"]),
("my tutor is one of the premium ones, if i book a full hour with her how many credits is that gonna take",[P,Q],["4 credits"]),
("bought a pack in june, when do those credits run out",[X,P],["6 months"]),
("i have like 7 credits left from my pack and they expire next week bc work has been crazy. can i get more time??",[X],["30 days"]),
("got a free extra credit when my teacher cancelled last min, how long have i got to use it",[X,W],["60 days"]),
("If I stop my monthly plan today, which is about 10 days into the month, do I get money back for the rest of the month or what happens",[C],["We do not refund part months"]),
("going travelling for the summer, can i put my subscription on hold instead of cancelling and for how long",[C],["2 months"]),
("I cancelled my plan back in the spring and my leftover credits vanished. If I sign up again now (it's been about 7 weeks) is there any way to get those back?",[C,X],["60 days"]),
("me, my husband and our 3 kids all want to learn, can we all go on the family plan together",[F,P],["up to 4 learners"]),
("My teenage son is burning through all our family credits on the first week of the month. Can I stop him doing that without kicking him off?",[F],["monthly credit limit"]),
("my daughter is 9, do i have to sit with her in her lessons or can i leave her to it",[F],["within earshot"]),
("how much to try out a teacher before commiting",[T],["£5.00"]),
("booked a trial for tonight at 7 but something came up, its 4pm now, do i get my fiver back if i cancel",[T],["4 hours"]),
("Lesson is tomorrow 10am and it's 4pm today so about 18 hours to go. I need to cancel because my kid's school play got moved. What do I lose?",[S],["half of the credits"]),
("my grandmother was taken to hospital and i had to cancel 20 min before my lesson, is there anything that lets me off the penalty just this once?",[S],["life happens"]),
("my wifi died and i got into the lesson really late, how long does the tutor actually wait for me before it counts as me not turning up",[S,D],["15 minutes"]),
("teacher never turned up to class. how long should i wait and what do i get back",[W,D],["10 minutes","bonus credit"]),
("my tutor messaged at 9am to cancel our 2pm lesson. annoying. do i get anything for that apart from my credits?",[W,D],["1 bonus credit"]),
("tutor joined 12 mins late and then the lesson ended on time, I feel short changed. is that normal?",[W],["extended"]),
("the lesson times are all showing an hour off since i moved to lisbon, where do i fix what timezone it uses",[B],["Time & region"]),
("my weekly lesson has suddenly moved an hour in my calendar, i didnt change anything?? im in arizona and my tutor is in madrid",[B],["one hour"]),
("can i book a lesson for like 2 hours from now",[B,D],["6 hours"]),
("I bought the 20 credit pack by mistake last Tuesday, meant to get the 5. Haven't used any. Can I get the money back?",[R,D],["14 days"]),
("i bought 10 credits in january, used 4, and now i'm moving abroad for work and won't have time. can i get money back for the other 6 and is there a charge",[R,D],["10%"]),
("how long does it take for a refund to actually show up on my card",[R],["5 to 10 working days"]),
("can i cash in the bonus credit i got when my tutor didnt show",[R,W],["cannot be refunded"]),
("how many ppl are in the group conversation things",[G],["6 students"]),
("signed up for a group class tonight but I'm stuck at work, it starts in 3 hours. do i lose the credit",[G],["6 hours"]),
("what happens if hardly anyone books the group class i'm in",[G],["at least 3 students"]),
("I did your free placement test and would like a paper copy of the certificate posted to my home in Canada. Is that possible and how much?",[L],["£12.00"]),
("how much does the ielts prep course cost",[E],["£295.00"]),
("I'm doing the DELE course but I'm going to miss a couple of lessons for a wedding. Will I still get my certificate at the end?",[E],["80%"]),
("does the dele course fee cover the real exam fee? and do you sign me up for it?",[E,D],["does not include the fee"]),
("how long do i have to finish all the lessons of an exam course",[E],["16 weeks"]),
("video keeps freezing every lesson, tutor can hardly hear me. anything i can do in the classroom itself?",[K],["Audio-only mode"]),
("we recorded last months lesson, how long can i watch it back for",[K],["30 days"]),
("trying to set a new password and it keeps rejecting it, how long does it need to be",[A],["12 characters"]),
("someone called Larkfield_Support_Desk replied on my forum post saying I'm owed 10 free lessons and to DM them my password and card details. Is that real?",[M,A],["never ask"]),
("I teach German on Larkfield, just started. What cut does Larkfield take from my lessons?",[Y],["20%"]),
("tutor here - when do payouts happen and is there a minimum",[Y],["Wednesday","£25.00"]),
("as a tutor, how much notice do i need to give to cancel a lesson without getting a strike?",[H],["48 hours"]),
]
en += [
("I'm a tutor and I've got 3 strikes in the last couple of months because of a family situation. What happens now?",[H],["14 days"]),
("tutor q: student didnt show up, do i still get paid and how long do i have to wait",[H],["15 minutes","100%"]),
("do tutors get their normal rate for trial lessons?",[H,Y],["£4.00"]),
("what do tutors get paid for leading a group class",[H],["£18.00"]),
("is there a way to get back the worksheets my tutor put in the classroom a couple of months ago",[Q],["90 days"]),
("can my 15 year old have her own account or does it have to go through me",[D,O,F],["at least 16"]),
]
# trim/adjust to 48
oth=[
("¿Cuánto cuesta la clase de prueba con un profesor nuevo?",[T],["£5.00"],"es"),
("Hola, ¿con cuántas horas de antelación puedo cancelar una clase normal sin perder créditos?",[S,D],["24"],"es"),
("Combien coûte le cours de préparation au DELF B2 ?",[E],["£330.00"],"fr"),
("Bonjour, pendant combien de mois les crédits d'un pack restent-ils valables ?",[X,P],["6"],"fr"),
("Was kostet der Familienplan im Monat?",[F,P],["£270.00"],"de"),
("Welche Internetgeschwindigkeit brauche ich für den Videounterricht?",[K],["2 Mbps"],"de"),
("Quanti studenti al massimo ci sono in una lezione di gruppo?",[G],["6"],"it"),
("Qual è il numero di telefono per i rimborsi?",[R,O],["01 555 0163"],"it"),
("Sou tutor: qual é o saldo mínimo para receber o pagamento semanal?",[Y],["£25.00"],"pt"),
("Quantos caracteres precisa ter a senha no mínimo?",[A],["12"],"pt"),
("Na hoeveel minuten mag ik stoppen met wachten als mijn docent niet komt opdagen?",[W,D],["10"],"nl"),
("Hoeveel vragen heeft de Level Check?",[L],["40"],"nl"),
]
un=[
"do you sell gift vouchers? want to put one in my mums birthday card",
"is there a student discount, im at uni and money's tight",
"do i get anything for referring a friend to larkfield",
"I'm moving to Shanghai for a year, will the classroom work there or do I need a VPN?",
"tutor question: do we get any holiday pay or sick pay from larkfield",
"can I as a tutor give my students my own discount codes to book me",
"do you have any tutors for korean",
"do you run summer camps or holiday courses for kids",
"can my tutor write me a reference letter for my university / visa application",
"are there tutors who teach british sign language",
"is there an AI chatbot or app i can practise with between lessons",
"can i pay for the exam course in instalments, like with klarna",
]
rows=[]
for i,(q,c,s) in enumerate(en,1): rows.append(dict(id=f"lk-q{i:02d}",question=q,must_cite=c,must_say=s,lang="en"))
for j,q in enumerate(un,len(rows)+1): rows.append(dict(id=f"lk-q{j:02d}",question=q,must_cite=[],must_say=[],lang="en"))
for j,(q,c,s,l) in enumerate(oth,len(rows)+1): rows.append(dict(id=f"lk-q{j:02d}",question=q,must_cite=c,must_say=s,lang=l))
print(len(en), len(rows))
open("golden.jsonl","w").write("".join(json.dumps(r,ensure_ascii=False)+"\n" for r in rows))
conv=[
("follow_up",[("how much is the smallest pack of credits",[P],["£60.00"]),("and the 20 one?",[P],["£200.00"]),("how long do they last",[X,P],["6 months"])]),
("follow_up",[("what does the steady plan cost a month",[P],["£120.00"]),("if i cancel it do i lose my leftover credits straight away?",[C],["end of the following month"])]),
("follow_up",[("how much is a trial lesson",[T],["£5.00"]),("how many of those can i do",[T,D],["up to 3"]),("and if i need to cancel one?",[T,D],["4 hours"])]),
("follow_up",[("price of the ielts prep course?",[E],["£295.00"]),("how many lessons do i get for that",[E],["10"]),("do i get a certificate at the end?",[E],["80%"])]),
("follow_up",[("im a new tutor, what commission does larkfield take",[Y],["20%"]),("and once i've done over 400 hours?",[Y],["12%"]),("when do i actually get paid",[Y],["Wednesday"])]),
("follow_up",[("what happens if i cancel a lesson 20 hours before",[S],["half of the credits"]),("what if i just don't show up at all",[S,D],["15 minutes"])]),
("follow_up",[("how much is a group class",[G],["1 credit"]),("how many people are in it",[G],["6 students"]),("what if not enough people sign up?",[G],["at least 3 students"])]),
("topic_shift",[("my tutor hasnt come to the lesson, how long do i wait",[W,D],["10 minutes"]),("unrelated but how long is the password reset link valid",[A],["30 minutes"])]),
("topic_shift",[("how much is the family plan",[F,P],["£270.00"]),("separately, which browser do i need for the classroom on a mac",[K],["Safari 16"])]),
("topic_shift",[("where do i change my time zone",[B],["Time & region"]),("also, can i get a refund for a pack i bought last week and didn't use",[R,D],["14 days"])]),
("topic_shift",[("can i get a printed version of my level certificate",[L],["£12.00"]),("different question, what's the phone number for billing",[R,O],["01 555 0163"])]),
("topic_shift",[("can i pause my starter plan, and for how long",[C],["2 months"]),("totally different thing, how long are lesson recordings kept",[K],["30 days"])]),
("topic_shift",[("tutor here, how late can i cancel a lesson without a strike",[H],["48 hours"]),("also when do you send the yearly earnings statement for tax",[Y],["30 April"])]),
("topic_shift",[("how long do bonus credits last",[X,W],["60 days"]),("on another note, what's the most larkfield would be liable for if something went wrong",[D],["£100"]),("and who do i complain to if support can't fix it",[D],["complaints@larkfield.example"])]),
]
cr=[dict(id=f"lk-c{i:02d}",kind=k,turns=[dict(question=q,must_cite=c,must_say=s) for q,c,s in t]) for i,(k,t) in enumerate(conv,1)]
open("conversations.jsonl","w").write("".join(json.dumps(r,ensure_ascii=False)+"\n" for r in cr))
print(len(cr), sum(len(r["turns"]) for r in cr))
