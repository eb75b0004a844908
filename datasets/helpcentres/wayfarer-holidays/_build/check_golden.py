"""Check the Wayfarer Holidays golden files.

1. Every must_say string of golden.jsonl and conversations.jsonl is in a cited document.
2. The key words of every unanswerable question (must_cite []) appear, as whole words, in no document.

Run with: /work/main/.venv/bin/python _build/check_golden.py
PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
Prints NOT FOUND / MISSING DOC / KEYWORD FOUND / NO KEYWORDS lines and exits 1 on any problem.
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


UNANSWERABLE_KEYWORDS: dict[str, list[str]] = {
    'wf-q49': ['cruise', 'cruises', 'Mediterranean'],
    'wf-q50': ['gift', 'voucher', 'vouchers'],
    'wf-q51': ['cat', 'cattery'],
    'wf-q52': ['ski', 'skiing'],
    'wf-q53': ['loyalty', 'rewards'],
    'wf-q54': ['hire', 'Tenerife'],
    'wf-q55': ['wifi', 'Wi-Fi'],
    'wf-q56': ['drone', 'drones'],
    'wf-q57': ['kids', 'club'],
    'wf-q58': ['student', 'students'],
    'wf-q59': ['honeymoon', 'champagne'],
    'wf-q60': ['theatre', 'London'],
    'wf-c10#2': ['cruise', 'cruises', 'river'],
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
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((f"{r['id']}#{i}", t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    bad = 0
    texts = {d: doc_text(d) for d in sorted(docs)}
    unanswerable = [id_ for id_, cite, _ in cases if not cite]
    for id_ in unanswerable:
        words = UNANSWERABLE_KEYWORDS.get(id_)
        if not words:
            print("NO KEYWORDS", id_)
            bad += 1
            continue
        for w in words:
            pat = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.IGNORECASE)
            for d, t in texts.items():
                if pat.search(t):
                    print("KEYWORD FOUND", id_, repr(w), d)
                    bad += 1
    print(f"{len(unanswerable)} unanswerable cases checked for key words")
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in doc_text(c).lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
