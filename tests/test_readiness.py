"""/readyz tells the truth (issue 13 item 8): broken tables, a failing outbox, an index another
process changed; and a `kb` command in another process is picked up without a failed answer."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack import FakeSlack
from flask import Flask
from pydantic import SecretStr
from slack_sdk import WebClient
from sqlalchemy import text

from handoff.config import SlackSettings
from server import Settings, create_app
from tests.doubles import OneArticleKnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _kb() -> Any:
    return OneArticleKnowledgeBase("ship", title="Shipping", section="Times", text="Parcels take 5 days.")


@pytest.fixture
def slack_app(tmp_path: Path) -> Iterator[Flask]:
    with FakeSlack() as fake:
        slack = SlackSettings(bot_token=SecretStr("xoxb-test"), signing_secret=SecretStr("secret"),
                              support_channel="CSUPPORT", api_url=fake.api_url)
        client = WebClient(token="xoxb-test", base_url=fake.api_url, timeout=2, retry_handlers=[])
        app = create_app(Settings(data_dir=tmp_path, index_examples_on_start=False, slack=slack),
                         knowledge_base=_kb(), slack_client=client)
        yield app
        app.extensions["supportbot"].close()


def _checks(app: Flask) -> tuple[int, dict[str, str]]:
    response = app.test_client().get("/readyz")
    return response.status_code, response.get_json()["checks"]


def test_ready_names_every_check_including_the_outbox(slack_app: Flask) -> None:
    assert _checks(slack_app) == (200, {"database": "ok", "index": "ok", "outbox": "ok"})


def test_a_lost_table_makes_the_database_not_ready(slack_app: Flask) -> None:
    with slack_app.extensions["supportbot"].engine.begin() as connection:
        connection.execute(text("DROP TABLE state_changes"))
    status, checks = _checks(slack_app)
    assert status == 503 and checks["database"] == "failing"


def test_an_outbox_that_cannot_work_makes_the_instance_not_ready(slack_app: Flask) -> None:
    with slack_app.extensions["supportbot"].engine.begin() as connection:
        connection.execute(text("DROP TABLE outbox"))
    status, checks = _checks(slack_app)
    assert status == 503 and checks["outbox"] == "failing" and checks["database"] == "ok"


def test_a_failing_index_makes_the_instance_not_ready(tmp_path: Path) -> None:
    class Broken(OneArticleKnowledgeBase):
        def search(self, query: str, *, k: int | None = None) -> Any:
            raise RuntimeError("chroma is gone")

    broken: Any = Broken("x", title="t", section="s", text="t")
    app = create_app(Settings(data_dir=tmp_path, index_examples_on_start=False), knowledge_base=broken)
    try:
        status, checks = _checks(app)
        assert status == 503 and checks["index"] == "failing"
    finally:
        app.extensions["supportbot"].close()


_OTHER_PROCESS = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests/knowledge_base"]
    from kb_fakes import FakeEmbeddings
    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.service import build_knowledge_base
    kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=Path(sys.argv[2]), collection="shared-kb"),
                              embedder=FakeEmbeddings())
    report = kb.add([Path(sys.argv[3])], root=Path(sys.argv[3]).parent)
    kb.close()
    print(report.summary())
""")


def test_a_kb_command_in_another_process_is_picked_up_without_a_failed_search(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "knowledge_base"))
    from kb_fakes import FakeEmbeddings

    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.service import build_knowledge_base

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "refunds.md").write_text("# Refunds\n\nRefunds take five days.\n")
    kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=tmp_path, collection="shared-kb"),
                              embedder=FakeEmbeddings())
    try:
        kb.sync(docs)
        assert [h.document_id for h in kb.search("refunds").hits] == ["refunds.md"]
        (docs / "shipping.md").write_text("# Shipping\n\nShipping to Canada takes two days.\n")
        done = subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(ROOT), str(tmp_path),
                               str(docs / "shipping.md")], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "added 1" in done.stdout, done.stderr[-2000:]
        for _ in range(3):  # every search after the other process wrote succeeds and sees its document
            assert "shipping.md" in [h.document_id for h in kb.search("shipping canada").hits]
        assert {d.id for d in kb.documents()} == {"refunds.md", "shipping.md"}
    finally:
        kb.close()


def test_start_up_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from commands import main

    (tmp_path / "supportbot.sqlite3").write_bytes(b"not a database at all, just text" * 10)
    monkeypatch.setenv("SUPPORTBOT_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as exited:
        main(["handoffs"])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert f"the database file {tmp_path / 'supportbot.sqlite3'} cannot be used" in err and "Traceback" not in err
    bad = tmp_path / "policy.yml"
    bad.write_text("pii: [\n")
    monkeypatch.setenv("SUPPORTBOT_DATA_DIR", str(tmp_path / "other"))
    monkeypatch.setenv("SUPPORTBOT_BOT__POLICY_FILE", str(bad))
    with pytest.raises(SystemExit):
        main(["handoffs"])
    assert f"policy file {bad}" in capsys.readouterr().err
