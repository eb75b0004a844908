"""Files shipped with the package whose bytes are pinned by sha256 (learned weights), read and checked.

A different or damaged file is refused at load, with what to do about it, rather than deciding silently
otherwise: a file missing from an install asks for a reinstall, a changed one for a rebuild and a new pin.
"""
from __future__ import annotations

import hashlib
from pathlib import Path


def read_pinned(path: Path, sha256: str, *, what: str, rebuild: str, error: type[Exception]) -> bytes:
    """`path`'s bytes if their sha256 is `sha256`; else `error` naming `what` and the script that rebuilds it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{what} not found at {path}: reinstall supportbot") from exc
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        raise error(f"{what} at {path} has sha256 {actual}, expected {sha256}; "
                    f"rebuild it with {rebuild} and pin the new hash")
    return data
