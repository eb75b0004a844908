"""The answered-vs-declined trade-off of search, per knowledge base and pooled, as a threshold sweep.

Every knowledge base we may measure on, indexed with the product's own pipeline and searched with
the product's own `Searcher` (one default configuration for all of them):
- our help centres with golden questions: `examples/` and the dev help centres under
  `datasets/helpcentres/` (never the hold-out);
- our calibration sets (`examples/eval`, `benchmarks/calibration_sets/`), as written and with a
  third of their documents held out (their questions become in-domain questions the base cannot
  answer), see `fit_calibration.variants`;
- the public sets in `../shared/eval/retrieval/` (measured, never fitted on).

For each knowledge base it prints recall@1, the AUROC of the score for "answerable", the figures at
the configured threshold, and a sweep: for each threshold, the share of answerable questions
answered with the right document first, the share of unanswerable ones declined, and wrong answers
(answered from the wrong document, or answered although unanswerable) over all questions.
Non-English questions (golden `lang`) are reported on their own rows, with how many took the
cross-lingual path.

    python benchmarks/kb_answerability.py [--only NAME] [--rows FILE] [--sweep 0.2,0.3,...]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)

from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.evaluation import auroc, read_jsonl, throwaway_searcher  # noqa: E402
from knowledge_base.search import Searcher  # noqa: E402
from knowledge_base.service import build_knowledge_base  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval" / "retrieval"
if not SHARED.exists():
    SHARED = Path("/work/shared/eval/retrieval")
CALIBRATION = ROOT / "benchmarks" / "calibration_sets"
SWEEP = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def golden_sets() -> list[tuple[str, Path, Path]]:
    """(name, docs folder, golden file) of every dev help centre, never a hold-out."""
    return [(name, docs, golden) for name, docs, golden, _ in help_centres(holdout=False)]


def corpus_sets() -> list[tuple[str, str, Path, list[Path]]]:
    """(name, group, corpus, query files): our own calibration sets, then the public ones."""
    sets = [("kestrel", "own", ROOT / "examples/eval/corpus.jsonl",
             [ROOT / "examples/eval/retrieval_queries.jsonl", CALIBRATION / "kestrel_extra_queries.jsonl",
              CALIBRATION / "kestrel_multilingual_queries.jsonl"])]
    sets += [(name, "own", CALIBRATION / f"{name}_corpus.jsonl", [CALIBRATION / f"{name}_queries.jsonl"])
             for name in ("gym", "bikes", "notes")]
    sets += [(name, "public", SHARED / name / "corpus.jsonl", [SHARED / name / "queries.jsonl"])
             for name in ("stackfaq", "stackfaq_unanswerable", "rasa_sara") if (SHARED / name).exists()]
    return sets


@contextmanager
def folder_searcher(docs: Path, settings: KnowledgeBaseSettings) -> Iterator[Searcher]:
    """A `Searcher` over `docs` synced (all loaders, as `kb sync` does) into a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="supportbot-bench-") as tmp:
        run = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": None, "collection": "bench"})
        kb = build_knowledge_base(run)
        try:
            kb.sync(docs)
            kb.fill_cross_lingual()
            searcher = Searcher(index=kb.index, embedder=kb.embedder, settings=run)
            searcher.refresh()
            yield searcher
        finally:
            kb.close()


