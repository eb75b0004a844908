"""The customer's own words behind a span of the normalised text, for the card and the record.

The rules match `normalize(text)`: lowercased, accents stripped, "89.99" read as "8999", "don't" as
"do not". Quoting that form on the Slack card shows an agent words the customer never wrote. Here
the same steps run again over the text with each character's place in the original kept beside it,
so a match's span in the normalised text maps back to a span of what the customer typed. It runs only
when a rule has fired (a handoff), never on the per-message path, so `normalize` itself stays lean;
when the replay ever disagrees with `normalize` (a step changed in one place only), the normalised
words are quoted as before rather than wrong ones.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.triage import normalize as n

_Span = tuple[int, int]
# Longer than this, the original span is mostly what normalize() dropped; a card line stays readable.
_LONGEST = 160


@dataclass(frozen=True)
class _Tracked:
    """A text and, per character, the span of the original it came from (monotone, so spans join)."""

    chars: str
    spans: tuple[_Span, ...]

    def per_char(self, change: Callable[[str], str]) -> _Tracked:
        """Each character replaced by `change(c)`, every piece keeping that character's origin."""
        memo: dict[str, str] = {}  # a message uses few distinct characters
        outs = [memo[c] if c in memo else memo.setdefault(c, change(c)) for c in self.chars]
        if all(len(out) == 1 for out in outs):  # the usual case: the origins stay as they are
            return _Tracked("".join(outs), self.spans)
        spans: list[_Span] = []
        for out, span in zip(outs, self.spans, strict=True):
            spans.extend([span] * len(out))
        return _Tracked("".join(outs), tuple(spans))

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> _Tracked:
        """`pattern.sub(repl, chars)`, a replacement taking the whole origin of the text it replaced."""
        changes = []
        for m in pattern.finditer(self.chars):
            out = repl(m) if callable(repl) else m.expand(repl)
            if out != m.group():
                changes.append((m.start(), m.end(), out))
        if not changes:
            return self
        chars: list[str] = []
        spans: list[_Span] = []
        done = 0
        for start, end, out in changes:
            chars.append(self.chars[done:start])
            spans.extend(self.spans[done:start])
            chars.append(out)
            spans.extend([self._origin(start, end)] * len(out))
            done = end
        chars.append(self.chars[done:])
        spans.extend(self.spans[done:])
        return _Tracked("".join(chars), tuple(spans))

    def squeezed(self) -> _Tracked:
        """`" " + " ".join(chars.split()) + " "`, each space taking the origin of the gap it stands for."""
        words = [m.span() for m in re.finditer(r"\S+", self.chars)]
        if not words:
            return _Tracked("  ", ((0, 0), (0, 0)))
        chars, spans = [" "], [self._origin(0, words[0][0])]
        for k, (start, end) in enumerate(words):
            chars.append(self.chars[start:end])
            spans.extend(self.spans[start:end])
            gap_end = words[k + 1][0] if k + 1 < len(words) else len(self.chars)
            chars.append(" ")
            spans.append(self._origin(end, gap_end))
        return _Tracked("".join(chars), tuple(spans))

    def _origin(self, start: int, end: int) -> _Span:
        """The original span behind chars[start:end]; for an empty one, the point where it sits."""
        if end > start:
            return self.spans[start][0], self.spans[end - 1][1]
        at = self.spans[start][0] if start < len(self.spans) else (self.spans[-1][1] if self.spans else 0)
        return at, at


def _normalised_with_origins(text: str) -> _Tracked:
    """`normalize(text)` step by step (keep in step with it), each character knowing where it came from."""
    t = _Tracked(text, tuple((i, i + 1) for i in range(len(text))))
    t = t.per_char(lambda c: unicodedata.normalize("NFKC", c).translate(n._QUOTES).lower())
    if not t.chars.isascii():
        t = t.per_char(lambda c: c.translate(n._LAUGHING))
    if not t.chars.isascii():
        t = t.per_char(n.strip_accents)
    if "'" in t.chars:
        for pattern, replacement in n._CONTRACTIONS:
            t = t.sub(pattern, replacement)
    t = t.sub(n._ELONGATED, r"\1")
    t = t.sub(n._ENGLISH_IM, "i am ")
    t = t.sub(n._NUMBER_PUNCT, "")
    t = t.sub(n._NON_TEXT, " ")
    t = t.sub(n._CLAUSE, " . ")
    t = t.sub(n._WORD_RE, lambda m: n._WORDS.get(m.group(), m.group()))
    return t.squeezed()


def original_words(text: str, norm: str, start: int, end: int) -> str:
    """What the customer wrote behind `norm[start:end]` (`norm` is `normalize(text)`), spaces squeezed.

    Falls back to the normalised words if the replay of `normalize` does not give `norm` back.
    """
    said = norm[start:end].strip()
    tracked = _normalised_with_origins(text)
    if tracked.chars != norm or not said:
        return said
    start += len(norm[start:end]) - len(norm[start:end].lstrip())
    end = start + len(said)
    first, last = tracked.spans[start][0], tracked.spans[end - 1][1]
    while last < len(text) and unicodedata.combining(text[last]):  # an accent typed after its letter (NFD)
        last += 1
    quoted = " ".join("".join(c for c in text[first:last] if unicodedata.category(c) != "Cf").split())
    if len(quoted) > _LONGEST:  # padding the rules never saw (emoji, symbols): the normalised words say it
        return said
    return quoted or said
