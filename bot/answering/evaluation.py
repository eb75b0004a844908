"""`supportbot eval answers`: do golden questions get answers that cite the documents they must,
and say the facts they must?"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from bot.answering.answerer import Answerer
from bot.answering.retrieval import Searchable, retrieve
from bot.errors import AnswerFailed, InvalidInput


def load_golden(path: Path) -> list[dict[str, Any]]:
    """Rows `{"id", "question", "must_cite": [document ids], "must_say": [fact, ...]}`; a bad row names its line.

    `must_say` is optional; each fact is a text the answer must contain, or a list of alternatives
    of which one will do (an LLM may say "3 to 5 days" where the article says "3–5 days").
    """
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InvalidInput(f"{path}:{line_no}: not JSON ({exc})") from exc
        question = row.get("question") if isinstance(row, dict) else None
        must_cite = row.get("must_cite") if isinstance(row, dict) else None
        if not isinstance(question, str) or not question.strip() or not isinstance(must_cite, list) or not must_cite:
            raise InvalidInput(f'{path}:{line_no}: needs "question" (text) and "must_cite" (non-empty list of document ids)')
        must_say = row.get("must_say", [])
        facts = [[fact] if isinstance(fact, str) else fact for fact in must_say] if isinstance(must_say, list) else None
        if facts is None or not all(isinstance(f, list) and f and all(isinstance(t, str) and t.strip() for t in f)
                                    for f in facts):
            raise InvalidInput(f'{path}:{line_no}: "must_say" must be a list of texts or of lists of alternative texts')
        rows.append({"id": str(row.get("id", line_no)), "question": question, "must_cite": [str(d) for d in must_cite],
                     "must_say": facts})
    if not rows:
        raise InvalidInput(f"{path}: no questions")
    return rows


def evaluate_answers(golden: Path, *, knowledge_base: Searchable, answerer: Answerer) -> dict[str, Any]:
    """Search and answer each golden question as the bot would; pass when a required document is cited.

    Returns `questions`, `cited_required` (pass rate), `answered` (grounded answers given),
    `retrieved_required` (a required document among the hits), `said_required` (of the questions
    with `must_say`, the share whose answer says every fact), `ms_per_question`, `mode`, `failures`,
    and `warning` when the knowledge base found nothing at all (usually: not synced).
    """
    rows = load_golden(golden)
    passed = answered = retrieved = empty = said = 0
    failures: list[dict[str, Any]] = []
    started = time.perf_counter()
    for row in rows:
        verdict = _judge(row, knowledge_base, answerer)
        answered += verdict["answered"]
        retrieved += verdict["retrieved"]
        empty += not verdict["hits"]
        said += bool(row["must_say"]) and verdict["reason"] is None and not verdict["missing"]
        if verdict["reason"] is None:
            passed += 1
        if verdict["reason"] is not None or verdict["missing"]:
            failures.append({"id": row["id"], "question": row["question"], "must_cite": row["must_cite"],
                             "reason": verdict["reason"] or "the answer does not say every required fact",
                             "missing": verdict["missing"], "cited": verdict["cited"], "hits": verdict["hits"],
                             "answer": verdict["answer"]})
    elapsed_ms = (time.perf_counter() - started) * 1000
    n = len(rows)
    report: dict[str, Any] = {
        "questions": n,
        "cited_required": round(passed / n, 4),
        "answered": round(answered / n, 4),
        "retrieved_required": round(retrieved / n, 4),
        "said_required": round(said / with_facts, 4) if (with_facts := sum(bool(r["must_say"]) for r in rows)) else None,
        "ms_per_question": round(elapsed_ms / n, 2),
        "mode": answerer.mode,
        "failures": failures,
    }
    if empty == n:
        report["warning"] = "the knowledge base found nothing for any question: is it synced? (supportbot kb sync DIR)"
    return report


def _judge(row: dict[str, Any], knowledge_base: Searchable, answerer: Answerer) -> dict[str, Any]:
    # A miss is searched again as the bot would; golden questions are single turns without personal
    # data, so the raw question stands in for the bot's condensed and redacted ones.
    result = retrieve(knowledge_base, answerer, row["question"])
    hits = [hit.document_id for hit in result.hits]
    verdict: dict[str, Any] = {"answered": False, "retrieved": bool(set(hits) & set(row["must_cite"])),
                               "cited": [], "hits": hits[:5], "reason": None, "missing": [], "answer": None}
    if not answerer.attempts(result):  # the bot's own decision, near misses included
        verdict["reason"] = f"not answerable (top score {result.top_score:.3f})"
        return verdict
    try:
        answer = answerer.answer(row["question"], result)
    except AnswerFailed as exc:
        verdict["reason"] = f"answer failed: {exc}"
        return verdict
    verdict["answered"] = answer.grounded
    verdict["cited"] = [c.document_id for c in answer.citations]
    verdict["answer"] = answer.text
    said = _plain(answer.text) if answer.grounded else ""
    verdict["missing"] = [" | ".join(fact) for fact in row["must_say"] if not any(_plain(t) in said for t in fact)]
    if not answer.grounded:
        verdict["reason"] = "the answerer found no answer in the passages"
    elif not set(verdict["cited"]) & set(row["must_cite"]):
        verdict["reason"] = "no required document cited"
    return verdict


_MARKUP = re.compile(r"[*_`]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    """Compared without case, Markdown emphasis, dash variants or spacing: "**3–5** days" says "3-5 days"."""
    return _SPACE.sub(" ", _DASHES.sub("-", _MARKUP.sub("", text.lower()))).strip()
