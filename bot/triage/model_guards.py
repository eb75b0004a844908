"""The rules' guards, asked about a learned verdict: the head reads what a message is about, not whether it happened.

A how-to question, one asked before anything happened, a question about an insurance claim or the
complaints procedure, a joke, or an ordinary self-service question is left to the bot by the rules
that declare these guards (guards.py); a learned handoff is held to the same guards, so "how do I
block my card if it's ever stolen?" stays with the bot whether a rule or the head read it.
"""
from __future__ import annotations

from bot.triage.guards import Facts
from bot.triage.labels.billing_dispute import BILLING_DISPUTE
from bot.triage.labels.complaint import COMPLAINT
from bot.triage.labels.customer_request import CUSTOMER_REQUEST
from bot.triage.labels.security import SECURITY
from bot.triage.normalize import normalize
from bot.triage.rule import Label

_TABLES: dict[str, Label] = {t.name: t for t in (SECURITY, BILLING_DISPUTE, CUSTOMER_REQUEST, COMPLAINT)}
GUARDS = ("how_to", "asked_in_advance", "insurance_question", "procedure_question", "joke", "self_service")


def holding_guard(text: str, label: str) -> str | None:
    """The first guard that keeps a learned `label` verdict on `text` with the bot, or None."""
    table = _TABLES.get(label)
    if table is None:
        return None
    facts = Facts(normalize(text), table)
    return next((guard for guard in GUARDS if getattr(facts, guard)), None)
