"""Guards: what a message says around a rule's match that may veto it, declared once, used by name.

A rule opts into a guard with a flag (see rule.py); a label sets how "asked in advance" is read.
`Facts` works out each guard for one message and one label, once and only when a rule asks.
"""
from __future__ import annotations

import re
from functools import cached_property

from bot.triage.claims_and_stories import about_a_story, routine_claim
from bot.triage.group_enquiries import group_enquiry
from bot.triage.hypotheticals import hypothetical_sentences_left_out
from bot.triage.opening_hours import asks_when_staffed
from bot.triage.regex import alt, any_of, not_followed_by, not_preceded_by
from bot.triage.relatives_jobs import relative_job_question
from bot.triage.rule import Label, Rule

_CLAUSE_WORDS_BEFORE = 4  # a negation this close before a request for a person cancels it

# Negations and hypotheticals that cancel a request for a person in the same clause.
NEGATION = re.compile(
    r"\b" + alt(
        alt(
            "do",
            "does",
            "did",
            "will",
            "would",
            "should",
            "shall",
        ) + " not (?:really |even |actually )?" + alt(
            "want",
            "need",
            "wish",
            "like",
            "care",
            "ask",
            "require",
            "have to",
            "mean",
        ),
        "not (?:want|need|wish|looking|asking|interested|necessary|needed|required)",
        "no need",
        "without",
        "rather not",
        "instead of",
        "never (?:want|need|asked)",
        "(?:do|does|will) (?:i|we|you|one) (?:need|have|still need) to",
        "is it (?:necessary|required|mandatory) to",
        "(?:am|are) (?:i|we) (?:required|supposed|expected) to",
        "am i (?:talking|speaking|chatting|texting)",
        "become",
        "work as",
        "apply (?:for|to be)",
        "hiring",
        r"recruit\w*",
        "jobs?",
        "careers?",
        r"vacanc\w*",
        "do not (?:transfer|connect|put|send|pass|escalate|forward|hand|give|get)",
        "no (?:quiero|necesito|hace falta|me pases|me transfieras|es necesario)",
        "sin",
        "(?:ne|n) (?:veux|voudrais|souhaite|ai) (?:pas|plus)",
        "pas besoin",
        "sans",
        "pas (?:la peine|necessaire)",
        r"(?:will|mochte|brauche|muss|wollte) (?:ich )?(?:nicht|kein\w*)",
        r"kein\w* (?:mensch\w*|mitarbeiter\w*|berater\w*|person\w*)",
        "ohne",
        "nicht (?:notig|notwendig|mit)",
        "nao (?:quero|preciso|precisa|e necessario|me (?:transfira|passe|transfere|passa))",
        "sem",
        "non (?:voglio|vorrei|serve|mi serve|ho bisogno|e necessario)",
        "(?:wil|hoef|wens) (?:ik )?(?:niet|geen)",
        "geen (?:medewerker|mens|persoon)",
        "niet nodig",
    ) + r"\b"
)

HYPOTHETICAL = re.compile(
    r"\b" + alt(
        "if i (?:ever |later |still |do )?(?:need|want|wanted|needed|would like|have to|must|ask)",
        "in case",
        "what if",
        "what happens (?:if|when)",
        "suppose",
        "supposing",
        "hypothetically",
        "later on",
        "in the future",
        "next time",
        "si (?:alguna vez )?(?:necesito|quiero|quisiera)",
        "au cas ou",
        "si jamais",
        "falls ich",
        "wenn ich (?:mal |irgendwann )?(?:einen|mit)",
        "caso eu",
        "se eu (?:precisar|quiser)",
    ) + r"\b"
)

# A how-to question that only names a risk ("how do I report a phishing email?") asks for information;
# the bot can answer it unless the customer also says it happened to them.
HOW_TO = re.compile(
    "^ " + alt(
        "how (?:do|can|could|should|would) (?:i|we|you|one)",
        "how to",
        "where (?:do|can|could|should) (?:i|we)",
        "what is the (?:best )?way to",
        "is there a way to",
        "what (?:is|are)(?: a| an| the)?",
        "what does",
        "how (?:does|do) (?:you|your)",
        "tips? (?:on|for)",
        "como (?:puedo|se)",
        "comment (?:puis je|faire|signaler)",
        "wie (?:kann|melde|erkenne)",
        "como (?:posso|faco)",
        "(?:does|do|will|would) (?:the |my |your |this |a )?(?:[a-z]+ ){0,2}" + alt(
            "insurance",
            "policy",
            "plan",
            "cover",
            "warranty",
            "protection",
            "guarantee",
        ) + " (?:cover|pay|include|protect)",
    ) + r"\b"
)

