"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives and can refuse on request."""
from __future__ import annotations

import email
import email.policy
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.doubles import free_port


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        refusal = self._sink.take_refusal()
        if refusal is not None:
            return refusal
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self._sink.lock:
            self._sink.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class SmtpSink:
    """`with SmtpSink() as smtp:` ... `smtp.wait_for(lambda: smtp.messages)`."""

    def __init__(self, *, smtputf8: bool = False) -> None:
        self.port = free_port()
        self.lock = threading.Lock()
        self.received: list[tuple[list[str], EmailMessage]] = []
        self._refusals: list[str] = []
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port,
                                      enable_SMTPUTF8=smtputf8)

    def __enter__(self) -> SmtpSink:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [m for _, m in self.received]

    def refuse_next(self, n: int, reply: str = "451 4.3.0 Try again later") -> None:
        with self.lock:
            self._refusals.extend([reply] * n)

    def take_refusal(self) -> str | None:
        with self.lock:
            return self._refusals.pop(0) if self._refusals else None

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.02)
        raise AssertionError(f"condition not met within {timeout}s")
