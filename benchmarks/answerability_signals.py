"""What each signal would cut among the answers the product's rule shows, right ones against wrong ones.

For the English rows of `answerability_rows.py` that `answerability.RULE` answers, split by path
(*answerable*: search scored the top company document at the threshold or above; *near*: a near
miss), it prints how many answers that said the fact (ok), missed it (fm), answered an unanswerable
question (wU) or cited the wrong document (wD) fall below each cut of each signal:

- `section_score`: how well the shown section's best sentences match the question;
- `section_share`: the share of the question's content words in the title, heading and section;
- `margin`: the top document's score minus the next one's;
- `key_coverage`: the idf-weighted share of the question's known words in the title, heading and
  shown part (idf over the help centre's sections, as search's keyword index counts them);
- `unknown_share`: search's share of the question's words the help centre never uses (above the cut).

A signal worth a rule removes several wrong answers per right one lost; this prints the counts so
that can be read, it chooses nothing (`answerability_fit.py` chooses, leave-one-help-centre-out).

    python benchmarks/answerability_signals.py ROWS.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from answerability_fit import outcome, product, section  # noqa: E402
from answers_quality import help_centres  # noqa: E402  (its list of hold-outs is the one list)

from knowledge_base import lexical  # noqa: E402
from knowledge_base.documents import is_supported, load_document  # noqa: E402
from knowledge_base.errors import KnowledgeBaseError  # noqa: E402

Row = dict[str, Any]


def centre_index(docs: Path) -> tuple[lexical.LexicalIndex, dict[str, str]]:
    """A keyword index over a help centre's sections (title and text) and its documents' titles."""
    texts: list[str] = []
    titles: dict[str, str] = {}
    for path in sorted(docs.rglob("*")):
        if not path.is_file() or not is_supported(path):
            continue
        try:
            doc = load_document(path, source=path.relative_to(docs).as_posix())
        except KnowledgeBaseError:
            continue
        titles[doc.id] = doc.title
        texts += [f"{doc.title}\n{s.text}" for s in doc.sections]
    return lexical.LexicalIndex(texts), titles


def key_coverage(index: lexical.LexicalIndex, question: str, shown: str) -> float:
    """The idf-weighted share of the question's words the help centre knows that `shown` holds."""
    held = set(lexical.terms(shown))
    weights = {w: index.idf(w) for w in set(lexical.terms(question))}
    known = {w: i for w, i in weights.items() if i is not None}
    total = sum(known.values())
    return sum(i for w, i in known.items() if w in held) / total if total else 1.0


def label(row: Row, result: str) -> str:
    if result == "ok":
        return "ok"
    if result == "fact_missing":
        return "fm"
    return "wU" if not row["answerable_q"] else "wD"


SIGNALS: dict[str, tuple[Callable[[Row], float], tuple[float, ...], bool]] = {
    "section_score": (lambda r: section(r)["section_score"], (2.0, 2.5, 2.8, 3.0, 3.5), False),
    "section_share": (lambda r: section(r)["section_share"], (0.3, 0.4, 0.5, 0.6), False),
    "margin": (lambda r: r["score"] - r["second"], (0.2, 0.3, 0.4, 0.5), False),
    "key_coverage": (lambda r: r["key_coverage"], (0.3, 0.4, 0.5, 0.6), False),
    "unknown_share": (lambda r: r["unknown_share"], (0.2, 0.3, 0.4, 0.5), True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    indexes = {name: centre_index(docs) for name, docs, _golden, _c in help_centres(holdout=False)}
    shown: list[tuple[str, str, Row]] = []  # (path, label, row) of every English answer the rule shows
    for row in rows:
        if row["lang"] != "en" or row["kb"] not in indexes:
            continue
        result = outcome(row, product(row, {}))
        if result not in ("ok", "fact_missing", "wrong"):
            continue
        index, titles = indexes[row["kb"]]
        part = section(row)
        assert part is not None  # an answer was shown
        text = f"{titles.get(row['top'], '')}\n{part['heading']}\n{part['body']}"
        row = {**row, "key_coverage": key_coverage(index, row["question"], text),
               "unknown_share": index.unknown_share(row["question"])}
        answerable = row["search_answerable"] and row["top_official_first"]
        shown.append(("answerable" if answerable else "near", label(row, result), row))
    for path in ("answerable", "near"):
        part_rows = [(lab, r) for p, lab, r in shown if p == path]
        totals = {k: sum(lab == k for lab, _ in part_rows) for k in ("ok", "fm", "wU", "wD")}
        print(f"{path}: shown {totals}")
        for name, (value, cuts, above) in SIGNALS.items():
            for cut in cuts:
                cut_rows = [lab for lab, r in part_rows if (value(r) > cut if above else value(r) < cut)]
                counts = {k: cut_rows.count(k) for k in ("ok", "fm", "wU", "wD")}
                wrong = counts["wU"] + counts["wD"]
                ratio = f"{wrong / counts['ok']:.2f}" if counts["ok"] else "-"
                print(f"  {name} {'>' if above else '<'} {cut:<4}  cuts {counts}  wrong per fact lost {ratio}")


if __name__ == "__main__":
    main()
