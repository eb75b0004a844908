"""Check that every must_say string of golden.jsonl and conversations.jsonl is in a cited document,
and that the key words of every unanswerable question appear in no document.

Run with: /work/main/.venv/bin/python _build/check_golden.py
PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
Prints NOT FOUND / MISSING DOC / PRESENT lines and exits 1 on any problem.
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


# Key words of each unanswerable question (must_cite []): none may occur in any document.
ABSENT: dict[str, list[str]] = {
    'qu-q49': ['student discount', 'university'],
    'qu-q50': ['gift', 'voucher'],
    'qu-q51': ['refer a friend', 'referring', 'referral'],
    'qu-q52': ['careers', 'job', 'become a teacher', 'apply to teach', 'vacanc'],
    'qu-q53': ['smart tv', 'apple tv', 'television'],
    'qu-q54': ['bursar', 'scholarship', 'hardship', 'low income'],
    'qu-q55': ['camp', 'summer school'],
    'qu-q56': ['we sell', 'shop', 'order reeds'],
    'qu-q57': ['orchestra', 'ensemble', 'choir'],
    'qu-q58': ['gcse', 'a-level', 'coursework'],
    'qu-q59': ['warranty', 'guarantee on', 'guarantee for'],
    'qu-q60': ['multi-rental', 'rental discount', 'rent two', 'two instruments', 'two rentals'],
    'qu-c11': ['drum'],  # second turn of the conversation (must_cite [])
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
        cases.extend((r["id"], t["must_cite"], t["must_say"]) for t in r["turns"])
    bad = 0
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in doc_text(c).lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    alltext = {d: doc_text(d).lower() for d in docs}
    ids = {c[0] for c in cases}
    for id_, words in ABSENT.items():
        if id_ not in ids:
            print("UNKNOWN ID", id_)
            bad += 1
        for w in words:
            for d, s in alltext.items():
                if w.lower() in s:
                    print("PRESENT", id_, repr(w), d)
                    bad += 1
    unans = [c[0] for c in cases if not c[1] and c[0].startswith("qu-q")]
    for id_ in unans:
        if id_ not in ABSENT:
            print("NO ABSENCE CHECK", id_)
            bad += 1
    print(f"{len(cases)} cases checked, {len(ABSENT)} unanswerables checked absent, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
