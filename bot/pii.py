"""Find personal data in chat text and replace it with typed placeholders before it goes anywhere.

Numbers are only taken when they check out (Luhn for cards, mod-97 and the country's format for
IBANs, check letters and digits for national ids; the checks are python-stdnum's) or have a phone's
shape, so order numbers, dates and prices stay readable.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.br import cpf as br_cpf
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir

from bot.policy import PiiPolicy, Policy, Target


@dataclass(frozen=True)
class PiiFinding:
    kind: str  # card | iban | email | phone | national_id
    start: int  # span in the original text
    end: int
    placeholder: str
    value: str = field(repr=False)  # the clear value: never log a finding's value


@dataclass(frozen=True)
class Redaction:
    text: str
    findings: list[PiiFinding]  # what was replaced, in text order


# --- checks (python-stdnum's, plus the guards we add) ----------------------------------------------

def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    return luhn.is_valid(digits)


_IBAN_MIN, _IBAN_MAX = 15, 34  # Norway's and the longest any country uses (ISO 13616)


def iban_ok(iban: str) -> bool:
    """ISO 13616 mod-97 and the length and format the IBAN registry gives the country, for every country.

    NOTE: stdnum's extra national checks are off: Belgium's looks the bank up in a list that lags
    real banks, and a missed IBAN is a leak while a redacted look-alike costs nothing.
    """
    return bool(re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}", iban)) and stdnum_iban.is_valid(
        iban, check_country=False)


def spanish_id_ok(value: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) check letter."""
    return es_dni.is_valid(value) or es_nie.is_valid(value)


def cpf_ok(value: str) -> bool:
    """Brazilian CPF: two mod-11 check digits; all-equal digits (which pass them) are invalid."""
    digits = re.sub(r"\D", "", value)
    return len(set(digits)) > 1 and br_cpf.is_valid(digits)


def nir_ok(value: str) -> bool:
    """French NIR (sécurité sociale): 13 characters + a 2-digit key = 97 - n mod 97 (Corsica 2A/2B)."""
    return fr_nir.is_valid(value)


# --- detectors ----------------------------------------------------------------------------------
# Each yields (start, end, placeholder) candidates; overlaps are resolved by the order below.

# NOTE: addresses may be internationalised ("иван@почта.рф", "anna@bücher.example", "例子.广告"). A Chinese or
# Japanese sentence has no spaces, so a mailbox name takes no Han, Kana or Hangul (it would swallow the
# words before it) and a top-level domain in another script ends at a space or punctuation, CJK's
# included: "我的邮箱是wang@example.cn请问..." keeps its question.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_EMAIL_LOCAL = rf"[^\W{_CJK}]|[.+%-]"
_EMAIL = re.compile(
    rf"(?:(?<![\w.+%-])|(?<=[{_CJK}]))(?:{_EMAIL_LOCAL})+@[\w-]+(?:\.[\w-]+)*\."
    r"(?:[A-Za-z]{2,63}(?![A-Za-z0-9-])|xn--[A-Za-z0-9-]{2,59}(?![A-Za-z0-9-])"
    r"|[^\W\d_]{2,63}(?=[\s!-/:-@\[-`{-~\u3000-\u303f\uff00-\uffef]|$))"
)
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}\b")
# Card digits may be grouped by any separator people type: spaces (also no-break and thin ones),
# dashes (also Unicode ones), dots, underscores, slashes, stars, and runs of them ("4012 - 8888").
_SEP = "[\\s.\\-_/*\u2010-\u2015\u2212]"
_CARD = re.compile(rf"(?<![\d.,])\d(?:{_SEP}{{0,3}}\d){{12,18}}(?![\d]|[.,]\d)")
_CARD_SHAPE = re.compile(rf"(?<![\d+])\d{{4}}({_SEP}?)\d{{4}}\1\d{{4}}\1\d{{1,7}}(?!\d)"
                         rf"|(?<![\d+])\d{{4}}({_SEP}?)\d{{6}}\2\d{{5}}(?!\d)")
# Card words: an expiry date or a 3-4 digit code near one of these is card data too.
_CARD_WORD = re.compile(
    r"\b(?:card|credit|debit|visa|master ?card|amex|american express|maestro|tarjeta|carte|karte|kreditkarte"
    r"|cart[aã]o|exp(?:iry|iration|ires?|\.)?|valid(?: thru| through| until| till)?|vence|caduca|venc\w*"
    r"|expire|ablauf\w*|g[üu]ltig(?: bis)?|validade|cvv2?|cvc2?|cv2|csc|cid)\b", re.I)
_CVV = re.compile(
    r"\b(?:cvv2?|cvc2?|cv2|csc|cid|security code|card code|c[oó]digo de seguridad|cryptogramme"
    r"|pr[üu]fnummer|c[oó]digo de seguran[cç]a)\b\W{0,3}(?:(?:is|es|est|ist|[ée]|=)\W{0,2})?(\d{3,4})(?!\d)", re.I)
