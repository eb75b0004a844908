"""Check golden.jsonl and conversations.jsonl of the Fernleaf help centre.

Run with: /work/main/.venv/bin/python _build/check_golden.py
Every must_cite must be a file under docs/, and every must_say string must appear
(case-insensitive) in at least one cited document. HTML is read with tags stripped; PDF and
DOCX text comes from the source text in make_binaries.py, and the built binaries are also
read back with pypdf / python-docx when those are installed. Exits 1 on any problem.
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


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def built_text(rel: str) -> str | None:
    """Text read back from the built binary, or None when the reader isn't installed."""
    path = ROOT / "docs" / rel
    try:
        if rel.endswith(".pdf"):
            from pypdf import PdfReader
            return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
        if rel.endswith(".docx"):
            import docx
            d = docx.Document(str(path))
            parts = [p.text for p in d.paragraphs]
            for t in d.tables:
                parts.extend(c.text for row in t.rows for c in row.cells)
            return "\n".join(parts)
    except ImportError:
        return None
    return None


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((f'{r["id"]}#{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    bad = 0
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and norm(s) in norm(doc_text(c)) for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
            for c in cite:
                if c in mb.SOURCES and norm(s) in norm(doc_text(c)):
                    bt = built_text(c)
                    if bt is not None and norm(s) not in norm(bt):
                        print("NOT IN BUILT FILE (warning)", id_, repr(s), c)
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
