"""The `kb` click group through CliRunner: summaries, failures, exit codes, list and search output."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from kb_fakes import write_corpus

from knowledge_base.cli import make_kb_group
from knowledge_base.service import KnowledgeBase


@pytest.fixture
def run(kb: KnowledgeBase):
    group = make_kb_group(lambda: kb)
    runner = CliRunner()
    return lambda *args: runner.invoke(group, [str(a) for a in args])


def test_sync_names_what_changed_and_exits_1_when_a_file_failed(run, docs_dir: Path) -> None:
    write_corpus(docs_dir, {"scan.pdf": b"%PDF-1.4 broken"})
    result = run("sync", docs_dir)
    assert result.exit_code == 1, result.output  # the others were indexed, but something needs a look
    assert "added 4, updated 0, removed 0, unchanged 0, failed 1" in result.stdout
    assert "  added: rentals/pickup.md" in result.stdout and "  added: about.html" in result.stdout
    assert "failed: scan.pdf: broken PDF" in result.stdout
    assert "1 file(s) could not be indexed" in result.stderr and "knowledge base: " in result.stderr
    (docs_dir / "scan.pdf").unlink()
    (docs_dir / "about.html").unlink()
    (docs_dir / "billing/refunds.txt").write_text("Refunds\n\nRefunds take ten days now.\n")
    again = run("sync", docs_dir)
    assert again.exit_code == 0, again.output
    assert "added 0, updated 1, removed 1, unchanged 2, failed 0" in again.stdout
    assert "  updated: billing/refunds.txt" in again.stdout and "  removed: about.html" in again.stdout


def test_sync_indexes_hand_written_front_matter_and_says_what_to_fix(run, kb: KnowledgeBase, docs_dir: Path) -> None:
    write_corpus(docs_dir, {"ill.md": "---\ntitle: Illness: when to stay home\n---\nStay home for 48 hours.\n"})
    result = run("sync", docs_dir)
    assert result.exit_code == 0, result.output  # indexed: a warning, not a failure
    assert "added 5, updated 0, removed 0, unchanged 0, failed 0" in result.stdout
    assert "  warning: ill.md: front matter is not valid YAML" in result.stdout
    assert "Illness: when to stay home" in {d.title for d in kb.documents()}
    # The file is unchanged: the next sync, and `kb list`, still say what to fix until it is fixed.
    again = run("sync", docs_dir)
    assert "unchanged 5" in again.stdout and "  warning: ill.md: front matter is not valid YAML" in again.stdout
    assert "warning: ill.md: front matter is not valid YAML" in run("list").stdout
    (docs_dir / "ill.md").write_text('---\ntitle: "Illness: when to stay home"\n---\nStay home for 48 hours.\n')
    fixed = run("sync", docs_dir)
    assert "updated 1" in fixed.stdout and "warning:" not in fixed.stdout
    assert "warning:" not in run("list").stdout and all(not d.warnings for d in kb.documents())


def test_progress_is_plain_lines_when_not_on_a_terminal(run, docs_dir: Path) -> None:
    result = run("sync", docs_dir)
    assert "indexing files: 4/4" in result.stderr and "\r" not in result.stderr


def test_sync_exits_non_zero_when_everything_failed(run, tmp_path: Path) -> None:
    bad = write_corpus(tmp_path / "bad", {"a.pdf": b"%PDF broken", "b.exe": b"MZ\x00"})
    result = run("sync", bad)
    assert result.exit_code == 1 and "failed 2" in result.output


def test_sync_of_missing_or_empty_folder_is_a_clear_error(run, tmp_path: Path) -> None:
    assert run("sync", tmp_path / "nope").exit_code == 2
    (tmp_path / "empty").mkdir()
    result = run("sync", tmp_path / "empty")
    assert result.exit_code == 1 and "refusing to empty" in result.output and "Traceback" not in result.output


def test_sync_reindex(run, docs_dir: Path) -> None:
    run("sync", docs_dir)
    result = run("sync", docs_dir, "--reindex")
    assert result.exit_code == 0 and "added 4" in result.output


def test_add_list_remove(run, docs_dir: Path) -> None:
    result = run("add", docs_dir / "rentals/pickup.md", docs_dir / "about.html", "--root", docs_dir)
    assert result.exit_code == 0 and "added 2" in result.output
    listing = run("list")
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "CHUNKS", "VERSION", "UPDATED"]
    assert lines[1].startswith("about.html") and "About Pedalo Rentals" in lines[1]
    assert lines[2].startswith("rentals/pickup.md") and " 3 " in lines[2]
    assert lines[-1] == "2 documents, 5 chunks"
    assert run("remove", "about.html").stdout.strip() == "removed 1 of 1"
    missing = run("remove", "about.html")
    assert missing.exit_code == 1 and "none of these ids" in missing.output
    assert "about.html" not in run("list").output


def test_list_empty_and_json(run, docs_dir: Path) -> None:
    assert "No documents" in run("list").output
    run("sync", docs_dir)
    import json

    rows = [json.loads(line) for line in run("list", "--json").stdout.splitlines()]
    assert [r["id"] for r in rows][:1] == ["about.html"] and set(rows[0]) >= {"title", "chunks", "version", "url"}


def test_search_shows_hits_scores_passages_and_answerable(run, docs_dir: Path) -> None:
    run("sync", docs_dir)
    result = run("search", "cargo bikes kilograms luggage", "-k", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("answerable: ") and "threshold 0.50" in lines[0]
    assert lines[1].startswith("1. [") and "About Pedalo Rentals (about.html)" in lines[1]
    assert "Cargo bikes: Cargo bikes carry two children" in result.output


def test_sync_and_add_leave_a_saved_search_snapshot_for_servers_to_map(run, kb: KnowledgeBase, docs_dir: Path,
                                                                       settings) -> None:
    from knowledge_base import snapshot_files

    root = snapshot_files.snapshot_root(settings.data_dir, settings.collection)
    for command in (("sync", docs_dir), ("add", docs_dir / "rentals/pickup.md", "--root", docs_dir)):
        if command[0] == "add":
            (docs_dir / "rentals/pickup.md").write_text("# Picking up a bike\n\nPick-up is at the harbour now.\n")
        assert run(*command).exit_code == 0
        assert (root / f"g{kb.index.generation()}" / "manifest.json").is_file()
