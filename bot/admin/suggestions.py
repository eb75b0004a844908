"""Agent answers become article drafts: from conversations a person resolved, the customer's
question and the agent's replies (personal data removed), as Markdown, grouped with similar ones."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.clustering import central, group_by_meaning
from bot.admin.gaps import Embedder
from bot.admin.sql import window_start
from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow
from bot.pii import detect

C, M, S = ConversationRow, MessageRow, StateChangeRow
_MAX_CONVERSATIONS = 2000


@dataclass(frozen=True)
class Exchange:
    conversation_id: str
    question: str
    replies: list[str]
    resolved_at: datetime


@dataclass(frozen=True)
class Draft:
    key: str
    title: str
    markdown: str
    count: int  # conversations in the group
    questions: list[str]  # typical questions of the group
    conversation_ids: list[str]


def scrub(text: str) -> str:
    """Every piece of personal data replaced by its placeholder, whatever the policy keeps (drafts are public)."""
    parts, last = [], 0
    for finding in detect(text):
        parts += [text[last:finding.start], finding.placeholder]
        last = finding.end
    parts.append(text[last:])
    return "".join(parts)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SuggestionsService:
    def __init__(self, sessions: sessionmaker[Session], *, embedder: Embedder,
                 clock: Callable[[], datetime] = _utcnow, threshold: float = 0.5) -> None:
        self._sessions = sessions
        self._embedder = embedder
        self._clock = clock
        self._threshold = threshold

    def drafts(self, days: int, *, limit: int = 20) -> list[Draft]:
        exchanges = self.exchanges(days)
        if not exchanges:
            return []
        vectors = np.asarray(self._embedder.embed_documents([e.question for e in exchanges]), dtype=np.float32)
        groups = group_by_meaning(vectors, threshold=self._threshold)
        return [self._draft([exchanges[i] for i in members], [exchanges[i] for i in central(vectors, members, n=3)])
                for members in groups[:limit]]

    def exchanges(self, days: int) -> list[Exchange]:
        """Resolved-by-an-agent conversations started in the window, newest resolution first."""
        since = window_start(self._clock(), days)
        with self._sessions.begin() as s:
            resolved = s.execute(
                select(S.conversation_id, S.created_at).join(C, C.id == S.conversation_id)
                .where(C.created_at >= since, S.to_state == "resolved", S.actor.like("agent:%"))
                .order_by(S.id.desc()).limit(_MAX_CONVERSATIONS)
            ).all()
            latest: dict[str, datetime] = {}
            for cid, at in resolved:
                latest.setdefault(cid, at)
            logs: dict[str, list[tuple[str, str]]] = {}
            ids = list(latest)
            for start in range(0, len(ids), 500):
                for cid, role, text in s.execute(
                        select(M.conversation_id, M.role, M.text)
                        .where(M.conversation_id.in_(ids[start:start + 500]), M.kind == "text",
                               M.role.in_(("customer", "agent")))
                        .order_by(M.conversation_id, M.id)):
                    logs.setdefault(cid, []).append((role, text))
        found = []
        for cid, at in latest.items():
            exchange = _exchange(cid, logs.get(cid, []), at)
            if exchange is not None:
                found.append(exchange)
        return found

    @staticmethod
    def _draft(members: list[Exchange], typical: list[Exchange]) -> Draft:
        lead = typical[0]
        title = _title(lead.question)
        lines = [f"# {title}", "", *lead.replies]
        others = [r for e in typical[1:] for r in e.replies if r not in lead.replies]
        if others:
            lines += ["", "<!-- Other agents answered: -->", *[f"<!-- {_one_line(r)} -->" for r in others[:4]]]
        questions = [e.question for e in typical]
        markdown = "\n".join(["---", f"title: {title}", "tags: [draft]", "---", "", *lines, ""])
        return Draft(key=lead.conversation_id, title=title, markdown=markdown, count=len(members),
                     questions=questions, conversation_ids=[e.conversation_id for e in members])


def _exchange(cid: str, log: list[tuple[str, str]], resolved_at: datetime) -> Exchange | None:
    """The customer's words before the first agent reply, and what the agents said."""
    first_agent = next((i for i, (role, _) in enumerate(log) if role == "agent"), None)
    if first_agent is None:
        return None
    asked = [text for role, text in log[:first_agent] if role == "customer" and text.strip()]
    replies = [scrub(text).strip() for role, text in log[first_agent:] if role == "agent" and text.strip()]
    if not asked or not replies:
        return None
    return Exchange(cid, scrub(" ".join(asked[-2:])).strip(), replies, resolved_at)


def _title(question: str) -> str:
    first = re.split(r"(?<=[?.!])\s", question.strip(), maxsplit=1)[0]
    first = first[:1].upper() + first[1:]
    return first if len(first) <= 90 else first[:87].rstrip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("--", "–")[:300]
