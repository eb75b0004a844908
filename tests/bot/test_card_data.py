"""Card data in any shape: numbers in every separator style (property-based), expiry dates and CVV
codes near card words; none of it survives redaction for any target."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.pii import detect, redact
from bot.policy import PiiPolicy, Target

SEPARATORS = [" ", "-", ".", "_", "/", "*", "\u00a0", "\u2009", "\u2013", "\u2014", " - ", "  ", " . ", "\t"]
TARGETS: list[Target] = ["store", "log", "llm", "slack"]


def _with_check_digit(body: str) -> str:
    """`body` plus the Luhn check digit that makes it a valid card number."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


@st.composite
def card_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(digits, as typed): a Luhn-valid 13-19 digit number cut into groups by one separator style."""
    length = draw(st.integers(13, 19))
    first = draw(st.sampled_from("3456"))
    body = first + "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=length - 2, max_size=length - 2)))
    digits = _with_check_digit(body)
    if len(set(digits)) == 1:
        digits = _with_check_digit("4" + "1" * (length - 2))
    sep = draw(st.sampled_from(SEPARATORS))
    sizes = draw(st.lists(st.integers(1, 6), min_size=1, max_size=19))
    groups, rest = [], digits
    for size in sizes:
        if not rest:
            break
        groups.append(rest[:size])
        rest = rest[size:]
    if rest:
        groups.append(rest)
    return digits, sep.join(groups)


_AROUND = st.sampled_from(["my card is ", "pay with ", "", "number: ", "tarjeta ", "(", "carte n° "])
_AFTER = st.sampled_from(["", " please", ".", ", thanks", ")", " and that's it"])


@settings(max_examples=300, deadline=None)
@given(card=card_numbers(), before=_AROUND, after=_AFTER, target=st.sampled_from(TARGETS))
def test_a_card_number_in_any_separator_style_never_survives(card: tuple[str, str], before: str, after: str,
                                                               target: Target) -> None:
    digits, typed = card
    text = f"{before}{typed}{after}"
    clean = redact(text, PiiPolicy(redact={}), target=target).text  # a policy that redacts nothing else
    assert digits not in "".join(ch for ch in clean if ch.isdigit()), (text, clean)
    assert f"[card ••••{digits[-4:]}]" in clean


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("card 4012.8888.8888.1881 exp 12/27 cvv 737", ["4012", "12/27", "737"]),
        ("visa 4012 8888 8888 1881, 09/2028 123", ["8888", "09/2028", "123"]),
        ("the expiry date is 11/26 and the CVC is 4321", ["11/26", "4321"]),
        ("security code: 999", ["999"]),
        ("tarjeta caduca 03-29, código de seguridad 123", ["03-29", "123"]),
        ("Kreditkarte gültig bis 04/30, Prüfnummer 555", ["04/30", "555"]),
    ],
)
def test_expiry_dates_and_codes_near_card_words_are_card_data(text: str, gone: list[str]) -> None:
    for target in TARGETS:
        clean = redact(text, PiiPolicy(redact={}), target=target).text
        assert not [g for g in gone if g in clean], (target, clean)


@pytest.mark.parametrize(
    "text",
    ["my order 12/27 arrived late", "I paid 737 euros on 3/12", "room 123, floor 4", "see page 12/30 of the manual"],
)
def test_dates_and_numbers_away_from_cards_stay_readable(text: str) -> None:
    assert detect(text) == []
