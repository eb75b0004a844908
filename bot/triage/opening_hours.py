"""Opening hours, not a person asked for: "is anyone there at weekends?", "¿hay alguien en la tienda el sábado?".

"Is anyone there?" asked of the chat is a request for a person; the same words followed, in the same
clause, by a time of the week or day ("on Saturdays", "after 6pm", "le dimanche matin", "am Wochenende",
"aos domingos") ask whether the shop, desk or clinic is staffed then: when the company is open, a
question for the bot. The rules that read "is anyone there" (customer_request: `exists`, `anyone_there`,
`hay`, `ya`, `gibt_es`, `tem`) declare `yields_to_opening_hours` (rule.py); guards.py skips such a match
when `asks_when_staffed` holds.

Since the tri14 review: only thanks (and a name) may follow the question, and one greeting precede it
("hello? hello?" and "please help" ask for a person); a bare singular "at night", "la nuit", "por la
noche", "à noite" or "at this hour" means now (night counts only as a recurring time, "on Saturday nights");
a robot, a real person or bare "help" asked for, never, money wanted back, or a self-harm hint keeps the rule.

Kept narrow on purpose (earlier guards that decided "nothing is wrong" from lists of words lost real
handoffs): the question must be the whole message (beside greetings and thanks: "is anyone there on
Saturdays? The sofa came broken" tells why they ask; a comma counts as a clause, so "..., um die Räder
abzuholen" stays with the rule); only a time of the week or the day counts, never "today", "now" or
"right now" (someone there at this moment is the person asked for); the time must come within a few
words of the match, in its clause; and a message that asks to talk, chat or be called in that clause,
or says something has gone on for long or gone wrong (`GRIEVANCE_CONTEXT`, "still", "for two weeks",
"terrible", and trouble words in the seven languages), is not an opening-hours question.
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

_WORDS_BEFORE_THE_TIME = 6  # "is anyone there [at the desk in the shop] on saturdays"

# A recurring or future time of the week or the day, normalised (lower case, accents and apostrophes gone).
WHEN = re.compile(
    r"\b" + alt(
        # English
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?",
        "weekends?",
        "weekdays?",
        "(?:bank|public) holidays?",
        "holidays",
        "christmas(?: eve| day)?",
        "boxing day",
        "easter",
        "new year",
        r"(?<!good )(?:mornings?|afternoons?|evenings?)",
        # night only recurring ("on saturday nights", "every night"): a bare "at night" in a live chat is now
        "nights",
        "weeknights?",
        "(?:every|each) night",
        "overnight",
        "lunchtimes?",
        "out of hours",
        "after hours",
        r"(?:after|before|until|till|from|past) (?:[0-9]+|noon|midday|midnight|opening|closing)",
        r"[0-9]+ ?(?:am|pm)",
        # Spanish
        "lunes",
        "martes",
        "miercoles",
        "jueves",
        "viernes",
        "sabados?",
        "domingos?",
        "fines? de semana",
        "festivos?",
        "por la (?:manana|tarde)",  # not "por la noche": now, in a live chat
        "por las (?:mananas|tardes|noches)",
        "(?:a partir de|antes de|despues de|desde) las",
        "navidad",
        "semana santa",
        # French
        "lundis?",
        "mardis?",
        "mercredis?",
        "jeudis?",
        "vendredis?",
        "samedis?",
        "dimanches?",
        "week ends?",
        "jours? feries?",
        "matins?",
        "apres midis?",
        "soirs?",
        "soirees?",
        "nuits",  # not "la nuit": now, in a live chat
        r"(?:a partir de|avant|apres|jusqu a|des) [0-9]+ ?h",
        "noel",
        "paques",
        # German
        r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s?",
        "wochenenden?",
        "feiertag(?:en|s)?",
        "morgens",
        "vormittags?",
        "nachmittags?",
        "abends",
        "nachts",
        r"(?:ab|nach|vor|bis) [0-9]+ uhr",
        "weihnachten",
        "ostern",
        # Portuguese
        r"(?:segunda|terca|quarta|quinta|sexta)s?(?: feiras?)?",
        "fi[mn]s? de semana",
        "feriados?",
        "de manha",
        "a tarde",  # not "a noite": now, in a live chat
        "(?:de|as|pelas|nas) (?:manhas|tardes|noites)",
        "(?:a partir das|antes das|depois das|desde as)",
        "natal",
        "pascoa",
        # Italian
        "lunedi",
        "martedi",
        "mercoledi",
        "giovedi",
        "venerdi",
        "sabato",
        "domenica",
        "fine settimana",
        "festivi",
        "(?:la|di|alla) (?:mattina|sera)",  # not "la notte": now, in a live chat
        "(?:il |di )?pomeriggio",
        "(?:dopo le|prima delle|dalle)",
        "natale",
        "pasqua",
        # Dutch
        r"(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*",
        "feestdagen",
        r"(?:s )?(?:ochtends|middags|avonds|nachts)",
        r"(?:na|voor|vanaf|tot) [0-9]+ uur",
        "kerst",
        "pasen",
    ) + r"\b"
)

# Asking, in the same clause, to talk with or hear from someone: a person asked for at that time.
_CONVERSATION = re.compile(
    r"\b" + alt(
        "talk",
        "speak",
        "chat",
        "call me",
        "ring me",
        "get back to me",
        "contact me",
        "reply",
        "respond",
        "answer me",
        "hablar",
        "llamarme",
        "atenderme",
        "parler",
        "m appeler",
        "me rappeler",
        "sprechen",
        "reden",
        "mich anrufen",
        "falar",
        "ligar me",
        "me ligar",
        "parlare",
        "chiamarmi",
        "praten",
        "spreken",
        "bellen",
        # a person rather than a machine: "or is this just a robot", "a real person"
        "robots?",
        "bots?",
        "humans?",
        "real (?:person|people)",
        "machine",
        "humanos?",
        "persona (?:real|de verdad)",
        "maquina",
        "humains?",
        "vraie personne",
        "roboter",
        "mensch",
        "echte person",
        "maschine",
        "robo",
        "pessoa (?:real|de verdade)",
        "umano",
        "persona (?:vera|reale)",
        "macchina",
        "mens",
        "echte? persoon",
        # bare help, a plea ("please help", "help?"), not "help with fittings"
        "(?:please|por favor|s il vous plait|bitte|per favore|alstublieft) (?:help|ayuda|aide|hilfe|ajuda|aiuto|hulp)",
        r"(?:help|ayuda|aide|hilfe|ajuda|aiuto|hulp)(?: me| us)?(?: please| asap| now)?$",
    ) + r"\b"
)


# Someone there now, not at a time of the week: "is anyone there today / tonight / this evening?".
_NOW = re.compile(
    r"\b" + alt(
        "today",
        "tonight",
        "now",
        "this (?:morning|afternoon|evening|weekend)",
        "this time of (?:the )?(?:night|day)",
        "(?:at )?this hour",
        "middle of the night",
        "hoy",
        "ahora",
        "esta (?:manana|tarde|noche)",
        "este fin de semana",
        "a estas horas",
        "a esta hora",
        "aujourd hui",
        "maintenant",
        "ce (?:matin|soir|week end)",
        "cet apres midi",
        "cette nuit",
        "a cette heure(?: ci)?",
        "heute",
        "jetzt",
        "gerade",
        "um diese zeit",
        "hoje",
        "agora",
        "este fim de semana",
        "oggi",
        "ora",
        "adesso",
        "stasera",
        "stamattina",
        "stanotte",
        "a quest ora",
        "questo fine settimana",
        "vandaag",
        "nu",
        "vanavond",
        "vanochtend",
        "vanmiddag",
        "dit weekend",
        "op dit uur",
    ) + r"\b"
)

# Something waited for, gone wrong or urgent, anywhere in the message, in the seven languages ("no reply
# since Tuesday", "been waiting ages", "mi cobro", "mon compte"): then the time asks when someone can take
# it, and the rule stands.
_TROUBLE = re.compile(
    r"\b" + alt(
        r"wait\w*",
        "ages",
        "no (?:reply|answer|response|one|news)",
        "nobody",
        "not (?:been )?(?:answered|replied|responded)",
        "(?:need|needs|needed) (?:help|someone|somebody|a person)",
        "help me",
        r"urgent\w*",
        "asap",
        "emergency",
        "problems?",
        "issues?",
        "wrong",
        "broken",
        "complaint",
        # self-harm hints ("when i can't cope anymore"): the self_harm rules may not read them, main's
        # customer_request rule did
        "can ?not (?:cope|go on|take (?:it|this|any more|anymore)|do this any ?more)",
        "do not see the point",
        "end it all",
        "ending it all",
        "no puedo mas",
        "no aguanto mas",
        "quiero desaparecer",
        "je n en peux plus",
        "j en peux plus",
        "en finir",
        "ich kann nicht mehr",
        "nicht mehr leben",
        "nao aguento mais",
        "nao posso mais",
        "non ce la faccio piu",
        "ik kan niet meer",
        "eind aan (?:maken|mijn leven)",
        "my (?:order|account|case|claim|complaint|refund|card|money|parcel|payment|charge|delivery|ticket)",
        # es
        r"esper\w*",
        "urgente",
        "problema",
        "nadie",
        "ayuda",
        "(?:mi|mis) (?:pedido|cuenta|caso|reclamacion|reembolso|tarjeta|dinero|paquete|pago|cobro|queja)",
        # fr
        r"attend\w*",
        "personne ne",
        "aide",
        "(?:ma|mon|mes) (?:commande|compte|dossier|remboursement|carte|argent|colis|paiement|plainte|reclamation)",
        # de
        r"wart\w*",
        "dringend",
        "niemand",
        "hilfe",
        "(?:mein|meine|meinen) (?:bestellung|konto|fall|erstattung|karte|geld|paket|zahlung|beschwerde)",
        # pt
        "urgencia",
        "ninguem",
        "ajuda",
        "(?:meu|minha|o meu|a minha) (?:pedido|encomenda|conta|caso|reembolso|cartao|dinheiro|pacote|pagamento|queixa)",
        # it
        r"aspett\w*",
        "nessuno",
        "aiuto",
        "(?:il mio|la mia|mio|mia) (?:ordine|conto|caso|rimborso|carta|soldi|pacco|pagamento|reclamo)",
        # nl
        "wacht",
        r"wachten\w*",
        "niemand",
        "hulp",
        "dringend",
        "(?:mijn) (?:bestelling|rekening|account|zaak|terugbetaling|kaart|geld|pakket|betaling|klacht)",
    ) + r"\b"
)


# In the question: the company as the one who acted ("the heater you sold me", "vuestro técnico", "que vous
# m'avez livré"), something done before ("made", "last night") or damaged, or a why: a problem to be taken
# up at that time, not a visit planned.
_SOMETHING_HAPPENED = re.compile(
    r"\b" + alt(
        "you",
        "your",
        "yours",
        r"\w+ed",
        "made",
        "sold",
        "left",
        "broke",
        "sent",
        "gave",
        "took",
        "did",
        "last (?:night|week|time|month)",
        "yesterday",
        "has",
        "had",
        "kept",
        "faulty",
        "mess",
        r"leak\w*",
        "why",
        "never",
        "money back",
        "back the money",
        "refund me",
        # es
        "nunca",
        # money given back, not a thing returned ("para devolver una caja" plans a visit)
        "devolver(?:me|nos)",
        r"devolv\w* (?:\w+ ){0,2}(?:dinero|dinheiro)",
        r"reembolsar\w*",
        "vuestr[oa]s?",
        "ustedes",
        "os",
        "su tecnico",
        r"averiad\w*",
        r"rot[oa]s?",
        r"danad\w*",
        "desastre",
        "ayer",
        "por que",
        # fr
        "vous",
        "votre",
        "vos",
        r"abime\w*",
        r"casse\w*",
        r"defectueu\w*",
        "hier",
        "pourquoi",
        "jamais",
        r"rembourser\w*",
        # de
        "ihr",
        "euer",
        "eure",
        "ihnen",
        "ihre",
        "ihrem",
        "ihren",
        r"kaputt\w*",
        r"defekt\w*",
        "gestern",
        "warum",
        "nie",
        # money given back, not a parcel returned ("ein Paket zurückgeben")
        r"zuruck(?:zahl|erstatt|buch|uberweis)\w*",
        r"(?:geld|betrag|anzahlung|kaution) (?:\w+ ){0,2}zuruck\w*",
        # pt
        "voce",
        "voces",
        r"voss[oa]s?",
        r"avariad\w*",
        r"partid[oa]s?",
        r"estragad\w*",
        "ontem",
        # (nunca, devolver and reembolsar are listed under es)
        "porque",
        "por que",
        # it
        r"vostr[oaie]",
        "voi",
        r"guast\w*",
        r"rott[oaie]",
        r"danneggiat\w*",
        "ieri",
        "perche",
        "mai",
        r"rimborsar\w*",
        # nl
        "jullie",
        "uw",
        r"kapot\w*",
        r"beschadigd\w*",
        "gisteren",
        "waarom",
        "nooit",
        r"terugbetal\w*",
    ) + r"\b"
)

# Words that are no name: a ping or a plea for a person ("hello? hello?", "please help", "por favor").
_NO_NAME = (
    r"(?!(?:please|help|hello|hi|hey|hola|bonjour|ola|oi|hallo|ciao|hoi|anyone|anybody|someone|somebody|"
    r"por|favor|ayuda|aide|hilfe|ajuda|aiuto|hulp|bitte|urgent|now|asap|answer|reply|again)\b)[a-z]+"
)
_NAME = f"(?: {_NO_NAME})?(?: {_NO_NAME})? ?$"

# Thanks, and a name: what may follow the question in a clause of its own.
_THANKS = (
    "thanks?",
    "thank you",
    "many thanks",
    "cheers",
    "gracias",
    "merci",
    "danke",
    "obrigad[oa]",
    "grazie",
    "dank (?:je|u)(?: wel)?",
    "bedankt",
)
_AFTER = re.compile("^ ?" + alt(*_THANKS) + _NAME)

# A greeting once, or thanks, and a name: what may come before the question ("Buenas, ¿hay alguien...").
_BEFORE = re.compile(
    "^ ?" + alt(
        *_THANKS,
        "hi",
        "hello",
        "hey",
        "hiya",
        "good (?:morning|afternoon|evening|day)",
        "hola",
        "buenas",
        "buenas (?:tardes|noches)",
        "buenos dias",
        "bonjour",
        "bonsoir",
        "salut",
        "hallo",
        "guten (?:morgen|tag|abend)",
        "ola",
        "oi",
        "bom dia",
        "boa (?:tarde|noite)",
        "ciao",
        "buongiorno",
        "buonasera",
        "salve",
        "hoi",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
    ) + _NAME
)


def _only_pleasantries(before: list[str], after: list[str]) -> bool:
    """Before the question one greeting or thanks (a greeting said twice is a ping), after it only thanks."""
    before = [c for c in before if c.strip()]
    after = [c for c in after if c.strip()]
    return (len(before) <= 1 and all(_BEFORE.search(c) for c in before)
            and all(_AFTER.search(c) for c in after))


def asks_when_staffed(norm: str, m: re.Match[str], grievance: re.Pattern[str]) -> bool:
    """The match ("is anyone there") is followed in its clause, within a few words, by a time of the week or
    day, the clause asks for no conversation, the message holds nothing else but greetings and thanks, and
    it says nothing has gone wrong (`grievance`)."""
    start = norm.rfind(" . ", 0, m.start())
    end = norm.find(" . ", m.end())
    clause = norm[m.end():] if end < 0 else norm[m.end():end]
    before = [] if start < 0 else norm[:start].split(" . ")
    after = [] if end < 0 else norm[end + 3:].split(" . ")
    if not _only_pleasantries(before, after):
        return False  # anything else told beside the question ("the sofa came broken") may be why they ask
    near = " ".join(clause.split()[:_WORDS_BEFORE_THE_TIME + 3])
    when = WHEN.search(" " + near)
    if when is None or len(near[:max(0, when.start() - 1)].split()) > _WORDS_BEFORE_THE_TIME:
        return False
    if _CONVERSATION.search(clause.rstrip()) or _NOW.search(near) or _SOMETHING_HAPPENED.search(clause):
        return False
    return grievance.search(norm) is None and _TROUBLE.search(norm) is None
