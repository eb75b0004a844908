"""The learned answerability decision: pinned weights, and where the answerer asks it instead of the rule."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from bot.answering.answerer import Answerer
from bot.answering.learned_answerability import MODEL_SHA256, LearnedDecision, ModelUnavailable, Signals
from knowledge_base.results import DocumentHit, Passage, SearchResult
from tests.bot.answering.fakes import BagOfWords

PASSWORDS = """Choose a password of at least 12 characters. You can change it under Account > Security.

Larkspur will never ask for your password by phone or e-mail."""
WIDTH = 2 * len(Signals.names())  # each signal, and again on the answerable path


def _constant(bias: float) -> LearnedDecision:
    """A decision that ignores its signals: always shows (bias > 0) or never (bias < 0)."""
    return LearnedDecision(mean=(0.0,) * WIDTH, scale=(1.0,) * WIDTH, weights=(0.0,) * WIDTH, bias=bias, cutoff=0.5)


def _grounded(question: str, decision: LearnedDecision | None, *, english: BagOfWords | None,
              cross_lingual: bool = False, language: str | None = None) -> bool:
    passage = Passage("account/password.md::v1::0", PASSWORDS, "Change your account password", 0.6)
    hit = DocumentHit("account/password.md", "Your account password", "account/password.md", None, 0.6,
                      [passage], coverage=0.1)
    answerer = Answerer(chat_model=None, policy=type("P", (), {"near_miss_floor": 0.2})(), english=english,
                        decision=decision)
    result = SearchResult(query=question, hits=[hit], answerable=True, cross_lingual=cross_lingual, threshold=0.5)
    return answerer.extract(question, result, language=language).grounded


THIN = "if i leave can i keep my larkspur email address"  # the rule declines it: thin coverage, few words


def test_the_decision_replaces_the_rule_on_english_questions():
    assert not _grounded(THIN, None, english=BagOfWords())
    assert _grounded(THIN, _constant(5.0), english=BagOfWords())
    assert not _grounded("how many characters must a new account password have", _constant(-5.0),
                         english=BagOfWords())


def test_the_rule_still_decides_without_the_english_embedder_across_languages_or_in_another_language():
    assert not _grounded(THIN, _constant(5.0), english=None)
    assert not _grounded(THIN, _constant(5.0), english=BagOfWords(), language="nl")
    # matched across languages: only the score decides, as before (0.6 is answerable and not thin)
    assert _grounded("¿cuántos caracteres necesita la contraseña?", _constant(-5.0), english=BagOfWords(),
                     cross_lingual=True)


def test_a_yes_no_question_is_asked_its_drop_whatever_the_rule_says():
    embedder = BagOfWords()
    _grounded("can i keep my larkspur email address", _constant(5.0), english=embedder)
    assert embedder.calls == 1
    _grounded("what about my larkspur email address", _constant(5.0), english=embedder)
    assert embedder.calls == 1


def test_the_probability_reads_the_signals_it_is_given():
    weights = [0.0] * WIDTH
    weights[Signals.names().index("share")] = 4.0
    decision = LearnedDecision(mean=(0.0,) * WIDTH, scale=(1.0,) * WIDTH, weights=tuple(weights), bias=-2.0,
                               cutoff=0.5)
    low = Signals(*([0.0] * len(Signals.names())))
    assert not decision.shows(low)
    assert decision.shows(replace(low, share=1.0))
    assert decision.probability(replace(low, share=0.5)) == pytest.approx(0.5)


def test_a_file_is_loaded_only_with_its_pinned_hash_and_signals(tmp_path: Path):
    path = tmp_path / "answerability.json"
    text = _constant(1.0).as_json()
    path.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert LearnedDecision.load(path, sha256=digest) == _constant(1.0)
    with pytest.raises(ModelUnavailable, match="sha256"):
        LearnedDecision.load(path, sha256="0" * 64)
    other = text.replace('"above"', '"elsewhere"')
    path.write_text(other, encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="signals"):
        LearnedDecision.load(path, sha256=hashlib.sha256(other.encode("utf-8")).hexdigest())
    with pytest.raises(ModelUnavailable, match="not found"):
        LearnedDecision.load(tmp_path / "missing.json", sha256=digest)


def test_the_shipped_model_loads():
    decision = LearnedDecision.load()
    assert hashlib.sha256(Path(__file__).resolve().parents[3].joinpath(
        "bot/answering/assets/answerability.json").read_bytes()).hexdigest() == MODEL_SHA256
    assert len(decision.weights) == WIDTH and 0.0 < decision.cutoff < 1.0


def test_the_content_signals_read_the_question_s_words_in_the_shown_section_inflected_or_not():
    from bot.answering.learned_answerability import held_shares

    shown = "Lost property\nVenues keep lost property for 28 days. Contact the venue directly."
    held, held_long = held_shares("how long do venues keep my jacket", shown)
    assert held == pytest.approx(2 / 4)  # venue (as "venues") and keep held; long and jacket lacked
    assert held_long == pytest.approx(0.0)  # the one long word, "jacket", is the thing asked
    assert held_shares("do venues keep lost property", shown) == (1.0, 1.0)
    assert held_shares("is it?", shown) == (0.0, 1.0)  # no content words: nothing held, no long word lacked


def test_the_signals_vector_is_every_field_in_order():
    """The model reads the signals by position: the vector is the fields in declaration order, as floats."""
    from dataclasses import astuple, fields

    import numpy as np

    values = {f.name: 0.5 + i for i, f in enumerate(fields(Signals))}
    signals = Signals(**values)
    assert signals.vector().tolist() == list(astuple(signals)) == list(values.values())
    assert signals.vector().dtype == np.float64 and Signals.names() == tuple(values)
