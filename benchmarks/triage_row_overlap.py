"""How close new training rows come to any message they must not resemble (the integrator's check).

Usage: python benchmarks/triage_row_overlap.py NEW.jsonl [--limit 0.5]

Each row of NEW is compared, as difflib ratio over accent-folded lower-case words, with every message of
the development triage sets (benchmarks/triage_sets.py DEVELOPMENT), `examples/eval/triage_*.jsonl`,
`../shared/eval/triage/*.jsonl`, the reviewers' lists kept as tests (tests/bot/triage/test_review_*.py)
and the earlier training rows. It prints each new row's id and highest ratio with the reference's source
(never the reference's text, so whoever writes rows does not read evaluation messages), and exits 1 when
a row reaches `--limit`. The blind hold-outs are never read.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]


def folded_words(text: str) -> list[str]:
    """Lower-case words with accents dropped: how the check compares two messages."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"\w+", plain.lower())


def _jsonl_texts(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows if isinstance(r.get("text"), str)]


def references(new: Path) -> list[tuple[str, str]]:
    """(source, text) of every message a new row must not resemble."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling scripts, also when loaded by path
    import triage_sets
    from triage_review_served import review_lists

    out: list[tuple[str, str]] = []
    triage_dir = ROOT / "datasets" / "triage"
    for name in (*triage_sets.DEVELOPMENT, *triage_sets.TRAINING):
        path = triage_dir / name
        if path.resolve() != new.resolve() and path.is_file():
            out += [(name, t) for t in _jsonl_texts(path)]
    for path in sorted((ROOT / "examples" / "eval").glob("triage_*.jsonl")):
        out += [(f"examples/eval/{path.name}", t) for t in _jsonl_texts(path)]
    for path in sorted((ROOT.parent / "shared" / "eval" / "triage").glob("*.jsonl")):
        out += [(f"shared/eval/{path.name}", t) for t in _jsonl_texts(path)]
    for rl in review_lists():
        out += [(f"review: {rl.name}", t) for t in rl.texts]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("new", type=Path)
    ap.add_argument("--limit", type=float, default=0.5)
    args = ap.parse_args(argv)
    refs = [(source, folded_words(text)) for source, text in references(args.new)]
    rows = [json.loads(line) for line in args.new.read_text(encoding="utf-8").splitlines() if line.strip()]
    over = 0
    highest = 0.0
    for row in rows:
        words = folded_words(row["text"])
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(words)
        best, where = 0.0, ""
        for source, ref in refs:
            matcher.set_seq1(ref)
            if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
                continue
            ratio = matcher.ratio()
            if ratio > best:
                best, where = ratio, source
        highest = max(highest, best)
        over += best >= args.limit
        flag = "  <-- at or over the limit" if best >= args.limit else ""
        print(f"{row['id']}: {best:.3f} ({where}){flag}")
    print(f"{len(rows)} rows, {len(refs)} references, highest {highest:.3f}, {over} at >= {args.limit}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
