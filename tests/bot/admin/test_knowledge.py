"""Documents from the console: list, upload, remove, sync with progress; the server's search sees each change."""
from __future__ import annotations

import io
import json
import time
from pathlib import Path

from flask import Flask

from tests.bot.admin.conftest import BEARER

ARTICLE = b"---\ntitle: Helmet hire\n---\n# Helmet hire\n\nEvery rental includes a free helmet in three sizes.\n"


def _upload(client, name: str, data: bytes, path: str | None = None):
    form = {"file": (io.BytesIO(data), name)} | ({"path": path} if path else {})
    return client.post("/admin/api/documents", headers=BEARER, data=form, content_type="multipart/form-data")


def test_list_shows_versions_and_chunks(client) -> None:
    body = client.get("/admin/api/documents", headers=BEARER).get_json()
    ids = [d["id"] for d in body["documents"]]
    assert "rentals/pickup.md" in ids and ids == sorted(ids)
    pickup = next(d for d in body["documents"] if d["id"] == "rentals/pickup.md")
    assert pickup["version"] == 1 and pickup["chunks"] >= 1 and pickup["failure"] is None
    assert len(body["kb_version"]) == 12 and body["last_sync"] is None


def test_upload_is_searchable_at_once_and_lands_in_the_folder(app: Flask, docs: Path) -> None:
    client = app.test_client()
    kb = app.extensions["supportbot"].knowledge_base
    before = client.get("/admin/api/documents", headers=BEARER).get_json()["kb_version"]
    kb.search("free helmet sizes")  # warm the searcher: the upload must refresh it, not a cold start
    created = _upload(client, "helmets.md", ARTICLE, path="rentals/helmets.md")
    assert created.status_code == 201 and created.get_json()["added"] == ["rentals/helmets.md"]
    assert kb.search("free helmet sizes").hits[0].document_id == "rentals/helmets.md"
    assert (docs / "rentals/helmets.md").read_bytes() == ARTICLE
    after = client.get("/admin/api/documents", headers=BEARER).get_json()["kb_version"]
    assert after != before
    replaced = _upload(client, "helmets.md", ARTICLE.replace(b"three", b"four"), path="rentals/helmets.md")
    assert replaced.get_json()["updated"] == ["rentals/helmets.md"]
    docs_now = {d["id"]: d for d in client.get("/admin/api/documents", headers=BEARER).get_json()["documents"]}
    assert docs_now["rentals/helmets.md"]["version"] == 2

    assert client.delete("/admin/api/documents/rentals/helmets.md", headers=BEARER).status_code == 204
    assert not (docs / "rentals/helmets.md").exists()
    assert all(h.document_id != "rentals/helmets.md" for h in kb.search("free helmet sizes").hits)
    assert client.delete("/admin/api/documents/rentals/helmets.md", headers=BEARER).status_code == 400


def test_bad_uploads_change_nothing(client, docs: Path) -> None:
    before = client.get("/admin/api/documents", headers=BEARER).get_json()
    bad = [("../evil.md", ARTICLE, None), ("x.exe", b"MZ", None), ("scan.pdf", b"%PDF-1.4 broken", None),
           ("ok.md", ARTICLE, "/etc/passwd.md"), ("empty.md", b"", None), (".hidden.md", ARTICLE, None)]
    for name, data, path in bad:
        response = _upload(client, name, data, path)
        assert response.status_code == 400, (name, response.get_json())
        assert "Traceback" not in response.get_data(as_text=True)
    assert client.post("/admin/api/documents", headers=BEARER, data={}).status_code == 400
    assert client.get("/admin/api/documents", headers=BEARER).get_json() == before
    assert not (docs / "scan.pdf").exists()


