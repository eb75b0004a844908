"""Check golden.jsonl and conversations.jsonl against the Maplecourt Lettings documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite path exists under docs/;
- every must_say string appears (case-insensitive) in at least one of its cited documents
  (HTML without tags and entities decoded; PDF/DOCX from the source text in make_binaries.py);
- the built PDF/DOCX files are also read with pypdf / python-docx and the same strings looked up
  there (reported as warnings, because PDF text extraction can break lines);
- unanswerable rows have both lists empty; ids are unique.
Exits 1 on any error.
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


def built_text(rel: str) -> str | None:
    p = ROOT / "docs" / rel
    try:
        if rel.endswith(".pdf"):
            import pypdf
            return "\n".join(pg.extract_text() or "" for pg in pypdf.PdfReader(str(p)).pages)
        if rel.endswith(".docx"):
            import docx
            d = docx.Document(str(p))
            parts = [para.text for para in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    parts.append(" | ".join(c.text for c in row.cells))
            return "\n".join(parts)
    except Exception as e:  # noqa: BLE001
        print("WARN cannot read", rel, e)
    return None


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    cases: list[tuple[str, list[str], list[str]]] = []
    ids: list[str] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        ids.append(r["id"])
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        ids.append(r["id"])
        cases.extend((f'{r["id"]}.t{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    bad = 0
    if len(ids) != len(set(ids)):
        print("DUPLICATE IDS")
        bad += 1
    built = {rel: built_text(rel) for rel in mb.SOURCES}
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("HALF-EMPTY", id_, cite, say)
            bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in doc_text(c).lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
            for c in cite:
                if c in built and s.lower() in doc_text(c).lower():
                    bt = built[c]
                    if bt is not None and norm(s) not in norm(bt):
                        print("WARN not in built file text", id_, repr(s), c)
    print(f"{len(cases)} cases checked, {len(docs)} docs, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
