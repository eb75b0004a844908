"""Agent display names from `users.info` (display_name -> real_name -> name), cached in the database."""
from __future__ import annotations

import logging
from datetime import timedelta

from slack_sdk import WebClient

from handoff.threads import ThreadStore

log = logging.getLogger(__name__)


class AgentDirectory:
    """Names for Slack user ids; a Slack outage falls back to a stale name, then to None."""

    def __init__(
        self, client: WebClient, threads: ThreadStore, *, ttl: timedelta = timedelta(hours=12), timeout: int = 2,
    ) -> None:
        # NOTE: its own short time-out: names are looked up while Slack waits for our answer (3 s).
        self._client = WebClient(token=client.token, base_url=client.base_url, timeout=timeout, retry_handlers=[])
        self._threads = threads
        self._ttl = ttl

    def name(self, user_id: str) -> str | None:
        cached = self._threads.cached_name(user_id, max_age=self._ttl)
        if cached:
            return cached
        try:
            user = self._client.users_info(user=user_id)["user"]
        except Exception as exc:
            log.warning("users.info for %s failed (%s); using a cached or generic name", user_id, exc)
            return self._threads.cached_name(user_id, max_age=None)
        profile = user.get("profile") or {}
        name = (profile.get("display_name") or user.get("real_name") or profile.get("real_name")
                or user.get("name") or "").strip()
        if name:
            self._threads.save_name(user_id, name)
        return name or None
