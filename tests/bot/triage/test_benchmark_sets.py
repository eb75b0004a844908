"""benchmarks/triage_sets.py never runs a blind hold-out unless asked to (issue 12)."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmark_scripts import load_benchmark


@pytest.fixture(scope="module")
def triage_sets() -> ModuleType:
    return load_benchmark("triage_sets")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for folder, names in ((tmp_path / "shared" / "eval" / "triage", ["public.jsonl"]),
                          (repo / "examples" / "eval", ["triage_dev.jsonl", "corpus.jsonl"]),
                          (repo / "datasets" / "triage",
                           ["holdout_e.jsonl", "holdout_g.jsonl", "holdout_h.jsonl", "holdout_i.jsonl",
                            "holdout_j.jsonl", "holdout_k.jsonl", "holdout_y.jsonl", "holdout_z.jsonl",
                            "train_own.jsonl", "train_own_more.jsonl"])):
        folder.mkdir(parents=True)
        for name in names:
            (folder / name).write_text("", encoding="utf-8")
    return repo


def test_the_default_sets_leave_out_the_hold_outs_and_the_training_rows(triage_sets: ModuleType, root: Path) -> None:
    names = [p.name for p in triage_sets.default_sets(root=root)]
    assert names == ["public.jsonl", "triage_dev.jsonl", "holdout_e.jsonl", "holdout_g.jsonl", "holdout_h.jsonl",
                     "holdout_i.jsonl", "holdout_j.jsonl", "holdout_k.jsonl"]


def test_hold_outs_run_only_when_asked_for(triage_sets: ModuleType, root: Path) -> None:
    names = [p.name for p in triage_sets.default_sets(root=root, holdout=True)]
    assert "holdout_y.jsonl" in names and "holdout_z.jsonl" in names
    assert "train_own.jsonl" not in names and "train_own_more.jsonl" not in names


# a file added to datasets/triage/ and not yet named anywhere is a hold-out, whatever its case
@pytest.mark.parametrize("name", ["HOLDOUT_Y.jsonl", "holdout_y.jsonl", "holdout_z.jsonl"])
def test_a_named_hold_out_is_refused_without_the_flag(triage_sets: ModuleType, root: Path, name: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert triage_sets.main([str(root / "datasets" / "triage" / name)]) == 0
    out = capsys.readouterr()
    assert "left out" in out.err and out.out.strip() == "{}"


def test_the_build_trains_and_targets_exactly_the_files_the_benchmark_sets_aside(triage_sets: ModuleType) -> None:
    from bot.triage.training.build_classifier import DEV_SETS, OWN_FILES, STUDY_ONLY, TRAIN_ONLY

    # a training file (or one written for a training study) is never scored as an evaluation set
    assert set(OWN_FILES) | set(TRAIN_ONLY) | set(STUDY_ONLY) == set(triage_sets.TRAINING)
    assert set(DEV_SETS) <= set(triage_sets.DEVELOPMENT)  # thresholds never read a blind hold-out


def test_the_row_overlap_check_compares_accent_folded_words() -> None:
    overlap = load_benchmark("triage_row_overlap")
    assert overlap.folded_words("Ça coûte 45 € ? Überweisung!") == ["ca", "coute", "45", "uberweisung"]


def test_the_served_review_benchmark_reads_every_review_list_as_text() -> None:
    served = load_benchmark("triage_review_served")
    lists = {rl.name: rl for rl in served.review_lists()}
    assert len(lists["tri12 ordinary (must stay)"].texts) == 77 and len(lists["tri10 must hand off"].texts) == 30
    assert all(isinstance(t, str) for rl in lists.values() for t in rl.texts)  # pytest.param entries unwrapped
    assert not lists["tri12 ordinary (must stay)"].needs_person and lists["tri10 must hand off"].needs_person


def test_a_candidate_head_is_measured_from_its_folder(triage_sets: ModuleType, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from bot.triage.classifier import WEIGHTS_DIR

    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "what are your opening hours", "expected": "none"}) + "\n"
                    + json.dumps({"id": "b", "text": "I want to speak to a human", "expected": "customer_request"})
                    + "\n", encoding="utf-8")
    assert triage_sets.main(["--weights", str(WEIGHTS_DIR), str(rows)]) == 0
    table = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert table["rows.jsonl"]["rules+model"] == [1.0, 1.0]
