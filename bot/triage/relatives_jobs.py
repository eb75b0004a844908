"""A lawyer named as someone's job beside an ordinary question: "my son's a lawyer, does he get a discount?".

The legal rules fire on "a lawyer" / "abogado" / "avocat"; when that word only says what a relative, a friend
or the customer does for a living, nothing legal is happening. Two earlier guards that decided "nothing is
wrong" from a list of words leaked real threats ("my son's a lawyer and he's drafting a letter before
action", docs/DECISIONS.md, tri8). This one recognises the whole harmless shape instead, all three needed:
- the word follows a person and a copula ("my brother-in-law's a", "mi marido es", "je suis", "mijn zus is");
- the customer then asks a question (a clause opening with a question word: "does he get", "is that right",
  "do you do", "¿dónde", "avez-vous", "gibt es");
- nothing in the message is a legal step, a grievance or money wanted back (`LEGAL_STEP`, and the caller's
  grievance pattern): a threat told as a statement, or a question about a claim, still goes to a person.
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

# A person and a copula just before the job word (normalised text: "'s" is " s", accents are gone).
JOB_HOLDER_BEFORE = re.compile(
    alt(
        r"\b(?:my|our) (?:\w+ ){1,3}(?:s|is|was)",  # my son s / my brother in law is
        r"\b(?:mi|nuestro|nuestra) \w+(?: \w+)? es",
        r"\bsoy",
        r"\b(?:mon|ma|notre) \w+(?: \w+)? est",
        r"\bje suis",
        r"\b(?:mein|meine|unser|unsere) \w+ ist(?: \w+)?",
        r"\bich bin(?: \w+)?",
        r"\b(?:mio|mia|nostro|nostra) \w+ (?:e|fa l|fa)",
        r"\bsono",
        r"\bfaccio l",
        r"\b(?:mijn|onze) \w+ is",
        r"\bik ben",
        r"\b(?:a |o )?(?:minha|meu|nossa|nosso) \w+ (?:e|trabalha como)",
        r"\bsou",
    ) + r" (?:(?:a|an|un|une|una|uno|een|ein|eine|um|uma) )?(?:\w+ )?$"
)

# A clause that asks for a product, a service, a price or a fact, after the job: the customer's own errand.
# Only such questions: a question can be a threat too ("is this how you want to play it?", "where do we serve
# the papers?", a reviewer's, test_review_tri9_findings.py), so "a question" alone is not enough.
_SELL = alt("do", "sell", "have", "offer", "make", "provide", "stock", "run", "open", "deliver", "accept", "cover",
            "sort", "fix", "take", "hire", "rent", "cater", "allow", "give", "need", "value", "engrave", "repair")
QUESTION_AFTER = re.compile(
    r" \. (?:(?:anyway|so|well|also|oh|ok|okay|but|pero|mais|aber|ma|maar|mas) (?:\. )?)?" + alt(
        # en
        rf"(?:do|can|could|would|will) you (?:also |still |ever )?{_SELL}",
        r"do (?:your|the) \w+ (?:come|have|include|need)",
        r"(?:does|do|can|could|would|will) (?:he|she|they|we|i) (?:get|need|qualify|have to|book|buy|come|bring|use"
        r"|join|have)",
        r"(?:is|was) (?:that|this|it|he|she) (?:right|true|correct|so|allowed|needed)",
        r"is there", r"are there", r"any (?:\w+ )?(?:more|tips|discount|discounts|chance|deals?|left|room|space"
        r"|availability)",
        r"where (?:can|do|would|should) (?:i|we|he|she) (?:read|find|see|get|buy|look)",
        r"what (?:s|is|are|would be) (?:the|your) (?:\w+ )?(?:fee|fees|price|prices|cost|costs|rate|rates|hours)",
        r"how much", r"have you got", r"got any",
        # es
        r"(?:haceis|hacen|teneis|tienen|vendeis|venden|ofreceis|ofrecen)", r"donde (?:las|los|lo|la)? ?(?:encuentro"
        r"|puedo (?:leer|ver|encontrar))", r"cuanto cuesta", r"hay (?:descuentos?|plazas|sitio)",
        # fr
        r"(?:vous )?(?:faites|avez|proposez|vendez|conseillez|acceptez)(?: vous)?", r"combien", r"y a t il",
        # de
        r"gibt es", r"(?:haben|bieten|machen|verkaufen) sie", r"wie viel", r"was kostet",
        # it
        r"(?:avete|fate|vendete|offrite)", r"quanto costa",
        # nl
        r"(?:hebben|doen|verkopen|bieden) jullie", r"is er", r"zijn er",
        # pt
        r"(?:tem|tem|fazem|vendem|oferecem)", r"quanto custa",
    ) + r"\b"
    # an errand asked on someone's behalf: "and asked whether you do", "en vroeg of jullie ook", "e perguntou se"
    + r"|\b" + alt(
        rf"(?:asked|asking|wants to know|wondered) (?:me )?(?:whether|if) you (?:also |still )?{_SELL}",
        r"vroeg of jullie", r"vraagt of jullie", r"perguntou se", r"pergunta se",
    ) + r"\b"
)

# A legal step, a claim or money wanted back anywhere in the message: then the lawyer may be acting.
LEGAL_STEP = re.compile(
    r"\b" + alt(
        # en
        r"letters?", r"notices?", "proceedings", "writing to", "write to", "written to", "hearing from", "in touch",
        "copied", r"instruct\w*",
        r"formal\w*", r"claim\w*", "court", r"sue\w*", "suing", "case", "action", r"complain\w*", "compensation",
        "refund", "money back", "liable", "liability", r"negligen\w*", "breach", "against you", "deadline",
        r"threat\w*", "damages", "dispute", r"injur\w*", "papers", r"judge\w*", "involved", r"represent\w*",
        # es
        "demanda", "demandar", "juicio", "carta", "reclamacion", "denuncia", "contra", "queja", "proceso",
        "indemnizacion", "reembolso", "burofax", "papeles",
        # fr
        "plainte", "lettre", "proces", "procedure", "contre", "reclamation", "mise en demeure", "justice",
        "courrier", "remboursement", "litige",
        # de
        "klage", "brief", "schreiben", "verfahren", "gegen", "beschwerde", "schadenersatz", "frist", "erstattung",
        # it
        "causa", "lettera", "diffida", "reclamo", "risarcimento", "rimborso",
        # nl
        "rechtszaak", "klacht", "sommatie", "tegen", "schadevergoeding", "terugbetaling",
        # pt
        "processo", "queixa", "reclamacao", "citacao", "indemnizacao", "indenizacao", "reembolso",
    ) + r"\b"
)


# The job words of the legal rules (a match of another kind, "tribunal", "sue", is never a job).
JOB_WORD = re.compile(r"\b(?:lawyer|attorney|solicitor|abogad|avocat|anwalt|rechtsanwalt|avvocat|advocaat|advogad)")


def relative_job_question(norm: str, start: int, end: int, grievance: re.Pattern[str]) -> bool:
    """The job word at `start:end` names what someone does, and the message is an ordinary question about it."""
    if JOB_WORD.search(norm, start, end) is None:
        return False
    before = norm[:start].rstrip() + " "
    if JOB_HOLDER_BEFORE.search(before) is None:
        return False
    if QUESTION_AFTER.search(norm, end) is None:
        return False
    return LEGAL_STEP.search(norm) is None and grievance.search(norm) is None
