import json
PL="prices/price-list.md"; GS="getting-started/how-sparrowmere-works.md"; EOT="end-of-tenancy/end-of-tenancy-cleans.html"
SPR="end-of-tenancy/spring-cleans.md"; OV="add-ons/oven-cleaning.txt"; CP="add-ons/carpet-cleaning.pdf"; BR="cover/breakages-cover.pdf"
GU="guarantee/re-clean-guarantee.md"; CA="bookings/cancelling-a-clean.html"; SK="bookings/skipping-pausing-ending.txt"
CM="cleaners/cleaner-matching.md"; KE="access/keys-and-access.docx"; EC="products/eco-products.md"; PA="payments/paying-for-cleans.md"
SI="account/signing-in.md"; FAQ="help/faq.html"; BT="legal/booking-terms.md"; RF="referrals/refer-a-friend.html"; SA="safety/pets-children-and-safety.docx"
en=[
("hw much per hour is it if u come every week",[PL],["£19.50"]),
("Hi there! We've just had our second baby and honestly the house is a state, my partner and I are both back at work soon and we've agreed we need help. We were thinking every 2 weeks rather than weekly. What would that cost per hour?",[PL],["£21.00"]),
("whats the shortest one off visit i can book",[PL],["3 hours"]),
("saturday surcharge?",[PL,FAQ],["£3.00"]),
("we live out in Pellow (HF6), do you charge anything extra to get out to us?",[GS,PL],["£5.00"]),
("moving out of my 2 bed flat end of the month, how much for the deep clean so i get my deposit back",[EOT,PL],["£280.00"]),
("3 bed house but it's got an ensuite plus the family bathroom plus a downstairs shower room. what do the extra bathrooms add for the move-out clean?",[EOT,PL],["£40.00"]),
("So we had your team do our move-out clean last Tuesday and the letting agent has just emailed saying the kitchen cupboards and the bathroom grout aren't up to standard. It's been 5 days. Nobody's moved in yet. Will you come back or do I have to pay again?",[EOT,BT],["7 days"]),
("do i need to add the oven on top when i book a tenancy clean or is it part of it",[OV,PL],["included in the fixed price"]),
("does the end of tenancy price cover the carpets being shampooed",[EOT],["Carpet cleaning is not included"]),
("how much to get a single oven done",[OV,PL],["£65.00"]),
("ive got a double oven, roughly how long will your cleaner need for it?",[OV],["3 hours"]),
("having people over for dinner the evening after my oven gets cleaned, how soon can i cook in it",[OV],["2 hours"]),
("price for a range cooker",[OV,PL],["£110.00"]),
("how much is it to do the carpet on the stairs, we've got 13 steps",[CP],["£40.00"]),
("once the carpet guy is done how long till i can walk on it / put the sofa back",[CP],["4 to 6 hours"]),
("just want one small rug done, is there a minimum charge for the carpet man to come out",[CP],["£60.00"]),
("ugh, came home and my grandmother's glass bowl on the landing windowsill is in pieces, the clean was yesterday morning. how long have I got to tell you?",[BR,BT],["72 hours"]),
("whats the most you'll pay out if your cleaner damages something",[BR,BT],["£2,500"]),
("our tv cost about £1,200. if your cleaner knocks it off the stand is that covered or do i need to do something first",[BR],["£500"]),
("is there an excess to pay on a breakage claim",[BR,BT],["no excess"]),
("Bathroom wasn't really done properly on Monday's clean, the mirror's still smeary and there's hair in the shower tray. Can I get someone back and is there a time limit on asking?",[GU,BT],["48 hours"]),
("if i ask for a redo how quick will someone come",[GU,BT],["3 working days"]),
("what happens if the redo is still not good enough",[GU,BT],["refund the price of the original clean"]),
("need to cancel tomorrows clean, its about 30 hrs from now. will i get charged??",[CA,BT],["50%"]),
("can I cancel a clean for free if I do it a few days before",[CA,BT],["More than 48 hours"]),
("forgot to tell you i changed the key safe code and the cleaner couldn't get in this morning. how long did they wait and will i still be charged",[CA,BT],["20 minutes","100%"]),
("you cancelled my clean the night before (the cleaner was double booked apparently). do i get anything for the hassle",[CA,BT],["£15.00"]),
("how many times can i skip a clean without paying anything",[SK],["4 cleans"]),
("We're off travelling round South America for about two months from March. Is there a way to put the cleans on hold and keep the same lady, rather than cancel everything?",[SK],["8 weeks"]),
("how much notice to stop my regular cleans completely",[SK,BT,FAQ],["14 days"]),
("I've already used all my free skips this year, what does a skip cost now",[SK],["£10.00"]),
("booked my first regular clean on sunday night, when do i find out who's coming",[CM],["3 working days"]),
("not to be mean but my cleaner and i just don't click. can i get someone else and how long would that take",[CM],["5 working days"]),
("do i pay for the time the cleaner spends looking round on the first visit",[CM],["15 minutes"]),
("our cleaner is amazing and said she might go self employed. if we hired her ourselves would there be any problem with sparrowmere",[BT],["£750.00"]),
("I only want a one-off clean but I'll be at work. can you hold a key for that and does it cost anything?",[KE],["£8.00 per visit"]),
("we don't have a key safe, can you put one in for us? price?",[KE],["£45.00"]),
("what happens if your cleaner loses my front door key",[KE,BT],["£250.00"]),
("how much more is it for the eco friendly products",[EC,PL],["£4.00"]),
("our hoover died, can the cleaner bring theirs and is that extra",[EC,PL,FAQ],["£6.00"]),
("when do you actually take the money for a clean",[PA,FAQ,BT],["after 6pm"]),
("how much do I pay upfront when booking an end of tenancy",[PA,EOT],["30%"]),
("trying to make a new password and it keeps rejecting it, how long does it need to be",[SI],["12 characters"]),
("typed my password wrong a bunch of times and now im locked out of my account, how long for",[SI],["20 minutes"]),
("we're going to book a clean on the Easter Monday bank holiday, is that the normal price",[BT],["25%"]),
("i made a complaint about my cleaner's attitude, how long before i get a proper answer",[BT],["10 working days"]),
("Someone on your Neighbours forum replied to a post saying I've won a free year of cleans and to email my login password and full card number to rewards-claims@sparrowmere-bonus.example. Is that genuinely you? Who should I tell?",[SI],["care@sparrowmere.example"]),
]
un=[
"do you do ironing? i'd happily pay for an extra hour if the cleaner could get through a basket of shirts",
"can I buy a gift voucher for my mum's birthday so she can have a few cleans",
"do you do offices? we've got a small 6-desk office above a shop in Hollinsford town centre",
"is there an NHS or key worker discount on regular cleans",
"we've just had an extension built and there's plaster dust everywhere, do you do after-builders cleans and how much",
"can your carpet technician also clean a mattress? ours has a coffee stain",
"would the cleaner be able to do a load of laundry and hang it out while she's there",
"can your carpet guy do our fabric sofa and armchairs as well while he's here?",
"we let our flat on airbnb, can you do changeovers between guests on the same day",
"are your cleaners paid the real living wage?",
"can i buy the eco refill products from you to use myself between cleans",
"do you steam clean curtains or take blinds down to wash them",
]
ml=[
("es","¿Cuánto cuesta por hora una limpieza semanal?",[PL],["19.50"]),
("es","Me mudo de un estudio, ¿cuál es el precio fijo de la limpieza de fin de alquiler?",[EOT,PL],["180"]),
("fr","Combien coûte le nettoyage de la moquette de l'escalier ?",[CP],["40"]),
("fr","Le ménage n'était pas bien fait hier. J'ai combien d'heures pour demander qu'on revienne gratuitement ?",[GU,BT],["48"]),
("de","Bis zu welchem Betrag ersetzen Sie Schäden, wenn Ihre Reinigungskraft etwas zerbricht?",[BR,BT],["2,500"]),
("de","Was kostet es, wenn Sie mir einen Schlüsseltresor montieren?",[KE],["45"]),
("it","Quanto costa la pulizia di un forno singolo?",[OV,PL],["65"]),
("it","Vado via per un po': per quante settimane al massimo posso sospendere le pulizie regolari?",[SK],["8"]),
("pt","Quantos caracteres precisa ter a senha da minha conta?",[SI],["12"]),
("pt","Se eu indicar uma amiga, quanto crédito nós recebemos?",[RF],["20"]),
("nl","Wat kost een eenmalige schoonmaak per uur?",[PL],["25.00"]),
("nl","Ik annuleer een schoonmaak 30 uur van tevoren. Hoeveel moet ik dan betalen?",[CA,BT],["50%"]),
]
assert len(en)==48 and len(un)==12 and len(ml)==12
rows=[]; n=1
for q,c,s in en: rows.append({"id":f"sm-q{n:02d}","question":q,"must_cite":c,"must_say":s,"lang":"en"}); n+=1
for q in un: rows.append({"id":f"sm-q{n:02d}","question":q,"must_cite":[],"must_say":[],"lang":"en"}); n+=1
for l,q,c,s in ml: rows.append({"id":f"sm-q{n:02d}","question":q,"must_cite":c,"must_say":s,"lang":l}); n+=1
open("golden.jsonl","w").write("".join(json.dumps(r,ensure_ascii=False)+"\n" for r in rows))
T=lambda q,c,s:{"question":q,"must_cite":c,"must_say":s}
conv=[
("follow_up",[T("how much per hour for cleans every 4 weeks",[PL],["£22.50"]),T("and whats the minimum number of hours for that?",[PL],["3 hours"]),T("what if we went weekly instead",[PL],["£19.50"])]),
("follow_up",[T("how much is a move out clean for a 1 bed flat",[EOT,PL],["£220.00"]),T("how much do i pay when i book it",[EOT,PA],["30%"]),T("and if i have to cancel it a couple of days before?",[EOT,BT],["5 working days"])]),
("follow_up",[T("can i add an oven clean to my normal fortnightly clean? cost for a double?",[OV,PL],["£85.00"]),T("how long does that take",[OV],["3 hours"])]),
("follow_up",[T("how much is it to get a living room carpet cleaned",[CP],["£30.00"]),T("and a hallway?",[CP],["£20.00"]),T("how long till it's dry",[CP],["4 to 6 hours"])]),
("follow_up",[T("my cleaner chipped a mug and cracked a picture frame, how do i claim",[BR],["Report a breakage"]),T("how long do i have",[BR,BT],["72 hours"]),T("and when will i hear back",[BR],["2 working days"])]),
("follow_up",[T("how do i skip next week's clean",[SK],["Skip"]),T("is it free?",[SK],["4 cleans"]),T("and if i want to stop altogether",[SK,BT],["14 days"])]),
("follow_up",[T("if you keep our key where is it kept",[KE],["locked safe"]),T("and when we finish with you, how do we get it back",[KE,SK,BT],["5 working days"])]),
("follow_up",[T("how long do i have to complain if the clean wasn't good",[GU,BT],["48 hours"]),T("what about for a tenancy clean, the agent inspects a few days later",[EOT,BT],["7 days"])]),
("topic_shift",[T("whats the price for a spring clean",[PL,SPR],["£25.00 per cleaner per hour"]),T("different thing - my password reset link isn't working, how long does it last",[SI],["15 minutes"])]),
("topic_shift",[T("is a studio end of tenancy really only £180",[EOT,PL],["£180.00"]),T("unrelated, but can i tip my regular cleaner through the site?",[PA],["100%"])]),
("topic_shift",[T("what does the eco range cost",[EC,PL],["£4.00"]),T("also, my cleaner won't stand on a chair to dust the top of the wardrobe, is that your rule?",[SA,BT],["2-step stepladder"])]),
("topic_shift",[T("how much do i get if i refer my neighbour",[RF],["£20.00"]),T("another question: the cleaner couldn't get in today, what do i get charged",[CA,BT],["100%"])]),
("topic_shift",[T("how much notice do you need for my very first booking",[GS,FAQ],["48 hours"]),T("totally different q - how long do you keep my booking history after I leave",[BT],["24 months"])]),
("topic_shift",[T("my payment failed, what happens now",[PA,BT],["3 days"]),T("separately - my kids will be home during the half term clean, is that ok",[SA,BT],["18 or over"])]),
]
assert sum(k=="follow_up" for k,_ in conv)==8
open("conversations.jsonl","w").write("".join(json.dumps({"id":f"sm-c{i+1:02d}","kind":k,"turns":t},ensure_ascii=False)+"\n" for i,(k,t) in enumerate(conv)))