_EXPIRY = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2]) ?[/.-] ?(\d{2}|20\d{2})(?![\d/.-]|[.,]\d)")
_TRAILING_CODE = re.compile(r"\W{1,4}(\d{3,4})(?![\d/.-])")
_CARD_CONTEXT = 48  # characters before an expiry date in which a card word or number makes it card data
_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
_NINO = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.I
)
_DNI = re.compile(r"\b(?:\d{8}|[XYZ]-?\d{7})-?[A-Z]\b", re.I)
_CPF = re.compile(r"(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])|(?<![\d])\d{11}(?!\d)")
_NIR = re.compile(r"(?<![\d])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}(?!\d)", re.I)
_PHONE = re.compile(
    r"(?<![\w+#/.,-])(?:"
    r"(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}"  # international
    r"|\(\d{3}\) ?\d{3}[ .-]\d{4}"  # (555) 123-4567
    r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-123-4567
    r"|0\d{1,4}(?:[ ./-]?\d{2,4}){2,4}"  # national with trunk 0: 020 7946 0958, 06 12 34 56 78
    r"|[6789]\d{2}(?: \d{3} \d{3}| \d{2} \d{2} \d{2})"  # Spanish mobile/landline groups
    r")(?![\w/]|[.,]\d)"
)
_DATE = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$")
_NOT_PHONE_BEFORE = re.compile(
    r"(?:\b(?:order|invoice|ref|reference|tracking|ticket|case|parcel|shipment|booking|confirmation|account"
    r"|pedido|commande|bestellung|rechnung|encomenda|fatura|factura|number|no|nr|num|n[°º])\.?|#)\W{0,3}$", re.I
)


def _emails(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "[email]") for m in _EMAIL.finditer(text)]


def _ibans(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _IBAN.finditer(text):
        raw = re.sub(r"[ -]", "", m.group())
        # NOTE: the pattern may swallow a following word; the longest prefix that checks out is the IBAN
        length = next((n for n in range(min(len(raw), _IBAN_MAX), _IBAN_MIN - 1, -1) if iban_ok(raw[:n])), 0)
        if length:
            end, seen = m.start(), 0
            while seen < length:
                if text[end] not in " -":
                    seen += 1
                end += 1
            out.append((m.start(), end, "[iban]"))
    return out


def _cards(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits) and len(set(digits)) > 1:
            out.append((m.start(), m.end(), f"[card ••••{digits[-4:]}]"))
    return out


def _card_details(text: str) -> list[tuple[int, int, str]]:
    """Expiry dates and CVV/CVC codes: after a card word or a card number, or named as a code."""
    out = [(m.start(1), m.end(1), "[cvv]") for m in _CVV.finditer(text)]
    cards = _cards(text)
    for m in _EXPIRY.finditer(text):
        before = text[max(0, m.start() - _CARD_CONTEXT):m.start()]
        if _CARD_WORD.search(before) or any(0 <= m.start() - end <= _CARD_CONTEXT for _, end, _p in cards):
            out.append((m.start(), m.end(), "[expiry]"))
            code = _TRAILING_CODE.match(text, m.end())  # "12/27 737": the code typed after the date
            if code:
                out.append((code.start(1), code.end(1), "[cvv]"))
    return out


def _national_ids(text: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), "[id]") for m in _SSN.finditer(text)]
    out += [(m.start(), m.end(), "[id]") for m in _NINO.finditer(text)]
    out += [(m.start(), m.end(), "[id]") for m in _DNI.finditer(text) if spanish_id_ok(m.group())]
    out += [(m.start(), m.end(), "[id]") for m in _CPF.finditer(text) if cpf_ok(m.group())]
    out += [(m.start(), m.end(), "[id]") for m in _NIR.finditer(text) if nir_ok(m.group())]
    return out


def _phones(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _PHONE.finditer(text):
        value = m.group()
        digits = re.sub(r"\D", "", value)
        if not 9 <= len(digits) <= 15 or _DATE.match(value):
            continue
        if not value.startswith(("+", "00", "(")) and _NOT_PHONE_BEFORE.search(text[max(0, m.start() - 24):m.start()]):
            continue  # "order 0123 456 789" is an order number
        out.append((m.start(), m.end(), "[phone]"))
    return out


_DIGIT = re.compile(r"\d")  # what every pattern but the address's needs (the same `\d` they use)
_DETECTORS: tuple[tuple[str, Callable[[str], list[tuple[int, int, str]]]], ...] = (
    ("email", _emails),
    ("iban", _ibans),
    ("card", _cards),
    ("card", _card_details),
    ("national_id", _national_ids),
    ("phone", _phones),
)


def _lookalikes(text: str) -> list[tuple[int, int]]:
    """IBAN- and card-shaped runs that failed their checks: no phone number is cut out of them."""
    spans = [(m.start(), m.end()) for m in _IBAN.finditer(text)]
    return spans + [(m.start(), m.end()) for m in _CARD_SHAPE.finditer(text)]


def detect(text: str) -> list[PiiFinding]:
    """Every piece of personal data in `text`, non-overlapping, in text order."""
    taken: list[PiiFinding] = []
    blocked: list[tuple[int, int]] = []
    # NOTE: an address needs an "@", every other kind a digit; most messages have neither, and the
    # detectors' dozen patterns cost ~50 us a message (the store redacts every one).
    has_at, has_digit = "@" in text, _DIGIT.search(text) is not None
    for kind, finder in _DETECTORS:  # earlier kinds win an overlap
        if not (has_at if kind == "email" else has_digit):
            continue
        if kind == "phone":
            blocked = [(s, e) for s, e in _lookalikes(text) if all(e <= f.start or s >= f.end for f in taken)]
        for start, end, placeholder in finder(text):
            spans = [(f.start, f.end) for f in taken] + blocked
            if all(end <= s or start >= e for s, e in spans):
                taken.append(PiiFinding(kind, start, end, placeholder, text[start:end]))
    return sorted(taken, key=lambda f: f.start)


def redact(text: str, policy: PiiPolicy | Policy, *, target: Target = "store") -> Redaction:
    """Replace what the policy hides from `target`; card numbers never reach `llm`/`slack` in clear."""
    pii = policy.pii if isinstance(policy, Policy) else policy
    findings = [f for f in detect(text) if pii.applies(f.kind, target)]
    parts, last = [], 0
    for f in findings:
        parts += [text[last:f.start], f.placeholder]
        last = f.end
    parts.append(text[last:])
    return Redaction("".join(parts), findings)
