"""Whether a section reads more like the question without one of its words: the thing asked is missing.

A yes/no question answered with confidence and wrongly shares its topic with the section but not the
one thing it asks about: "can I connect the app to Alexa" against the app page, "do you do EICR
certificates" against the gas-safety page. Leaving that word out of the question brings the question
*closer* to the section (the section is about the question without it); leaving out a word the section
paraphrases ("wifi" against "broadband") moves it away. `drop` measures that with the help centre's
own embedder, for the words of the question the shown part does not hold.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from knowledge_base import lexical

_WORD = re.compile(r"[^\W_]+")


class ArrayEmbedder(Protocol):
    def embed_array(self, texts: Sequence[str]) -> np.ndarray: ...


def lacked_words(question: str, shown: str) -> list[str]:
    """The question's content words (as written) that `shown` holds neither as written nor inflected."""
    held = set(lexical.terms(shown))
    prefixes = {t[: lexical.PREFIX] for t in held if len(t) >= lexical.PREFIX}
    lacked = []
    for word in dict.fromkeys(_WORD.findall(question)):
        terms = lexical.terms(word)
        if not terms or terms[0].isdigit() or terms[0] in held:
            continue
        if len(terms[0]) >= lexical.PREFIX and terms[0][: lexical.PREFIX] in prefixes:
            continue
        lacked.append(word)
    return lacked


def drop(question: str, shown: str, embedder: ArrayEmbedder) -> float:
    """How much closer to `shown` the question gets without one of the words `shown` lacks (the most
    of any such word; 0 when it lacks none or none brings it closer)."""
    lacked = lacked_words(question, shown)
    if not lacked:
        return 0.0
    without = [re.sub(rf"\b{re.escape(word)}\b", "", question) for word in lacked]
    vectors = np.asarray(embedder.embed_array([question, shown, *without]), dtype=np.float32)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similarity = vectors[2:] @ vectors[1]
    return max(0.0, float(similarity.max() - vectors[0] @ vectors[1]))
