"""Offline answers: the section of the best document that answers, as Markdown.

A one-sentence extract loses the fact as often as it finds it: the price sits in the table row
under the sentence that matched, the country in the list after it. So the answer is the whole
section the best sentences sit in, its heading kept, lists and tables intact, trimmed to a
readable length around what matched. The text stays verbatim: only whole blocks (paragraphs,
lists, tables) are left out, marked with "…", and a long list or table keeps its items nearest
the match (a table always keeps its header).

Words and meaning can disagree on which section answers: an article's intro repeats the
question's words ("This article explains when you can get in") while the section search found
nearest holds the fact ("every day from 6am to 10pm"). When they differ and both fit the length,
both are shown, the words' choice first (`with_search_section`). What continues the chosen section
(its subsections, or the next parts of a plain-text file read at its headings) follows it while it
fits (`_with_continuation`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from bot.answering import extractive, plain_parts
from knowledge_base.results import DocumentHit, Passage

MAX_CHARS = 900  # a section up to this long is shown whole; longer ones are trimmed around the match
MAX_ROWS = 8  # of a long list or table (plus its header), around the row that matched
ELISION = "…"
DENSE_WEIGHT = 1.0  # measured on the dev help centres: 0 -> 0.45 facts said, 1 -> 0.51, 2 -> 0.50, 4 -> 0.49
# A second section longer than the room the first leaves is trimmed around its matching sentences to
# fit, when at least this much room is left (below it, it is left out), and a section holding the kind
# of fact asked for is added when its score reaches this share of the best's (`_kind_holder`). Both
# chosen leave-one-help-centre-out on the 16 dev sets (`benchmarks/section_choice_fit.py`).
MIN_PART = 250
KIND_RATIO = 0.7
# What follows the chosen section (`_with_continuation`): "follow" always, "kind" only when what is
# shown lacks the kind of fact asked for, "none"; with `CHILDREN` 1 a section's subsections follow it
# (and a document's intro, every section after it), 2 the same but not after an intro, 0 none. A
# plain-text section longer than `SPLIT_OVER` is read in parts at its headings (`plain_parts`); one
# that fits is shown whole, as before. All three chosen leave-one-help-centre-out on the 19 dev sets
# (`benchmarks/section_choice_fit.py`): every fold picked follow, 1 and `MAX_CHARS`.
NEIGHBOURS = "follow"
# A long section's trim also keeps the sentence holding the kind of fact asked for (a time, an amount, a
# count) when the best sentences hold none, if it shares at least this many of the question's content
# words (`kind_sentence`); None: off.
KIND_SHARED: int | None = 1
# Characters of the answer kept for search's nearest section when the section chosen by its words leaves
# it no room (`_with_nearest`); None: the nearest is left out then.
NEAREST_ROOM: int | None = 400
# A long list or table is cut to the rows nearest the match that fit the budget, not only to `MAX_ROWS`.
FIT_ROWS = True
CHILDREN = 1
SPLIT_OVER = MAX_CHARS

_POSITION = re.compile(r"::(\d+)$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_SPACE = re.compile(r"\s+")

BlockKind = Literal["paragraph", "list", "table", "heading", "code"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class SectionAnswer:
    """The Markdown of one section, and what it shares with the question."""

    heading: str  # the section's own heading ("" for a document's preamble)
    body: str  # Markdown, verbatim blocks of the section
    score: float  # how well its best sentences answer (see `extractive.best_sentences`)
    support: int  # content words of the question found in the heading and the best sentences
    text: str  # the whole section before trimming (what safety checks read)
    # the first section alone, body and text, when search's nearest section was added after it: what
    # answerability reads, so adding a section never changes what is declined ("" = `body`/`text`)
    own_body: str = ""
    own_text: str = ""

    @property
    def decided_body(self) -> str:
        return self.own_body or self.body

    @property
    def decided_text(self) -> str:
        return self.own_text or self.text


def best_section(question: str, hit: DocumentHit, *, whole: list[Passage] | None = None,
                 max_chars: int = MAX_CHARS) -> SectionAnswer | None:
    """The section of `hit` whose sentences answer `question` best, as trimmed Markdown.

    `whole` holds every chunk of the document (else only the passages search returned are read):
    the section that answers is often not among the few chunks nearest to the question. A section
    search did return counts `DENSE_WEIGHT` times its similarity on top of the shared words.
    """
    candidates = _scored_sections(question, hit, whole)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)  # NOTE: the first of equals (max keeps the earliest)
    answer = best.answer(question, max_chars=max_chars)
    near = [c for c in candidates if c.nearest and c is not best]
    second = None if best.nearest or not near else max(near, key=lambda c: c.score)
    if second is not None:
        answer = _with_nearest(question, answer, best, second, hit.title, max_chars=max_chars)
    holder = _kind_holder(question, candidates, answer)
    if holder is not None:
        answer = with_search_section(answer, holder, hit.title, max_chars=max_chars)
    if NEIGHBOURS == "follow" or (NEIGHBOURS == "kind" and not _holds_kind(question, answer.body)):
        answer = _with_continuation(answer, best, candidates, hit.title, max_chars=max_chars)
    return answer


def _with_nearest(question: str, answer: SectionAnswer, best: _Candidate, nearest: _Candidate, title: str, *,
                  max_chars: int) -> SectionAnswer:
    """`answer` followed by search's nearest section (`with_search_section`); when that leaves it out for
    want of room, the first section is trimmed to leave the nearest `NEAREST_ROOM` characters (or what it
    needs, if less) and the nearest follows, trimmed to fit.

    A long first section chosen by its words ("Extended 30 hours", 863 characters) left 7 characters for
    the section search found nearest in meaning, which held the amount asked for. Off when None.
    """
    longer = with_search_section(answer, nearest, title, max_chars=max_chars)
    if longer is not answer or NEAREST_ROOM is None:
        return longer
    lead = len(f"### {nearest.heading or title}\n\n") + 2
    target = max_chars - lead - min(NEAREST_ROOM, len(nearest.answer("", max_chars=max_chars).body))
    budget = target
    shorter = best.answer(question, max_chars=budget)
    for _ in range(3):  # the trim's "…" and blank lines are not in its budget (see `_trim_within`)
        if len(shorter.body) <= target or budget <= 0:
            break
        budget -= len(shorter.body) - target
        shorter = best.answer(question, max_chars=budget)
    if len(shorter.body) > target:
        return answer
    both = with_search_section(shorter, nearest, title, max_chars=max_chars)
    return answer if both is shorter else both


def _with_continuation(answer: SectionAnswer, best: _Candidate, candidates: list[_Candidate], title: str, *,
                       max_chars: int) -> SectionAnswer:
    """`answer` with the sections that continue `best` (`_continuation`), whole, while they fit.

    A section chosen by its words is often the lead-in of what answers: the intro of a parent
    section ("You pay a refundable deposit of £50") over the subsection with the time asked for,
    or one part of a plain-text file over the part after it. Measured leave-one-help-centre-out
    (`benchmarks/section_choice_fit.py`, 19 dev sets): facts said 461 -> 469 of 825 English
    questions, unanswerable questions shown 43 -> 43, median answer 558 -> 574 characters, p90
    899 -> 882.
    """
    for following in _continuation(best, candidates):
        if following.text in answer.text:
            continue
        longer = with_search_section(answer, following, title, max_chars=max_chars, trimmed=False)
        if longer is answer:
            break
        answer = longer
    return answer


def _continuation(best: _Candidate, candidates: list[_Candidate]) -> list[_Candidate]:
    """What continues `best`, in reading order: the parts after it of its plain-text section, or
    (`CHILDREN`) the subsections under it; under a document's intro, that is every section after it."""
    if best.part is not None:
        group, n = best.part
        return sorted((c for c in candidates if c.part is not None and c.part[0] == group and c.part[1] > n),
                      key=lambda c: c.part or (0, 0))
    if not CHILDREN or (CHILDREN == 2 and not best.section):
        return []
    below = f"{best.section}{plain_parts.SECTION_SEPARATOR}" if best.section else ""
    out = []
    for candidate in candidates[candidates.index(best) + 1:]:
        if candidate.part is not None or not candidate.section.startswith(below):
            break
        out.append(candidate)
    return out


