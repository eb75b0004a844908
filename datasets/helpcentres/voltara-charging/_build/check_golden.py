"""Check that every must_say string of golden.jsonl and conversations.jsonl is in every cited document.

Run with: /work/main/.venv/bin/python _build/check_golden.py
HTML is read without tags. PDF/DOCX are checked twice: against the source text in
make_binaries.py and against text extracted from the built files (pypdf / python-docx,
whitespace collapsed). Prints NOT FOUND / MISSING DOC lines, exits 1 on any problem.
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


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def extracted(rel: str) -> str:
    p = ROOT / "docs" / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(pg.extract_text() or "" for pg in PdfReader(str(p)).pages)
    import docx
    d = docx.Document(str(p))
    parts = [para.text for para in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


_cache: dict[str, list[str]] = {}


def doc_texts(rel: str) -> list[str]:
    if rel not in _cache:
        if rel in mb.SOURCES:
            _cache[rel] = [norm(mb.plain_text(mb.SOURCES[rel])), norm(extracted(rel))]
        else:
            s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
            if rel.endswith(".html"):
                s = html.unescape(re.sub(r"<[^>]+>", " ", s))
            _cache[rel] = [norm(s)]
    return _cache[rel]


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
        ok_cites = [c for c in cite if c in docs]
        for s in say:
            # the fact must be in every cited doc, in every text version of it
            for c in ok_cites:
                if not all(norm(s) in t for t in doc_texts(c)):
                    print("NOT FOUND", id_, repr(s), c)
                    bad += 1
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
