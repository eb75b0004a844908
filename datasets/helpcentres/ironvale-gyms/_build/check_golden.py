"""Check golden.jsonl and conversations.jsonl against the IronVale documents.

Run with: /work/main/.venv/bin/python _build/check_golden.py
- every must_cite path must exist under docs/;
- every must_say string must occur (case-insensitive) in at least one cited document.
HTML is compared with tags stripped and entities unescaped; PDF and DOCX are compared using the
source text kept in make_binaries.py. Exits 1 on any problem.
"""
import html
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

spec = importlib.util.spec_from_file_location("make_binaries", ROOT / "_build" / "make_binaries.py")
assert spec and spec.loader
binaries = importlib.util.module_from_spec(spec)
spec.loader.exec_module(binaries)


def text_of(doc_id: str) -> str:
    if doc_id in binaries.SOURCES:
        return binaries.plain_text(binaries.SOURCES[doc_id])
    raw = (DOCS / doc_id).read_text(encoding="utf-8")
    if doc_id.endswith(".html"):
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return re.sub(r"[ \t]+", " ", raw)


def main() -> int:
    existing = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.is_file()}
    checks: list[tuple[str, list[str], list[str]]] = []
    for line in (ROOT / "golden.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        checks.append((r["id"], r["must_cite"], r["must_say"]))
        if not r["must_cite"] and r["must_say"]:
            print("UNANSWERABLE WITH must_say", r["id"])
    for line in (ROOT / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for i, t in enumerate(r["turns"], 1):
            checks.append((f"{r['id']}#{i}", t["must_cite"], t["must_say"]))
    problems = 0
    for cid, cite, say in checks:
        for c in cite:
            if c not in existing:
                print("MISSING DOC", cid, c)
                problems += 1
        for s in say:
            if not any(c in existing and s.lower() in text_of(c).lower() for c in cite):
                print("NOT FOUND", cid, repr(s), cite)
                problems += 1
    print(f"{len(checks)} cases checked ({len(existing)} docs), {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
