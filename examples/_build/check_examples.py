"""Check the example knowledge base is consistent: front matter, sizes, and eval files pointing at real documents.

Run: `python examples/_build/check_examples.py`; exits 1 and lists the problems when something is off.
Run it after editing articles or the evaluation files (it needs only PyYAML).
"""
from __future__ import annotations

import json
import re
import sys

from make_corpus import EXAMPLES, _split_front_matter, articles, build

DOCUMENT_SUFFIXES = {".md", ".html", ".pdf"}
TRIAGE_LABELS = {"customer_request", "security", "billing_dispute", "complaint", "none"}
EXTRA_LABELS = {"legal", "self_harm"}


def _rows(name: str) -> list[dict[str, object]]:
    with (EXAMPLES / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def problems() -> list[str]:
    """Every inconsistency found, as human-readable lines."""
    out: list[str] = []
    documents = {
        p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*")
        if p.suffix in DOCUMENT_SUFFIXES and p.parent != EXAMPLES
        and not {"_build", "eval"}.intersection(p.relative_to(EXAMPLES).parts)
    }
    urls: dict[str, str] = {}
    for path in articles():
        rel = path.relative_to(EXAMPLES).as_posix()
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        for key in ("title", "url", "tags"):
            if not meta.get(key):
                out.append(f"{rel}: front matter lacks {key!r}")
        url = str(meta.get("url", ""))
        if url in urls:
            out.append(f"{rel}: url {url} also used by {urls[url]}")
        urls[url] = rel
        words = len(re.findall(r"\w+", body))
        if not 150 <= words <= 650:
            out.append(f"{rel}: {words} words (want 150-600)")
        if "\n## " not in body:
            out.append(f"{rel}: no ## sections")
    corpus_ids = [row["id"] for row in _rows("eval/corpus.jsonl")]
    if corpus_ids != [row["id"] for row in build()]:
        out.append("eval/corpus.jsonl is stale: run examples/_build/make_corpus.py")
    for row in _rows("golden.jsonl"):
        for doc in row["must_cite"]:  # type: ignore[union-attr]
            if doc not in documents:
                out.append(f"golden.jsonl {row['id']}: unknown document {doc}")
    for row in _rows("eval/retrieval_queries.jsonl"):
        for doc in row["relevant"]:  # type: ignore[union-attr]
            if doc not in corpus_ids:
                out.append(f"retrieval_queries.jsonl {row['id']}: {doc} is not in the corpus")
    for name, labels in (("eval/triage.jsonl", TRIAGE_LABELS), ("eval/triage_extra.jsonl", EXTRA_LABELS)):
        for row in _rows(name):
            if row["expected"] not in labels:
                out.append(f"{name} {row['id']}: label {row['expected']!r} not in {sorted(labels)}")
    for name in ("golden.jsonl", "eval/retrieval_queries.jsonl", "eval/triage.jsonl", "eval/triage_extra.jsonl"):
        ids = [row["id"] for row in _rows(name)]
        if len(ids) != len(set(ids)):
            out.append(f"{name}: duplicate ids")
    return out


if __name__ == "__main__":
    found = problems()
    for line in found:
        print(line)
    print("ok" if not found else f"{len(found)} problem(s)")
    sys.exit(1 if found else 0)
