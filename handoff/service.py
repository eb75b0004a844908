"""`HandoffService`: what agents do from Slack (claim, reply, resolve, return), framework-free."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.conversations.records import Conversation, Message, Role, State
from bot.conversations.store import ConversationStore
from bot.policy import Policy
from handoff import messages as texts
from handoff.cards import TAKE_OVER, escape
from handoff.held import HeldReplies
from handoff.mrkdwn import to_plain
from handoff.threads import ThreadStore

log = logging.getLogger(__name__)


class AgentDesk(Protocol):
    """Where agents see a conversation: the Slack thread (`SlackDesk`) or the console (`ConsoleDesk`)."""

    def post(self, conversation_id: str, text: str) -> None: ...
    def refresh_card(self, conversation_id: str) -> None: ...
    def ephemeral(self, conversation_id: str, user_id: str, text: str, *, channel: str | None = None,
                  blocks: list[dict[str, Any]] | None = None) -> None: ...
    def fetch_files(self, conversation_id: str, *, channel: str, ts: str, user: str, author: str,
                    files: Sequence[dict[str, Any]]) -> None: ...


class Directory(Protocol):
    def name(self, user_id: str) -> str | None: ...


@dataclass(frozen=True)
class ClaimResult:
    """`outcome`: claimed | already_yours | taken | not_waiting | unknown; `owner_id` for `taken`."""

    outcome: str
    conversation: Conversation | None
    owner_id: str | None = None

    @property
    def won(self) -> bool:
        return self.outcome == "claimed"


@dataclass(frozen=True)
class RelayResult:
    """`outcome`: relayed | held | taken | duplicate | private | unknown_thread | not_delivered | ignored | failed."""

    outcome: str
    message: Message | None = None


class HandoffService:
    """Agent-side operations; every state change is one conditional `store.transition`."""

    def __init__(
        self, *, store: ConversationStore, desk: AgentDesk, threads: ThreadStore, directory: Directory,
        policy: Policy | None = None, private_note_prefix: str = ";;",
        on_reply: Callable[[str, int], None] | None = None,
    ) -> None:
        self._store = store
        self._desk = desk
        self._threads = threads
        self._directory = directory
        self._policy = policy
        self._prefix = private_note_prefix
        self._held = HeldReplies(threads)
        self._on_reply = on_reply  # e.g. the email follow-up: (conversation_id, message_id)

    # -- card buttons ------------------------------------------------------------------------
    def claim(self, conversation_id: str, agent_id: str, *, notify: bool = True) -> ClaimResult:
        """pending -> agent for `agent_id`; the loser gets an ephemeral naming the owner."""
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return ClaimResult("unknown", None)
        name = self._directory.name(agent_id)
        won = self._store.transition(
            conversation_id, expected={State.PENDING}, to=State.AGENT, actor=f"agent:{agent_id}", reason="claimed",
            notice=self._text("agent_joined", conversation, agent=name or "A support agent"),
            agent_id=agent_id, agent_name=name,
        )
        if won is not None:
            self._desk.post(conversation_id, texts.CLAIMED_NOTE.format(agent=agent_id))
            self._desk.refresh_card(conversation_id)
            return ClaimResult("claimed", won.conversation, agent_id)
        current = self._store.get(conversation_id)
        if current is not None and current.state is State.AGENT and current.agent_id == agent_id:
            result = ClaimResult("already_yours", current, agent_id)
            note = texts.ALREADY_YOURS
        elif current is not None and current.state is State.AGENT:
            result = ClaimResult("taken", current, current.agent_id)
            note = texts.ALREADY_CLAIMED.format(owner=current.agent_id)
        else:
            result = ClaimResult("not_waiting", current)
            note = texts.NOT_WAITING.format(status=_status(current))
        if notify:
            self._desk.ephemeral(conversation_id, agent_id, note)
        return result

    def resolve(self, conversation_id: str, agent_id: str) -> Conversation | None:
        """pending|agent -> resolved; the customer's next message starts with the bot again."""
        return self._close(
            conversation_id, agent_id, State.RESOLVED, "resolved_by_agent", "resolved", texts.RESOLVED_NOTE
        )

    def return_to_bot(self, conversation_id: str, agent_id: str) -> Conversation | None:
        """pending|agent -> bot: the bot answers this customer again."""
        return self._close(
            conversation_id, agent_id, State.BOT, "returned_by_agent", "back_to_bot", texts.RETURNED_NOTE
        )

    def release(self, conversation_id: str, agent_id: str) -> Conversation | None:
        """agent -> pending, by the owner only: the conversation waits for someone else (a recorded event)."""
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return None
        if conversation.state is State.AGENT and conversation.agent_id != agent_id:
            self._desk.ephemeral(
                conversation_id, agent_id, texts.ONLY_OWNER_RELEASES.format(owner=conversation.agent_id)
            )
            return None
        name = conversation.agent_name or self._directory.name(agent_id) or "Your agent"
        won = self._store.transition(
            conversation_id,
            expected={State.AGENT},
            to=State.PENDING,
            actor=f"agent:{agent_id}",
            reason="released",
            notice=self._text("agent_released", conversation, agent=name),
        )
        if won is None:
            self._desk.ephemeral(
                conversation_id, agent_id, texts.NOT_WAITING.format(status=_status(self._store.get(conversation_id)))
            )
            return None
        self._desk.post(conversation_id, texts.RELEASED_NOTE.format(agent=agent_id))
        self._desk.refresh_card(conversation_id)
        return won.conversation

    def take_over(self, conversation_id: str, agent_id: str, held_id: int | None = None) -> Conversation | None:
        """The owner changes to `agent_id` (a recorded event); a reply they had held back is sent now."""
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return None
        if conversation.state is State.AGENT and conversation.agent_id != agent_id:
            name = self._directory.name(agent_id)
            won = self._store.transition(
                conversation_id, expected={State.AGENT}, to=State.AGENT, actor=f"agent:{agent_id}", reason="taken_over",
                notice=self._text("agent_joined", conversation, agent=name or "A support agent"),
                agent_id=agent_id, agent_name=name,
            )
            if won is not None:
                self._desk.post(
                    conversation_id, texts.TOOK_OVER_NOTE.format(agent=agent_id, owner=conversation.agent_id)
                )
                self._desk.refresh_card(conversation_id)
        elif conversation.state is State.PENDING:
            self.claim(conversation_id, agent_id, notify=False)
        current = self._store.get(conversation_id)
        if held_id is None or current is None:
            return current
        held = None
        if current.state is State.AGENT and current.agent_id == agent_id:
            held = self._held.release(held_id, conversation_id=conversation_id, user_id=agent_id)
        if held is None:
            self._desk.ephemeral(conversation_id, agent_id, texts.TAKE_OVER_GONE)
        else:
            self._deliver(conversation_id, held.channel, held.ts, agent_id, held.text, held.files, None)
        return current

    def _offer_take_over(self, conversation_id: str, agent_id: str, owner: str | None, held_id: int | None) -> None:
        """An ephemeral "Ana owns this, take over?" with one button (its value names the held reply)."""
        text = (texts.TAKE_OVER_PROMPT if held_id is not None else texts.TAKE_OVER_PROMPT_ACTION).format(owner=owner)
        value = json.dumps({"conversation_id": conversation_id, "held_id": held_id})
        label = texts.TAKE_OVER_SEND if held_id is not None else texts.TAKE_OVER
        blocks: list[dict[str, Any]] = [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": TAKE_OVER,
                        "value": value,
                        "style": "primary",
                        "text": {"type": "plain_text", "text": label},
                    }
                ],
            },
        ]
        self._desk.ephemeral(conversation_id, agent_id, text, blocks=blocks)

    def _close(
        self, conversation_id: str, agent_id: str, to: State, reason: str, key: str, note: str
    ) -> Conversation | None:
        conversation = self._store.get(conversation_id)
        if conversation is None:
            return None
        if conversation.state is State.AGENT and conversation.agent_id != agent_id:
            self._offer_take_over(conversation_id, agent_id, conversation.agent_id, None)
            return None
        won = self._store.transition(
            conversation_id, expected={State.PENDING, State.AGENT}, to=to, actor=f"agent:{agent_id}", reason=reason,
            notice=self._text(key, conversation),
        )
        if won is None:
            self._desk.ephemeral(
                conversation_id, agent_id, texts.NOT_WAITING.format(status=_status(self._store.get(conversation_id)))
            )
            return None
        self._desk.post(conversation_id, note.format(agent=agent_id))
        self._desk.refresh_card(conversation_id)
        return won.conversation

    # -- thread messages ---------------------------------------------------------------------
    def agent_reply(
        self, *, channel: str, thread_ts: str | None, user: str, text: str, ts: str, event_id: str | None,
        files: Sequence[dict[str, Any]] = (),
    ) -> RelayResult:
        """Relay an agent's thread reply to the customer, exactly once however often Slack delivers it."""
        if not thread_ts:
            return RelayResult("unknown_thread")
        seen, info = self._threads.unseen_thread(channel, thread_ts, event_id)
        if seen:
            return RelayResult("duplicate")
        if info is None:
            return RelayResult("unknown_thread")
        body = (text or "").strip()
        if not body and not files:
            return RelayResult("ignored")
        if body.startswith(self._prefix):
            return RelayResult("private")  # NOTE: private notes stay in Slack, by design
        cid = info.conversation_id
        if not self._threads.claim_relay(channel, ts, cid):
            return RelayResult("duplicate")
        conversation = self._store.get(cid)
        if conversation is not None and conversation.state is State.PENDING:
            if self.claim(cid, user, notify=False).won:
                self._desk.ephemeral(cid, user, texts.AUTO_CLAIMED)
            conversation = self._store.get(cid)
        if conversation is not None and conversation.state is State.AGENT and conversation.agent_id != user:
            # NOTE: one owner per conversation; the reservation of (channel, ts) stays until a take-over sends it.
            held = self._held.hold(cid, channel=channel, ts=ts, user_id=user, text=body, files=files)
            self._offer_take_over(cid, user, conversation.agent_id, held.id)
            self._threads.remember_event(event_id)
            return RelayResult("held")
        if conversation is None or conversation.state is not State.AGENT:
            self._desk.ephemeral(cid, user, texts.NOT_DELIVERED.format(state=_status(conversation), id=cid))
            self._threads.remember_event(event_id)
            return RelayResult("not_delivered")
        return self._deliver(cid, channel, ts, user, body, files, event_id)

    def _deliver(self, cid: str, channel: str, ts: str, user: str, body: str, files: Sequence[dict[str, Any]],
                 event_id: str | None) -> RelayResult:
        """Store the owner's thread reply for the customer; its files follow from the outbox (fetched from Slack)."""
        result = RelayResult("relayed")
        if body:
            result = self.reply(cid, user, to_plain(body, self._directory.name),
                                meta={"slack_user": user, "slack_ts": ts},
                                on_failure=lambda: self._threads.release_relay(channel, ts))
            if result.outcome != "relayed":
                if result.outcome == "not_delivered":
                    self._threads.remember_event(event_id)
                return result
        if files:
            name = self._directory.name(user) or "Support agent"
            self._desk.fetch_files(cid, channel=channel, ts=ts, user=user, author=name, files=files)
        # NOTE: the event is remembered only now: a crash before this point leaves Slack's retry a way in.
        self._threads.relayed(channel, ts, result.message.id if result.message else 0, event_id=event_id)
        if not body:
            self.replied(cid, None)
        return result

    def reply(self, conversation_id: str, agent_id: str, text: str, *, meta: dict[str, Any] | None = None,
              on_failure: Callable[[], None] | None = None) -> RelayResult:
        """An agent's reply reaches the customer: a waiting conversation is claimed first (as a
        Claim click would); one that is with the bot or resolved is not delivered."""
        cid = conversation_id
        conversation = self._store.get(cid)
        if conversation is not None and conversation.state is State.PENDING:
            if self.claim(cid, agent_id, notify=False).won:
                self._desk.ephemeral(cid, agent_id, texts.AUTO_CLAIMED)
            conversation = self._store.get(cid)
        if conversation is None or conversation.state is not State.AGENT:
            self._desk.ephemeral(cid, agent_id, texts.NOT_DELIVERED.format(state=_status(conversation), id=cid))
            return RelayResult("not_delivered")
        if conversation.agent_id != agent_id:  # one owner per conversation, whichever desk the reply comes from
            if on_failure is not None:
                on_failure()
            self._offer_take_over(cid, agent_id, conversation.agent_id, None)
            return RelayResult("taken")
        name = self._directory.name(agent_id)
        try:
            message = self._store.add_message(cid, role=Role.AGENT, text=text, author=name or "Support agent",
                                              meta=meta or {})
        except Exception:
            if on_failure is not None:
                on_failure()
            log.exception("could not store agent reply for conversation %s", cid)
            self._desk.ephemeral(cid, agent_id, "Not delivered (a server error); please send it again.")
            return RelayResult("failed")
        self.replied(cid, message.id)
        return RelayResult("relayed", message)

    def orphan_reply(self, *, channel: str, user: str) -> None:
        """Tell an agent who replied under an unlinked card of ours (a duplicate) where to reply."""
        self._desk.ephemeral("orphan", user, texts.ORPHAN_REPLY, channel=channel)

    def replied(self, conversation_id: str, message_id: int | None) -> None:
        """An agent's words (or file) reached the store: the wait's first reply, and maybe an email."""
        self._threads.mark_first_reply(conversation_id)
        if message_id is not None and self._on_reply is not None:
            try:
                self._on_reply(conversation_id, message_id)
            except Exception:
                log.exception("follow-up for conversation %s could not be queued", conversation_id)

    def agent_edit(self, *, channel: str, ts: str, text: str, event_id: str | None) -> Message | None:
        """An agent edited a relayed reply: the customer's copy changes too; edited into a private
        note, it is retracted (deleted on the customer's side), since notes never leave Slack."""
        message_id = self._threads.relayed_message(channel, ts)
        if not message_id or not self._threads.first_sight(event_id):
            return None
        if (text or "").strip().startswith(self._prefix):
            return self._store.delete_message(message_id)
        return self._store.edit_message(message_id, to_plain(text or "", self._directory.name))

    def agent_delete(self, *, channel: str, ts: str, event_id: str | None) -> Message | None:
        """An agent deleted a relayed reply: it disappears for the customer."""
        message_id = self._threads.relayed_message(channel, ts)
        if not message_id or not self._threads.first_sight(event_id):
            return None
        return self._store.delete_message(message_id)

    # -- /support ------------------------------------------------------------------------------
    def command(self, text: str, user_id: str) -> str:
        """`/support list` or `/support claim <id>`; returns the reply the agent sees."""
        words = (text or "").split()
        if not words or words[0] == "list":
            return self._list()
        if words[0] == "claim" and len(words) == 2:
            result = self.claim(words[1], user_id, notify=False)
            return {
                "claimed": texts.COMMAND_CLAIMED.format(id=words[1]),
                "already_yours": texts.ALREADY_YOURS,
                "taken": texts.ALREADY_CLAIMED.format(owner=result.owner_id),
                "unknown": texts.COMMAND_UNKNOWN.format(id=words[1][:64]),
            }.get(result.outcome, texts.NOT_WAITING.format(status=_status(result.conversation)))
        return texts.COMMAND_USAGE

    def _list(self) -> str:
        waiting = self._store.list_by_state([State.PENDING], limit=20)
        if not waiting:
            return texts.COMMAND_NOTHING_WAITING
        now = datetime.now(UTC)
        lines = []
        for c in waiting:
            since = c.state_changed_at or c.updated_at
            since = since if since.tzinfo else since.replace(tzinfo=UTC)
            lines.append(texts.COMMAND_WAITING_LINE.format(
                id=c.id, customer=escape(c.customer_name or "anonymous"),
                minutes=int((now - since).total_seconds() // 60),
                reason=texts.REASONS.get(c.handoff_reason or "", c.handoff_reason or "unknown"),
            ))
        return "\n".join(lines)

    def _text(self, key: str, conversation: Conversation, **kw: Any) -> str | None:
        if self._policy is None:
            return None  # the store's default wording
        return self._policy.message(key, conversation.locale, **kw)


def _status(conversation: Conversation | None) -> str:
    if conversation is None:
        return "unknown"
    return {"bot": "back with the bot", "resolved": "resolved", "pending": "waiting", "agent": "claimed"}[
        conversation.state.value
    ]
