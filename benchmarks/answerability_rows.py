"""The features an answerability decision can read, per dev golden question, and what answering would show.

For every golden question of `examples/` and the dev help centres (never a hold-out), plus each set's
`golden_i18n_dev.jsonl`, its `answerability_extra.jsonl` (unanswerable questions close to its topics,
written for this fit and checked against its documents), `examples/eval`'s and the kestrel
calibration set's English queries for `examples/`, and any file given with `--extra NAME=FILE`, the question is
asked through the bot's whole turn (what the customer gets today) and, beside it, searched and
extracted the way the answerer would: with the top company document's section chosen from the
passages search found (the near-miss path) and from the whole document (the answerable path). Each
row holds the search figures (score, the next document's score, keyword coverage), what each
section shares with the question, and whether it says the golden facts, so that
`benchmarks/answerability_fit.py` can replay any decision rule without indexing again.

    python benchmarks/answerability_rows.py --out rows.jsonl [--only NAME] [--extra NAME=FILE ...]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answers_quality import I18N_DEV, help_centres  # noqa: E402  (its list of hold-outs is the one list)
from indexed_centre import indexed_centre  # noqa: E402

from bot.answering import answerability, extractive, left_out  # noqa: E402
from bot.answering.answerer import _read  # noqa: E402
from bot.answering.evaluation import _judge, says_facts  # noqa: E402
from bot.answering.golden import load_golden  # noqa: E402
from bot.answering.sections import SectionAnswer  # noqa: E402
from knowledge_base.results import DocumentHit  # noqa: E402
from server import build_services  # noqa: E402

EXTRA = "answerability_extra.jsonl"
KESTREL = (ROOT / "examples/eval/retrieval_queries.jsonl",
           ROOT / "benchmarks/calibration_sets/kestrel_extra_queries.jsonl")


def kestrel_golden(folder: Path) -> Path:
    """examples/eval's retrieval queries (on the same documents as `examples/`) as a golden file
    without facts: answered from a relevant document counts as right."""
    out = folder / "kestrel_golden.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for source in KESTREL:
            for line in source.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    q = json.loads(line)
                    row = {"id": f"k-{q['id']}", "question": q["text"], "must_cite": q["relevant"], "must_say": []}
                    f.write(json.dumps(row) + "\n")
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Evidence:
    """Search's figures for the top document and what its chosen section shares with the question."""

    score: float  # search's calibrated score of the document (0..1)
    margin: float  # that score minus the next document's
    coverage: float  # search's idf-weighted keyword coverage of the question by its best passage
    asked: int  # the question's content words
    section_share: float  # share of them in the document's title, the section's heading or its text
    shown_share: float  # share of them in the title, heading and the part of the section shown
    unmatched: int  # content words of the question in neither the title nor the whole section
    number_missing: bool  # the question names a number (a plan size, an amount) the section lacks
    kind_missing: bool  # the question asks for a time or an amount and what is shown holds none

    def as_dict(self) -> dict[str, float | int | bool]:
        return asdict(self)


def features(question: str, found: SectionAnswer, hit: DocumentHit, *, margin: float = 0.0) -> Evidence:
    """The evidence that `found`, the section chosen from `hit`, answers `question`."""
    asked = extractive.content_words(question)
    title = extractive.content_words(hit.title)
    heading = extractive.content_words(found.heading)
    section = extractive.content_words(found.text) | heading | title
    shown = extractive.content_words(found.body) | heading | title
    n = max(1, len(asked))
    numbers = set(_NUMBER.findall(question))
    expects = extractive.expected_kind(question)
    return Evidence(
        score=hit.score, margin=margin, coverage=hit.coverage, asked=len(asked),
        section_share=len(asked & section) / n, shown_share=len(asked & shown) / n,
        unmatched=len(asked - section),
        number_missing=bool(numbers) and not numbers <= set(_NUMBER.findall(found.text)),
        kind_missing=expects is not None and not extractive.holds_kind(found.body, expects),
    )


def decided(question: str, found: SectionAnswer, hit: DocumentHit, cross_lingual: bool, lang: str,
            english: left_out.ArrayEmbedder | None) -> dict[str, Any]:
    """What the answerer's decision itself reads of `found`: the share of the question's words it
    computes, whether the kind asked is shown, and the yes/no check's left-out drop (`left_out.drop`,
    0 where the answerer does not ask it: not English, matched across languages, or not yes/no)."""
    yes_no = extractive.asks_yes_no(question)
    asked = english is not None and yes_no and not cross_lingual and lang == "en"
    shown = f"{hit.title}\n{found.heading}\n{found.body}"
    return {"share": answerability.question_share(question, f"{hit.title}\n{found.heading}\n{found.decided_text}"),
            "kind_shown": answerability.kind_shown(question, found.decided_body), "yes_no": yes_no,
            "drop": left_out.drop(question, shown, english) if asked and english is not None else 0.0}


PSEUDO_PER_KB = 200  # pseudo-queries per knowledge base (titles first, then section headings)