def ask(searcher: Searcher, name: str, group: str, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per question: label, what search put first, its score and decision, its path."""
    rows = []
    for q in questions:
        relevant = [str(r) for r in q.get("relevant", q.get("must_cite", []))]
        result = searcher.search(str(q.get("text", q.get("question", ""))))
        ranked = [h.document_id for h in result.hits]
        rank = next((i for i, d in enumerate(ranked) if d in relevant), None)
        rows.append({"set": name, "group": group, "id": q.get("id"), "lang": q.get("lang", "en"),
                     "answerable": bool(relevant), "top1": rank == 0, "rank": rank,
                     "score": result.top_score, "answered": result.answerable,
                     "cross_lingual": result.cross_lingual, "detected": result.language})
    return rows


def collect(settings: KnowledgeBaseSettings, only: str | None) -> list[dict[str, Any]]:
    from fit_calibration import variants  # the held-out variants the calibration is fitted on

    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    embedder = LocalMiniLMEmbeddings()  # only to pick the held-out siblings
    rows: list[dict[str, Any]] = []
    for name, docs, golden in golden_sets():
        if only and only != name:
            continue
        with folder_searcher(docs, settings) as searcher:
            rows += ask(searcher, name, "helpcentre", read_jsonl(golden))
    for name, group, corpus_file, query_files in corpus_sets():
        if only and only != name:
            continue
        corpus = read_jsonl(corpus_file)
        queries = [q for f in query_files for q in read_jsonl(f)]
        kinds = variants(corpus, queries, embedder) if group == "own" else {"": (corpus, queries)}
        for suffix, (docs_rows, qs) in kinds.items():
            with throwaway_searcher(docs_rows, settings=settings) as searcher:
                rows += ask(searcher, name + suffix, group, qs)
    return rows


def figures(rows: list[dict[str, Any]], threshold: float | None) -> dict[str, Any]:
    """Right-first answered, declined and wrong at `threshold` (None: the product's own decision)."""
    def answered(r: dict[str, Any]) -> bool:
        return bool(r["answered"]) if threshold is None else r["score"] >= threshold

    yes = [r for r in rows if r["answerable"]]
    no = [r for r in rows if not r["answerable"]]
    return {
        "right_first": _rate([answered(r) and r["top1"] for r in yes]),
        "answered": _rate([answered(r) for r in yes]),
        "declined": _rate([not answered(r) for r in no]),
        "wrong": _rate([answered(r) and (not r["answerable"] or not r["top1"]) for r in rows]),
    }


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    yes = [r for r in rows if r["answerable"]]
    area = auroc([r["score"] for r in rows], [r["answerable"] for r in rows])
    return {"questions": len(rows), "answerable": len(yes), "recall@1": _rate([r["top1"] for r in yes]),
            "auroc": None if area is None else round(area, 4), **figures(rows, None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="one knowledge base by name")
    parser.add_argument("--rows", type=Path, help="read the rows from this file if it exists, else write them there")
    parser.add_argument("--sweep", help="comma-separated thresholds")
    parser.add_argument("--chunk-size", type=int, help="characters per chunk (default: the product's)")
    parser.add_argument("--chunk-overlap", type=int, help="characters of overlap (default: the product's)")
    args = parser.parse_args()
    settings = KnowledgeBaseSettings(**{k: v for k, v in (("chunk_size", args.chunk_size),
                                                            ("chunk_overlap", args.chunk_overlap)) if v is not None})
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text())
    else:
        rows = collect(settings, args.only)
        if args.rows:
            args.rows.write_text(json.dumps(rows))
    sweep = tuple(float(t) for t in args.sweep.split(",")) if args.sweep else SWEEP
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        english = r["lang"] == "en"
        groups.setdefault(r["set"] if english else f"{r['set']} (non-English)", []).append(r)
    own = [r for r in rows if r["group"] != "public"]
    groups["ALL own (pooled)"] = own
    groups["ALL help centres, English"] = [r for r in rows if r["group"] == "helpcentre" and r["lang"] == "en"]
    groups["ALL help centres, other languages"] = [r for r in rows if r["group"] == "helpcentre" and r["lang"] != "en"]
    print(f"threshold {settings.answerable_threshold} (the product's decision); each sweep cell: "
          "right document first and answered / unanswerable declined / wrong answers, as rates")
    print(f"{'knowledge base':36}{'n':>5}{'ans':>5}{'r@1':>7}{'auroc':>7}{'right':>7}{'decl':>7}{'wrong':>7}  "
          + "".join(f"{t:>17}" for t in sweep))
    report: dict[str, Any] = {}
    for name, part in groups.items():
        if not part:
            continue
        s = summary(part)
        cells = [figures(part, t) for t in sweep]
        print(f"{name[:35]:36}{s['questions']:>5}{s['answerable']:>5}{_fmt(s['recall@1']):>7}{_fmt(s['auroc']):>7}"
              f"{_fmt(s['right_first']):>7}{_fmt(s['declined']):>7}{_fmt(s['wrong']):>7}  "
              + "".join(f"{_fmt(c['right_first']):>6}/{_fmt(c['declined'])}/{_fmt(c['wrong'])}" for c in cells))
        cross = [r for r in part if r["cross_lingual"]]
        report[name] = {**s, "cross_lingual": len(cross), "sweep": dict(zip(map(str, sweep), cells, strict=False))}
    print(json.dumps(report, sort_keys=True))


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
