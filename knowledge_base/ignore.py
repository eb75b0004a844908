"""`.kbignore`: gitignore-style patterns for files in a synced folder that are not documents.

Supported: `#` comments, `name` (matches a file or folder at any depth, `*?[]` globs allowed),
`dir/` (folders only), `/path` or `a/b` (anchored at the folder's root). Hidden files and folders
(`.git`, `.DS_Store`, the `.kbignore` itself) are always skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

IGNORE_FILE = ".kbignore"


@dataclass(frozen=True)
class _Rule:
    pattern: str
    anchored: bool
    dir_only: bool


class IgnoreRules:
    """Decides whether a relative POSIX path is left out of a sync."""

    def __init__(self, lines: list[str]) -> None:
        self._rules: list[_Rule] = []
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            dir_only = line.endswith("/")
            pattern = line.strip("/")
            if pattern:
                self._rules.append(_Rule(pattern, anchored="/" in line.rstrip("/"), dir_only=dir_only))

    @classmethod
    def for_directory(cls, directory: Path) -> IgnoreRules:
        path = directory / IGNORE_FILE
        return cls(path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else [])

    def ignores(self, rel: str) -> bool:
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            return True
        return any(self._matches(rule, parts) for rule in self._rules)

    @staticmethod
    def _matches(rule: _Rule, parts: list[str]) -> bool:
        # folders are every proper prefix; the file itself counts unless the rule is for folders only
        last = len(parts) - 1 if rule.dir_only else len(parts)
        for end in range(1, last + 1):
            if rule.anchored:
                if fnmatchcase("/".join(parts[:end]), rule.pattern):
                    return True
            elif fnmatchcase(parts[end - 1], rule.pattern):
                return True
        return False
