"""Can a person be reached right now? Slack answers and someone in a support channel is active.

Checked in the background (the timers' thread), read for free on the request path: a customer's
handoff never waits on Slack. Unknown (no check yet, or presence hidden by missing scopes) counts
as reachable; a Slack that does not answer, or an outbox that keeps failing, does not.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
_SCOPE_ERRORS = frozenset({"missing_scope", "not_allowed_token_type", "no_permission", "not_in_channel"})


@dataclass(frozen=True)
class Reachability:
    slack_ok: bool | None  # None: not checked yet
    agents_active: bool | None  # None: unknown (not checked, or presence not visible to the app)
    checked_at: float | None

    @property
    def reachable(self) -> bool:
        return self.slack_ok is not False and self.agents_active is not False


class Availability:
    """`reachable()` reads the last check; `refresh()` (every `ttl_s` at most) asks Slack again."""

    def __init__(
        self, client: WebClient, *, channels: Callable[[], Iterable[str]], outbox_healthy: Callable[[], bool],
        ttl_s: float = 60.0, max_members: int = 50, timeout: int = 3,
    ) -> None:
        # NOTE: its own short time-out and no retries: a slow Slack only makes the check late.
        self._client = WebClient(token=client.token, base_url=client.base_url, timeout=timeout, retry_handlers=[])
        self._channels = channels
        self._outbox_healthy = outbox_healthy
        self._ttl_s = ttl_s
        self._max_members = max_members
        self._lock = threading.Lock()
        self._state = Reachability(None, None, None)
        self._me: str | None = None  # our bot user: its presence says nothing about agents

    def reachable(self) -> bool:
        return self.snapshot().reachable

    def snapshot(self) -> Reachability:
        with self._lock:
            state = self._state
        if state.slack_ok is not False and not self._outbox_healthy():
            return Reachability(False, state.agents_active, state.checked_at)
        return state

    def refresh(self, *, force: bool = False) -> Reachability:
        with self._lock:
            checked = self._state.checked_at
        if not force and checked is not None and time.monotonic() - checked < self._ttl_s:
            return self.snapshot()
        try:
            active = self._anyone_active()
            state = Reachability(True, active, time.monotonic())
        except Exception as exc:  # Slack down or unreachable: nobody can be told to come
            log.warning("Slack availability check failed: %s", exc)
            state = Reachability(False, None, time.monotonic())
        with self._lock:
            self._state = state
        return state

    def _anyone_active(self) -> bool | None:
        """True if a human member of any support channel is active; None when presence cannot be seen."""
        if self._me is None:
            self._me = self._client.auth_test().get("user_id") or ""
        unknown = False
        for channel in dict.fromkeys(self._channels()):
            try:
                members = self._client.conversations_members(channel=channel, limit=self._max_members)["members"]
            except SlackApiError as exc:
                if exc.response.get("error") in _SCOPE_ERRORS:
                    unknown = True
                    continue
                raise
            for user in members[: self._max_members]:
                if user == self._me:
                    continue
                try:
                    presence = self._client.users_getPresence(user=user)
                except SlackApiError as exc:
                    if exc.response.get("error") in _SCOPE_ERRORS:
                        unknown = True
                        break
                    continue  # a deleted user, a bot: not an agent
                if presence.get("presence") == "active":
                    return True
        return None if unknown else False
