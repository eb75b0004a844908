"""A triage rule and a label's rule table: the pattern, the guards that may veto it, its examples.

Every rule declares beside its pattern which guards apply to it (see guards.py) and example
messages it must and must not fire on; tests/bot/triage/test_rule_examples.py runs them all, so a
rule's declaration is its own specification.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from bot.triage.literals import required_literals

AskedInAdvance = Literal["never", "explicit", "explicit_or_conditional"]


@dataclass(frozen=True)
class Rule:
    """One handoff rule over normalised text (normalize.py); its alternatives are joined with "|".

    Guards (each False unless declared):
    - negatable: a negation or hypothetical just before the match cancels it ("I don't need a human").
    - waits_if_asked_in_advance: a question asked before anything happened ("just asking before my
      trip", for billing also "will I be charged twice if ...") is left to the bot, unless something
      is reported as having happened (see the label's `asked_in_advance`). For billing, "will I be
      charged?" waits whatever was done, as long as no money is said to have gone ("I cancelled the
      order, will I be charged anyway?").
    - yields_to_how_to: a how-to question naming no incident of the customer's own is left to the bot.
    - yields_to_self_service: an ordinary how/where/can-I question with nothing gone wrong for a while
      is left to the bot (the words also describe ordinary situations).
    - yields_to_insurance_question: a question about a claim on an insurance, warranty or plan
      ("is my bike covered if it's stolen?") with no card, account or payment in it is left to the bot.
    - yields_to_procedure_question: a question about the complaints procedure or form, with nothing
      gone wrong said, is left to the bot.
    - yields_to_joke: a message marked as a joke ("lol", "haha", "just kidding") does not fire it.
    - yields_to_routine_claim: "reclamación"/"réclamation"/"reclamação" beside an insurer, a policy,
      a warranty or a claim form, with no grievance said, is a routine claim (claims_and_stories.py).
    - yields_to_story: a film, book or series talked about ("the lawyer in the film") does not fire
      it, unless the customer takes a legal step of their own ("my lawyer", "I will sue").
    - yields_to_too_soon: a message saying only a day or two has passed ("it's only been a day"),
      with no longer wait said, is left to the bot: too soon for a refund to be overdue.
    - yields_to_job_title: a match "a lawyer" named as someone's job ("I am a lawyer", "as a
      solicitor") is skipped; the rule's other alternatives still fire ("I am a lawyer and I will sue").
    - yields_to_opening_hours: "is anyone there" followed by a time of the week or day ("at weekends",
      "el sábado", "le dimanche matin"), asking for no conversation, nothing gone wrong said, asks when the
      place is staffed: a match so placed is skipped (opening_hours.py).
    - yields_to_group_enquiry: "can I speak to someone about a group booking for 20?" with nothing told
      beside it is the enquiry itself, for the bot (group_enquiries.py).
    - needs: substrings one of which the text must hold before the pattern is tried (speed only;
      a test checks that they never hide a match).
    """

    name: str  # "label:short_name", shown as evidence on the agent's card
    confidence: float
    patterns: tuple[str, ...]
    needs: tuple[str, ...] = ()
    negatable: bool = False
    waits_if_asked_in_advance: bool = False
    yields_to_how_to: bool = False
    yields_to_self_service: bool = False
    yields_to_insurance_question: bool = False
    yields_to_procedure_question: bool = False
    yields_to_joke: bool = False
    yields_to_routine_claim: bool = False
    yields_to_story: bool = False
    yields_to_too_soon: bool = False
    yields_to_job_title: bool = False
    yields_to_opening_hours: bool = False
    yields_to_group_enquiry: bool = False
    examples: tuple[str, ...] = ()  # messages it must fire on
    counter_examples: tuple[str, ...] = ()  # near neighbours it must not fire on
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile("|".join(self.patterns)))

    @property
    def label(self) -> str:
        return self.name.split(":", 1)[0]

    @cached_property
    def literals(self) -> tuple[str, ...] | None:
        """Strings one of which every match of `pattern` holds (`literals.py`), read on the rule's first
        use (~0.1 s for all rules): None when the pattern's form does not tell."""
        return required_literals(self.pattern.pattern)


@dataclass(frozen=True)
class Label:
    """The rules of one handoff label, in order, and the label's own guards.

    - asked_in_advance: "explicit" (security): only a marker such as "just asking" or "before I
      travel" makes a question one asked in advance, "if" clauses are what might happen and a match
      inside one waits; "explicit_or_conditional" (billing): "will I be charged twice if ..." too.
    - prevention_questions_wait: "how can I protect my account?" counts as asked in advance.
    - hypothetical_sentences_wait: a rule that waits if asked in advance must also fire on the message
      without its policy questions ("I paid on 30 March. If I am ill on the day, is there a refund?":
      hypotheticals.py), or it waits.
    - self_service_unless: what turns an ordinary question into a case for a person: a grievance
      ("still", "for three weeks", "you charged me") or an incident of the customer's own.
    """

    name: str
    rules: tuple[Rule, ...]
    asked_in_advance: AskedInAdvance = "never"
    prevention_questions_wait: bool = False
    self_service_unless: Literal["grievance", "incident"] = "grievance"
    hypothetical_sentences_wait: bool = False

    def with_phrases(self, phrases: list[str]) -> Label:
        """This label with one more rule matching any of `phrases` (normalised), from the policy file."""
        if not phrases:
            return self
        rule = Rule(
            f"{self.name}:policy", 0.8, (r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b",),
            negatable=self.name == "customer_request",
            waits_if_asked_in_advance=self.asked_in_advance == "explicit_or_conditional",
        )
        return Label(self.name, (*self.rules, rule), self.asked_in_advance, self.prevention_questions_wait,
                     self.self_service_unless, self.hypothetical_sentences_wait)
