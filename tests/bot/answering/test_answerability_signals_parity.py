"""The answerer's Signals equal the fit script's `signals(row)` for a row built as answerability_rows.py builds it.

The learned decision's weights were fitted on the script's signals; if the product computed any of them
differently, the weights would be applied to numbers they were never fitted on (a review's finding: the
other tests passed with `shown_share` or `margin` zeroed in the product)."""
from __future__ import annotations

import dataclasses
import sys
from types import ModuleType

import pytest

from bot.answering.answerer import Answerer
from bot.answering.learned_answerability import LearnedDecision
from knowledge_base.results import DocumentHit, Passage, SearchResult
from tests.benchmark_scripts import BENCHMARKS, load_benchmark
from tests.bot.answering.fakes import BagOfWords
from tests.bot.answering.test_learned_answerability import PASSWORDS, _constant


def _rows_script() -> ModuleType:
    """answerability_rows imports its sibling scripts as a script run from `benchmarks/` would."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return load_benchmark("answerability_rows")
    finally:
        sys.path.remove(str(BENCHMARKS))


fit = load_benchmark("answerability_model_fit")
rows = _rows_script()


@pytest.mark.parametrize("question", ["if i leave can i keep my larkspur email address",
                                      "how many characters must a new account password have"])
@pytest.mark.parametrize("answerable", [True, False])
def test_product_signals_are_the_fit_scripts(question: str, answerable: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def shows(self: LearnedDecision, signals: object) -> bool:
        seen.append(signals)
        return True

    monkeypatch.setattr(LearnedDecision, "shows", shows)
    passage = Passage("account/password.md::v1::0", PASSWORDS, "Change your account password", 0.6)
    hit = DocumentHit("account/password.md", "Your account password", "account/password.md", None, 0.6,
                      [passage], coverage=0.1)
    other = DocumentHit("b.md", "Billing", "b.md", None, 0.3, [Passage("b::0", "Pay by card.", "Billing", 0.3)],
                        coverage=0.0)
    english = BagOfWords()
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(), english=english,
                        decision=_constant(1.0))
    result = SearchResult(query=question, hits=[hit, other], answerable=answerable, cross_lingual=False,
                          threshold=0.5)
    answerer.extract(question, result, language="en")
    assert len(seen) == 1
    found = answerer._section(question, result, hit, whole=None)
    assert found is not None
    part = {"support": found.support, "section_score": found.score, "heading": found.heading, "body": found.body,
            **rows.features(question, found, hit, margin=hit.score - other.score).as_dict(),
            **rows.decided(question, found, hit, False, "en", english)}
    row = {"kb": "x", "lang": "en", "question": question, "outcome": "answered", "cross_lingual": False,
           "search_answerable": answerable, "top_official_first": True, "top": hit.document_id,
           "score": hit.score, "second": other.score, "threshold": 0.5, "coverage": hit.coverage,
           "passage": passage.score, "p": part, "w": part}
    expected = fit.signals(row)
    for f in dataclasses.fields(expected):
        assert getattr(seen[0], f.name) == pytest.approx(getattr(expected, f.name)), f.name
