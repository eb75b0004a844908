"""The answer benchmarks read only the development help centres unless `--holdout` is given.

A blind hold-out is any `datasets/helpcentres/*` folder that `datasets/README.md` does not list as
development data, so a folder added tomorrow is left out before anyone names it in the benchmark.
"""
from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmark_scripts import load_benchmark

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def answers_quality() -> ModuleType:
    return load_benchmark("answers_quality")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("larkspur-fibre", "quillmate", "tidewater-pet", "unseen-centre", "added-yesterday"):
        (tmp_path / "datasets" / "helpcentres" / name / "docs").mkdir(parents=True)
    (tmp_path / "datasets" / "helpcentres" / "README.txt").write_text("not a help centre\n", encoding="utf-8")
    (tmp_path / "examples" / "eval").mkdir(parents=True)
    return tmp_path


def test_a_folder_not_listed_as_development_data_is_left_out(answers_quality: ModuleType, root: Path) -> None:
    names = [name for name, *_ in answers_quality.help_centres(holdout=False, root=root)]
    assert names == ["examples", "larkspur-fibre", "quillmate", "tidewater-pet"]


def test_holdout_adds_every_other_folder(answers_quality: ModuleType, root: Path) -> None:
    names = [name for name, *_ in answers_quality.help_centres(holdout=True, root=root)]
    assert names == ["examples", "added-yesterday", "larkspur-fibre", "quillmate", "tidewater-pet",
                     "unseen-centre"]


def test_the_development_list_is_the_one_datasets_readme_gives(answers_quality: ModuleType) -> None:
    readme = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|[^|\n]*\| development data", readme, re.M)
    assert sorted(listed) == sorted(answers_quality.DEVELOPMENT)
