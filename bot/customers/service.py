"""`CustomerService`: who the customer is, what the widget has shown them, links back, and their wait."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.conversations.records import Conversation, State
from bot.conversations.store import ConversationStore
from bot.customers.identity import Identity, InvalidIdentity, verify_identity
from bot.customers.links import make_resume_token, verify_resume_token
from bot.customers.profiles import EarlierConversation, Profile, ProfileStore
from bot.errors import ConversationNotFound, InvalidInput
from bot.handoff_port import Avatar, DeskInfo, DeskStatus
from bot.privacy.egress import clean_email

log = logging.getLogger(__name__)
RESUME_SECRET = "resume-links"


@dataclass(frozen=True)
class Waiting:
    """The widget's view of the people side (GET .../status)."""

    state: State
    reachable: bool
    position: int | None
    expected_wait_s: int | None
    agent_name: str | None
    agent_avatar: bool
    locale: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"state": self.state.value, "reachable": self.reachable, "position": self.position,
                "expected_wait_s": self.expected_wait_s, "agent_name": self.agent_name,
                "agent_avatar": self.agent_avatar, "locale": self.locale}


class CustomerService:
    """Framework-free; the web edge calls it, the handoff side reads profiles and makes links through it."""

    def __init__(
        self, *, store: ConversationStore, profiles: ProfileStore, identity_secret: str | None = None,
        link_ttl: timedelta = timedelta(days=14), clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self._profiles = profiles
        self._secret = identity_secret
        self._link_ttl = link_ttl
        self._clock = clock or (lambda: datetime.now(UTC))
        self._desk: DeskInfo | None = None

    def set_desk_info(self, desk: DeskInfo) -> None:
        """Late wiring: the Slack side is built after this service."""
        self._desk = desk

    # -- identity -------------------------------------------------------------------------------
    def identify(self, conversation_id: str, *, identity: str | None = None, name: str | None = None,
                 email: str | None = None) -> Profile:
        """Record a signed identity (checked) and unsigned claims; the conversation shows the best name and email."""
        verified: Identity | None = None
        if identity:
            if not self._secret:
                log.warning("a signed identity arrived but SUPPORTBOT_BOT__IDENTITY_SECRET is not set; ignored")
                raise InvalidIdentity("signed identities are not enabled on this server")
            verified = verify_identity(identity, self._secret, now=self._clock())
        claims = {k: v for k, v in {"name": name, "email": email}.items() if v}
        profile = self._profiles.save(conversation_id, user_id=verified.user_id if verified else None,
                                      verified=verified.as_dict() if verified else {}, claims=claims)
        best_name = (verified.name if verified else None) or name
        best_email = clean_email((verified.email if verified else None) or email)  # one SMTP can carry
        if best_name or best_email:
            self._store.update_customer(conversation_id, name=best_name, email=best_email)
        return profile

    def profile(self, conversation_id: str) -> Profile | None:
        return self._profiles.get(conversation_id)

    def earlier(self, conversation_id: str, *, limit: int = 5) -> list[EarlierConversation]:
        """Earlier conversations of the same verified customer (unverified claims link nothing)."""
        profile = self._profiles.get(conversation_id)
        if profile is None or not profile.user_id:
            return []
        return self._profiles.earlier(profile.user_id, exclude=conversation_id, limit=limit)

    # -- what the widget showed, and links back ------------------------------------------------------
    def mark_seen(self, conversation_id: str, through: int) -> int:
        if through < 0:
            raise InvalidInput("through must not be negative")
        return self._profiles.mark_seen(conversation_id, through)

    def seen_through(self, conversation_id: str) -> int:
        return self._profiles.seen_through(conversation_id)

    def resume_token(self, conversation_id: str) -> str:
        """The signed part of an email link that reopens this conversation."""
        return make_resume_token(conversation_id, self._profiles.secret(RESUME_SECRET),
                                 expires=self._clock() + self._link_ttl)

    def resume(self, token: str) -> tuple[Conversation, str]:
        """Open a conversation from an email link: a fresh key for this browser (the old ones keep working)."""
        conversation_id = verify_resume_token(token, self._profiles.secret(RESUME_SECRET), now=self._clock())
        conversation = self._store.get(conversation_id) if conversation_id else None
        if conversation is None:
            raise ConversationNotFound("resume link")
        return conversation, self._profiles.add_access_token(conversation.id, via="email_link", ttl=self._link_ttl)

    # -- waiting -------------------------------------------------------------------------------------
    def waiting(self, conversation: Conversation) -> Waiting:
        status = self._desk.status(conversation) if self._desk is not None else self._no_desk(conversation)
        return Waiting(conversation.state, status.reachable, status.position, status.expected_wait_s,
                       conversation.agent_name if conversation.state is State.AGENT else None,
                       status.agent_avatar and conversation.state is State.AGENT, conversation.locale)

    def agent_avatar(self, conversation: Conversation) -> Avatar | None:
        if self._desk is None or conversation.state is not State.AGENT:
            return None
        return self._desk.agent_avatar(conversation)

    def _no_desk(self, conversation: Conversation) -> DeskStatus:
        if conversation.state is not State.PENDING:
            return DeskStatus(reachable=False)
        waiting = self._store.list_by_state([State.PENDING], limit=1000)
        position = next((i for i, c in enumerate(waiting, 1) if c.id == conversation.id), None)
        return DeskStatus(reachable=False, position=position)