FIRST_PERSON_INCIDENT = re.compile(
    any_of(
        r"\b(?:i|we) " + alt(
            "clicked",
            "gave",
            "entered",
            "typed",
            "shared",
            "sent",
            "replied",
            "paid",
            "lost",
            "answered",
            "opened",
            "downloaded",
            "installed",
            "transferred",
        ) + r"\b",
        r"\b" + alt(
            "was",
            "were",
            "been",
            "got",
            "have been",
            "has been",
            "am being",
            "is being",
        ) + " " + alt(
            "hacked",
            "scammed",
            "phished",
            "defrauded",
            "compromised",
            "stolen",
            "taken over",
            "breached",
        ) + r"\b",
        r"\b(?:my|our) " + alt(
            "lost ",
            "stolen ",
            "missing ",
            "hacked ",
            "compromised ",
        ) + "?" + alt(
            "account",
            "card",
            "identity",
            "email",
            "phone",
            "details",
            "password",
            "money",
        ) + r"\b",
    )
)

# A question about keeping an account safe ("how can I protect my account from hackers?") asks for advice
# even with "my account" in it: the risk-naming rules (waits_if_asked_in_advance) may wait unless
# something is reported as happened (REPORTED_INCIDENT).
PREVENTION = re.compile(
    "^ " + alt(
        "how (?:can|do|should|could) (?:i|we)",
        "what (?:can|should) (?:i|we) do to",
        "is there a way to",
        "tips? (?:on|for)(?: how to)?",
        "best way to",
    ) + r" (?:better )?(?:protect|secure|safeguard)\b"
)

# A question about what would happen if something went wrong ("will I be billed twice if I upgrade?")
# asks for information, and so does anything marked as asked in advance ("asking before I travel"):
# the bot can answer both unless the customer also reports something that happened or is happening.
# Only the explicit marker applies to security: "what do I do if my card is stolen" often means it is.
CONDITIONAL_QUESTION = re.compile(
    any_of(
        "^ " + alt(
            "what (?:should|do|can|would|will) (?:i|we) do",
            "what happens",
            "what if",
            "will (?:i|we|my|it)",
            "would (?:i|we|my|it)",
            "could (?:i|we)",
            "can (?:i|we)",
            "do (?:i|we)",
            "does",
            "is (?:it|there)",
            "are there",
            "how (?:do|can|should|would) (?:i|we)",
        ) + r"\b(?: [a-z0-9]+)*? (?:if|when|in case|once|should)\b(?! not\b)",
        "^ (?:if|in case|suppose|supposing) ",
    )
)

ASKED_IN_ADVANCE = re.compile(
    r"\b" + alt(
        "just asking",
        "asking (?:before|in advance|for the future|for a friend|just in case)",
        "for future reference",
        "in the future",
        "in future",
        "later on",
        "just to be safe",
        "hypothetically",
        "just (?:want|wanted) to know",
        "just curious",
        "out of curiosity",
        "before (?:i|we) (?:travel|go|leave|fly)",
        "just checking",
        "(?:checking|asking) before (?:i|we) (?:order|buy|book|sign up|pay|subscribe)",
    ) + r"\b"
)

