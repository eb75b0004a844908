"""Fit the answerable-decision weights on OUR OWN labelled questions (never on ../shared/eval).

Sets: the example knowledge base (examples/eval: corpus + retrieval queries, plus our extra
questions in benchmarks/calibration_sets/kestrel_extra_queries.jsonl), a gym FAQ (short entries,
short informal questions, chit-chat), a bike-rental help center and a note-taking app's help
center whose titles are questions and whose articles come in sibling pairs (export PDF / export
Markdown, delete / restore, ...), so its held-out variants look like a dense FAQ with a thread
removed (benchmarks/calibration_sets/).
Each also runs with every third document held out, and with a third held out among the documents
that have the closest sibling: their questions become in-domain questions the base cannot answer.
Prints per-set answer/decline rates and the fitted (gap_weight, margin_weight, offset); paste them
into knowledge_base/calibration.py.
`--signals` also fits and reports the candidate extra signals (out-of-vocabulary share, off-domain
anchors, dense/keyword agreement, rank-5 baseline, coverage, how far the top stands out from the
question's own runners-up, passage-only gap, title cosine) the same way.
`--measure CORPUS QUERIES` (repeatable) only REPORTS figures on other sets with the fitted weights.
Run: python benchmarks/fit_calibration.py [--signals] [--cache FILE] [--measure CORPUS QUERIES ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge_base.calibration import DEFAULT_CALIBRATION, fit_logistic  # noqa: E402
from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.embeddings import LocalMiniLMEmbeddings  # noqa: E402
from knowledge_base.evaluation import read_jsonl, throwaway_searcher  # noqa: E402

DATA = ROOT / "benchmarks" / "calibration_sets"
SETS = {
    "kestrel": (
        ROOT / "examples/eval/corpus.jsonl",
        [ROOT / "examples/eval/retrieval_queries.jsonl", DATA / "kestrel_extra_queries.jsonl"],
    ),
    "gym": (DATA / "gym_corpus.jsonl", [DATA / "gym_queries.jsonl"]),
    "bikes": (DATA / "bikes_corpus.jsonl", [DATA / "bikes_queries.jsonl"]),
    "notes": (DATA / "notes_corpus.jsonl", [DATA / "notes_queries.jsonl"]),
}


def variants(
    corpus: list[dict], queries: list[dict], embedder: LocalMiniLMEmbeddings
) -> dict[str, tuple[list[dict], list[dict]]]:
    """The set as written; with every third document held out (its questions become in-domain
    questions the base cannot answer); and with a third held out among the documents that have the
    closest sibling (the hardest kind to refuse: a neighbour on the same topic stays in the base)."""

    def without(held: set[str]) -> tuple[list[dict], list[dict]]:
        kept = [row for row in corpus if row["id"] not in held]
        return kept, [{**q, "relevant": [r for r in q["relevant"] if r not in held]} for q in queries]

    vectors = embedder.embed_array([f"{row['title']}\n{row['text']}"[:1000] for row in corpus])
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1.0)
    siblings: set[str] = set()
    for i in np.argsort(-sims.max(axis=1)):  # closest pairs first, never both halves of a pair
        j = int(np.argmax(sims[i]))
        if corpus[j]["id"] not in siblings and len(siblings) < len(corpus) // 3:
            siblings.add(corpus[int(i)]["id"])
    return {
        "": (corpus, queries),
        "-heldout": without({row["id"] for i, row in enumerate(corpus) if i % 3 == 1}),
        "-siblings": without(siblings),
    }


def collect_set(
    name: str, corpus: list[dict], queries: list[dict], settings: KnowledgeBaseSettings, embedder: LocalMiniLMEmbeddings
) -> list[dict]:
    """One row per question: the decision features of the top document, the label, and whether it ranked right."""
    rows = []
    with throwaway_searcher(corpus, settings=settings, embedder=embedder) as searcher:
        for q in queries:
            found = searcher.explain(q["text"], k=2)
            top = found[0] if found else {}
            rows.append(
                {
                    "set": name,
                    "text": q["text"],
                    "answerable": bool(q["relevant"]),
                    "top1": bool(top) and top["document_id"] in set(q["relevant"]),
                    **{
                        f: float(top.get(f, 0.0))
                        for f in (
                            "raw",
                            "level",
                            "margin",
                            "chunk",
                            "title",
                            "coverage",
                            "unknown",
                            "anchor",
                            "agree",
                            "rank5",
                            "background",
                        )
                    },
                }
            )
    return rows


# Candidate decision inputs, each a function of one `Searcher.explain` row. The product uses
# "gap" and "margin"; the others are what --signals measures.
SIGNALS = {
    "gap": lambda r: r["raw"] - r["level"],  # above the base's near-miss level
    "margin": lambda r: r["margin"],  # above the next document
    "unknown": lambda r: r["unknown"],  # idf share of the question's words the base never uses
    "anchor": lambda r: min(r["chunk"] - r["anchor"], 0.0),  # closer to small talk than to any passage
    "agree": lambda r: r["agree"],  # dense and keyword search pick the same top document
    "coverage": lambda r: r["coverage"],  # idf share of the question's words in the document
    "mid": lambda r: r["raw"] - 0.5 * (r["level"] + r["rank5"]),  # gap to the base's AND the question's baseline
    "stand_out": lambda r: r["raw"] - r["background"],  # above the question's own runners-up (ranks 2-10)
    "passage_gap": lambda r: r["chunk"] - r["level"],  # passage evidence alone: titles name topics, not answers
    "title": lambda r: r["title"],
}
MODELS = [
    ("gap", "margin"),
    ("gap", "margin", "unknown"),
    ("gap", "margin", "anchor"),
    ("gap", "margin", "agree"),
    ("gap", "margin", "coverage"),
    ("mid", "margin"),
    ("mid", "margin", "anchor"),
    ("gap", "margin", "unknown", "anchor", "agree", "coverage"),
    ("gap", "margin", "stand_out"),
    ("passage_gap", "margin"),
    ("gap", "margin", "title", "coverage"),
]


def fit(rows: list[dict], inputs: tuple[str, ...]) -> tuple[list[float], float]:
    return fit_logistic([[SIGNALS[n](r) for n in inputs] for r in rows], [r["answerable"] for r in rows])


def report(rows: list[dict], inputs: tuple[str, ...], weights: list[float], offset: float) -> dict[str, dict]:
    """Answer rate of answerable and decline rate of unanswerable questions per set, at score 0.5."""
    out = {}
    for name in sorted({r["set"] for r in rows}):
        part = [r for r in rows if r["set"] == name]
        z = [sum(w * SIGNALS[n](r) for w, n in zip(weights, inputs, strict=False)) + offset for r in part]
        yes = [v >= 0 for v, r in zip(z, part, strict=False) if r["answerable"]]
        no = [v < 0 for v, r in zip(z, part, strict=False) if not r["answerable"]]
        out[name] = {
            "answer_rate": round(sum(yes) / len(yes), 3) if yes else None,
            "refusal_rate": round(sum(no) / len(no), 3) if no else None,
            "questions": len(part),
        }
    print(" | ".join(f"{n} {v['answer_rate']}/{v['refusal_rate']}" for n, v in out.items()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, help="read/write the collected features here")
    parser.add_argument("--signals", action="store_true", help="also fit and report the candidate signals")
    parser.add_argument("--measure", nargs=2, action="append", default=[], metavar=("CORPUS", "QUERIES"))
    args = parser.parse_args()
    settings = KnowledgeBaseSettings()
    embedder = LocalMiniLMEmbeddings()
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        rows = []
        for name, (corpus_file, query_files) in SETS.items():
            queries = [q for f in query_files for q in read_jsonl(f)]
            for suffix, (corpus, qs) in variants(read_jsonl(corpus_file), queries, embedder).items():
                rows += collect_set(name + suffix, corpus, qs, settings, embedder)
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    measured = [
        row
        for corpus_file, query_file in args.measure  # reported only, never fitted on
        for row in collect_set(
            Path(corpus_file).parent.name,
            read_jsonl(Path(corpus_file)),
            read_jsonl(Path(query_file)),
            settings,
            embedder,
        )
    ]
    current = DEFAULT_CALIBRATION
    print(f"product default: gap {current.gap_weight}, margin {current.margin_weight}, offset {current.offset}")
    report(rows + measured, ("gap", "margin"), [current.gap_weight, current.margin_weight], current.offset)
    for inputs in MODELS if args.signals else MODELS[:1]:
        weights, offset = fit(rows, inputs)
        print(
            json.dumps(
                {f"{n}_weight": round(w, 3) for n, w in zip(inputs, weights, strict=False)}
                | {"offset": round(offset, 3)}
            )
        )
        report(rows + measured, inputs, weights, offset)


if __name__ == "__main__":
    main()
