"""Which rules of the label tables can fire on a text, found once per message instead of rule by rule.

`fire` skips a rule when none of its literals (`literals.py`) is in the text, but asking that of
each of the ~265 rules, and searching the 42 whose literals are too many to test one by one, cost
~0.4 ms a message, about a tenth of a turn's server CPU. Here every rule's literals, however many,
are filed once under their first three characters (literals have at least `literals.MIN_CHARS`); a
text's own three-character pieces pick the few literals that may be in it, each is checked with one
substring test, and `match` then visits only the rules with a literal present plus the two whose
pattern gives no literals, in table order. A rule skipped here is one whose pattern cannot match
the text, so the same rule fires with the same match.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.triage.literals import MIN_CHARS, required_literals
from bot.triage.rule import Label

_PIECE = MIN_CHARS  # every literal is at least this long, so its first piece is a whole piece


@dataclass(frozen=True)
class RuleIndex:
    """The literals of every table's rules by their first `_PIECE` characters, and the rules that have none."""

    by_piece: dict[str, tuple[tuple[str, tuple[tuple[int, int], ...]], ...]]  # piece -> (literal, (table, rule))
    unindexed: tuple[frozenset[int], ...]  # per table: positions of rules without literals (always visited)

    @classmethod
    def of(cls, tables: Sequence[Label]) -> RuleIndex:
        """Read every rule's literals (their first use: ~0.1 s for all rules)."""
        holders: dict[str, list[tuple[int, int]]] = {}
        unindexed: list[frozenset[int]] = []
        for t, table in enumerate(tables):
            bare = set()
            for r, rule in enumerate(table.rules):
                literals = rule.literals or required_literals(rule.pattern.pattern, max_words=None)
                if literals is None or min(map(len, literals)) < _PIECE:
                    bare.add(r)
                    continue
                for literal in literals:
                    holders.setdefault(literal, []).append((t, r))
            unindexed.append(frozenset(bare))
        by_piece: dict[str, list[tuple[str, tuple[tuple[int, int], ...]]]] = {}
        for literal, places in holders.items():
            by_piece.setdefault(literal[:_PIECE], []).append((literal, tuple(places)))
        return cls({piece: tuple(found) for piece, found in by_piece.items()}, tuple(unindexed))

    def candidates(self, norm: str) -> list[list[int]]:
        """Per table, in order, the positions of the rules that may fire on `norm`."""
        found = [set(bare) for bare in self.unindexed]
        pieces = {norm[i:i + _PIECE] for i in range(len(norm) - _PIECE + 1)}
        for piece in pieces.intersection(self.by_piece):
            for literal, places in self.by_piece[piece]:
                if literal in norm:
                    for t, r in places:
                        found[t].add(r)
        return [sorted(positions) for positions in found]