def test_an_upload_past_a_parse_budget_fails_by_name_and_the_server_goes_on(make_app, docs: Path) -> None:
    from knowledge_base.config import KnowledgeBaseSettings

    app = make_app(settings_kw={"kb": KnowledgeBaseSettings(max_markdown_lines=200)})
    client = app.test_client()
    before = client.get("/admin/api/documents", headers=BEARER).get_json()
    codes = b"# Codes\n\n" + b"".join(b"- code %d\n" % i for i in range(300))
    refused = _upload(client, "codes.md", codes, path="rentals/codes.md")
    assert refused.status_code == 400
    assert "rentals/codes.md" in refused.get_json()["message"] and "too many lines" in refused.get_json()["message"]
    assert client.get("/admin/api/documents", headers=BEARER).get_json() == before
    assert not (docs / "rentals/codes.md").exists()
    assert client.get("/healthz").status_code == 200
    assert _upload(client, "helmets.md", ARTICLE, path="rentals/helmets.md").status_code == 201


def test_sync_runs_in_the_background_and_reports_names(app: Flask, docs: Path) -> None:
    client = app.test_client()
    (docs / "rentals/helmets.md").write_bytes(ARTICLE)
    (docs / "about.html").unlink()
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (docs / "colon.md").write_text("---\ntitle: Helmets: sizes\n---\nHelmets come in three sizes.\n")
    started = client.post("/admin/api/sync", headers=BEARER)
    assert started.status_code == 202 and started.get_json()["status"] == "running"
    deadline = time.monotonic() + 20
    while (run := client.get("/admin/api/sync", headers=BEARER).get_json())["status"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert run["status"] == "done" and run["done"] == run["total"] > 0
    report = run["report"]
    assert sorted(report["added"]) == ["colon.md", "rentals/helmets.md"] and report["removed"] == ["about.html"]
    assert report["failed"] == [{"name": "broken.pdf", "reason": report["failed"][0]["reason"]}]
    assert [w["name"] for w in report["warned"]] == ["colon.md"] and "not valid YAML" in report["warned"][0]["reason"]
    listed = {d["id"]: d for d in client.get("/admin/api/documents", headers=BEARER).get_json()["documents"]}
    assert len(listed["colon.md"]["warnings"]) == 1 and "not valid YAML" in listed["colon.md"]["warnings"][0]
    assert listed["rentals/helmets.md"]["warnings"] == []
    kb = app.extensions["supportbot"].knowledge_base
    assert kb.search("free helmet sizes").hits[0].document_id == "rentals/helmets.md"


def test_sync_without_a_folder_is_a_clear_conflict(make_app) -> None:
    client = make_app(admin={"documents_dir": None}).test_client()
    refused = client.post("/admin/api/sync", headers=BEARER)
    assert refused.status_code == 409 and "SUPPORTBOT_ADMIN__DOCUMENTS_DIR" in refused.get_json()["message"]
    assert _upload(client, "helmets.md", ARTICLE).status_code == 201  # uploads still go to the index


def test_readyz_says_not_ready_while_the_index_cannot_be_read(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/readyz").status_code == 200
    kb = app.extensions["supportbot"].knowledge_base
    chroma = kb.settings.chroma_dir
    hidden = chroma.with_name("chroma-away")
    kb.close()
    chroma.rename(hidden)
    chroma.write_text("not a directory")  # the index cannot be opened now
    try:
        response = client.get("/readyz")
        assert response.status_code == 503 and response.get_json()["checks"]["index"] == "failing"
    finally:
        chroma.unlink()
        hidden.rename(chroma)
    assert client.get("/readyz").status_code == 200
    json.dumps(response.get_json())


def test_odd_upload_names_are_400_and_change_nothing(client, docs: Path) -> None:
    """Names the file system cannot hold, or that collide with a file in the folder, once gave a 500
    (the last one after the knowledge base had already taken the document)."""
    before = client.get("/admin/api/documents", headers=BEARER).get_json()
    odd = [("ü" * 150 + ".md", None), ("ok.md", "b" * 260 + "/c.md"), ("ok.md", "a\x00b.md"),
           ("ok.md", "rentals/pickup.md/inside.md")]
    for name, path in odd:
        response = _upload(client, name, ARTICLE, path)
        assert response.status_code == 400, (name, path, response.get_json())
        assert response.get_json()["error"] == "invalid_input"
    assert client.get("/admin/api/documents", headers=BEARER).get_json() == before
    assert (docs / "rentals/pickup.md").is_file()
