"""Check golden.jsonl and conversations.jsonl against the Parcelwise documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite doc exists and every must_say string is in at least one cited document
  (case-insensitive; PDF/DOCX text comes from the source text in make_binaries.py; HTML without tags);
- every unanswerable question (must_cite == []) is listed in UNANSWERABLE, and none of its
  key words occurs in any document;
- the built PDF/DOCX files contain the must_say strings too (pypdf / python-docx), if installed.
Prints NOT FOUND / MISSING DOC / KEYWORD IN DOCS lines and exits 1 on any problem.
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

# Key words of the unanswerable questions: none may appear in any document.
UNANSWERABLE: dict[str, list[str]] = {
    "pw-q49": ["electric", "carbon", "emission"],
    "pw-q50": ["cash on delivery"],
    "pw-q51": ["pallet"],
    "pw-q52": ["isle of man"],
    "pw-q53": ["bicycle", "bike"],
    "pw-q54": ["po box"],
    "pw-q55": ["paypal"],
    "pw-q56": ["student"],
    "pw-q57": ["same-day", "same day"],
    "pw-q58": ["dry ice"],
    "pw-q59": ["loyalty"],
    "pw-q60": ["whatsapp"],
    "pw-c09#2": ["electric", "diesel"],
}


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def built_text(rel: str) -> str | None:
    path = ROOT / "docs" / rel
    try:
        if rel.endswith(".pdf"):
            import pypdf
            return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
        if rel.endswith(".docx"):
            import docx
            d = docx.Document(str(path))
            parts = [p.text for p in d.paragraphs]
            for t in d.tables:
                parts.extend(" | ".join(c.text for c in row.cells) for row in t.rows)
            return "\n".join(parts)
    except ImportError:
        return None
    return None


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def main() -> int:
    docs = sorted(str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file())
    texts = {d: doc_text(d) for d in docs}
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((f'{r["id"]}#{i + 1}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"]))
    bad = 0
    for id_, cite, say in cases:
        if not cite:
            if say:
                print("UNANSWERABLE WITH must_say", id_)
                bad += 1
            if id_ not in UNANSWERABLE:
                print("UNANSWERABLE WITHOUT KEY WORDS", id_)
                bad += 1
            continue
        for c in cite:
            if c not in texts:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in texts and s.lower() in texts[c].lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
            bin_cites = [c for c in cite if c in mb.SOURCES and s.lower() in texts[c].lower()]
            if bin_cites and not any(c in texts and s.lower() in texts[c].lower() and c not in mb.SOURCES for c in cite):
                got = [built_text(c) for c in bin_cites]
                if all(g is not None for g in got) and not any(norm(s) in norm(g) for g in got if g):
                    print("NOT IN BUILT FILE", id_, repr(s), bin_cites)
                    bad += 1
    for id_, words in UNANSWERABLE.items():
        for w in words:
            hits = [d for d, t in texts.items() if w.lower() in t.lower()]
            if hits:
                print("KEYWORD IN DOCS", id_, repr(w), hits)
                bad += 1
    print(f"{len(docs)} documents, {len(cases)} cases checked, {len(UNANSWERABLE)} unanswerable, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
