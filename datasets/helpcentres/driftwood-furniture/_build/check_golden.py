"""Check golden.jsonl and conversations.jsonl against the Driftwood Home documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_say string must be in at least one of its cited documents (case-insensitive).
   PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
2. Every unanswerable question or turn (must_cite: []) has key words, listed in UNANSWERABLE_KEYS,
   that must appear (as whole words, case-insensitive) in no document at all.
Prints NOT FOUND / MISSING DOC / KEY WORD FOUND / NO KEYS lines and exits 1 on any problem.
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

# Key words of each unanswerable question (golden id) or turn (conversation id#turn number, from 1).
UNANSWERABLE_KEYS: dict[str, list[str]] = {
    "dw-q49": ["gift", "gifts", "voucher", "vouchers"],
    "dw-q50": ["student", "students"],
    "dw-q51": ["rent", "rental", "renting", "hire"],
    "dw-q52": ["trade-in", "part exchange", "part-exchange"],
    "dw-q53": ["curtain", "curtains"],
    "dw-q54": ["klarna"],
    "dw-q55": ["interior design", "interior designer", "designer"],
    "dw-q56": ["bunk", "bunk beds"],
    "dw-q57": ["wedding", "registry", "wedding list"],
    "dw-q58": ["loyalty", "reward", "rewards"],
    "dw-q59": ["reupholster", "reupholstery", "re-cover"],
    "dw-q60": ["cot", "cots", "crib", "nursery", "newborn"],
    "dw-c08#2": ["gift", "gift wrapping", "wrapping"],
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
        cases.extend((f'{r["id"]}#{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
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
                print("MUST_SAY ON UNANSWERABLE", id_)
                bad += 1
            keys = UNANSWERABLE_KEYS.get(id_)
            if not keys:
                print("NO KEYS", id_)
                bad += 1
                continue
            for k in keys:
                pat = re.compile(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])", re.IGNORECASE)
                for d, txt in texts.items():
                    if pat.search(txt):
                        print("KEY WORD FOUND", id_, repr(k), d)
                        bad += 1
    for k in UNANSWERABLE_KEYS:
        if k not in {c[0] for c in cases if not c[1]}:
            print("KEYS FOR AN ANSWERABLE OR UNKNOWN CASE", k)
            bad += 1
    print(f"{len(cases)} cases checked ({unanswerable} unanswerable), {len(docs)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
