"""Whether a section reads more like the question without one of its words: the thing asked is missing.

A yes/no question answered with confidence and wrongly shares its topic with the section but not the
one thing it asks about: "can I connect the app to Alexa" against the app page, "do you do EICR
certificates" against the gas-safety page. Leaving that word out of the question brings the question
*closer* to the section (the section is about the question without it); leaving out a word the section
paraphrases ("wifi" against "broadband") moves it away. `drop` measures that with the help centre's
own embedder, for the words of the question the shown part does not hold.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from knowledge_base import lexical
from knowledge_base.crosslingual import ArrayEmbedder

_WORD = re.compile(r"[^\W_]+")


# Lacked words tried at most (the longest: a cheap stand-in for the rarest). Each costs one text to
# embed; a 4,000-character question of 500 unknown words would otherwise cost ~20 s of CPU. 326 of the
# 334 English yes/no questions of the dev centres lack 12 or fewer words of their top passage; a cap of
# 4 tried too few (7 decisions changed, 6 of them unanswerable questions then answered: the word that
# mattered, "dog", "gift", was short).
MAX_LACKED = 12


def lacked_words(question: str, shown: str) -> list[str]:
    """The question's content words (as first written) that `shown` holds neither as written nor inflected.

    One word per term: "Alexa", "ALEXA" and "alexas" are one thing lacked, not three texts to embed.
    """
    held, prefixes = _held(shown) if len(shown) <= lexical.MEMO_CHARS else _held_of(shown)
    lacked: dict[str, str] = {}
    for word in dict.fromkeys(_WORD.findall(question)):
        terms = lexical.terms(word)
        if not terms or terms[0].isdigit() or terms[0] in held or terms[0] in lacked:
            continue
        if len(terms[0]) >= lexical.PREFIX and terms[0][: lexical.PREFIX] in prefixes:
            continue
        lacked[terms[0]] = word
    return list(lacked.values())


# NOTE: every English turn reads the terms of the section it shows (`held_shares`; `drop` too for a yes/no
# question), and later turns show the same sections again: remembered (pure; 512 sections of at most
# `lexical.MEMO_CHARS`, a few MB; a longer text is read afresh, so the memo's size has a bound).
@functools.lru_cache(maxsize=512)
def _held(shown: str) -> tuple[frozenset[str], frozenset[str]]:
    return _held_of(shown)


def _held_of(shown: str) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of `shown`, and their first `lexical.PREFIX` letters (of those that long)."""
    held = frozenset(lexical.terms(shown))
    return held, frozenset(t[: lexical.PREFIX] for t in held if len(t) >= lexical.PREFIX)


def without(question: str, word: str) -> str:
    """`question` with every form of `word` (any case, singular or plural) left out."""
    term = lexical.terms(word)[0]
    forms = {w for w in _WORD.findall(question) if lexical.terms(w)[:1] == [term]}
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.sub(rf"\b(?:{pattern})\b", "", question, flags=re.IGNORECASE)


def drop(question: str, shown: str, embedder: ArrayEmbedder) -> float:
    """How much closer to `shown` the question gets without one of the words `shown` lacks (the most
    of any such word; 0 when it lacks none or none brings it closer). Only the `MAX_LACKED` longest
    lacked words are tried: more than that and the question is not an ordinary yes/no one anyway."""
    lacked = lacked_words(question, shown)
    if not lacked:
        return 0.0
    rarest = sorted(lacked, key=len, reverse=True)[:MAX_LACKED]  # stable: ties keep the question's order
    return max(0.0, float(drops(question, shown, rarest, embedder).max()))


def unit_vectors(question: str, shown: str, words: Sequence[str], embedder: ArrayEmbedder) -> np.ndarray:
    """Unit vectors of the question, `shown`, and the question without each of `words`, in one batch."""
    texts = [question, shown, *(without(question, word) for word in words)]
    vectors = np.asarray(embedder.embed_array(texts), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def drops(question: str, shown: str, words: Sequence[str], embedder: ArrayEmbedder) -> np.ndarray:
    """For each of `words`, how much closer to `shown` the question gets without it (negative: farther)."""
    vectors = unit_vectors(question, shown, words, embedder)
    return vectors[2:] @ vectors[1] - vectors[0] @ vectors[1]
