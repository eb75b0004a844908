"""The learned head's thresholds: folds of whole industries, length bands, keep sets that must not lose precision."""
from __future__ import annotations

import numpy as np

from bot.triage.classifier import LABELS
from bot.triage.training.thresholds import (
    OFF,
    Scored,
    choose_story_words,
    choose_thresholds,
    fired,
    handoff_precision_recall,
    handoff_verdicts,
    industry_folds,
    pooled,
)

SEC = LABELS.index("security")


def _scored(scores: list[float], words: list[int], needs: list[bool], ruled: list[bool] | None = None) -> Scored:
    n = len(scores)
    return Scored(label=np.full(n, SEC), score=np.array(scores), words=np.array(words),
                  open_to_model=np.ones((n, len(LABELS)), dtype=bool), needs_person=np.array(needs),
                  ruled=np.array(ruled if ruled is not None else [False] * n))


def test_an_industry_never_spans_two_folds() -> None:
    industries = ["gym"] * 5 + ["bank"] * 3 + ["zoo"] * 2 + ["spa"] * 2
    folds = industry_folds(industries, 2)
    for industry in set(industries):
        assert len({int(f) for f, i in zip(folds, industries, strict=True) if i == industry}) == 1
    assert sorted(np.bincount(folds).tolist()) == [5, 7]  # gym alone; bank, spa; zoo to the emptier


def test_the_score_is_the_need_for_a_person_and_the_label_the_likeliest_handoff() -> None:
    label, score = handoff_verdicts(np.array([[0.3, 0.05, 0.35, 0.3, 0.0]]))
    assert LABELS[int(label[0])] == "security" and abs(float(score[0]) - 0.7) < 1e-9


def test_the_lowest_threshold_at_the_target_precision_on_the_held_out_rows() -> None:
    held_out = _scored([0.95, 0.9, 0.85, 0.8, 0.7], [20] * 5, [True, True, True, False, False])
    chosen = choose_thresholds(held_out, [], 0, precision=0.75, min_gain=2)
    assert chosen["security"] == (OFF, 0.71)  # 3 right of 4 down to 0.71; 3 of 5 at 0.70
    assert chosen["billing_dispute"] == (OFF, OFF)  # no row is billing


def test_a_keep_set_that_would_lose_precision_stops_the_descent() -> None:
    held_out = _scored([0.95, 0.9, 0.85, 0.8], [20] * 4, [True, True, True, True])
    keep = _scored([0.88, 0.5], [20, 20], [False, True], ruled=[False, True])  # rules: 1 of 1 right
    assert choose_thresholds(held_out, [keep], 0, precision=0.9, min_gain=1)["security"] == (OFF, 0.89)


def test_short_messages_get_their_own_threshold() -> None:
    held_out = _scored([0.9, 0.9, 0.9, 0.9], [5, 5, 30, 30], [False, False, True, True])
    chosen = choose_thresholds(held_out, [], 10, precision=0.9, min_gain=1)
    assert chosen["security"][0] == OFF and chosen["security"][1] <= 0.9
    assert fired(held_out, chosen, 10).tolist() == [False, False, True, True]
    words, best = choose_story_words(held_out, [], precision=0.9, min_gain=1, candidates=(0, 10))
    assert words == 10 and best == chosen


def test_pooled_sets_meet_the_precision_target_together() -> None:
    ours = _scored([0.95, 0.9], [20, 20], [True, True])
    theirs = _scored([0.92, 0.91], [20, 20], [True, False])
    alone = choose_thresholds(theirs, [], 0, precision=0.9, min_gain=1)["security"]
    together = choose_thresholds(pooled([ours, theirs]), [], 0, precision=0.75, min_gain=1)["security"]
    assert alone == (OFF, 0.92)  # 1 right of 2 at 0.91
    assert together == (OFF, 0.2)  # 3 right of 4 at every threshold down to the lowest tried
    assert len(pooled([ours, theirs]).score) == 4


def test_a_sets_handoff_figures_count_the_rules_and_the_head_together() -> None:
    s = _scored([0.95, 0.5, 0.9, 0.2], [20] * 4, [True, True, False, False], ruled=[False, True, False, True])
    precision, recall = handoff_precision_recall(s, {"security": (OFF, 0.85)}, 0)
    assert (precision, recall) == (0.5, 1.0)  # rules 1 of 2 right, head 1 of 2: 2 of 4; both needing a person


def test_a_long_question_gets_its_own_band_and_threshold() -> None:
    """Issue 12: a long polite question about a fee reads like a billing story; asked, it has its own band."""
    from bot.triage.classifier import Bands

    bands = Bands((15, 20), questions=True)
    assert bands.count == 4
    assert bands.of(np.array([5, 17, 25, 25]), np.array([True, False, True, False])).tolist() == [0, 1, 2, 3]
    s = Scored(label=np.full(4, SEC), score=np.full(4, 0.7), words=np.array([25] * 4),
               open_to_model=np.ones((4, len(LABELS)), dtype=bool), needs_person=np.array([True, True, False, False]),
               ruled=np.zeros(4, dtype=bool), question=np.array([False, False, True, True]))
    chosen = choose_thresholds(s, [], bands, precision=0.9, min_gain=1)
    assert chosen["security"][2] == OFF and chosen["security"][3] <= 0.7  # the questions were the wrong ones
    assert fired(s, chosen, bands).tolist() == [True, True, False, False]


def test_no_threshold_is_chosen_below_the_floor() -> None:
    held_out = _scored([0.95, 0.4, 0.3], [20] * 3, [True, True, True])
    assert choose_thresholds(held_out, [], 0, precision=0.9, min_gain=1)["security"] == (OFF, 0.2)
    assert choose_thresholds(held_out, [], 0, precision=0.9, min_gain=1, floor=0.5)["security"] == (OFF, 0.5)
