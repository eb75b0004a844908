"""Invisible format characters taken out of a customer's message before it is read.

A zero-width space or a soft hyphen inside a word ("hac\u200bked", "re\u00adfund") is invisible to the
person reading it but splits the word for every rule and keyword the bot reads with, so a message
could walk past triage ("my account was hacked" to the self-help article) or miss the article that
answers it. The stored message keeps what the customer typed; only what the turn reads (its language,
triage, replies, search) goes without them. Joiners (U+200C, U+200D) matter to the look of some scripts
and of emoji, never to what the words say, so they go too.
"""
from __future__ import annotations

# soft hyphen, Mongolian vowel separator, zero-width space / non-joiner / joiner, word joiner and the
# invisible operators, and the zero-width no-break space (a byte-order mark inside text)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"))


def without_invisible(text: str) -> str:
    """`text` without invisible format characters (the same object when it has none)."""
    if text.isascii():
        return text
    cleaned = text.translate(_INVISIBLE)
    return cleaned if len(cleaned) != len(text) else text
