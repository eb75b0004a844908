"""What the offline answer shows when search put the right document first, replayed as the turn decides it.

Reads `passage_choice.py --cache DIR` (every dev centre's searches and the top company documents' chunks)
and replays `Answerer.extract` with what the served answerer has: the learned answerability decision
(`strictness` balanced) and the knowledge base's own embedder (the yes/no check's drop), so declines move
with what is shown, as they do in a turn. (`passage_choice.py` and `passage_losses.py` replay the hand-set
rule only.) English questions only. Per set and pooled: facts said (shown, a required document cited
first, every `must_say` fact in it), wrong answers (shown for an unanswerable question, or citing no
required document), answerable questions declined, and the median / p90 characters of the answers shown.

Every answerable question shown from a required document without its fact gets one cause:
- `trim/table`, `trim/list`, `trim/paragraph`: the fact is in the chosen section (or an added one), in a
  block of that kind the trim left out or cut;
- `section/nearest`: the fact is in search's nearest section, which was not chosen and not added;
- `section/child`, `section/parent`, `section/sibling`, `section/other`: in another section of the
  document, placed so against the chosen one;
- `chunk`: the document was not read whole (a near miss reads search's passages only) and a chunk
  search did not return holds the fact;
- `nowhere`: no section of the document says every fact (the facts span sections, or the golden fact
  is phrased otherwise).
`--rows FILE` writes a row per question; `--set NAME=VALUE` sets a `sections` knob for the run (to compare
settings side by side in one process).

    python benchmarks/shown_answers.py --cache DIR [--only NAME] [--rows FILE] [--set MAX_CHARS=1000]
"""
from __future__ import annotations

import argparse
import json
import logging
import pickle
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched, read_whole  # noqa: E402,F401  (the cache's rows)

from bot.answering import plain_parts, sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.answering.golden import GoldenQuestion  # noqa: E402
from bot.answering.strictness import decision_for  # noqa: E402
from bot.policy import load_policy  # noqa: E402
from knowledge_base.results import DocumentHit  # noqa: E402


@dataclass(frozen=True)
class Outcome:
    """One English golden question replayed."""

    kb: str
    id: str
    answerable: bool
    right_first: bool  # a required document is the first company document search found
    shown: bool
    said: bool
    wrong: bool
    length: int | None  # characters of the answer shown
    cause: str | None  # why a right-first shown answer lacks the fact (see the module docstring)


def load(cache: Path, only: Iterable[str] = ()) -> tuple[Any, dict[str, list[Any]]]:
    """(policy file, searches per centre) from `passage_choice.py`'s cache."""
    wanted = set(only)
    data: dict[str, list[Any]] = {}
    policy_file = None
    for stored in sorted(cache.glob("*.pickle")):
        if wanted and stored.stem not in wanted:
            continue
        policy_file, data[stored.stem] = pickle.loads(stored.read_bytes())  # NOTE: our own cache
    return policy_file, data


def served_answerer(policy_file: Any) -> Answerer:
    """The offline answerer as `server.build_services` makes it for an English help centre."""
    from knowledge_base.embeddings import LocalMiniLMEmbeddings
    from settings import Settings

    policy = load_policy(policy_file)
    embedder = LocalMiniLMEmbeddings(cache_dir=Settings().kb.models_dir)
    return Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language,
                    english=embedder, decision=decision_for("balanced"))


def replay(kb: str, s: Any, answerer: Answerer) -> Outcome:
    q: GoldenQuestion = s.question
    result = s.result
    company = [h for h in result.hits if h.passages and h.trust == "official"]
    top = company[0] if company else None
    answer = answerer.extract(q.question, result, whole=lambda hit: read_whole(s, hit.document_id))
    cited = answer.citations[0].document_id if answer.grounded and answer.citations else None
    right_first = top is not None and top.document_id in q.must_cite
    said = answer.grounded and cited in q.must_cite and says_facts(answer.text, q)
    wrong = answer.grounded and (not q.answerable or cited not in q.must_cite)
    cause = None
    if q.answerable and right_first and answer.grounded and not said and top is not None:
        cause = _cause(q, s, top, whole_read=result.answerable and top is result.hits[0])
    return Outcome(kb, q.id, q.answerable, right_first, answer.grounded, said, wrong,
                   len(answer.text) if answer.grounded else None, cause)


