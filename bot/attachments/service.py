"""`AttachmentService`: a file in (from a customer or an agent): checked, scrubbed, stored, put in the conversation."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.attachments.scrub import scrub
from bot.attachments.sniff import IMAGE_TYPES, clean_filename, sniff
from bot.attachments.storage import BlobStore
from bot.conversations.models import AttachmentRow
from bot.conversations.records import Conversation, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.errors import ConversationNotFound, InvalidInput
from bot.pii import redact
from bot.policy import Policy

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
FILE_STATES = (State.PENDING, State.AGENT)  # files are for people: the bot cannot look at them


class UnsupportedFile(InvalidInput):
    """Not an image (JPEG, PNG, GIF, WebP) or a PDF, judged by its bytes."""


class FileTooLarge(InvalidInput):
    """Bigger than the configured limit."""


class FilesNeedAPerson(InvalidInput):
    """The conversation is with the bot, which cannot look at files."""


@dataclass(frozen=True)
class StoredFile:
    id: str
    conversation_id: str
    filename: str
    content_type: str
    size: int
    direction: str  # in | out
    storage_key: str
    message_id: int | None = None

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES

    def meta(self) -> dict[str, Any]:
        """What a message says about its file (the widget shows it, the desk uploads it)."""
        return {"id": self.id, "name": self.filename, "type": self.content_type, "size": self.size}


PostCustomerMessage = Callable[..., Message]  # BotService.post_customer_message(conversation_id, text, meta=...)


class AttachmentService:
    """Files in and out of conversations; bytes go to a `BlobStore`, rows to `attachments`."""

    def __init__(
        self, *, sessions: sessionmaker[Session], blobs: BlobStore, store: ConversationStore, policy: Policy,
        post_customer_message: PostCustomerMessage | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._sessions = sessions
        self._blobs = blobs
        self._store = store
        self._policy = policy
        self._post = post_customer_message
        self.max_bytes = max_bytes
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- in and out of conversations ----------------------------------------------------------
    def from_customer(self, conversation: Conversation, filename: str | None, data: bytes) -> Message:
        """A customer's photo or PDF: checked, stored, and sent on like a message (the desk uploads it)."""
        if conversation.state not in FILE_STATES:
            raise FilesNeedAPerson("files can be sent once a person is handling the conversation")
        if self._post is None:
            raise InvalidInput("uploads are not wired to the bot")
        stored = self.accept(conversation.id, filename, data, direction="in")
        message = self._post(conversation.id, stored.filename, meta={"attachment": stored.meta()})
        self._link(stored.id, message.id)
        return message

    def from_agent(self, conversation_id: str, filename: str | None, data: bytes, *, author: str,
                   meta: dict[str, Any] | None = None) -> Message:
        """An agent's file for the customer: a message they can download with their conversation's token."""
        stored = self.accept(conversation_id, filename, data, direction="out")
        message = self._store.add_message(conversation_id, role=Role.AGENT, text=stored.filename, author=author,
                                          meta={**(meta or {}), "attachment": stored.meta()})
        self._link(stored.id, message.id)
        return message

    # -- the file itself ------------------------------------------------------------------------
    def accept(self, conversation_id: str, filename: str | None, data: bytes, *, direction: str) -> StoredFile:
        """Check type and size, scrub, store; the name is cleaned and redacted like a message."""
        if len(data) > self.max_bytes:
            raise FileTooLarge(f"files are limited to {self.max_bytes // (1024 * 1024)} MB")
        if not data:
            raise UnsupportedFile("the file is empty")
        content_type = sniff(data[:16])
        if content_type is None:
            raise UnsupportedFile("only photos (JPEG, PNG, GIF, WebP) and PDF documents can be sent")
        clean = scrub(data, content_type)
        # NOTE: redacted before cleaning, which would break up an email address the detector must still see
        base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
        name = clean_filename(redact(base, self._policy.pii, target="store").text, content_type)
        key = self._blobs.put(clean)
        row = AttachmentRow(
            id=secrets.token_urlsafe(18), conversation_id=conversation_id, direction=direction, filename=name,
            content_type=content_type, size=len(clean), sha256=hashlib.sha256(clean).hexdigest(), storage_key=key,
            created_at=self._now(),
        )
        with self._sessions.begin() as s:
            s.add(row)
            s.flush()
            return _stored(row)

    def get(self, conversation_id: str, file_id: str) -> StoredFile:
        """The file if it belongs to `conversation_id` (same error as an unknown id otherwise)."""
        with self._sessions() as s:
            row = s.get(AttachmentRow, file_id) if file_id and len(file_id) <= 32 else None
            if row is None or row.conversation_id != conversation_id:
                raise ConversationNotFound(f"file {file_id[:32]!r}")
            return _stored(row)

    def read(self, stored: StoredFile) -> bytes:
        return self._blobs.get(stored.storage_key)

    def files(self, conversation_id: str) -> list[StoredFile]:
        with self._sessions() as s:
            rows = s.scalars(select(AttachmentRow).where(AttachmentRow.conversation_id == conversation_id)
                             .order_by(AttachmentRow.created_at))
            return [_stored(r) for r in rows]

    def _link(self, file_id: str, message_id: int) -> None:
        with self._sessions.begin() as s:
            s.execute(update(AttachmentRow).where(AttachmentRow.id == file_id).values(message_id=message_id),
                      execution_options={"synchronize_session": False})

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo else now.replace(tzinfo=UTC)


def _stored(row: AttachmentRow) -> StoredFile:
    return StoredFile(row.id, row.conversation_id, row.filename, row.content_type, row.size, row.direction,
                      row.storage_key, row.message_id)
