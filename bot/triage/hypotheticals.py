"""What the customer says happened, without the sentences that ask what would happen "if ...".

"I paid £110 for a spa day on 30 March. If one of us is ill on the day, is there any refund or can the
other still go?" tells a purchase and asks about the refund policy; a billing rule that reads the
refund, "still" and the date together hands it to a person. A sentence that opens with "if", "in case"
or "what if" and keeps to what might happen is a question about the policy, so a billing rule that
waits for questions asked in advance (`waits_if_asked_in_advance`) must also fire on the message with
such sentences left out (`Label.hypothetical_sentences_wait`, guards.py).

English only: the other languages' billing rules did not fire on such questions in development data
or on the questions written for the tests, and their past tenses and denials are not listed here.

Kept narrow: a sentence is left out only when its condition is about something to come. A condition
told in the past or perfect ("if you have charged me twice", "if I was charged"), denied or threatened
("if the refund is not here by Friday", "if you do not", "if nothing comes back"), or a sentence that
demands or warns ("I want", "I will", "I am going to") stays in: those are stories and ultimatums.
A condition that asks its own question ("if I cancel is there a refund?", no comma) is left out alone: the
sentence after it is told beside the question and is read (tri14 review).
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

_SENTENCES = re.compile(r" \. ")

# A sentence that opens a condition: "if ...", "and if ...", "in case ...", "what if ...", "what happens if ...".
_OPENS_A_CONDITION = re.compile(
    "^ ?" + alt(
        "(?:and |but |so |also )?if",
        "in case",
        "what if",
        "what happens if",
        "what would happen if",
        "suppose",
        "supposing",
    ) + r"\b"
)

# In the condition, and in the clause after it: something past or perfect ("if you charged me", "if I was
# billed", "if it helps, the refund was approved"), denied or unless ("if the refund is not here", "if
# nothing comes"), or demanded: not a question about what would happen.
_NOT_HYPOTHETICAL = re.compile(
    r"\b" + alt(
        "was",
        "were",
        "have",
        "has",
        "had",
        "ve",
        "did",
        "been",
        "already",
        "not",
        "no",
        "never",
        "nothing",
        "nobody",
        "unless",
        "want",
        "demand",
        "expect",
        "insist",
        r"(?:i|we|you|they|he|she|it|someone|somebody) (?:\w+ed|paid|took|sent|got|kept|made|bought|spent|put)",
    ) + r"\b"
)

# In the condition only: something going on ("if you keep charging me twice like now").
_GOING_ON = re.compile(
    r"\b" + alt(
        "keeps?",
        "kept",
        "still",
        "again",
        "(?:like|right|as) now",
        "currently",
        "every (?:month|week|year|time)",
    ) + r"\b"
)

# In the clause after the condition: a demand or a warning ("if you do that again, I will ..."): an ultimatum.
_ULTIMATUM = re.compile(
    r"\b(?:i|we) " + alt(
        "will",
        "ll",
        "shall",
        "am going to",
        "are going to",
        "want",
        "expect",
        "demand",
        "insist",
        "need",
    ) + r"\b|\byou (?:will|must|need to|better|had better|have to)\b"
)


# In the condition itself: its own question ("if i cancel is there a refund", no comma before the question):
# the condition sentence is the whole policy question, and the sentence after it is told beside it.
_ASKS_ITS_OWN_QUESTION = re.compile(
    r"\b(?:is|are|can|could|do|does|will|would|should|shall|what|how|when)\b "
    r"(?:there|i|we|it|you|they|the|my|our|that)\b"
)


# In the clause after the condition, besides what `_NOT_HYPOTHETICAL` finds ("if it helps, the refund was
# approved on 3 April"): a story of its own ("we paid ... and you kept it").
_NOT_HYPOTHETICAL_AFTER = re.compile(
    r"\b(?:i|we|you|they) (?:have |had |already )?(?:\w+ed|paid|took|sent|got|kept|made|bought|spent)\b"
)


# Told beside the policy question: the company acting ("you've kept it"), something denied, still awaited, or
# said of how a thing arrived or is ("arrived smashed", "was cancelled"): a story, so the message is read
# whole (guards.py also reads the rest for a grievance or a long wait).
_STORY_BESIDE = re.compile(
    r"\b" + alt(
        "you",
        "your",
        "they",
        "not",
        "no",
        "never",
        "nothing",
        "still",
        "again",
        "arrived",
        "came",
        "was",
        "were",
        "is",
        "are",
        "got",
        "turned up",
        r"broke\w*",
        "damaged",
        "faulty",
        "late",
        "missing",
        "wrong",
        "cancelled",
        "canceled",
        "returned",
        r"sent (?:it |them )?back",
    ) + r"\b"
)


def hypothetical_sentences_left_out(norm: str) -> str | None:
    """`norm` with its policy questions ("if X, is there a refund?": the condition and the clause after it)
    left out, or None when it has none or tells a story beside them (the message is read as it is)."""
    clauses = _SENTENCES.split(norm)
    out: list[str] = []
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        if _OPENS_A_CONDITION.search(clause) and not any(p.search(clause) for p in (_NOT_HYPOTHETICAL, _GOING_ON)):
            if _ASKS_ITS_OWN_QUESTION.search(clause):
                i += 1  # the condition holds its own question: leave out this sentence alone
                continue
            after = clauses[i + 1] if i + 1 < len(clauses) else ""
            if not any(p.search(after) for p in (_ULTIMATUM, _NOT_HYPOTHETICAL, _NOT_HYPOTHETICAL_AFTER)):
                i += 2  # the condition and what it asks, and the question's "or ..." alternatives
                while i < len(clauses) and clauses[i].lstrip().startswith("or "):
                    i += 1
                continue
        out.append(clause)
        i += 1
    if len(out) == len(clauses):
        return None
    rest = " " + " . ".join(c.strip() for c in out if c.strip()) + " . "
    return None if _STORY_BESIDE.search(rest) else rest
