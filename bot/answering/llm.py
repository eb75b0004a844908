"""The chat model the bot answers with: any OpenAI-compatible server, or none at all."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.config import LLMSettings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


def make_chat_model(llm: LLMSettings) -> BaseChatModel | None:
    """Build a streaming `ChatOpenAI` from settings; `None` (extractive answers) when there is no key."""
    if not llm.enabled:
        return None
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=llm.model,
        api_key=llm.api_key,
        base_url=llm.base_url,
        timeout=llm.timeout_s,
        max_retries=llm.max_retries,
        streaming=True,
        temperature=llm.temperature,
        max_completion_tokens=llm.max_tokens,  # the field `max_tokens`, by its alias
        # NOTE: usage chunks are an OpenAI extension many compatible servers reject.
        stream_usage=False,
    )