# Something reported as done ("was", "already", "someone changed") or as going on now: a state
# ("my account is hacked", "my card is stolen", "my card is charged twice"), someone acting right now
# ("someone is logging in", "they are using my card"), things there that the customer does not
# recognise, or a charge that repeats ("keeps charging", "charged twice each month").
REPORTED_INCIDENT = re.compile(
    any_of(
        r"\b" + alt(
            "was",
            "were",
            "got",
            "have been",
            "has been",
            "had been",
            "already",
            "yesterday",
            "last (?:night|week|month)",
            "this (?:morning|week)",
        ) + r"\b",
        r"\b(?:i|we) (?:have |just )?(?:lost|left|dropped|misplaced)\b",
        r"\b(?:i|we|you|they|someone|somebody|it) (?:just )?[a-z]+ed\b",
        r"\b(?:is|are|am)" + alt(
            " being",
            " still",
            " now",
            " currently",
            " constantly",
            " always",
        ) + "? " + alt(
            "hacked",
            "stolen",
            "compromised",
            "hijacked",
            "cloned",
            "missing",
            "gone",
            "taken over",
            "locked",
            "frozen",
            "blocked",
            "emptied",
            "drained",
            "charged",
            "billed",
            "debited",
            "double charged",
            "overcharged",
        ) + r"\b",
        r"\b" + alt(
            "someone",
            "somebody",
            "a stranger",
            "a hacker",
            "hackers",
            "strangers",
            "they",
            "he",
            "she",
            "people",
            "my ex",
        ) + "(?: else)? (?:is|are) " + alt(
            "still ",
            "now ",
            "currently ",
            "constantly ",
        ) + "?" + alt(
            "using",
            "logging",
            "logged",
            "signing",
            "accessing",
            "taking",
            "spending",
            "withdrawing",
            "charging",
            "buying",
            "ordering",
            "changing",
            "sending",
            "trying",
        ) + r"\b",
        r"\bthere (?:is|are)\b(?: [a-z0-9]+){1,8} (?:i|we) (?:do not|did not|can not|never) " + alt(
            "recognize",
            "know",
            "authorize",
            "remember",
            "make",
            "made",
        ) + r"\b",
        r"\b" + alt(
            "keep",
            "keeps",
            "kept",
            "still",
            "continue",
            "continues",
            "are still",
            "is still",
        ) + " (?:on )?" + alt(
            "charging",
            "billing",
            "debiting",
            "taking money",
            "taking payments?",
            "logging in",
        ) + r"\b",
        r"\b" + alt(
            "charged",
            "billed",
            "debited",
            "charging",
            "billing",
            "taken",
        ) + "(?: me| us)? " + alt(
            "twice",
            "double",
            "two times",
            "three times",
        ) + r" (?:each|every|a|per) (?:month|week|year|time)\b",
    )
)

# A hypothetical clause in a security question is what might happen ("what do I do if my phone is
# stolen?", "in case my card is ever taken"): it is left out when looking for a reported incident, and
# a rule matching inside it may wait. "Can you check if someone is using my card" is not hypothetical.
IF_CLAUSE = re.compile(
    r"\b(?:what(?: [a-z]+){0,3} (?:if|when)|in case|if(?= (?:[a-z]+ ){0,4}ever\b))\b(?: (?!\.)[a-z0-9]+)*"
)

# A question about doing something ordinary ("how can I reduce it?", "where is the link?", "can I remove
# two?", "how long does it take?", "what plans do you have?") or about what the company does in general
# ("do you block transactions ..."): rules that yield_to_self_service match words that also describe an
# ordinary situation ("my usage seems too high", "the plan includes 3 lines", "I will post a review"),
# so with such a question and nothing gone wrong for a while (GRIEVANCE_CONTEXT), they leave it to the bot.
# Asking how to get money back, dispute, complain, report, cancel or close is no ordinary question.
SELF_SERVICE_QUESTION = re.compile(
    any_of(
        r"\b" + alt(
            "how (?:do|can|could|should|would) (?:i|we)",
            "how to",
            "where (?:do|can|could|should) (?:i|we)",
            "where is",
            "can (?:i|we)",
            "could (?:i|we)",
            "is it possible to",
            "is there a way to",
        ) + not_followed_by(
            r" (?:get|have)(?: [a-z]+){0,4} (?:back|refund\w*|reimburs\w*|compensat\w*)\b",
            " (?:get |be )?" + alt(
                "dispute",
                "contest",
                "complain",
                "claim",
                "report",
                "reverse",
                "escalate",
                "speak",
                "talk",
                "stop",
                "block",
                "freeze",
                "recover",
                "challenge",
                "appeal",
                r"refund\w*",
                r"reimburs\w*",
                r"cancel\w*",
                "close",
                "terminate",
                "leave",
            ) + r"\b",
        ) + r"\b",
        r"\bhow long (?:does|do|will|until|before|should)\b",
        r"\bwhat (?:plans|options|deals|packages|tariffs|bundles)\b",
        "^ (?:do|does|will|would) " + alt(
            "you",
            "your [a-z]+",
            "the (?:bank|app)",
        ) + alt(
            " automatically",
            " ever",
            " always",
            " usually",
        ) + "? " + alt(
            "block",
            "stop",
            "flag",
            "decline",
            "cover",
            "protect",
            "notify",
            "alert",
            "check",
            "detect",
            "prevent",
            "allow",
            "let",
            "reject",
            "hold",
            "verify",
        ) + r"\b",
    )
)

