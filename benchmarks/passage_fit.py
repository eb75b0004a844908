"""Choose the section scorer and the continuation rule leave-one-centre-out, from `passage_choice.py`'s cache.

Every configuration of the knobs below (`bot.answering.sections`) replays the offline answer
(`Answerer.extract`) on the cached searches of every development set (English golden questions), with
each company document's `similarities` filled from the cached vectors (every chunk's cosine to the
question, as search gives it where it holds the vectors in memory). For each held-out centre the
configuration with the best facts said minus `--cost` times wrong answers on the other centres is
chosen (fewer words shown on ties), and the held-out centre's figures under it are summed: facts said
(shown, a required document cited, every `must_say` fact in the answer, as `eval answers` judges), right
document cited first, wrong answers (an unanswerable question shown, or an answer citing no required document),
and the median words shown.

    python benchmarks/passage_fit.py --cache DIR [--cost 1.5] [--grid section|document] [--fix K=V,...]
"""
from __future__ import annotations

import argparse
import itertools
import logging
import pickle
import re
import statistics
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched  # noqa: E402,F401  (the cache's rows)

from bot.answering import document_choice, sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.policy import load_policy  # noqa: E402
from knowledge_base.results import SearchResult  # noqa: E402

# knob -> (module, its name there); "sections" knobs choose the section, "document" ones the document
MODULES = {"SECTION_DENSE_WEIGHT": (sections, "SECTION_DENSE_WEIGHT"),
           "CONTINUATION_SHARED": (sections, "CONTINUATION_SHARED"),
           "MARGIN": (document_choice, "MARGIN"), "DOC_SCORE": (document_choice, "SCORE_WEIGHT"),
           "DOC_DENSE": (document_choice, "DENSE_WEIGHT")}
BEFORE: dict[str, Any] = {"SECTION_DENSE_WEIGHT": 0.0, "CONTINUATION_SHARED": 0, "MARGIN": None, "DOC_SCORE": 1.0,
                          "DOC_DENSE": 4.0}
GRIDS: dict[str, list[dict[str, Any]]] = {
    "section": [{**BEFORE, "SECTION_DENSE_WEIGHT": d, "CONTINUATION_SHARED": c}
                for d, c in itertools.product([0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0], [0, 1, 2])],
    "document": [BEFORE] + [{**BEFORE, "MARGIN": m, "DOC_SCORE": w, "DOC_DENSE": d}
                            for m, w, d in itertools.product([0.0, 0.5, 1.0, 2.0], [0.0, 1.0, 4.0], [0.0, 4.0, 8.0])],
}
_WORD = re.compile(r"\w+")


@dataclass
class Figures:
    said: int = 0
    cited_first: int = 0
    wrong: int = 0
    questions: int = 0
    answerable: int = 0
    words: list[int] | None = None


def with_similarities(s: Any) -> SearchResult:
    """`s.result` with each company document's chunk similarities from the cached vectors."""
    for hit in s.result.hits:  # NOTE: hits pickled before the field existed lack it
        if not hasattr(hit, "similarities"):
            object.__setattr__(hit, "similarities", {})
    if s.query_vector is None:
        return s.result  # type: ignore[no-any-return]
    query = np.asarray(s.query_vector, dtype=np.float32)
    query = query / max(float(np.linalg.norm(query)), 1e-12)
    hits = []
    for hit in s.result.hits:
        chunks, vectors = s.others.get(hit.document_id), s.chunk_vectors.get(hit.document_id)
        if chunks and vectors is not None and len(vectors) == len(chunks):
            rows = np.asarray(vectors, dtype=np.float32)
            rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
            hit = replace(hit, similarities={c.chunk_id: float(v) for c, v in zip(chunks, rows @ query, strict=True)})
        hits.append(hit)
    return replace(s.result, hits=hits)


Data = dict[str, list[tuple[Any, SearchResult]]]


def run(data: Data, answerer: Answerer, knobs: dict[str, Any]) -> dict[str, Figures]:
    for name, value in knobs.items():
        module, attribute = MODULES[name]
        setattr(module, attribute, value)
    out = {}
    for centre, rows in data.items():
        f = Figures(words=[])
        for s, result in rows:
            q = s.question
            answer = answerer.extract(q.question, result, whole=lambda hit, s=s: s.others.get(hit.document_id, []))
            f.questions += 1
            first = answer.citations[0].document_id if answer.grounded and answer.citations else None
            if answer.grounded:
                assert f.words is not None
                f.words.append(len(_WORD.findall(answer.text)))
            if not q.answerable:
                f.wrong += answer.grounded
                continue
            f.answerable += 1
            # as `eval answers` judges: the facts said and some required document cited (`Verdict`)
            required = answer.grounded and any(c.document_id in q.must_cite for c in answer.citations)
            f.cited_first += first in q.must_cite
            f.wrong += answer.grounded and not required
            f.said += required and says_facts(answer.text, q)
        out[centre] = f
    return out


def total(figures: dict[str, Figures]) -> str:
    words = [n for f in figures.values() for n in (f.words or [])]
    answerable = sum(f.answerable for f in figures.values())
    questions = sum(f.questions for f in figures.values())
    said = sum(f.said for f in figures.values())
    wrong = sum(f.wrong for f in figures.values())
    cited = sum(f.cited_first for f in figures.values())
    return (f"facts said {said}/{answerable} ({said / answerable:.3f}), cited first {cited / answerable:.3f}, "
            f"wrong {wrong}/{questions} ({wrong / questions:.3f}), median words {statistics.median(words):.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--cost", type=float, default=1.5, help="a wrong answer's cost in facts said")
    parser.add_argument("--grid", choices=sorted(GRIDS), default="section")
    parser.add_argument("--fix", default="", help="knobs held in every configuration, e.g. CONTINUATION_SHARED=1")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    data: dict[str, list[tuple[Any, SearchResult]]] = {}
    policy_file = None
    for stored in sorted(args.cache.glob("*.pickle")):
        policy_file, searches = pickle.loads(stored.read_bytes())  # NOTE: our own cache
        data[stored.stem] = [(s, with_similarities(s)) for s in searches if s.question.lang == "en"]
    policy = load_policy(policy_file)
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    before = run(data, answerer, BEFORE)
    fixed = {k: eval(v) for k, v in (kv.split("=") for kv in args.fix.split(",") if kv)}
    runs = [(knobs, run(data, answerer, knobs)) for knobs in ({**g, **fixed} for g in GRIDS[args.grid])]
    held: dict[str, Figures] = {}
    for out in data:
        def on_others(figures: dict[str, Figures], out: str = out) -> tuple[float, float]:
            others = [f for c, f in figures.items() if c != out]
            words = [n for f in others for n in (f.words or [])]
            return (sum(f.said for f in others) - args.cost * sum(f.wrong for f in others),
                    -statistics.median(words or [0]))

        knobs, figures = max(runs, key=lambda r: on_others(r[1]))
        held[out] = figures[out]
        b, a = before[out], figures[out]
        print(f"{out:<22} chose {knobs}  said {b.said} -> {a.said}/{a.answerable}, wrong {b.wrong} -> {a.wrong}, "
              f"median words {statistics.median(b.words or [0]):.0f} -> {statistics.median(a.words or [0]):.0f}",
              flush=True)
    print(f"before:   {total(before)}\nheld out: {total(held)}")
    for knobs, figures in sorted(runs, key=lambda r: -(sum(f.said for f in r[1].values())
                                                        - args.cost * sum(f.wrong for f in r[1].values())))[:6]:
        print(f"in-sample {knobs}: {total(figures)}")


if __name__ == "__main__":
    main()
