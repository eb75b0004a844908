"""The widget's view of the people side: place in line, expected wait, whether anyone can come, the agent's face."""
from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.conversations.records import Conversation, State
from bot.conversations.store import ConversationStore
from bot.handoff_port import Avatar, DeskStatus
from handoff.directory import AgentDirectory
from handoff.threads import ThreadStore

MIN_WAIT_S = 30  # never promise "now": someone still has to read the card


class DeskView:
    """`DeskInfo` for the Slack desk.

    The expected wait is the median delay between a request and its first agent reply over the last
    `window` (the same channel's when it has `min_samples`, else all channels'), times the place in
    line, minus what the customer already waited; None without enough history (nothing is invented).
    """

    def __init__(
        self, *, store: ConversationStore, threads: ThreadStore, directory: AgentDirectory,
        reachable: Callable[[], bool], is_open: Callable[[datetime], bool],
        window: timedelta = timedelta(days=7), min_samples: int = 3,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self._threads = threads
        self._directory = directory
        self._reachable = reachable
        self._is_open = is_open
        self._window = window
        self._min_samples = min_samples
        self._clock = clock or (lambda: datetime.now(UTC))

    def status(self, conversation: Conversation) -> DeskStatus:
        now = self._clock()
        reachable = self._is_open(now) and self._reachable()
        if conversation.state is State.AGENT and conversation.agent_id:
            return DeskStatus(reachable, agent_avatar=self._directory.has_avatar(conversation.agent_id))
        if conversation.state is not State.PENDING:
            return DeskStatus(reachable)
        info = self._threads.get(conversation.id)
        channel = info.channel if info else None
        position = self._position(conversation.id, channel)
        waited = (now - _aware(conversation.state_changed_at or now)).total_seconds()
        return DeskStatus(reachable, position=position, expected_wait_s=self._expected(channel, position, waited, now))

    def agent_avatar(self, conversation: Conversation) -> Avatar | None:
        if conversation.state is not State.AGENT or not conversation.agent_id:
            return None
        return self._directory.avatar(conversation.agent_id)

    def _position(self, conversation_id: str, channel: str | None) -> int | None:
        waiting = self._store.list_by_state([State.PENDING], limit=1000)  # longest waiting first
        channels = {t.conversation_id: t.channel for t in self._threads.waiting([c.id for c in waiting])}
        line = [c.id for c in waiting if channel is None or channels.get(c.id, channel) == channel]
        return line.index(conversation_id) + 1 if conversation_id in line else None

    def _expected(self, channel: str | None, position: int | None, waited: float, now: datetime) -> int | None:
        since = (now - self._window).astimezone(UTC).replace(tzinfo=None)
        delays = self._threads.first_reply_delays(since=since, channel=channel)
        if len(delays) < self._min_samples:
            delays = self._threads.first_reply_delays(since=since)
        if len(delays) < self._min_samples:
            return None
        return int(max(MIN_WAIT_S, statistics.median(delays) * (position or 1) - waited))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)
