"""Check the golden files of the Emberly help centre against its documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_say string of golden.jsonl and conversations.jsonl is in one of its cited documents.
2. Every unanswerable question (must_cite: []) has key words listed in UNANSWERABLE_KEYWORDS, and
   none of them occurs in any document (so the answer really is missing from the help centre).
PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
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


# Key words of each unanswerable question or turn (conversation turns as "id#turn", 1-based).
# Matched case-insensitively, not preceded by a letter or digit.
UNANSWERABLE_KEYWORDS: dict[str, list[str]] = {
    'em-q49': ['student discount', 'discount'],
    'em-q50': ['pets', 'pet', 'dogs allowed'],
    'em-q51': ['pregnan', 'maternity'],
    'em-q52': ['group discount', 'group booking', 'discount'],
    'em-q53': ['overseas', 'international', 'outside the uk', 'spain'],
    'em-q54': ['sign language', 'BSL', 'interpreted', 'signed performance'],
    'em-q55': ['free wi-fi', 'free wifi', 'wi-fi network', 'wifi'],
    'em-q56': ['season ticket', 'season'],
    'em-q57': ['shuttle'],
    'em-q58': ['euro', 'currency', '€'],
    'em-q59': ['stage time', 'set time', 'comes on stage'],
    'em-q60': ['cinema', 'film'],
    'em-c11#3': ['euro', 'currency', '€'],
    'em-c13#2': ['free wi-fi', 'free wifi', 'wi-fi network', 'wifi'],
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
    texts = {d: doc_text(d).lower() for d in docs}
    n_unans = 0
    for id_, cite, say in cases:
        if not cite:
            n_unans += 1
            if say:
                print("MUST_SAY WITHOUT CITE", id_)
                bad += 1
            words = UNANSWERABLE_KEYWORDS.get(id_)
            if not words:
                print("NO KEYWORDS", id_)
                bad += 1
                continue
            for w in words:
                pat = re.compile(r"(?<![a-z0-9])" + re.escape(w.lower()))
                for d, t in sorted(texts.items()):
                    if pat.search(t):
                        print("PRESENT", id_, repr(w), d)
                        bad += 1
            continue
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in doc_text(c).lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    print(f"{len(cases)} cases checked ({n_unans} unanswerable, key words checked absent), {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
