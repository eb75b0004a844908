"""Check golden.jsonl and conversations.jsonl against the Bramble Pharmacy documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
For every case: each must_cite path exists under docs/, and each must_say string appears
(case-insensitive, whitespace-normalised) in the text of EVERY cited document.
PDF text is extracted with pypdf and DOCX text (paragraphs and tables) with python-docx from
the built files; the source text in make_binaries.py is checked as well. HTML is read without tags.
Also checks ids are unique, counts per language/kind, and that unanswerable cases cite nothing.
Exits 1 on any problem.
"""
import html
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
_spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert _spec and _spec.loader
mb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mb)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().lower()


def extracted(rel: str) -> str:
    p = DOCS / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(page.extract_text() or "" for page in PdfReader(str(p)).pages)
    if rel.endswith(".docx"):
        import docx
        d = docx.Document(str(p))
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    s = p.read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


_cache: dict[str, list[str]] = {}


def texts(rel: str) -> list[str]:
    if rel not in _cache:
        t = [norm(extracted(rel))]
        if rel in mb.SOURCES:
            t.append(norm(mb.plain_text(mb.SOURCES[rel])))
        _cache[rel] = t
    return _cache[rel]


def main() -> int:
    docs = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*") if p.is_file()}
    bad = 0
    cases = []
    ids = []
    langs = Counter()
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        ids.append(r["id"])
        langs[(r["lang"], bool(r["must_cite"]))] += 1
        if bool(r["must_cite"]) != bool(r["must_say"]):
            print("CITE/SAY MISMATCH", r["id"]); bad += 1
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    kinds = Counter()
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        ids.append(r["id"])
        kinds[r["kind"]] += 1
        for n, t in enumerate(r["turns"], 1):
            if not t["must_cite"] or not t["must_say"]:
                print("EMPTY TURN", r["id"], n); bad += 1
            cases.append((f'{r["id"]}#{n}', t["must_cite"], t["must_say"]))
    for i, c in Counter(ids).items():
        if c > 1:
            print("DUPLICATE ID", i); bad += 1
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c); bad += 1
                continue
            for s in say:
                for t in texts(c):
                    if norm(s) not in t:
                        print("NOT FOUND", id_, repr(s), c); bad += 1
                        break
    print("docs:", len(docs), "| golden by (lang, answerable):", dict(langs), "| conversations:", dict(kinds))
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
