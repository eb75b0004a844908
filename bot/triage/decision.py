"""Decide, for each customer message, whether a person must take over and why; offline, under 1 ms.

Layered rules over a normalised text (`triage_text`), lexicons written for this project
(`triage_rules`, `triage_topics`). Labels are checked in a fixed precedence:

    self_harm > security > billing_dispute > legal > customer_request > complaint

- self_harm first: a person at risk matters more than anything else in the message.
- security next: money or an account is at risk right now (the card must be blocked before
  anything else), and it needs the team with the power to act.
- billing_dispute before legal: most "my lawyer will hear about this charge" messages are settled
  by the people who can reverse the charge; the legal words stay in the evidence.
- the sensitive topics before customer_request: a person comes either way, and the topic routes
  the conversation to the right queue with the right priority.
- complaint last: the broadest and weakest signal, and a person asked for explicitly is a clearer
  instruction than the mood of a message.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.policy import Policy
from bot.triage.normalize import normalize
from bot.triage.rules import (
    ADVANCE_EXEMPT_SECURITY_RULES,
    ASKED_IN_ADVANCE,
    CONDITIONAL_QUESTION,
    CUSTOMER_REQUEST,
    FIRST_PERSON_INCIDENT,
    GRIEVANCE_CONTEXT,
    HOW_TO,
    HOW_TO_RULES,
    HYPOTHETICAL,
    IF_CLAUSE,
    NEGATION,
    PREVENTION,
    REPORTED_INCIDENT,
    SELF_SERVICE_QUESTION,
    SELF_SERVICE_RULES,
    Rule,
)
from bot.triage.topics import BILLING, COMPLAINT, FRUSTRATION, LEGAL, SECURITY, SELF_HARM, SHOUTING_MIN_LETTERS

LABELS = ("self_harm", "security", "billing_dispute", "legal", "customer_request", "complaint")
_CLAUSE_WORDS_BEFORE = 4  # a negation this close before a request for a person cancels it
_INCIDENT_LABELS = frozenset({"security", "billing_dispute"})  # labels that report something that happened


@dataclass(frozen=True)
class TriageDecision:
    label: str  # customer_request | security | billing_dispute | legal | complaint | self_harm | none
    reason: str | None  # the handoff reason, or None when the policy lets the bot answer
    confidence: float  # 0..1, how sure the rule that fired is
    evidence: str  # which rule fired and the words it matched, for logs and the agent's card


_NONE = TriageDecision("none", None, 0.0, "")


class Triage:
    """Classify customer messages into handoff reasons, following the policy's switches."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        rules: dict[str, list[Rule]] = {
            "self_harm": SELF_HARM, "security": SECURITY, "billing_dispute": BILLING, "legal": LEGAL,
            "customer_request": CUSTOMER_REQUEST, "complaint": COMPLAINT,
        }
        for label, phrases in policy.triage.extra_phrases.items():
            words = [normalize(p).strip() for p in phrases if normalize(p).strip()]
            if words:
                rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
                rules[label] = [*rules[label], Rule(f"{label}:policy", rx, 0.8)]
        self._rules = rules

    def classify(self, text: str, *, history: Sequence[str] = ()) -> TriageDecision:
        """The label of `text`; `history` holds the customer's earlier messages, oldest first."""
        norm = normalize(text)
        for label in LABELS:
            hit = self._match(label, norm)
            if hit is not None:
                rule, matched = hit
                return TriageDecision(label, self._policy.reason_for(label), rule.confidence, f"{rule.name} '{matched}'")
        return self._sustained_frustration(text, norm, history)

    def _match(self, label: str, norm: str) -> tuple[Rule, str] | None:
        how_to = label == "security" and _how_to_question(norm)
        advance = label in _INCIDENT_LABELS and _asked_in_advance(norm, conditional=label == "billing_dispute")
        if label == "security" and not advance:
            advance = _prevention_question(norm)
        self_service: bool | None = None  # worked out only once a SELF_SERVICE_RULES pattern matches
        for rule in self._rules[label]:
            if how_to and rule.name in HOW_TO_RULES:
                continue
            if advance and _may_wait(rule):
                continue
            if rule.needs and not any(w in norm for w in rule.needs):
                continue
            for m in rule.pattern.finditer(norm):
                if advance and label == "security" and _inside_if_clause(norm, m):
                    continue
                if label == "customer_request" and "not_a_bot" not in rule.name and _cancelled(norm, m):
                    continue
                if rule.name in SELF_SERVICE_RULES:
                    if self_service is None:
                        self_service = _self_service_question(norm, security=label == "security")
                    if self_service:
                        break
                return rule, m.group().strip()
        return None

    def _sustained_frustration(self, text: str, norm: str, history: Sequence[str]) -> TriageDecision:
        needed = self._policy.triage.sustained_frustration
        if not _frustrated(text, norm, complaint_checked=True):  # classify() already ran COMPLAINT on it
            return _NONE
        recent = list(history)[-self._policy.triage.complaint_window:]
        streak = 1
        for earlier in reversed(recent):
            if not _frustrated(earlier, normalize(earlier)):
                break
            streak += 1
        if streak < needed:
            return _NONE
        return TriageDecision("complaint", self._policy.reason_for("complaint"), 0.6,
                              f"complaint:sustained {streak} frustrated messages in a row")


