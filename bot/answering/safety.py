"""Checks an answer passes before a customer sees it: it never asks for secrets, and it sends the
customer nowhere (link, email address, phone number) that the cited company passages do not hold.

A community post can carry a planted "reply with your card number and password to ..."; an LLM can
invent a plausible support address. Both read like the company's voice, so both are caught here,
after the answer is written and before it is shown, whatever produced it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# What a support answer must never ask for, in the languages the bot speaks...
_SECRET = (
    r"pass ?words?|passcodes?|pins?|(?:full |complete |whole )?(?:credit |debit )?card (?:number|details)s?|"
    r"cvv2?|cvc|security codes?|expiry date|contraseñas?|número de (?:la )?tarjeta|mot de passe|"
    r"numéro de (?:la |votre )?carte|passwort|kennwort|kartennummer|senha|número do cartão|"
    r"numero (?:della )?carta|wachtwoord|kaartnummer"
)
# ... handed over: a verb that sends it somewhere, then (within a few words) the secret. "Enter a new
# password" on our own site, or "confirm with your password", is not handing it over; nor is a form
# asking for "your name, email address and a password" (there "email" names a field, not an act).
_HAND_OVER = (
    r"send|reply|respond|e-?mail(?! address)|text|dm|message|share|give|tell|provide|post|write|"
    r"submit|read out|"
    r"envía|envíe|envíanos|responde|responda|manda|comparte|envoyez|envoie|répondez|communiquez|donnez|"
    r"senden|schicken|antworten|teilen|geben|envie|mande|compartilhe|invia|rispondi|stuur|deel|antwoord"
)
_ASK = re.compile(rf"\b(?:{_HAND_OVER})\b[^.!?\n]{{0,60}}?\b(?:{_SECRET})\b", re.I)
_NEGATION = re.compile(
    r"\b(never|not|no one|nobody|don't|do not|won't|will not|cannot|can't|nunca|jamás|nadie|jamais|"
    r"personne|nie|niemals|nicht|niemand|não|ninguém|mai|nessuno|nooit|niet)\b|n't\b",
    re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")

_URL = re.compile(r"\bhttps?://[^\s<>()\[\]\"'`]+|\bwww\.[^\s<>()\[\]\"'`]+", re.I)
_DOMAIN_PATH = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,24})/[^\s<>()\[\]\"'`]*", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w.,/-])\+?\(?\d[\d ().-]{6,}\d(?![\w/-])")
_TRAILING = ".,;:!?)»\"'*_`"
_NON_DIGIT = re.compile(r"\D")
MEMO_CHARS = 4000  # passages up to this long are remembered: 1,024 of them, at most ~4 MB


@functools.lru_cache(maxsize=1024)  # NOTE: an offline answer is a help-centre section: the same texts come back
def asks_for_secrets(text: str) -> bool:
    """True when a sentence tells the customer to send or share a password, card number or CVV."""
    return any(_ASK.search(s) and not _NEGATION.search(s) for s in _SENTENCE.split(text))


def contacts(text: str) -> set[str]:
    """Links, email addresses and phone numbers in `text`, normalised for comparison."""
    return set(_contacts(text))


# NOTE: the sources an answer is checked against are the help centre's passages, read again turn after
# turn; a bounded memo of this pure function (callers get a fresh set) spares the four scans of each.
@functools.lru_cache(maxsize=1024)
def _contacts(text: str) -> frozenset[str]:
    found: set[str] = set()
    for match in _EMAIL.finditer(text):
        found.add("email:" + match.group(0).lower().rstrip(_TRAILING))
    without_emails = _EMAIL.sub(" ", text)
    for pattern in (_URL, _DOMAIN_PATH):
        for match in pattern.finditer(without_emails):
            found.add("link:" + _link(match.group(0)))
    for match in _PHONE.finditer(without_emails):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 7 and not _looks_like_date_or_range(match.group(0)):
            found.add("phone:" + digits)
    return frozenset(found)


def unsupported_contacts(answer: str, sources: Iterable[str]) -> set[str]:
    """Contacts in `answer` that appear in none of `sources` (the cited company passages)."""
    wanted = contacts(answer)
    if not wanted:
        return set()
    texts = list(sources)
    held = set().union(*(_contacts(t) for t in texts)) if texts else set()
    missing = set()
    for item in wanted - held:
        kind, value = item.split(":", 1)
        # NOTE: the lower-cased text and the digits of the sources are made only when a contact the sources
        # do not hold as such asks for them (most answers' contacts are held; a turn made both every time).
        if kind == "link" and (value in " ".join(t.lower() for t in texts)
                               or any(h.startswith("link:" + value) for h in held)):
            continue
        # NOTE: "0300 555 0142" and "+44 300 555 0142" are one number: the subscriber's digits decide.
        if kind == "phone" and any(value[-9:] in _digits(t) for t in texts):
            continue
        missing.add(item)
    return missing


def _digits(text: str) -> str:
    """Every digit of `text`, in order (a passage of at most `MEMO_CHARS` remembered, so the memo is bounded)."""
    return _remembered_digits(text) if len(text) <= MEMO_CHARS else _NON_DIGIT.sub("", text)


@functools.lru_cache(maxsize=1024)  # NOTE: the sources are help-centre passages, read again turn after turn
def _remembered_digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)


def _link(url: str) -> str:
    url = url.lower().rstrip(_TRAILING)
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/")


def _looks_like_date_or_range(text: str) -> bool:
    """"2026-12-25" or "10-14" are not phone numbers."""
    return bool(re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text) or re.fullmatch(r"\s*\d{1,4}\s*[-–]\s*\d{1,4}\s*", text))
