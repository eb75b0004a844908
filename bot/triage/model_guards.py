"""The rules' guards, asked about a learned verdict: the head reads what a message is about, not whether it happened.

A how-to question, one asked before anything happened, a question about an insurance claim or the
complaints procedure, a joke, or an ordinary self-service question is left to the bot by the rules
that declare these guards (guards.py); a learned handoff is held to the same guards, so "how do I
block my card if it's ever stolen?" stays with the bot whether a rule or the head read it.
"""
from __future__ import annotations

import re

from bot.triage.guards import GRIEVANCE_CONTEXT, REPORTED_INCIDENT, Facts
from bot.triage.labels.billing_dispute import BILLING_DISPUTE
from bot.triage.labels.complaint import COMPLAINT
from bot.triage.labels.customer_request import CUSTOMER_REQUEST
from bot.triage.labels.security import SECURITY
from bot.triage.normalize import normalize, without_laughing_faces
from bot.triage.rule import Label

_TABLES: dict[str, Label] = {t.name: t for t in (SECURITY, BILLING_DISPUTE, CUSTOMER_REQUEST, COMPLAINT)}
GUARDS = ("how_to", "asked_in_advance", "insurance_question", "procedure_question", "joke", "self_service")

# A question for an amount, a time or a count ("how long do I have to send the vet's claim?", "quanti
# elementi posso chiedere per pagina?"), in the seven languages. The head reads non-English text through
# an English embedder, and on the development help centres' non-English questions it handed 4 such
# ordinary questions to a person; with nothing reported or blamed, the head's verdict waits on it.
# "How many times" is exasperation, not a count asked for.
QUANTITY_QUESTION = re.compile(
    r"\bhow (?:long|much(?! longer)|soon|far in advance|many(?! times))\b"
    r"|\b(?:cuanto|cuanta|cuantos|cuantas(?! veces)|en que plazo|con cuanta antelacion)\b"
    r"|\b(?:combien(?! de fois)|dans quel delai|quel est le delai)\b"
    r"|\b(?:wie (?:lange|viele|viel|fruh)|innerhalb welcher)\b"
    r"|\b(?:quanto|quanta|quanti|quante(?! volte)|entro quanto|con quanti)\b"
    r"|\b(?:quantos|quantas(?! vezes)|em quanto tempo|qual (?:e )?o prazo)\b"
    r"|\b(?:hoe (?:lang|veel|snel)|hoeveel|binnen hoeveel)\b"
)


def quantity_question(text: str) -> bool:
    """An amount, a time or a count asked for, with nothing reported as happened or blamed."""
    norm = normalize(text)
    return (QUANTITY_QUESTION.search(norm) is not None and GRIEVANCE_CONTEXT.search(norm) is None
            and REPORTED_INCIDENT.search(norm) is None)


def holding_guard(text: str, label: str) -> str | None:
    """The first guard that keeps a learned `label` verdict on `text` with the bot, or None."""
    table = _TABLES.get(label)
    if table is None:
        return None
    facts = Facts(normalize(without_laughing_faces(text)), table)  # a face alone holds no verdict
    return next((guard for guard in GUARDS if getattr(facts, guard)), None)


def holding_at_serve_time(text: str, label: str) -> str | None:
    """`holding_guard`, then the quantity question: what keeps a learned verdict with the bot when serving.

    The head's thresholds are chosen (build_classifier.py) with these guards too, so the verdicts they
    were measured on are the ones that are served.
    """
    held = holding_guard(text, label)
    return held or ("quantity_question" if label in _TABLES and quantity_question(text) else None)
