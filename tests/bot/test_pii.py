"""PII: checked numbers are redacted with typed placeholders; look-alikes stay readable."""
from __future__ import annotations

import pytest

from bot.pii import cpf_ok, detect, iban_ok, luhn_ok, redact, spanish_id_ok
from bot.policy import PiiPolicy, Policy


@pytest.fixture
def policy() -> Policy:
    return Policy()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pay with 5555 5555 5555 4444 please", "pay with [card ••••4444] please"),
        ("card: 3782-822463-10005", "card: [card ••••0005]"),
        ("it is 6011000990139424.", "it is [card ••••9424]."),
        ("my iban is NL91 ABNA 0417 1643 00 ok", "my iban is [iban] ok"),
        ("FR1420041010050500013M02606", "[iban]"),
        ("write to jo.doe+orders@mail.example.org.", "write to [email]."),
        ("ring +34 612 34 56 78 or (212) 555-0147", "ring [phone] or [phone]"),
        ("mobile 07700 900123, landline 030 1234567", "mobile [phone], landline [phone]"),
        ("appelez le 01 23 45 67 89", "appelez le [phone]"),
        ("SSN 078-05-1120", "SSN [id]"),
        ("NI number JG 10 37 59 A", "NI number [id]"),
        ("DNI 00000000T y NIE Y0000000Z", "DNI [id] y NIE [id]"),
        ("CPF 111.444.777-35", "CPF [id]"),
    ],
)
def test_redacts_with_typed_placeholders(policy: Policy, text: str, expected: str) -> None:
    assert redact(text, policy).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "card 5555 5555 5555 4445 fails the Luhn check",
        "IBAN NL91 ABNA 0417 1643 01 has a bad check",
        "order 0123456789 has not arrived",
        "my order number is #4412345678",
        "tracking ref 0612345678",
        "delivered on 2026-03-14 10:30 for $1,249.99",
        "born 14/03/1990, paid 1 234 567,89 EUR",
        "invoice 2026-000481516",
        "DNI 12345678A has the wrong letter",
        "CPF 111.444.777-36 has a wrong check digit",
        "SSN 000-12-3456 is never issued",
        "version 1.2.3.4 and 42 items",
    ],
)
def test_look_alikes_stay_readable(policy: Policy, text: str) -> None:
    assert redact(text, policy) == redact(text, policy)  # deterministic
    assert redact(text, policy).text == text


def test_findings_keep_spans_and_hide_values_from_repr(policy: Policy) -> None:
    text = "card 4242424242424242 and mail a@b.io"
    result = redact(text, policy)
    assert [f.kind for f in result.findings] == ["card", "email"]
    card = result.findings[0]
    assert text[card.start:card.end] == "4242424242424242" == card.value
    assert "4242424242424242" not in repr(result.findings)


def test_targets_follow_the_policy_but_cards_never_reach_llm_or_slack() -> None:
    lax = PiiPolicy(redact={"card": set(), "email": {"log"}, "phone": set(), "iban": set(), "national_id": set()})
    text = "card 4242 4242 4242 4242, mail a@b.io"
    assert redact(text, lax, target="store").text == text
    assert redact(text, lax, target="llm").text == "card [card ••••4242], mail a@b.io"
    assert redact(text, lax, target="slack").text == "card [card ••••4242], mail a@b.io"
    assert redact(text, lax, target="log").text == "card 4242 4242 4242 4242, mail [email]"


def test_accepts_the_whole_policy_or_its_pii_section(policy: Policy) -> None:
    text = "call me on +44 20 7946 0958"
    assert redact(text, policy).text == redact(text, policy.pii).text == "call me on [phone]"


def test_checksums() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("GB82WEST12345698765432") and not iban_ok("GB82WEST12345698765433")
    assert not iban_ok("GB82WEST1234569876543")  # wrong length for GB
    assert spanish_id_ok("12345678Z") and spanish_id_ok("X1234567L") and not spanish_id_ok("12345678A")
    assert cpf_ok("529.982.247-25") and not cpf_ok("111.111.111-11")


def test_overlaps_resolve_to_one_finding() -> None:
    findings = detect("IBAN DE89 3704 0044 0532 0130 00")
    assert [f.kind for f in findings] == ["iban"]


def test_long_international_numbers_are_phones_not_card_lookalikes(policy: Policy) -> None:
    assert redact("call 0034 612 345 678 or 0049 151 23456789", policy).text == "call [phone] or [phone]"
