"""A person asked for: in so many words, by role or "who", by paraphrase; in English, Spanish,
French, German and Portuguese.

Every rule but "not a bot" is negatable: "I don't need a human, just ..." is no request.
"""
from __future__ import annotations

from bot.triage.regex import alt, followed_by, not_followed_by, word_gap
from bot.triage.rule import Label, Rule

_QUAL = alt(
    "real",
    "live",
    "actual",
    "human",
    "proper",
    "qualified",
    "competent",
    "(?:customer )?(?:service|support|care)",
    "sales",
    "account",
    "billing",
    "call cent(?:er|re)",
    "help ?desk",
    "senior",
    "technical",
    "tech",
    "english speaking",
) + " "

_NOT_AGENT = (
    "(?<!travel )(?<!estate )(?<!secret )(?<!insurance )(?<!shipping )(?<!booking )(?<!user )(?<!free"
    + " )(?<!password )(?<!file )"
)

_STRONG_EN = f"(?:{_QUAL}){{0,2}}{_NOT_AGENT}" + alt(
    "human" + alt(
        " being",
        " help",
        " assistance",
        " support",
        " contact",
        " interaction",
    ) + "?s?" + not_followed_by(
        " (?:signature|error|rights|resources|readable|body|nature|verification|check)",
    ),
    "(?<!in )(?<!per )person",
    "(?:real|live|actual) people",
    "agents?",
    "representatives?",
    "operators?",
    "advis[eo]rs?",
    "consultants?",
    "specialists?",
    "associates?",
    "attendants?",
    "staff(?: member)?",
    "employees?",
    "managers?",
    "supervisors?",
    "team members?",
    "members? of (?:your |the )?(?:team|staff)",
    "colleagues? of yours",
    "customer (?:service|support|care)(?: team| department| desk)?",
    "support (?:team|staff|department|desk)",
    "help ?desk",
    "service desk",
    "call cent(?:er|re)",
    "(?:real|live|actual) (?:one|someone|somebody)",
) + r"\b"

_PERSON_EN = rf"(?:{_STRONG_EN}|(?:someone|somebody|anyone|anybody)\b|support\b|an? assistant\b)"

_DET = "(?:a |an |the |some |your |one of your |any |my |another |to )?"

# Indirect asks: the customer names the person they want by role or by "who", or says "not a bot".
_ROLE = "(?:(?:actual|real|live) )?(?:[a-z]+ (?:s )?)?" + alt(
    "team",
    "staff",
    "department",
    "desk",
    "office",
    "manager",
    "handler",
    "advis[eo]r",
    "nurse",
    "dispatcher",
    "technician",
    "engineer",
    "mechanic",
    "specialist",
    "coordinator",
    "receptionist",
    "pharmacist",
    "clerk",
    "officer",
    "colleague",
    "supervisor",
    "agent",
    "representative",
) + "s?"

# only words that name the bot itself: "computer" or "assistant" also name devices and products
_MACHINE = "(?:bot|bots|chatbot|chat bot|robot|machine|ai)"

# "humans, not AI" describes a product, "not a bot" asks for a person
_BOT = "(?:bot|bots|chatbot|chat bot|robot)"

_ES_P = alt(
    "(?:un|una|algun|alguna|el|la|otro|otra|al|a) ",
) + "?" + alt(
    "persona(?: real| humana| de verdad| fisica)?",
    "humano",
    "ser humano",
    "agente(?: humano| real)?",
    "asesor",
    "asesora",
    "operador",
    "operadora",
    "representante",
    "ejecutivo",
    "ejecutiva",
    "empleado",
    "empleada",
    "encargado",
    "encargada",
    "supervisor",
    "supervisora",
    "gerente",
    "humanos",
    "personas",
    "alguien(?: real| de verdad| de carne y hueso)?",
    "(?:atencion|servicio) (?:al cliente|humana|personalizada)",
    "soporte(?: tecnico)?",
) + r"\b"

_FR_P = alt(
    "(?:un|une|le|la|l|des|votre|a|au|a un|a une|avec un|avec une) ",
) + "?(?:vrai |vraie |veritable )?" + alt(
    "humain",
    "etre humain",
    "personne (?:reelle|physique|humaine)",
    "une personne",
    "conseiller",
    "conseillere",
    "agent",
    "operateur",
    "operatrice",
    "interlocuteur",
    "representant",
    "quelqu un(?: de reel| de vrai)?",
    "employe",
    "responsable",
    "service (?:client(?:ele)?|facturation|comptabilite|technique|commercial|apres vente|reclamations?)",
    "support",
    "technicien",
    "superviseur",
    "humains",
) + r"\b"

_DE_P = alt(
    alt(
        "einem",
        "einen",
        "einer",
        "ein",
        "eine",
        "dem",
        "den",
        "der",
        "die",
        "echten",
        "richtigen",
        "menschlichen",
        "realen",
        "echte",
        "richtige",
        "echter",
        "lebenden",
        "lebendigen",
    ) + " ",
) + "*" + alt(
    "mensch",
    "menschen",
    "mitarbeiter",
    "mitarbeiterin",
    "mitarbeitenden",
    "berater",
    "beraterin",
    "kundenberater",
    "kundenberaterin",
    "agenten",
    "agent",
    "person",
    "ansprechpartner",
    "ansprechpartnerin",
    "sachbearbeiter",
    "sachbearbeiterin",
    "kundendienst",
    "kundenservice",
    "support",
    "servicemitarbeiter",
    "vorgesetzten",
    "jemandem",
    "jemanden",
    "jemand",
) + r"\b"

# "einen Kollegen" asked to take over ("an einen Kollegen weiterleiten", "mit einer Kollegin verbinden");
# "meinen Kollegen" is the customer's own colleague ("einen Zugang fur meinen Kollegen")
_DE_COLLEAGUE = alt(
    "einen",
    "einem",
    "einer",
    "eine",
    "den",
    "dem",
    "der",
    "die",
    "ihren",
    "ihrem",
    "ihrer",
    "ihre",
    "ihres",
) + " " + alt(
    "anderen ",
    "zustandigen ",
    "erfahrenen ",
) + r"?(?:kollegen|kollegin|kollege)\b"

_PT_P = alt(
    "(?:um|uma|o|a|algum|alguma|com|ao|a um|a uma|de um|uma pessoa|um ser) ",
) + "?" + alt(
    "atendente(?: humano| real)?",
    "humano",
    "ser humano",
    "pessoa(?: real| de verdade| humana)?",
    "agente",
    "operador",
    "operadora",
    "representante",
    "consultor",
    "consultora",
    "funcionario",
    "funcionaria",
    "especialista",
    "gerente",
    "supervisor",
    "responsavel",
    "encarregad[oa]",
    "dono",
    "dona",
    "alguem(?: real| de verdade| do (?:suporte|atendimento))?",
    "(?:atendimento|suporte)(?: humano| ao cliente)?",
    "sac",
    "central de atendimento",
) + r"\b"

# Paraphrased asks: a person of the company's named loosely ("one of your people", "a colleague",
# "someone at your end") and asked to act on the case (ring me, review it, take over, step in).
# not "my": "my manager" is the customer's own
_DET_THEIRS = "(?:a |an |the |some |your |one of your |any |another )?"

_ONE_OF_YOU = alt(
    f"{_DET_THEIRS}{_STRONG_EN}",
    "(?:one of your|one of the|a|another) (?:people|team|staff|colleagues?|folks|guys|advis[eo]rs|agents)",
    "(?:a |another )?(?:colleague|team member|staff member|member of (?:staff|your team|the team))",
    f"your {_ROLE}",
    "your (?:[a-z]+ )?(?:people|folks|guys|lot)",
    alt(
        "someone",
        "somebody",
        "a person",
        "a human",
        "anyone",
        "anybody",
    ) + alt(
        " (?:at|from|in|on) (?:your|the) " + alt(
            "end",
            "side",
            "company",
            "team",
            "office",
            "shop",
            "store",
            "bank",
            "airline",
            "hotel",
            "branch",
            "[a-z]+ (?:team|department|desk)",
        ),
    ) + "?",
)

# --- story vocabulary: someone real, automatic answers, roles on the company's side ------------------
_SOMEONE_REAL = alt(
    "someone",
    "somebody",
    "a person",
    "person",
    "human",
    "humans",
    "real",
    "actual",
    "one of you",
    "people",
    "staff",
    "your team",
    "colleague",
    "manager",
    "supervisor",
)
_AUTOMATIC = alt(
    r"(?:these |this |the |your |an |a )?(?:automatic|automated|auto|canned|template|templated|generic|copy"
    r" paste|standard"
    + r"|robotic|scripted)(?: [a-z]+)?"
      r" (?:answers?|repl(?:y|ies)|responses?|messages?|emails?|things?|system|chat|assistant)",
    "(?:these |this |the |your |an |a )?auto (?:responses?|replies)",
    "(?:the |this |a |your )?(?:bot|robot|chatbot|chat bot)",
    "(?:via |through |over |on |in )?(?:the |this )chat",
)
_THEIR_ROLE = alt(
    "manager",
    "managers",
    "handler",
    "handlers",
    "technician",
    "technicians",
    "engineer",
    "engineers",
    "advis[eo]rs?",
    "coordinators?",
    "officers?",
    "supervisors?",
    "specialists?",
    "dispatchers?",
    "receptionists?",
    "caseworkers?",
    "case workers?",
    "account managers?",
)
_IT_PERSON = alt(
    "(?:un |una |uno |il |la |lo |l |un vero |una vera )?(?:operatore|operatrice|persona|essere umano|umano|consulente"
    + "|addetto|addetta|assistente|responsabile|impiegato|dipendente|collega|tecnico)(?: umano| vera| reale| vero)?",
    "qualcuno",
)
_NL_PERSON = alt(
    "(?:een |de |het |jullie |uw )?(?:echte |echt |menselijke"
    " )?(?:medewerker|medewerkster|mens|persoon|collega|adviseur"
    + "|agent|klantenservice|supervisor|manager|leidinggevende)",
    "iemand",
)


