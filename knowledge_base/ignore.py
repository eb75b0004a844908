"""`.kbignore`: gitignore patterns for files in a synced folder that are not documents.

The patterns are git's own (`pathspec.GitIgnoreSpec`): `#` comments, `!` negation (the last
matching pattern wins), `dir/` for folders only, a leading or inner `/` anchors at the folder's
root, `**` matches any number of folders, including none (`docs/**/x.md` matches `docs/x.md`).
One difference from git, on purpose: git never looks inside an excluded folder, so `build/` then
`!build/keep.md` keeps nothing there; here each file is judged on its own, so `keep.md` is synced.
Hidden files and folders (`.git`, `.DS_Store`, the `.kbignore` itself) are always skipped.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pathspec import GitIgnoreSpec

IGNORE_FILE = ".kbignore"


class IgnoreRules:
    """Decides whether a relative POSIX path is left out of a sync."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._spec = GitIgnoreSpec.from_lines(lines)

    @classmethod
    def for_directory(cls, directory: Path) -> IgnoreRules:
        """The rules in `directory/.kbignore`, or none when there is no such file."""
        path = directory / IGNORE_FILE
        return cls(path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else [])

    def ignores(self, rel: str) -> bool:
        """True for hidden paths and for paths the patterns exclude."""
        if any(part.startswith(".") for part in rel.split("/")):
            return True
        return self._spec.match_file(rel)
