"""PII: checked numbers are redacted with typed placeholders; look-alikes stay readable."""
from __future__ import annotations

import pytest

from bot.pii import cpf_ok, detect, iban_ok, luhn_ok, nir_ok, redact, spanish_id_ok
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


def test_targets_follow_the_policy_but_card_data_is_never_stored_or_sent() -> None:
    lax = PiiPolicy(redact={"card": set(), "email": {"log"}, "phone": set(), "iban": set(), "national_id": set()})
    text = "card 4242 4242 4242 4242, mail a@b.io"
    assert redact(text, lax, target="store").text == "card [card ••••4242], mail a@b.io"
    assert redact(text, lax, target="llm").text == "card [card ••••4242], mail a@b.io"
    assert redact(text, lax, target="slack").text == "card [card ••••4242], mail a@b.io"
    assert redact(text, lax, target="log").text == "card [card ••••4242], mail [email]"


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


# The IBAN registry's examples: the countries the old hand-written length table knew and those it did not.
VALID_IBANS = [
    "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
    "ES9121000418450200051332", "NL91ABNA0417164300", "BE68539007547034", "IT60X0542811101000000123456",
    "CH9300762011623852957", "NO9386011117947", "PL61109010140000071219812874",
    "QA58DOHB00001234567890ABCDEFG", "KW81CBKU0000000000001234560101", "MU17BOMM0101101030300200000MUR",
    "UA213223130000026007233566001", "EG380019000500000000263180002", "BH67BMAG00001299123456",
    "BR1800360305000010009795493C1",
]


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_ibans_of_every_country_check_out_and_are_redacted(policy: Policy, iban: str) -> None:
    assert iban_ok(iban) and iban_ok(iban.lower())
    spaced = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    assert redact(f"my account is {spaced} thanks", policy).text == "my account is [iban] thanks"


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_a_changed_digit_or_a_wrong_length_fails_the_iban_check(iban: str) -> None:
    last = iban[-1]
    typo = iban[:-1] + ("1" if last == "0" else "0") if last.isdigit() else iban[:-1] + ("B" if last == "A" else "A")
    assert not iban_ok(typo)
    assert not iban_ok(iban[:-1]) and not iban_ok(iban + "0")


def test_an_iban_of_a_country_that_has_none_fails_even_with_good_check_digits() -> None:
    from stdnum import iban as stdnum_iban

    body = "123456789012345"
    made_up = "XX" + stdnum_iban.calc_check_digits(f"XX00{body}") + body  # mod-97 passes, no such country
    assert not iban_ok(made_up)
    assert not iban_ok("DE89370400440532O13000")  # a letter where Germany's format has digits


@pytest.mark.parametrize(
    "card",
    ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "3530111333300000",
     "30569309025904"],
)
def test_cards_of_every_network_pass_luhn_and_a_changed_digit_fails(policy: Policy, card: str) -> None:
    assert luhn_ok(card)
    assert not luhn_ok(card[:-1] + str((int(card[-1]) + 1) % 10))
    assert redact(f"card {card} ok", policy).text == f"card [card ••••{card[-4:]}] ok"


def test_national_id_checks() -> None:
    assert spanish_id_ok("00000000T") and spanish_id_ok("Y0000000Z") and spanish_id_ok("x-1234567-l")
    assert not spanish_id_ok("X1234567A")
    assert cpf_ok("111.444.777-35") and not cpf_ok("111.444.777-36") and not cpf_ok("000.000.000-00")
    assert nir_ok("2 55 08 14 168 025 38") and not nir_ok("2 55 08 14 168 025 39")


@pytest.mark.parametrize("text", [
    "How long does delivery to Canada take?", "my email is ana@correo.example", "write to ana at correo dot example",
    "card 4012 8888 8888 1881 exp 12/27 cvv 737", "teléfono ٠٦١٢٣٤٥٦٧٨",
    "call １２３-４５６-７８９０", "SSN ０７８-０５-１１２０",
    "IBAN DE89 3704 0044 0532 0130 00", "NI number JG 10 37 59 A", "no digits, no address: just words ²³",
    "mail ｊｏ＠example.org or jo@example.org", "order #12345", "",
])
def test_messages_without_an_at_sign_or_a_digit_skip_the_detectors_that_need_one(text: str) -> None:
    """`detect` runs the address pattern only on text with an "@" and the others only on text with a digit
    (Unicode digits included, as their `\\d`): what it finds is what every detector run on everything finds."""
    from bot import pii

    taken: list[pii.PiiFinding] = []
    blocked: list[tuple[int, int]] = []
    for kind, finder in pii._DETECTORS:  # the loop without the shortcut
        if kind == "phone":
            blocked = [(s, e) for s, e in pii._lookalikes(text) if all(e <= f.start or s >= f.end for f in taken)]
        for start, end, placeholder in finder(text):
            if all(end <= s or start >= e for s, e in [(f.start, f.end) for f in taken] + blocked):
                taken.append(pii.PiiFinding(kind, start, end, placeholder, text[start:end]))
    assert detect(text) == sorted(taken, key=lambda f: f.start)
