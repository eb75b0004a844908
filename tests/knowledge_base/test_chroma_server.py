"""The Chroma server path: a real `chroma run` on 127.0.0.1, reached through HttpClient."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings, OtherFakeEmbeddings

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.errors import EmbeddingModelMismatch
from knowledge_base.index import ChromaIndex
from knowledge_base.service import build_knowledge_base
from tests.doubles import free_port


def _chroma_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "chroma"
    return str(beside_python) if beside_python.exists() else shutil.which("chroma")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _chroma_binary()
    if binary is None:
        pytest.skip("the `chroma` CLI (installed with the chromadb package) is not on this machine")
    port, path = free_port(), tmp_path_factory.mktemp("chroma-server")
    log = (path / "server.log").open("wb")
    proc = subprocess.Popen([binary, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path / "db")],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma server did not start: {(path / 'server.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_sync_and_search_through_a_chroma_server(chroma_server: str, tmp_path: Path, docs_dir: Path) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", chroma_url=chroma_server, collection="server-test")
    embedder = FakeEmbeddings()
    kb = build_knowledge_base(settings, embedder=embedder)
    report = kb.sync(docs_dir)
    assert report.added == 4 and not report.failed
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally: it all went to the server
    assert kb.sync(docs_dir).unchanged == 4
    matches = kb.index.query(embedder.embed_query("cargo bikes luggage kilograms"), k=2)
    assert matches[0].document_id == "about.html" and matches[0].section == "Cargo bikes"
    result = kb.search("cargo bikes luggage kilograms", k=2)
    assert result.hits[0].document_id == "about.html"
    other = OtherFakeEmbeddings()
    with pytest.raises(EmbeddingModelMismatch, match=f"--reindex.*collection on {chroma_server}"):
        ChromaIndex.open(settings, other, other.model_id)
