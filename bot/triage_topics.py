"""Lexicons for the sensitive topics (self-harm, security, billing disputes, legal) and complaints.

Written against `triage_text.normalize` output; see `triage_rules` for the request for a person.
"""
from __future__ import annotations

import re

from bot.triage_rules import Rule, make_rules, word_gap

# --- self-harm: a person at risk outranks everything ---------------------------------------------
SELF_HARM = make_rules("self_harm", [
    ("en", r"\b(?:kill(?:ing)? myself|end(?:ing)? (?:my (?:own )?life|it all)|take my (?:own )?life|suicid\w*|(?:want|wanna) to die"
           r"|wish i (?:was|were) dead|better off dead|(?:hurt|harm|cut)(?:ing)? myself|self harm|no reason to (?:live|go on)"
           r"|(?:do|does) not want to (?:live|be alive|exist) anymore|can not go on (?:living|anymore)|overdos\w*)\b", 0.95),
    ("es", r"\b(?:suicid\w*|quitarme la vida|matarme|me quiero morir|quiero morirme|no quiero (?:seguir )?vivir|hacerme dano)\b", 0.95),
    ("fr", r"\b(?:me suicider|suicid\w*|me tuer|en finir avec (?:la|ma) vie|envie de mourir|veux mourir|me faire du mal)\b", 0.95),
    ("de", r"\b(?:mich umbringen|selbstmord|suizid\w*|nicht mehr leben|sterben will|mir (?:etwas|was) antun|mich verletzen)\b", 0.95),
    ("pt", r"\b(?:me matar|suicid\w*|tirar (?:a )?minha (?:propria )?vida|quero morrer|nao quero mais viver|me machucar)\b", 0.95),
])