def _cancelled(norm: str, m: re.Match[str]) -> bool:
    """A negated ("I don't need a human") or hypothetical ("if I ever want an agent") request."""
    clause_start = norm.rfind(" . ", 0, m.start()) + 1
    before = norm[clause_start:m.start()].split()
    near = " ".join(before[-_CLAUSE_WORDS_BEFORE:]) + " " + m.group()
    if NEGATION.search(near):
        return True
    return HYPOTHETICAL.search(" ".join(before) + " " + m.group()) is not None


def _how_to_question(norm: str) -> bool:
    """A question about how to do something that names no incident of the customer's own."""
    return HOW_TO.search(norm) is not None and FIRST_PERSON_INCIDENT.search(norm) is None


def _self_service_question(norm: str, *, security: bool) -> bool:
    """An ordinary how/where/can-I question ("my usage seems too high, how can I reduce it?"), nothing gone wrong.

    For billing and complaints, nothing lasting or blamed ("still", "for three weeks", "you charged me",
    "terrible"); for security, no incident of the customer's own and nothing reported as happened.
    """
    if SELF_SERVICE_QUESTION.search(norm) is None:
        return False
    if security:
        return FIRST_PERSON_INCIDENT.search(norm) is None and REPORTED_INCIDENT.search(norm) is None
    return GRIEVANCE_CONTEXT.search(norm) is None


def _asked_in_advance(norm: str, *, conditional: bool) -> bool:
    """Asked before anything happened ("just asking", or with `conditional` "will I ... if"), nothing reported.

    Something reported as happened or happening ("was stolen", "is hacked", "someone is using",
    "keeps charging me") makes it an incident whatever the phrasing around it. For security the marker
    is looked for outside "if" clauses, so only an explicitly in-advance "what if it is stolen" waits;
    for billing an explicit current charge ("is charged twice each month") wins over "when/if".
    """
    if ASKED_IN_ADVANCE.search(norm) is None and not (conditional and CONDITIONAL_QUESTION.search(norm)):
        return False
    if not conditional:  # security: "if my phone is stolen" is what might happen, not what did
        norm = IF_CLAUSE.sub(" ", norm)
    return REPORTED_INCIDENT.search(norm) is None


def _prevention_question(norm: str) -> bool:
    """How to keep an account or card safe ("how can I protect my account from hackers?"), nothing reported."""
    return PREVENTION.search(norm) is not None and REPORTED_INCIDENT.search(norm) is None


def _inside_if_clause(norm: str, m: re.Match[str]) -> bool:
    """The match lies in an "if" clause ("what should I do if my phone is stolen?")."""
    return any(c.start() <= m.start() < c.end() for c in IF_CLAUSE.finditer(norm))


def _may_wait(rule: Rule) -> bool:
    """Whether a match of `rule` may be left to the bot when the message is asked in advance.

    Only generic words may: a security rule that describes an incident (hacked, stolen, fraud,
    payments not recognised, someone in the account) is handed off however the customer phrases the
    question, because a customer in trouble who gets a bot answer is the worst mistake triage can make.
    Billing rules may wait: "will I be charged twice if ..." is a question about the rules, and a
    charge reported as happening is caught by REPORTED_INCIDENT.
    """
    return rule.name in ADVANCE_EXEMPT_SECURITY_RULES or rule.name.startswith("billing_dispute:")


def _frustrated(text: str, norm: str, *, complaint_checked: bool = False) -> bool:
    """Frustration words, a strong complaint, or shouting (mostly capitals, or '!!'/'?!')."""
    if FRUSTRATION.search(norm) or (not complaint_checked and any(r.pattern.search(norm) for r in COMPLAINT)):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= SHOUTING_MIN_LETTERS and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        return True
    return "!!" in text or "?!" in text or "!?" in text
