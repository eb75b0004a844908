"""Who may use the console: the admin token, a signed session cookie with its CSRF token, and a
throttle on failed logins. Framework-free; `api.py` reads headers and cookies and asks this.

Sessions are signed (not stored): every worker and instance with the same token accepts them, and
changing the token ends them all.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

COOKIE_NAME = "supportbot_admin"


@dataclass(frozen=True)
class AdminSession:
    """A logged-in browser: `cookie` is what the browser keeps, `csrf` what its writes must send."""

    cookie: str
    csrf: str


class LoginThrottle:
    """At most `per_minute` failed logins per client address (shared through Redis when configured)."""

    def __init__(self, per_minute: int, *, storage_uri: str | None = None) -> None:
        self._item = RateLimitItemPerMinute(per_minute)
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri or "memory://"))

    def retry_after(self, client: str) -> int:
        """Seconds until `client` may try again; 0 when it may now."""
        try:
            if self._limiter.test(self._item, "admin-login", client):
                return 0
            reset, _remaining = self._limiter.get_window_stats(self._item, "admin-login", client)
            return max(1, int(reset - time.time()) + 1)
        except Exception:  # NOTE: a Redis outage must not lock the support team out; the token is long
            log.warning("login throttle storage failed; allowing the attempt", exc_info=True)
            return 0

    def failed(self, client: str) -> None:
        try:
            self._limiter.hit(self._item, "admin-login", client)
        except Exception:
            log.warning("login throttle storage failed; failure not counted", exc_info=True)


class AdminAuth:
    """Checks the token, issues and reads session cookies, and checks CSRF tokens."""

    def __init__(self, token: str, *, session_seconds: float, clock: Callable[[], float] = time.time) -> None:
        if not token.strip():
            raise ValueError("the admin token is empty")
        self._token = token.encode("utf-8")
        key = hmac.new(self._token, b"supportbot-admin-session", hashlib.sha256).digest()
        self._csrf_key = hmac.new(self._token, b"supportbot-admin-csrf", hashlib.sha256).digest()
        self._signer = URLSafeTimedSerializer(key, salt="admin-session")
        self.session_seconds = session_seconds
        self._clock = clock

    def token_ok(self, candidate: str | None) -> bool:
        """Constant-time comparison with the configured token."""
        return hmac.compare_digest(hashlib.sha256((candidate or "").encode("utf-8")).digest(),
                                   hashlib.sha256(self._token).digest())

    def new_session(self) -> AdminSession:
        sid = secrets.token_urlsafe(18)
        return AdminSession(cookie=self._signer.dumps({"sid": sid}), csrf=self._csrf(sid))

    def session(self, cookie: str | None) -> AdminSession | None:
        """The session this cookie carries, or None when it is missing, forged or expired."""
        if not cookie:
            return None
        try:
            data = self._signer.loads(cookie, max_age=int(self.session_seconds))
        except BadSignature:
            return None
        sid = data.get("sid") if isinstance(data, dict) else None
        return AdminSession(cookie=cookie, csrf=self._csrf(sid)) if isinstance(sid, str) else None

    def _csrf(self, sid: str) -> str:
        return hmac.new(self._csrf_key, sid.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(session: AdminSession, sent: str | None) -> bool:
    return hmac.compare_digest(session.csrf.encode("ascii"), (sent or "").encode("utf-8", "replace"))
