"""Issue 11: when search puts a required document first, does the offline answer show the fact?

Isolates the passage (section choice and trim) from ranking and answerability. For every golden
question of the development help centres (never a hold-out) the knowledge base is searched once, the
top company document's chunks are read whole, and the offline answer is built as the turn builds it
(`Answerer.extract`). Among answerable questions whose top company document is a required one it
counts:
- `shown`: the answer is shown (not declined) and says every `must_say` fact;
- `body`: the chosen section's trimmed body says the facts (whether or not answerability shows it);
- `section`: the chosen section's whole text says them (a trim loss when `body` does not);
- `document`: some section of the document says them (a choice loss when `section` does not);
- `window`: the document's best 1000/200 window (the tutorial's chunk) says them;
over all answerable questions, `said_all` (the answer shown says the facts), `tutorial_all` (the
tutorial's best chunk over the whole help centre holds them) and `tutorial_only` (the tutorial's
chunk holds them, the answer does not); and the shown answers' length (characters of the
Markdown: median and p90), plus the unanswerable questions shown an answer. `--rows FILE` writes
a row per question for reading the losses. English questions only: the section of a question in
another language is chosen by meaning (`crosslingual_section.py`), which `i18n_misses.py` measures.
`--cache DIR` keeps each centre's searches (results, the top document's chunks, the best windows)
in DIR, so a change to the section choice or trim is measured again in seconds, not minutes; clear
DIR after a change to indexing or ranking.

    python benchmarks/passage_choice.py [--only NAME] [--rows FILE] [--english] [--cache DIR]
"""
from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from anchor_langchain_tutorial import load_chunks  # noqa: E402
from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)
from indexed_centre import indexed_centre  # noqa: E402

from bot.answering import sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.answering.golden import GoldenQuestion, load_golden  # noqa: E402
from bot.policy import load_policy  # noqa: E402
from knowledge_base.results import DocumentHit, Passage, SearchResult  # noqa: E402

FIGURES = ("shown", "body", "section", "document", "window")


@dataclass(frozen=True)
class Searched:
    """What one golden question's search gave: all that the section choice reads."""

    question: GoldenQuestion
    result: SearchResult
    whole: list[Passage]  # every chunk of the top company document
    best_window: str  # the top document's 1000/200 window nearest the question (the tutorial's chunk)
    tutorial_chunk: str  # the tutorial's best chunk over the whole help centre
    tutorial_source: str
    # every chunk of the top three company documents (the first's is `whole`): what a runner-up document
    # would show (`passage_losses.py`; the runner-up choice measured on branch rank8, docs/DECISIONS.md);
    # empty in caches written before it
    others: dict[str, list[Passage]] = field(default_factory=dict)


def read_whole(s: Searched, document_id: str) -> list[Passage]:
    """Every chunk of one of the question's top company documents, as the turn reads it (`whole`): the
    first's, or a runner-up's; [] for another, or a cache written before `others`."""
    others = getattr(s, "others", None) or {}  # NOTE: rows pickled before the field existed lack it
    if document_id in others:
        return others[document_id]
    top = next((h for h in s.result.hits if h.passages and h.trust == "official"), None)
    return s.whole if top is not None and top.document_id == document_id else []


def _whole_of(s: Searched, hit: DocumentHit) -> list[Passage]:
    return read_whole(s, hit.document_id)


def searched(docs: Path, golden: Path, policy_out: list[Any]) -> list[Searched]:
    """Search every golden question once (the slow part: indexing, embedding)."""
    import numpy as np

    windows: dict[str, list[str]] = {}
    chunks = load_chunks(docs)
    for chunk in chunks:
        windows.setdefault(str(chunk.metadata["source"]), []).append(chunk.page_content)
    out = []
    with indexed_centre(docs, prefix="supportbot-passage-") as (settings, kb):
        policy_out.append(settings.bot.policy_file)
        all_vectors = np.asarray(kb.embedder.embed_documents([c.page_content for c in chunks]))
        doc_chunks: dict[str, list[Passage]] = {}

        def read(document_id: str) -> list[Passage]:
            if document_id not in doc_chunks:
                doc_chunks[document_id] = [Passage(c.id, c.text, c.section, 0.0)
                                           for c in kb.document_chunks(document_id)]
            return doc_chunks[document_id]

        for q in load_golden(golden):
            result = kb.search(q.question)
            official = [h for h in result.hits if h.passages and h.trust == "official"][:3]
            top = official[0] if official else None
            others = {h.document_id: read(h.document_id) for h in official}
            whole = others[top.document_id] if top is not None else []
            query = np.asarray(kb.embedder.embed_query(q.question))
            own = windows.get(top.document_id, []) if top is not None else []
            best_window = ""
            if own:
                vectors = np.asarray(kb.embedder.embed_documents(own))
                best_window = own[int(np.argmax(vectors @ query))]
            best = int(np.argmax(all_vectors @ query)) if len(chunks) else -1
            out.append(Searched(q, result, whole, best_window,
                                chunks[best].page_content if best >= 0 else "",
                                str(chunks[best].metadata["source"]) if best >= 0 else "",
                                others))
        kb.close()
    return out


