"""Rows of a saved `.npy` array read with `pread` when asked for, never memory-mapped.

On this kernel (6.x, ext4 with large folios) touching one page of a mapped file maps its whole
folio, up to 2 MB: 80 random chunk vectors a query put all 512 MB of a 100,000-document base's
vectors in the worker's RSS within 50 questions. Read instead, the rows cost a system call each
and the page cache keeps the file warm for every process, outside any of them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np


class FileRows:
    """A read-only (n, ...) array on disk: `rows[i]`, `rows[a:b]` and `rows[int_array]` return arrays."""

    def __init__(self, path: Path, *, raw: bool = False) -> None:
        """`path` is a `.npy` file, or with `raw` a plain file of bytes (a uint8 vector)."""
        if raw:
            self.shape: tuple[int, ...] = (path.stat().st_size,)
            self.dtype = np.dtype(np.uint8)
            self._offset = 0
            self._row_shape: tuple[int, ...] = ()
            self._row_bytes = 1
            self._fd = os.open(path, os.O_RDONLY)
            return
        with open(path, "rb") as handle:
            version = np.lib.format.read_magic(handle)
            shape, fortran, dtype = (np.lib.format.read_array_header_1_0(handle) if version == (1, 0)
                                     else np.lib.format.read_array_header_2_0(handle))
            self._offset = handle.tell()
        if fortran and len(shape) > 1:
            raise ValueError(f"{path}: Fortran-ordered arrays are not read by rows")
        self.shape = tuple(shape)
        self.dtype = np.dtype(dtype)
        self._row_shape = self.shape[1:]
        self._row_bytes = int(np.prod(self._row_shape, dtype=np.int64)) * self.dtype.itemsize
        self._fd = os.open(path, os.O_RDONLY)

    @classmethod
    def raw_bytes(cls, path: Path) -> FileRows:
        return cls(path, raw=True)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                raise IndexError("only contiguous slices are read")
            return self._read(start, max(0, stop - start))
        if isinstance(key, int | np.integer):
            index = int(key) + (len(self) if int(key) < 0 else 0)
            if not 0 <= index < len(self):
                raise IndexError(key)
            return self._read(index, 1)[0]
        rows = np.asarray(key, dtype=np.int64)
        rows = np.where(rows < 0, rows + len(self), rows)  # numpy's meaning of -1; past either end: IndexError
        if rows.size and (rows.min() < 0 or rows.max() >= len(self)):
            raise IndexError(f"row out of range 0..{len(self) - 1}")
        out = np.empty((len(rows), *self._row_shape), dtype=self.dtype)
        for i, row in enumerate(rows.tolist()):
            out[i] = self._read(row, 1)[0]
        return out

    def _read(self, start: int, count: int) -> np.ndarray:
        size = count * self._row_bytes
        data = os.pread(self._fd, size, self._offset + start * self._row_bytes) if size else b""
        if len(data) != size:
            raise IndexError(f"rows {start}..{start + count} are past the end of the file")
        return np.frombuffer(data, dtype=self.dtype).reshape((count, *self._row_shape))

    def __del__(self) -> None:
        fd = getattr(self, "_fd", None)
        if fd is not None:
            os.close(fd)