# A death in the family: a close person of the customer's and a word of dying, in seven languages.
_KIN_EN = alt("husband", "wife", "partner", "mum", "mom", "mother", "dad", "father", "son", "daughter", "brother",
              "sister", "grandmother", "grandfather", "gran", "granny", "grandma", "grandad", "grandpa", "nan",
              "aunt", "uncle", "mother in law", "father in law", "parents?", "fiance", "fiancee", "child")
_BEREAVEMENT = alt(
    rf"\b(?:my|our) (?:late )?{_KIN_EN} (?:has |had |recently |sadly |just )*(?:passed away|died"
    rf"(?! (?:his|her|their|my|its|the|it|them)\b)|is dead|is deceased|passed (?=(?:in|last|on|earlier|recently)"
    rf" (?!the\b|a\b|his\b|her\b|my\b)))\b",
    # the kin opening the message or a sentence without "my" ("Dad passed away last week, ...")
    rf"(?:^|\. ) ?(?:{_KIN_EN}) (?:has |had |recently |sadly |just )*(?:passed away|died(?! (?:his|her|their|my|its"
    rf"|the|it|them)\b))\b",
    rf"\b(?:we|i) (?:have |ve |just |recently |sadly )*lost (?:my|our) {_KIN_EN}\b(?! s\b)",
    rf"\b(?:my|our) late {_KIN_EN}\b",
    rf"\b(?:death|passing|loss) of (?:my|our) {_KIN_EN}\b(?! s\b)",
    r"\b(?:mi|nuestra|nuestro) (?:madre|padre|marido|esposo|esposa|mujer|hijo|hija|hermano|hermana|abuelo|abuela"
    r"|pareja)"
    r" (?:ha |se )?(?:fallecio|fallecido|murio|muerto)\b",
    r"\b(?:ma|mon|notre) (?:mere|pere|mari|femme|epouse|fils|fille|frere|soeur|grand mere|grand pere|conjoint"
    r"|compagnon)"
    r" (?:est |vient d etre |vient de )?(?:decede|decedee|mort|morte|deceder|mourir|nous a quittes?)\b",
    r"\b(?:deces|mort) de (?:ma|mon|notre) (?:mere|pere|mari|femme|epouse|fils|fille|frere|soeur|conjoint)\b",
    r"\b(?:mein|meine|unser|unsere) (?:mutter|vater|mann|ehemann|frau|ehefrau|sohn|tochter|bruder|schwester|oma|opa"
    r"|partner|partnerin) (?:ist )?(?:\w+ )?(?:verstorben|gestorben)\b",
    r"\b(?:meines|meiner) (?:verstorbenen) (?:mutter|vaters|mannes|frau|sohnes|tochter|bruders|schwester)\b",
    r"\b(?:a )?(?:minha|meu|nossa|nosso) (?:mae|pai|marido|esposa|mulher|filho|filha|irmao|irma|avo)"
    r" (?:faleceu|morreu|falecido|falecida)\b",
    r"\b(?:mia|mio|nostra|nostro) (?:madre|padre|marito|moglie|figlio|figlia|fratello|sorella|nonna|nonno)"
    r" (?:e venut[oa] a mancare|e mancat[oa](?! (?:al|alla|allo|ai|alle|agli|all)\b)(?! a (?!(?:gennaio|febbraio"
    r"|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\b))"
    r"|(?:e )?(?:morto|morta|deceduto|deceduta))\b",
    r"\b(?:mijn|onze) (?:moeder|vader|man|vrouw|zoon|dochter|broer|zus|oma|opa|partner) (?:is )?(?:\w+ )?overleden\b",
)
# The dead person's account, order or payments, or the customer's wish to close or stop something of theirs.
_DEAD_PERSONS_THINGS = alt(
    r"\b(?:his|her|their|the) (?:\w+ ){0,2}(?:account|subscription|membership|contract|direct debit|standing order"
    r"|plan|policy|profile|orders?|bookings?|loyalty card|payments?|card|club|deliveries)\b",
    r"\b(?:close|closing|cancel|cancelling|canceling|transfer|transferring|stop|stopping|remove|delete|terminate)"
    r" (?:\w+ )?(?:account|subscription|membership|contract|direct debit|plan|order|booking|payments?|emails"
    r"|letters)\b",
    r"\bin (?:his|her|their) name\b",
    r"\b(?:still (?:being )?(?:charged|billed|paid|debited|taken)|still (?:charging|billing|taking|sending))\b",
    r"\b(?:(?:su|sus|la|una) cuenta|suscripcion|abono|contrato|domiciliacion|pedido|reserva|membresia|dar de"
    r" baja|darle de baja"
    r"|cancelar|cobrando|cobros?)\b",
    r"\b(?:(?:son|sa|ses|le|la|les|leur|un|une) (?:compte|abonnement|contrat|prelevements?|commandes?|reservation"
    r"|adhesion|carte)|resilier|cloturer|fermer|annuler)\b",
    r"\b(?:konto|kundenkonto|abo|abonnement|vertrag|lastschrift|bestellung|buchung|mitgliedschaft|kundigen|kundige"
    r"|schliessen|loschen|abbuchungen?)\b",
    r"\b(?:(?:a|sua|da|na) conta|assinatura|subscricao|contrato|debito direto|encomenda|reserva|cancelar"
    r"|encerrar|fechar|cobrar"
    r"|cobrancas?)\b",
    r"\b(?:account|abbonamento|contratto|addebiti?|ordine|prenotazione|iscrizione|disdire|disdetta|chiudere"
    r"|cancellare|annullare)\b",
    r"\b(?:account|abonnement|contract|incasso|incasso s|bestelling|boeking|lidmaatschap|opzeggen|zeg|afsluiten"
    r"|opheffen|afschrijvingen?)\b",
)