GRIEVANCE_CONTEXT = re.compile(
    r"\b" + alt(
        "still",
        "again",
        "yet again",
        "once more",
        "(?:for|after|over|in) " + alt(
            "(?:over|more than|almost|nearly|about) ",
        ) + "?" + alt(
            "[0-9]+",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "several",
            "many",
            "a few",
        ) + " (?:weeks|months|years)",
        "(?:a|one|two|three|four|five|six|several|few|[0-9]+) (?:weeks?|months?|years?) ago",
        "for (?:weeks|months|ages)",
        "(?:charged|billed|debited|invoiced|overcharged|took|taken|deducted) (?:me|us|my|our)",
        "you (?:charged|billed|took|debited|overcharged)",
        "terrible",
        "awful",
        "appalling",
        "shocking",
        r"disgust\w*",
        "unacceptable",
        "ridiculous",
        "useless",
        "rubbish",
        "a joke",
        "scam",
        "rip off",
        r"disgrace\w*",
        "never again",
        "fed up",
        "sick of",
        r"complain\w*",
        "furious",
        "angry",
        "rude",
    ) + r"\b"
)

# A question about a claim on an insurance, a warranty or a plan ("how do I report a stolen phone under my
# gadget insurance?", "my camera was stolen on holiday, does the travel insurance cover it?", "¿el seguro
# cubre la bici si me la roban?"): routine for the bot unless a card, an account or money is at risk too.
INSURANCE_QUESTION = re.compile(
    r"\b" + alt(
        "insurance",
        "insured",
        "insurer",
        "warranty",
        "protection plan",
        "care plan",
        "damage waiver",
        "covered",
        "cover",
        "coverage",
        "seguro",
        "aseguradora",
        "poliza",
        "assurance",
        "assureur",
        r"\w*versicherung",
        "versichert",
        "seguradora",
        "apolice",
        "assicurazione",
        "assicurato",
        r"\w*verzekering",
        "verzekerd",
    ) + r"\b"
)
_AT_RISK = re.compile(
    r"\b" + alt(
        "card",
        "cards",
        "account",
        r"bank\w*",
        "payments?",
        "pin",
        "password",
        "login",
        "identity",
        "wallet",
        "purse",
        "tarjeta",
        "cuenta",
        "carte bancaire",
        "compte",
        "karte",
        r"\w*konto",
        "cartao",
        "conta",
        "carta",
        "conto",
        "rekening",
        "bankpas",
    ) + r"\b"
)
# A question in any clause of the message ("my bike was stolen . is it covered?"), in the seven languages.
_QUESTION = re.compile("(?:^| \\.) " + alt(
    "how",
    "can",
    "could",
    "is",
    "are",
    "does",
    "do",
    "which",
    "what",
    "where",
    "will",
    "como",
    "cuanto",
    "donde",
    "puedo",
    "el seguro",
    "comment",
    "ou",
    "est ce que",
    "puis je",
    "wie",
    "wo",
    "kann",
    "deckt",
    "zahlt",
    "onde",
    "posso",
    "quanto",
    "o seguro",
    "come",
    "dove",
    "hoe",
    "waar",
    "kan ik",
    "dekt",
) + r"\b")
# A question about the complaints procedure: "what's your complaints procedure?", "where can I find the
# complaint form?"; with a grievance said (GRIEVANCE_CONTEXT) it is a complaint after all.
PROCEDURE_QUESTION = re.compile(
    r"\b" + alt(
        "what is",
        "what are",
        "where is",
        "where can i find",
        "where do i find",
        "is there",
        "do you have",
        "how does",
        "send me",
    ) + r"(?: [a-z]+){0,3} " + alt(
        "complaints?",
        "feedback",
        "formal complaints?",
    ) + " " + alt(
        "procedure",
        "process",
        "form",
        "policy",
        "page",
        "email",
        "address",
        "department",
        "team",
        "line",
    ) + r"\b"
    + r"|\b(?:process|procedure|steps|policy) (?:if|for|to|when) (?:i |we )?(?:want to |need to |have to )?"
    + r"(?:raise|make|file|lodge|submit|complain)\b(?:(?: [a-z]+){0,5} (?:later|in future|in the future|later on)\b)?"
)
# Marked as a joke: "lol", "haha", "just kidding", "my lawyer friend says", "would have a field day".
JOKE = re.compile(
    r"\b" + alt(
        "lol",
        "lmao",
        "rofl",
        r"haha\w*",
        r"hehe\w*",
        "ha ha",
        "jk",
        "just kidding",
        "only kidding",
        "kidding",
        "joking",
        "only joking",
        "(?:lawyer|attorney|solicitor) friend",
        "field day",
        "for a (?:uni|school|college|class|university) (?:assignment|project|essay|course)",
    ) + r"\b|^ ha\b"
)


