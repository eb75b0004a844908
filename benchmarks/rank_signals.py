"""Record what ranking could read, per development help centre, to study document ranking offline.

`ranker_data.py` records the learned ranker's features for the candidates search already scores;
this keeps the raw material instead, so another aggregation of a document's chunks (best chunk vs
best + support), another title or heading weight, a keyword variant or a document-level vector can
be scored leave-one-help-centre-out in seconds (`rank_study.py`) without re-indexing. Per centre
(`examples/` and the DEVELOPMENT help centres, never a hold-out): the snapshot's chunk, title and
window vectors, each chunk's section and document, the keyword index, and per English golden
question its normalised text, vector and the required documents (`[]`: unanswerable), plus the
candidates exactly as `ranking.rank` orders them with the shipped learned ranker (a check that the
offline re-ranking reproduces search).

With `--public` the same for the public retrieval sets stackfaq and rasa_sara instead (measuring only).

    python benchmarks/rank_signals.py --out /tmp/signals.pkl [--only NAME]
    python benchmarks/rank_signals.py --public --out /tmp/public_signals.pkl
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
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)

from bot.answering.golden import load_golden  # noqa: E402
from commands import _throwaway  # noqa: E402
from knowledge_base.chunking import compose_embed_text  # noqa: E402
from knowledge_base.ranking import rank  # noqa: E402
from knowledge_base.snapshot import as_unit_rows  # noqa: E402
from server import Settings, build_knowledge_base  # noqa: E402

ALL = 10_000  # rank every candidate


PUBLIC = Path("/work/shared/eval/retrieval")


def centre_signals(name: str, docs: Path, golden: Path) -> dict[str, Any]:
    questions = [(q.id, q.question, list(q.must_cite)) for q in load_golden(golden) if q.lang == "en"]
    with tempfile.TemporaryDirectory(prefix="supportbot-signals-") as tmp:
        kb = build_knowledge_base(_throwaway(Settings(), Path(tmp)))
        kb.sync(docs)
        try:
            return searcher_signals(kb._get_searcher(), name, questions)
        finally:
            kb.close()


def public_signals(name: str) -> dict[str, Any]:
    """The same record for a public retrieval set (measuring only: `rank_study.py` never fits on it)."""
    from knowledge_base.embeddings import make_embedder
    from knowledge_base.evaluation import read_jsonl, throwaway_searcher

    settings = Settings().kb
    embedder, model_id = make_embedder(settings)
    embedder.model_id = model_id  # type: ignore[attr-defined]
    questions = [(str(r["id"]), str(r["text"]), [str(d) for d in r["relevant"]])
                 for r in read_jsonl(PUBLIC / name / "queries.jsonl") if r.get("relevant")]
    with throwaway_searcher(read_jsonl(PUBLIC / name / "corpus.jsonl"), settings=settings,
                            embedder=embedder) as searcher:
        searcher.language = "en"
        return searcher_signals(searcher, name, questions)


def searcher_signals(searcher: Any, name: str, golden: list[tuple[str, str, list[str]]]) -> dict[str, Any]:
    """What `rank_study.py` reads for one indexed base and its questions (id, text, required documents)."""
    snap = searcher._current_snapshot()
    assert snap.chunk_vectors is not None, "the study reads in-memory chunk vectors"
    headings = [compose_embed_text(snap.titles[int(d)], s, "").strip() for d, s in
                zip(snap.chunk_doc, snap.chunk_sections, strict=True)]
    distinct = sorted(set(headings))
    heading_vectors = as_unit_rows(searcher.embedder.embed_documents(distinct))
    windows = snap.windows
    questions = []
    for qid, question, must_cite in golden:
        space, _level, text, vector, _crossed = searcher._route(snap, question, "en")
        ranked = rank(searcher.index, snap, space, vector, text, k=ALL)
        questions.append({"id": qid, "question": question, "text": text, "vector": vector,
                          "must_cite": must_cite, "chunk_cov": snap.lexical.coverage(text),
                          "shipped": [(c.document_id, c.base, c.raw) for c in ranked]})
    out = {
        "name": name, "doc_ids": list(snap.doc_ids), "titles": list(snap.titles),
        "trusts": list(snap.trusts), "title_vectors": np.asarray(snap.title_vectors),
        "chunk_vectors": np.asarray(snap.chunk_vectors), "chunk_doc": np.asarray(snap.chunk_doc),
        "chunk_texts": list(snap.chunk_texts), "chunk_sections": list(snap.chunk_sections),
        "heading_of_chunk": np.asarray([distinct.index(h) for h in headings]),
        "heading_vectors": heading_vectors, "lexical": snap.lexical, "level": snap.level,
        "window_vectors": None if windows is None else windows.codes.astype(np.float32) * windows.scales[:, None],
        "window_starts": None if windows is None else np.asarray(windows.starts),
        "questions": questions,
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only")
    parser.add_argument("--public", action="store_true", help="only the public sets stackfaq and rasa_sara")
    args = parser.parse_args()
    centres = []
    for name in ("stackfaq", "rasa_sara") if args.public else ():
        centres.append(public_signals(name))
        print(name, len(centres[-1]["questions"]), "questions", file=sys.stderr)
    for name, docs, golden, _conversations in [] if args.public else help_centres(holdout=False):
        if args.only and name != args.only:
            continue
        centres.append(centre_signals(name, docs, golden))
        print(name, len(centres[-1]["doc_ids"]), "docs", len(centres[-1]["chunk_doc"]), "chunks",
              len(centres[-1]["questions"]), "questions", file=sys.stderr)
    args.out.write_bytes(pickle.dumps(centres))


if __name__ == "__main__":
    main()
