"""VectorMemo: a message embedded for triage is not embedded again for retrieval."""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import numpy as np

from knowledge_base.vector_memo import VectorMemo


class CountingEmbedder:
    """Deterministic vectors; counts model runs; optionally slow, to let two callers overlap."""

    model_id = "counting:1"

    def __init__(self, delay: float = 0.0) -> None:
        self.runs: list[list[str]] = []
        self.delay = delay

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        self.runs.append(list(texts))
        time.sleep(self.delay)
        return np.asarray([[len(t), t.count(" "), 1.0] for t in texts], dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


def test_a_text_asked_twice_is_embedded_once() -> None:
    inner = CountingEmbedder()
    memo = VectorMemo(inner)
    first = memo.embed_array(["where is my parcel?"])
    again = memo.embed_query("where is my parcel?")
    assert inner.runs == [["where is my parcel?"]]
    assert first.shape == (1, 3) and again == first[0].tolist()


def test_two_callers_at_once_share_one_run() -> None:
    inner = CountingEmbedder(delay=0.2)
    memo = VectorMemo(inner)
    results: list[np.ndarray] = []
    threads = [threading.Thread(target=lambda: results.append(memo.embed_array(["same text"]))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(inner.runs) == 1 and np.array_equal(results[0], results[1])


def test_bulk_calls_pass_through_and_the_model_id_is_the_wrapped_ones() -> None:
    inner = CountingEmbedder()
    memo = VectorMemo(inner, model_id="openai:text-embedding-3-small")
    memo.embed_documents(["a", "b"])
    memo.embed_documents(["a", "b"])
    assert len(inner.runs) == 2
    assert memo.model_id == "openai:text-embedding-3-small" and VectorMemo(inner).model_id == "counting:1"


def test_the_memo_keeps_only_the_last_texts() -> None:
    inner = CountingEmbedder()
    memo = VectorMemo(inner, size=2)
    for text in ("a", "b", "c", "a"):
        memo.embed_query(text)
    assert [r[0] for r in inner.runs] == ["a", "b", "c", "a"]
