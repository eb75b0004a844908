"""Errors of the bot package; callers catch these, never a vendor's exceptions.

    BotError
     ├── ConversationNotFound   unknown conversation id (or a token that does not match)
     ├── InvalidInput           a customer or operator sent something we refuse (too long, empty, ...)
     ├── AnswerFailed           the LLM errored, refused the request or timed out (-> handoff `bot_error`)
     ├── PolicyInvalid          the policy file is missing, not YAML, or has a bad field (named)
     └── MessageNotFound        unknown message id, or one of another conversation

Helpers append new classes at the end of this module; keep the tree above in step.
"""
from __future__ import annotations


class BotError(Exception):
    """Base of every error the bot raises on purpose."""


class ConversationNotFound(BotError):
    """No conversation with that id (or the token does not match it)."""


class InvalidInput(BotError):
    """Input we refuse: too long, empty, malformed."""


class AnswerFailed(BotError):
    """The LLM could not produce an answer in time; the turn hands off with reason `bot_error`."""


class PolicyInvalid(BotError):
    """The policy file cannot be used; the message names the file and the offending field."""


class MessageNotFound(BotError):
    """No message with that id (or it belongs to another conversation)."""

    def __init__(self, message_id: int) -> None:
        super().__init__(f"message not found: {message_id!r}")
        self.message_id = message_id
