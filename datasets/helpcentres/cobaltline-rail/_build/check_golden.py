"""Check golden.jsonl and conversations.jsonl against the Cobaltline Rail documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite path exists under docs/;
- every must_say string occurs (case-insensitive) in at least one cited document
  (HTML with tags stripped; PDF/DOCX via the source text in make_binaries.py,
  and also via the built files read with pypdf / python-docx);
- ids are unique, counts and languages are as planned, unanswerable rows have empty lists.
Exits 1 if there is any problem.
"""
import html
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert spec and spec.loader
mb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mb)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def built_text(rel: str) -> str:
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


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    texts = {d: norm(doc_text(d)) for d in docs}
    built = {d: norm(built_text(d)) for d in docs if d in mb.SOURCES}
    bad = 0
    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in golden] + [c["id"] for c in convs]
    for i, n in Counter(ids).items():
        if n > 1:
            print("DUPLICATE ID", i); bad += 1
    cases = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for c in convs:
        cases += [(f'{c["id"]}/t{k}', t["must_cite"], t["must_say"]) for k, t in enumerate(c["turns"], 1)]
        if not 2 <= len(c["turns"]) <= 4:
            print("BAD TURN COUNT", c["id"]); bad += 1
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("CITE/SAY MISMATCH", id_); bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c); bad += 1
        for s in say:
            if not any(c in texts and norm(s) in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite); bad += 1
            if any(c in built for c in cite) and not any(
                    (c in built and norm(s) in built[c]) or (c in texts and c not in built and norm(s) in texts[c]) for c in cite):
                print("NOT IN BUILT FILE", id_, repr(s), cite); bad += 1
    en = [r for r in golden if r["lang"] == "en"]
    print("golden:", len(golden), "en answerable:", sum(1 for r in en if r["must_cite"]),
          "en unanswerable:", sum(1 for r in en if not r["must_cite"]),
          "other:", dict(Counter(r["lang"] for r in golden if r["lang"] != "en")),
          "other unanswerable:", sum(1 for r in golden if r["lang"] != "en" and not r["must_cite"]))
    print("conversations:", len(convs), dict(Counter(c["kind"] for c in convs)), "turns:", sum(len(c["turns"]) for c in convs))
    print("cited docs:", len({c for _, cite, _ in cases for c in cite}), "of", len(docs))
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