# --- security: money or an account at risk right now ----------------------------------------------
_THING = r"(?:card|cards|credit card|debit card|bank card|wallet|purse|phone|smartphone|iphone|mobile|cell phone|handbag|bag|pin|card details|chequebook|checkbook)"
_ACCOUNT = r"(?:account|accounts|card|cards|profile|login|password|email|e mail|phone|identity|details|data|information|info|money|funds|savings|bank|app|credentials|pin|number)"
_MONEY = r"(?:charge|charges|charged|payment|payments|transaction|transactions|debit|debits|direct debit|withdrawal|withdrawals|purchase|purchases|deduction|deductions|transfer|bill|billing|invoice|fee|money|amount|cash|entry|entries|item|items|order|subscription|this|that|it|these|those)"
_MONEY_TXN = r"(?:charges?|payments?|transactions?|debits?|direct debit|withdrawals?|purchases?|deductions?|transfers?|cash|money|amount)"
_MONEY_CORE = r"(?:charges?|payments?|transactions?|debits?|direct debit|withdrawals?|purchases?|deductions?|transfers?|fees?|cash|money|amount)"
SECURITY = make_rules("security", [
    ("fraud", r"\b(?:fraud|frauds|fraudulent\w*|fraudster\w*|scam|scams|scammed|scammer\w*|phishing|phished|smishing|vishing|identity theft|(?:stolen|steal\w*|stole) (?:my )?identity|impersonat\w*|skimm\w*|cloned)\b", 0.9),
    ("hacked", rf"\b(?:hack|hacked|jacked|hacker\w*|hacking|hijack\w*|data breach|security breach|breached|compromised|taken over|account takeover|leaked)\b", 0.9),
    ("lost_stolen", rf"\b(?:lost|misplaced|stolen|stole|steal|robbed|mugged|pickpocket\w*|burgl\w*|can not find|could not find){word_gap(4)} {_THING}\b|\bmissing (?:my|our) {_THING}\b", 0.85),
    ("left_behind", rf"\b(?:left|dropped|forgot|forgotten)(?: [a-z]+)? (?:my|our) {_THING}(?: [a-z]+){{0,3}} (?:in|at|on|behind)\b", 0.8),
    ("other_made", rf"\b{_MONEY_TXN}(?: [a-z]+){{0,5}} (?:someone|somebody|my ex|my (?:ex|former) [a-z]+|a stranger|another person|someone else) (?:made|did|took|spent|used|charged|withdrew)\b", 0.85),
    ("worried", r"\b(?:concerned|worried|afraid|scared|nervous|paranoid) (?:about|for|that)(?: [a-z]+){0,3} (?:security|safety|fraud|my account being|my card being|someone)\b", 0.75),
    ("police", r"\bpolice report\b|\breport\w*(?: it| this| the theft)? to the police\b", 0.75),
    ("fishy", r"\b(?:fishy|dodgy|shady|sketchy|suspicious)(?: [a-z]+){0,3} (?:on|with|in) (?:my|our) (?:[a-z]+ )?(?:card|account|statement)\b", 0.8),
    ("items_not_mine", r"^(?=.*\b(?:bill|statement|card|account|charged|charge|charges)\b).*\b(?:items?|things?|purchases?|products?|orders?|something|stuff)(?: [a-z]+){0,3} (?:i|that i|which i|we) (?:did not|never|have not) (?:purchase|buy|bought|order|make|authorize)\w*\b", 0.8),
    ("used_by_other", rf"\b{_ACCOUNT}{word_gap(3)} (?:is|was|has been|have been|being|been|are|were|got)(?: being)? (?:used|accessed|charged|emptied|drained|hacked|opened|logged into) by (?:someone|somebody|a stranger|another person|a third party|others|other people|an unknown)\b|\bused by someone else\b", 0.85),
    ("thing_lost", rf"\b{_THING}{word_gap(3)} (?:was|is|got|has been|have been|been|were|are) (?:lost|stolen|taken|missing|gone|cloned|copied|skimmed|compromised)\b", 0.9),
    ("someone_used", rf"\b(?:someone|somebody|some one|a stranger|a thief|thieves|a third party|another person|a hacker|my (?:child|children|kid|kids|son|daughter|partner|husband|wife|friend|roommate|flatmate|ex|brother|sister|mother|father|mom|dad))(?: else)?(?: [a-z]+){{0,2}}? (?:using|used|use|access\w*|logged|log|signed|sign|got|get|gotten|changed|change|made|make|took|take|stole|steal|withdr\w*|spen\w*|bought|buy|has|have|know\w*|knew|copied|found|obtained|tried to|trying to){word_gap(4)} (?:my|our) (?:[a-z]+ )?{_ACCOUNT}\b", 0.85),
    ("unauthorised_access", r"\b(?:unauthorized|unknown|unrecognized|strange|suspicious|unusual|weird) (?:access|login|logins|log in|sign in|sign ins|device|devices|activity|activities|attempt|attempts|password change)\b", 0.85),
    ("not_me_login", r"\b(?:log\w*|sign\w*|access\w*|password reset|code|codes|otp|verification|2fa) (?:in |into |to |on )?(?:my )?(?:account )?(?:that |which )?(?:i|we) (?:did not|never|have not) (?:make|request|do|ask|initiate|authorize|recognize)\w*\b", 0.85),
    ("foreign_login", r"\b(?:login|logins|log in|sign in|sign ins|access|activity|transactions?|payments?)(?: attempts?)? (?:from|in) (?:another|a different|a foreign|an unknown|a strange|some other|other) (?:country|countries|location|device|city|ip|state)\b", 0.8),
    ("impostor", r"\b(?:pretend\w* to be|posing as|impersonat\w*|claim\w* to be|said (?:he|she|they) (?:was|were)) (?:from )?(?:you|your|the bank|my bank|the company|your company|support|customer service|the police|a bank)\b", 0.85),
    ("unknown_device", r"\b(?:device|devices|phone|computer|location|locations|ip|country|login|logins|log in|sign in|sign ins|session|sessions)(?: [a-z]+){0,3} (?:i|we) (?:do not|did not|never|can not) (?:know|recognize|own|use|have|make|made|authorize)\w*\b", 0.85),
    ("phish", r"\b(?:fake|spoof\w*|suspicious|dodgy|shady|phony|bogus) (?:email|e mail|text|sms|message|call|caller|link|website|site|page|app|login page|person|agent)\b", 0.85),
    ("asked_secret", r"\b(?:asked|asking|ask|wanted|requested|requesting)(?: me)? (?:for|to (?:give|send|share|confirm|enter|provide))(?: them| him| her)? (?:my|our|the) (?:pin|password|passcode|cvv|cvc|security code|verification code|one time|otp|login|card details|card number|full card)\b", 0.85),
    ("phished_secret", r"^(?=.*\b(?:link|website|site|page|email|e mail|text|sms|call|caller|message|stranger|someone|somebody)\b).*\b(?:entered|typed|gave|shared|put in|provided|sent)(?: in| away)? (?:my|our) (?:pin|password|passcode|cvv|card details|card number|login|bank details|security code|verification code|credentials|one time code)\b", 0.75),
    ("gave_secret", r"\b(?:gave|shared|sent|entered|typed|told)(?: away)? (?:my|our) (?:pin|password|passcode|cvv|card details|card number|login|bank details|security code|verification code)(?: to| on| in| into| with)\b", 0.8),
    ("freeze", r"\b(?:freeze|block|lock)(?: my| our| the)?(?: credit| debit| bank)? (?:card|cards|account)(?: immediately| right now| right away| now| asap| urgently| please)?\b(?! (?:payment|limit|number|fee|balance|statement|details))", 0.75),
    ("unrecognized", rf"\b(?:unrecognized|unrecognizable|unknown|unfamiliar|suspicious|unauthorized|bogus|unidentified|unapproved|fraudulent|fake) (?:card |direct |atm |cash )?(?:charge|charges|payment|payments|transaction|transactions|debit|debits|withdrawal|withdrawals|purchase|purchases|deduction|deductions|billing|deposit|deposits|transfer|transfers)\b", 0.85),
    ("not_recognized", rf"\b(?:do not|did not|never|can not|could not|have not|not) (?:recognize|authorize|approve)\w*{word_gap(4)} {_MONEY}\b", 0.85),
    ("did_not_make", rf"\b(?:did not|never|have not|do not remember|can not remember) (?:make|made|making|request|requested|agree to|agreed to|initiate|initiated|spend|spent|withdraw|withdrew|withdrawn|take out|took out|do|did|authorize)\w*{word_gap(3)} {_MONEY_CORE}\b", 0.85),
    ("money_not_mine", rf"\b{_MONEY_TXN}{word_gap(6)} (?:i|we) (?:do not|did not|never|can not|could not|have not) (?:recognize|remember|authorize|approve|make|made|request|agree|initiate|do|get|receive|take)\w*\b", 0.85),
    ("says_i_did", r"\b(?:app|statement|account|history|bank|it)(?: [a-z]+){0,2} (?:says|shows|claims|lists|states) (?:i|that i) (?:did|got|made|withdrew|took|spent|paid|bought)\b", 0.8),
    ("came_from", rf"\bwhere (?:this|that|these|those|the|a|an) (?:[a-z]+ )?{_MONEY_TXN}(?: [a-z]+){{0,3}} (?:came|come|is coming|are coming|comes) from\b", 0.8),
    ("stop_access", r"\b(?:stop|block|prevent|cut off|disable|revoke) (?:all |any |a |the |this )?(?:access|payments?|transactions?|withdrawals?|charges?)(?: [a-z]+){0,4} (?:to|on|from|through on) (?:my|our) (?:[a-z]+ )?(?:account|card|bank)\b|\b(?:want|need|would like|get) (?:my |our |the )?(?:card|account|bank account)s? (?:locked|blocked|frozen|suspended|stopped)\b", 0.8),
    ("not_me", rf"\b(?:it|this|that|these|they|{_MONEY_CORE})(?: that| which)? (?:is|are|was|were) not (?:me|mine|by me|from me|made by me|done by me)\b", 0.85),
    ("without_consent", r"\b(?:without|with no) (?:my |our )?(?:permission|consent|authorization|knowledge|approval|knowing)\b", 0.85),
    ("protect", r"\b(?:protect|secure|safeguard) (?:my|our) (?:account|card|money|funds|identity|details)\b", 0.8),
    ("stolen_any", r"^(?!.*\b(?:package|parcel|delivery|shipment|order|item|items)\b).*\b(?:stolen|stole|steal|robbed|mugged|attacked|assaulted|pickpocket\w*|theft|thief|thieves)\b", 0.8),
    ("block", r"^(?!.*\bwhy\b).*(?:\b(?:put|place|placed|add|set|putting|placing|need|want|request)(?: a| an)? (?:block|hold|freeze|lock|stop)(?: placed)?(?: right away| immediately| now| asap)?(?: on)?" + word_gap(6) + r" (?:card|cards|account|accounts)\b|\b(?:card|account)s?" + word_gap(3) + r" (?:needs|need|has|have|must|should) (?:to )?(?:be )?(?:frozen|blocked|locked|suspended|stopped)\b|\b(?:card|account)s? to (?:freeze|be frozen|block|be blocked|lock|be locked)\b|\bstop (?:my|our|the) (?:[a-z]+ ){0,2}(?:account|card)s?\b|\b(?:freeze|block|lock)" + word_gap(8) + r" (?:card|cards|account|accounts|bank|checking|savings)\b(?! (?:payment|limit|number|fee|balance|statement|details|name|settings)))", 0.75),
    ("report_lost", rf"\b(?:report\w*|declare\w*|mark\w*)(?: my| a| the| our)? {_THING} (?:as )?(?:lost|stolen|missing|compromised)\b|\b(?:report\w*|declare\w*)(?: my| a| the| our)? (?:lost|stolen|missing|compromised) {_THING}\b", 0.85),
    ("sim_swap", r"\b(?:sim swap|sim card (?:was )?(?:swapped|stolen)|ported my number)\b", 0.85),
    ("es", r"\b(?:fraude|estafa|estafaron|estafado|hackearon|hackeado|hackeada|pirateado|pirateada|me robaron|robada|robado|perdi (?:mi|la) (?:tarjeta|cartera)|tarjeta (?:robada|perdida|clonada)|suplantacion|acceso no autorizado)\b", 0.9),
    ("fr", r"\b(?:fraude|arnaque|arnaques|escroc\w*|pirate|piratee|piratage|vole|volee|perdu (?:ma|mon) (?:carte|portefeuille)|carte (?:volee|perdue|clonee)|usurpation|acces non autorise|hameconnage)\b", 0.9),
    ("de", r"\b(?:betrug|betruger\w*|gehackt|gestohlen|geklaut|verloren|karte (?:verloren|gestohlen)|phishing|identitatsdiebstahl|unbefugt\w*|missbrauch\w*|kompromittiert)\b", 0.9),
    ("pt", r"\b(?:fraude|golpe|golpista|hackeada|hackeado|hackearam|invadida|invadiram|roubado|roubada|roubaram|perdi (?:meu|o) (?:cartao|celular)|cartao (?:roubado|perdido|clonado)|clonado|clonaram|acesso nao autorizado)\b", 0.9),
])

