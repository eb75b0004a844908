"""A server keeps answering questions in other languages after `supportbot kb add` in another process.

Embedded Chroma keeps its segments in memory per process: the server sees another process's rows only
after it reopens its client, which it does when the index's generation moves (`ChromaIndex._reload`).
A tester found es/fr/de questions declined after `kb add` of an unrelated file until a restart, while
English was still answered: the searcher read word vectors through the store of the closed client,
and the other process's fill of the cross-lingual vectors moved no generation. Each failure was hidden
(the default path, nothing logged), so only another process shows it: the "CLI" here is a subprocess.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings
from test_crosslingual import FakeCrossLingual, _write

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.service import build_knowledge_base

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# `supportbot kb add FILE` as the CLI runs it: add (a write), then fill the cross-lingual vectors.
_OTHER_PROCESS = """
import sys
sys.path.insert(0, {here!r})
from pathlib import Path
from kb_fakes import FakeEmbeddings
from test_crosslingual import FakeCrossLingual
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.service import build_knowledge_base
kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=Path({data!r}), collection="xl-other"),
                          embedder=FakeEmbeddings(), cross_lingual=FakeCrossLingual())
if "add" in {steps!r}:
    kb.add([Path({file!r})], root=Path({file!r}).parent)
if "fill" in {steps!r}:
    kb.fill_cross_lingual()
kb.close()
"""


def _other_process(data: Path, file: Path, steps: tuple[str, ...]) -> None:
    code = _OTHER_PROCESS.format(here=str(HERE), data=str(data), file=str(file), steps=steps)
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(data.parent)})


@pytest.mark.parametrize("asked_during_the_fill", [False, True], ids=["after", "during-and-after"])
def test_a_question_in_another_language_stays_cross_lingual_after_kb_add_in_another_process(
        tmp_path: Path, asked_during_the_fill: bool) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-other")
    server = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=FakeCrossLingual())
    docs = _write(tmp_path / "docs")
    try:
        server.sync(docs)
        server.fill_cross_lingual()
        question = "¿Cuánto tarda el reembolso?"
        before = server.search(question)
        assert before.cross_lingual and before.hits[0].document_id == "refunds.md"
        gift = docs / "giftwrap.md"
        gift.write_text("# Gift wrap\n\nWe wrap gifts in recycled paper for 3 euros.\n")
        if asked_during_the_fill:  # the chunks are written, their cross-lingual vectors not yet
            _other_process(settings.data_dir, gift, ("add",))
            time.sleep(0.6)  # other processes' generations are re-read at most every 0.5 s
            assert not server.search(question).cross_lingual  # the default path meanwhile, as designed
            _other_process(settings.data_dir, gift, ("fill",))
        else:
            _other_process(settings.data_dir, gift, ("add", "fill"))
        time.sleep(0.6)
        after = server.search(question)
        assert after.cross_lingual, "declined on the default path after another process's `kb add`"
        assert after.hits[0].document_id == "refunds.md" and after.answerable
    finally:
        server.close()