def _cause(q: GoldenQuestion, s: Any, top: DocumentHit, *, whole_read: bool) -> str:
    whole = read_whole(s, top.document_id)
    read = whole if whole_read and whole else top.passages
    found = sections.best_section(q.question, top, whole=read)
    if found is not None and says_facts(found.text, q):
        return "trim/" + _lost_block(q, found.text)
    texts = sections.sections_of(read)
    holders = [name for name, text in texts if says_facts(text, q)]
    if not holders:
        if not whole_read and any(says_facts(text, q) for _name, text in sections.sections_of(whole)):
            return "chunk"
        return "nowhere"
    nearest = top.passages[0].section if top.passages else None
    if nearest in holders:
        return "section/nearest"
    chosen = _chosen_section(q, top, read)
    where = holders[0]
    sep = plain_parts.SECTION_SEPARATOR
    if chosen is None:
        return "section/other"
    if where.startswith(f"{chosen}{sep}") or (not chosen and where):
        return "section/child"
    if chosen.startswith(f"{where}{sep}") or not where:
        return "section/parent"
    if chosen.rsplit(sep, 1)[0] == where.rsplit(sep, 1)[0] and sep in chosen:
        return "section/sibling"
    return "section/other"


def _chosen_section(q: GoldenQuestion, top: DocumentHit, read: list[Any]) -> str | None:
    candidates = sections._scored_sections(q.question, top, read)
    return max(candidates, key=lambda c: c.score).section if candidates else None


def _lost_block(q: GoldenQuestion, text: str) -> str:
    """The kind of block of `text` holding the fact the answer lacks (a table, a list, a paragraph), or
    `spans` when no one block holds every fact."""
    for block in sections.split_blocks(text):
        if says_facts(block.text, q):
            return {"table": "table", "list": "list"}.get(block.kind, "paragraph")
    return "spans"


def figures(outcomes: list[Outcome]) -> dict[str, Any]:
    """Facts said, wrong answers, answerable declined, answer length, over English questions."""
    answerable = [o for o in outcomes if o.answerable]
    lengths = sorted(o.length for o in outcomes if o.answerable and o.length is not None)
    return {
        "answerable": len(answerable), "unanswerable": len(outcomes) - len(answerable),
        "said": sum(o.said for o in answerable), "wrong": sum(o.wrong for o in outcomes),
        "declined": sum(not o.shown for o in answerable),
        "right_first": sum(o.right_first for o in answerable),
        "shown_no_fact": sum(o.cause is not None for o in answerable),
        "median_chars": int(statistics.median(lengths)) if lengths else 0,
        "p90_chars": lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))] if lengths else 0,
    }


def run(data: dict[str, list[Any]], answerer: Answerer) -> list[Outcome]:
    return [replay(kb, s, answerer) for kb, searches in data.items() for s in searches if s.question.lang == "en"]


def _knob(text: str) -> tuple[str, Any]:
    """NAME=VALUE of a `sections` knob: None, an int, a float or a word."""
    name, _, value = text.partition("=")
    getattr(sections, name)  # NOTE: a misspelt knob fails here, not silently
    if value == "None":
        return name, None
    for parse in (int, float):
        try:
            return name, parse(value)
        except ValueError:
            pass
    return name, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--only", action="append", default=[], help="one centre by name (repeatable)")
    parser.add_argument("--rows", type=Path, help="write a row per question as JSONL here")
    parser.add_argument("--set", action="append", default=[], type=_knob, help="NAME=VALUE of a sections knob")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    for name, value in args.set:
        setattr(sections, name, value)
    policy_file, data = load(args.cache, args.only)
    outcomes = run(data, served_answerer(policy_file))
    if args.rows:
        args.rows.write_text("".join(json.dumps(o.__dict__) + "\n" for o in outcomes), encoding="utf-8")
    for name in [*data, "ALL"]:
        print(f"{name:<22}", json.dumps(figures([o for o in outcomes if name in ("ALL", o.kb)])))
    causes = Counter(o.cause for o in outcomes if o.cause is not None)
    print("causes:", json.dumps(dict(causes.most_common())))


if __name__ == "__main__":
    main()
