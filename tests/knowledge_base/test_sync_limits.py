"""A synced folder is data and nothing else: links out of it, oversize, inflating and oddly named
files each fail by name in the report while the rest of the sync goes on."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.service import KnowledgeBase, build_knowledge_base


def _kb(tmp_path: Path, **limits: float) -> KnowledgeBase:
    settings = KnowledgeBaseSettings.model_validate(
        {"data_dir": tmp_path / "data", "collection": "kb-limits", "chunk_size": 300, "chunk_overlap": 40, **limits})
    return build_knowledge_base(settings, embedder=FakeEmbeddings())


def _indexed_text(kb: KnowledgeBase) -> str:
    return "\n".join(c.text for c in kb.index.iter_chunks())


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    app = tmp_path / "app"
    app.mkdir()
    env = app / ".env"
    env.write_text("SLACK_BOT_TOKEN=xoxb-secret-token-1234\n")
    return env


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "hours.md").write_text("# Hours\n\nWe open at nine every morning.\n")
    return docs


def test_a_file_link_leaving_the_folder_is_refused_by_name(tmp_path: Path, secret: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "notes.txt").symlink_to(secret)
    kb = _kb(tmp_path)
    report = kb.sync(docs)
    assert report.added == 1
    assert [name for name, _ in report.failed] == ["notes.txt"]
    assert "out of the synced folder" in report.failed[0][1]
    assert "xoxb" not in _indexed_text(kb)
    kb.close()


def test_a_folder_link_leaving_the_folder_is_refused_by_name(tmp_path: Path, secret: Path) -> None:
    docs = _docs(tmp_path)
    (secret.parent / "token.txt").write_text("SLACK_BOT_TOKEN=xoxb-secret-token-1234\n")
    (docs / "shared").symlink_to(secret.parent, target_is_directory=True)
    kb = _kb(tmp_path)
    report = kb.sync(docs)
    assert [name for name, _ in report.failed] == ["shared"]
    assert "xoxb" not in _indexed_text(kb)
    kb.close()


def test_a_link_to_a_hidden_file_inside_the_folder_is_refused(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / ".env").write_text("SLACK_BOT_TOKEN=xoxb-secret-token-1234\n")
    (docs / "notes.txt").symlink_to(docs / ".env")
    (docs / "alias.md").symlink_to(docs / "hours.md")  # a link that stays inside is fine
    kb = _kb(tmp_path)
    report = kb.sync(docs)
    assert [name for name, _ in report.failed] == ["notes.txt"]
    assert report.added == 2 and "xoxb" not in _indexed_text(kb)
    kb.close()


def test_kb_add_refuses_a_link_out_of_its_root(tmp_path: Path, secret: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "notes.txt").symlink_to(secret)
    kb = _kb(tmp_path)
    report = kb.add([docs / "notes.txt", docs / "hours.md"], root=docs)
    assert report.added == 1 and [name for name, _ in report.failed] == ["notes.txt"]
    assert "xoxb" not in _indexed_text(kb)
    kb.close()


def test_an_oversize_file_fails_by_name_before_it_is_read(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "huge.md").write_text("# Huge\n\n" + "word " * 300_000)  # about 1.5 MB
    kb = _kb(tmp_path, max_file_mb=1)
    report = kb.sync(docs)
    assert report.added == 1
    assert report.failed[0][0] == "huge.md" and "file too large" in report.failed[0][1]
    assert "MAX_FILE_MB" in report.failed[0][1]
    kb.close()


def test_too_many_characters_fail_before_parsing(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "long.txt").write_text("Lorem ipsum dolor sit amet. " * 2000)
    kb = _kb(tmp_path, max_document_chars=10_000)
    report = kb.sync(docs)
    assert report.failed[0][0] == "long.txt" and "too much text" in report.failed[0][1]
    kb.close()


def test_too_many_chunks_fail_by_name(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "many.md").write_text("\n\n".join(f"## Part {i}\n\nText of part {i}." for i in range(40)))
    kb = _kb(tmp_path, max_document_chunks=10)
    report = kb.sync(docs)
    assert report.failed[0][0] == "many.md" and "too many chunks" in report.failed[0][1]
    assert report.added == 1
    kb.close()


def test_markdown_past_its_line_budget_fails_by_name(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "codes.md").write_text("# Codes\n\n" + "".join(f"- code {i}\n" for i in range(200)))
    kb = _kb(tmp_path, max_markdown_lines=150)
    report = kb.sync(docs)
    assert report.failed[0][0] == "codes.md" and "too many lines for Markdown" in report.failed[0][1]
    assert report.added == 1
    kb.close()


def _docx_bomb(inflated: int) -> bytes:
    """A DOCX-shaped zip whose one member inflates to `inflated` bytes (zeros compress ~1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * inflated)
    return buf.getvalue()


def test_a_docx_that_inflates_too_much_fails_without_being_inflated(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    bomb = _docx_bomb(3 * 1024 * 1024)
    assert len(bomb) < 20_000
    (docs / "bomb.docx").write_bytes(bomb)
    kb = _kb(tmp_path, max_unpacked_mb=1)
    report = kb.sync(docs)
    assert report.failed[0][0] == "bomb.docx" and "inflates too much" in report.failed[0][1]
    kb.close()


def test_pdf_streams_that_inflate_too_much_fail(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = ContentStream(None, writer)
    stream.set_data(b"% padding\n" * 200_000)  # 2 MB of content, deflated to a few kB
    page.replace_contents(stream)
    page.compress_content_streams()
    buf = io.BytesIO()
    writer.write(buf)
    docs = _docs(tmp_path)
    (docs / "bomb.pdf").write_bytes(buf.getvalue())
    kb = _kb(tmp_path, max_unpacked_mb=1)
    report = kb.sync(docs)
    assert report.failed[0][0] == "bomb.pdf" and "inflates too much" in report.failed[0][1]
    kb.close()


def test_file_names_with_control_characters_are_refused_and_printed_escaped(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "evil\x1b[31mred\nline.md").write_text("# Evil\n\nSome text here.\n")
    kb = _kb(tmp_path)
    report = kb.sync(docs)
    assert report.added == 1
    name, reason = report.failed[0]
    assert name == "evil\\x1b[31mred\\nline.md" and "control characters" in reason
    assert all("\x1b" not in d.id and "\n" not in d.id for d in kb.documents())
    kb.close()


def test_front_matter_titles_and_ids_lose_control_characters(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "meta.md").write_text('---\ntitle: "Hi\\e[2Jthere"\nid: "a\\nb"\n---\n\nBody text here.\n')
    kb = _kb(tmp_path)
    kb.sync(docs)
    doc = next(d for d in kb.documents() if d.id.startswith("a"))
    assert (doc.id, doc.title) == ("ab", "Hi[2Jthere")
    kb.close()
