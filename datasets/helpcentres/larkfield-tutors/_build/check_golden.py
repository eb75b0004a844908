"""Check that every must_say string of golden.jsonl and conversations.jsonl is in a cited document.

Run with: /work/main/.venv/bin/python _build/check_golden.py
PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
Also checks the built PDF/DOCX text (pypdf / python-docx) for every binary document.
Prints NOT FOUND / MISSING DOC lines and exits 1 when a fact is not in any of its cited documents.
"""
import html
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert _spec and _spec.loader
mb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mb)


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def built_text(rel: str) -> str:
    """Text extracted from the built PDF or DOCX file itself."""
    path = ROOT / "docs" / rel
    if rel.endswith(".pdf"):
        import pypdf
        return "\n".join(pg.extract_text() or "" for pg in pypdf.PdfReader(str(path)).pages)
    import docx
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts.extend(" | ".join(c.text for c in row.cells) for row in t.rows)
    return "\n".join(parts)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((r["id"], t["must_cite"], t["must_say"]) for t in r["turns"])
    bad = 0
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in doc_text(c).lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
        for s in say:
            for c in cite:
                if c in mb.SOURCES and norm(s) in norm(doc_text(c)) and norm(s) not in norm(built_text(c)):
                    print("NOT IN BUILT FILE", id_, repr(s), c)
                    bad += 1
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
