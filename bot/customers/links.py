"""Signed links that reopen a conversation in the widget: `<conversation id>.<expiry>.<signature>`.

They travel in follow-up emails, in the URL fragment (`#sb-resume=...`), which browsers never send
to a server, so the link stays out of access logs and Referer headers.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime

FRAGMENT_KEY = "sb-resume"


def _sign(body: str, secret: bytes) -> str:
    digest = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def make_resume_token(conversation_id: str, secret: bytes, *, expires: datetime) -> str:
    """A token valid until `expires`; conversation ids are URL-safe and hold no dots."""
    body = f"{conversation_id}.{int(expires.timestamp())}"
    return f"{body}.{_sign(body, secret)}"


def verify_resume_token(token: str, secret: bytes, *, now: datetime) -> str | None:
    """The conversation id, or None for a forged, malformed or expired token."""
    if not isinstance(token, str) or len(token) > 300 or token.count(".") != 2:
        return None
    conversation_id, expiry, signature = token.split(".")
    if not expiry.isdigit() or not token.isascii():
        return None
    if not hmac.compare_digest(_sign(f"{conversation_id}.{expiry}", secret), signature):
        return None
    return conversation_id if int(expiry) >= now.timestamp() else None


def with_fragment(page_url: str, token: str) -> str:
    """`page_url` (its own fragment dropped) with the resume token in the fragment."""
    return f"{page_url.split('#', 1)[0]}#{FRAGMENT_KEY}={token}"
