"""Building blocks for the rule tables, so each regex alternative can stand on a line of its own.

`alt("talk", "speak")` is `(?:talk|speak)`; the lookaround helpers name what `(?=`, `(?!`, `(?<=`
and `(?<!` do. Every helper returns a plain pattern string: a rule is still one regular expression,
compiled once, and a diff of a table shows exactly which alternative changed.
"""
from __future__ import annotations


def any_of(*alternatives: str) -> str:
    """Top-level alternatives, not grouped: `a|b|c`."""
    return "|".join(alternatives)


def alt(*alternatives: str) -> str:
    """A non-capturing group: `(?:a|b|c)`."""
    return "(?:" + "|".join(alternatives) + ")"


def capture(*alternatives: str) -> str:
    """A capturing group: `(a|b|c)`."""
    return "(" + "|".join(alternatives) + ")"


def followed_by(*alternatives: str) -> str:
    """A lookahead: what comes next must match one of these, `(?=a|b)`."""
    return "(?=" + "|".join(alternatives) + ")"


def not_followed_by(*alternatives: str) -> str:
    """A negative lookahead: what comes next must match none of these, `(?!a|b)`."""
    return "(?!" + "|".join(alternatives) + ")"


def preceded_by(*alternatives: str) -> str:
    """A lookbehind, `(?<=a|b)` (each alternative of a fixed width)."""
    return "(?<=" + "|".join(alternatives) + ")"


def not_preceded_by(*alternatives: str) -> str:
    """A negative lookbehind, `(?<!a|b)` (each alternative of a fixed width)."""
    return "(?<!" + "|".join(alternatives) + ")"


def word_gap(n: int) -> str:
    """Up to `n` words; a gap never crosses a " . " clause marker (see normalize.py)."""
    return rf"(?: [a-z0-9]+){{0,{n}}}"
