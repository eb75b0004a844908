"""The operator's strictness setting -> the answerability decision the answerer is given.

Named points sit on the learned model's measured trade-off (pooled leave-one-centre-out probabilities
over every development set, docs/DECISIONS.md, "A learned decision for English questions"): `balanced`
is the file's own fitted cut-off, `cautious` the point near 0.05 wrong answers per question, `eager`
the point past it with more facts said and more wrong answers. `rule` gives the answerer no model, so the
hand-set rule decides every question as before the model shipped.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.answering.learned_answerability import LearnedDecision

# NOTE: read off the trade-off of the model pinned by `learned_answerability.MODEL_SHA256`; a refit
# must re-read them (`answerability_model_fit.py`), as it re-picks the file's own cut-off.
CUT_OFFS: dict[str, float] = {"cautious": 0.60, "eager": 0.40}


def decision_for(strictness: str | float,
                 load: Callable[[], LearnedDecision] = LearnedDecision.load) -> LearnedDecision | None:
    """The learned decision at the cut-off `strictness` names (None for `rule`), loaded and checked now.

    Raises:
        ModelUnavailable: the model file is missing or not the pinned one (only `rule` does not read it).
        ValueError: a name this module does not know (the settings refuse it before).
    """
    if strictness == "rule":
        return None
    model = load()
    if strictness == "balanced":
        return model
    if isinstance(strictness, str):
        if strictness not in CUT_OFFS:
            raise ValueError(f"unknown strictness {strictness!r}")
        return replace(model, cutoff=CUT_OFFS[strictness])
    return replace(model, cutoff=float(strictness))


def describe(strictness: str | float, decision: LearnedDecision | None) -> str:
    """One line for the start-up log, so an operator sees which decision the answers follow."""
    if decision is None:
        return "answerability: the hand-set rule (strictness rule)"
    named = strictness if isinstance(strictness, str) else "explicit"
    return f"answerability: the learned model for English questions, cut-off {decision.cutoff:g} (strictness {named})"