def pseudo_queries(kb: Any) -> list[dict[str, Any]]:
    """What search makes of the knowledge base's own titles and section headings asked as questions
    with their own document left out: the top *other* official document's score, coverage and margin.

    A label-free picture of the knowledge base's score scale (how high an in-domain question it cannot
    answer from the right page scores), to test whether the answerability decision gains from it.
    """
    asked: list[tuple[str, str, str]] = []
    for info in kb.documents():
        asked.append(("title", info.title, info.id))
    for info in kb.documents():
        seen = set()
        for chunk in kb.document_chunks(info.id):
            heading = chunk.section.split(" > ")[-1].strip()
            if heading and heading not in seen and heading != info.title:
                seen.add(heading)
                asked.append(("heading", heading, info.id))
    out = []
    for kind, text, own in asked[:PSEUDO_PER_KB]:
        result = kb.search(text)
        others = [h for h in result.hits if h.document_id != own and h.trust == "official"]
        if not others:
            continue
        nxt = others[1].score if len(others) > 1 else 0.0
        out.append({"kind": kind, "text": text, "score": others[0].score, "coverage": others[0].coverage,
                    "margin": others[0].score - nxt,
                    "self": next((h.score for h in result.hits if h.document_id == own), 0.0)})
    return out


def question_rows(name: str, docs: Path, files: list[tuple[str, Path]],
                  stats: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    rows = []
    with indexed_centre(docs, prefix="supportbot-answerability-") as (settings, kb):
        if stats is not None:
            stats[name] = pseudo_queries(kb)
        services = build_services(settings, knowledge_base=kb)
        turns = services.bot._turns  # the answerer and document reader the turn itself uses
        answerer, whole = turns._answerer, turns._whole
        try:
            for source, path in files:
                for q in load_golden(path):
                    conversation, _token = services.bot.start_conversation()
                    verdict = _judge(q, services.bot.post_and_answer(conversation.id, q.question), None)
                    result = kb.search(q.question)
                    official = [h for h in result.hits if h.passages and h.trust == "official"]
                    row: dict[str, Any] = {
                        "kb": name, "file": source, "id": q.id, "lang": q.lang, "question": q.question,
                        "must_cite": list(q.must_cite), "answerable_q": q.answerable,
                        "outcome": verdict.outcome, "answered": verdict.answered, "fact_said": verdict.fact_said,
                        "wrong": verdict.wrong, "cited": verdict.cited,
                        "search_answerable": result.answerable, "cross_lingual": result.cross_lingual,
                        "top_official_first": bool(official) and official[0] is result.hits[0],
                    }
                    if official:
                        top = official[0]
                        second = result.hits[1].score if len(result.hits) > 1 else 0.0
                        row.update(top=top.document_id, right=top.document_id in q.must_cite, score=top.score,
                                   second=second, coverage=top.coverage, threshold=result.threshold,
                                   passage=top.passages[0].score,
                                   second_coverage=result.hits[1].coverage if len(result.hits) > 1 else 0.0)
                        for kind, read in (("p", None), ("w", _read(whole, top))):
                            found = answerer._section(q.question, result, top, whole=read)
                            if found is None:
                                row[kind] = None
                                continue
                            shown = answerer._markdown(found, None)
                            facts = features(q.question, found, top, margin=top.score - second)
                            row[kind] = {"support": found.support, "section_score": found.score,
                                         "says": says_facts(shown, q), "heading": found.heading, "body": found.body,
                                         **facts.as_dict(), **decided(q.question, found, top, result.cross_lingual,
                                                                      q.lang, answerer._english_raw)}
                    rows.append(row)
        finally:
            services.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", help="one knowledge base by name")
    parser.add_argument("--pseudo", type=Path, help="also write each knowledge base's pseudo-query scores here")
    parser.add_argument("--extra", action="append", default=[], help="NAME=FILE: more questions for set NAME")
    args = parser.parse_args()
    extra: dict[str, list[Path]] = {}
    for item in args.extra:
        set_name, _, file = item.partition("=")
        extra.setdefault(set_name, []).append(Path(file))
    rows: list[dict[str, Any]] = []
    stats: dict[str, Any] | None = {} if args.pseudo else None
    with tempfile.TemporaryDirectory(prefix="supportbot-answerability-") as tmp:
        for name, docs, golden, _conversations in help_centres(holdout=False):
            if args.only and name != args.only:
                continue
            files = [("golden", golden)]
            for source, path in (("i18n_dev", golden.parent / I18N_DEV), ("extra", golden.parent / EXTRA)):
                if path.exists():
                    files.append((source, path))
            if name == "examples":
                files.append(("kestrel", kestrel_golden(Path(tmp))))
            files += [(f"extra:{p.name}", p) for p in extra.get(name, [])]
            rows += question_rows(name, docs, files, stats)
            print(f"{name}: {sum(r['kb'] == name for r in rows)} questions", file=sys.stderr)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if args.pseudo is not None:
        args.pseudo.write_text(json.dumps(stats) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