def _holds_kind(question: str, shown: str) -> bool:
    """Whether `shown` holds the kind of fact the question asks for (or it asks for none)."""
    expects = extractive.expected_kind(question)
    return expects is None or extractive.holds_kind(shown, expects)


def _kind_holder(question: str, candidates: list[_Candidate], answer: SectionAnswer) -> _Candidate | None:
    """The best-scored other section holding the kind of fact asked for, when what is shown holds none.

    "how much is the joining fee" chosen by its words can land on the section that explains the fee,
    while the amount sits in a sibling section ("Price and term"). Only a section scoring at least
    `KIND_RATIO` of the best is taken: a stray price elsewhere in the article is not the answer.
    """
    expects = extractive.expected_kind(question)
    if expects is None or extractive.holds_kind(answer.body, expects):
        return None
    floor = KIND_RATIO * max(c.score for c in candidates)
    holders = [c for c in candidates if c.text not in answer.text and c.score >= floor
               and extractive.holds_kind(c.text, expects)]
    return max(holders, key=lambda c: c.score) if holders else None


def kind_sentence(question: str, text: str, chosen: tuple[extractive.Sentence, ...]) -> str | None:
    """The sentence of `text` a trim must keep besides `chosen`: when the question asks for a time, an
    amount or a count (`extractive.expected_kind`) and none of `chosen` holds one, the sentence that holds
    one and shares the most content words with the question (at least `KIND_SHARED`); else None.

    The best sentences are picked by the words they share, so in a long section "how long will the depot
    keep my parcel" lands on "the parcel comes back to us" and the trim keeps its neighbours, leaving out
    "The depot holds it for 7 days" two paragraphs up. Off when `KIND_SHARED` is None.
    """
    expects = extractive.expected_kind(question)
    if KIND_SHARED is None or expects is None or any(
            extractive.holds_kind(s.text, expects) for s in chosen):
        return None
    wanted = extractive.content_words(question)
    best: tuple[int, int] | None = None
    sentences = extractive.split_sentences(text)
    for sentence in sentences:
        if sentence.kind == "header" or not extractive.holds_kind(sentence.text, expects):
            continue
        shared = len(extractive.content_words(sentence.text) & wanted)
        if shared >= KIND_SHARED and (best is None or shared > best[0]):
            best = (shared, sentence.position)
    return sentences[best[1]].text if best is not None else None


