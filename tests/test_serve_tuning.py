"""`supportbot serve`'s per-worker memory tuning must never break a worker, glibc or not."""
from __future__ import annotations

import pytest

import serving
from knowledge_base import freed_memory


def test_the_hooks_run_on_this_machines_c_library() -> None:
    serving._limit_malloc_arenas(None, None)
    serving._return_freed_memory()


def test_without_glibc_the_hooks_do_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(freed_memory, "glibc", lambda: None)
    serving._limit_malloc_arenas(None, None)
    serving._return_freed_memory()


def test_glibc_is_found_on_linux() -> None:
    import platform

    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert freed_memory.glibc() is not None
