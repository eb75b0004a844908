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


def test_long_texts_are_read_afresh_so_the_memos_stay_bounded() -> None:
    # Review of cpu11: a memo keyed by whole sections with no length cap held 150 MB on 600 long sections.
    from bot.answering import left_out, safety

    long_section = " ".join(f"word{i}" for i in range(2000))  # ~14,000 characters
    left_out._held.cache_clear()
    safety._remembered_digits.cache_clear()
    assert left_out.lacked_words("word1 and zebra", long_section) == ["zebra"]
    assert safety._digits("call 0" + "x" * 5000 + "12") == "012"
    assert left_out._held.cache_info().currsize == 0 and safety._remembered_digits.cache_info().currsize == 0
    assert left_out.lacked_words("word1 and zebra", "word1 only") == ["zebra"]
    assert left_out._held.cache_info().currsize == 1
