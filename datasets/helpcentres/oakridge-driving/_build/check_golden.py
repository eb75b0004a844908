"""Check golden.jsonl and conversations.jsonl against the Oakridge Driving School documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite is an existing doc id (path under docs/);
- every must_say is found (case-insensitive, whitespace-normalised) in at least one cited document's
  extracted text: PDF via pypdf, DOCX via python-docx (paragraphs and tables), HTML with tags stripped,
  Markdown/TXT as is; PDF/DOCX are also checked against the source text in make_binaries.py;
- counts: 20 docs, 72 questions (48 English answerable, 12 unanswerable, 2 each of es/fr/de/it/pt/nl),
  14 conversations (8 follow_up, 6 topic_shift); unanswerables have empty must_cite and must_say;
- every doc is cited at least once in golden.jsonl.
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
DOCS = ROOT / "docs"
_spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert _spec and _spec.loader
mb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mb)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def extract(rel: str) -> str:
    p = DOCS / rel
    if rel.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(page.extract_text() or "" for page in PdfReader(str(p)).pages)
    if rel.endswith(".docx"):
        import docx
        d = docx.Document(str(p))
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    s = p.read_text(encoding="utf-8")
    if rel.endswith(".html"):
        s = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", s, flags=re.S)
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def main() -> int:
    bad = 0

    def problem(*a: object) -> None:
        nonlocal bad
        bad += 1
        print(*a)

    docs = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*") if p.is_file())
    texts = {d: norm(extract(d)) for d in docs}
    sources = {d: norm(mb.plain_text(b)) for d, b in mb.SOURCES.items()}
    if len(docs) != 20:
        problem("DOC COUNT", len(docs))

    golden = [json.loads(l) for l in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    convs = [json.loads(l) for l in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    cases = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for r in convs:
        cases.extend((f'{r["id"]}.t{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(r["turns"], 1))

    for id_, cite, say in cases:
        for c in cite:
            if c not in texts:
                problem("MISSING DOC", id_, c)
        if cite and not say:
            problem("NO MUST_SAY", id_)
        for s in say:
            if not any(c in texts and norm(s) in texts[c] for c in cite):
                problem("NOT FOUND (extracted)", id_, repr(s), cite)
            if not any(c in texts and norm(s) in sources.get(c, texts[c]) for c in cite):
                problem("NOT FOUND (source)", id_, repr(s), cite)

    ids = [r["id"] for r in golden] + [r["id"] for r in convs]
    if len(ids) != len(set(ids)):
        problem("DUPLICATE IDS")
    langs = collections.Counter(r["lang"] for r in golden)
    en_ans = sum(1 for r in golden if r["lang"] == "en" and r["must_cite"])
    unans = [r for r in golden if not r["must_cite"]]
    kinds = collections.Counter(r["kind"] for r in convs)
    if len(golden) != 72:
        problem("GOLDEN COUNT", len(golden))
    if en_ans != 48:
        problem("EN ANSWERABLE COUNT", en_ans)
    if len(unans) != 12 or any(r["must_say"] or r["lang"] != "en" for r in unans):
        problem("UNANSWERABLE COUNT/SHAPE", len(unans))
    for lang in ("es", "fr", "de", "it", "pt", "nl"):
        if langs[lang] != 2:
            problem("LANG COUNT", lang, langs[lang])
    if len(convs) != 14 or kinds["follow_up"] != 8 or kinds["topic_shift"] != 6:
        problem("CONVERSATION COUNT", len(convs), dict(kinds))
    cited = {c for r in golden for c in r["must_cite"]}
    for d in docs:
        if d not in cited:
            problem("DOC NEVER CITED IN golden.jsonl", d)
    terms_only = sum(1 for r in golden if r["must_cite"] == ["legal/terms-and-conditions.md"])

    print(f"docs: {len(docs)}; golden: {len(golden)} (en answerable {en_ans}, unanswerable {len(unans)}, "
          f"langs {dict(sorted(langs.items()))}); terms-only questions: {terms_only}")
    print(f"conversations: {len(convs)} {dict(kinds)}, turns: {sum(len(r['turns']) for r in convs)}")
    print(f"{len(cases)} cases checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