def measure(name: str, docs: Path, golden: Path, cache: Path | None = None) -> list[dict[str, Any]]:
    """A row per golden question of one help centre (see the module docstring)."""
    stored = cache / f"{name}.pickle" if cache is not None else None
    if stored is not None and stored.exists():
        policy_file, searches = pickle.loads(stored.read_bytes())  # NOTE: our own cache, never another's file
    else:
        policy_files: list[Any] = []
        searches = searched(docs, golden, policy_files)
        policy_file = policy_files[0]
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(pickle.dumps((policy_file, searches)))
    policy = load_policy(policy_file)
    # NOTE: offline choice of sections by words only; the cross-lingual embedder is not loaded here (a
    # cached run has no index), so questions in other languages, whose section the product chooses by
    # meaning, are left out rather than measured with a chooser the product does not use for them.
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    rows = []
    for s in searches:
        q, result, whole = s.question, s.result, s.whole
        if q.lang != "en":
            continue
        top = next((h for h in result.hits if h.passages and h.trust == "official"), None)
        answer = answerer.extract(q.question, result, whole=partial(_whole_of, s))
        right_first = top is not None and top.document_id in q.must_cite
        row: dict[str, Any] = {"kb": name, "id": q.id, "lang": q.lang, "question": q.question,
                               "answerable": q.answerable, "right_first": right_first,
                               "shown": answer.grounded, "length": len(answer.text) if answer.grounded else None,
                               "answer": answer.text}
        if top is not None and q.answerable:
            found = sections.best_section(q.question, top, whole=whole or None)
            texts = [t for _s, t in sections.sections_of(whole or top.passages)]
            row.update(said=answer.grounded and says_facts(answer.text, q),
                       body=found is not None and says_facts(found.body, q),
                       section=found is not None and says_facts(found.text, q),
                       document=any(says_facts(t, q) for t in texts), window=says_facts(s.best_window, q),
                       heading=found.heading if found else None, must_say=[list(f) for f in q.must_say])
        if q.answerable:
            row.update(tutorial=says_facts(s.tutorial_chunk, q), tutorial_first=s.tutorial_source in q.must_cite,
                       top=top.document_id if top is not None else None)
        rows.append(row)
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts over answerable questions with a required document first, and the answers' lengths."""
    base = [r for r in rows if r["answerable"] and r["right_first"]]
    out: dict[str, Any] = {"answerable": sum(r["answerable"] for r in rows), "right_first": len(base)}
    out["shown"] = sum(bool(r.get("said")) for r in base)
    for figure in FIGURES[1:]:
        out[figure] = sum(bool(r.get(figure)) for r in base)
    lengths = sorted(r["length"] for r in rows if r["answerable"] and r["length"] is not None)
    if lengths:
        out["length_median"] = int(statistics.median(lengths))
        out["length_p90"] = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    out["unanswerable_shown"] = sum(r["shown"] for r in rows if not r["answerable"])
    answerable = [r for r in rows if r["answerable"]]
    out["said_all"] = sum(bool(r.get("said")) for r in answerable)
    out["tutorial_all"] = sum(bool(r.get("tutorial")) for r in answerable)
    out["tutorial_only"] = sum(bool(r.get("tutorial")) and not r.get("said") for r in answerable)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="one knowledge base by name")
    parser.add_argument("--rows", type=Path, help="write every row as JSONL here")
    parser.add_argument("--english", action="store_true",
                        help="English questions only (always, now: see measure; kept so older command lines run)")
    parser.add_argument("--cache", type=Path, help="keep each centre's searches here (see the docstring)")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for name, docs, golden, _conversations in help_centres(holdout=False):
        if args.only and name != args.only:
            continue
        mine = measure(name, docs, golden, args.cache)
        rows += mine
    if args.rows:
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for name in [*sorted({r["kb"] for r in rows}), "ALL"]:
        print(f"{name:<16}", json.dumps(summary([r for r in rows if name in ("ALL", r["kb"])])), flush=True)


if __name__ == "__main__":
    main()
