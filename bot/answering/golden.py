"""Golden files a knowledge manager writes: questions with the documents an answer must cite and the
facts it must say, and multi-turn conversations (follow-ups and topic shifts) in the same shape."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import InvalidInput

CONVERSATION_KINDS = ("follow_up", "topic_shift")


@dataclass(frozen=True)
class GoldenQuestion:
    """`must_cite` empty: the knowledge base cannot answer it and the bot must decline.

    Each entry of `must_say` is a list of alternatives of which one will do (an LLM may say
    "3 to 5 days" where the article says "3–5 days").
    """

    id: str
    question: str
    must_cite: tuple[str, ...]
    must_say: tuple[tuple[str, ...], ...]
    lang: str = "en"

    @property
    def answerable(self) -> bool:
        return bool(self.must_cite)


@dataclass(frozen=True)
class GoldenConversation:
    id: str
    kind: str  # one of CONVERSATION_KINDS
    turns: tuple[GoldenQuestion, ...]


def load_golden(path: Path) -> list[GoldenQuestion]:
    """Rows `{"id", "question", "must_cite": [ids], "must_say": [fact | [alternatives]], "lang"}`."""
    rows = [_question(row, where) for row, where in _rows(path)]
    if not rows:
        raise InvalidInput(f"{path}: no questions")
    return rows


def load_conversations(path: Path) -> list[GoldenConversation]:
    """Rows `{"id", "kind": "follow_up" | "topic_shift", "turns": [question rows without ids]}`."""
    conversations = []
    for row, where in _rows(path):
        kind, turns = row.get("kind"), row.get("turns")
        if kind not in CONVERSATION_KINDS or not isinstance(turns, list) or len(turns) < 2:
            raise InvalidInput(f'{where}: needs "kind" ({" or ".join(CONVERSATION_KINDS)}) and at least two "turns"')
        cid = str(row.get("id", where))
        parsed = tuple(
            _question({"id": f"{cid}#{n}", **turn} if isinstance(turn, dict) else turn, f"{where} turn {n}")
            for n, turn in enumerate(turns, start=1)
        )
        conversations.append(GoldenConversation(cid, kind, parsed))
    if not conversations:
        raise InvalidInput(f"{path}: no conversations")
    return conversations


def _rows(path: Path) -> list[tuple[dict[str, Any], str]]:
    out = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InvalidInput(f"{where}: not JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise InvalidInput(f"{where}: each line must be a JSON object")
        out.append((row, where))
    return out


def _question(row: Any, where: str) -> GoldenQuestion:
    if not isinstance(row, dict):
        raise InvalidInput(f"{where}: must be a JSON object")
    question, must_cite = row.get("question"), row.get("must_cite")
    if not isinstance(question, str) or not question.strip() or not isinstance(must_cite, list):
        raise InvalidInput(
            f'{where}: needs "question" (text) and "must_cite" (a list of document ids; [] = cannot be answered)'
        )
    must_say = row.get("must_say", [])
    facts = [[fact] if isinstance(fact, str) else fact for fact in must_say] if isinstance(must_say, list) else None
    if facts is None or not all(
        isinstance(f, list) and f and all(isinstance(t, str) and t.strip() for t in f) for f in facts
    ):
        raise InvalidInput(f'{where}: "must_say" must be a list of texts or of lists of alternative texts')
    if facts and not must_cite:
        raise InvalidInput(f'{where}: a question with "must_say" facts needs the documents that hold them')
    lang = row.get("lang", "en")
    return GoldenQuestion(
        id=str(row.get("id", where)), question=question, must_cite=tuple(str(d) for d in must_cite),
        must_say=tuple(tuple(f) for f in facts), lang=lang if isinstance(lang, str) and lang else "en",
    )
