"""Fixtures for knowledge-base tests: settings under tmp_path, a fake embedder, a small corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings, write_corpus

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.service import KnowledgeBase, build_knowledge_base


@pytest.fixture
def settings(tmp_path: Path) -> KnowledgeBaseSettings:
    return KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="kb-test", chunk_size=300, chunk_overlap=40)


@pytest.fixture
def embedder() -> FakeEmbeddings:
    return FakeEmbeddings()


@pytest.fixture
def kb(settings: KnowledgeBaseSettings, embedder: FakeEmbeddings):
    knowledge_base = build_knowledge_base(settings, embedder=embedder)
    yield knowledge_base
    knowledge_base.close()


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "docs")


@pytest.fixture
def synced(kb: KnowledgeBase, docs_dir: Path) -> KnowledgeBase:
    kb.sync(docs_dir)
    return kb
