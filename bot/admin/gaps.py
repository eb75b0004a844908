"""Content gaps: what customers asked that the knowledge base could not answer, grouped by meaning.

A gap is a customer question followed by the bot saying it had no answer, by an answer the
customer marked not helpful, or by a handoff for `no_answer`. Questions are embedded with the
knowledge base's own embedder (vectors cached in `admin_question_vectors`, so each is embedded once)
and grouped by `clustering.group_by_meaning`; each group names the documents that came closest.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np
from sqlalchemy import delete, exists, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.clustering import central, group_by_meaning
from bot.admin.facts import Facts
from bot.admin.models import GapQuestionRow, GapResolutionRow, QuestionVectorRow
from bot.admin.sql import window_start
from bot.errors import InvalidInput
from knowledge_base.results import SearchResult

_IDS_PER_QUERY = 500
_WORDS = re.compile(r"\w+", re.UNICODE)


class Embedder(Protocol):
    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


class Searcher(Protocol):
    def search(self, query: str, *, k: int | None = None) -> SearchResult: ...


@dataclass(frozen=True)
class GapQuestion:
    message_id: int  # the customer's message
    conversation_id: str
    text: str
    asked_at: datetime
    kind: str  # declined | not_helpful | no_answer_handoff


@dataclass(frozen=True)
class ClosestDocument:
    document_id: str
    title: str
    score: float


@dataclass(frozen=True)
class GapGroup:
    key: str  # stable while the group's members do not change
    count: int
    examples: list[str]
    kinds: dict[str, int]
    last_asked: datetime
    question_ids: list[int]
    closest: list[ClosestDocument] = field(default_factory=list)


@dataclass(frozen=True)
class Gaps:
    days: int
    questions: int
    groups: list[GapGroup]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class GapsService:
    """Collects gap questions from the conversation log, groups them, and remembers what was dealt with."""

    def __init__(self, sessions: sessionmaker[Session], facts: Facts, *, embedder: Embedder, model_id: str,
                 search: Searcher, clock: Callable[[], datetime] = _utcnow, threshold: float = 0.5,
                 kb_generation: Callable[[], object] | None = None) -> None:
        self._sessions = sessions
        # the closest documents of a group's question stay valid until the knowledge base changes
        self._kb_generation = kb_generation
        self._closest_seen: dict[str, tuple[object, list[ClosestDocument]]] = {}
        self._facts = facts
        self._embedder = embedder
        self._model_id = model_id
        self._search = search
        self._clock = clock
        self._threshold = threshold

    def gaps(self, days: int, *, limit: int = 30, examples: int = 4) -> Gaps:
        """Groups of gap questions asked in conversations started in the last `days` days, biggest first."""
        self._facts.refresh()
        questions = self.questions(days)
        if not questions:
            return Gaps(days, 0, [])
        vectors = self._vectors(questions)
        texts = [_normal(q.text) for q in questions]
        unique: dict[str, int] = {}
        for i, t in enumerate(texts):
            unique.setdefault(t, i)
        firsts = list(unique.values())
        weight = np.zeros(len(firsts), dtype=np.float32)
        slot = {t: j for j, t in enumerate(unique)}
        for t in texts:
            weight[slot[t]] += 1
        grouped = group_by_meaning(vectors[firsts], weights=weight, threshold=self._threshold)
        by_text: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            by_text.setdefault(t, []).append(i)
        groups = []
        for members in grouped[:limit]:
            indices = [i for j in members for i in by_text[texts[firsts[j]]]]
            typical = central(vectors[firsts], members, n=examples)
            groups.append(self._group([questions[i] for i in indices], [questions[firsts[j]].text for j in typical]))
        return Gaps(days, len(questions), groups)

    def prepare(self, days: int = 90) -> int:
        """Embed the window's gap questions now (start-up), so the first page view does not wait."""
        self._facts.refresh()
        questions = self.questions(days)
        if questions:
            self._vectors(questions)
        return len(questions)

    def resolve(self, message_ids: Sequence[int], *, note: str | None = None) -> int:
        """Mark questions as dealt with: they leave the gaps page; new ones like them come back."""
        ids = sorted({int(i) for i in message_ids})
        if not ids:
            raise InvalidInput("no question ids given")
        now = self._clock()
        resolved = 0
        with self._sessions.begin() as s:
            for part in _parts(ids):
                # only ids that are gap questions: an unknown id (a stale page, a typo) is not "resolved"
                known = list(s.scalars(select(GapQuestionRow.message_id).where(GapQuestionRow.message_id.in_(part))))
                if not known:
                    continue
                s.execute(delete(GapResolutionRow).where(GapResolutionRow.message_id.in_(known)))
                rows = [{"message_id": i, "resolved_at": now, "note": note} for i in known]
                s.execute(insert(GapResolutionRow), rows)
                resolved += len(known)
        return resolved

    def questions(self, days: int) -> list[GapQuestion]:
        """Every unresolved gap question of conversations started in the window, oldest first."""
        first_day = window_start(self._clock(), days).strftime("%Y-%m-%d")
        q = GapQuestionRow
        resolved = exists().where(GapResolutionRow.message_id == q.message_id)
        with self._sessions.begin() as s:
            rows = s.execute(select(q.message_id, q.conversation_id, q.text, q.asked_at, q.kind)
                             .where(q.day >= first_day, ~resolved).order_by(q.message_id)).all()
        return [GapQuestion(*row) for row in rows]

    def _vectors(self, questions: list[GapQuestion]) -> np.ndarray:
        ids = [q.message_id for q in questions]
        cached: dict[int, np.ndarray] = {}
        with self._sessions.begin() as s:
            for part in _parts(ids):
                for mid, blob in s.execute(select(QuestionVectorRow.message_id, QuestionVectorRow.vector).where(
                        QuestionVectorRow.model_id == self._model_id, QuestionVectorRow.message_id.in_(part))):
                    cached[mid] = np.frombuffer(blob, dtype=np.float32)
        missing = [q for q in questions if q.message_id not in cached]
        if missing:
            fresh = self._embed([q.text for q in missing])
            with self._sessions.begin() as s:
                s.execute(insert(QuestionVectorRow), [
                    {"message_id": q.message_id, "model_id": self._model_id, "vector": v.tobytes()}
                    for q, v in zip(missing, fresh, strict=True)])
            cached.update({q.message_id: v for q, v in zip(missing, fresh, strict=True)})
        return np.vstack([cached[i] for i in ids])

    def _embed(self, texts: list[str]) -> list[np.ndarray]:
        unique = list(dict.fromkeys(texts))
        embedded = self._embedder.embed_documents(unique)
        vectors = {t: np.asarray(v, dtype=np.float32) for t, v in zip(unique, embedded, strict=True)}
        return [vectors[t] for t in texts]

    def _group(self, members: list[GapQuestion], examples: list[str]) -> GapGroup:
        kinds: dict[str, int] = {}
        for q in members:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        ids = sorted(q.message_id for q in members)
        key = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:16]
        return GapGroup(key=key, count=len(members), examples=examples, kinds=kinds,
                        last_asked=max(q.asked_at for q in members), question_ids=ids,
                        closest=self._closest(examples[0]))

    def _closest(self, question: str) -> list[ClosestDocument]:
        generation = self._kb_generation() if self._kb_generation is not None else None
        seen = self._closest_seen.get(question)
        if seen is not None and generation is not None and seen[0] == generation:
            return seen[1]
        try:
            result = self._search.search(question, k=3)
        except Exception:  # NOTE: a gap list without neighbours beats no gap list at all
            return []
        closest = [ClosestDocument(h.document_id, h.title, round(h.score, 3)) for h in result.hits[:3]]
        if len(self._closest_seen) > 2000:
            self._closest_seen.clear()
        self._closest_seen[question] = (generation, closest)
        return closest


def _normal(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _parts(items: list[Any]) -> list[list[Any]]:
    return [items[i:i + _IDS_PER_QUERY] for i in range(0, len(items), _IDS_PER_QUERY)]
