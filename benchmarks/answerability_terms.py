"""Does the shown section hold the one thing asked? Word signals added to `answerability_rows.py`'s rows.

The wrong answers left are confident matches whose section shares the question's common words but
not the thing asked ("can I connect the app to Alexa" against the app page). Two ways to tell, each
added to the rows so that `answerability_fit.py` can replay rules on them leave-one-centre-out
(families `rare`, `ablated`, `ablated_rare`):

- *the rarest word* (per row's sections `p` and `w`): `rare_missing`, the question's rarest word in
  the help centre (idf over its sections; a one-edit typo read as the word it misspells) is not in
  the title, heading or shown part (an inflection counts: the first `PREFIX` letters);
  `rare2_missing`, how many of its two rarest are not; `rare_idf`, the rarest one's idf over the
  centre's largest; `foreign`, words the centre never uses, nor an inflection or a typo of one.
- *leaving a word out* (per row, the section the answerer shows, English rows it answers today):
  for each word of the question the shown part lacks, the embedder's similarity of the question to
  the shown part, minus that of the question without the word. `neg_delta` is the largest drop
  below zero (the section reads more like the question *without* the word), `neg_rare` the same over
  words with `rare_idf` >= 0.7, `neg_foreign` over words the centre never uses; `gap` the largest
  (importance of the word to the question) - (its share of the similarity to the section).

    python benchmarks/answerability_terms.py ROWS.jsonl --out ROWS_WITH_TERMS.jsonl
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answerability_fit import outcome, product, section  # noqa: E402
from answerability_signals import centre_index  # noqa: E402
from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)

from bot.answering.left_out import ArrayEmbedder, lacked_words, unit_vectors  # noqa: E402  (the product's reading)
from knowledge_base import lexical  # noqa: E402

PREFIX = lexical.PREFIX  # letters two words must share to count as inflections of one another
RARE = 0.7  # `neg_rare` reads words at least this rare (idf over the centre's largest)
Row = dict[str, Any]


@dataclass(frozen=True)
class Vocabulary:
    """A help centre's words and their idf over its sections."""

    idf: Mapping[str, float]
    prefixes: frozenset[str]
    max_idf: float

    @classmethod
    def from_frequencies(cls, frequencies: Mapping[str, int], size: int) -> Vocabulary:
        """From each term's count of sections using it (`LexicalIndex.frequencies`) and the count of sections."""
        idf = {t: math.log1p((size - df + 0.5) / (df + 0.5)) for t, df in frequencies.items()}
        return cls(idf=idf, prefixes=frozenset(t[:PREFIX] for t in idf if len(t) >= PREFIX),
                   max_idf=math.log1p((size + 0.5) / 0.5))

    def known(self, term: str) -> str | None:
        """The centre's spelling of `term`: itself, the most used word one edit away (a typo, as search
        corrects it), or None."""
        if term in self.idf:
            return term
        fixes = [t for t in _edits1(term) if t in self.idf] if len(term) >= 5 else []
        return min(fixes, key=lambda t: (self.idf[t], t)) if fixes else None

    def rarity(self, term: str) -> float:
        """The term's idf over the centre's largest; 1.0 for a word the centre never uses."""
        spelled = self.known(term)
        return self.idf[spelled] / self.max_idf if spelled is not None else 1.0

    def foreign(self, term: str) -> bool:
        """Neither the term, a typo of a word the centre uses, nor an inflection of one."""
        return self.known(term) is None and (len(term) < PREFIX or term[:PREFIX] not in self.prefixes)

    def check(self, question: str, shown: str) -> dict[str, float | int | bool]:
        """How `shown` (title, heading and the part shown) holds the question's rarest words."""
        ranked: list[tuple[float, str]] = []
        foreign = 0
        for term in dict.fromkeys(lexical.terms(question)):
            spelled = self.known(term)
            if spelled is not None:
                ranked.append((self.idf[spelled], spelled))
            elif self.foreign(term):
                foreign += not term.isdigit()
        ranked.sort(reverse=True)
        top = [t for _, t in ranked[:2]]
        return {"rare_missing": bool(top) and lacks(shown, top[0]), "rare2_missing": sum(lacks(shown, t) for t in top),
                "rare_idf": ranked[0][0] / self.max_idf if ranked else 0.0, "foreign": foreign}


def lacks(shown: str, term: str) -> bool:
    """Whether `shown` holds neither `term` nor an inflection of it."""
    held = set(lexical.terms(shown))
    return term not in held and not (len(term) >= PREFIX and any(t[:PREFIX] == term[:PREFIX] for t in held))


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    return deletes | transposes | replaces | {a + c + b for a, b in splits for c in letters}


def left_out(embedder: ArrayEmbedder, vocabulary: Vocabulary, question: str, shown: str) -> dict[str, float]:
    """`neg_delta`, `neg_rare`, `neg_foreign` and `gap` (see the module docstring) for one answer."""
    words = [(word, vocabulary.rarity(lexical.terms(word)[0])) for word in lacked_words(question, shown)]
    vectors = unit_vectors(question, shown, [w for w, _ in words], embedder)
    similarity = float(vectors[0] @ vectors[1])
    drops = [(similarity - float(v @ vectors[1]), 1.0 - float(v @ vectors[0]), rare)
             for v, (_w, rare) in zip(vectors[2:], words, strict=True)]
    return {"neg_delta": max([-d for d, _, _ in drops], default=0.0),
            "neg_rare": max([-d for d, _, r in drops if r >= RARE], default=0.0),
            "neg_foreign": max([-d for d, _, r in drops if r >= 1.0], default=0.0),
            "gap": max([i - d for d, i, _ in drops], default=0.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from knowledge_base.embeddings import make_embedder
    from server import Settings

    embedder, _model = make_embedder(Settings().kb)
    rows: list[Row] = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    vocabularies: dict[str, Vocabulary] = {}
    titles: dict[str, dict[str, str]] = {}
    for name, docs, _golden, _c in help_centres(holdout=False):
        index, titles[name] = centre_index(docs)
        vocabularies[name] = Vocabulary.from_frequencies(index.frequencies(), index.size)
    for row in rows:
        if row["kb"] not in vocabularies or "top" not in row:
            continue
        vocabulary, title = vocabularies[row["kb"]], titles[row["kb"]].get(row["top"], "")
        for kind in ("p", "w"):
            if row.get(kind) is not None:
                part = row[kind]
                part.update(vocabulary.check(row["question"], f"{title}\n{part['heading']}\n{part['body']}"))
        shown = section(row)
        answered = shown is not None and outcome(row, product(row, {})) in ("ok", "fact_missing", "wrong")
        if row["lang"] == "en" and shown is not None and answered:
            row.update(left_out(embedder, vocabulary, row["question"],
                                f"{title}\n{shown['heading']}\n{shown['body']}"))
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
