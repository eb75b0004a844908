"""Slack Web API failures as our errors: what to wait for, what to retry, what will never work."""
from __future__ import annotations

from slack_sdk.errors import SlackApiError

from handoff.errors import SlackDeliveryError, SlackPermanentError, SlackRateLimited

# NOTE: `ok: false` errors that mean "try again later"; every other Slack error is permanent.
RETRYABLE_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"}
)


def classify(exc: SlackApiError) -> SlackDeliveryError:
    """Map slack_sdk's error to ours: 429 -> wait, 5xx / transient errors -> retry, others -> permanent."""
    response = exc.response
    status = getattr(response, "status_code", None)
    headers = {k.lower(): v for k, v in (getattr(response, "headers", None) or {}).items()}
    error = response.get("error") if hasattr(response, "get") else None
    if status == 429:
        raw = headers.get("retry-after")
        raw = raw[0] if isinstance(raw, list) else raw
        try:
            retry_after = float(raw) if raw is not None else 1.0
        except ValueError:
            retry_after = 1.0
        return SlackRateLimited(f"HTTP 429 (Retry-After {raw})", retry_after=retry_after)
    if status is not None and (status >= 500 or status == 408):
        return SlackDeliveryError(f"HTTP {status}", status=status, error=error)
    if isinstance(error, str) and error in RETRYABLE_ERRORS:
        return SlackDeliveryError(f"Slack error {error}", status=status, error=error)
    return SlackPermanentError(f"Slack error {error or status}", status=status, error=error)
