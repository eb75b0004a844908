"""Golden checks: the knowledge manager's golden questions run against the current knowledge base,
kept per knowledge-base version, and compared run to run so a change that breaks one is caught.

The evaluation itself is `bot.answering.evaluation.evaluate_answers`; this module only reads its
`questions` and `failures` (ids), so the two can change apart.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.admin.runs import Run, RunsStore, kb_version
from bot.errors import InvalidInput

log = logging.getLogger(__name__)
Evaluate = Callable[[Path], dict[str, Any]]  # golden file -> evaluate_answers' report


@dataclass(frozen=True)
class GoldenOutcome:
    questions: int
    failed: dict[str, str]  # id -> reason
    passed: list[str] = field(default_factory=list)

    @property
    def pass_rate(self) -> float:
        return round(len(self.passed) / self.questions, 4) if self.questions else 0.0


def outcome(report: dict[str, Any], golden: Path) -> GoldenOutcome:
    """Which golden questions passed (every check) and which failed, from an `eval answers` report."""
    failed = {str(f["id"]): str(f.get("reason", "failed")) for f in report.get("failures", [])}
    ids = golden_ids(golden)
    return GoldenOutcome(questions=int(report.get("questions", len(ids))), failed=failed,
                         passed=[i for i in ids if i not in failed])


def golden_ids(golden: Path) -> list[str]:
    """Question ids as `load_golden` gives them (`id`, else the line number)."""
    import json

    ids = []
    for line_no, line in enumerate(golden.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            ids.append(str(row.get("id", line_no)) if isinstance(row, dict) else str(line_no))
    return ids


def regressions(before: GoldenOutcome, after: GoldenOutcome) -> list[str]:
    """Ids that passed before and fail now."""
    return [i for i in before.passed if i in after.failed]


def below(report: dict[str, Any], min_pass: float) -> bool:
    """`eval answers --min-pass`: True when the share of questions passing every check is below it."""
    questions = int(report.get("questions", 0))
    if not questions:
        return True
    return (questions - len(report.get("failures", []))) / questions < min_pass


class GoldenChecks:
    """`POST /admin/api/eval`: one run at a time, in the background, recorded with its KB version."""

    def __init__(self, runs: RunsStore, *, evaluate: Evaluate, golden_file: Path | None,
                 documents: Callable[[], list[Any]]) -> None:
        self._runs = runs
        self._evaluate = evaluate
        self._golden = golden_file
        self._documents = documents
        self._thread: threading.Thread | None = None

    @property
    def golden_file(self) -> Path | None:
        return self._golden

    def start(self) -> Run:
        if self._golden is None or not self._golden.is_file():
            raise InvalidInput("no golden questions file is configured (SUPPORTBOT_ADMIN__GOLDEN_FILE)")
        run = self._runs.start("eval", total=len(golden_ids(self._golden)), kb_version=kb_version(self._documents()))
        if run is None:
            raise InvalidInput("a golden check is already running")
        self._thread = threading.Thread(target=self._run, args=(run, self._golden), name="admin-eval", daemon=True)
        self._thread.start()
        return run

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def history(self, *, limit: int = 20) -> list[Run]:
        return self._runs.history("eval", limit=limit)

    def _run(self, run: Run, golden: Path) -> None:
        previous = next((r for r in self._runs.history("eval", limit=5) if r.status == "done" and r.id != run.id), None)
        try:
            report = self._evaluate(golden)
            now = outcome(report, golden)
        except Exception as exc:
            log.exception("golden check failed")
            self._runs.finish(run.id, status="failed", report={"error": str(exc)})
            return
        broke = []
        if previous is not None:
            before = GoldenOutcome(previous.total, dict(previous.report.get("failed", {})),
                                   list(previous.report.get("passed", [])))
            broke = regressions(before, now)
        summary = {"questions": now.questions, "passed": now.passed, "failed": now.failed, "regressions": broke,
                   "mode": report.get("mode"), "ms_per_question": report.get("ms_per_question")}
        self._runs.finish(run.id, status="done", report=summary, pass_rate=now.pass_rate)
