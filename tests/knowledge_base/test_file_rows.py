"""Saved arrays read by rows with pread (never mapped, so a worker's RSS does not fill with page cache)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge_base.file_rows import FileRows


def test_rows_slices_and_row_lists_read_what_was_saved(tmp_path: Path) -> None:
    saved = np.arange(5 * 3, dtype=np.float32).reshape(5, 3)
    np.save(tmp_path / "a.npy", saved)
    rows = FileRows(tmp_path / "a.npy")
    assert len(rows) == 5 and rows.shape == (5, 3) and rows.dtype == np.float32
    assert np.array_equal(rows[1:4], saved[1:4]) and np.array_equal(rows[-1], saved[-1])
    assert np.array_equal(rows[np.array([4, 0, 2])], saved[[4, 0, 2]])
    assert rows[2:2].shape == (0, 3)
    with pytest.raises(IndexError):
        rows[5]


def test_a_plain_file_reads_as_bytes(tmp_path: Path) -> None:
    (tmp_path / "t.bin").write_bytes("Café".encode())
    blob = FileRows.raw_bytes(tmp_path / "t.bin")
    assert len(blob) == 5 and bytes(blob[0:5]).decode() == "Café"


def test_reading_rows_does_not_map_the_file(tmp_path: Path) -> None:
    np.save(tmp_path / "big.npy", np.zeros((2000, 384), dtype=np.float32))
    rows = FileRows(tmp_path / "big.npy")
    rows[np.arange(0, 2000, 50)]
    maps = Path("/proc/self/maps")
    if maps.exists():
        assert str(tmp_path / "big.npy") not in maps.read_text()


def test_row_lists_count_negatives_from_the_end_and_refuse_rows_past_either_end(tmp_path: Path) -> None:
    saved = np.arange(4 * 2, dtype=np.float32).reshape(4, 2)
    np.save(tmp_path / "a.npy", saved)
    rows = FileRows(tmp_path / "a.npy")
    assert np.array_equal(rows[np.array([-1, 0])], saved[[-1, 0]])  # never the file's header bytes
    for bad in ([-5], [4], [0, 9]):
        with pytest.raises(IndexError):
            rows[np.array(bad)]
