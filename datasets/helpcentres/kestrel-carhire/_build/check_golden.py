"""Check golden.jsonl and conversations.jsonl against the Kestrel Car Hire documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite doc id exists under docs/;
- every must_say string occurs (case-insensitive) in at least one cited document
  (HTML with tags stripped; PDF/DOCX from the source text in make_binaries.py);
- unanswerable rows have empty must_cite and must_say;
- counts: 72 golden rows (48 en answerable, 12 en unanswerable, 2 each es/fr/de/it/pt/nl),
  14 conversations (8 follow_up, 6 topic_shift).
Exits 1 on any problem.
"""
import collections
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


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return re.sub(r"[ \t]+", " ", s)


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    texts = {d: doc_text(d).lower() for d in docs}
    bad = 0
    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    cases: list[tuple[str, list[str], list[str]]] = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for r in convs:
        cases.extend((f'{r["id"]}/t{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))
    ids = [r["id"] for r in golden] + [r["id"] for r in convs]
    if len(ids) != len(set(ids)):
        print("DUPLICATE IDS")
        bad += 1
    for id_, cite, say in cases:
        if bool(cite) != bool(say):
            print("CITE/SAY MISMATCH", id_)
            bad += 1
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in texts and s.lower() in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
    langs = collections.Counter(r["lang"] for r in golden)
    en_ans = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"])
    en_una = sum(1 for r in golden if r["lang"] == "en" and not r["must_cite"])
    kinds = collections.Counter(r["kind"] for r in convs)
    expect = (len(golden) == 72 and en_ans == 48 and en_una == 12
              and all(langs[l] == 2 for l in ("es", "fr", "de", "it", "pt", "nl"))
              and all(r["must_cite"] for r in golden if r["lang"] != "en")
              and kinds == {"follow_up": 8, "topic_shift": 6}
              and all(2 <= len(r["turns"]) <= 3 for r in convs))
    if not expect:
        print("COUNTS WRONG", len(golden), en_ans, en_una, dict(langs), dict(kinds))
        bad += 1
    used = {c for _, cite, _ in cases for c in cite}
    for d in sorted(docs - used):
        print("note: doc never cited:", d)
    print(f"{len(docs)} docs; {len(golden)} golden ({en_ans} en answerable, {en_una} en unanswerable, "
          f"{len(golden) - en_ans - en_una} other languages); {len(convs)} conversations "
          f"({sum(len(r['turns']) for r in convs)} turns); {len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