# A question whether money will be taken ("will I be charged anyway?", "am I going to be billed?"):
# for billing it is asked in advance when, with the question left out, no money is said to have gone,
# even if something was done ("I cancelled the order, will I be charged?"). "You charged me twice,
# will I be charged again?" still reports a charge.
CHARGE_QUESTION = re.compile(
    any_of(
        r"\b" + not_preceded_by(r"\bwhy ") + not_preceded_by(r"\bhow come ") + alt(
            "will",
            "am",
            "are",
            "do",
            "shall",
        ) + " " + alt(
            "i",
            "we",
        ) + "(?: still| also| then| now| ever| be going to| going to)* " + alt(
            "be charged",
            "be billed",
            "be invoiced",
            "be debited",
            "get charged",
            "get billed",
            "have to pay",
        ) + r"\b",
        r"\b" + not_preceded_by(r"\bwhy ") + not_preceded_by(r"\bhow come ")
        + r"(?:will|are) (?:you|they) (?:still |also |then )?(?:charge|bill|debit) (?:me|us)\b",
        r"\b(?:me )?(?:van a cobrar|cobraran|cobrara)\b",
        r"\b(?:serai-je|serai je|vais-je etre|vais je etre|je vais etre|est-ce que je serai) (?:quand meme |encore )?"
        r"(?:facture|debite|preleve)e?\b",
        r"\bwerde ich (?:trotzdem |noch |dann )?(?:belastet|zahlen mussen|berechnet)\b",
        r"\b(?:vou ser|serei|vamos ser|seremos) (?:cobrad[oa]s?|debitad[oa]s?)\b|\bvao (?:me )?cobrar\b",
    )
)
# Money said to have gone, outside a question about a charge to come.
CHARGE_REPORTED = re.compile(
    r"\b" + alt(
        "charged",
        "billed",
        "invoiced",
        "debited",
        "deducted",
        "collected",
        "took",
        "taken",
        "came out",
        "went out",
        "kept",
        "charging",
        "billing",
        "cobraron",
        "cobrado",
        "cobraram",
        "debitaram",
        "preleve",
        "debite",
        "abgebucht",
        "overcharged",
        "paid",
        "payment",
        "never agreed",
        "pagado",
        "paye",
        "bezahlt",
        "pago",
        "pagamento",
    ) + r"\b"
    # an amount said (currency signs are gone after normalising): "took 40", "a payment of 60", "an extra 15";
    # a bare number is a date, a time or an order number as often
    + r"|\b(?:took|taken|paid|charged|debited|payment of|fee of|extra|by) \d+\b"
    + r"|\b\d+(?:[.,]\d+)? (?:euros?|eur|pounds?|gbp|dollars?|usd|quid|bucks)\b"
)

