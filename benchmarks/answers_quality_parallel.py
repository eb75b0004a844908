"""`answers_quality.py`'s per-centre evals of one code tree, run by several workers that share the
list, each report saved as JSON as soon as it finishes; then two saved runs compared per centre.

On a loaded machine a whole run took over 90 minutes and printed nothing until the end; started
three times per tree, workers claim centres one by one (an exclusive file per centre), so a run
can be stopped, resumed and compared while it goes. The commands are the same as
`answers_quality.py`'s (`supportbot eval answers --kb DOCS --golden G --conversations C`), dev sets
only.

    python benchmarks/answers_quality_parallel.py run TREE OUT      # once per worker
    python benchmarks/answers_quality_parallel.py compare OUT_A OUT_B
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

COLUMNS = ("fact_said_english", "cited_first", "answered", "declined_unanswerable", "wrong_answers")


def run(tree: Path, out: Path) -> None:
    """Evaluate every dev centre of `tree` not yet claimed by another worker, reports into `out`."""
    sys.path.insert(0, str(tree / "benchmarks"))
    import answers_quality as aq

    out.mkdir(parents=True, exist_ok=True)
    for name, docs, golden, conversations in aq.help_centres(holdout=False, root=tree):
        try:
            os.close(os.open(out / f"{name}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        report = aq.run(docs, golden, aq.joined(conversations, out / f"{name}.conversations.jsonl"))
        (out / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")


def compare(first: Path, second: Path) -> None:
    """Counts per centre (first -> second, `*` where they differ) and pooled rates of both runs."""
    import answers_quality as aq

    reports = [{p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(d.glob("*.json"))}
               for d in (first, second)]
    names = [n for n in reports[0] if n in reports[1]]
    print(f"{'knowledge base':22}" + "".join(f"{c[:22]:>26}" for c in COLUMNS))
    for name in names:
        cells = []
        for column in COLUMNS:
            (a, n), (b, _) = (_count(aq, r[name], column) for r in reports)
            cells.append(f"{a}/{n} -> {b}/{n}" + (" *" if a != b else ""))
        print(f"{name:22}" + "".join(f"{c:>26}" for c in cells))
    pooled = [aq.pool([r[n] for n in names]) for r in reports]
    print(f"{'ALL (pooled)':22}" + "".join(f"{pooled[0][c]:.3f} -> {pooled[1][c]:.3f}".rjust(26) for c in COLUMNS))
    print(f"sets compared: {len(names)}")


def _count(aq: Any, report: dict[str, Any], column: str) -> tuple[int, int]:
    n = aq._counts(report)[aq.POOLED[column]]
    return round((report.get(column) or 0) * n), n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["run", "compare"])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args.first.resolve(), args.second.resolve())
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        compare(args.first, args.second)


if __name__ == "__main__":
    main()
