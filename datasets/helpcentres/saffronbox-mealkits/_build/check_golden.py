"""Check that every must_say string is verbatim in its cited documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
Reads PDF/DOCX both from their source text in make_binaries.py and from the built
files (pypdf / python-docx), so a rendering that breaks a fact is caught too.
"""
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import make_binaries  # noqa: E402


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def built_text(path: Path) -> str:
    if path.suffix == ".pdf":
        import pypdf
        return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
    import docx
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def doc_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs").rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(ROOT / "docs").as_posix()
        if path.suffix in (".pdf", ".docx"):
            texts[rel] = [norm(make_binaries.plain_text(make_binaries.SOURCES[rel])), norm(built_text(path))]
        elif path.suffix == ".html":
            raw = path.read_text(encoding="utf-8")
            texts[rel] = [norm(html.unescape(re.sub(r"<[^>]+>", " ", raw)))]
        else:
            texts[rel] = [norm(path.read_text(encoding="utf-8"))]
    return texts


def main() -> int:
    texts = doc_texts()
    problems = 0
    cases = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        for i, t in enumerate(c["turns"]):
            cases.append((f"{c['id']}/{i}", t["must_cite"], t["must_say"]))
    for cid, cites, says in cases:
        for doc in cites:
            if doc not in texts:
                print(f"{cid}: unknown doc {doc}")
                problems += 1
                continue
            for s in says:
                missing = [k for k, t in enumerate(texts[doc]) if norm(s) not in t]
                if missing:
                    print(f"{cid}: {s!r} not in {doc} (variants {missing})")
                    problems += 1
    print(len(cases), "cases checked,", problems, "problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
