"""Which section of the first document holds the fact: the product's choice against fitted scorers.

Reads `passage_choice.py --cache DIR` (with the chunk and question vectors it now keeps). For every
answerable English question whose first company document is a required one, every candidate section
of that document (`sections._scored_sections`) gets features: its sentences' word score (`lex`),
search's similarity for its returned chunks (`ret`), the best similarity of any of its chunks to the
question (`dense`, the indexed vectors), the question's content words in the whole section (`shared`),
whether it is the document's intro. A scorer is a weight per feature; the section it puts first
"holds" when its whole text says every `must_say` fact. Weights are chosen on a grid
leave-one-centre-out (most holds on the other centres), and the held-out centres' holds summed.

    python benchmarks/section_study.py --cache DIR
"""
from __future__ import annotations

import argparse
import itertools
import logging
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched  # noqa: E402,F401  (the cache's rows)

from bot.answering import extractive, plain_parts, sections  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402

FEATURES = ("lex", "ret", "dense", "shared", "intro")


@dataclass
class Question:
    centre: str
    features: np.ndarray  # (candidates, FEATURES)
    holds: np.ndarray  # (candidates,) bool


def candidates_of(s: Any) -> Question | None:
    q, result = s.question, s.result
    company = [h for h in result.hits if h.passages and h.trust == "official"]
    if not company or company[0].document_id not in q.must_cite or not s.whole:
        return None
    top = company[0]
    saved = sections.DENSE_WEIGHT
    try:
        sections.DENSE_WEIGHT = 0.0
        lexical = sections._scored_sections(q.question, top, s.whole)
    finally:
        sections.DENSE_WEIGHT = saved
    with_ret = sections._scored_sections(q.question, top, s.whole)
    if not lexical:
        return None
    vectors = s.chunk_vectors.get(top.document_id) if s.chunk_vectors else None
    sims = (np.asarray(vectors) @ np.asarray(s.query_vector)) if vectors is not None and len(vectors) else None
    wanted = extractive.content_words(q.question)
    rows, holds = [], []
    for lex, ret in zip(lexical, with_ret, strict=True):
        if sims is not None:
            if lex.part is not None:
                part = plain_parts.Part(lex.section, lex.text)
                own = [i for i, p in enumerate(s.whole) if plain_parts.holds(p, part)]
            else:
                own = [i for i, p in enumerate(s.whole) if p.section == lex.section]
            dense = float(max(sims[own])) if own else 0.0
        else:
            dense = 0.0
        shared = len(extractive.content_words(f"{lex.heading}\n{lex.text}") & wanted)
        rows.append([lex.score, ret.score - lex.score, dense, shared, 1.0 if not lex.section else 0.0])
        holds.append(says_facts(lex.text, q))
    return Question("", np.asarray(rows), np.asarray(holds))


def hits(questions: list[Question], weights: np.ndarray) -> int:
    return sum(bool(q.holds[int(np.argmax(q.features @ weights))]) for q in questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    questions: list[Question] = []
    for stored in sorted(args.cache.glob("*.pickle")):
        _policy, searches = pickle.loads(stored.read_bytes())  # NOTE: our own cache
        for s in searches:
            if s.question.lang == "en" and s.question.answerable:
                found = candidates_of(s)
                if found is not None:
                    found.centre = stored.stem
                    questions.append(found)
    centres = sorted({q.centre for q in questions})
    anywhere = sum(bool(q.holds.any()) for q in questions)
    product = np.array([1.0, sections.DENSE_WEIGHT, 0, 0, 0])
    print(f"right document first: {len(questions)}; some section holds the fact: {anywhere}; "
          f"single-section documents: {sum(len(q.holds) == 1 for q in questions)}")
    print(f"product's choice holds: {hits(questions, product)}")
    grid = [np.array([1.0, r, d, sh, i]) for r, d, sh, i in itertools.product(
        [0, 0.5, 1, 2], [0, 1, 2, 3, 4, 6], [0, 0.1, 0.25, 0.5], [-1, -0.5, 0, 0.5])]
    scored = [(w, {c: hits([q for q in questions if q.centre == c], w) for c in centres}) for w in grid]
    held = 0
    for centre in centres:
        best_w, _ = max(scored, key=lambda r: sum(v for c, v in r[1].items() if c != centre))
        mine = [q for q in questions if q.centre == centre]
        held += hits(mine, best_w)
        print(f"{centre:<22} {hits(mine, product):>3} -> {hits(mine, best_w):>3}  weights {best_w.tolist()}")
    print(f"held out: {hits(questions, product)} -> {held} of {len(questions)} (ceiling {anywhere})")
    for w, figures in sorted(scored, key=lambda r: -sum(r[1].values()))[:8]:
        print("in-sample", w.tolist(), sum(figures.values()))


if __name__ == "__main__":
    main()
