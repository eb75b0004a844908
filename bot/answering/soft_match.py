"""How well the section about to be shown matches each word of the question, near-synonyms counting.

`held_shares` counts the question's words the shown part holds as written or inflected: "parcel" is
lacked from a section about packages. MiniLM's contextual token match (MaxSim) knew better and helped the
learned decision held out, but costs a model run over the section (~12 ms a turn, docs/DECISIONS.md).
This is its static form: each word piece of the question's content words against the shown part's word
pieces in the model's input table (`knowledge_base.static_tokens`), best cosine each, no model run.
"""
from __future__ import annotations

import re

import numpy as np

from knowledge_base import lexical
from knowledge_base.static_tokens import StaticTokenVectors

_WORD = re.compile(r"[^\W_]+")


def word_matches(question: str, shown: str, table: StaticTokenVectors) -> list[float]:
    """Per content word of the question (digits left out): the mean over its word pieces of each one's
    best cosine with any word piece of `shown` (1.0: the word is there as written)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(question)
             if (t := lexical.terms(m.group())) and not t[0].isdigit()]
    if not spans:
        return []
    asked = table.pieces(question)
    held = np.unique(table.pieces(shown).ids)
    if len(held) == 0:
        return [0.0] * len(spans)
    best = (table.vectors(asked.ids) @ table.vectors(held).T).max(axis=1)
    out = []
    for a, b in spans:
        inside = (asked.starts >= a) & (asked.starts < b)
        if inside.any():
            out.append(float(best[inside].mean()))
    return out


def soft_shares(question: str, shown: str, table: StaticTokenVectors) -> tuple[float, float]:
    """(mean, least) of `word_matches`: how much of the question the section names, and its worst-named
    word (an unanswerable question often names one thing the help centre never mentions). (0, 0) for a
    question without content words."""
    matches = word_matches(question, shown, table)
    if not matches:
        return 0.0, 0.0
    return float(np.mean(matches)), float(min(matches))
