"""The handoff card's one-line brief without an LLM, and the transcript helpers answering shares."""
from __future__ import annotations

from collections.abc import Sequence

from bot.answering import extractive
from bot.conversations.records import Kind, Message, Role


def extractive_summary(messages: Sequence[Message]) -> str:
    """The customer's first real question, plus their latest message when it differs."""
    customer = [m.text.strip() for m in messages if m.role == Role.CUSTOMER]
    if not customer:
        return trim(messages[-1].text.strip(), 300)
    first = next((t for t in customer if len(extractive.content_words(t)) >= 2), customer[0])
    last = customer[-1]
    if last == first:
        return trim(first, 300)
    return f"{trim(first, 200)} … Latest: {trim(last, 200)}"


def spoken(messages: Sequence[Message]) -> list[Message]:
    """What the customer, the bot and agents said (text, not notices), for the LLM to read."""
    return [m for m in messages if m.kind == Kind.TEXT and m.role != Role.SYSTEM and m.text.strip()]


def trim(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
