"""`lexical.terms` remembers short texts (a turn reads the same question and sections several times):
what it returns must be what the unremembered reading gives, and a caller's edit must not leak."""
from __future__ import annotations

from knowledge_base import lexical


def test_remembered_terms_are_a_fresh_list_each_time() -> None:
    first = lexical.terms("How long do refunds take to reach my card?")
    first.append("tampered")
    second = lexical.terms("How long do refunds take to reach my card?")
    assert second == ["long", "refund", "take", "reach", "card"]
    assert second is not first


def test_remembered_and_long_texts_read_as_the_bulk_reading_does() -> None:
    short = "Policies for orders shipped to the Channel Islands"
    long = " ".join([short] * (lexical.MEMO_CHARS // len(short) + 1))  # past the memo's length: read afresh
    assert len(long) > lexical.MEMO_CHARS
    for text in (short, long):
        assert lexical.terms(text) == lexical.terms(text, memo={}) == lexical._terms_of(text)
