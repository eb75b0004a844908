"""Does searching with a long question's focus (its asking sentence) rank the right document first?

Issue 11's biggest miss bucket is "another document first", mostly for long, chatty questions. The
idea measured here: MiniLM averages a story and its question into one vector, so search with the
focus as well — the sentence(s) ending in "?", else those opening like a question or a request,
else the last sentence, greetings and sign-offs dropped — only for questions of more than 25
words or more than one sentence. For every English golden question of the dev help centres (never
a hold-out) it prints, per variant, how many answerable questions have a required document first
(`top1`), how many of those search calls answerable (`top1_answerable`), how many unanswerable
ones it calls answerable (`unanswerable_answered`), and how many answerable questions are long
enough to have a focus and how many of those miss `top1`:
- `base`: the product's search;
- `mix W`: the dense and title signals from `(1 - W) * whole + W * focus` (on these small bases
  every chunk is scored exactly, so this is the weighted sum of the two cosines);
- `focus_dense`: the focus's vector alone, keywords from the whole question;
- `focus_keywords`: the whole question's vector, keywords from the focus only;
- `no_pleasantries`: any question with a greeting or sign-off sentence searched without it.

Then the near misses (declined by search, top score at least the policy's near-miss floor): how
many the offline near-miss rule's coverage test (`NEAR_MISS_COVERAGE` of the whole question) lets
through, and how many it would with the better of the whole question's and the focus's coverage,
split by the right document first / another document first / unanswerable.

    python benchmarks/focus_search.py [--only NAME]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answering.answerer import NEAR_MISS_COVERAGE  # noqa: E402
from bot.answering.golden import load_golden  # noqa: E402
from bot.policy import Policy  # noqa: E402
from commands import _throwaway  # noqa: E402
from knowledge_base.ranking import margin, rank  # noqa: E402
from knowledge_base.search import Searcher  # noqa: E402
from server import Settings, build_knowledge_base  # noqa: E402

DEV_SETS = ("larkspur-fibre", "quillmate", "tidewater-pet")  # plus examples/; the others are hold-outs
LONG_WORDS = 25
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
ASKING = frozenset({
    "how", "what", "whats", "when", "where", "why", "which", "who", "whom", "whose", "can", "could", "do",
    "does", "did", "is", "are", "was", "were", "will", "would", "should", "shall", "may", "might", "must",
    "am", "have", "has", "please", "pls", "tell", "help", "explain", "need", "want", "wondering", "let",
})
REQUESTING = frozenset({"need", "needs", "want", "wanted", "wonder", "wondering", "like", "would"})
SPEAKERS = frozenset({"i", "we", "i'd", "we'd", "id"})
PLEASANTRIES = frozenset({"hi", "hello", "hey", "dear", "thanks", "thank", "thx", "cheers", "regards", "greetings",
                          "morning", "afternoon", "evening", "good", "kind", "best", "sincerely", "appreciate"})


def _words(sentence: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence)]


def _asks(sentence: str) -> bool:
    words = _words(sentence)
    return bool(words) and (words[0] in ASKING or (words[0] in SPEAKERS and any(w in REQUESTING for w in words[1:4])))


def _content(question: str) -> list[str]:
    """The question's sentences without greetings and sign-offs."""
    parts = [s.strip() for s in _SENTENCES.split(question) if s.strip()]
    return [s for s in parts if _words(s) and not (_words(s)[0] in PLEASANTRIES and len(_words(s)) <= 6)]


def without_pleasantries(question: str) -> str | None:
    """The question without its greeting and sign-off sentences, None when it has none."""
    content = " ".join(_content(question))
    return content if content and content != " ".join(s.strip() for s in _SENTENCES.split(question) if s.strip()) \
        else None


def focus(question: str) -> str | None:
    """The asking sentence(s) of a long question, or None when short or when every sentence asks."""
    parts = [s.strip() for s in _SENTENCES.split(question) if s.strip()]
    if len(_words(question)) <= LONG_WORDS and len(parts) <= 1:
        return None
    content = _content(question)
    asking = [s for s in content if s.endswith("?")] or [s for s in content if _asks(s)]
    chosen = " ".join(asking or content[-1:])
    return chosen if content and chosen != " ".join(content) else None


def variant_search(searcher: Searcher, question: str, name: str) -> tuple[str | None, bool]:
    """(top document, answerable) for one variant, scored and thresholded as `Searcher.search` does."""
    asked = without_pleasantries(question) if name == "no_pleasantries" else focus(question)
    if name == "base" or asked is None:
        result = searcher.search(question)
        return (result.hits[0].document_id if result.hits else None), result.answerable
    snap = searcher._current_snapshot()
    space, level, text, vector, crossed = searcher._route(snap, question, searcher.language)
    focus_vector = searcher._embed_query(asked)
    if name.startswith("mix"):
        weight = float(name.split()[1])
        vector = ((1.0 - weight) * vector + weight * focus_vector).astype(np.float32)
    elif name == "no_pleasantries":
        vector, text = focus_vector, asked
    elif name == "focus_dense":
        vector = focus_vector
    elif name == "focus_keywords":
        text = asked
    ranked = rank(searcher.index, snap, space, vector, text, k=searcher.settings.top_k)
    if not ranked:
        return None, False
    top = searcher._hit(snap, ranked[0], margin(ranked, 0, level), level)
    return top.document_id, top.score >= searcher.settings.answerable_threshold


