"""The console's part in export and erasure (`bot.privacy.ports.PrivacyParticipant`).

The console copies what it needs out of the bot's tables: the text of declined questions (the Gaps
page), their vectors, per-conversation facts and waits. An erasure that left those would keep a
customer's words on a page after the API said they were gone, so the console erases its copies with
the conversations. Daily sums (`admin_daily`) hold counts only and stay.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.admin.models import FactRow, GapQuestionRow, GapResolutionRow, QuestionVectorRow, WaitRow
from bot.conversations.database import rows_matched
from bot.conversations.models import MessageRow


class ConsolePrivacy:
    """Export and erase the console's rows derived from given conversations."""

    name = "console"

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def export(self, conversation_ids: Sequence[str]) -> list[dict[str, Any]]:
        with self._sessions() as s:
            rows = s.scalars(select(GapQuestionRow).where(GapQuestionRow.conversation_id.in_(conversation_ids))
                             .order_by(GapQuestionRow.message_id))
            return [{"conversation_id": r.conversation_id, "message_id": r.message_id, "kind": r.kind,
                     "text": r.text, "asked_at": r.asked_at} for r in rows]

    def erase(self, conversation_ids: Sequence[str]) -> int:
        """Runs before the bot's rows go (participants first), so message ids can still be found."""
        ids = list(conversation_ids)
        with self._sessions.begin() as s:
            messages = select(MessageRow.id).where(MessageRow.conversation_id.in_(ids))
            gap_messages = select(GapQuestionRow.message_id).where(GapQuestionRow.conversation_id.in_(ids))
            statements = [
                delete(QuestionVectorRow).where(QuestionVectorRow.message_id.in_(messages)),
                delete(QuestionVectorRow).where(QuestionVectorRow.message_id.in_(gap_messages)),
                delete(GapResolutionRow).where(GapResolutionRow.message_id.in_(messages)),
                delete(GapResolutionRow).where(GapResolutionRow.message_id.in_(gap_messages)),
                delete(GapQuestionRow).where(GapQuestionRow.conversation_id.in_(ids)),
                delete(FactRow).where(FactRow.conversation_id.in_(ids)),
                delete(WaitRow).where(WaitRow.conversation_id.in_(ids)),
            ]
            removed = sum(rows_matched(s.execute(statement)) for statement in statements)
        return removed