@dataclass(frozen=True)
class _Candidate:
    """A section with the sentences that answer best and their score."""

    section: str
    text: str
    sentences: tuple[extractive.Sentence, ...]
    score: float
    nearest: bool = False  # it holds the chunk search found nearest in meaning
    part: tuple[int, int] | None = None  # (section, part) when cut from a plain-text section (`plain_parts`)

    @property
    def heading(self) -> str:
        return self.section.rsplit(" > ", 1)[-1] if self.section else ""

    def answer(self, question: str, *, max_chars: int) -> SectionAnswer:
        wanted = extractive.content_words(question)
        shared = extractive.content_words(" ".join([self.heading, *(s.text for s in self.sentences)])) & wanted
        matched = [s.text for s in self.sentences]
        kept = kind_sentence(question, self.text, self.sentences)
        body = trim(self.text, [*matched, kept] if kept is not None else matched, max_chars=max_chars)
        if kept is not None and len(body) > max_chars:
            # NOTE: the sentence kept for the number asked for can sit in a second long list or table,
            # which `trim` fits to the whole budget on its own: it is kept only where it fits.
            without = trim(self.text, matched, max_chars=max_chars)
            body = without if len(without) < len(body) else body
        return SectionAnswer(heading=self.heading, body=body, score=self.score, support=len(shared), text=self.text)


