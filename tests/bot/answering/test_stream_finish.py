"""A stream counts as an answer only when the model said it finished (`finish_reason` 'stop')."""
from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import AIMessageChunk

from bot.answering.streaming import stream_text
from bot.errors import AnswerFailed


class _Stream:
    def __init__(self, finish: str | None) -> None:
        self._finish = finish

    def stream(self, inputs: dict[str, Any]) -> Any:
        yield AIMessageChunk(content="You can return it within")
        yield AIMessageChunk(content="", response_metadata={"finish_reason": self._finish} if self._finish else {})


def test_a_stream_that_says_stop_is_whole() -> None:
    assert "".join(stream_text(_Stream("stop"), {}, timeout_s=5)) == "You can return it within"


@pytest.mark.parametrize("finish", [None, "length"])
def test_a_stream_cut_off_or_cut_at_max_tokens_is_a_failure(finish: str | None) -> None:
    with pytest.raises(AnswerFailed, match="finish_reason"):
        list(stream_text(_Stream(finish), {}, timeout_s=5))
