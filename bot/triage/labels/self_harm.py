"""Self-harm: a person at risk outranks everything else in the message, so it is checked first.

Besides the words for it, the warning signs that clinical screening asks about (wishing not to wake
up, not wanting to be here any more, feeling others are better off without you, saving up pills,
writing goodbye letters, cutting again), which people type into any chat box without the word
"suicide". One rule per language and kind, so the card says which sign was read. Taking all the
pills reads as a sign only with an intent said ("going to", "voy a"), since "can I take them all at
once?" is a dosage question; a goodbye letter to colleagues or customers and "farla finita con
l'abbonamento" are ordinary too (tests/bot/triage/test_self_harm_signs.py).
"""
from __future__ import annotations

from bot.triage.regex import alt
from bot.triage.rule import Label, Rule

_PILLS = "(?:pills|tablets|meds|medication)"
_WHOSE = "(?:my|the|his|her)"
_DEVICE_VERBS = ("seems", "seem", "tends", "tend", "appears", "fails", "refuses", "starts")
# A goodbye letter to colleagues, a team or customers is a leaving card, not a warning sign.
_WORK = "(?:colleague|co ?worker|team|customer|client|staff|student|class|boss|manager)"

_RULES = (
    Rule(
        "self_harm:en",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "kill(?:ing)? myself",
                "end(?:ed|ing|s)? (?:my (?:own )?life|it all)",
                "take my (?:own )?life",
                r"suicid\w*",
                "(?:want|wanna) to die",
                "wish i (?:was|were) dead",
                "better off dead",
                "(?:hurt|harm|cut)(?:ing)? myself",
                "self harm",
                "no reason to (?:live|go on)",
                "(?:do|does) not want to (?:live|be alive|exist) anymore",
                "can not go on (?:living|anymore)",
                r"overdos\w*",
            ) + r"\b",
        ),
        examples=(
            "I don't want to be alive anymore",
            "I feel like killing myself today",
            "some nights I think I should have ended it all last year",
        ),
        counter_examples=(
            "I do not want to speak to anyone, what is the return window?",
        ),
    ),
    Rule(
        "self_harm:en_warning_signs",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                # a device "seems to never wake up" is a fault, not a wish
                "(?:go to sleep|fall asleep|and|" + "".join(f"(?<!{v} )" for v in _DEVICE_VERBS) + "to)"
                " (?:just )?(?:not|never) wake up",
                "never wake up again",
                "hope i (?:do not|never) wake up",
                "(?:do not|no longer) want to be (?:here|around|alive) (?:anymore|any more|any longer)",
                # "no point in living abroad on this plan" is about a phone contract, not a life
                "point (?:in|of) (?:me )?(?:living(?! (?:abroad|overseas|near|nearby|downtown|together)\\b)"
                "|being alive|(?:going|carrying) on(?! with))",
                "point in me being (?:here|around)",
                "nothing (?:left )?to live for",
                "better off without me",
                "better off if i (?:was|were) (?:gone|dead|not here|not around)",
                "(?:will not|not going to) be (?:around|alive) (?:much|for much|for very much) longer",
                "(?:writing|wrote|written|write|left) (?:my |some |a )?goodbye (?:letters?|notes?)"
                f"(?! (?:for|to) (?:my |our |the |all )?{_WORK})",
                f"goodbye (?:letters?|notes?) to my(?! {_WORK})",
                f"(?:saving|saved|stockpiling|hoarding) (?:up )?(?:{_WHOSE} )?{_PILLS}",
                f"(?:putting|setting|put|set) (?:{_WHOSE} )?{_PILLS} (?:aside|away)",
                f"(?:going to|gonna|want to|will) take (?:them|the {_PILLS}|all (?:of )?{_WHOSE} {_PILLS})"
                " (?:all )?at once",  # not "can I take them all at once?"
                f"(?:thinking|thought) (?:about|of) taking (?:them|all (?:of )?{_WHOSE} {_PILLS})",
                "i (?:have )?(?:started )?cutting (?:myself )?again",
            ) + r"\b",
        ),
        examples=(
            "honestly some days I wish I could go to sleep and not wake up",
            "I don't want to be here anymore, I just wanted someone to know",
            "my family would be better off without me",
            "I've been saving up my pills for a while now",
            "I wrote goodbye letters last night",
            "I won't be around much longer so please send the order to my sister",
            "I've started cutting again and I don't know who to tell",
        ),
        counter_examples=(
            "my laptop does not wake up from sleep after the update",
            "I won't be here anymore after June, I'm moving to Leeds, please close the account",
            "what's the point of the premium plan if the basic one has the same features?",
            "can I take the tablets at the same time as my other medication?",
            "can you print a farewell note for my colleague inside the card?",
            "the mower started cutting again after I cleaned the blade",
            "is there any point in living overseas on the unlimited bundle, or should I switch to roaming?",
        ),
    ),
    Rule(
        "self_harm:es",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                r"suicid\w*",
                "quitarme la vida",
                "matarme",
                "me quiero morir",
                "quiero morirme",
                "no quiero (?:seguir )?vivir",
                "no quiero seguir viviendo",
                "hacerme dano",
                "acabar con (?:mi vida|todo de una vez)",
                "(?:ya )?no quiero estar aqui",
                "no despertar(?:me)? (?:nunca )?mas",
                "(?:quiero|quisiera|querria) dejar de existir",
                "(?:estarian|estaria|estan) mejor sin mi",
                "(?:escrito|escribi|escribir|escribiendo) (?:unas |una |mis )?cartas? de despedida",
                "(?:me he vuelto a cortar|volvi a cortarme|vuelvo a cortarme)",
                "cortarme (?:otra vez|de nuevo|los brazos|las munecas)",
                "(?:voy a|quiero|pienso|pensando en) tomarme todas (?:las|mis) (?:pastillas|pildoras)",
            ) + r"\b",
        ),
        examples=(
            "ya no quiero vivir",
            "a veces pienso que mi familia estaría mejor sin mí",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
            "¿Puedo cortar el pedido en dos envíos?",
            "¿Tenéis cita para cortarme el pelo el sábado?",
        ),
    ),
    Rule(
        "self_harm:fr",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "me suicider",
                r"suicid\w*",
                "me tuer",
                "en finir avec (?:la|ma) vie",
                "en finir une bonne fois(?: pour toutes)?(?! (?:pour toutes )?avec)",
                # "j'ai envie d'en finir", "je veux en finir": wanting to end it, with nothing to end named
                # (not "je veux en finir avec ce dossier"); a tester's message the rule let through.
                r"(?:envie d|veux|vais|voudrais) en finir"
                r"(?! (?:une bonne fois )?(?:pour toutes )?avec (?!(?:la |ma )?vie\b|tout\b))",
                "mettre fin a (?:mes jours|ma vie)",
                "envie de mourir",
                "veux mourir",
                "me faire du mal",
                "(?:plus|pas) envie de vivre",
                "ne (?:veux|veut) plus vivre",
                "ne plus me reveiller",
                "(?:seraient|serait|sont) mieux sans moi",
                "(?:ecrit|ecrire|ecris) (?:des |une |mes )?lettres? d adieu",
                "me scarifier",
                "(?:vais|veux|envie d|pense a) avaler toutes (?:mes|les) (?:pilules|comprimes|medicaments)",
            ) + r"\b",
        ),
        examples=(
            "je n'en peux plus, j'ai envie de mourir",
            "je n'en peux plus, j'ai envie d'en finir",
            "je veux en finir",
            "parfois j'aimerais m'endormir et ne plus me réveiller",
        ),
        counter_examples=(
            "Je ne veux pas parler à un conseiller, merci",
            "Je veux en finir avec ce dossier, où envoyer le formulaire ?",
        ),
    ),
    Rule(
        "self_harm:de",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "mich umbringen",
                "selbstmord",
                r"suizid\w*",
                "nicht mehr leben",
                "sterben will",
                "mir (?:etwas|was) antun",
                "mich verletzen",
                "(?:mir )?das leben (?:zu )?nehmen",
                "(?:einschlafen|einzuschlafen) und (?:nicht|nie) mehr aufwachen",
                "(?:will|mochte|moechte) (?:einfach )?(?:nicht|nie) mehr aufwachen",
                "(?:will|mochte|moechte) (?:einfach )?nicht mehr (?:da|hier) sein",
                "besser ohne mich",
                r"abschiedsbrie\w*(?! (?:fur|an) (?:meine |meinen |unsere |unseren |die |den )?"
                r"(?:kolleg|team|kunden|chef|mitarbeiter))",
                "(?:mich|ich) ritze(?:n)?",
                "(?:will|werde|mochte|moechte|daran) alle (?:meine |die )?tabletten"
                " (?:auf einmal )?(?:zu )?(?:nehmen|schlucken)",  # not "muss ich alle Tabletten nehmen?"
                "keinen sinn mehr (?:zu leben|im leben)",
                "allem ein ende (?:zu )?(?:machen|setzen)",
            ) + r"\b",
        ),
        examples=(
            "ich will nicht mehr leben",
            "manchmal denke ich, alle wären besser ohne mich",
        ),
        counter_examples=(
            "Kann ich meinem Kollegen Zugriff geben?",
            "Das Gerät soll nachts nicht mehr aufwachen, wie stelle ich das ein?",
        ),
    ),
    Rule(
        "self_harm:pt",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "me matar",
                r"suicid\w*",
                "tirar (?:a )?minha (?:propria )?vida",
                "quero morrer",
                "nao quero mais viver",
                "nao aguento mais viver",
                "me machucar",
                "acabar com (?:a minha vida|tudo de vez)",
                "nao quero mais (?:estar aqui|existir)",
                "nao acordar mais",
                "(?:estariam|estaria|ficariam|ficaria) melhor sem mim",
                "(?:escrevi|escrever|escrevendo) (?:umas |uma |as )?cartas? de despedida",
                "(?:voltei|volto|comecei) a me cortar",
                "me cortar (?:de novo|outra vez)",
                "(?:vou|quero|penso em|pensando em) tomar todos os (?:comprimidos|remedios)",
            ) + r"\b",
        ),
        examples=(
            "às vezes penso em me matar",
            "acho que todos ficariam melhor sem mim",
            "não aguento mais viver",
        ),
        counter_examples=(
            "I bought gems and the charge shows as pending, will they arrive when it clears?",
            "Posso cortar a encomenda em duas entregas?",
        ),
    ),
    Rule(
        "self_harm:it",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                r"suicid\w*",
                "uccidermi",
                "togliermi la vita",
                r"farla finita(?! con (?!(?:la (?:mia )?vita|tutto)\b))",  # not "farla finita con l'abbonamento"
                "voglio morire",
                "non voglio (?:piu )?vivere",
                "non ci (?:fossi|sarei) piu",
                "non esserci piu",
                "meglio senza di me",
                "(?:scritto|scrivere|scrivo) (?:delle |una |le )?lettere? d(?:i )?addio",
                "(?:ricominciato|ripreso) a tagliarmi",
                "tagliarmi (?:di nuovo|le braccia|i polsi)",
                "farmi del male",
                "non svegliarmi piu",
                "(?:voglio|vorrei|penso di|pensando di|sto per) prendere tutte le (?:pillole|pastiglie|compresse)",
            ) + r"\b",
        ),
        examples=(
            "a volte penso che sarebbe meglio farla finita",
            "starebbero tutti meglio senza di me",
        ),
        counter_examples=(
            "Non voglio parlare con un operatore, mi dite solo il prezzo?",
            "Posso tagliare l'ordine in due spedizioni?",
            "Vorrei prenotare per tagliarmi i capelli sabato",
        ),
    ),
    Rule(
        "self_harm:nl",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "zelfmoord",
                r"suicid\w*",
                "mezelf (?:van kant maken|doden|iets aandoen|pijn doen|snijden)",
                "(?:er )?een (?:eind|einde) aan (?:mijn leven )?maken",
                "wil dood",
                "niet meer wakker worden",
                "wil (?:ik )?(?:gewoon |echt )?niet meer (?:leven|bestaan|hier zijn)",
                "beter af zonder mij",
                r"afscheidsbrie\w*(?! (?:voor|aan) (?:mijn |onze |de )?(?:collega|team|klant|baas|medewerker))",
            ) + r"\b",
        ),
        examples=(
            "soms wil ik gewoon niet meer leven",
            "iedereen is beter af zonder mij",
        ),
        counter_examples=(
            "Ik wil niet met een medewerker praten, wat kost het?",
            "Kan ik een einde maken aan mijn abonnement per direct?",
        ),
    ),
)

SELF_HARM = Label(
    "self_harm",
    rules=_RULES,
)
