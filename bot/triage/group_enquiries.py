"""A group or bulk enquiry phrased as a wish to talk: "can I speak to someone about a group booking for 20?".

Policy (bot/policy.yml) hands off `customer_request`, a person asked for; the development sets' labellers read
"can I speak to someone about a hen party for 10? what's the price?" as the enquiry itself (the bot answers
prices, packages and group rates from the help centre), while a call asked for, a phone number left or a
problem told is a real ask (docs/DECISIONS.md, tri15). Earlier guards over any "about X" leaked real handoffs
("about a party booking, the entertainer swore at the children": tri8, tri9), so this one recognises the whole
harmless shape, every part needed:
- the ask opens the message: "can/could/may I speak/talk/chat to someone/somebody/anyone/a person about";
- what it is about, right after "about", is a group or a quantity: "a group booking", "a hen party", "the
  school trip", "a bulk order of 200", "30 of us" (not "about my son's safety on the school trip");
- the rest of that sentence is a short phrase with no verb or subject ("for 16 people in October"), and every
  later sentence is a question ("what's the rate?", "do you have a private room?") or a short tail ("prices
  please", "thanks"): any plain statement ("a child is in hospital", "I want my deposit back", "the venue is
  filthy") keeps the handoff (tri15 review);
- nothing anywhere is told: no past or perfect tense ("was", "booked", "swore"; "do you have" asks), no
  negation, no grievance, no call or phone number, no manager, complaint, safety or money-back word; English
  only (the only language where the rule fired so).
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

# What the enquiry is about, right after "about": a group, an occasion for many, or a quantity.
GROUP = re.compile(
    r"(?:(?:a|an|the|our|some|possible|potential|large|big|small|new) ){0,2}" + alt(
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
        "safe", "safety", "hospital", r"allerg\w*", "drunk", "alcohol", "accident", r"harass\w*", r"hit\w*",
        "journalist", "solicitor", "lawyer", "police", "deposit back", "money back", "twice", "double",
        "filthy", "dirty", "smells?", r"abus\w*", "danger", "dangerous", "hurting", "bullying",
    ) + r"\b"
    + r"|\b[a-z]{2,}ed\b(?<!\bneed)(?<!interested)(?<!hundred)(?<!based)(?<!\bbed)(?<!\bshed)(?<!\bspeed)"
    r"(?<!\bred)(?<!\bwed)"
    + r"|\b[0-9]{6,}\b|\b[0-9]{3,5} [0-9]{3,}\b"  # a phone number
)

# "have" in a question about what is on offer, not the perfect tense of a story.
ASKED_HAVE = re.compile(
    r"\b(?:do|does|will|would|can|could) (?:you|they|we|i|it) (?:still |also )?have\b(?! (?:my|our|me|us)\b)"
)


# The rest of the ask's sentence after the group: a phrase, never a subject and a verb ("for 16 people in May").
_SUBJECT_OR_VERB = re.compile(
    r"\b" + alt("i", "we", "he", "she", "they", "it", "you", "someone", "somebody", "is", "are", "am", "be",
                 "being", "want", "wants", "need", "needs", "keep", "keeps", "s", "m", "re", "ve", "ll", "d") + r"\b"
)
_PHRASE_WORDS = 10

# A later sentence that asks: it opens with a question word or an auxiliary.
_QUESTION = re.compile(
    r"^(?:and |also |so |oh |ok |okay )?" + alt(
        "what", "whats", "what s", "how", "which", "when", "where", "who", "do", "does", "can", "could", "would",
        "will", "is", "are", "should", "shall", "may", "any", "have you", "is there", "are there",
    ) + r"\b"
)
# A later sentence that only closes the message.
_SHORT_TAIL = re.compile(
    r"^(?:(?:prices?|price list|rates?|quote|details|info|information|availability|options|menus?) )?"
    r"(?:please|pls|thanks|thank you|cheers|ta|many thanks|thx)?$"
)


def _only_asked(rest: str) -> bool:
    """After the group phrase, nothing but the phrase's end, questions and short tails."""
    first, *later = rest.split(" . ")
    words = first.split()
    if len(words) > _PHRASE_WORDS or _SUBJECT_OR_VERB.search(first) is not None:
        return False
    for sentence in later:
        sentence = sentence.strip()
        if sentence and _QUESTION.search(sentence) is None and _SHORT_TAIL.search(sentence) is None:
            return False
    return True


def group_enquiry(norm: str, m: re.Match[str], grievance: re.Pattern[str]) -> bool:
    """The request for a person at `m` only introduces a group or bulk enquiry, with nothing told beside it."""
    ask = ASK.match(norm)
    if ask is None or not ask.start() <= m.start() < ask.end():
        return False
    group = GROUP.match(norm, ask.end())
    if group is None or not _only_asked(norm[group.end():]):
        return False
    asked = ASKED_HAVE.sub(" ", norm)  # "what packages do you have?" asks, it tells nothing
    return TOLD.search(asked) is None and grievance.search(norm) is None
