"""Redaction at every exit, not only at store: Slack payloads, log lines, page URLs, names, comments.

`bot.pii.redact` decides what a target may see; these helpers apply it where data leaves, so a
policy that keeps a kind in the database still never sends it to Slack or writes it to a log.
"""
from __future__ import annotations

import logging
import unicodedata
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import idna

from bot.pii import detect, redact
from bot.policy import PiiPolicy, Target


def scrub(value: Any, pii: PiiPolicy, target: Target) -> Any:
    """`value` with every string inside it (dicts, lists, Block Kit payloads) redacted for `target`."""
    if isinstance(value, str):
        return redact(value, pii, target=target).text
    if isinstance(value, dict):
        return {key: scrub(item, pii, target) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item, pii, target) for item in value]
    return value


def clean_page_url(url: str | None, pii: PiiPolicy) -> str | None:
    """The page a conversation started on, without its query string and fragment (tokens, emails,
    order ids ride there), and with any personal data in the path redacted."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return redact(bare, pii, target="store").text


def clean_text(text: str | None, pii: PiiPolicy) -> str | None:
    """A free-text field (name, rating or feedback comment) redacted as a stored message is."""
    return None if text is None else redact(text, pii, target="store").text


def strip_format_characters(text: str) -> str:
    """`text` without Unicode format characters (U+200E, U+202E, U+FEFF, ...): invisible when pasted,
    yet an address carrying one cannot be encoded for SMTP, so every email to it would fail."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean_email(email: str | None) -> str | None:
    """An email field that holds card or other data instead of an address is dropped (after invisible
    characters are stripped). An internationalised domain is kept in its ASCII form (IDNA), which every
    SMTP server carries; a non-ASCII mailbox name ("josé@") needs a server that offers SMTPUTF8, and
    the mailer says so to the agent when it does not."""
    if email is None:
        return None
    email = strip_format_characters(email).strip()
    findings = detect(email)
    if not findings or not all(f.kind == "email" for f in findings):
        return None
    local, _, domain = email.rpartition("@")
    if domain.isascii():
        return f"{local}@{domain}"  # NOTE: IDNA would refuse ASCII names some servers use ("mail_srv")
    try:  # NOTE: not the stdlib codec: IDNA 2003 maps "straße" to "strasse", another owner's domain
        domain = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):  # a label too long, empty or not allowed: no server routes it
        return None
    return f"{local}@{domain}"


class RedactingFilter(logging.Filter):
    """Rewrites each record's message as the `log` target may see it (one per handler)."""

    def __init__(self, pii: PiiPolicy) -> None:
        super().__init__("supportbot-redaction")
        self._pii = pii

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message, self._pii, target="log").text
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_text is None and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info), self._pii,
                                     target="log").text
        return True


def install_log_redaction(pii: PiiPolicy, logger: logging.Logger | None = None) -> None:
    """Put a `RedactingFilter` on every handler of `logger` (default: the root), replacing an older one."""
    for handler in (logger or logging.getLogger()).handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)
        handler.addFilter(RedactingFilter(pii))