def _scored_sections(question: str, hit: DocumentHit, whole: list[Passage] | None) -> list[_Candidate]:
    """Every section (or part of a plain-text one, `plain_parts`) with matching sentences, scored by
    them plus `DENSE_WEIGHT` times search's similarity for it."""
    topic = frozenset(extractive.content_words(hit.title))
    first = hit.passages[0] if hit.passages else None
    docx = plain_parts.file_type(hit.source) == plain_parts.DOCX
    out = []
    for group, (section, text) in enumerate(sections_of(whole or hit.passages)):
        text = plain_parts.piped_tables(text) if docx else text
        split = len(text) > SPLIT_OVER and plain_parts.reads_in_parts(hit.source, section)
        parts = plain_parts.plain_parts(section, text) if split else [plain_parts.Part(section, text)]
        for n, part in enumerate(parts):
            own = [p for p in hit.passages if p.section == section and (len(parts) == 1 or plain_parts.holds(p, part))]
            sentences, score = extractive.best_sentences(question, part.text, part.section, topic=topic)
            if sentences:
                score += DENSE_WEIGHT * max([0.0, *(p.score for p in own)])
                out.append(_Candidate(part.section, part.text, tuple(sentences), score, nearest=first in own,
                                      part=(group, n) if len(parts) > 1 else None))
    return out


def with_search_section(answer: SectionAnswer, nearest: _Candidate, title: str, *, max_chars: int,
                        trimmed: bool = True) -> SectionAnswer:
    """`answer` followed by the section search found nearest in meaning, when both fit `max_chars`.

    Measured on the development help centres (`benchmarks/passage_choice.py`): of the answers
    from the right document that missed the fact, 7 of 15 held it in search's nearest section;
    showing it as well lost none and moved the median answer from 427 to 479 characters (p90
    unchanged, as a long first section leaves no room). `support` stays the first section's, so
    what answerability decides does not change. The second section keeps its heading (a
    document's intro, which has none, is headed by the document's title). One too long for the
    room left is trimmed around its own matching sentences to fit, when `MIN_PART` is left.
    Called again for a third section, the first section alone stays what answerability reads.

    A relevance check on search's nearest section (shown only when its score reaches a share of
    the first's) was measured and rejected: on the 16 dev sets every floor from 0.5 to 0.9 lost
    facts (392 -> 388..376 of 681 English questions) for 10-40 characters of median length.
    """
    heading = nearest.heading or title
    lead = f"### {heading}\n\n" if heading else ""
    room = max_chars - len(answer.body) - 2 - len(lead)
    extra = nearest.answer("", max_chars=max_chars).body
    if trimmed and len(extra) > room and room >= MIN_PART:
        extra = _trim_within(nearest.text, [s.text for s in nearest.sentences], room)
    if len(extra) > room:
        return answer
    return replace(answer, body=f"{answer.body}\n\n{lead}{extra}", text=f"{answer.text}\n\n{nearest.text}",
                   own_body=answer.decided_body, own_text=answer.decided_text)


def _trim_within(text: str, matched: list[str], room: int, *, tries: int = 3) -> str:
    """`trim` of `text` that fits `room`: the trim budgets its blocks, not the "…" and blank lines it adds
    between them, so a part trimmed to the room can overshoot it by a few characters and be left out
    (search's nearest section, "Reservations close 20 minutes before the train leaves", 343 characters
    for a room of 339). Trimmed again to a budget smaller by the overshoot, a few times at most."""
    budget = room
    extra = trim(text, matched, max_chars=budget)
    for _ in range(tries):
        if len(extra) <= room or budget <= 0:
            break
        budget -= len(extra) - room
        extra = trim(text, matched, max_chars=budget)
    return extra


