"""Agent display names from `users.info` (display_name -> real_name -> name), cached in the database."""
from __future__ import annotations

import logging
import threading
from datetime import timedelta
from urllib.parse import urlparse

import httpx
from slack_sdk import WebClient

from bot.attachments.sniff import sniff
from bot.handoff_port import Avatar
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
        self._lock = threading.Lock()
        self._avatars: dict[str, Avatar | None] = {}

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
        avatar = profile.get("image_72") or profile.get("image_48") or None
        if name:
            self._threads.save_name(user_id, name, avatar_url=avatar if isinstance(avatar, str) else None)
        return name or None

    def avatar(self, user_id: str) -> Avatar | None:
        """The agent's Slack picture, fetched by the server once and kept in memory (a few dozen agents)."""
        with self._lock:
            if user_id in self._avatars:
                return self._avatars[user_id]
        url = self._threads.cached_avatar_url(user_id)
        picture = _fetch_picture(url) if url else None
        with self._lock:
            if len(self._avatars) >= 256:
                self._avatars.pop(next(iter(self._avatars)))
            self._avatars[user_id] = picture
        return picture

    def has_avatar(self, user_id: str) -> bool:
        return bool(self._threads.cached_avatar_url(user_id))


def _fetch_picture(url: str) -> Avatar | None:
    """Only https (or loopback, for tests) and only images; anything else is no picture."""
    parsed = urlparse(url)
    if parsed.scheme != "https" and parsed.hostname not in ("127.0.0.1", "localhost"):
        return None
    try:
        response = httpx.get(url, timeout=3, follow_redirects=True)
    except httpx.HTTPError as exc:
        log.warning("agent picture %s could not be fetched: %s", url, exc)
        return None
    kind = sniff(response.content[:16])
    if response.status_code != 200 or kind is None or kind == "application/pdf" or len(response.content) > 512 * 1024:
        return None
    return Avatar(response.content, kind)
