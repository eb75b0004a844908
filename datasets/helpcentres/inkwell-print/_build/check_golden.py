"""Check the golden and conversation files of the Inkwell Print help centre.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_cite path exists under docs/.
2. Every must_say string is in at least one of its cited documents (case-insensitive).
   PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
3. Every unanswerable question (must_cite []) has key words listed below, and none of them
   appears as a whole word (case-insensitive) in any document.
Prints NOT FOUND / MISSING DOC / KEYWORD FOUND lines and exits 1 on any problem.
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

# Key words of every unanswerable question (golden id, or conversation id#turn number).
UNANSWERABLE_KEYWORDS: dict[str, list[str]] = {
    'iw-q49': ['t-shirt', 't-shirts', 'clothing'],
    'iw-q50': ['letterpress'],
    'iw-q51': ['bitcoin', 'crypto', 'cryptocurrency'],
    'iw-q52': ['canvas'],
    'iw-q53': ['student', 'students'],
    'iw-q54': ['braille'],
    'iw-q55': ['sticker', 'stickers', 'labels'],
    'iw-q56': ['voucher', 'vouchers', 'gift'],
    'iw-q57': ['pantone', 'PMS'],
    'iw-q58': ['magnetic', 'magnet'],
    'iw-q59': ['pull-up', 'roll-up', 'stand'],
    'iw-q60': ['FSC', 'recycled'],
    'iw-c11#2': ['sticker', 'stickers', 'labels'],
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
    texts = {d: doc_text(d) for d in docs}
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.extend((f"{r['id']}#{i}", t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    bad = 0
    unanswerable = 0
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and s.lower() in texts[c].lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
        if not cite:
            unanswerable += 1
            if say:
                print("UNANSWERABLE WITH must_say", id_)
                bad += 1
            words = UNANSWERABLE_KEYWORDS.get(id_)
            if not words:
                print("NO KEYWORDS", id_)
                bad += 1
                continue
            for w in words:
                pat = re.compile(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", re.IGNORECASE)
                for d, t in sorted(texts.items()):
                    if pat.search(t):
                        print("KEYWORD FOUND", id_, repr(w), d)
                        bad += 1
    for k in UNANSWERABLE_KEYWORDS:
        if k not in {c[0] for c in cases if not c[1]}:
            print("KEYWORDS FOR AN ANSWERABLE OR UNKNOWN CASE", k)
            bad += 1
    print(f"{len(cases)} cases checked ({unanswerable} unanswerable), {len(docs)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
