"""Signed identity from the host site: `<payload>.<signature>`, both base64url without padding.

The site's server signs `payload` (compact JSON: `user_id`, optional `email`, `name`, `attributes`,
`exp`) with HMAC-SHA256 under a secret only it and supportbot know, and hands the result to the
widget (`data-identity`). Nothing in the browser can forge it; the widget only passes it on.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.errors import InvalidInput

MAX_TOKEN_CHARS = 4096
MAX_ATTRIBUTES = 20
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidIdentity(InvalidInput):
    """The identity token is malformed, badly signed or expired (the customer sees a generic 400)."""


@dataclass(frozen=True)
class Identity:
    """What the host site vouched for."""

    user_id: str
    email: str | None = None
    name: str | None = None
    attributes: dict[str, str | int | float | bool] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"user_id": self.user_id, "email": self.email, "name": self.name, "attributes": dict(self.attributes)}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_identity(identity: dict[str, Any], secret: str | bytes) -> str:
    """What the host site's server does (also the README's example); tests use it too."""
    key = secret.encode() if isinstance(secret, str) else secret
    payload = _b64(json.dumps(identity, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    signature = hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()
    return f"{payload}.{_b64(signature)}"


def verify_identity(token: str, secret: str | bytes, *, now: datetime | None = None) -> Identity:
    """Check the signature (constant time), the expiry and the shape; raise `InvalidIdentity` otherwise."""
    key = secret.encode() if isinstance(secret, str) else secret
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
        raise InvalidIdentity("the identity is not a signed token")
    payload, signature = token.split(".")
    expected = hmac.new(key, payload.encode("ascii", "replace"), hashlib.sha256).digest()
    try:
        given = _unb64(signature)
        data = json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError):
        raise InvalidIdentity("the identity is not a signed token") from None
    if not hmac.compare_digest(expected, given):
        raise InvalidIdentity("the identity's signature does not match")
    if not isinstance(data, dict):
        raise InvalidIdentity("the identity must be a JSON object")
    exp = data.get("exp")
    moment = (now or datetime.now(UTC)).timestamp()
    if exp is not None and (not isinstance(exp, int | float) or exp < moment):
        raise InvalidIdentity("the identity has expired")
    return _identity(data)


def _identity(data: dict[str, Any]) -> Identity:
    user_id = data.get("user_id")
    if not isinstance(user_id, str | int) or not str(user_id).strip() or len(str(user_id)) > 200:
        raise InvalidIdentity("user_id is required (a string of at most 200 characters)")
    email = data.get("email")
    if email is not None and (not isinstance(email, str) or len(email) > 254 or not _EMAIL.match(email)):
        raise InvalidIdentity("email is not an email address")
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > 200):
        raise InvalidIdentity("name must be a string of at most 200 characters")
    raw = data.get("attributes") or {}
    if not isinstance(raw, dict) or len(raw) > MAX_ATTRIBUTES:
        raise InvalidIdentity(f"attributes must be an object with at most {MAX_ATTRIBUTES} keys")
    attributes: dict[str, str | int | float | bool] = {}
    for key, value in raw.items():
        if not _KEY.match(str(key)) or not isinstance(value, str | int | float | bool) or len(str(value)) > 200:
            raise InvalidIdentity(f"attribute {str(key)[:40]!r}: keys are short identifiers, values short scalars")
        attributes[str(key)] = value
    return Identity(str(user_id).strip(), email, (name or "").strip() or None, attributes)
