"""Errors of the handoff package; callers catch these, never slack_sdk's or SQLAlchemy's.

    HandoffError
     ├── DeliveryError         one outbox write did not succeed (carries whether to retry)
     │    ├── SlackDeliveryError   a Slack Web API call failed
     │    │    ├── SlackRateLimited     429: `retry_after` seconds from the `Retry-After` header
     │    │    └── SlackPermanentError  Slack said no in a way a retry will not fix (bad channel, bad blocks)
     │    └── EmailDeliveryError   the SMTP server refused or could not be reached
     └── SlackNotConfigured    the Slack section lacks a token, signing secret or support channel

The outbox turns DeliveryError into a retry or a `failed` row plus an operator log line;
nothing an agent or customer wrote is dropped without that line.
"""
from __future__ import annotations


class HandoffError(Exception):
    """Base of every error the handoff package raises on purpose."""


class DeliveryError(HandoffError):
    """An outbox write failed; `retryable` says whether trying again can help."""

    retryable = True

    def __init__(self, message: str, *, error: str | None = None, status: int | None = None,
                 retryable: bool | None = None) -> None:
        super().__init__(message)
        self.error = error  # e.g. Slack's `error` field ("channel_not_found") or an SMTP reply
        self.status = status  # HTTP status or SMTP code, None for network errors
        if retryable is not None:
            self.retryable = retryable


class SlackDeliveryError(DeliveryError):
    """A Slack Web API call failed."""


class EmailDeliveryError(DeliveryError):
    """The SMTP server refused the message (5xx: permanent) or could not take it now (4xx, network: retry)."""


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
