"""Errors of the handoff package; callers catch these, never slack_sdk's or SQLAlchemy's.

    HandoffError
     ├── SlackDeliveryError    one Slack Web API call did not succeed (carries whether to retry)
     │    ├── SlackRateLimited     429: `retry_after` seconds from the `Retry-After` header
     │    └── SlackPermanentError  Slack said no in a way a retry will not fix (bad channel, bad blocks)
     └── SlackNotConfigured    the Slack section lacks a token, signing secret or support channel

The outbox turns SlackDeliveryError into a retry or a `failed` row plus an operator log line;
nothing an agent or customer wrote is dropped without that line.
"""
from __future__ import annotations


class HandoffError(Exception):
    """Base of every error the handoff package raises on purpose."""


class SlackDeliveryError(HandoffError):
    """A Slack Web API call failed; `retryable` says whether trying again can help."""

    retryable = True

    def __init__(self, message: str, *, error: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.error = error  # Slack's `error` field, e.g. "channel_not_found"
        self.status = status  # HTTP status, None for network errors


class SlackRateLimited(SlackDeliveryError):
    """HTTP 429: wait `retry_after` seconds before the next call to that channel."""

    def __init__(self, message: str, *, retry_after: float, status: int | None = 429) -> None:
        super().__init__(message, error="ratelimited", status=status)
        self.retry_after = retry_after


class SlackPermanentError(SlackDeliveryError):
    """Slack refused the call for a reason a retry will not fix."""

    retryable = False


class SlackNotConfigured(HandoffError):
    """`SLACK_BOT_TOKEN`, `SLACK_SIGNING_SECRET` and `SLACK_SUPPORT_CHANNEL` are all needed."""
