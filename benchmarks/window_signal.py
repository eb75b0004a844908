"""Issue 11: would whole-document windows (the LangChain tutorial's 1000/200 splits) help the learned ranker?

The product's chunks are per section (<= 900 chars, `chunking.py`); the tutorial's windows run across
section boundaries. This measures, without changing search, whether a window's best cosine with the
question is worth a feature of the learned ranker: the rows `ranker_data.py` records (every candidate
of every golden question, dev help centres and the public sets) get one more column, a document's best
window cosine (optionally times the question's length, as the other features are), and
`fit_ranker.py`'s fit is scored leave-one-help-centre-out at each L2 of its grid; the public sets are
only measured. Windows are split from the text the product's loaders read (the files `kb sync`
indexes), with or without the title in front; questions are embedded as written (the tutorial does
not normalise them).

    python benchmarks/ranker_data.py --out /tmp/ranker.pkl --public
    python benchmarks/window_signal.py --rows /tmp/ranker.pkl [--title]
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from anchor_langchain_tutorial import CHUNK_OVERLAP, CHUNK_SIZE  # noqa: E402
from answers_quality import help_centres  # noqa: E402
from fit_ranker import DEV, L2_GRID, PUBLIC, cross_validated, first_right, fit  # noqa: E402

from knowledge_base.documents import document_from_text, load_document  # noqa: E402
from knowledge_base.embeddings import LocalMiniLMEmbeddings  # noqa: E402
from knowledge_base.errors import DocumentLoadError  # noqa: E402
from knowledge_base.rank_features import question_length  # noqa: E402
from knowledge_base.snapshot import as_unit_rows  # noqa: E402
from knowledge_base.sync import _walk  # noqa: E402

RETRIEVAL = Path("/work/shared/eval/retrieval")


def document_texts(with_title: bool) -> dict[str, dict[str, str]]:
    """{set: {document id: text}} for the dev help centres (never the hold-outs) and the public sets."""
    texts: dict[str, dict[str, str]] = {}
    for name, docs, _golden, _conversations in help_centres(holdout=False):
        paths, _refused = _walk(docs)
        loaded = [load_document(p, source=p.relative_to(docs).as_posix()) for p in paths]
        texts[name] = {d.source: f"{d.title}\n\n{d.text}" if with_title else d.text for d in loaded}
    for name in PUBLIC:
        texts[name] = {}
        for line in (RETRIEVAL / name / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            try:
                doc = document_from_text(doc_id=str(row["id"]), title=str(row.get("title") or ""),
                                         text=str(row.get("text") or ""))
            except DocumentLoadError:
                continue
            texts[name][doc.id] = f"{doc.title}\n\n{doc.text}" if with_title else doc.text
    return texts


def add_window_cosines(rows: list[dict[str, Any]], texts: dict[str, dict[str, str]]) -> None:
    """Set each row's "window": per candidate document, its best window's cosine with the question."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embedder = LocalMiniLMEmbeddings()
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    for name, docs in texts.items():
        mine = [r for r in rows if r["set"] == name]
        if not mine:
            continue
        owners, windows = [], []
        for doc_id, text in docs.items():
            for window in splitter.split_text(text):
                owners.append(doc_id)
                windows.append(window)
        sims = as_unit_rows(embedder.embed_documents(windows)) @ as_unit_rows(
            embedder.embed_documents([r["text"] for r in mine])).T
        for row, column in zip(mine, sims.T, strict=True):
            best: dict[str, float] = {}
            for doc_id, sim in zip(owners, column, strict=True):
                best[doc_id] = max(best.get(doc_id, -1.0), float(sim))
            row["window"] = np.asarray([best.get(d, 0.0) for d in row["doc_ids"]])
        print(f"{name}: {len(docs)} documents, {len(windows)} windows", file=sys.stderr)


def with_column(rows: list[dict[str, Any]], column: Callable[[dict[str, Any]], np.ndarray] | None,
                ) -> list[dict[str, Any]]:
    return [{**r, "features": np.c_[r["features"], column(r)]} if column else r for r in rows]


def report(label: str, rows: list[dict[str, Any]]) -> None:
    sizes = sum(1 for r in rows if r["set"] in DEV)
    for l2 in L2_GRID:
        cv = cross_validated(rows, l2)
        beta = fit([r for r in rows if r["set"] in DEV], l2)
        public = {s: first_right([r for r in rows if r["set"] == s], beta) for s in PUBLIC}
        print(f"{label:24s} l2={l2:<6} leave-one-out {sum(cv.values())}/{sizes} {cv} public {public} "
              f"weights {np.round(beta[1:] / beta[0], 3).tolist()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=Path, required=True, help="rows from ranker_data.py --public")
    parser.add_argument("--title", action="store_true", help="put the document's title in front of its text")
    args = parser.parse_args()
    rows = [r for r in pickle.loads(args.rows.read_bytes()) if r.get("source", "golden") == "golden"]
    add_window_cosines(rows, document_texts(args.title))
    report("learned ranker", rows)
    report("+ window", with_column(rows, lambda r: r["window"]))
    report("+ window x length", with_column(rows, lambda r: r["window"] * question_length(r["text"])))


if __name__ == "__main__":
    main()
