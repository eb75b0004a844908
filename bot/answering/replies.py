"""What a customer's short reply means: yes or no to the offer of a person, or "that's not what I asked".

The bot offers a person and waits; these decide whether the next message accepts, declines, or
rejects the last answer. Phrases are per language, one alternative per line, matched on the whole
(short) message so "yes" inside a new question is not a yes.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from bot.answering import extractive

_YES = (
    r"y(es|ea|eah|ep|up)|sure|ok(ay)?|please|yes please|go ahead|do it|connect me|sounds good|why not|absolutely|"
    r"s[ií]|claro|vale|por favor|de acuerdo|dale|"
    r"oui|d'accord|volontiers|s'il vous pla[iî]t|allez-y|"
    r"ja|gerne|bitte|ja bitte|klar|okay|"
    r"sim|claro que sim|pode ser|"
    r"certo|va bene|s[iì] grazie|"
    r"graag|prima|ja graag|is goed"
)
_NO = (
    r"no|nope|nah|no thanks|no thank you|not now|i'?m good|that'?s fine|never mind|nevermind|"
    r"no gracias|ahora no|"
    r"non|non merci|pas maintenant|"
    r"nein|nein danke|nicht n[oö]tig|"
    r"n[aã]o|n[aã]o obrigad[oa]|"
    r"no grazie|"
    r"nee|nee dank je|niet nodig"
)
_ANSWER_WORDS = (r"(please|thanks|thank you|gracias|por favor|merci|s'il vous pla[iî]t|danke|bitte|obrigad[oa]|grazie|"
                 r"per favore|bedankt|alsjeblieft|graag)")
_WHOLE_YES = re.compile(rf"^(?:{_YES})(?:\W+{_ANSWER_WORDS})?$", re.I)
_WHOLE_NO = re.compile(rf"^(?:{_NO})(?:\W+{_ANSWER_WORDS})?$", re.I)
# The customer says the last answer missed the point.
_REJECTION = re.compile(
    r"\b(that'?s|that is|this is|it'?s|thats)\s+not\s+(what|the)\b.{0,20}\b(i\s+)?"
    r"(asked|ask|meant|mean|need|needed|want|wanted|question)\b|"
    r"\b(you\s+)?(didn'?t|did not|doesn'?t|does not|don'?t)\s+(answer|help|understand)\b|"
    r"\b(not|wasn'?t|isn'?t)\s+(helpful|what i (asked|meant|need))\b|"
    r"\b(wrong answer|useless|irrelevant|not relevant|read my question|that'?s wrong|no,? i meant)\b|"
    r"\b(no es lo que (he )?pregunt|no es eso|no me (has )?ayud|no responde (a )?(mi|la) pregunta)\w*|"
    r"\b(ce n'est pas ce que (j'ai demand|je demand)|ça ne r[ée]pond pas|pas ma question)\w*|"
    r"\b(das ist nicht,? (das,? )?was ich|das beantwortet nicht|nicht meine frage|hilft mir nicht)\w*|"
    r"\b(n[aã]o [ée] (isso|o que eu perguntei)|n[aã]o respondeu|n[aã]o ajudou)\w*|"
    r"\b(non [èe] quello che ho chiesto|non risponde alla (mia )?domanda|non mi hai aiutato)\w*|"
    r"\b(dat is niet wat ik vroeg|geen antwoord op mijn vraag|helpt niet)\w*",
    re.I)
_SAME_QUESTION = 0.8  # share of content words two questions must have in common to be the same one


# NOTE: a turn asks this of each earlier customer message in its history (is it a yes or a no?), ~7 us
# each to normalise; a bounded memo of this pure function makes a repeat ~0.1 us.
@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower().replace("’", "'")
    return re.sub(r"[\s!.?¡¿,;:)(]+$", "", re.sub(r"^[\s¡¿]+", "", text))


def is_yes(text: str) -> bool:
    """"yes", "sí, por favor", "ja bitte": the whole message accepts."""
    return bool(_WHOLE_YES.match(_plain(text)))


def is_no(text: str) -> bool:
    """"no thanks", "non merci", "nee": the whole message declines."""
    return bool(_WHOLE_NO.match(_plain(text)))


def is_rejection(text: str) -> bool:
    """"that's not what I asked", "no me has ayudado": the customer rejects the last answer."""
    return bool(_REJECTION.search(_plain(text)))


def same_question(text: str, earlier: str) -> bool:
    """The customer asks again what they just asked (a sign the answer did not help)."""
    a, b = extractive.content_words(text), extractive.content_words(earlier)
    if len(a) < 2 or len(b) < 2:
        return _plain(text) == _plain(earlier) and len(a) >= 1
    return len(a & b) / len(a | b) >= _SAME_QUESTION