# Too soon to be overdue: "it's only been a day", "just 2 days since I sent it back". How long a
# refund takes is a question for the bot; a longer wait said anywhere ("three weeks") wins.
TOO_SOON = re.compile(
    r"\b" + alt(
        "only",
        "just",
        "barely",
        "not even",
        "less than",
    ) + "(?: been)? " + alt(
        "a",
        "one",
        "1",
        "2",
        "two",
        "a couple of",
        "a few",
        "24",
        "48",
    ) + " " + alt(
        "days?",
        "hours?",
        "working days?",
        "business days?",
    ) + r"\b"
    + r"|\b(?:only|just) (?:since )?yesterday\b"
    + r"|\b(?:solo|so|apenas) (?:ha pasado |han pasado |passou |passaram |e passato )?(?:un|uno|um|1|2|dos|dois|due) "
    + r"(?:dia|dias|giorno|giorni|ore|horas)\b"
    + r"|\b(?:seulement|qu|que|juste) (?:depuis )?(?:un|1|2|deux) jours?\b"
    + r"|\berst (?:seit )?(?:einem|einen|1|2|zwei) tag(?:en)?\b"
    + r"|\bpas (?:plus )?(?:d|de) (?:un|1|2|deux) jours?\b"
    + r"|\bpas encore (?:un|deux) jours?\b"
    + r"|\bpas meme (?:un|deux) jours?\b"
    + r"|\bpas (?:encore )?(?:24|48) ?h\b"
    + r"|\bniet eens (?:een|1|2|twee) dag(?:en)?\b|\bpas (?:een|1|2|twee) dag(?:en)?\b"
)
LONG_WAIT = re.compile(
    r"\b(?:weeks?|months?|fortnight|ages|years?|semanas?|meses|semaines?|mois|wochen|monate|settimane|mesi|"
    r"weken|maanden)\b"
    # three days or more: "it has been 12 days", "15 dias"
    r"|\b(?:[3-9]|[1-9]\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
    r"tres|cinco|diez|quince|trois|cinq|dix|quinze|drei|funf|zehn|tre|dieci|drie|vijf|tien|dez)"
    r" (?:working |business |full )?(?:days?|dias|jours|tagen?|giorni|dagen)\b"
)
# A wait promised or quoted ("you told me just 2 days", "would take just a few days"), not time passed.
PROMISED_WAIT = re.compile(
    r"\b" + alt(
        "told",
        "said",
        "say",
        "says",
        "promised",
        "take",
        "takes",
        "would",
        "should",
        "supposed to",
        "within",
    ) + r" (?:\w+ ){0,3}$"
)

# "a lawyer" named as a job ("I am a lawyer", "as a solicitor", "my wife is an attorney"): no legal step.
JOB_TITLE_BEFORE = re.compile(
    r"\b" + alt(
        "i am",
        "i was",
        "as",
        "work as",
        "works as",
        "worked as",
        "working as",
        r"who (?:is|was)",
        r"(?:he|she|they) (?:is|was|are|were)",
        r"(?:my|our|his|her|their) \w+ (?:is|was)",
    ) + r" $"
)


# After "my son is a lawyer": the lawyer about to act, or the company warned (a tester's messages, 2026-12-06):
# "he will be in touch if you don't refund me", "she's seen your terms", "I'd think carefully about your next reply".
JOB_HOLDER_ACTING = re.compile(
    r"\b(?:will|ll|is going to|s going to|is gonna|s gonna|shall) (?:be in touch|contact|write to|call you|sue"
    r"|take (?:this|it|you)|deal with (?:this|you)|hear)\b"
    r"|\b(?:be|is|s) (?:in touch|contacting you|reading this|watching this|looking into this)\b"
    r"|\bif you (?:don t|do not|won t|will not|refuse|can t|cannot|fail)\b"
    r"|\b(?:has|have|s|is) (?:seen|read|reviewed|looked at) (?:your|the|this)\b"
    r"|\bthink (?:very |really )?carefully\b|\byour next (?:reply|move|step)\b"
)


