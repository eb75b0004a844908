"""`benchmarks/late_interaction.py`: MaxSim reads the question's content tokens, weighs them by idf, and
keeps the passage's header tokens out of its body-only variants (no model needed: token vectors are given)."""
from __future__ import annotations

import numpy as np

from tests.benchmark_scripts import load_benchmark

study = load_benchmark("late_interaction")


def _tokens(vectors: list[list[float]], starts: list[int]) -> object:
    v = np.asarray(vectors, dtype=np.float32)
    return study.Tokens(v / np.linalg.norm(v, axis=1, keepdims=True), np.asarray(starts))


def test_only_content_words_carry_weight_and_rare_words_weigh_more() -> None:
    text = "how do I descale my kettle"
    starts = [text.index(w) for w in text.split()]
    tokens = _tokens([[1, 0, 0]] * len(starts), starts)
    content, weights = study.question_weights(text, tokens, lambda term: 5.0 if term == "kettle" else 1.0)
    assert content.tolist() == [False, False, False, True, False, True]
    assert weights[5] == 5.0 and weights[3] == 1.0 and weights[:3].sum() == 0


def test_maxsim_takes_each_question_tokens_best_passage_token() -> None:
    sims = np.asarray([[0.2, 0.9], [0.5, 0.1]])
    assert study.maxsim(sims, np.asarray([1.0, 1.0])) == 0.7
    assert abs(study.maxsim(sims, np.asarray([3.0, 1.0])) - (0.9 * 3 + 0.5) / 4) < 1e-9
    assert study.maxsim(np.zeros((2, 0)), np.asarray([1.0, 1.0])) == 0.0


def test_body_variants_ignore_a_title_that_matches_the_question() -> None:
    question = _tokens([[1, 0, 0], [0, 1, 0]], [0, 6])
    content = np.asarray([True, True])
    idf = np.asarray([1.0, 1.0])
    # The chunk's header (first 10 characters) matches both question tokens; its body only the first.
    chunk = _tokens([[1, 0, 0], [0, 1, 0], [1, 0.1, 0], [0, 0, 1]], [0, 5, 12, 20])
    f = study.candidate_features(question, content, idf, [(chunk, 10)])
    assert f["ms_idf"] > 0.99
    assert f["body_ms_idf"] < 0.6
    assert f["doc_body_ms_idf"] == f["body_ms_idf"]
