"""Check the Greystone Vets golden files against the documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_cite doc exists and every must_say string is (case-insensitive) in one of its cited documents.
   PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
2. Every unanswerable question (must_cite []) has must_say [] and its key words (UNANSWERABLE_KEYWORDS)
   appear, as whole words, in no document.
Prints problems and exits 1 when there are any.
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

# Key words of each unanswerable golden question (golden id -> words that must appear in no document).
UNANSWERABLE_KEYWORDS: dict[str, list[str]] = {
    "gv-q01": [
        "sitter",
        "sitters"
    ],
    "gv-q11": [
        "donor",
        "donors"
    ],
    "gv-q12": [
        "MRI",
        "scanner"
    ],
    "gv-q18": [
        "DNA"
    ],
    "gv-q36": [
        "pause",
        "paused",
        "freeze"
    ],
    "gv-q39": [
        "voucher",
        "vouchers",
        "gift"
    ],
    "gv-q41": [
        "horse",
        "horses",
        "pony",
        "equine"
    ],
    "gv-q45": [
        "acupuncture"
    ],
    "gv-q46": [
        "student",
        "students"
    ],
    "gv-q48": [
        "grooming"
    ],
    "gv-q53": [
        "classes",
        "socialisation"
    ],
    "gv-q70": [
        "hydrotherapy",
        "pool"
    ]
}
# Unanswerable conversation turns: (conversation id, turn index) -> key words.
UNANSWERABLE_TURN_KEYWORDS: dict[tuple[str, int], list[str]] = {
    ("gv-c09", 1): ["grooming"],
}


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def main() -> int:
    docs = sorted(str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file())
    texts = {d: doc_text(d) for d in docs}
    cases: list[tuple[str, list[str], list[str]]] = []
    unanswerable: dict[str, list[str]] = {}
    bad = 0
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cases.append((r["id"], r["must_cite"], r["must_say"]))
        if not r["must_cite"]:
            if r["must_say"]:
                print("UNANSWERABLE WITH must_say", r["id"])
                bad += 1
            if r["id"] not in UNANSWERABLE_KEYWORDS:
                print("NO KEYWORDS FOR UNANSWERABLE", r["id"])
                bad += 1
            unanswerable[r["id"]] = UNANSWERABLE_KEYWORDS.get(r["id"], [])
        elif r["id"] in UNANSWERABLE_KEYWORDS:
            print("KEYWORDS FOR ANSWERABLE", r["id"])
            bad += 1
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for i, t in enumerate(r["turns"]):
            tid = f"{r['id']}#{i}"
            cases.append((tid, t["must_cite"], t["must_say"]))
            if not t["must_cite"]:
                kw = UNANSWERABLE_TURN_KEYWORDS.get((r["id"], i))
                if kw is None or t["must_say"]:
                    print("BAD UNANSWERABLE TURN", tid)
                    bad += 1
                unanswerable[tid] = kw or []
    for id_, cite, say in cases:
        for c in cite:
            if c not in texts:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in texts and s.lower() in texts[c].lower() for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    for id_, words in unanswerable.items():
        for w in words:
            rx = re.compile(r"\b" + re.escape(w) + r"\b", re.IGNORECASE)
            for d, s in texts.items():
                if rx.search(s):
                    print("UNANSWERABLE KEYWORD FOUND", id_, repr(w), d)
                    bad += 1
    n_un = len(unanswerable)
    print(f"{len(cases)} cases checked ({n_un} unanswerable), {len(docs)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
