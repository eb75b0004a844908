"""`benchmarks/contrast_study.py`: a top candidate gets credit only for the question's words that separate it
from the other top candidates, and the title gate marks only the candidates behind on title."""
from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import numpy as np

from knowledge_base.lexical import LexicalIndex
from tests.benchmark_scripts import BENCHMARKS, load_benchmark


def _study_script() -> ModuleType:
    """The study imports its sibling scripts as a script run from `benchmarks/` would."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return load_benchmark("contrast_study")
    finally:
        sys.path.remove(str(BENCHMARKS))


study = _study_script()


def _centre() -> dict[str, Any]:
    """Three delivery articles: two siblings that differ in one word, and an unrelated one."""
    titles = ["Delivery times", "Delivery options", "Gift cards"]
    texts = ["Standard delivery takes three working days.", "Express delivery arrives the next working day.",
             "Gift cards never expire."]
    return {"name": "toy", "doc_ids": ["a", "b", "c"], "titles": titles, "chunk_texts": texts,
            "chunk_sections": ["", "", ""], "chunk_doc": np.arange(3),
            "lexical": LexicalIndex([f"{t}\n\n{x}" for t, x in zip(titles, texts, strict=True)])}


def _question(text: str) -> dict[str, Any]:
    return {"text": text, "question": text}


def test_only_the_word_that_separates_the_top_candidates_earns_credit() -> None:
    t = {"row": np.arange(3), "title": np.array([0.8, 0.6, 0.1])}
    out = study.contrast(_centre(), _question("how fast is express delivery"), t, np.array([0.9, 0.8, 0.1]),
                         k=2, where="body", bigrams=False)
    assert out["disc"][1] == 1.0  # "express": the one discriminating word, held by b alone
    assert out["disc"][0] == 0.0  # "delivery" is held by both: no credit
    assert out["disc"][2] == 0.0  # outside the top 2
    assert out["behind"].tolist() == [0.0, 1.0, 0.0]  # b's title matches worse than a's


def test_no_credit_when_the_top_candidates_hold_the_same_words() -> None:
    t = {"row": np.arange(3), "title": np.array([0.8, 0.6, 0.1])}
    out = study.contrast(_centre(), _question("delivery working day"), t, np.array([0.9, 0.8, 0.1]),
                         k=2, where="body", bigrams=False)
    assert out["disc"].tolist() == [0.0, 0.0, 0.0]  # both hold "delivery", "working" and "day" ("days" folds)