VARIANTS = ("base", "mix 0.3", "mix 0.5", "focus_dense", "focus_keywords", "no_pleasantries")


def measure(name: str, docs: Path, golden: Path) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {v: Counter() for v in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="supportbot-focus-") as tmp:
        settings = _throwaway(Settings(), Path(tmp))
        kb = build_knowledge_base(settings)
        kb.sync(docs)
        searcher = kb._get_searcher()
        for q in load_golden(golden):
            if q.lang != "en":
                continue
            for v in VARIANTS:
                top, answerable = variant_search(searcher, q.question, v)
                c = counts[v]
                if q.answerable:
                    c["answerable"] += 1
                    c["focused"] += focus(q.question) is not None
                    c["top1"] += top in q.must_cite
                    c["missed_long"] += top not in q.must_cite and focus(q.question) is not None
                    c["top1_answerable"] += top in q.must_cite and answerable
                else:
                    c["unanswerable"] += 1
                    c["unanswerable_answered"] += answerable
        _near_misses(searcher, golden, counts)
    return counts


def _near_misses(searcher: Searcher, golden: Path, counts: dict[str, Counter[str]]) -> None:
    """Count near misses the coverage test passes, with the whole question's and the focus's coverage."""
    floor = Policy().near_miss_floor
    snap = searcher._current_snapshot()
    for q in load_golden(golden):
        result = searcher.search(q.question)
        if q.lang != "en" or not result.hits or result.answerable or result.hits[0].score < floor:
            continue
        top = result.hits[0]
        kind = ("right" if top.document_id in q.must_cite else "wrong") if q.answerable else "unanswerable"
        asked = focus(q.question)
        focus_coverage = 0.0
        if asked is not None:
            text = snap.normaliser.normalise(asked) if snap.normaliser is not None else asked
            row = snap.doc_rows[top.document_id]
            end = int(snap.doc_starts[row + 1]) if row + 1 < len(snap.doc_starts) else snap.chunks
            focus_coverage = float(snap.lexical.coverage(text)[int(snap.doc_starts[row]):end].max())
        c = counts["base"]
        c[f"near_{kind}"] += 1
        c[f"near_{kind}_passed_whole"] += top.coverage >= NEAR_MISS_COVERAGE
        c[f"near_{kind}_passed_focus"] += max(top.coverage, focus_coverage) >= NEAR_MISS_COVERAGE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="one dev help centre by name")
    args = parser.parse_args()
    sets = [("examples", ROOT / "examples", ROOT / "examples" / "golden.jsonl")]
    sets += [(n, ROOT / "datasets" / "helpcentres" / n / "docs", ROOT / "datasets" / "helpcentres" / n / "golden.jsonl")
             for n in DEV_SETS]
    sets = [s for s in sets if args.only in (None, s[0])]
    pooled: dict[str, Counter[str]] = {v: Counter() for v in VARIANTS}
    report: dict[str, Any] = {}
    for name, docs, golden in sets:
        counts = measure(name, docs, golden)
        report[name] = {v: dict(c) for v, c in counts.items()}
        for v in VARIANTS:
            pooled[v].update(counts[v])
        for v in VARIANTS:
            c = counts[v]
            print(f"{name:16} {v:16} top1 {c['top1']:3}/{c['answerable']:3}  top1_answerable {c['top1_answerable']:3}"
                  f"  unanswerable_answered {c['unanswerable_answered']:2}/{c['unanswerable']:2}"
                  f"  (long questions with a focus: {c['focused']}, of them missed: {c['missed_long']})")
    for v in VARIANTS:
        c = pooled[v]
        print(f"{'ALL':16} {v:16} top1 {c['top1']:3}/{c['answerable']:3}  top1_answerable {c['top1_answerable']:3}"
              f"  unanswerable_answered {c['unanswerable_answered']:2}/{c['unanswerable']:2}"
              f"  (long questions with a focus: {c['focused']}, of them missed: {c['missed_long']})")
    c = pooled["base"]
    for kind in ("right", "wrong", "unanswerable"):
        print(f"near misses, {kind:12} document first: {c[f'near_{kind}']:2}; coverage test passes with the whole "
              f"question {c[f'near_{kind}_passed_whole']:2}, with the better of whole and focus "
              f"{c[f'near_{kind}_passed_focus']:2}")
    report["pooled"] = {v: dict(c) for v, c in pooled.items()}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
