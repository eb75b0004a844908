"""The soft word match the learned answerability decision reads: exact words count 1, absent ones less."""
from __future__ import annotations

import pytest

from bot.answering.soft_match import soft_shares, word_matches
from tests.bot.answering.fakes import BagOfWords

TABLE = BagOfWords().static_tokens()


def test_each_content_word_gets_its_best_match_in_the_shown_part():
    matches = word_matches("Can I post my parcel abroad?", "Parcels\nWe post parcel boxes abroad.", TABLE)
    assert matches == pytest.approx([1.0, 1.0, 1.0])  # post, parcel, abroad ("can", "i", "my" are stop words)


def test_the_mean_and_the_least_matched_word():
    mean, least = soft_shares("do you post parcels to mars", "Posting\nWe post parcels.", TABLE)
    assert least == pytest.approx(0.0)  # "mars" is nowhere (a hashed fake: no near-synonym)
    assert 0.0 < mean < 1.0


def test_a_question_without_content_words_or_an_empty_section():
    assert soft_shares("can you?", "Anything", TABLE) == (0.0, 0.0)
    assert soft_shares("parcel size", "", TABLE) == (0.0, 0.0)
