"""Where attachment bytes live: a folder under the data directory by default, any object store behind the protocol."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol


class BlobStore(Protocol):
    """Content-addressed bytes: `put` returns the key `get` needs."""

    def put(self, data: bytes) -> str: ...

    def get(self, key: str) -> bytes: ...


class FolderBlobStore:
    """Files named by their sha256 under `root`, readable only by this user, never executable."""

    def __init__(self, root: Path) -> None:
        self._root = Path(root)

    def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        path = self._path(key)
        if path.exists():
            return key  # same bytes, same file
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, 0o600)
            os.replace(temp, path)  # NOTE: atomic: a reader never sees half a file
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return key

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def _path(self, key: str) -> Path:
        if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError("not a blob key")
        return self._root / key[:2] / key[2:4] / key
