"""Sending one email over SMTP (stdlib `smtplib`), with errors sorted into retry and give up."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from typing import Protocol

from handoff.config import EmailSettings
from handoff.errors import EmailDeliveryError


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


class SmtpMailer:
    """One connection per email: follow-ups are rare, and a long-lived connection would go stale."""

    def __init__(self, settings: EmailSettings) -> None:
        if not settings.smtp_host:
            raise ValueError("EmailSettings.smtp_host is not set")
        self._settings = settings

    def send(self, message: EmailMessage) -> None:
        s = self._settings
        try:
            smtp: smtplib.SMTP
            if s.security == "ssl":
                smtp = smtplib.SMTP_SSL(s.smtp_host or "", s.smtp_port, timeout=s.timeout_s,
                                        context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(s.smtp_host or "", s.smtp_port, timeout=s.timeout_s)
            with smtp:
                try:
                    if s.security == "starttls":
                        smtp.starttls(context=ssl.create_default_context())
                    if s.username and s.password is not None:
                        smtp.login(s.username, s.password.get_secret_value())
                except smtplib.SMTPNotSupportedError as exc:  # no STARTTLS or AUTH offered: settings, not luck
                    raise EmailDeliveryError(f"the mail server refused the configured security: {exc}"[:300],
                                             retryable=False) from None
                try:
                    smtp.send_message(message)
                except smtplib.SMTPNotSupportedError:  # a non-ASCII mailbox name; the server has no SMTPUTF8
                    # NOTE: only here: starttls() and login() raise the same error for their own extensions
                    raise EmailDeliveryError("the mail server does not accept international addresses "
                                             "(no SMTPUTF8)", retryable=False) from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            raise EmailDeliveryError(f"recipient refused: {codes}", status=codes[0] if codes else None,
                                     retryable=all(400 <= c < 500 for c in codes)) from None
        except smtplib.SMTPAuthenticationError as exc:
            raise EmailDeliveryError(f"SMTP login refused ({exc.smtp_code}); check the username and password",
                                     status=exc.smtp_code, retryable=False) from None
        except smtplib.SMTPResponseException as exc:
            raise EmailDeliveryError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}"[:300], status=exc.smtp_code,
                                     retryable=not 500 <= exc.smtp_code < 600) from None
        except (UnicodeError, ValueError) as exc:  # an address or header SMTP cannot carry: no retry will
            raise EmailDeliveryError(f"the message cannot be encoded: {type(exc).__name__}", retryable=False) from None
        except (smtplib.SMTPException, OSError) as exc:  # refused connection, timeout, dropped line
            raise EmailDeliveryError(f"{type(exc).__name__}: {exc}"[:300]) from None
