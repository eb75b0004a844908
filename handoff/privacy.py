"""The Slack side's part in export and erasure (`bot.privacy.ports.PrivacyParticipant`).

Erasure retracts what the app posted (the card and the transcript it mirrored are our own messages,
so `chat.update` can replace them with "erased"), drops writes not yet sent, and deletes every row
that names the conversation. Agents' own messages cannot be edited by an app; the card says why.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from handoff.models import OutboxRow, SlackRelayed, SlackThread
from handoff.outbox import Outbox

ERASED_TEXT = "erased (the customer's data was deleted on request)"


class SlackPrivacy:
    """Export and erase the handoff tables' rows for given conversations."""

    name = "slack"

    def __init__(self, sessions: sessionmaker[Session], outbox: Outbox) -> None:
        self._sessions = sessions
        self._outbox = outbox

    def export(self, conversation_ids: Sequence[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        with self._sessions() as s:
            for cid in conversation_ids:
                thread = s.scalar(select(SlackThread).where(SlackThread.conversation_id == cid))
                sent = s.scalars(select(OutboxRow).where(OutboxRow.thread_key == cid).order_by(OutboxRow.id))
                relayed = s.scalars(select(SlackRelayed).where(SlackRelayed.conversation_id == cid))
                out.append({
                    "conversation_id": cid,
                    "thread": None if thread is None else {
                        "channel": thread.channel, "thread_ts": thread.thread_ts, "reason": thread.reason,
                        "summary": thread.summary, "sources": thread.sources, "requested_at": thread.requested_at,
                    },
                    "slack_writes": [{"method": r.method, "kind": r.kind, "status": r.status, "payload": r.payload,
                                      "ts": r.result_ts, "created_at": r.created_at} for r in sent],
                    "relayed_from_slack": [{"channel": r.channel, "ts": r.ts, "message_id": r.message_id}
                                           for r in relayed],
                })
        return out

    def erase(self, conversation_ids: Sequence[str]) -> int:
        removed = 0
        retract: list[tuple[str, str, str]] = []  # (conversation, channel, ts) of our own posts
        with self._sessions.begin() as s:
            for cid in conversation_ids:
                posted = s.execute(select(OutboxRow.channel, OutboxRow.result_ts).where(
                    OutboxRow.thread_key == cid, OutboxRow.status == "sent", OutboxRow.result_ts.is_not(None),
                    OutboxRow.method == "chat.postMessage"))
                retract += [(cid, channel, ts) for channel, ts in posted if ts]
                for table, column in ((OutboxRow, OutboxRow.thread_key), (SlackRelayed, SlackRelayed.conversation_id),
                                      (SlackThread, SlackThread.conversation_id)):
                    result = s.execute(delete(table).where(column == cid))
                    removed += int(getattr(result, "rowcount", 0) or 0)
        for cid, channel, ts in retract:
            self._outbox.enqueue(channel=channel, thread_key=cid, method="chat.update", kind="erasure",
                                 payload={"channel": channel, "ts": ts, "text": ERASED_TEXT, "blocks": []})
        return removed
