"""Build `examples/eval/corpus.jsonl` from the Markdown articles, for `supportbot eval retrieval`.

Run: `python examples/_build/make_corpus.py`. Rows are `{"id", "title", "text"}` where `id` is the
document id the knowledge base would give the file (path relative to examples/, with extension) and
`text` is the body without the front matter. HTML and PDF documents are left out on purpose: the
corpus format is plain text, and the retrieval queries only point at Markdown articles.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

EXAMPLES = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"_build", "eval"}


def _split_front_matter(raw: str) -> tuple[dict[str, object], str]:
    """Return (front matter, body); front matter is empty when the file has none."""
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(raw[4:end]) or {}
            return dict(meta), raw[end + 5:]
    return {}, raw


def articles(root: Path = EXAMPLES) -> list[Path]:
    """Markdown articles of the example knowledge base, in a stable order (README excluded)."""
    return sorted(
        p for p in root.rglob("*.md")
        if p.parent != root and not SKIP_DIRS.intersection(p.relative_to(root).parts)
    )


def build(root: Path = EXAMPLES) -> list[dict[str, str]]:
    """One corpus row per article."""
    rows = []
    for path in articles(root):
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
        doc_id = path.relative_to(root).as_posix()
        title = str(meta.get("title") or path.stem.replace("-", " "))
        rows.append({"id": doc_id, "title": title, "text": body.strip()})
    return rows


def main() -> None:
    rows = build()
    out = EXAMPLES / "eval" / "corpus.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{out.relative_to(EXAMPLES)}: {len(rows)} documents")


if __name__ == "__main__":
    main()
