"""The `supportbot` command line as a knowledge manager meets it: the data folder, names, exit codes, quiet logs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from commands import build_cli
from tests.knowledge_base.kb_fakes import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: object):
    return CliRunner().invoke(build_cli(), [str(a) for a in args])


def test_reading_a_missing_knowledge_base_is_an_error_not_a_new_empty_one(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    for command in (["kb", "list"], ["kb", "search", "bikes"], ["kb", "remove", "a.md"]):
        result = _run(*command, "--data-dir", missing)
        assert result.exit_code == 1 and f"no knowledge base in {missing}" in result.output
    assert not missing.exists()


def test_sync_with_check_fails_when_a_golden_question_breaks(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs")
    data = tmp_path / "data"
    golden = tmp_path / "golden.jsonl"
    golden.write_text(json.dumps({"id": "pickup", "question": "where do I pick up my bike and what do I bring?",
                                  "must_cite": ["rentals/pickup.md"]}) + "\n")
    first = _run("kb", "sync", docs, "--data-dir", data, "--check", golden)
    assert first.exit_code == 0, first.output
    assert f"knowledge base: {data}" in first.stderr and "golden questions: 1 of 1 pass" in first.stdout
    (docs / "rentals/pickup.md").unlink()
    second = _run("kb", "sync", docs, "--data-dir", data, "--check", golden)
    assert second.exit_code == 1, second.output
    assert "  removed: rentals/pickup.md" in second.stdout and "now failing: pickup" in second.stdout
    assert "passed before this sync and fail now" in second.stderr
    listing = _run("kb", "list", "--data-dir", data)
    assert listing.exit_code == 0 and "rentals/pickup.md" not in listing.stdout


def test_eval_answers_exits_1_below_min_pass(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs")
    golden = tmp_path / "golden.jsonl"
    golden.write_text("".join(json.dumps(row) + "\n" for row in [
        {"id": "pickup", "question": "where do I pick up my bike and what do I bring?",
         "must_cite": ["rentals/pickup.md"]},
        {"id": "moon", "question": "do you rent bikes on the moon?", "must_cite": ["rentals/moon.md"]},
    ]))
    low = _run("eval", "answers", "--golden", golden, "--kb", docs, "--min-pass", "0.9", "--data-dir", tmp_path / "d")
    assert low.exit_code == 1 and "fewer than 90%" in low.stderr
    assert json.loads(low.stdout.splitlines()[-1])["questions"] == 2
    ok = _run("eval", "answers", "--golden", golden, "--kb", docs, "--min-pass", "0.5", "--data-dir", tmp_path / "d")
    assert ok.exit_code == 0, ok.output


def test_no_alembic_noise_or_reprs_and_the_data_folder_is_named(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "commands.py", "handoffs", "--data-dir", str(tmp_path / "d")], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Context impl" not in result.stderr and "INFO" not in result.stderr
    assert f"data: {tmp_path / 'd'}" in result.stderr and "0 conversation(s) waiting" in result.stdout


def test_every_command_and_option_has_help() -> None:
    import click

    def walk(command: click.Command, path: str) -> list[str]:
        missing = [] if command.help else [path]
        missing += [f"{path} {p.name}" for p in command.params if isinstance(p, click.Option) and not p.help]
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                missing += walk(sub, f"{path} {name}")
        return missing

    assert walk(build_cli(), "supportbot") == []


def test_eval_triage_scores_legal_and_refuses_unknown_labels_without_a_traceback(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    legal = {"id": "a", "text": "my solicitor will be in touch about this", "expected": "legal"}
    rows.write_text(json.dumps(legal) + "\n")
    scored = _run("eval", "triage", "--input", rows, "--rules-only", "--data-dir", tmp_path / "data")
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["legal"]["support"] == 1
    rows.write_text(json.dumps({"id": "b", "text": "hello", "expected": "refund_please"}) + "\n")
    refused = _run("eval", "triage", "--input", rows, "--data-dir", tmp_path / "data")
    assert refused.exit_code == 1 and "row b" in refused.output and "Traceback" not in refused.output


def test_a_refused_setting_names_its_variable_without_a_traceback(tmp_path: Path) -> None:
    env = {"SUPPORTBOT_BOT__ANSWERING__STRICTNESS": "sometimes", "SUPPORTBOT_BOT__HISTORY_TURNS": "abc"}
    result = CliRunner().invoke(build_cli(), ["--data-dir", str(tmp_path / "data"), "handoffs"], env=env)
    assert result.exit_code == 1
    assert "invalid settings:" in result.output
    assert "SUPPORTBOT_BOT__ANSWERING__STRICTNESS: Value error, strictness must be one of" in result.output
    assert "SUPPORTBOT_BOT__HISTORY_TURNS: Input should be a valid integer" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "data").exists()
