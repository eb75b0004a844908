"""Replies held back because another agent owns the conversation; sent if their author takes over."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from bot.conversations.database import rows_matched
from handoff.models import HeldReply
from handoff.threads import ThreadStore


@dataclass(frozen=True)
class Held:
    id: int
    conversation_id: str
    channel: str
    ts: str
    user_id: str
    text: str
    files: tuple[dict[str, Any], ...]


class HeldReplies:
    """A small table beside the threads; the take-over button carries the held reply's id."""

    def __init__(self, threads: ThreadStore) -> None:
        self._threads = threads

    def hold(self, conversation_id: str, *, channel: str, ts: str, user_id: str, text: str,
             files: Sequence[dict[str, Any]] = ()) -> Held:
        with self._threads.sessions.begin() as s:
            row = HeldReply(conversation_id=conversation_id, channel=channel, ts=ts, user_id=user_id, text=text,
                            files=list(files), status="held", created_at=self._threads.now())
            s.add(row)
            s.flush()
            return _held(row)

    def release(self, held_id: int, *, conversation_id: str, user_id: str) -> Held | None:
        """Take the held reply out for sending, once; only its author can, and only for its conversation."""
        with self._threads.sessions.begin() as s:
            taken = rows_matched(s.execute(
                update(HeldReply).where(HeldReply.id == held_id, HeldReply.status == "held",
                                        HeldReply.conversation_id == conversation_id, HeldReply.user_id == user_id)
                .values(status="sent"), execution_options={"synchronize_session": False},
            ))
            if not taken:
                return None
            row = s.get(HeldReply, held_id)
            return _held(row) if row is not None else None


def _held(row: HeldReply) -> Held:
    return Held(row.id, row.conversation_id, row.channel, row.ts, row.user_id, row.text, tuple(row.files or ()))
