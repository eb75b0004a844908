"""Decide, for each customer message, whether a person must take over and why; offline, under 1 ms.

Rules over a normalised text (normalize.py), one table per label in `labels/` with each rule's
guards (guards.py) and examples declared beside it. Labels are checked in a fixed precedence:

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

from collections.abc import Sequence
from functools import cached_property

from bot.policy import Policy
from bot.triage.guards import Facts, fire
from bot.triage.labels.billing_dispute import BILLING_DISPUTE
from bot.triage.labels.complaint import COMPLAINT, FRUSTRATION, SHOUTING_MIN_LETTERS
from bot.triage.labels.customer_request import CUSTOMER_REQUEST
from bot.triage.labels.legal import LEGAL
from bot.triage.labels.security import SECURITY
from bot.triage.labels.self_harm import SELF_HARM
from bot.triage.normalize import normalize
from bot.triage.quoting import original_words
from bot.triage.rule import Label, Rule
from bot.triage.rule_index import RuleIndex
from bot.triage.second_opinion import PendingTriage, SecondOpinions, TriageDecision

LABELS = ("self_harm", "security", "billing_dispute", "legal", "customer_request", "complaint")
RULE_TABLES: tuple[Label, ...] = (SELF_HARM, SECURITY, BILLING_DISPUTE, LEGAL, CUSTOMER_REQUEST, COMPLAINT)

__all__ = ["LABELS", "RULE_TABLES", "PendingTriage", "Triage", "TriageDecision", "match"]


_NONE = TriageDecision("none", None, 0.0, "")


class Triage:
    """Classify customer messages into handoff reasons, following the policy's switches.

    The rules decide first; for a message they leave alone, `second` (the learned head, the LLM)
    may still hand off. `classify` asks the learned head inline; `begin` starts both beside whatever
    the caller does next (retrieval) and returns a `PendingTriage`.
    """

    def __init__(self, policy: Policy, *, second: SecondOpinions | None = None) -> None:
        self._policy = policy
        self._second = second
        tables = {table.name: table for table in RULE_TABLES}
        for label, phrases in policy.triage.extra_phrases.items():
            words = [normalize(p).strip() for p in phrases if normalize(p).strip()]
            tables[label] = tables[label].with_phrases(words)
        self._tables = [tables[label] for label in LABELS]

    @cached_property
    def _index(self) -> RuleIndex:
        """Built on the first message, not at start-up (reading the rules' literals takes ~0.1 s)."""
        return RuleIndex.of(self._tables)

    def close(self) -> None:
        if self._second is not None:
            self._second.close()

    def classify(self, text: str, *, history: Sequence[str] = ()) -> TriageDecision:
        """The label of `text`; `history` holds the customer's earlier messages, oldest first."""
        first = self.rules(text, history=history)
        if self._second is None or first.label != "none":
            return first
        return self._second.decide_now(text, first)

    def begin(self, text: str, *, history: Sequence[str] = ()) -> PendingTriage:
        """The rules' decision now, the second opinions started in the background when they may matter."""
        first = self.rules(text, history=history)
        if self._second is None or first.label != "none":
            return PendingTriage(first)
        return self._second.start(text, history, first)

    def rules(self, text: str, *, history: Sequence[str] = ()) -> TriageDecision:
        """The rules' decision alone."""
        norm = normalize(text)
        for table, candidates in zip(self._tables, self._index.candidates(norm), strict=True):
            hit = _first_hit(table, norm, candidates)
            if hit is not None:
                rule, (start, end) = hit
                said = original_words(text, norm, start, end)  # the customer's words, not the normalised ones
                return TriageDecision(table.name, self._policy.reason_for(table.name), rule.confidence,
                                      f"{rule.name} '{said}'")
        return self._sustained_frustration(text, norm, history)

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


def match(table: Label, norm: str, candidates: Sequence[int] | None = None) -> tuple[Rule, str] | None:
    """The first rule of `table` that fires on the normalised text, and the words it matched.

    `candidates`: the positions of the only rules that can fire (`RuleIndex.candidates`), in order.
    """
    hit = _first_hit(table, norm, candidates)
    return None if hit is None else (hit[0], norm[hit[1][0]:hit[1][1]].strip())


def _first_hit(table: Label, norm: str, candidates: Sequence[int] | None) -> tuple[Rule, tuple[int, int]] | None:
    """`match`, with the span of the matched words in `norm` (to quote the customer's own words)."""
    facts = Facts(norm, table)
    rules = table.rules if candidates is None else [table.rules[i] for i in candidates]
    for rule in rules:
        m = fire(rule, facts)
        if m is not None:
            return rule, m.span()
    return None


def _frustrated(text: str, norm: str, *, complaint_checked: bool = False) -> bool:
    """Frustration words, a strong complaint, or shouting (mostly capitals, or '!!'/'?!')."""
    if FRUSTRATION.search(norm) or (not complaint_checked and any(r.pattern.search(norm) for r in COMPLAINT.rules)):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= SHOUTING_MIN_LETTERS and sum(map(str.isupper, letters)) / len(letters) > 0.7:
        return True
    return "!!" in text or "?!" in text or "!?" in text
