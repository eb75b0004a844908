"""Fit the two calibration parameters on OUR OWN labelled questions (never on ../shared/eval).

Sets: the example knowledge base (examples/eval: corpus + retrieval queries, plus our extra
questions in benchmarks/calibration_sets/kestrel_extra_queries.jsonl) and a second, differently shaped base
(benchmarks/calibration_sets/gym_*: short FAQ entries, short informal questions, chit-chat).
Prints per-set figures and the fitted (gap_weight, margin_weight, offset); paste them into knowledge_base/calibration.py.
Run: python benchmarks/fit_calibration.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge_base.calibration import Calibration, fit_logistic  # noqa: E402
from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.embeddings import LocalMiniLMEmbeddings  # noqa: E402
from knowledge_base.evaluation import read_jsonl, throwaway_searcher  # noqa: E402

DATA = ROOT / "benchmarks" / "calibration_sets"
SETS = {
    "kestrel": (ROOT / "examples/eval/corpus.jsonl",
                [ROOT / "examples/eval/retrieval_queries.jsonl", DATA / "kestrel_extra_queries.jsonl"]),
    "gym": (DATA / "gym_corpus.jsonl", [DATA / "gym_queries.jsonl"]),
}


def variants(corpus: list[dict], queries: list[dict]) -> dict[str, tuple[list[dict], list[dict]]]:
    """The set as written, and with every third document held out: the questions those documents
    answered become in-domain questions the base cannot answer (the hardest kind to refuse)."""
    held = {row["id"] for i, row in enumerate(corpus) if i % 3 == 1}
    kept = [row for row in corpus if row["id"] not in held]
    relabelled = [{**q, "relevant": [r for r in q["relevant"] if r not in held]} for q in queries]
    return {"": (corpus, queries), "-heldout": (kept, relabelled)}


def collect(settings: KnowledgeBaseSettings, embedder: LocalMiniLMEmbeddings) -> list[tuple[str, float, float, float, bool]]:
    """(set, raw top relevance, near-miss level, margin over the second document, answerable) per question."""
    rows = []
    for name, (corpus_file, query_files) in SETS.items():
        queries = [q for f in query_files for q in read_jsonl(f)]
        for suffix, (corpus, qs) in variants(read_jsonl(corpus_file), queries).items():
            with throwaway_searcher(corpus, settings=settings, embedder=embedder) as searcher:
                level = searcher.near_miss_level
                for q in qs:
                    top = searcher.explain(q["text"], k=2)[0]
                    rows.append((name + suffix, float(top["raw"]), level, float(top["margin"]), bool(q["relevant"])))
    return rows


def main() -> None:
    settings = KnowledgeBaseSettings()
    embedder = LocalMiniLMEmbeddings()
    rows = collect(settings, embedder)
    (gap_w, margin_w), offset = fit_logistic([(r - lv, m) for _, r, lv, m, _ in rows], [y for *_, y in rows])
    cal = Calibration(gap_weight=gap_w, margin_weight=margin_w, offset=offset)
    out = {"gap_weight": round(gap_w, 3), "margin_weight": round(margin_w, 3), "offset": round(offset, 3)}
    for name in sorted({r[0] for r in rows}):
        part = [(r, lv, m, y) for n, r, lv, m, y in rows if n == name]
        yes = [cal.score(r, lv, m) >= 0.5 for r, lv, m, y in part if y]
        no = [cal.score(r, lv, m) < 0.5 for r, lv, m, y in part if not y]
        out[name] = {"level": round(part[0][1], 3), "answer_rate": round(sum(yes) / len(yes), 3),
                     "refusal_rate": round(sum(no) / len(no), 3), "questions": len(part)}
        print(f"{name}: near-miss level {part[0][1]:.3f}, answer {out[name]['answer_rate']:.2f}, "
              f"refuse {out[name]['refusal_rate']:.2f} ({len(part)} questions)")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