_RULES = (
    # --- English: a person asked for in so many words ---------------------------------------------
    Rule(
        "customer_request:talk",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "talk",
                "talking",
                "speak",
                "speaking",
                "chat",
                "chatting",
                "converse",
                "communicate",
                r"discuss (?:this|it|my \w+)",
                "speek",
            ) + alt(
                " directly",
                " personally",
                " now",
                " right now",
                " immediately",
                " please",
            ) + f"? (?:to|with) {_DET}{_PERSON_EN}",
        ),
        negatable=True,
        yields_to_group_enquiry=True,
        examples=(
            "can i tlak to a humna",
            "I want to speak to your manager",
            "can I speak to someone about a group booking? we were let down last time",
            "can I speak to someone about a party booking, nobody turned up",
        ),
        counter_examples=(
            "am I talking to a real person right now?",
            "I do not want to speak to anyone, what is the return window?",
            "can I speak to someone about a group booking for 25 people in May? what's the price per head?",
        ),
    ),
    # --- a death in the family and the dead person's account or order: a person, with care ---------
    # Not sensitive:* (no security, money or legal risk, and never the crisis reply of self_harm): the
    # customer needs someone who can close, transfer or stop things without asking for the dead person's
    # login. A death told beside an ordinary question (a funeral director's repatriation, an engraving,
    # a watch valued for probate) names no account, subscription, membership or payment and stays.
    Rule(
        "customer_request:bereavement",
        confidence=0.85,
        patterns=(
            "^" + followed_by(".*" + _BEREAVEMENT) + followed_by(".*" + _DEAD_PERSONS_THINGS) + ".*?" + _BEREAVEMENT,
        ),
        examples=(
            "my husband passed away, how do I close his account",
            "My mum died last month and her subscription is still being paid",
            "mi madre falleció, ¿cómo doy de baja su cuenta?",
            "Mon père est décédé en mars, je voudrais résilier son abonnement",
            "Mein Vater ist verstorben, wie kündige ich seinen Vertrag?",
            "A minha mãe faleceu e a conta dela continua ativa",
            "Mio marito è morto a gennaio, come chiudo il suo account?",
            "Mijn moeder is overleden, hoe zeg ik haar abonnement op?",
        ),
        counter_examples=(
            "do you arrange repatriation? my aunt passed away on holiday",
            "my grandad passed away last year, do you do memorial engravings?",
            "my printer died, can I cancel the ink plan?",
            "mi abuela falleció hace años, ¿hacéis restauración de fotos antiguas?",
        ),
    ),
    Rule(
        "customer_request:transfer",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "connect",
                "connected",
                "transfer",
                "transferred",
                "put",
                "pass",
                "forward",
                "redirect",
                "route",
                "escalate",
                "escalated",
                "hand",
                "switch",
                "patch",
                "send",
                "get",
            ) + alt(
                " me",
                " my (?:call|chat|case|query|issue|request|question|ticket|complaint|details|message|problem)",
                " this(?: chat| conversation| case| issue)?",
                " it",
            ) + "?" + alt(
                " through",
                " over",
                " on",
                " back",
                " in touch",
                " in contact",
            ) + f"? (?:to|with) {_DET}{_PERSON_EN}",
        ),
        negatable=True,
        examples=(
            "connect me to a human agent",
            "Please transfer me to customer service",
        ),
        counter_examples=(
            "no need to connect me with an agent, I found it",
        ),
    ),
    Rule(
        "customer_request:acquire",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "want",
                "wants",
                "need",
                "needs",
                "wanted",
                "needed",
                "would like",
                "request",
                "requesting",
                "ask for",
                "asking for",
                "looking for",
                "get",
                "give",
                "bring",
                "(?:can|could|may) (?:i|we) have",
                "prefer",
                "rather have",
                "require",
                "demand",
                "insist on",
                "escalate",
            ) + f"{word_gap(3)} {_DET}{_STRONG_EN}",
        ),
        negatable=True,
        examples=(
            "get me a representative",
            "could u get me a live agent pls",
        ),
        counter_examples=(
            "I don't need a human, just tell me your opening hours",
            "if I ever need an agent later, how would I reach one?",
        ),
    ),
    Rule(
        "customer_request:call",
        confidence=0.9,
        patterns=(
            rf"\b(?:call|calling|phone|ring) {_DET}{_STRONG_EN}",
        ),
        negatable=True,
        examples=(
            "can I call a real agent instead",
        ),
        counter_examples=(
            "can I pay monthly instead",
        ),
    ),
    Rule(
        "customer_request:contact",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "contact",
                "contacting",
                "reach",
                "reaching",
                "get hold of",
                "get ahold of",
                "get through to",
                "get in touch with",
                "be in touch with",
                "hear from",
                "email",
                "write to",
                "message",
                "speak to",
                "talk to",
            ) + f" {_DET}{_PERSON_EN}",
        ),
        negatable=True,
        yields_to_group_enquiry=True,
        examples=(
            "how do I reach a human being here?",
            "can i tlak to a humna",
        ),
        counter_examples=(
            "I do not want to speak to anyone, what is the return window?",
        ),
    ),
    Rule(
        "customer_request:exists",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "is there",
                "are there",
                "is it possible to have",
                "do you have",
                "have you got",
            ) + "(?: a| an| any| some)?(?: real| actual| live)? " + alt(
                "human",
                "person",
                "people",
                "agent",
                "representative",
                "operator",
                "staff",
                "employee",
                "someone",
                "somebody",
                "anyone",
                "anybody",
            ) + r"s?\b" + not_followed_by(
                " " + alt(
                    "in",
                    "at",
                    "near",
                    "from",
                    "on site",
                    "onsite",
                    "on hand",
                    "who can (?!talk|speak|chat)",
                    r"who (?:speak|speaks|work|works|are|is)\b",
                    "to (?!talk|speak|chat)",
                ),
            ),
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "is there an actual human I can chat with?",
            "is there an actual human I can chat with about my espresso machine?",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    # "anyone available to fix X" asks for a service, not a conversation
    Rule(
        "customer_request:anyone_there",
        confidence=0.85,
        patterns=(
            r"\b(?:is |are )?" + alt(
                "anyone",
                "anybody",
                "someone",
                "somebody",
                "any humans?",
                "a human",
                "a person",
                "a real person",
            ) + " " + alt(
                "there",
                "here",
                "available",
                "around",
                "online",
                "real",
                "alive",
                "awake",
            ) + r"\b" + not_followed_by(
                " to (?!talk|chat|speak|help|assist|answer|take|respond|reply)[a-z]+",
            ),
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "hello? is anyone there?",
            "is somebody available to help me with this?",
        ),
        counter_examples=(
            "is anyone available to repair the boiler this weekend?",
            "is anybody there on Sunday afternoons to sign for deliveries?",
        ),
    ),
    Rule(
        "customer_request:bare",
        confidence=0.95,
        patterns=(
            f"^ (?:{_DET})?(?:{_QUAL})?" + alt(
                "human",
                "humans",
                "agent",
                "representative",
                "operator",
                "person",
                "real person",
                "live person",
                "people",
                "support",
                "customer service",
                "help ?desk",
                "live agent",
                "human agent",
                "someone real",
                "manager",
                "supervisor",
            ) + alt(
                " now",
                " please",
                " asap",
                " immediately",
            ) + r"*(?: \.)?(?: (?:please|now|asap))?(?: \.)? $",
        ),
        negatable=True,
        examples=(
            "operator!!",
            "HUMAN PLEASE",
        ),
        counter_examples=(
            "How do I transfer my number to another operator?",
        ),
    ),
    Rule(
        "customer_request:not_a_bot",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "stop",
                "quit",
                "enough",
                "done",
                "tired of",
                "sick of",
                "fed up with",
                "hate",
                "do not want",
                "not want",
                "no more",
                "rather not talk to",
            ) + "(?: talking| chatting| speaking| to talk| to chat| to speak)?"
            + "(?: to| with)?(?: a| the| this| your| you| an)?" + alt(
                " stupid",
                " dumb",
                " useless",
                " automated",
            ) + "? " + alt(
                "bot",
                "bots",
                "robot",
                "robots",
                "machine",
                "ai",
                "chatbot",
                "chat bot",
                "computer",
                "automated (?:system|assistant|replies|answers)",
            ) + r"\b",
        ),
        examples=(
            "Stop, I'm done talking to a machine",
            "enough with the bot, I want a real person",
            "I don't want to talk to a bot",  # a tester's message that stayed with the bot
            "i do not want to chat with a chatbot",
        ),
        counter_examples=(
            "am I talking to a real person right now?",
        ),
    ),
    Rule(
        "customer_request:not_a_bot2",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "human",
                "person",
                "people",
                "agent",
                "representative",
            ) + "s?,? (?:not|instead of|rather than) (?:a |an |the |this |your )?" + alt(
                "bot",
                "robot",
                "machine",
                "ai",
                "chatbot",
                "computer",
            ) + r"\b",
        ),
        examples=(
            "I need a real person not a chatbot",
        ),
        counter_examples=(
            "am I talking to a real person right now?",
        ),
    ),
    Rule(
        "customer_request:call_back",
        confidence=0.85,
        patterns=(
            r"\b(?:call|ring|phone) me back\b",
            r"\b" + alt(
                "can",
                "could",
                "would",
                "will",
                "please",
                "have",
            ) + " " + alt(
                "someone",
                "somebody",
                "a person",
                "an agent",
                "a human",
                "anyone",
                "a representative",
            ) + r"(?: [a-z]+){0,3} (?:call|ring|phone|contact|email)(?: me)?\b",
            r"^ (?:please )?(?:transfer|connect|escalate) me(?: please| now| asap)*(?: \.)? $",
        ),
        needs=("call", "ring", "phone", "contact", "email", "transfer", "connect", "escalate"),
        negatable=True,
        examples=(
            "have one of your advisers ring me back tomorrow morning",
            "Can someone from support call me back today?",
        ),
        counter_examples=(
            "can you get someone to call me a taxi from the hotel?",
        ),
    ),
    Rule(
        "customer_request:put_through",
        confidence=0.85,
        patterns=(
            r"\b(?:put|patch|transfer|connect) me (?:through|over)\b",
            rf"\brather (?:deal|talk|speak|chat) (?:to|with) {_DET}{_PERSON_EN}",
            rf"\bdeal (?:directly )?with {_DET}{_STRONG_EN}",
        ),
        negatable=True,
        examples=(
            "I'd rather deal with a person, can you put me through?",
            "Put me through to the travel desk please.",
        ),
        counter_examples=(
            "My dog is aggressive, can he travel in the cabin?",
        ),
    ),
    Rule(
        "customer_request:look_personally",
        confidence=0.85,
        patterns=(
            "^" + followed_by(
                r".*\b" + alt(
                    "look",
                    "check",
                    "review",
                    "go",
                    "handle",
                    "deal",
                    "sort",
                    "investigate",
                    "examine",
                    "assess",
                    "call",
                    "ring",
                    "phone",
                    "email",
                    "contact",
                    "get back",
                    "reach out",
                    "follow up",
                    "take a look",
                    "have a look",
                    "personally",
                ) + r"\b",
            ) + ".*?" + alt(
                r"\b" + alt(
                    "can",
                    "could",
                    "would",
                    "will",
                    "may",
                    "please",
                    "need",
                    "want",
                    "would like",
                    "i would like",
                    "i want",
                    "i need",
                    "ask",
                    "asking",
                    "have",
                    "get",
                ) + f"(?: [a-z]+){{0,2}} {_DET}" + alt(
                    _STRONG_EN,
                    alt(
                        "someone",
                        "somebody",
                        "anyone",
                        "one of you",
                    ) + " (?:from|on|in|at) (?:your|the) " + alt(
                        "team",
                        "staff",
                        "company",
                        "side",
                        "office",
                        "end",
                        "support",
                        "billing",
                        "department",
                        "desk",
                        "shop",
                        "store",
                    ),
                ) + "(?: [a-z]+){0,2} " + alt(
                    "look at",
                    "look into",
                    "look over",
                    "take a look",
                    "have a look",
                    "check",
                    "review",
                    "go over",
                    "go through",
                    "handle",
                    "deal with",
                    "sort out",
                    "investigate",
                    "examine",
                    "assess",
                    "call",
                    "ring",
                    "phone",
                    "email",
                    "contact",
                    "get back to",
                    "reach out",
                    "follow up",
                ) + r"\b",
                r"^(?=.*\bpersonally\b).*\b" + alt(
                    _STRONG_EN,
                    "(?:someone|somebody) (?:from|on|in|at) (?:your|the) [a-z]+",
                ),
            ),
        ),
        negatable=True,
        examples=(
            "could somebody from your support team look into my ticket?",
            "could a member of staff look at my warranty claim personally?",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    # "will the technician call me before he comes?" asks how the service works, not for a call
    Rule(
        "customer_request:have_them_call",
        confidence=0.85,
        patterns=(
            "^" + not_followed_by(
                " (?:will|does|do|is|are) " + alt(
                    "the",
                    "your",
                    "a",
                    "an",
                    "my",
                    "they",
                    "he",
                    "she",
                    "you",
                ) + r"\b[^.]* " + alt(
                    "call",
                    "ring",
                    "phone",
                    "contact",
                    "email",
                    "text",
                ) + " (?:me|us) " + alt(
                    "when",
                    "once",
                    "if",
                    "before",
                    "after",
                    "as soon as",
                    "whenever",
                ) + r"\b",
            ) + followed_by(
                r".*\b(?:call|ring|phone|contact|email|text|get back to|give) (?:me|us)\b",
            ) + r".*?\b" + alt(
                "have",
                "get",
                "can",
                "could",
                "would",
                "will",
                "please",
                "like",
                "want",
                "need",
                "let",
                "may",
                "prefer",
            ) + rf"\b(?: [a-z]+){{0,3}} {_DET}" + alt(
                _STRONG_EN,
                "someone",
                "somebody",
                "anyone",
                "anybody",
                "technicians?",
                "engineers?",
            ) + alt(
                " (?:from|at|in|on|of) (?:your|the) [a-z]+(?: [a-z]+)?",
            ) + "?(?: [a-z]+){0,3} " + alt(
                "call",
                "ring",
                "phone",
                "contact",
                "email",
                "text",
                "get back to",
            ) + r" (?:me|us)\b" + not_followed_by(
                r" a (?:taxi|cab|car|ride|uber)\b",
            ),
            rf"\b(?:someone|somebody|{_STRONG_EN})" + alt(
                " (?:from|at|in|on|of) (?:your|the) [a-z]+(?: [a-z]+)?",
            ) + r"? to give (?:me|us) a (?:call|ring)\b",
        ),
        needs=(" me ", " us "),
        negatable=True,
        examples=(
            "I'd like someone at the bank to give me a call",
            "please get a technician from your side to phone me",
        ),
        counter_examples=(
            "can you get someone to call me a taxi from the hotel?",
        ),
    ),
    Rule(
        "customer_request:someone_to_reach",
        confidence=0.85,
        patterns=(
            r"\b(?:is there|are there)(?: a| any)? " + alt(
                "anybody",
                "anyone",
                "someone",
                "somebody",
                "person",
                "people",
                "human",
            ) + "(?: [a-z]+){0,5} (?:i|we) (?:can|could|may) " + alt(
                "email",
                "call",
                "phone",
                "ring",
                "contact",
                "write to",
                "message",
                "talk to",
                "speak to",
                "speak with",
                "talk with",
                "chat with",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "is there anybody in billing I can email directly?",
            "Is there somebody at the airline desk I could message directly about my seat?",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    Rule(
        "customer_request:go_through_with",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "go (?:through|over)",
                "sort out",
                "discuss",
                "settle",
                "resolve",
            ) + f"(?: this| it| that| my [a-z]+)?(?: out)? with {_DET}{_STRONG_EN}",
        ),
        negatable=True,
        examples=(
            "I'd rather go over this with a person than with a bot",
            "I'd prefer to go through this with a colleague of yours over the phone",
        ),
        counter_examples=(
            "Does the app work better on a phone rather than the computer?",
        ),
    ),
    Rule(
        "customer_request:escalate",
        confidence=0.85,
        patterns=(
            r"\b(?:escalate (?:this|it|my (?:case|issue|complaint|problem|ticket))|live chat with)\b",
        ),
        negatable=True,
        examples=(
            "Please escalate my ticket to a human, the replies here are automated.",
            "transfer me to live chat with an agent",
        ),
        counter_examples=(
            "can I transfer my ticket to a friend who can't make it with me",
        ),
    ),
    # --- English: indirect asks, by role or by "who", or "not a bot" ------------------------------
    # "who do I speak to at your end?" asks to be pointed at a person of the company's; "who do I make the
    # cheque payable to" does not, nor a general "who should I talk to" that does not address the company
    Rule(
        "customer_request:who_to_ask",
        confidence=0.85,
        patterns=(
            "^" + followed_by(
                r".*\b(?:you|your|here|there|actually|even|at the|in the|from the)\b",
            ) + r".*\bwho " + alt(
                "do",
                "can",
                "should",
                "could",
                "would",
                "shall",
            ) + " (?:i|we) (?:actually |best |even )?" + alt(
                "talk",
                "speak",
                "chat",
                "get in touch",
                "deal",
                "raise this",
                "take this up",
                "call",
                "ring",
                "phone",
                "contact",
                "email",
                "write to",
                "reach",
            ) + r"(?: to| with)?\b",
            r"\bwhoever (?:is in charge|deals with|handles|looks after|is responsible)\b",
        ),
        needs=("who",),
        negatable=True,
        examples=(
            "who do I speak to at your end about the broken locker",
            "Pass me on to whoever handles hotel refunds please.",
        ),
        counter_examples=(
            "How do refunds for prepaid non-refundable rates work if the hotel cancels on me?",
        ),
    ),
    # "loop in / bring in somebody from billing": the customer wants one more person in the conversation
    Rule(
        "customer_request:loop_in",
        confidence=0.85,
        patterns=(
            rf"\b(?:loop|bring|rope)(?: [a-z]+)? in {_DET}{_PERSON_EN}",
            rf"\b(?:loop|bring|rope) in (?:your |the |a |an )?{_ROLE}\b",
        ),
        negatable=True,
        examples=(
            "please loop in someone from accounts, the bot keeps repeating itself",
            "please loop in somebody from your billing team, the bot can't see my invoice",
        ),
        counter_examples=(
            "Our finance team wants invoices sent to accounts@ instead of me — how do we change the billing contact?",
        ),
    ),
    # a named staff role asked to call or talk to the customer: "could your dispatcher call me"
    # a named staff role asked to call the customer back: "could your dispatcher call me"; a question
    # about how a service works ("will the pharmacist call me when it is ready?") is not a request
    Rule(
        "customer_request:role_call_me",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "can",
                "could",
                "would",
                "please",
                "have",
                "get",
                "ask",
                "let",
            ) + " " + alt(
                "your ",
                "the ",
                "a ",
                "an ",
                "one of your ",
                "one of the ",
            ) + f"?{_ROLE}(?: [a-z]+){{0,2}} " + alt(
                "(?:call|ring|phone|contact|email|text|talk to|speak to|speak with|talk with) (?:me|us)",
                "give (?:me|us) a (?:call|ring|bell)",
            ) + r"\b" + not_followed_by(
                r" (?:when|once|if|before|after|as soon as|whenever|in case)\b",
            ),
            r"\b(?:can|could|will|would) " + alt(
                "your ",
                "the ",
                "a ",
                "an ",
                "one of your ",
                "one of the ",
            ) + rf"?(?:{_ROLE}|someone|somebody)(?: [a-z]+){{0,2}} (?:call|ring|phone) (?:me|us) back\b",
            r"\b(?:get|put|need|want|have) (?:your |the |a |an )?" + alt(
                _ROLE,
                "someone",
                "somebody",
                "a person",
                "a human",
                _STRONG_EN,
            ) + alt(
                " (?:from|at|in|on) (?:your|the) [a-z]+(?: [a-z]+)?",
            ) + r"? on the (?:phone|line)\b",
        ),
        negatable=True,
        examples=(
            "need somebody from your warehouse on the phone today",
            "could your site supervisor give me a ring this afternoon",
        ),
        counter_examples=(
            "I think I left my glasses in the waiting room on Tuesday, could someone check?",
        ),
    ),
    # a person "who can explain / call / look at" something for the customer
    Rule(
        "customer_request:someone_who_can",
        confidence=0.8,
        patterns=(
            r"\b" + alt(
                "someone",
                "somebody",
                "anyone",
                "anybody",
                "a person",
                "a human",
                "a member of (?:staff|the team)",
                "one of you",
                _STRONG_EN,
            ) + "(?: [a-z]+){0,4} (?:who|that) (?:can|could|will|would) " + alt(
                "explain",
                "call",
                "ring",
                "phone",
                "talk",
                "speak",
                "look at",
                "look into",
                "go through",
                "walk me through",
                "check",
                "review",
            ) + r"\b",
        ),
        needs=(" who ", " that "),
        negatable=True,
        examples=(
            "is there anyone who can explain the penalty clause to me",
            "is there someone at the garage who can explain the quote to me over the phone",
        ),
        counter_examples=(
            "Is there someone at reception at night?",
        ),
    ),
    # "I'd like to explain this to a real person": the customer wants to explain; "should I show it to
    # the staff at the gate?" asks about a procedure
    Rule(
        "customer_request:explain_to",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "want",
                "wanted",
                "like",
                "need",
                "needed",
                "prefer",
                "rather",
                "let me",
                "allow me",
                "have to",
                "would love",
                "wish",
            ) + "(?: to)? " + alt(
                "explain",
                "describe",
                "tell",
                "go through",
                "walk through",
            ) + alt(
                " this",
                " it",
                " that",
                " everything",
                " all this",
                " the (?:problem|issue|situation)",
                " my (?:[a-z]+)",
                " this [a-z]+",
                " all of this",
            ) + f"? to {_DET}{_STRONG_EN}",
        ),
        negatable=True,
        examples=(
            "I want to explain the situation to a real person",
            "i'd prefer to explain this to a real human than type it into a bot",
        ),
        counter_examples=(
            "am I talking to a real person right now?",
        ),
    ),
    # "a word / a conversation with a person"
    Rule(
        "customer_request:a_word_with",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "like",
                "want",
                "need",
                "have",
                "get",
                "request",
                "appreciate",
                "prefer",
                "ask for",
                "arrange",
            ) + "(?: [a-z]+){0,2} (?:a |an )?(?:quick |proper |short |real )?" + alt(
                "word",
                "conversation",
                "chat",
                "call",
                "phone call",
                "discussion",
                "meeting",
            ) + " with " + alt(
                f"{_DET}{_STRONG_EN}",
                "someone",
                "somebody",
                "whoever",
                "one of (?:you|your|the)",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "I'd like a quick word with someone who can approve the change",
            "Can I arrange a phone call with an advisor about switching tariffs?",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    # "I'd rather explain this to a person than a bot", "not a bot please"; a person has to be named
    # before "than" ("works better on a phone than on a computer" compares devices)
    Rule(
        "customer_request:than_a_bot",
        confidence=0.85,
        patterns=(
            r"\b(?:rather|prefer|better)\b(?: [a-z]+){0,12} " + alt(
                _STRONG_EN,
                _ROLE,
                "someone",
                "somebody",
                "anyone",
                "anybody",
                "people",
                "you",
            ) + rf"(?: [a-z]+){{0,3}} than(?: [a-z]+){{0,3}} (?:a |an |the |this |your |some )?{_MACHINE}\b",
            rf"(?<!am )(?<!are )(?<!is )(?<!was )\bnot (?:with |to )?(?:a |an |the |this |your |some )?{_BOT}"
            + not_followed_by(
                r" (?:is|was|can|could|will|would|does|did)\b",
            ) + followed_by(
                r" \.",
                " $",
                " please",
                " thanks",
                " thank you",
                " i",
                " but",
                " for",
                " this",
                " ,",
            ),
        ),
        needs=(" than ", " not "),
        negatable=True,
        examples=(
            "not a bot please, this is urgent",
            "i'd rather explain this to a pharmacist than a chatbot tbh, its about my mums prescription",
        ),
        counter_examples=(
            "Will the pharmacist call me when my prescription is ready?",
        ),
    ),
    # --- English: paraphrased asks, a person of the company's named loosely -----------------------
    # "could one of your people give me a ring", "a team member jump on a call with me", "a human take over"
    Rule(
        "customer_request:one_of_you_act",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "can",
                "could",
                "would",
                "will",
                "please",
                "any chance",
                "is there (?:a|any) way",
                "possible for",
            ) + f" {_ONE_OF_YOU}(?: [a-z]+){{0,4}} " + alt(
                "give (?:me|us) a (?:ring|call|bell)",
                "(?:jump|hop|get) on (?:a|the) (?:call|phone)(?: with (?:me|us))?",
                "take over (?:this|the|my)",
                "step in",
                "review (?:my|this|the)",
                "look (?:at|into|over) (?:my|this|the|it)",
                "check (?:my|this|why|what|it)",
                "(?:needs|has|have) to (?:check|look|review|sort)",
                r"(?:call|ring|phone|email|contact) (?:me|us)(?! a (?:taxi|cab|car|ride|uber)\b)",
            ) + r"\b",
            r"\b" + alt(
                "someone",
                "somebody",
                "a person",
                "a human",
            ) + " (?:at|from|in|on) (?:your|the) (?:end|side|company|team|office) (?:needs|has|have|must|should) to "
            + alt(
                "check",
                "look",
                "review",
                "sort",
                "call",
                "ring",
                "contact",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Can your billing folks give me a ring?",
            "can your returns team step in, the courier is ignoring me",
        ),
        counter_examples=(
            "what's your refund timeline after you receive the return?",
        ),
    ),
    # a person asked to contact the customer: "get a colleague who knows X to contact me", "arrange for a handler to
    # phone me" "is anyone from the booking team able to ring me", "I'd like my claim handled by a person"
    Rule(
        "customer_request:able_to",
        confidence=0.85,
        patterns=(
            r"\b(?:is|are) " + alt(
                "anyone",
                "anybody",
                "someone",
                "somebody",
                "a person",
                "a human",
                "one of you",
                "any of your [a-z]+",
                "a member of staff",
                "a staff member",
            ) + " (?:from|at|in|on) (?:your|the) [a-z]+(?: [a-z]+)? (?:able|available) to " + alt(
                "(?:call|ring|phone|contact|email|talk to|speak to|speak with|chat with|get back to) (?:me|us)",
                "(?:look at|look into|review|check) (?:my|our|this|it)",
            ) + r"\b",
            r"\b" + alt(
                "handled",
                "dealt with",
                "looked at",
                "looked into",
                "reviewed",
                "checked",
                "sorted out",
                "sorted",
                "taken care of",
                "read",
                "answered",
            ) + f" by {_DET_THEIRS}" + alt(
                _STRONG_EN,
                "member of staff",
                "staff member",
                "team member",
                "(?:real|live|actual) (?:one|someone|somebody)",
            ),
        ),
        negatable=True,
        examples=(
            "I want this claim looked at by a real person please",
            "Are any of your staff at the depot available to phone me today?",
        ),
        counter_examples=(
            "Are your staff able to carry parcels to the car?",
        ),
    ),
    Rule(
        "customer_request:arrange_contact",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "arrange for",
                "get",
                "ask",
                "have",
                "need",
                "want",
                "like",
            ) + f" {_DET_THEIRS}" + alt(
                _ROLE,
                _ONE_OF_YOU,
                "someone",
                "somebody",
            ) + "(?: [a-z]+){0,6} to " + alt(
                "call",
                "ring",
                "phone",
                "contact",
                "email",
                "text",
                "get back to",
            ) + r" (?:me|us)\b" + not_followed_by(
                r" a (?:taxi|cab|car|ride|uber)\b",
            ),
        ),
        negatable=True,
        examples=(
            "Please arrange for a loans officer to phone me this week",
            "Please arrange for a claims handler to phone me about the water damage.",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    # the customer wants to be contacted: "I'd appreciate a callback from your side", "like to be contacted by an
    # adviser"
    Rule(
        "customer_request:be_contacted",
        confidence=0.85,
        patterns=(
            r"\b(?:i|we) (?:would |d )?" + alt(
                "really ",
                "very much ",
                "much ",
                "also ",
            ) + "?" + alt(
                "like",
                "appreciate",
                "want",
                "need",
                "request",
                "prefer",
            ) + "(?: to (?:have|get|request|book))? (?:a |an )?(?:quick |urgent )?" + alt(
                "callback",
                "call back",
                "phone back",
                "return call",
            ) + r"\b",
            r"\b" + alt(
                "like",
                "want",
                "need",
                "prefer",
                "appreciate",
                "ask",
            ) + " (?:to be|being) " + alt(
                "contacted",
                "called",
                "phoned",
                "rung",
                "called back",
            ) + r" (?:by|from)\b",
        ),
        negatable=True,
        examples=(
            "I'd really appreciate a call back from you about the leak",
            "I would like to be called by an adviser rather than keep typing",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    # "who at your company can I speak to", "pass my question on to a colleague", "talk this through with a staff
    # member"
    Rule(
        "customer_request:who_at",
        confidence=0.85,
        patterns=(
            r"\bwho (?:at|in|from) (?:your|the) [a-z]+(?: [a-z]+)? (?:can|could|do|should|would) (?:i|we)"
            + " (?:actually )?" + alt(
                "talk",
                "speak",
                "chat",
                "call",
                "ring",
                "phone",
                "contact",
                "email",
                "write to",
                "reach",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Who in your claims office can I actually talk to?",
            "Who at your company can I actually speak to about my gym membership?",
        ),
        counter_examples=(
            "How do I freeze my gym membership for a month?",
        ),
    ),
    Rule(
        "customer_request:pass_on",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "pass",
                "hand",
                "forward",
                "send",
                "escalate",
                "refer",
            ) + alt(
                " this",
                " it",
                " me",
                " my(?: [a-z]+){1,2}",
            ) + f"(?: on| over| up)? to {_ONE_OF_YOU}",
        ),
        negatable=True,
        examples=(
            "Forward my case on to a colleague who handles refunds, thanks",
            "Please pass my booking question on to a colleague who can actually change the flight",
        ),
        counter_examples=(
            "Can I change the name on the booking, my passport has my married name",
        ),
    ),
    Rule(
        "customer_request:work_through_with",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                alt(
                    "talk",
                    "sort",
                    "go",
                    "work",
                    "figure",
                    "thrash",
                    "run",
                ) + alt(
                    " this",
                    " it",
                    " that",
                    " things",
                    " everything",
                    " my [a-z]+",
                ) + "? (?:out|through|over)",
                "sort (?:this|it|that|things)",
            ) + f" with {_ONE_OF_YOU}",
        ),
        negatable=True,
        examples=(
            "I'd like to sort this out with a team member on the phone",
            "Is it possible to talk this through with a staff member instead of a chatbot?",
        ),
        counter_examples=(
            "I'd like to speak French with the tutor, is that possible",
        ),
    ),
    Rule(
        "customer_request:someone_who_works",
        confidence=0.85,
        patterns=(
            r"\b(?:get|need|want|give|find|put)(?: me| us)? " + alt(
                "someone",
                "somebody",
                "a person",
                "a human",
                "anyone",
            ) + " (?:who|that) (?:actually |really )?works? " + alt(
                "there",
                "here",
                "for you",
                "at (?:your|the)",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "just find me someone who actually works there",
            "get me somebody who works there please",
        ),
        counter_examples=(
            "Is there someone at reception at night?",
        ),
    ),
    # --- Spanish ----------------------------------------------------------------------------------
    Rule(
        "customer_request:hablar",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "hablar",
                "hablo",
                "hable",
                "habla",
                "conversar",
                "chatear",
                "charlar",
                "platicar",
                "comunicarme",
                "comunicarse",
                "comunicar",
                "contactar",
                "contactarme",
                "contacto",
                "escribir",
            ) + f"(?: directamente)? (?:con|a|al) {_ES_P}",
        ),
        negatable=True,
        examples=(
            "Quiero hablar con una persona",
            "Quiero hablar con un agente humano",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
        ),
    ),
    Rule(
        "customer_request:pasar",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "pasame",
                "paseme",
                "pasarme",
                "pasenme",
                "comunicame",
                "comuniqueme",
                "transfiereme",
                "transfierame",
                "transferirme",
                "transfiera",
                "conectame",
                "conecteme",
                "conectarme",
                "ponme",
                "pongame",
                "ponerme",
                "derivame",
                "derivarme",
                "me pasas",
                "me pasa",
                "me pases",
                "me transfieres",
                "me comunicas",
                "me conectas",
                "me pones",
                "me derivas",
                "me puedes pasar",
                "me puede pasar",
            ) + f"{word_gap(2)} (?:con |a |al |en contacto con )?{_ES_P}",
        ),
        negatable=True,
        examples=(
            "¿Me pasas con un agente, por favor?",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
        ),
    ),
    Rule(
        "customer_request:querer",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "quiero",
                "necesito",
                "quisiera",
                "queria",
                "puedo",
                "podria",
                "podrias",
                "puede",
                "pueden",
                "me gustaria",
                "deseo",
                "pido",
                "solicito",
                "prefiero",
                "busco",
                "dame",
                "deme",
                "exijo",
            ) + f"{word_gap(3)} {_ES_P}",
        ),
        negatable=True,
        examples=(
            "necesito un asesor humano",
            "¿Me puede llamar alguien del equipo de soporte?",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
        ),
    ),
    Rule(
        "customer_request:llamar",
        confidence=0.85,
        patterns=(
            r"\bque me " + alt(
                "llame",
                "llamen",
                "contacte",
                "contacten",
                "atienda",
                "atiendan",
                "escriba",
                "escriban",
                "devuelva la llamada",
                "devuelvan la llamada",
            ) + "(?: [a-z]+){0,2} " + alt(
                "alguien",
                "una persona",
                "un agente",
                "un asesor",
                "una asesora",
                "un operador",
                "un empleado",
                "un representante",
                "el encargado",
                "un tecnico",
            ) + r"\b",
            r"\b" + alt(
                "alguien",
                "un agente",
                "un asesor",
                "una asesora",
                "un operador",
                "un empleado",
                "una persona",
                "un tecnico",
            ) + "(?: [a-z]+){0,3} (?:me )?" + alt(
                "puede",
                "podria",
                "pueda",
                "puedan",
                "podrian",
            ) + " " + alt(
                "llamar",
                "contactar",
                "atender",
                "escribir",
            ) + r"\w*\b",
            r"\b" + alt(
                "alguien",
                "un agente",
                "un asesor",
                "una asesora",
            ) + "(?: [a-z]+){0,3} (?:me )?" + alt(
                "revise",
                "revisen",
                "mire",
                "atienda",
                "llame",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Que me llame alguien del banco, por favor",
            "Por favor, que me llame alguien de atención al cliente.",
        ),
        counter_examples=(
            "Não quero falar com atendente, só quero o horário",
        ),
    ),
    Rule(
        "customer_request:poner",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "poner(?:me|nos)?",
                "me " + alt(
                    "puedes",
                    "puede",
                    "podeis",
                    "podrias",
                    "podria",
                    "pueden",
                    "podrian",
                ) + " " + alt(
                    "poner",
                    "pasar",
                    "comunicar",
                    "derivar",
                    "transferir",
                ),
                "ponerme en contacto",
            ) + f" (?:con |al |a )?{_ES_P}",
        ),
        negatable=True,
        examples=(
            "¿Me puedes poner con alguien de facturación?",
            "Me puedes poner con alguien del taller? quiero preguntar por el presupuesto",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
        ),
    ),
    Rule(
        "customer_request:hay",
        confidence=0.85,
        patterns=(
            r"\bhay " + alt(
                "alguien",
                "alguna persona",
                "algun humano",
                "un humano",
                "una persona",
                "algun agente",
                "un agente",
                "algun asesor",
            ) + r"\b",
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "¿Hay alguien real ahí?",
            "¿Hay alguna persona que pueda revisar mi caso?",
        ),
        counter_examples=(
            "am I talking to a real person right now?",
            "¿Hay alguien en el vivero los domingos por la mañana?",
        ),
    ),
    Rule(
        "customer_request:atencion",
        confidence=0.85,
        patterns=(
            r"\batencion (?:humana|personalizada)\b",
        ),
        negatable=True,
        examples=(
            "necesito atención humana",
        ),
        counter_examples=(
            "Is the translation done by humans, not AI?",
        ),
    ),
    # --- French -----------------------------------------------------------------------------------
    Rule(
        "customer_request:parler",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "parler",
                "parle",
                "discuter",
                "echanger",
                "communiquer",
                "dialoguer",
                "joindre",
                "contacter",
                "avoir",
                "etre en contact avec",
                "entrer en contact avec",
            ) + f"(?: directement)? (?:a |avec |au |aux )?{_FR_P}",
        ),
        negatable=True,
        examples=(
            "Je voudrais parler à un conseiller",
            "Est-ce que je peux parler avec une personne ?",
        ),
        counter_examples=(
            "Je ne veux pas parler à un conseiller, merci",
        ),
    ),
    Rule(
        "customer_request:passer",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "passez moi",
                "passe moi",
                "me passer",
                "passer",
                "mettez moi en (?:relation|contact)",
                "mets moi en (?:relation|contact)",
                "mettre en (?:relation|contact)",
                "transferez moi",
                "transfere moi",
                "me transferer",
                "redirigez moi",
                "me rediriger",
                "orientez moi",
                "transmettre",
                "transmettez",
                "transmets",
                "transferer",
            ) + alt(
                " ma demande",
                " mon dossier",
                " ma question",
                " ceci",
                " cela",
                " ca",
            ) + f"?{word_gap(2)} (?:avec |a |au |vers )?{_FR_P}",
        ),
        negatable=True,
        examples=(
            "Mettez-moi en relation avec quelqu'un, s'il vous plaît",
            "Pouvez-vous me mettre en contact avec le service facturation ?",
        ),
        counter_examples=(
            "Est-ce que vous avez une réduction pour les associations ?",
        ),
    ),
    Rule(
        "customer_request:vouloir",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "je veux",
                "je voudrais",
                "j aimerais",
                "je souhaite",
                "je souhaiterais",
                "je demande",
                "puis je",
                "pourrais je",
                "est ce que je peux",
                "je peux",
                "je prefere",
                "il me faut",
                "je cherche",
                "donnez moi",
                "j exige",
            ) + f"{word_gap(4)} {_FR_P}",
        ),
        negatable=True,
        examples=(
            "je veux un vrai humain",
            "Je souhaite qu'un agent du service client me rappelle demain",
        ),
        counter_examples=(
            "Could you explain what the service charge on hotel bills covers?",
        ),
    ),
    Rule(
        "customer_request:rappel",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "etre (?:rappele|recontacte|contacte)e? par",
                "qu (?:un|une|quelqu un)(?: [a-z]+){0,4} (?:me|nous) " + alt(
                    "rappelle",
                    "recontacte",
                    "contacte",
                    "appelle",
                    "telephone",
                ),
            ) + r"\b",
            r"\b(?:un |une )?" + alt(
                "conseiller",
                "conseillere",
                "agent",
                "quelqu un",
                "technicien",
                "responsable",
            ) + "(?: [a-z]+){0,3} (?:peut|pourrait|pouvez|pourriez)(?: [a-z]+)? (?:me|nous) " + alt(
                "rappeler",
                "contacter",
                "appeler",
                "telephoner",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "J'aimerais qu'un membre de l'équipe me rappelle au sujet de mon forfait mobile",
            "Je souhaite qu'un agent du service client me rappelle demain",
        ),
        counter_examples=(
            "Could you explain what the service charge on hotel bills covers?",
        ),
    ),
    Rule(
        "customer_request:ya",
        confidence=0.85,
        patterns=(
            r"\b(?:y a t il|il y a|y a) (?:quelqu un|un humain|une personne|un conseiller|un agent)\b",
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "il y a quelqu'un ?",
        ),
        counter_examples=(
            "Est-ce qu'il y a un parking pour les vélos ?",
            "Il y a quelqu'un à l'atelier le samedi après-midi ?",
        ),
    ),
    # --- German -----------------------------------------------------------------------------------
    Rule(
        "customer_request:mit_sprechen",
        confidence=0.95,
        patterns=(
            rf"\b(?:mit|zu) (?:{_DE_P}|{_DE_COLLEAGUE}){word_gap(4)} " + alt(
                "sprechen",
                "reden",
                "chatten",
                "verbunden",
                "verbinden",
                "schreiben",
                "telefonieren",
                "durchgestellt",
                "weitergeleitet",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Ich möchte mit einem Mitarbeiter sprechen",
            "Ich möchte bitte mit einem Mitarbeiter sprechen",
        ),
        counter_examples=(
            "Kann ich meinem Kollegen Zugriff geben?",
        ),
    ),
    Rule(
        "customer_request:verbinden",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "sprechen",
                "reden",
                "chatten",
                "verbinden sie mich",
                "verbinde mich",
                "verbindest du mich",
                "stellen sie mich",
                "stell mich",
                "leiten sie mich",
                "leite mich",
            ) + f"{word_gap(3)} (?:mit|zu|an) (?:{_DE_P}|{_DE_COLLEAGUE})",
        ),
        negatable=True,
        examples=(
            "Verbinden Sie mich bitte mit einem Menschen",
            "Bitte verbinden Sie mich mit einem Mitarbeiter aus der Buchhaltung",
        ),
        counter_examples=(
            "Ich brauche keinen Menschen, nur die Öffnungszeiten",
        ),
    ),
    Rule(
        "customer_request:wollen",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "ich will",
                "ich mochte",
                "ich brauche",
                "ich hatte gerne?",
                "ich wurde gerne?",
                "kann ich",
                "konnte ich",
                "gib mir",
                "geben sie mir",
                "ich verlange",
                "ich suche",
                "ich bitte um",
                "ich moechte",
            ) + f"{word_gap(4)} {_DE_P}",
        ),
        negatable=True,
        examples=(
            "Kann ich bitte einen echten Menschen haben?",
            "Ich möchte das lieber mit einem Menschen am Telefon klären",
        ),
        counter_examples=(
            "Ich brauche keinen Menschen, nur die Öffnungszeiten",
        ),
    ),
    Rule(
        "customer_request:anrufen",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "kann",
                "konnte",
                "soll",
                "sollte",
                "moge",
                "mochte",
                "moechte",
                "wurde",
                "darf",
            ) + "(?: mich| mir| uns)(?: bitte)?(?: [a-z]+){0,1} " + alt(
                "jemand",
                r"ein\w* (?:mitarbeiter\w*|berater\w*|mensch\w*|techniker\w*|kollege\w*|ansprechpartner\w*)",
            ) + "(?: [a-z]+){0,4} " + alt(
                "anrufen",
                "zuruckrufen",
                "kontaktieren",
                "melden",
                "schreiben",
            ) + r"\b",
            r"\bruckruf (?:von|durch) (?:einem |einer |ihrem |ihrer )?" + alt(
                r"mitarbeiter\w*",
                r"berater\w*",
                "menschen",
                "kundendienst",
                "support",
                r"techniker\w*",
                "jemandem",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Kann mich bitte jemand aus Ihrem Team anrufen?",
            "Kann mich ein Kollege von Ihnen zurückrufen?",
        ),
        counter_examples=(
            "Kann ich meinem Kollegen Zugriff geben?",
        ),
    ),
    Rule(
        "customer_request:weiterleiten",
        confidence=0.9,
        patterns=(
            rf"\b(?:an|zu) (?:{_DE_P}|{_DE_COLLEAGUE})(?: [a-z]+){{0,3}} " + alt(
                "weiterleiten",
                "weitergeben",
                "weiterreichen",
                "ubergeben",
                "abgeben",
            ) + r"\b",
            rf"\b(?:leiten|geben|reichen) sie(?: [a-z]+){{0,4}} (?:an|zu) (?:{_DE_P}|{_DE_COLLEAGUE})(?:"
            + r" [a-z]+){0,2} weiter\b",
        ),
        negatable=True,
        examples=(
            "Bitte geben Sie das an einen Kollegen weiter",
            "Bitte leiten Sie mein Anliegen an einen Mitarbeiter weiter",
        ),
        counter_examples=(
            "Ich brauche einen Zugang für meinen Kollegen",
        ),
    ),
    Rule(
        "customer_request:gibt_es",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "gibt es",
                "ist da",
                "ist hier",
                "ist jemand",
            ) + " (?:einen |eine |ein )?(?:echten |echte |echter )?" + alt(
                "menschen",
                "mensch",
                "mitarbeiter",
                "person",
                "jemand",
                "da",
            ) + r"\b",
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "Gibt es einen Menschen, mit dem ich reden kann?",
        ),
        counter_examples=(
            "Ich brauche keinen Menschen, nur die Öffnungszeiten",
        ),
    ),
    # --- Portuguese -------------------------------------------------------------------------------
    Rule(
        "customer_request:falar",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "falar",
                "fala",
                "falo",
                "conversar",
                "converso",
                "comunicar",
                "contatar",
                "contactar",
                "chamar",
                "chame",
                "chama",
                "ligar",
                "ter contato",
            ) + f"(?: diretamente)? (?:com |a |ao |para |pra )?{_PT_P}",
        ),
        negatable=True,
        examples=(
            "Quero falar com um atendente",
            "Quero falar com o responsável pelo setor",
        ),
        counter_examples=(
            "Não quero falar com atendente, só quero o horário",
        ),
    ),
    Rule(
        "customer_request:passar",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "me transfira",
                "me transfere",
                "me transferir",
                "transferir",
                "me passa",
                "me passe",
                "passar",
                "me coloca",
                "me coloque",
                "me conecta",
                "me conecte",
                "encaminhar",
                "me encaminha",
                "me encaminhe",
            ) + f"{word_gap(2)} (?:para |pra |com |a |ao )?{_PT_P}",
        ),
        negatable=True,
        examples=(
            "pode me transferir para um humano?",
        ),
        counter_examples=(
            "Is the translation done by humans, not AI?",
        ),
    ),
    Rule(
        "customer_request:quero",
        confidence=0.9,
        patterns=(
            rf"\b(?:quero|preciso|gostaria|queria|posso|pode|podem|prefiro|solicito|peco|exijo){word_gap(4)} {_PT_P}",
        ),
        negatable=True,
        examples=(
            "preciso de atendimento humano",
            "Queria que alguém da equipe me ligasse hoje",
        ),
        counter_examples=(
            "Não quero falar com atendente, só quero o horário",
        ),
    ),
    Rule(
        "customer_request:ligar",
        confidence=0.85,
        patterns=(
            r"\b" + alt(
                "alguem",
                "um atendente",
                "uma atendente",
                "um consultor",
                "uma consultora",
                "um funcionario",
                "uma pessoa",
                "um tecnico",
                "um agente",
            ) + "(?: [a-z]+){0,3} (?:pode|poderia|podem|poderiam)(?: me)? " + alt(
                "ligar",
                "contatar",
                "retornar",
                "atender",
                "chamar",
            ) + r"\b",
            r"\bque " + alt(
                "alguem",
                "um atendente",
                "uma atendente",
                "um consultor",
                "um agente",
                "uma pessoa",
            ) + "(?: [a-z]+){0,3} me " + alt(
                "ligue",
                "liga",
                "contate",
                "retorne",
                "atenda",
            ) + r"\b",
        ),
        negatable=True,
        examples=(
            "Alguém da equipe pode me ligar?",
        ),
        counter_examples=(
            "Can my manager book the meeting room for me?",
        ),
    ),
    Rule(
        "customer_request:tem",
        confidence=0.85,
        patterns=(
            r"\b(?:tem|ha|existe) (?:alguem|algum atendente|algum humano|uma pessoa|um atendente)\b",
        ),
        negatable=True,
        yields_to_opening_hours=True,
        examples=(
            "tem alguém aí?",
        ),
        counter_examples=(
            "Is the translation done by humans, not AI?",
            "Tem alguém na papelaria aos sábados de manhã?",
        ),
    ),
    Rule(
        "customer_request:atendimento",
        confidence=0.85,
        patterns=(
            r"\batend(?:imento|ente) humano\b",
        ),
        negatable=True,
        examples=(
            "preciso de atendimento humano",
            "Quero falar com um atendente humano, por favor.",
        ),
        counter_examples=(
            "Não quero falar com atendente, só quero o horário",
        ),
    ),
    # --- stories: a person asked for without the words "human" or "agent" --------------------------------
    # Someone real instead of automatic answers: "I want someone to actually read this instead of
    # auto-responses", "a real reply, not these automated messages", "can a human get in touch, not this
    # automated thing". A complaint about automatic replies with nobody asked for is left to the complaint rules.
    # Not negatable: "instead of" is what makes it a request.
    Rule(
        "customer_request:instead_of_automatic",
        confidence=0.85,
        patterns=(
            "^" + followed_by(rf".*\b{_SOMEONE_REAL}\b")
            + rf".*\b(?:instead of|rather than|not|no more|other than|than)(?: [a-z]+){{0,2}} {_AUTOMATIC}\b",
        ),
        examples=(
            "I want someone from support to actually read this instead of auto-responses",
            "can a human get in touch, not this automated thing",
            "I would like a real reply rather than these automatic answers",
        ),
        counter_examples=(
            "your automatic replies are really fast, thanks",
            "can I turn off the automatic reply emails?",
        ),
    ),
    # A real or personal reply asked for: "I'd like a proper answer from a person", "can I get a real reply".
    Rule(
        "customer_request:real_reply",
        confidence=0.85,
        patterns=(
            r"\b(?:want|need|would like|like|get|have|deserve|expect|give me|can i get|could i get)(?: [a-z]+){0,2}"
            + r" (?:a|an|some) (?:real|proper|actual|genuine|personal|human) (?:reply|answer|response)\b",
            r"\bsomeone (?:real|actual|human|alive)\b",
        ),
        negatable=True,
        examples=(
            "I just want a real reply to my question",
            "please put me in touch with someone real",
        ),
        counter_examples=(
            "is the leather real?",
            "I do not need a real answer, just point me to the page",
        ),
    ),
    # Someone of theirs to look at it themselves: "can an actual person from the branch pick this up",
    # "could someone from your team personally review my case". A bare "can someone check my order?"
    # asks for help, not for a person, so a word of insistence ("actually", "personally", "real") is needed.
    Rule(
        "customer_request:someone_to_look",
        confidence=0.85,
        patterns=(
            "^" + followed_by(r".*\b(?:actual|actually|real|really|personally|properly|human|in person|yourselves"
                        r"|themselves)\b")
            + r".*\b(?:can|could|would|please|need|want|would like|like|get|have)(?: [a-z]+){0,2}"
            + r" (?:someone|somebody|a person|a human|an actual person|a real person|one of you|anyone|an actual human)"
            + r"(?: (?:from|at|in|on) (?:your|the) [a-z]+)?(?: [a-z]+){0,2}"
            + r" (?:read|look at|look into|check|review|pick up|pick this up|deal with|answer|reply to|respond"
              r" to|handle)\b",
        ),
        negatable=True,
        examples=(
            "Please can an actual person from the branch pick this up",
            "I need someone to actually look at my case",
        ),
        counter_examples=(
            "can someone check my order status?",
            "does a real person review the photos I upload?",
        ),
    ),
    # A call back from the company's side, asked for: "any chance of a callback from your team tomorrow",
    # "can I book a call with someone from your support team", "I'd prefer a colleague calls me back".
    Rule(
        "customer_request:callback",
        confidence=0.85,
        patterns=(
            r"\b(?:get|have|request|book|arrange|schedule|like|want|need|chance of|prefer|possible to get)"
            + r"(?: [a-z]+){0,3} (?:a )?(?:call back|callback|call|phone call|ring|video call)(?: [a-z]+){0,2}"
            + r" (?:from|with) (?:someone|somebody|one of your|a member|a colleague|your team|your support|your staff"
            + r"|your (?:[a-z]+ )?team|the (?:[a-z]+ )?team|a person)\b",
            r"\b(?:a|an|the|one of your|your) (?:colleague|member of (?:the |your )?(?:[a-z]+ )?(?:team|staff)|team"
            r" member"
            + r"|staff member)s? (?:to )?(?:calls?|rings?|phones?|emails?|contacts?|gets? in touch with|get back to)"
              r" (?:me|us)\b"
            + not_followed_by(r" (?:when|once|if|before|after|as soon as|whenever)\b"),
        ),
        negatable=True,
        examples=(
            "Any chance I can get a callback from your team tomorrow morning?",
            "Can I book a call with someone from your support team?",
            "Can a member of the admissions team call me?",
            "I'd prefer a colleague calls me back about the return",
        ),
        counter_examples=(
            "will a member of the team call me when my order is ready?",
            "can I book a call with the vet for my dog?",
        ),
    ),
    # A named role of theirs, to speak to directly: "I want to speak to my property manager directly",
    # "I'd like to speak with a claims handler", "talk to one of your technicians on the phone".
    Rule(
        "customer_request:speak_to_role",
        confidence=0.85,
        patterns=(
            r"\b(?:want|would like|like|need|can i|could i|may i|let me|i must|i have to|i wish)(?: to)?"
            + r" (?:speak|talk|chat|have a word)(?: directly| personally)? (?:to|with)"
            + rf" (?:my|the|your|a|an|one of your|someone in your)(?: [a-z]+){{0,2}} {_THEIR_ROLE}\b",
        ),
        negatable=True,
        examples=(
            "I want to speak to my property manager directly",
            "I want to speak with a claims handler directly please",
            "i'd like to talk to one of your technicians on the phone please",
            "I'd like to speak to the duty manager please, not the chat",
        ),
        counter_examples=(
            "do I need to speak to a pharmacist before taking this?",
            "how do I talk to my manager about my payslip?",
        ),
    ),
    # The ask repeated on its own: "human please. HUMAN."
    Rule(
        "customer_request:bare_repeated",
        confidence=0.95,
        patterns=(
            r"^ (?:(?:a |an )?(?:human|person|agent|operator|real person|representative|someone)(?: please| now|"
            r" asap)* \. ){1,3}"
            + r"(?:a |an )?(?:human|person|agent|operator|real person|representative|someone)(?: please| now|"
              r" asap)*(?: \.)? $",
        ),
        examples=("human please. HUMAN.",),
        counter_examples=("person. place. thing.",),
    ),
    # --- Italian and Dutch: explicit asks for a person ------------------------------------------------------
    Rule(
        "customer_request:it",
        confidence=0.9,
        patterns=(
            r"\b(?:parlare|parlarne|comunicare|chattare|sentire|mettermi in contatto|mettere in contatto) con"
            + rf" {_IT_PERSON}\b",
            rf"\b(?:vorrei|voglio|posso avere|potrei avere|mi passi|mi passa|mi serve|ho bisogno di) {_IT_PERSON}\b",
            r"\b(?:qualcuno|un operatore|una persona|un addetto|un collega)(?: [a-z]+){0,4} (?:mi |ci )?"
            + r"(?:puo|potrebbe|possa) (?:chiamare|richiamare|contattare|telefonare)\b",
            r"\b(?:mi|ci) (?:puo|potete|potrebbe) (?:chiamare|richiamare|contattare) (?:qualcuno|un operatore|una"
            r" persona)\b",
            # "vorrei essere richiamato da un operatore"
            rf"\b(?:essere|venire) (?:richiamat[oa]|contattat[oa]|ricontattat[oa]|chiamat[oa]) da {_IT_PERSON}\b",
        ),
        negatable=True,
        examples=(
            "Mi passi un operatore, per cortesia",
            "Voglio parlare con un essere umano",
            "Vorrei parlare con una persona del reparto prenotazioni",
            "Qualcuno del vostro team mi può richiamare?",
            "Preferirei venire ricontattata da una persona del servizio clienti",
        ),
        counter_examples=(
            "Non voglio parlare con un operatore, mi serve solo l'orario",
            "Quanto costa la spedizione in Italia?",
        ),
    ),
    Rule(
        "customer_request:nl",
        confidence=0.9,
        patterns=(
            rf"\b(?:spreken|praten|chatten|bellen|contact) met {_NL_PERSON}\b",
            rf"\bmet {_NL_PERSON}(?: [a-z]+){{0,3}} (?:spreken|praten|chatten|bellen)\b",
            rf"\b(?:wil|wil graag|zou graag|mag ik|kan ik|doorverbinden met|verbind (?:mij|me) door met)"
            rf" {_NL_PERSON}\b",
            r"\b(?:kan|kunt|wil|zou) (?:iemand|een medewerker|een collega|een mens)(?: [a-z]+){0,5} (?:mij|me|ons)"
            + r"(?: [a-z]+){0,3} (?:bellen|terugbellen|mailen|e mailen|contacteren|benaderen)\b",
            r"\biemand spreken\b",
            # "is er iemand die naar mijn vraag kan kijken?": someone to look at it, asked of the company
            r"\b(?:is er|kan er) (?:iemand|een medewerker|een collega)(?: van jullie)? (?:die|dat) (?:naar )?"
            + r"(?:mijn|ons|deze|dit)(?: [a-z]+){0,2} (?:kan |wil )?(?:kijken|bekijken|behandelen|oppakken)\b",
        ),
        negatable=True,
        examples=(
            "Mag ik een medewerker aan de lijn?",
            "Ik zou graag iemand spreken over de factuur",
            "Kan iemand van jullie team mij bellen?",
            "Kan ik alstublieft met een medewerker spreken in plaats van met de bot?",
            "Is er een medewerker die naar mijn bestelling wil kijken?",
        ),
        counter_examples=(
            "Ik wil geen medewerker spreken, alleen de openingstijden weten",
            "Hoe lang duurt de levering?",
            "Is er iemand die mijn pakket kan ophalen als ik niet thuis ben?",
        ),
    ),
    # Spanish and French: attended by someone, or a person instead of the automatic assistant
    Rule(
        "customer_request:atender",
        confidence=0.85,
        patterns=(
            r"\b(?:me|nos) (?:puede|pueden|podria|podrian|podra) (?:atender|llamar|contactar|escribir)"
            r" (?:alguien|una persona"
            + r"|un agente|un asesor)\b",
            r"\b(?:alguien|una persona|un agente|un asesor)(?: [a-z]+){0,3} (?:me|nos) (?:puede|pueda|pueden|podria)"
            r" (?:atender|llamar)\b",
            r"\b(?:respuestas? automaticas?|asistente automatico|contestador) (?:no|ya no)\b"
            + followed_by(r".*\b(?:persona|alguien|humano)\b"),
            r"\bno (?:seguir|continuar|hablar) con (?:el|este|un) (?:asistente|bot|robot|chatbot)\b",
        ),
        negatable=True,
        examples=(
            "¿Me puede atender alguien, por favor?",
            "Prefiero no seguir con el asistente automático, quiero una persona",
        ),
        counter_examples=("¿A qué hora pueden atender en la tienda del centro?",),
    ),
    Rule(
        "customer_request:fr_someone_looks",
        confidence=0.85,
        patterns=(
            r"\b(?:un|une) (?:vrai |vraie )?(?:humain|personne|conseiller|conseillere|agent)"
            r" (?:peut|pourrait|pourriez|puisse)"
            + r" (?:regarder|voir|verifier|traiter|lire|examiner|s occuper)\b",
            r"\bquelqu un (?:de chez vous|de votre equipe|du service|d humain)(?: [a-z]+){0,3}"
            r" (?:regarde|voie|verifie|traite|lise"
            + r"|examine|s occupe|me rappelle|me contacte)\b",
            r"\b(?:pas|plutot qu|au lieu d) (?:une |un |des |de |du )?(?:reponses? automatiques?|robot|bot|assistant"
            r" automatique)\b"
            + followed_by(r".*\b(?:quelqu un|humain|personne|conseiller)\b"),
        ),
        negatable=True,
        examples=(
            "Est-ce qu'un humain peut regarder mon problème ?",
            "Il faudrait que quelqu'un de votre équipe vérifie ma commande",
        ),
        counter_examples=("Est-ce qu'un conseiller peut m'aider à choisir une taille ? Je regarde les vestes",),
    ),
    # --- asking for someone real in plain words, in English ------------------------------------------------------
    # "someone needs to look at my account", "is anyone actually reading these?", "connect me to your office",
    # "get the fitter to call me", "a phone number for one of your team", "go through this with someone".
    Rule(
        "customer_request:someone_to_act",
        confidence=0.8,
        patterns=(
            r"\b(?:someone|somebody)(?: real)? (?:needs|has|have|ought) to (?:look at|check|read|deal with|see"
            r"|review|sort out) (?:my|this|our) (?:account|booking|case|order|claim|file|request|messages?"
            r"|application|bill|invoice|situation|problem)\b",
            r"\b(?:someone|somebody|anyone|anybody) (?:who|that) (?:can|could|will) actually\b",
            r"\bis (?:anyone|anybody|someone|somebody) (?:actually |even |really )?(?:reading|listening to|looking at)"
            r" (?:these|this|my)\b",
            r"\b(?:connect|transfer) me (?:to|with) (?:your|the|a|an|someone|somebody)(?: [a-z]+)? "
            + alt(
                "office",
                "team",
                "department",
                "staff",
                "manager",
                "branch",
                "supervisor",
                "colleague",
                "someone",
                "somebody",
                "member of staff",
            ) + r"\b",
            r"\b(?:get|ask|have|tell) (?:the|your|my|our)(?: [a-z]+){1,3} (?:to )?(?:call|ring|phone|contact|email"
            r"|get in touch with) me\b",
            r"\b(?:can|could|would) (?:the|your) [a-z]+ (?:give me a (?:call|ring)|call me|ring me|phone me)\b",
            r"\b(?:phone|telephone|contact) number (?:for|of) (?:one of your|a real|someone|somebody|your team"
            r"|a member)\b",
            r"\b(?:could|can|would) (?:an? )?(?:actual|real) (?:member of (?:staff|the team)|[a-z]+)"
            r" (?:reply|answer|respond|look|read|call)\b",
            r"\b(?:go|talk) (?:through|over) (?:this|it|my [a-z]+) with (?:someone|somebody|one of your|a member)\b",
            r"\b(?:go|talk) (?:this|it) (?:through|over) with (?:someone|somebody|one of your|a member)\b",
            r"\b(?:talk|speak) to (?:them|him|her) directly\b",
        ),
        negatable=True,
        examples=(
            "stop sending me links. Somebody needs to look at my booking.",
            "is anyone actually reading these messages? I've written three times",
            "These answers don't help. Can you connect me to your office in Leeds?",
            "please get the plumber to call me before he comes round",
            "I'd like to talk this through with someone on the phone",
        ),
        counter_examples=(
            "I don't need anyone to call me, just send the invoice",
            "can someone look at the sizing chart, it says 32 twice",
            "how do I connect my phone to the speaker?",
        ),
    ),
)

CUSTOMER_REQUEST = Label(
    "customer_request",
    rules=_RULES,
)
