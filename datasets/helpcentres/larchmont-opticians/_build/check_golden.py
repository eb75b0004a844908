"""Check that every must_say of golden.jsonl and conversations.jsonl appears in a cited document.

Run with: /work/main/.venv/bin/python _build/check_golden.py
HTML is compared without tags; PDF/DOCX text comes from SOURCES in make_binaries.py.
With --built, PDF/DOCX text is also read from the built files (pypdf / python-docx).
Prints each problem and exits 1 if there is any.
"""
import html
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
_spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert _spec and _spec.loader
mb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mb)
BUILT = "--built" in sys.argv


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def built_text(rel: str) -> str:
    path = DOCS / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(pg.extract_text() or "" for pg in PdfReader(str(path)).pages)
    import docx
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        if BUILT:
            return built_text(rel)
        return mb.plain_text(mb.SOURCES[rel])
    s = (DOCS / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def main() -> int:
    docs = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*") if p.is_file()}
    cases: list[tuple[str, list[str], list[str]]] = []
    ids = set()
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((f"{r['id']}.t{i}", t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    cache: dict[str, str] = {}
    bad = 0
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("CITE/SAY MISMATCH", id_)
            bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            ok = False
            for c in cite:
                if c in docs:
                    if c not in cache:
                        cache[c] = norm(doc_text(c))
                    ok = ok or norm(s) in cache[c]
            if not ok:
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    print(f"{len(cases)} cases checked, {bad} problems" + (" (built PDF/DOCX)" if BUILT else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