# --- billing disputes: money taken that the customer contests --------------------------------------
_TAKEN = r"(?:charged|charging|billed|billing|debited|deducted|taken|took|withdrawn|withdrew|paid|processed|went through|gone through|came out|come out|collected)"
_BILLED = r"(?:charged|charging|billed|billing|debited|deducted|taken money|took money|still pay\w*|came out|come out|went out|was taken|were taken|was deducted|were deducted)"
BILLING = make_rules("billing_dispute", [
    ("twice", rf"\b{_TAKEN}(?: me| us| my (?:card|account))?(?: for)?{word_gap(4)} (?:twice|two times|2 times|three times|3 times|double|multiple times|several times|more than once|two separate times|a second time)\b", 0.9),
    ("double", r"\b(?:double|doubled|duplicate|duplicated|twin|repeated|two identical|same) (?:charge|charges|charged|charging|billed|billing|payment|payments|debit|debits|transaction|transactions|deduction|order charges?)\b", 0.9),
    ("appears_twice", rf"\b(?:charge|payment|transaction|debit|purchase|amount)s?{word_gap(4)} (?:twice|two times|double|duplicated|multiple times|several times|many times|three times|more than once|repeated|repeatedly)\b", 0.85),
    ("unexpected", r"\b(?:incorrect|wrong|erroneous|unwanted) (?:card )?(?:charge|charges|debit|debits|deduction|deductions|billing)\b", 0.8),
    ("odd_charge", r"\b(?:random|strange|odd|mysterious|mystery|weird|unexplained|inexplicable)(?: [a-z0-9]+){0,2} (?:charge|charges|fee|fees|payment|payments|transaction|transactions|debit|debits|deduction|deductions)\b", 0.75),
    ("extra_unit", r"\b(?:extra|additional) (?:[0-9]+ )?(?:dollar|dollars|pound|pounds|euro|euros|cent|cents|quid|bucks)(?: [a-z]+)? (?:charged|taken|debited|deducted|added|removed|withdrawn|on|from|in)\b", 0.75),
    ("extra_on_statement", r"\b(?:extra|additional|unexpected|surprise|hidden|unusual)(?: [a-z0-9]+){0,2} (?:charge|charges|fee|fees|payment|payments|transaction|transactions|debit|debits|amount|deduction|deductions)(?: [a-z]+){0,2} (?:on|in|showing on|showing up on|appearing on|appeared on|added to) (?:my|our|the) (?:statement|bank statement|bill|invoice|history|card|account)\b", 0.75),
    ("on_statement", rf"\b(?:charge|charges|charged|fee|fees|payment|payments|transaction|transactions|amount|debit|debits|entry|entries|item|line|dollar|dollars|pound|pounds|euro|euros|[0-9]+)(?: [a-z0-9]+){{0,4}} (?:on|in|to|from) (?:my|our|the|this) (?:bank |card |monthly |last |latest )?statement\b|\bstatement{word_gap(2)} (?:shows|has|says|lists|contains|includes|showing)\b", 0.75),
    ("fee_from", r"\bwhere (?:did|does|do|is|are) (?:this|that|these|those|the) (?:[a-z0-9]+ ){0,2}(?:fee|fees|charge|charges) (?:come|coming) from\b|\bfees? (?:i|that i) (?:do not|did not|can not) (?:recognize|understand|know)\b", 0.75),
    ("once_not_twice", r"\b(?:only|just) (?:bought|ordered|paid|purchased|used|made)(?: [a-z]+){0,3} once\b|\b(?:did not|never) (?:buy|order|pay|purchase|make|authorize)(?: for)?(?: [a-z]+){0,2} twice\b", 0.8),
    ("charged_extra", r"\b(?:charged|billed|debited|deducted)(?: [a-z]+){0,3} (?:an extra|extra|an additional|additional) (?:[0-9]+ )?(?:dollar|dollars|pound|pounds|euro|euros|cent|cents|fee|charge|amount|money)\b", 0.75),
    ("duplicate", r"^(?=.*\b(?:charge|charges|payment|payments|transaction|transactions|debit|card|statement|bill|paid|bought|purchase)\b).*\bduplicat\w*\b", 0.8),
    ("payment_issue", r"\b(?:issue|issues|problem|problems|trouble|troubles|error|errors|mistake|discrepancy|discrepancies)(?: with| on| in| about| regarding| making| paying)?(?: my| the| a| this| your| our)? (?:payment|payments|billing|bill|bills|charge|charges|invoice|invoices)\b|\b(?:payment|billing|charge)s? (?:issue|issues|problem|problems|error|errors|discrepancy|mistake)\b", 0.75),
    ("bad_rate", rf"\b(?:wrong|incorrect|bad|unfair|inaccurate|different|strange|weird|terrible|poor|awful|false|odd|worse|lower|higher)(?: [a-z]+){{0,3}} (?:exchange rate|conversion rate|rate|rates|fx rate|currency conversion|exchange)\b|\b(?:(?:exchange|conversion) rates?|rates? of exchange){word_gap(8)} (?:wrong|incorrect|not (?:correct|right|accurate|fair|the same|what)|too (?:high|low|much)|off|unfair|inaccurate|a rip off|bad|different)\b|\b(?:not|did not|never) (?:get|receive|use|apply|give|charge)\w*{word_gap(3)} (?:right|correct|proper|real|actual|official|fair|expected|advertised|same|interbank) (?:exchange |conversion )?rate\b", 0.8),
    ("mismatch", r"\b(?:gave|give|dispensed|charged|billed|took|taken|debited|deducted|received|got|paid out)(?: me)?(?: [a-z0-9]+){0,3} instead of\b|^(?=.*\b(?:amount|total|charge|charged|price|paid|receipt|cash|money|bill|invoice|statement)\b).*\b(?:does not|did not|do not|is not|are not) (?:match|add up|tally|correspond|agree)\b|\b(?:charged|billed|debited|paid) (?:me )?[0-9]+(?: [a-z]+)? (?:but|when|while|although|though)\b", 0.75),
    ("doubt_rate", r"\b(?:sure|certain|think|believe|feel|convinced|suspect)(?: that)? (?:you|your|this|the|it|i|that)(?: [a-z]+){0,4} (?:right|correct|fair|accurate|proper|real|official) (?:exchange |conversion |currency )?rates?\b", 0.75),
    ("atm_short", r"\b(?:atm|machine|cash machine|cashpoint|cash point)(?: [a-z]+){0,3} (?:did not|never|would not|failed to|only) (?:give|dispense|pay out|return|gave|dispensed)\b|\b(?:did not|never) (?:get|receive|got)(?: my| the| any| all| enough)? (?:cash|money|notes|bills)(?: [a-z]+){0,4} (?:atm|machine|cashpoint|withdraw\w*)\b", 0.75),
    ("bad_rate2", rf"\b(?:rate|rates|conversion|exchange|amount|amounts|cash|money|sum|total|price|prices|charge|charges|fee|fees|balance){word_gap(6)} (?:is|was|were|are|seems|seemed|looks|looked)(?: [a-z]+){{0,3}} (?:too (?:low|high)|wrong|incorrect|inaccurate|off|unfair|not right|not correct|not accurate)\b", 0.75),
    ("wrong_amount", rf"\b(?:wrong|incorrect|different|less|lower|smaller) (?:[a-z]+ ){{0,2}}(?:amount|sum|total)\b|\b(?:not|never)(?: [a-z]+){{0,3}} (?:get|receive|got|given|dispensed|give|gave)\w*(?: me)?{word_gap(2)} (?:right|correct|full|whole|requested|entire|same|exact) (?:amount|sum|total|cash|money)\b|\bas much (?:cash |money )?as (?:i|what i|the amount i)\b|\b(?:right|correct|full|requested) amount{word_gap(4)} (?:not|never)\b|\b(?:atm|machine|cash machine|cashpoint|it)(?: only)? (?:gave|give|gives|dispensed|spit out)(?: me)? (?:less|only|the wrong|not)\b|\b(?:short changed|shortchanged)\b|\b(?:less|fewer|lower)(?: [a-z]+){{0,3}} than(?: [a-z]+){{0,4}} (?:asked|requested|specified|withdrew|wanted|expected|entered|selected|chose|typed|ordered)\b|\b(?:less|fewer|not all|only part|only half|only some)(?: of)?(?: the| my)? (?:cash|money|amount|funds)? ?(?:than (?:i|what i|the amount i)|that i) (?:asked|requested|withdrew|wanted|expected|took out|entered)\b|\b(?:did not|never) (?:get|receive|got)\w*(?: all| the full| the whole| the entire| all of)?(?: the| my)? (?:cash|money|amount|funds) (?:i|that i) (?:asked|requested|withdrew|wanted|took out|entered)\b|\bonly (?:gave|give|gives|dispensed|get|got|received|came out|paid out)\b|\bamount{word_gap(4)} (?:is|was) (?:wrong|incorrect|different|not right|off)\b", 0.8),
    ("dispute", r"\b(?:dispute|disputes|disputed|disputing|chargeback|chargebacks|charge back|(?:contest|contesting|reverse) (?:the|this|a|that) (?:charge|payment|transaction|debit))\b", 0.85),
    ("after_cancel", rf"\b{_BILLED}(?: me| us)?{word_gap(6)} (?:after|although|though|even though|despite|but|since|when)(?: i| we)?(?: have| had| already)?{word_gap(2)} (?:cancel\w*|unsubscrib\w*|closed|terminat\w*|ended|returned|stopped)\b", 0.85),
    ("cancel_still", rf"\b(?:cancel\w*|unsubscrib\w*|closed|terminat\w*|returned|stopped){word_gap(6)} (?:still|again|keep|keeps|kept|continue\w*)(?: being| getting| to)? (?:charg\w*|bill\w*|debit\w*|tak\w*|pay\w*|deduct\w*|tak\w* money)\b", 0.85),
    ("but_charged", r"\b(?:returned|canceled|closed|sent back|refused|rejected|unsubscribed)(?: [a-z]+){0,6} (?:but|and|yet)(?: you| they| it| the company| your company)?(?: still| have| has| had)*(?: still)? (?:charged|billed|debited|took my money|took the money|charging|billing)\b", 0.8),
    ("charged_for_returned", rf"\b(?:charged|billed|paid|pay|charging)(?: me)? for{word_gap(4)} (?:i|we|that i|which i) (?:canceled|returned|never (?:received|got|ordered|used)|did not (?:order|receive|get|use|want))\b", 0.85),
    ("overcharged", r"\b(?:overcharg\w*|over charg\w*|overbill\w*|charged (?:me |us )?(?:way |far |much |a lot )?(?:too much|more than (?:i|we|it|the)|twice the|the wrong (?:amount|price)|a wrong (?:amount|price)|incorrectly|wrongly|by mistake|in error)|billing (?:error|mistake)|(?:bill|invoice|charge|statement) (?:is|was) (?:wrong|incorrect))\b", 0.8),
    ("es", r"\b(?:cobr\w* (?:dos veces|doble|de mas|por duplicado)|(?:cobro|cargo|pago)s? (?:duplicado|doble|no reconocido|desconocido|indebido|no autorizado)|no reconozco (?:este|ese|el|un) (?:cargo|cobro|pago)|disputa|contracargo)\b", 0.9),
    ("fr", r"\b(?:(?:debite|facture|preleve|paye)e?s? deux fois|(?:prelevement|paiement|debit)s? (?:inconnu|non autorise|non reconnu|en double|frauduleux)|double (?:prelevement|debit|facturation|paiement)|(?:contester|conteste) (?:un|le|ce|cette) (?:paiement|prelevement|debit|facture)|je ne reconnais pas)\b", 0.9),
    ("de", r"\b(?:(?:doppelt|zweimal|mehrfach) (?:abgebucht|belastet|berechnet|bezahlt|abgerechnet)|unbekannte (?:abbuchung|zahlung|lastschrift|belastung)|nicht autorisierte (?:abbuchung|zahlung)|(?:abbuchung|zahlung|lastschrift) (?:die |welche )?ich nicht (?:kenne|erkenne)|ruckbuchung|zuruckbuchung|lastschrift zuruck\w*)\b", 0.9),
    ("pt", r"\b(?:cobrad[oa]s? (?:duas vezes|em dobro|a mais|indevidamente)|cobranca (?:duplicada|indevida|em dobro|desconhecida|nao reconhecida)|cobraram (?:duas vezes|em dobro|a mais)|nao reconheco (?:esta|essa|a|este|esse) (?:compra|cobranca|transacao)|estorno|contestar)\b", 0.9),
])