def sections_of(passages: list[Passage]) -> list[tuple[str, str]]:
    """(section path, text) of the passages, chunks of one section joined in reading order.

    Chunks of a long section overlap a little (the splitter's overlap): the repeated start of a
    chunk is dropped so no line appears twice.
    """
    grouped: dict[str, list[tuple[int, str]]] = {}
    for passage in passages:
        match = _POSITION.search(passage.chunk_id)
        position = int(match.group(1)) if match else 0
        grouped.setdefault(passage.section, []).append((position, passage.text.strip()))
    out = []
    for section, parts in grouped.items():
        parts.sort()
        text = parts[0][1]
        for _position, part in parts[1:]:
            text = _join_overlapping(text, part)
        out.append((section, text))
    return out


def trim(text: str, matched: list[str], *, max_chars: int = MAX_CHARS) -> str:
    """`text` whole when short enough; else the blocks holding `matched` sentences and their
    neighbours, nearest first, with "…" where blocks were left out."""
    blocks = split_blocks(text)
    if not blocks:
        return ""
    if len(text) <= max_chars:
        return text.strip()
    hits = [i for i, b in enumerate(blocks) if any(_contains(b.text, s) for s in matched)] or [0]
    keep: dict[int, str] = {}
    used = 0
    for i in hits:
        shown = _fit_block(blocks[i], matched, max_chars)
        keep[i] = shown
        used += len(shown)
    # The intro a list or table needs ("To return an item:"), then neighbours, nearest first.
    for i in list(hits):
        if i > 0 and blocks[i].kind in ("list", "table") and blocks[i - 1].kind == "paragraph" and i - 1 not in keep:
            keep[i - 1] = blocks[i - 1].text
            used += len(blocks[i - 1].text)
    order = sorted(range(len(blocks)), key=lambda j: (min(abs(j - h) for h in hits), j))
    for j in order:
        if j in keep or blocks[j].kind == "heading":
            continue
        size = len(blocks[j].text)
        if used + size > max_chars:
            continue
        keep[j] = blocks[j].text
        used += size
    return _assemble(blocks, keep)


def split_blocks(text: str) -> list[Block]:
    """Markdown blocks: paragraphs, lists (with their continuation lines), tables, headings, code."""
    blocks: list[Block] = []
    kind: BlockKind | None = None
    lines: list[str] = []
    fenced = False

    def flush() -> None:
        nonlocal kind
        if kind is not None and lines:
            blocks.append(Block(kind, tuple(lines)))
        lines.clear()
        kind = None

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("```"):
            if fenced:
                lines.append(line)
                fenced = False
                flush()
                continue
            flush()
            fenced, kind = True, "code"
            lines.append(line)
            continue
        if fenced:
            lines.append(line)
            continue
        if not stripped:
            flush()
            continue
        this: BlockKind
        if stripped.startswith("#"):
            this = "heading"
        elif stripped.startswith("|"):
            this = "table"
        elif _BULLET.match(line):
            this = "list"
        elif kind == "list":
            this = "list"  # a continuation of the item above (indented or, as Markdown allows, not)
        else:
            this = "paragraph"
        if this != kind or this == "heading":
            flush()
            kind = this
        lines.append(line)
    flush()
    return blocks