class Facts:
    """The guards' verdicts on one normalised message for one label, each computed on first use."""

    def __init__(self, norm: str, label: Label) -> None:
        self.norm = norm
        self.label = label

    @cached_property
    def how_to(self) -> bool:
        """A question about how to do something that names no incident of the customer's own."""
        return HOW_TO.search(self.norm) is not None and FIRST_PERSON_INCIDENT.search(self.norm) is None

    @cached_property
    def asked_in_advance(self) -> bool:
        """Asked before anything happened (or, where the label allows, a prevention question)."""
        mode = self.label.asked_in_advance
        if mode == "never":
            return False
        if asked_in_advance(self.norm, conditional=mode == "explicit_or_conditional"):
            return True
        return self.label.prevention_questions_wait and prevention_question(self.norm)

    @cached_property
    def self_service(self) -> bool:
        return self_service_question(self.norm, security=self.label.self_service_unless == "incident")

    @cached_property
    def insurance_question(self) -> bool:
        norm = self.norm
        return (INSURANCE_QUESTION.search(norm) is not None and _AT_RISK.search(norm) is None
                and _QUESTION.search(norm) is not None)

    @cached_property
    def procedure_question(self) -> bool:
        if PROCEDURE_QUESTION.search(self.norm) is None:
            return False
        return GRIEVANCE_CONTEXT.search(PROCEDURE_QUESTION.sub(" ", self.norm)) is None

    @cached_property
    def routine_claim(self) -> bool:
        """A claim on an insurance, warranty or plan, or its form, no grievance said (claims_and_stories.py)."""
        return routine_claim(self.norm) and GRIEVANCE_CONTEXT.search(self.norm) is None

    @cached_property
    def story(self) -> bool:
        """A film, book or series talked about, no legal step of the customer's own (claims_and_stories.py)."""
        return about_a_story(self.norm)

    @cached_property
    def what_happened(self) -> str | None:
        """The message without its policy questions ("if X, is there a refund?"), None when it has none."""
        if not self.label.hypothetical_sentences_wait:
            return None
        rest = hypothetical_sentences_left_out(self.norm)
        if rest is None or GRIEVANCE_CONTEXT.search(rest) or LONG_WAIT.search(rest):
            return None  # a grievance or a long wait told beside the question: read the message whole
        return rest

    @cached_property
    def joke(self) -> bool:
        return JOKE.search(self.norm) is not None

    @cached_property
    def too_soon(self) -> bool:
        """A day or two said to have passed ("only been a day"), no longer wait said."""
        if any(PROMISED_WAIT.search(self.norm[:m.start()]) is None for m in LONG_WAIT.finditer(self.norm)):
            return False  # a longer wait that has passed, not one quoted ("refunds take 5 business days")
        return any(PROMISED_WAIT.search(self.norm[:m.start()]) is None for m in TOO_SOON.finditer(self.norm))


def fire(rule: Rule, facts: Facts) -> re.Match[str] | None:
    """Where `rule` fires on the message, once its guards have had their say; None if it does not."""
    norm = facts.norm
    if rule.yields_to_how_to and facts.how_to:
        return None
    if rule.waits_if_asked_in_advance and facts.asked_in_advance:
        return None
    if rule.yields_to_insurance_question and facts.insurance_question:
        return None
    if rule.yields_to_procedure_question and facts.procedure_question:
        return None
    if rule.yields_to_joke and facts.joke:
        return None
    if rule.yields_to_routine_claim and facts.routine_claim:
        return None
    if rule.yields_to_story and facts.story:
        return None
    if rule.yields_to_too_soon and facts.too_soon:
        return None
    if rule.needs and not any(w in norm for w in rule.needs):
        return None
    literals = rule.literals
    if literals is not None and not any(map(norm.__contains__, literals)):
        return None  # NOTE: the pattern cannot match without one of them; a substring test is ~20x cheaper
    for m in rule.pattern.finditer(norm):
        if facts.label.asked_in_advance == "explicit" and facts.asked_in_advance and inside_if_clause(norm, m):
            continue
        if rule.negatable and cancelled(norm, m):
            continue
        if rule.yields_to_job_title and job_title(norm, m):
            continue
        if rule.yields_to_opening_hours and asks_when_staffed(norm, m, GRIEVANCE_CONTEXT):
            continue
        if rule.yields_to_group_enquiry and group_enquiry(norm, m, GRIEVANCE_CONTEXT):
            continue
        if rule.yields_to_self_service and facts.self_service:
            return None
        if rule.waits_if_asked_in_advance and facts.what_happened is not None \
                and rule.pattern.search(facts.what_happened) is None:
            return None  # it fires only on what the customer asks might happen, not on what did
        return m
    return None