# --- legal ---------------------------------------------------------------------------------------
LEGAL = make_rules("legal", [
    ("en", r"\b(?:(?:my|our|a|the|get|hire|call|contact|contacting|consult|consulting) (?:lawyer|attorney|solicitor)s?|(?:lawyer|attorney|solicitor)s? (?:will|is going|are going|has|have|says|said)|legal (?:action|proceedings|team|department|advice|counsel|steps)|take (?:legal )?action against"
           r"|(?:going to|gonna|will|shall|to|would|i could|i can|i should|we will|we are going to) sue|sue (?:you|your|the company|them|this company)|suing|sued|lawsuit|law suit"
           r"|class action|(?:in|to|into) court|court (?:case|action|order)|small claims|litigation|cease and desist|ombudsman|regulator|regulatory"
           r"|trading standards|consumer protection|better business bureau|bbb|ftc|cfpb|gdpr (?:complaint|violation|breach|rights|request)|(?:under|violat\w*|breach\w*)(?: the)? gdpr|data protection (?:authority|officer|complaint|violation)"
           r"|ico complaint|report (?:you|this|it|your company) to (?:the )?(?:authorities|regulator|police)|breach of contract|against the law|illegal\w*)\b", 0.9),
    ("es", r"\b(?:abogad[oa]s?|demandar\w*|demanda judicial|tribunal\w*|juzgado|accion(?:es)? legal(?:es)?|defensa del consumidor|profeco|denunciar\w*|denuncia)\b", 0.9),
    ("fr", r"\b(?:avocat\w*|poursuivre en justice|porter plainte|tribunal|action en justice|mise en demeure|cnil|huissier|association de consommateurs)\b", 0.9),
    ("de", r"\b(?:anwalt|rechtsanwalt\w*|anwaltin|klage|verklagen|vor gericht|gericht|gerichtlich\w*|rechtliche schritte|abmahnung|verbraucherzentrale|datenschutzbehorde|anzeige erstatten)\b", 0.9),
    ("pt", r"\b(?:advogad[oa]s?|processar|processo judicial|justica|procon|acao judicial|juizado)\b", 0.9),
])

