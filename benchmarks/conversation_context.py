"""Follow-ups and topic shifts through the bot's whole turn: what is said, what it costs in searches.

Indexes each development help centre once (English only: no cross-lingual vectors), asks every
multi-turn case of its `conversations.jsonl` and `conversations_dev2.jsonl` in a new conversation,
and prints per kind the fact said, the right document cited first and wrong answers, beside the
searches a turn ran and the milliseconds it spent searching. With `--compare REF`, the context
module of git revision REF (`bot/answering/context.py`) is run in the same process, interleaved with
the working tree's, `--repeat` times, so the costs are compared on the same machine load.

    python benchmarks/conversation_context.py [--only NAME] [--compare main] [--repeat 3] [--failures]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from answers_quality import CONVERSATION_FILES, help_centres  # noqa: E402

from bot.answering.evaluation import Verdict, ask_case, summarize  # noqa: E402
from bot.answering.golden import load_conversations  # noqa: E402
from knowledge_base.results import SearchResult  # noqa: E402

FIGURES = ("fact_said", "cited_first", "wrong_answers", "declined_unanswerable")


class CountingSearch:
    """The knowledge base, counting searches and the time they take (everything else passes through)."""

    def __init__(self, kb: Any) -> None:
        self._kb = kb
        self.calls = 0
        self.seconds = 0.0

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        started = time.perf_counter()
        try:
            return self._kb.search(query, k=k)  # type: ignore[no-any-return]
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kb, name)


def old_context(ref: str) -> Callable[..., Any]:
    """`contextual_search` as git revision `ref` has it, loaded beside the working tree's."""
    source = subprocess.run(["git", "show", f"{ref}:bot/answering/context.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp(prefix="context-ref-")) / "context_ref.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("context_ref", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["context_ref"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.contextual_search  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="one help centre by name")
    parser.add_argument("--compare", help="git revision whose context.py runs interleaved with this one")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--conversations", choices=["all", *CONVERSATION_FILES], default="all")
    parser.add_argument("--failures", action="store_true", help="print every failed turn")
    args = parser.parse_args()

    import bot.turn
    from commands import _throwaway
    from server import build_knowledge_base, build_services
    from settings import Settings

    variants: dict[str, Callable[..., Any]] = {"new": bot.turn.contextual_search}
    if args.compare:
        variants = {"old": old_context(args.compare), **variants}
    verdicts: dict[str, list[tuple[str, Verdict]]] = defaultdict(list)
    costs: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for name, docs, _golden, files in help_centres(holdout=False, which=args.conversations):
        if (args.only and name != args.only) or not files:
            continue
        cases = [c for f in files for c in load_conversations(f)]
        with tempfile.TemporaryDirectory(prefix="conversation-context-") as tmp:
            settings = _throwaway(Settings(), Path(tmp))
            kb = build_knowledge_base(settings)
            kb.sync(docs)
            counting = CountingSearch(kb)
            services = build_services(settings, knowledge_base=counting)
            try:
                for rep in range(args.repeat):
                    for label, contextual in variants.items():
                        bot.turn.contextual_search = contextual  # type: ignore[attr-defined]
                        for case in cases:
                            calls, seconds = counting.calls, counting.seconds
                            started = time.perf_counter()
                            turns = ask_case(services.bot, case)
                            elapsed = time.perf_counter() - started
                            costs[label]["searches"].append((counting.calls - calls) / len(turns))
                            # the first turn runs one search whatever the context code does
                            costs[label]["later_searches"].append((counting.calls - calls - 1) / (len(turns) - 1))
                            costs[label]["search_ms"].append((counting.seconds - seconds) * 1000 / len(turns))
                            costs[label]["turn_ms"].append(elapsed * 1000 / len(turns))
                            if rep == 0:
                                verdicts[label] += [(name, v) for v in turns]
            finally:
                bot.turn.contextual_search = variants["new"]  # type: ignore[attr-defined]
                services.close()
    summary: dict[str, Any] = {}
    for label in variants:
        rows = verdicts[label]
        out: dict[str, Any] = {}
        for kind in ("follow_up", "topic_shift"):
            s = summarize([v for _n, v in rows if v.kind == kind], failures=False)
            out[kind] = {f: s[f] for f in FIGURES} | {"turns": s["questions"]}
            # NOTE: a first turn has no history: only the later ones measure the context code.
            s = summarize([v for _n, v in rows if v.kind == kind and not v.id.endswith("#1")], failures=False)
            out[f"{kind}_later_turns"] = {f: s[f] for f in FIGURES} | {"turns": s["questions"]}
        per_kb = {}
        for kb_name in sorted({n for n, _v in rows}):
            s = summarize([v for n, v in rows if n == kb_name], failures=False)
            per_kb[kb_name] = {f: s[f] for f in ("fact_said", "wrong_answers")}
        out["per_kb"] = per_kb
        out["searches_per_turn"] = round(statistics.fmean(costs[label]["searches"]), 3)
        out["searches_per_later_turn"] = round(statistics.fmean(costs[label]["later_searches"]), 3)
        out["search_ms_per_turn_median"] = round(statistics.median(costs[label]["search_ms"]), 2)
        out["turn_ms_per_turn_median"] = round(statistics.median(costs[label]["turn_ms"]), 2)
        summary[label] = out
        print(f"== {label}")
        for key, value in out.items():
            print(f"  {key}: {value}")
        if args.failures:
            for kb_name, v in rows:
                reason = v.failure()
                if reason:
                    print(f"  FAIL {kb_name} {v.id} [{v.kind}] {v.question!r}: {reason}; cited {v.cited[:2]}")
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
