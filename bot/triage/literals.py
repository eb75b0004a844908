"""The words a pattern cannot match without: a rule whose text holds none of them cannot fire.

Most triage patterns open with a word boundary and an alternation, which keeps Python's regex engine
from skipping ahead to a likely first character: it tries every alternative at every position. A
dozen such rules were ~90% of the rules' time on ordinary questions (~0.7 ms a turn). Read from the
pattern's parse tree, a set of literal strings one of which every match contains lets a plain
substring test skip the search; anything the reading does not understand (case-insensitive flags,
optional parts, classes, back-references) gives no set, and the pattern is searched as before.

NOTE: `re._parser` is CPython's own (private) parser, read here, never patched; tests pin what it
yields for known patterns, so a Python whose parser changed fails them rather than triage.
"""
from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # NOTE: the stdlib's own parse tree
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_WORDS = 16  # past this many, testing them all costs about what the regex search does
MIN_CHARS = 3  # shorter literals are in nearly every text
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_Needs = frozenset[str] | None


def required_literals(pattern: str, *, max_words: int | None = MAX_WORDS) -> tuple[str, ...] | None:
    """Literal strings at least one of which is inside every match of `pattern`; None if unknown.

    `max_words`: None when the set is not tested literal by literal (`rule_index.py` files any number).
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    needs = _sequence(parsed.data)
    if needs is None or (max_words is not None and len(needs) > max_words) or min(map(len, needs)) < MIN_CHARS:
        return None
    return tuple(sorted(needs))


def _sequence(items: list[tuple[Any, Any]]) -> _Needs:
    """Every item of a sequence matches inside the match: the most selective item's (or literal run's) needs."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        needs = _item(op, av)
        if needs is not None:
            options.append(needs)
    if run:
        options.append(frozenset(["".join(run)]))
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _item(op: Any, av: Any) -> _Needs:
    if op is sre.BRANCH:  # each alternative needs its own words; a match holds one alternative's
        found: set[str] = set()
        for alternative in av[1]:
            needs = _sequence(alternative.data)
            if needs is None:
                return None
            found |= needs
        return frozenset(found)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        return None if add_flags & re.IGNORECASE else _sequence(inner.data)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in _REPEATS:
        low, _high, inner = av
        return _sequence(inner.data) if low >= 1 else None
    return None  # classes, anchors, look-arounds, back-references: nothing known
