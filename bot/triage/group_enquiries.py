"""A group or bulk enquiry phrased as a wish to talk: "can I speak to someone about a group booking for 20?".

Policy (bot/policy.yml) hands off `customer_request`, a person asked for; the development sets' labellers read
"can I speak to someone about a hen party for 10? what's the price?" as the enquiry itself (the bot answers
prices, packages and group rates from the help centre), while a call asked for, a phone number left or a
problem told is a real ask (docs/DECISIONS.md, tri15). Earlier guards over any "about X" leaked real handoffs
("about a party booking, the entertainer swore at the children": tri8, tri9), so this one recognises the whole
harmless shape, every part needed:
- the ask opens the message: "can/could/may I speak/talk/chat to someone/somebody/anyone/a person about";
- what it is about is a group or a quantity: a group, party, trip, team day, class, a batch or bulk order,
  or "for 20", "12 of us", "about 30 kids";
- nothing else is told: no past or perfect tense ("was", "booked", "swore"; "do you have" asks), no negation,
  no grievance, no call or phone number, no manager or complaint; English only (the only language where the
  rule fired so).
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

# The ask, at the start of the message (greetings aside).
ASK = re.compile(
    r"^ (?:(?:hi|hello|hey|morning|afternoon|evening|good morning|good afternoon|hiya)(?: there)? (?:\. )?)?"
    r"(?:can|could|may) (?:i|we) (?:please )?(?:speak|talk|chat) (?:to|with) "
    r"(?:someone|somebody|anyone|anybody|a person|a member of (?:the |your )?(?:team|staff))"
    r"(?: (?:from|in|on) (?:the |your )?(?:team|office|bookings|events|sales))? about "
)

# What the enquiry is about: a group, an occasion for many, or a quantity.
GROUP = re.compile(
    r"\b" + alt(
        r"groups?", r"(?:birthday |kids |children s |christmas |office |hen |stag )?part(?:y|ies)", "hen do", "stag do",
        r"hen", r"stag", r"school trips?", r"class trips?", r"(?:end of term )?trips?", r"team (?:away day|day"
        r"|building)",
        r"away days?", r"society days?", r"corporate", r"bulk", r"batch(?:es)?", "wholesale", r"(?:a|one) class of",
        r"[0-9]+ of us", r"(?:batch|run|order) of [0-9]+",
        r"(?:for|about|around|roughly) (?:about |around |roughly |up to )?[0-9]+"
        r" (?:people|kids|children|players|guests|adults|pupils|students|year [0-9]+s?|of us)",
    ) + r"\b"
)

# Anything told rather than asked: past or perfect tense, a negation, a call, a problem, a manager.
TOLD = re.compile(
    r"\b" + alt(
        "was", "were", "had", "did", "has", "have", "been", "went", "left", "gave", "took", "came", "got", "made",
        "told", "said", "ate", "broke", "fell", "hurt", "lost", "stole", "sent", "paid", "ran", "saw", "threw",
        "wore", "bit", "bought", "sold", "forgot", "kept", "spent", "found", "drove", "rode", "swore", "shouted",
        "not", "no", "never", "nobody", "nothing", "cannot", "can t", "won t", "don t", "didn t",
        "call", "ring", "phone", "rang", "callback", "number", "manager", "supervisor", "owner",
        r"complain\w*", "problem", "issue", "wrong", "mistake", "broken", "damaged", "missing", "refund", "charge",
        "charged", "cancel", "cancelled", "late", "urgent", "emergency", "again", "still", "unhappy", "disappointed",
        "injured", "sick", "ill", "poorly", "unsafe", "safeguarding", "death", "died", "passed away",
    ) + r"\b"
    + r"|\b[a-z]{2,}ed\b(?<!\bneed)(?<!interested)(?<!hundred)(?<!based)(?<!\bbed)(?<!\bshed)(?<!\bspeed)"
    r"(?<!\bred)(?<!\bwed)"
    + r"|\b[0-9]{6,}\b|\b[0-9]{3,5} [0-9]{3,}\b"  # a phone number
)

# "have" in a question about what is on offer, not the perfect tense of a story.
ASKED_HAVE = re.compile(
    r"\b(?:do|does|will|would|can|could) (?:you|they|we|i|it) (?:still |also )?have\b(?! (?:my|our|me|us)\b)"
)


def group_enquiry(norm: str, m: re.Match[str], grievance: re.Pattern[str]) -> bool:
    """The request for a person at `m` only introduces a group or bulk enquiry, with nothing told beside it."""
    ask = ASK.match(norm)
    if ask is None or not ask.start() <= m.start() < ask.end():
        return False
    if GROUP.search(norm, ask.end()) is None:
        return False
    asked = ASKED_HAVE.sub(" ", norm)  # "what packages do you have?" asks, it tells nothing
    return TOLD.search(asked) is None and grievance.search(norm) is None