def _fit_block(block: Block, matched: list[str], max_chars: int) -> str:
    """A matched block as shown: whole, or a long list/table cut to the rows around the match."""
    if len(block.text) <= max_chars * 2 // 3 or block.kind in ("paragraph", "heading", "code"):
        if block.kind == "paragraph" and len(block.text) > max_chars:
            return _sentences_around(block.text, matched, max_chars)
        return block.text
    lines = list(block.lines)
    header: list[str] = []
    if block.kind == "table" and len(lines) >= 2 and _TABLE_RULE.match(lines[1].strip()):
        header, lines = lines[:2], lines[2:]
    elif block.kind == "list":
        lines = _items(lines)
    centre = next((i for i, line in enumerate(lines) if any(_contains(line, s) for s in matched)), 0)
    start = max(0, min(centre - MAX_ROWS // 2, len(lines) - MAX_ROWS))
    end = min(len(lines), start + MAX_ROWS)
    if FIT_ROWS:
        start, end = _rows_within(lines, header, centre, start, end, max_chars)
    out = header + ([ELISION] if start > 0 and block.kind == "list" else []) + lines[start:end]
    if end < len(lines) and block.kind == "list":
        out.append(ELISION)
    return "\n".join(out)


def _rows_within(lines: list[str], header: list[str], centre: int, start: int, end: int,
                 max_chars: int) -> tuple[int, int]:
    """`lines[start:end]` narrowed, the row farthest from `centre` first, until it and the header fit
    `max_chars` (the row that matched always stays). Eight rows of a wide table can be longer than the
    room a second section has, and then the whole section was left out with the row asked for."""
    def size(a: int, b: int) -> int:
        return sum(len(line) + 1 for line in [*header, *lines[a:b]]) + 4

    while end - start > 1 and size(start, end) > max_chars:
        if centre - start >= end - 1 - centre:
            start += 1
        else:
            end -= 1
    return start, end


def _items(lines: list[str]) -> list[str]:
    """List lines with each item's continuation lines folded into it."""
    items: list[str] = []
    for line in lines:
        if items and not _BULLET.match(line):
            items[-1] += "\n" + line
        else:
            items.append(line)
    return items


def _sentences_around(text: str, matched: list[str], max_chars: int) -> str:
    sentences = [s.text for s in extractive.split_sentences(text)]
    centre = next((i for i, s in enumerate(sentences) if any(_contains(s, m) or _contains(m, s) for m in matched)), 0)
    if len(sentences[centre]) > max_chars:
        # NOTE: a "sentence" past the budget (a paragraph with no sentence ends, a table loaded one cell
        # per line) was shown whole: a 5,000-row page gave a 368 KB answer. Its start is shown instead.
        lead = f"{ELISION} " if centre > 0 else ""
        return f"{lead}{sentences[centre][:max_chars].rsplit(' ', 1)[0]} {ELISION}"
    picked = [centre]
    lo, hi = centre - 1, centre + 1
    while lo >= 0 or hi < len(sentences):
        for j in (hi, lo):
            if 0 <= j < len(sentences) and sum(len(sentences[k]) for k in picked) + len(sentences[j]) <= max_chars:
                picked.append(j)
        lo, hi = lo - 1, hi + 1
    picked.sort()
    out = " ".join(sentences[k] for k in picked)
    if picked[0] > 0:
        out = f"{ELISION} {out}"
    if picked[-1] < len(sentences) - 1:
        out = f"{out} {ELISION}"
    return out


def _assemble(blocks: list[Block], keep: dict[int, str]) -> str:
    parts: list[str] = []
    skipped = 0 not in keep
    for i in range(len(blocks)):
        if i in keep:
            if skipped:
                parts.append(ELISION)
            parts.append(keep[i])
            skipped = False
        else:
            skipped = True
    if skipped and parts:
        parts.append(ELISION)
    return "\n\n".join(parts)


def _contains(block: str, sentence: str) -> bool:
    return _norm(sentence) in _norm(block)


def _norm(text: str) -> str:
    lines = (_BULLET.sub("", line) for line in text.splitlines())
    return _SPACE.sub(" ", " ".join(lines)).strip().lower()


def _join_overlapping(first: str, second: str) -> str:
    """`first` + `second` without the text they share (the end of one is the start of the other)."""
    longest = min(len(first), len(second), 400)
    for size in range(longest, 0, -1):
        if first.endswith(second[:size]) and (size >= 20 or _whole_lines(first, second, size)):
            return first + second[size:]
    return f"{first}\n\n{second}"


def _whole_lines(first: str, second: str, size: int) -> bool:
    """A short overlap counts only when it is whole lines of both (a heading the splitter repeated),
    never a few characters that merely happen to match."""
    return (len(first) == size or first[-size - 1] == "\n") and (len(second) == size or second[size] == "\n")