# --- complaints: a formal complaint alone, or frustration that keeps coming ----------------------
_SERVICE = r"(?:service|services|company|support|customer service|customer support|app|product|products|experience|bank|website|site|store|shop|team|staff|business|firm|treatment|delivery|chatbot|bot|platform|system)"
COMPLAINT = make_rules("complaint", [
    ("file", r"\b(?:make|making|file|filing|lodge|lodging|submit|submitting|raise|raising|register|registering|open|opening|put in|write|writing|send|sending|issue|place|leave|start|report|log|logging|have|make out)(?: a| an| my| this| another| one more| the)?(?: formal| official| written| serious)? (?:complaint|complaints|complain|grievance|grievances)\b|\b(?:lodge|lodging|file|filing)(?: a| an| my| the)?(?: formal| official| customer| consumer)? claim\b|\b(?:customer|consumer) (?:claim|complaint)s?\b|\bclaims? against (?:you|your|the company|this company|the business)\b", 0.9),
    ("complain", r"\b(?:want|would like|need|wish|going|have|like|how (?:do|can|could) i|where (?:do|can|could) i|i am writing|writing)(?: to)? (?:complain|complaint)\b|\bcomplain(?:ing)? (?:about|to|regarding|on)\b|\bcomplaint (?:about|against|regarding|on|with|for|to)\b|\bi (?:am )?complain\w*\b|\bcomplaints? (?:department|process|procedure|form)\b", 0.9),
    ("unhappy_with", rf"\b(?:unhappy|not happy|dissatisfied|not satisfied|disappointed|upset|angry|furious|frustrated|disgusted|appalled|annoyed|fed up|sick and tired|tired) (?:with|about|by|at|of){word_gap(2)} (?:your|the|this|you|my|these|their){word_gap(1)} {_SERVICE}\b", 0.85),
    ("service_bad", rf"\b(?:your|the|this) {_SERVICE}(?: {_SERVICE})?(?: is| was| has been| are| have been)(?: so| really| absolutely| totally| completely| just| extremely| very)? (?:terrible|awful|horrible|appalling|atrocious|disgraceful|shameful|a joke|a disgrace|pathetic|useless|rubbish|garbage|trash|crap|the worst|unacceptable|ridiculous|disgusting|dreadful|abysmal|incompetent|a nightmare|a scam|worthless|horrendous|shocking|lousy|poor|bad)\b", 0.85),
    ("worst", rf"\b(?:worst|terrible|horrible|awful|poor|bad|lousy|appalling|pathetic) {_SERVICE}(?: ever| i have| in)?\b", 0.8),
    ("outrage", r"\b(?:this|that|it|which) is (?:absolutely |totally |completely |just |really |so |beyond )?(?:unacceptable|outrageous|a disgrace|disgraceful|a joke|appalling|a scandal|scandalous|shameful|insulting|a rip off|daylight robbery)\b|\b(?:unacceptable|outrageous|ripped off|rip off|disgraceful)\b", 0.8),
    ("feelings", r"\b(?:i am|i am so|i am very|i am really|i am extremely|i am absolutely|i am beyond|we are|feeling) (?:furious|livid|outraged|disgusted|fed up|sick and tired|pissed|appalled|infuriated|enraged|fuming)\b", 0.8),
    ("never_again", r"\b(?:never (?:again|buying|ordering|using|shopping|coming back|recommend)|will not (?:be )?(?:recommend|buying|ordering|using|shopping)\w*|taking my (?:business|money) elsewhere|(?:leave|leaving|write|writing|post|posting) a (?:bad|negative|terrible|one star|1 star) review)\b", 0.8),
    ("es", r"\b(?:queja|quejas|quejarme|reclamacion|reclamaciones|reclamo|hoja de reclamaciones|inaceptable|vergonzoso|vergonzosa|pesimo servicio|servicio pesimo|estoy harto|estoy harta|indignad[oa])\b", 0.9),
    ("fr", r"\b(?:plainte|reclamation|reclamations|me plaindre|inadmissible|inacceptable|scandaleux|honteux|service (?:nul|deplorable|lamentable)|j en ai marre|furieux|furieuse)\b", 0.9),
    ("de", r"\b(?:beschwerde|beschwerden|beschweren|reklamation|unverschamt\w*|inakzeptabel|skandal\w*|frechheit|katastrophal\w*|unzumutbar|wutend|sauer)\b", 0.9),
    ("pt", r"\b(?:reclamacao|reclamacoes|reclamar|inaceitavel|absurdo|vergonha|pessimo atendimento|atendimento pessimo|pessimo servico|reclame aqui|indignad[oa])\b", 0.9),
])

# Milder signs of frustration: one alone is no complaint, several messages in a row are.
FRUSTRATION = re.compile(
    r"\b(?:frustrat\w*|annoy\w*|angry|upset|unhappy|disappointed|dissatisfied|useless|ridiculous|pathetic|stupid|idiot\w*|joke"
    r"|waste of (?:time|money)|wasting my time|terrible|awful|horrible|hopeless|incompetent|not helpful|not helping|no help"
    r"|does not help|did not help|still (?:not|no|waiting|nothing|broken|have not)|again and again|(?:told|asked) you (?:already|before|twice)"
    r"|already (?:told|asked|explained)|for (?:weeks|days|hours|ages|months)|how many times|seriously|come on|are you kidding"
    r"|wtf|fuck\w*|shit\w*|bullshit|crap|damn\w*|bloody|hell|screw|piss\w*|ugh|argh|sick of|tired of|fed up"
    r"|molest\w*|enfadad\w*|enojad\w*|harto|harta|decepcionad\w*|en colere|marre|nul|decu|agace\w*|genervt|argerlich|verargert|enttauscht"
    r"|irritad\w*|chatead\w*|cansad[oa] de)\b"
)
SHOUTING_MIN_LETTERS = 12
