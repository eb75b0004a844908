"""Run a LangChain chat runnable's stream under a deadline, so a stalled LLM cannot hang a turn."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any

from bot.errors import AnswerFailed

log = logging.getLogger(__name__)

_DONE = object()
# NOTE: "length" (max_tokens reached) is a cut-off answer too; "tool_calls" never happens here.
_COMPLETE = frozenset({"stop", "end_turn", "eos"})


def stream_text(
    runnable: Any, inputs: Mapping[str, Any], *, timeout_s: float, stall_s: float | None = None
) -> Iterator[str]:
    """Yield the text of each streamed chunk; raise `AnswerFailed` on errors or when time runs out.

    Args:
        timeout_s: the whole reply must have arrived within this many seconds.
        stall_s: after the first token, no gap between tokens may be longer (default: `timeout_s`).

    The HTTP stream is read on a helper thread because a blocked socket read cannot be
    interrupted; on time-out we stop waiting and the thread ends at the client's own time-out.
    """
    chunks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    stop = threading.Event()
    pump = threading.Thread(target=_pump, args=(runnable, dict(inputs), chunks, stop), name="llm-stream", daemon=True)
    start = time.monotonic()
    deadline = start + timeout_s
    pump.start()
    started = False
    try:
        while True:
            wait = deadline - time.monotonic()
            if started and stall_s is not None:
                wait = min(wait, stall_s)
            try:
                if wait <= 0:
                    raise queue.Empty
                item = chunks.get(timeout=wait)
            except queue.Empty:
                what = "stalled mid-stream" if started else "no reply"
                raise AnswerFailed(f"LLM timed out after {time.monotonic() - start:.1f}s ({what})") from None
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise AnswerFailed(f"LLM request failed: {type(item).__name__}: {item}") from item
            started = True
            yield item
    finally:
        stop.set()


class StreamCutOff(Exception):
    """The LLM's stream ended without saying it finished (no `finish_reason`, no `[DONE]`): a dropped
    connection or a killed server. What came is a fragment, never an answer."""


def _pump(runnable: Any, inputs: dict[str, Any], chunks: queue.SimpleQueue[Any], stop: threading.Event) -> None:
    try:
        finished: str | None = None
        for chunk in runnable.stream(inputs):
            if stop.is_set():
                return
            finished = finish_reason(chunk) or finished
            text = chunk_text(chunk)
            if text:
                chunks.put(text)
        if finished not in _COMPLETE:
            raise StreamCutOff(f"the stream ended with finish_reason {finished!r}, not 'stop'")
        chunks.put(_DONE)
    except Exception as exc:
        if not stop.is_set():
            chunks.put(exc)
        else:
            log.debug("LLM stream ended after the caller gave up: %s", exc)


def finish_reason(chunk: Any) -> str | None:
    """`finish_reason` of a streamed message chunk (langchain-openai puts it on the last one)."""
    metadata = getattr(chunk, "response_metadata", None)
    reason = metadata.get("finish_reason") if isinstance(metadata, dict) else None
    return str(reason) if reason else None


def chunk_text(chunk: Any) -> str:
    """The text of a message chunk, whether its content is a string or a list of content blocks."""
    content = getattr(chunk, "content", chunk)
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            b if isinstance(b, str) else str(b.get("text", "")) for b in content if isinstance(b, (str, dict))
        )
    return ""
