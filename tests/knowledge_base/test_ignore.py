"""`.kbignore` follows gitignore: negation, `**` over zero or more folders, anchoring, folders only."""
from __future__ import annotations

from pathlib import Path

from knowledge_base.ignore import IgnoreRules


def test_negation_keeps_a_file_an_earlier_pattern_excludes() -> None:
    rules = IgnoreRules(["*.md", "!keep.md"])
    assert rules.ignores("notes.md") and rules.ignores("sub/notes.md")
    assert not rules.ignores("keep.md") and not rules.ignores("sub/keep.md")
    assert not rules.ignores("guide.html")


def test_the_last_matching_pattern_wins() -> None:
    rules = IgnoreRules(["!keep.md", "*.md"])  # the negation comes first, so it is overridden
    assert rules.ignores("keep.md")


def test_double_star_matches_zero_or_more_folders() -> None:
    rules = IgnoreRules(["docs/**/x.md"])
    assert rules.ignores("docs/x.md")
    assert rules.ignores("docs/a/x.md") and rules.ignores("docs/a/b/x.md")
    assert not rules.ignores("other/x.md") and not rules.ignores("docs/a/y.md")


def test_anchored_patterns_and_folder_only_patterns() -> None:
    rules = IgnoreRules(["/top.md", "drafts/", "# a comment", ""])
    assert rules.ignores("top.md") and not rules.ignores("sub/top.md")
    assert rules.ignores("drafts/x.md") and rules.ignores("deep/drafts/x.md")
    assert not rules.ignores("drafts")  # a file called `drafts` is not a folder


def test_hidden_paths_are_always_ignored() -> None:
    rules = IgnoreRules(["!.git/config"])
    assert rules.ignores(".git/config") and rules.ignores("a/.DS_Store") and rules.ignores(".kbignore")


def test_rules_are_read_from_the_folder(tmp_path: Path) -> None:
    assert not IgnoreRules.for_directory(tmp_path).ignores("a.md")
    (tmp_path / ".kbignore").write_text("*.md\n!keep.md\n", encoding="utf-8")
    rules = IgnoreRules.for_directory(tmp_path)
    assert rules.ignores("a.md") and not rules.ignores("keep.md")
