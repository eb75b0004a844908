"""Record the learned ranker's features for every candidate document of every question we may tune on.

For each development help centre (`examples/` and `datasets/helpcentres/*` minus the hold-outs, the
list `answers_quality.help_centres` keeps) the docs are indexed into a throwaway knowledge base and
each English answerable golden question, and each of our synthetic questions for it
(`datasets/ranker/synthetic_questions.jsonl`, written for training the ranker), is ranked as
search ranks it (normalised, embedded, every
candidate of `ranking.rank`); `--public` does the same for the public retrieval sets in
../shared/eval (measuring only: `fit_ranker.py` never fits on them) and `--extra NAME=CORPUS,QUERIES`
for any other corpus/queries pair (e.g. our synthetic questions). Rows are pickled to `--out`:
one per question, `{"set", "source" ("golden" or "synthetic"), "id", "text", "base" (the
hand-tuned relevance per candidate), "features"
(candidates x `rank_features.FEATURES`), "labels", "doc_ids"}`. Searches run with the learned
ranker's weights at zero, so the rows do not depend on the weights being fitted.

    python benchmarks/ranker_data.py --out /tmp/ranker.pkl [--public]
"""
from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from answers_quality import help_centres  # noqa: E402

from bot.answering.golden import load_golden  # noqa: E402
from commands import _throwaway  # noqa: E402
from knowledge_base.evaluation import read_jsonl, throwaway_searcher  # noqa: E402
from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402
from knowledge_base.rank_features import FEATURES  # noqa: E402
from knowledge_base.search import Searcher  # noqa: E402
from server import Settings, build_knowledge_base  # noqa: E402

PUBLIC = Path("/work/shared/eval/retrieval")
SYNTHETIC = ROOT / "datasets" / "ranker" / "synthetic_questions.jsonl"
ALL = 10_000  # rank every candidate


def question_rows(searcher: Searcher, name: str,
                  questions: list[tuple[str, str, set[str]]]) -> list[dict[str, Any]]:
    from knowledge_base.ranking import rank

    searcher.ranker = LearnedRanker(weights=(0.0,) * len(FEATURES))
    snap = searcher._current_snapshot()
    rows = []
    for qid, text, relevant in questions:
        space, _level, normalised, vector, _crossed = searcher._route(snap, text, searcher.language)
        ranked = rank(searcher.index, snap, space, vector, normalised, k=ALL)
        if not ranked:
            continue
        source = "synthetic" if qid.startswith("syn-") else "golden"
        rows.append({"set": name, "source": source, "id": qid, "text": text,
                     "features": np.stack([c.features for c in ranked if c.features is not None]),
                     "base": np.asarray([c.base for c in ranked]),
                     "labels": np.asarray([c.document_id in relevant for c in ranked]),
                     "doc_ids": [c.document_id for c in ranked]})
    return rows


def help_centre_rows(name: str, docs: Path, golden: Path) -> list[dict[str, Any]]:
    questions = [(q.id, q.question, set(q.must_cite)) for q in load_golden(golden)
                 if q.answerable and q.lang == "en"]
    questions += [(str(r["id"]), str(r["question"]), set(r["must_cite"])) for r in read_jsonl(SYNTHETIC)
                  if r["kb"] == name]
    with tempfile.TemporaryDirectory(prefix="supportbot-ranker-") as tmp:
        settings = _throwaway(Settings(), Path(tmp))
        kb = build_knowledge_base(settings)
        try:
            kb.sync(docs)
            return question_rows(kb._get_searcher(), name, questions)
        finally:
            kb.close()


def corpus_rows(name: str, corpus: Path, queries: Path) -> list[dict[str, Any]]:
    from knowledge_base.embeddings import make_embedder

    settings = Settings().kb
    embedder, model_id = make_embedder(settings)
    embedder.model_id = model_id  # type: ignore[attr-defined]
    questions = [(str(r["id"]), str(r["text"]), {str(d) for d in r["relevant"]})
                 for r in read_jsonl(queries) if r.get("relevant")]
    with throwaway_searcher(read_jsonl(corpus), settings=settings, embedder=embedder) as searcher:
        searcher.language = "en"
        return question_rows(searcher, name, questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--public", action="store_true", help="also the public sets (measuring only)")
    parser.add_argument("--only-public", action="store_true")
    parser.add_argument("--extra", action="append", default=[], help="NAME=CORPUS.jsonl,QUERIES.jsonl")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    if not args.only_public:
        for name, docs, golden, _conversations in help_centres(holdout=False):
            rows += help_centre_rows(name, docs, golden)
            print(name, sum(r["set"] == name for r in rows), file=sys.stderr)
    for spec in args.extra:
        name, paths = spec.split("=", 1)
        corpus, queries = paths.split(",")
        rows += corpus_rows(name, Path(corpus), Path(queries))
    if args.public or args.only_public:
        for name in ("stackfaq", "rasa_sara"):
            rows += corpus_rows(name, PUBLIC / name / "corpus.jsonl", PUBLIC / name / "queries.jsonl")
            print(name, sum(r["set"] == name for r in rows), file=sys.stderr)
    args.out.write_bytes(pickle.dumps(rows))


if __name__ == "__main__":
    main()
