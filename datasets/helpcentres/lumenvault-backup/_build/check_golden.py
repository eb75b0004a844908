"""Check golden.jsonl and conversations.jsonl against the LumenVault documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
1. Every must_say string is in at least one of its cited documents (case-insensitive).
   PDF and DOCX text comes from the source text in make_binaries.py; HTML is read without tags.
2. Every unanswerable question (must_cite == []) has key words that appear in no document.
3. Counts: 72 golden questions (48 en answerable, 12 en unanswerable, 2 each es/fr/de/it/pt/nl),
   14 conversations (7 follow_up, 7 topic_shift).
4. The built PDF/DOCX files contain their facts too (pypdf / python-docx), if those modules exist.
Prints NOT FOUND / MISSING DOC / LEAK lines and exits 1 on any problem.
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

# Key words of the unanswerable questions: none may appear in any document.
UNANSWERABLE_KEYWORDS = {
    "lv-q49": ["linux", "ubuntu"],
    "lv-q50": ["student"],
    "lv-q51": ["lifetime"],
    "lv-q52": ["gmail", "mailbox"],
    "lv-q53": ["bitcoin"],
    "lv-q54": ["referral", "refer a friend", "friend"],
    "lv-q55": ["trial"],
    "lv-q56": ["tokyo", "japan"],
    "lv-q57": ["charity", "nonprofit"],
    "lv-q58": ["hipaa"],
    "lv-q59": ["reseller"],
    "lv-q60": ["playstation"],
    "lv-c08 turn 2": ["student", "uni "],
}


def doc_text(rel: str) -> str:
    if rel in mb.SOURCES:
        return mb.plain_text(mb.SOURCES[rel])
    s = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def built_text(rel: str) -> str | None:
    path = ROOT / "docs" / rel
    try:
        if rel.endswith(".pdf"):
            import pypdf
            return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
        if rel.endswith(".docx"):
            import docx
            d = docx.Document(str(path))
            parts = [p.text for p in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    parts.append(" | ".join(c.text for c in row.cells))
            return "\n".join(parts)
    except ImportError:
        return None
    return None


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def main() -> int:
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*") if p.is_file()}
    texts = {d: norm(doc_text(d)) for d in docs}
    built = {d: built_text(d) for d in docs if d.endswith((".pdf", ".docx"))}
    bad = 0
    golden = [json.loads(x) for x in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines()]
    convs = [json.loads(x) for x in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    cases: list[tuple[str, list[str], list[str]]] = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for r in convs:
        cases.extend((f'{r["id"]} turn {i + 1}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"]))
    for id_, cite, say in cases:
        for c in cite:
            if c not in docs:
                print("MISSING DOC", id_, c)
                bad += 1
        for s in say:
            if not any(c in docs and norm(s) in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1
            for c in cite:
                if built.get(c) is not None and norm(s) in texts[c] and norm(s) not in norm(built[c] or ""):
                    print("NOT IN BUILT FILE (check wrapping)", id_, repr(s), c)
        if not cite and not say and id_ not in UNANSWERABLE_KEYWORDS:
            print("UNANSWERABLE WITHOUT KEY WORDS", id_)
            bad += 1
    for id_, words in UNANSWERABLE_KEYWORDS.items():
        for w in words:
            for d, t in texts.items():
                if w in t:
                    print("LEAK", id_, repr(w), "in", d)
                    bad += 1
    langs = Counter(r["lang"] for r in golden)
    n_un = sum(1 for r in golden if not r["must_cite"])
    kinds = Counter(r["kind"] for r in convs)
    print(f"golden: {len(golden)} questions, languages {dict(langs)}, {n_un} unanswerable")
    print(f"conversations: {len(convs)} cases {dict(kinds)}, {sum(len(r['turns']) for r in convs)} turns")
    if len(golden) != 72 or n_un != 12 or langs["en"] != 60 or any(langs[x] != 2 for x in "es fr de it pt nl".split()):
        print("COUNTS WRONG (golden)")
        bad += 1
    if len(convs) != 14 or kinds["follow_up"] != 7 or kinds["topic_shift"] != 7:
        print("COUNTS WRONG (conversations)")
        bad += 1
    print(f"{len(cases)} cases checked, {len(docs)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
