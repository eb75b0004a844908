"""Files between the widget and Slack threads, as outbox senders.

A customer's file goes up with Slack's external upload flow (`files.getUploadURLExternal`, the bytes
to the URL it returns, `files.completeUploadExternal` into the thread). An agent's file comes down
from its private URL with the bot token, which is only ever sent to Slack, and becomes a download
in the widget served by our server.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import httpx
from slack_sdk import WebClient

from bot.attachments.service import AttachmentService
from bot.errors import InvalidInput
from bot.pii import redact
from bot.policy import Policy
from handoff import messages as texts
from handoff.errors import DeliveryError, SlackDeliveryError, SlackPermanentError
from handoff.outbox import OutboxItem
from handoff.threads import ThreadStore

log = logging.getLogger(__name__)
UPLOAD = "files.completeUploadExternal"  # outbox method: a customer's file into the thread
FETCH = "files.fetch"  # outbox method (ours, not Slack's): an agent's file to the customer
SLACK_FILE_HOSTS = ("files.slack.com", "slack-files.com")


class SlackFiles:
    """The two senders; `on_agent_file(conversation_id, message_id)` runs after an agent's file is stored."""

    def __init__(
        self, *, client: WebClient, attachments: AttachmentService, threads: ThreadStore, policy: Policy,
        notify_agent: Callable[[str, str, str], None], on_agent_file: Callable[[str, int], None] | None = None,
        timeout_s: float = 30.0,
    ) -> None:
        self._client = client
        self._attachments = attachments
        self._threads = threads
        self._policy = policy
        self._notify_agent = notify_agent  # (conversation_id, user_id, text): an ephemeral note
        self._on_agent_file = on_agent_file
        self._timeout = timeout_s
        self._trusted = {*SLACK_FILE_HOSTS, urlparse(client.base_url).hostname or ""}

    def upload(self, row: OutboxItem, payload: dict[str, Any]) -> str | None:
        """Customer -> thread. A retry starts over; an upload never completed is never shared."""
        stored = self._attachments.get(str(payload["conversation_id"]), str(payload["attachment_id"]))
        data = self._attachments.read(stored)
        title = redact(stored.filename, self._policy.pii, target="slack").text
        ticket = self._client.files_getUploadURLExternal(filename=title, length=len(data))
        try:
            sent = httpx.post(str(ticket["upload_url"]), content=data, timeout=self._timeout,
                              headers={"Content-Type": "application/octet-stream"})
        except httpx.HTTPError as exc:
            raise SlackDeliveryError(f"file upload failed: {type(exc).__name__}") from None
        if sent.status_code >= 400:
            raise SlackDeliveryError(f"file upload answered HTTP {sent.status_code}", status=sent.status_code)
        self._client.files_completeUploadExternal(
            files=[{"id": str(ticket["file_id"]), "title": title}], channel_id=str(payload["channel"]),
            thread_ts=payload.get("thread_ts"), initial_comment=payload.get("comment"),
        )
        return str(ticket["file_id"])

    def fetch(self, row: OutboxItem, payload: dict[str, Any]) -> str | None:
        """Thread -> customer, once per (message, file) however often this row is tried."""
        cid, channel, ts, user = (str(payload[k]) for k in ("conversation_id", "channel", "ts", "user"))
        file = payload["file"]
        key = f"{ts}/{file.get('id')}"[:32]
        if not self._threads.claim_relay(channel, key, cid):
            return "duplicate"
        try:
            data = self._download(file)
            message = self._attachments.from_agent(cid, file.get("name") or file.get("title"), data,
                                                   author=str(payload.get("author") or "Support agent"),
                                                   meta={"slack_user": user, "slack_ts": ts})
        except InvalidInput as exc:  # not an image or PDF, too big, damaged: the agent is told, nothing retries
            self._threads.relayed(channel, key, 0)
            self._notify_agent(cid, user, texts.FILE_NOT_SENT.format(name=file.get("name") or "file", reason=exc))
            return "refused"
        except BaseException:
            self._threads.release_relay(channel, key)
            raise
        self._threads.relayed(channel, key, message.id)
        if self._on_agent_file is not None:
            self._on_agent_file(cid, message.id)
        return "stored"

    def fetch_failed(self, row: OutboxItem, error: DeliveryError) -> None:
        """The outbox gave up on an agent's file (gone, 403, a redirect, Slack down for good): the agent
        is told, as for a file of the wrong type, instead of the file vanishing."""
        payload = row.payload
        name = str((payload.get("file") or {}).get("name") or "file")
        log.warning("agent file %s for conversation %s not delivered: %s", name, payload.get("conversation_id"), error)
        self._notify_agent(str(payload["conversation_id"]), str(payload["user"]),
                           texts.FILE_NOT_SENT.format(name=name, reason=texts.FILE_NOT_DOWNLOADED))

    def _download(self, file: dict[str, Any]) -> bytes:
        url = str(file.get("url_private_download") or file.get("url_private") or "")
        host = urlparse(url).hostname or ""
        if host not in self._trusted:
            raise SlackPermanentError(f"refusing to send the bot token to {host or 'no host'}")
        limit = self._attachments.max_bytes
        try:
            with httpx.stream("GET", url, headers={"Authorization": f"Bearer {self._client.token}"},
                              timeout=self._timeout, follow_redirects=False) as response:
                if response.status_code in (429,) or response.status_code >= 500:
                    raise SlackDeliveryError(f"file download answered HTTP {response.status_code}")
                if response.status_code != 200:
                    raise SlackPermanentError(f"file download answered HTTP {response.status_code}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise InvalidInput(f"files are limited to {limit // (1024 * 1024)} MB")
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise SlackDeliveryError(f"file download failed: {type(exc).__name__}") from None
        return b"".join(chunks)
