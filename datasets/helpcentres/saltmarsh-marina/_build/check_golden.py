"""Check golden.jsonl and conversations.jsonl against the documents in ../docs/.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite doc exists;
- every must_say string is found (case-insensitive, whitespace collapsed) in the extracted text of
  at least one cited doc: PDF via pypdf, DOCX via python-docx (paragraphs and tables), HTML with tags
  stripped, everything else as plain text;
- counts: 20 docs, 72 questions (48 en answerable, 12 unanswerable, 12 other languages, 2 each of
  es/fr/de/it/pt/nl), 14 conversations (8 follow_up, 6 topic_shift); every doc is cited somewhere.
Exits 1 on any problem.
"""
import html
import json
import re
import sys
from collections import Counter
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
            s = re.sub(r"<(script|style)\b.*?</\1>", " ", s, flags=re.S)
            s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def main() -> int:
    docs = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*") if p.is_file())
    texts = {d: norm(extract(d)) for d in docs}
    bad = 0
    golden = [json.loads(x) for x in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    convs = [json.loads(x) for x in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    cases = [(r["id"], r["must_cite"], r["must_say"]) for r in golden]
    for c in convs:
        cases.extend((f'{c["id"]}/t{i}', t["must_cite"], t["must_say"]) for i, t in enumerate(c["turns"], 1))
    cited: Counter[str] = Counter()
    for id_, cite, say in cases:
        for c in cite:
            cited[c] += 1
            if c not in texts:
                print("MISSING DOC", id_, c)
                bad += 1
        if bool(cite) != bool(say):
            print("CITE/SAY MISMATCH", id_)
            bad += 1
        for s in say:
            if not any(c in texts and norm(s) in texts[c] for c in cite):
                print("NOT FOUND", id_, repr(s), cite)
                bad += 1

    def expect(label: str, got: object, want: object) -> None:
        nonlocal bad
        ok = got == want
        print(f"{'ok ' if ok else 'BAD'} {label}: {got}" + ("" if ok else f" (want {want})"))
        if not ok:
            bad += 1

    ids = [r["id"] for r in golden] + [c["id"] for c in convs]
    expect("unique ids", len(ids) == len(set(ids)), True)
    expect("documents", len(docs), 20)
    expect("golden questions", len(golden), 72)
    expect("en answerable", sum(1 for r in golden if r["lang"] == "en" and r["must_cite"]), 48)
    expect("unanswerable", sum(1 for r in golden if not r["must_cite"]), 12)
    expect("other languages", dict(sorted(Counter(r["lang"] for r in golden if r["lang"] != "en").items())),
           {"de": 2, "es": 2, "fr": 2, "it": 2, "nl": 2, "pt": 2})
    expect("conversations", dict(sorted(Counter(c["kind"] for c in convs).items())), {"follow_up": 8, "topic_shift": 6})
    terms = "legal/berthing-terms-and-conditions.md"
    expect("questions answered only in the long terms >= 8",
           sum(1 for r in golden if r["must_cite"] == [terms]) >= 8, True)
    uncited = [d for d in docs if not cited[d]]
    expect("docs never cited", uncited, [])
    print(f"{len(cases)} cases checked ({len(golden)} questions, {len(cases) - len(golden)} conversation turns), {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
