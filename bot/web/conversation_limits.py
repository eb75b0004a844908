"""The budgets of the POSTs that change a conversation, counted with `limits` itself, not flask-limiter's pass.

A conversation's POST (a message above all) spends two budgets: its client address's (the per-IP limit
every `/api/` route has, counted per route) and the conversation's own (shared by every such route, and
spent only by requests that carry the conversation's token). flask-limiter's decorator resolves a view's
limits again on every request (parses the limit strings, builds and sorts its limit objects, reads each
window back for the headers): 0.63M instructions a message (callgrind), ~4% of a turn's besides the
embedding. Here
the same limits are parsed once and counted with `limits`' public strategy API on the limiter's own
storage (`Limiter.limiter`: process memory, or Redis shared by every worker), as flask-limiter counted
them: in limit order (shortest window first), stopping at the first breach; a breach is a 429
`rate_limited` with Retry-After; X-RateLimit-Limit/-Remaining/-Reset name the per-IP limit (the breached
one on a 429); a storage error is logged and lets the request through (`swallow_errors`).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse_many
from werkzeug.exceptions import HTTPException

from bot.web.edge import LIMITER_KEY_PREFIX

log = logging.getLogger(__name__)
_COUNTED = "supportbot_conversation_limit"  # in `g`: the limit whose window the response's headers show
_SCOPE = "conversation"  # the conversation's budget is one bucket across its routes
CONVERSATION_SPENT = "Too many messages or files in this conversation; wait a moment and try again."


class LimitExceeded(HTTPException):
    """A 429 with the breached limit's message; rendered as `rate_limited` by `bot.web.edge`."""

    code = 429
    error_code = "rate_limited"


@dataclass(frozen=True)
class _Budget:
    item: RateLimitItem
    per_conversation: bool
    message: str


@dataclass(frozen=True)
class _Counted:
    item: RateLimitItem
    identifiers: tuple[str, ...]  # the storage key's parts: prefix, who, scope
    shared: bool  # the conversation's budget, not the address's


class ConversationLimits:
    """Per-IP and per-conversation limits of the conversation POSTs, on `limiter`'s storage."""

    def __init__(self, limiter: Limiter, *, per_ip: Sequence[str], per_conversation: str,
                 conversation_message: str = CONVERSATION_SPENT) -> None:
        self._limiter = limiter
        budgets = [_Budget(item, False, str(item)) for limit in per_ip for item in parse_many(limit)]
        budgets += [_Budget(item, True, conversation_message) for item in parse_many(per_conversation)]
        self._budgets = tuple(sorted(budgets, key=lambda b: b.item))  # NOTE: stable, as flask-limiter sorts

    def spend(self, conversation_id: str) -> None:
        """Count this request against both budgets; `LimitExceeded` when one is spent.

        Call it after the token is checked (a stranger who knows an id spends nothing), in the request.
        """
        if not self._limiter.enabled:
            return
        strategy = self._limiter.limiter
        shown: _Counted | None = None
        try:
            for budget in self._budgets:
                key, scope = ((f"conversation:{conversation_id}", _SCOPE) if budget.per_conversation
                              else (get_remote_address(), request.endpoint or ""))
                counted = _Counted(budget.item, (LIMITER_KEY_PREFIX, key, scope), budget.per_conversation)
                if not strategy.hit(counted.item, *counted.identifiers):
                    log.info("ratelimit %s (%s) exceeded at endpoint: %s", budget.item, key, scope)
                    setattr(g, _COUNTED, counted)
                    raise LimitExceeded(description=budget.message)
                if shown is None or (shown.shared and not counted.shared):
                    shown = counted  # NOTE: the first per-IP limit, else the first (flask-limiter's choice)
        except LimitExceeded:
            raise
        except Exception:
            log.exception("rate limit storage failed; the request goes ahead unlimited")
            return
        if shown is not None:
            setattr(g, _COUNTED, shown)

    def add_headers(self, response: Response) -> Response:
        """X-RateLimit-* and Retry-After of the limit this request was counted against (after_request)."""
        counted: _Counted | None = g.pop(_COUNTED, None)
        if counted is None:
            return response
        try:
            reset, remaining = self._limiter.limiter.get_window_stats(counted.item, *counted.identifiers)
        except Exception:
            log.exception("rate limit storage failed; no rate limit headers")
            return response
        reset_at = int(reset + 1)
        response.headers["X-RateLimit-Limit"] = str(counted.item.amount)
        response.headers["X-RateLimit-Remaining"] = str(remaining)
        response.headers["X-RateLimit-Reset"] = str(reset_at)
        response.headers["Retry-After"] = str(int(reset_at - time.time()))
        return response
