"""A lawyer named as a relative's or friend's job beside an errand: "my son's a lawyer, does he get a discount?".

The legal rules fire on "a lawyer" / "abogado" / "avocat"; when that word only says what a relative or a friend
does for a living and the customer asks about a product or service, nothing legal is happening. Two earlier
guards that decided "nothing is wrong" from a list of words leaked real threats (docs/DECISIONS.md, tri8), and
a first version of this one, which accepted any "person + copula" and a list of question verbs, leaked "my
son's a lawyer, can you provide your company number?", "je suis avocat. vous avez 8 jours" and "my next call
is a lawyer" (tri15 review). So every part below is needed:
- a relative or friend noun and a copula just before the word ("my son's a", "mi marido es", "mijn zus is");
  never the customer themself ("I'm", "soy", "je suis", "ich bin", "sono", "ik ben", "sou": main's own
  English job-title guard is unchanged) and never "my next call is" / "my only option is";
- after it, a question whose own clause names an errand OBJECT (a discount, a gift card, a course, opening
  hours, delivery, a price...), not a verb: a question can be a threat ("can you provide your company
  number?", "is that right that you can keep my deposit?");
- nothing in the message is a legal step, a deadline, money wanted back, a cost or consequence, or a grievance
  (`LEGAL_STEP`, and the caller's grievance pattern).
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

_KIN = alt(
    # en
    "son", "daughter", "husband", "wife", "partner", "mum", "mom", "mother", "dad", "father", "brother", "sister",
    "brother in law", "sister in law", "son in law", "daughter in law", "uncle", "aunt", "auntie", "cousin",
    "nephew", "niece", "friend", "best friend", "boyfriend", "girlfriend", "fiance", "fiancee", "neighbour",
    "neighbor", "grandson", "granddaughter", "flatmate", "housemate",
    # es
    "hijo", "hija", "marido", "esposo", "esposa", "mujer", "pareja", "madre", "padre", "hermano", "hermana",
    "cunado", "cunada", "tio", "tia", "primo", "prima", "amigo", "amiga", "novio", "novia", "vecino", "vecina",
    # fr
    "fils", "fille", "mari", "femme", "epouse", "conjoint", "mere", "pere", "frere", "soeur", "beau frere",
    "belle soeur", "oncle", "tante", "cousin", "cousine", "ami", "amie", "copain", "copine", "voisin", "voisine",
    # de
    "sohn", "tochter", "mann", "ehemann", "frau", "ehefrau", "mutter", "vater", "bruder", "schwester", "schwager",
    "schwagerin", "onkel", "tante", "cousin", "cousine", "freund", "freundin", "nachbar", "nachbarin",
    # it
    "figlio", "figlia", "marito", "moglie", "madre", "padre", "fratello", "sorella", "cognato", "cognata", "zio",
    "zia", "cugino", "cugina", "amico", "amica", "fidanzato", "fidanzata", "vicino", "vicina",
    # nl
    "zoon", "dochter", "man", "vrouw", "moeder", "vader", "broer", "zus", "zwager", "schoonzus", "oom", "tante",
    "neef", "nicht", "vriend", "vriendin", "buurman", "buurvrouw",
    # pt
    "filho", "filha", "marido", "esposa", "mulher", "mae", "pai", "irmao", "irma", "cunhado", "cunhada", "tio",
    "tia", "primo", "prima", "amigo", "amiga", "namorado", "namorada", "vizinho", "vizinha",
)

# A relative or friend and a copula just before the job word (normalised text: "'s" is " s", accents gone).
JOB_HOLDER_BEFORE = re.compile(
    r"\b" + alt(
        rf"(?:my|our) {_KIN} (?:s|is)",
        rf"(?:mi|nuestro|nuestra) {_KIN} es",
        rf"(?:mon|ma|notre) {_KIN} est",
        rf"(?:mein|meine|unser|unsere) {_KIN} ist",
        rf"(?:mio|mia|nostro|nostra) {_KIN} (?:e|fa l|fa)",
        rf"(?:mijn|onze) {_KIN} is",
        rf"(?:a |o )?(?:minha|meu|nossa|nosso) {_KIN} (?:e|trabalha como)",
    ) + r" (?:(?:a|an|un|une|una|uno|een|ein|eine|um|uma) )?$"
)

# A question opener after the job (a clause start); what is asked about is checked by `ERRAND_OBJECT`.
QUESTION_OPENER = re.compile(
    r"^(?:(?:and|so|also|but|pero|mais|aber|ma|maar|mas|et|y|und|e|en) )?" + alt(
        r"(?:do|does|can|could|would|will|is|are|have) ", r"any ", r"what ", r"how much", r"where ",
        r"(?:haceis|hacen|teneis|tienen|vendeis|venden|ofreceis|ofrecen|hay|cuanto|donde)\b",
        r"(?:vous )?(?:faites|avez|proposez|vendez|acceptez)\b", r"combien", r"y a t il", r"est ce que",
        r"gibt es", r"(?:haben|bieten|machen|verkaufen) sie", r"wie viel", r"was kostet",
        r"(?:avete|fate|vendete|offrite)\b", r"quanto", r"c e",
        r"(?:hebben|doen|verkopen|bieden) jullie", r"is er", r"zijn er",
        r"(?:tem|tem|fazem|vendem|oferecem)\b", r"quanto",
    )
    + r"|\b" + alt(  # an errand asked on someone's behalf: "and asked whether you do", "en vroeg of jullie"
        r"(?:asked|asking|wants to know|wondered) (?:me )?(?:whether|if) you",
        r"vroeg of jullie", r"vraagt of jullie", r"perguntou se", r"pergunta se",
    )
)

# The customer's own errand: a product, service, price or fact of the shop, named in the question's clause.
ERRAND_OBJECT = re.compile(
    r"\b" + alt(
        # en
        r"discounts?", r"gift (?:cards?|vouchers?|hampers?|wrap\w*)", r"vouchers?", r"courses?", r"class(?:es)?",
        r"lessons?", "opening hours", r"deliver\w*", r"prices?", r"engraving", r"hampers?", r"catalogues?",
        r"parking", r"car park", r"sizes?", r"collection", r"menus?", r"memberships?", r"student rate",
        # es
        r"descuentos?", r"tarjetas? regalo", r"cheques? regalo", r"vales?", r"cursos?", r"clases?", r"horarios?",
        r"envios?", r"entregas?", r"precios?",
        # fr
        r"reductions?", r"remises?", r"bons? cadeaux?", r"cartes? cadeaux?", "cours", "horaires", r"livraisons?",
        "prix", r"promos?",
        # de
        r"rabatte?", r"gutscheine?", r"\w*kurse?", r"offnungszeiten", r"lieferung", "liefern", r"preise?",
        # it
        r"sconti?", r"buoni? regalo", r"corsi", r"corso", r"lezion[ei]", "orari", r"consegn\w*", r"prezz[oi]",
        r"collezione",
        # nl
        "korting", r"cadeaubonn?e?n?", r"cursus(?:sen)?", "lessen", "openingstijden", "bezorgen",
        "levering", "prijs", "prijzen",
        # pt
        r"descontos?", r"vales? (?:de )?oferta", r"cartao (?:presente|oferta)", r"aulas?", r"precos?",
    ) + r"\b"
)

# A legal step, a claim, a deadline, money wanted back or a cost to the company: the lawyer may be acting.
LEGAL_STEP = re.compile(
    r"\b" + alt(
        # en
        r"letters?", r"notices?", "proceedings", "writing to", "write to", "written to", "hearing from", "in touch",
        "copied", r"instruct\w*", r"formal\w*", r"claim\w*", "court", r"sue\w*", "suing", "case", "action",
        r"complain\w*", "compensation", r"refund\w*", "money back", "pay back", "paid back", r"deposits?",
        r"liab\w*", r"negligen\w*", "breach", "against you", "deadline", r"threat\w*", "damages?", "dispute",
        r"injur\w*", "papers", r"judge\w*", "involved", r"represent\w*", r"insur\w*", "company number",
        "registered", "cost you", "costs you", r"consequences?", "law", r"rights?", "act", "allowed", "legal",
        r"responsib\w*", "by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)",
        r"[0-9]+ ?(?:h|hrs?|hours?|days?)", r"(?:24|48|72) ?h\w*", "ultimatum", "or else", "or not",
        # es
        "demanda", "demandar", "juicio", "carta", "reclamacion", "denuncia", "contra", "queja", "proceso",
        "indemnizacion", "reembolso", "burofax", "papeles", r"devolv\w*", r"devuelv\w*", "fianza", "seguro",
        "ley", r"consecuencias?", "lio", r"responsab\w*", r"[0-9]+ ?(?:dias|horas)", r"hasta el \w+",
        # fr
        "plainte", "lettre", "proces", "procedure", "contre", "reclamation", "mise en demeure", "justice",
        "courrier", "remboursement", r"rembours\w*", "litige", "caution", r"assur\w*", "loi", "droit",
        r"consequences?", r"risque\w*", r"[0-9]+ ?(?:jours|heures)", "avant (?:lundi|mardi|mercredi|jeudi|vendredi)",
        # de
        "klage", "brief", "schreiben", "verfahren", "gegen", "beschwerde", "schadenersatz", "frist", "erstattung",
        r"zuruck\w*", "kaution", r"versicher\w*", "gesetz", r"konsequenz\w*", r"bedeutet",
        r"[0-9]+ ?(?:tage|tagen|stunden)",
        r"bis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen)",
        # it
        "causa", "lettera", "diffida", "reclamo", "risarcimento", "rimborso", r"restitu\w*", "legge",
        r"conseguenz\w*", r"assicura\w*", r"[0-9]+ ?(?:giorni|ore)", r"entro \w+", r"fino a \w+",
        # nl
        "rechtszaak", "klacht", "sommatie", "tegen", "schadevergoeding", "terugbetaling", r"terug ?te? ?storten",
        r"terugstort\w*", "terugbetalen", "borg", r"verzeker\w*", "wet", "gevolgen", r"kosten", r"tot \w+dag",
        r"[0-9]+ ?(?:dagen|uur)",
        # pt
        "processo", "queixa", "reclamacao", "citacao", "indemnizacao", "indenizacao", r"devolv\w*", "caucao",
        r"ate (?:sexta|segunda|amanha|\w+ feira)", r"[0-9]+ ?(?:dias|horas)",
    ) + r"\b"
)


# The job words of the legal rules (a match of another kind, "tribunal", "sue", is never a job).
JOB_WORD = re.compile(r"\b(?:lawyer|attorney|solicitor|abogad|avocat|anwalt|rechtsanwalt|avvocat|advocaat|advogad)")


def _errand_question(after: str) -> bool:
    """A clause after the job word opens as a question and itself names an errand object."""
    for clause in after.split(" . "):
        clause = clause.strip()
        opener = QUESTION_OPENER.search(clause)
        if opener is not None and ERRAND_OBJECT.search(clause, opener.start()) is not None:
            return True
    return False


def relative_job_question(norm: str, start: int, end: int, grievance: re.Pattern[str]) -> bool:
    """The job word at `start:end` names a relative's job, and the message is an ordinary errand about it."""
    if JOB_WORD.search(norm, start, end) is None:
        return False
    before = norm[:start].rstrip() + " "
    if JOB_HOLDER_BEFORE.search(before) is None:
        return False
    if not _errand_question(norm[end:]):
        return False
    return LEGAL_STEP.search(norm) is None and grievance.search(norm) is None
