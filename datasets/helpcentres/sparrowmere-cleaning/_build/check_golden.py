"""Check golden.jsonl and conversations.jsonl against the documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
For every case: each must_cite path must exist under docs/, and every must_say string must
appear (case-insensitive, whitespace-normalised) in the text of EVERY cited document.
Text comes from the built files: HTML without tags, PDF via pypdf, DOCX via python-docx
(paragraphs and table cells). Also checks counts, ids and the answerable/unanswerable shape.
Exits 1 on any problem.
"""
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().lower()


def doc_text(rel: str) -> str:
    p = DOCS / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        return norm(" ".join(page.extract_text() or "" for page in PdfReader(str(p)).pages))
    if rel.endswith(".docx"):
        import docx
        d = docx.Document(str(p))
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return norm("\n".join(parts))
    s = p.read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", s, flags=re.S)
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return norm(s)


def main() -> int:
    docs = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.is_file()}
    cache: dict[str, str] = {}
    bad = 0
    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    cases = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for r in convs:
        cases.extend((f'{r["id"]}#{i + 1}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"]))
    ids = [r["id"] for r in golden] + [r["id"] for r in convs]
    if len(ids) != len(set(ids)):
        print("DUPLICATE IDS"); bad += 1
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("SHAPE", id_, "must_cite and must_say should both be empty or both non-empty"); bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c); bad += 1
                continue
            if c not in cache:
                cache[c] = doc_text(c)
            for s in say:
                if norm(s) not in cache[c]:
                    print("NOT FOUND", id_, repr(s), "in", c); bad += 1
    en_ans = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"])
    en_un = sum(1 for r in golden if r["lang"] == "en" and not r["must_cite"])
    other = {}
    for r in golden:
        if r["lang"] != "en":
            other[r["lang"]] = other.get(r["lang"], 0) + 1
            if not r["must_cite"]:
                print("NON-EN UNANSWERABLE", r["id"]); bad += 1
    kinds = {}
    for r in convs:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"docs={len(docs)} golden={len(golden)} (en answerable {en_ans}, en unanswerable {en_un}, other {other}) "
          f"conversations={len(convs)} {kinds} turns={sum(len(r['turns']) for r in convs)}")
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
