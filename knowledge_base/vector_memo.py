"""An embedder that remembers the last texts it embedded one at a time, so a second ask is free.

The triage's learned head and retrieval both embed a customer's message; wrapped around the
knowledge base's embedder, whichever asks second gets the first one's vector (or waits for it, if
it is still being computed) instead of running the model again. Bulk calls pass straight through.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings


class VectorMemo(Embeddings):
    """Wraps an embedder; `embed_array([text])` and `embed_query(text)` are memoised (last `size` texts)."""

    def __init__(self, inner: Embeddings, *, model_id: str | None = None, size: int = 256) -> None:
        self._inner = inner
        self._model_id = model_id or str(getattr(inner, "model_id", f"custom:{type(inner).__name__}"))
        self._size = size
        self._lock = threading.Lock()
        self._memo: OrderedDict[str, Future[np.ndarray]] = OrderedDict()

    @property
    def inner(self) -> Embeddings:
        return self._inner

    @property
    def model_id(self) -> str:
        """The wrapped embedder's id, as the index records it (switching means re-indexing)."""
        return self._model_id

    def __getattr__(self, name: str) -> Any:  # load(), batch_size, ...: whatever the wrapped embedder offers
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._inner, name)

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) != 1:
            return self._array(texts)
        return self._one(texts[0]).reshape(1, -1)

    def embed_query(self, text: str) -> list[float]:
        return self._one(text).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._inner.embed_documents(texts)

    def _array(self, texts: Sequence[str]) -> np.ndarray:
        embed_array = getattr(self._inner, "embed_array", None)
        if embed_array is not None:
            return np.asarray(embed_array(list(texts)), dtype=np.float32)
        return np.asarray(self._inner.embed_documents(list(texts)), dtype=np.float32)

    def _one(self, text: str) -> np.ndarray:
        with self._lock:
            future = self._memo.get(text)
            owner = future is None
            if future is None:
                future = self._memo[text] = Future()
                while len(self._memo) > self._size:
                    self._memo.popitem(last=False)
            else:
                self._memo.move_to_end(text)
        if not owner:
            return future.result().copy()
        try:
            vector = self._array([text])[0]
        except BaseException as exc:
            with self._lock:
                self._memo.pop(text, None)
            future.set_exception(exc)
            raise
        future.set_result(vector)
        return vector.copy()
