"""A help centre indexed in a throwaway data folder, as `supportbot eval answers --kb DOCS` indexes it."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from commands import _throwaway
from server import Settings, build_knowledge_base


@contextmanager
def indexed_centre(docs: Path, *, prefix: str, keep: Path | None = None) -> Iterator[tuple[Settings, Any]]:
    """(settings, knowledge base) with `docs` synced and their cross-lingual vectors filled; the caller closes.

    The folder (index and conversations) is removed on exit: benchmarks measure, they keep nothing,
    unless `keep` names one to index into and leave (a re-sync of unchanged documents costs nothing).
    """
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = keep if keep is not None else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        settings = _throwaway(Settings(), folder)
        kb = build_knowledge_base(settings)
        kb.sync(docs)
        kb.fill_cross_lingual()  # as `kb sync` does: questions in other languages need them
        yield settings, kb
