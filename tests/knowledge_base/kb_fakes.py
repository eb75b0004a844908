"""Deterministic stand-ins for the embedder (tests run in milliseconds without a model) and a tiny corpus."""
from __future__ import annotations

import hashlib
import math
import re
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

_WORD = re.compile(r"[a-z0-9]+")
_ANY_WORD = re.compile(r"\w+")


class ToyCrossLingual:
    """A toy multilingual space: a bag of words in which a foreign word shares its English twin's
    dimension (`twins`). Records every text (`texts`) and every batch (`batches`) it embedded."""

    def __init__(self, twins: Mapping[str, str], *, dims: int, model_id: str = "fake:crosslingual") -> None:
        self.twins, self.dims, self.model_id = dict(twins), dims, model_id
        self.texts: list[str] = []
        self.batches: list[list[str]] = []

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(list(texts))
        self.texts.extend(texts)
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _ANY_WORD.findall(text.lower()):
                word = self.twins.get(word, word)
                out[row, int(hashlib.blake2b(word.encode(), digest_size=2).hexdigest(), 16) % self.dims] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


class FakeEmbeddings(Embeddings):
    """Hashed bag of words, L2-normalised: texts sharing words are similar, others near 0.

    Records every text it embeds (`documents`, `queries`) so tests can assert what was embedded.
    """

    model_id = "fake:bag-of-words-64"

    def __init__(self, dim: int = 64, *, fail_on: str | None = None) -> None:
        self.dim = dim
        self.fail_on = fail_on  # raise when a document text contains this word
        self.documents: list[str] = []
        self.queries: list[str] = []
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            self.documents.extend(texts)
        if self.fail_on and any(self.fail_on in t for t in texts):
            raise RuntimeError(f"fake embedder refuses {self.fail_on!r}")
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            self.queries.append(text)
        return self._vector(text)

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for word in _WORD.findall(text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vec[int.from_bytes(digest, "little") % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec] if any(vec) else [1.0 / math.sqrt(self.dim)] * self.dim


class OtherFakeEmbeddings(FakeEmbeddings):
    """Same vectors, another model id: opening an index built by `FakeEmbeddings` must be refused."""

    model_id = "fake:another-model"


# Our own tiny help center (not evaluation data): a fictional bike-rental shop.
CORPUS = {
    "rentals/pickup.md": """---
title: Picking up a bike
tags: [rentals, stores]
url: https://help.example.test/pickup
---
# Picking up a bike

Bring a photo ID to the counter.

## Opening hours
The Harbour Street depot opens at 8:00 and closes at 19:00, seven days a week.

## Helmets
Every rental includes a helmet in your size at no extra cost.
""",
    "rentals/late-return.md": """# Returning a bike late

## Grace period
You have a grace period of 30 minutes after the booked end time.

## Late fees
After the grace period each started hour costs 6 euros.
""",
    "billing/refunds.txt": "Refunds for cancelled bookings reach your card within five working days.\n",
    "about.html": """<html><head><title>About Pedalo Rentals</title><style>p{}</style></head>
<body><nav>Home | Prices</nav><h1>About Pedalo Rentals</h1>
<p>Pedalo rents city bikes and cargo bikes since 2011.</p>
<h2>Cargo bikes</h2><p>Cargo bikes carry two children or 80 kilograms of luggage.</p>
<script>track()</script></body></html>""",
}


def write_corpus(root: Path, files: dict[str, str | bytes] = CORPUS) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
