"""Check golden.jsonl and conversations.jsonl against the Hollybrook documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_say string is in at least one cited document (case-insensitive).
   PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
2. Every unanswerable question (must_cite: []) has key words listed in ABSENT below,
   and none of them occurs (as a whole word or phrase) in any document.
Prints NOT FOUND / MISSING DOC / PRESENT / NO KEYWORDS lines and exits 1 on any problem.
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

# Key words of each unanswerable golden question: none may appear in any document.
ABSENT: dict[str, list[str]] = {
    'ho-q49': ['shuttle', 'train'],
    'ho-q50': ['hot tub', 'jacuzzi', 'whirlpool'],
    'ho-q51': ['cat', 'cats', 'kitten'],
    'ho-q52': ['nhs', 'student'],
    'ho-q53': ['horse', 'horses', 'stable', 'stables'],
    'ho-q54': ['gym', 'fitness', 'workout'],
    'ho-q55': ['firework', 'fireworks'],
    'ho-q56': ['chademo'],
    'ho-q57': ['babysitting', 'babysitter', 'babysit', 'nanny', 'childcare', 'creche'],
    'ho-q58': ['airline', 'air miles', 'frequent flyer'],
    'ho-q59': ['bitcoin', 'crypto', 'cryptocurrency'],
    'ho-q60': ['borrow a wheelchair', 'wheelchair to borrow', 'lend a wheelchair', 'wheelchair hire', 'wheelchair loan', 'wheelchairs'],
}


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    texts = {d: doc_text(d).lower() for d in docs}
    cases: list[tuple[str, list[str], list[str]]] = []
    unanswerable: list[str] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
        if not r["must_cite"]:
            unanswerable.append(r["id"])
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
            if not any(c in docs and s.lower() in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    for id_ in unanswerable:
        words = ABSENT.get(id_)
        if not words:
            print("NO KEYWORDS", id_)
            bad += 1
            continue
        for w in words:
            pat = re.compile(r"\b" + re.escape(w.lower()) + r"\b")
            for d, t in sorted(texts.items()):
                if pat.search(t):
                    print("PRESENT", id_, repr(w), d)
                    bad += 1
    print(f"{len(cases)} cases checked, {len(unanswerable)} unanswerable checked for absent key words, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
