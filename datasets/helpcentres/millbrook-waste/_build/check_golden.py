"""Check golden.jsonl and conversations.jsonl of the Millbrook Waste help centre.

Run with: /work/main/.venv/bin/python _build/check_golden.py
Text is extracted from the built documents: PDF with pypdf, DOCX with python-docx
(paragraphs and table cells), HTML with tags stripped, Markdown/TXT as stored.
Whitespace is collapsed and matching is case-insensitive.
Checks: every must_cite exists; every must_say is in at least one cited doc; counts,
languages, kinds; every doc is cited at least once. Exits 1 on any problem.
"""
import collections
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def extract(rel: str) -> str:
    p = DOCS / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        s = "\n".join(page.extract_text() or "" for page in PdfReader(str(p)).pages)
    elif rel.endswith(".docx"):
        import docx
        d = docx.Document(str(p))
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        s = "\n".join(parts)
    else:
        s = p.read_text(encoding="utf-8")
        if rel.endswith(".html"):
            s = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", s)
            s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return re.sub(r"\s+", " ", s).lower()


def main() -> int:
    docs = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*") if p.is_file())
    text = {d: extract(d) for d in docs}
    bad = 0

    def problem(*a: object) -> None:
        nonlocal bad
        print(*a)
        bad += 1

    if len(docs) != 20:
        problem("DOC COUNT", len(docs))
    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    cases: list[tuple[str, list[str], list[str]]] = []
    for r in golden:
        if set(r) != {"id", "question", "must_cite", "must_say", "lang"}:
            problem("BAD KEYS", r["id"])
        cases.append((r["id"], r["must_cite"], r["must_say"]))
    for r in convs:
        for i, t in enumerate(r["turns"]):
            cases.append((f'{r["id"]}#{i + 1}', t["must_cite"], t["must_say"]))
    ids = [r["id"] for r in golden] + [r["id"] for r in convs]
    if len(ids) != len(set(ids)):
        problem("DUPLICATE IDS")

    cited = collections.Counter()
    for id_, cite, say in cases:
        for c in cite:
            cited[c] += 1
            if c not in text:
                problem("MISSING DOC", id_, c)
        if bool(cite) != bool(say):
            problem("CITE/SAY MISMATCH", id_)
        for s in say:
            needle = re.sub(r"\s+", " ", s).lower()
            if not any(c in text and needle in text[c] for c in cite):
                problem("NOT FOUND", id_, repr(s), cite)

    langs = collections.Counter(r["lang"] for r in golden)
    en_ans = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"])
    en_unans = sum(1 for r in golden if r["lang"] == "en" and not r["must_cite"])
    other_unans = sum(1 for r in golden if r["lang"] != "en" and not r["must_cite"])
    terms_only = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"] == ["legal/household-service-terms.md"])
    kinds = collections.Counter(r["kind"] for r in convs)
    expect = [("golden rows", len(golden), 72), ("English answerable", en_ans, 48),
              ("English unanswerable", en_unans, 12), ("non-English unanswerable", other_unans, 0),
              ("conversations", len(convs), 14), ("follow_up", kinds["follow_up"], 8),
              ("topic_shift", kinds["topic_shift"], 6)]
    for lang in ("es", "fr", "de", "it", "pt", "nl"):
        expect.append((f"lang {lang}", langs[lang], 2))
    for name, got, want in expect:
        if got != want:
            problem("COUNT", name, got, "expected", want)
    if terms_only < 8:
        problem("COUNT terms-only English questions", terms_only, "expected >= 8")
    for d in docs:
        if not cited[d]:
            problem("UNCITED DOC", d)

    print(f"docs: {len(docs)}; golden: {len(golden)} ({en_ans} en answerable, {en_unans} unanswerable, "
          f"{len(golden) - en_ans - en_unans} other languages {dict(sorted((k, v) for k, v in langs.items() if k != 'en'))}); "
          f"terms-only: {terms_only}; conversations: {len(convs)} {dict(kinds)}, "
          f"{sum(len(r['turns']) for r in convs)} turns")
    print("citations per doc:", ", ".join(f"{d}={cited[d]}" for d in docs))
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