def cancelled(norm: str, m: re.Match[str]) -> bool:
    """A negated ("I don't need a human") or hypothetical ("if I ever want an agent") request."""
    clause_start = norm.rfind(" . ", 0, m.start()) + 1
    before = norm[clause_start:m.start()].split()
    near = " ".join(before[-_CLAUSE_WORDS_BEFORE:]) + " " + m.group()
    if NEGATION.search(near):
        return True
    return HYPOTHETICAL.search(" ".join(before) + " " + m.group()) is not None


def job_title(norm: str, m: re.Match[str]) -> bool:
    """The match is someone's job ("i am a lawyer", "she works as a solicitor"), not a step taken.

    Beyond "a lawyer" after "I am" / "as" / "my wife is", any language's job word after a person and a copula
    ("my son's a lawyer", "mi marido es abogado") when an ordinary question follows (relatives_jobs.py).
    """
    before = norm[:m.start()].rstrip() + " "
    if m.group().lstrip().startswith(("a ", "an ")) and JOB_TITLE_BEFORE.search(before) is not None:
        return JOB_HOLDER_ACTING.search(norm, m.end()) is None  # "... and he will be in touch": a threat
    return relative_job_question(norm, m.start(), m.end(), GRIEVANCE_CONTEXT)  # "my son's a lawyer, does he...?"


def charge_still_to_come(norm: str) -> bool:
    """A question whether money will be taken, and no money said to have gone outside that question."""
    if CHARGE_QUESTION.search(norm) is None:
        return False
    return CHARGE_REPORTED.search(CHARGE_QUESTION.sub(" ", norm)) is None


def self_service_question(norm: str, *, security: bool) -> bool:
    """An ordinary how/where/can-I question ("my usage seems too high, how can I reduce it?"), nothing gone wrong.

    For billing and complaints, nothing lasting or blamed ("still", "for three weeks", "you charged me",
    "terrible"); for security, no incident of the customer's own and nothing reported as happened.
    """
    if SELF_SERVICE_QUESTION.search(norm) is None:
        return False
    if security:
        return FIRST_PERSON_INCIDENT.search(norm) is None and REPORTED_INCIDENT.search(norm) is None
    return GRIEVANCE_CONTEXT.search(norm) is None


def asked_in_advance(norm: str, *, conditional: bool) -> bool:
    """Asked before anything happened ("just asking", or with `conditional` "will I ... if"), nothing reported.

    Something reported as happened or happening ("was stolen", "is hacked", "someone is using",
    "keeps charging me") makes it an incident whatever the phrasing around it. For security the marker
    is looked for outside "if" clauses, so only an explicitly in-advance "what if it is stolen" waits;
    for billing an explicit current charge ("is charged twice each month") wins over "when/if".
    """
    if conditional and charge_still_to_come(norm):
        return True
    if ASKED_IN_ADVANCE.search(norm) is None and not (conditional and CONDITIONAL_QUESTION.search(norm)):
        return False
    if not conditional:  # security: "if my phone is stolen" is what might happen, not what did
        norm = IF_CLAUSE.sub(" ", norm)
    return REPORTED_INCIDENT.search(norm) is None


def prevention_question(norm: str) -> bool:
    """How to keep an account or card safe ("how can I protect my account from hackers?"), nothing reported."""
    return PREVENTION.search(norm) is not None and REPORTED_INCIDENT.search(norm) is None


def inside_if_clause(norm: str, m: re.Match[str]) -> bool:
    """The match lies in an "if" clause ("what should I do if my phone is stolen?")."""
    return any(c.start() <= m.start() < c.end() for c in IF_CLAUSE.finditer(norm))
