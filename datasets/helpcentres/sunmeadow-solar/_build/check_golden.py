"""Check golden.jsonl and conversations.jsonl against the SunMeadow documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite is an existing doc id (path under docs/);
- every must_say string is found (case-insensitive) in at least one cited doc:
  HTML with tags stripped, PDF/DOCX from the source text in make_binaries.py
  (and, if pypdf/python-docx are available, also in the built files);
- unanswerable questions have empty must_cite and must_say;
- the counts are as planned (48 en answerable, 12 en unanswerable, 2 per other language; 8 follow_up, 6 topic_shift).
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
    p = ROOT / "docs" / rel
    try:
        if rel.endswith(".pdf"):
            import pypdf
            return "\n".join(pg.extract_text() or "" for pg in pypdf.PdfReader(str(p)).pages)
        if rel.endswith(".docx"):
            import docx
            d = docx.Document(str(p))
            parts = [para.text for para in d.paragraphs]
            parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
            return "\n".join(parts)
    except ImportError:
        return None
    return None


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    texts = {d: norm(doc_text(d)) for d in docs}
    built = {d: (norm(t) if (t := built_text(d)) is not None else None) for d in docs if d in mb.SOURCES}
    bad = 0
    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    cases = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for c in convs:
        cases += [(f'{c["id"]}/t{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(c["turns"], 1)]
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("CITE/SAY MISMATCH", id_)
            bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and norm(s) in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
            elif all(c in built for c in cite if c in docs and norm(s) in texts[c]):
                # the fact lives only in binaries: make sure the built file really contains it
                if not any(built.get(c) is None or norm(s) in (built.get(c) or "") for c in cite if c in built):
                    print("NOT IN BUILT FILE", id_, repr(s), cite)
                    bad += 1
    ids = [id_ for id_, _, _ in cases]
    if len(ids) != len(set(ids)):
        print("DUPLICATE IDS")
        bad += 1
    en_ans = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"])
    en_un = sum(1 for r in golden if r["lang"] == "en" and not r["must_cite"])
    langs = Counter(r["lang"] for r in golden if r["lang"] != "en")
    kinds = Counter(c["kind"] for c in convs)
    print(f"golden: {len(golden)} ({en_ans} en answerable, {en_un} en unanswerable, other: {dict(langs)})")
    print(f"conversations: {len(convs)} {dict(kinds)}, {sum(len(c['turns']) for c in convs)} turns")
    if (en_ans, en_un) != (48, 12) or langs != Counter({l: 2 for l in ["es", "fr", "de", "it", "pt", "nl"]}) \
            or kinds != Counter({"follow_up": 8, "topic_shift": 6}):
        print("COUNTS NOT AS PLANNED")
        bad += 1
    if any(not r["must_cite"] and r["lang"] != "en" for r in golden):
        print("NON-ENGLISH UNANSWERABLE")
        bad += 1
    print(f"{len(docs)} docs, {len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
