"""The operator's strictness: each named point moves the learned decision's cut-off the way its name says,
`rule` hands every question back to the hand-set rule, and the setting refuses what it cannot mean."""
from __future__ import annotations

from dataclasses import replace

import pytest
from pydantic import ValidationError

from bot.answering.learned_answerability import LearnedDecision, Signals
from bot.answering.strictness import CUT_OFFS, decision_for
from bot.config import AnsweringSettings
from tests.bot.answering.fakes import BagOfWords
from tests.bot.answering.test_learned_answerability import THIN, _grounded

SHIPPED = LearnedDecision.load()
BASE = Signals(above=0.0, margin=0.05, coverage=0.3, passage=0.5, section_score=0.5, support=2.0, share=0.5,
               shown_share=0.5, asked=Signals.asked_words(4), kind_asked=0.0, kind_shown=0.0, yes_no=0.0,
               drop=0.0, answerable=0.0, rule=0.0, held=0.5, held_long=0.5)


def _signals_at(probability: float) -> Signals:
    """A near miss whose `margin` over the next document is set, by bisection, so the shipped model gives it
    `probability`."""
    low, high = -5.0, 5.0
    assert SHIPPED.probability(replace(BASE, margin=low)) < probability
    assert probability < SHIPPED.probability(replace(BASE, margin=high))
    for _ in range(80):
        middle = (low + high) / 2
        if SHIPPED.probability(replace(BASE, margin=middle)) < probability:
            low = middle
        else:
            high = middle
    return replace(BASE, margin=high)


def test_the_named_points_are_ordered_around_the_fitted_cut_off():
    assert decision_for("balanced") == SHIPPED  # the file's own cut-off, 0.431 for the shipped fit
    assert decision_for("eager").cutoff < SHIPPED.cutoff < decision_for("cautious").cutoff  # type: ignore[union-attr]
    assert decision_for(0.55).cutoff == 0.55  # type: ignore[union-attr]
    assert decision_for("rule") is None


@pytest.mark.parametrize(("probability", "shown_by"), [
    ((CUT_OFFS["eager"] + SHIPPED.cutoff) / 2, {"eager"}),  # between eager and balanced
    ((SHIPPED.cutoff + CUT_OFFS["cautious"]) / 2, {"eager", "balanced"}),  # between balanced and cautious
    (CUT_OFFS["cautious"] + 0.02, {"eager", "balanced", "cautious"}),
    (CUT_OFFS["eager"] - 0.02, set()),
])
def test_a_stricter_setting_declines_what_a_looser_one_shows(probability: float, shown_by: set[str]):
    signals = _signals_at(probability)
    assert SHIPPED.probability(signals) == pytest.approx(probability, abs=1e-6)
    shown = {name for name in ("eager", "balanced", "cautious") if decision_for(name).shows(signals)}  # type: ignore[union-attr]
    assert shown == shown_by


def test_an_explicit_cut_off_moves_the_same_way():
    signals = _signals_at(0.5)
    assert decision_for(0.45).shows(signals)  # type: ignore[union-attr]
    assert not decision_for(0.55).shows(signals)  # type: ignore[union-attr]


def test_through_the_answerer_cautious_declines_a_question_balanced_answers():
    # the toy embedder makes "do you sell bicycles" a weak near miss on the password article (p about 0.48)
    question = "do you sell bicycles"
    assert _grounded(question, decision_for("eager"), english=BagOfWords())
    assert _grounded(question, decision_for("balanced"), english=BagOfWords())
    assert not _grounded(question, decision_for("cautious"), english=BagOfWords())


def test_rule_gives_the_rule_s_decisions_where_the_model_would_differ():
    # the rule declines both (thin coverage, a section that does not hold "long"); the model shows the second
    for question in (THIN, "how long must my password be"):
        assert not _grounded(question, decision_for("rule"), english=BagOfWords())
        assert _grounded(question, decision_for(0.05), english=BagOfWords())
    assert not _grounded("how long must my password be", None, english=BagOfWords())
    # and answers what the rule answers
    assert _grounded("can i change my password", decision_for("rule"), english=BagOfWords())


@pytest.mark.parametrize(("given", "read"), [("balanced", "balanced"), ("CAUTIOUS", "cautious"), (" eager ", "eager"),
                                             ("rule", "rule"), ("0.55", 0.55), (0.3, 0.3)])
def test_the_setting_reads_names_and_cut_offs(given: object, read: object):
    assert AnsweringSettings(strictness=given).strictness == read  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["strict", "", "0", "1", "1.5", "-0.2", "nan", "inf", 0, 1, True, None])
def test_the_setting_refuses_what_it_cannot_mean_and_says_what_it_takes(given: object):
    with pytest.raises(ValidationError, match="strictness must be one of rule, eager, balanced, cautious or a "
                                              "cut-off between 0 and 1"):
        AnsweringSettings(strictness=given)  # type: ignore[arg-type]
