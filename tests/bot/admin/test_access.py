"""Who gets in: 404 without a token, bearer or session cookie, CSRF on session writes, login throttle."""
from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from openapi_spec_validator import validate

from tests.bot.admin.conftest import BEARER, TOKEN
from tests.knowledge_base.kb_fakes import FakeEmbeddings


def test_without_an_admin_token_the_console_does_not_exist(make_app: Callable[..., Flask]) -> None:
    client = make_app(admin={"token": None}).test_client()
    for path in ("/admin/", "/admin/api/stats", "/admin/api/openapi.json"):
        assert client.get(path, headers=BEARER).status_code == 404
    assert client.post("/admin/api/login", json={"token": TOKEN}).status_code == 404


def test_the_token_from_the_environment_opens_it(tmp_path, monkeypatch) -> None:
    from server import Settings, build_knowledge_base, create_app

    monkeypatch.setenv("SUPPORTBOT_ADMIN_TOKEN", "from-the-environment-123")
    monkeypatch.setenv("SUPPORTBOT_ADMIN__SESSION_HOURS", "2")
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False)
    assert settings.admin.token is not None and settings.admin.session_hours == 2
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings())
    app = create_app(settings, knowledge_base=kb, start_background=False)
    try:
        bearer = {"Authorization": "Bearer from-the-environment-123"}
        assert app.test_client().get("/admin/api/stats", headers=bearer).status_code == 200
    finally:
        app.extensions["supportbot"].close()


def test_api_needs_a_token_or_a_session(client) -> None:
    response = client.get("/admin/api/stats")
    assert response.status_code == 401 and response.get_json()["error"] == "login_required"
    assert client.get("/admin/api/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.get("/admin/api/stats?days=7", headers=BEARER)
    assert ok.status_code == 200 and ok.headers["Cache-Control"] == "no-store"
    assert client.get("/admin/").status_code == 200  # the page itself: it shows the login form


def test_login_sets_a_strict_httponly_cookie_and_writes_need_csrf(client) -> None:
    response = client.post("/admin/api/login", json={"token": TOKEN})
    assert response.status_code == 200
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/admin" in cookie
    csrf = response.get_json()["csrf"]
    assert client.get("/admin/api/session").get_json()["csrf"] == csrf
    assert client.get("/admin/api/documents").status_code == 200
    refused = client.post("/admin/api/gaps/resolve", json={"question_ids": [1]})
    assert refused.status_code == 403 and refused.get_json()["error"] == "csrf_failed"
    assert client.post("/admin/api/gaps/resolve", json={"question_ids": [1]},
                       headers={"X-CSRF-Token": "0" * 64}).status_code == 403
    assert client.post("/admin/api/gaps/resolve", json={"question_ids": [1]},
                       headers={"X-CSRF-Token": csrf}).status_code == 200
    client.post("/admin/api/logout", headers={"X-CSRF-Token": csrf})
    assert client.get("/admin/api/documents").status_code == 401


def test_a_forged_or_foreign_cookie_is_refused(client, make_app: Callable[..., Flask]) -> None:
    client.set_cookie("supportbot_admin", "eyJzaWQiOiJ4In0.forged.sig", path="/admin")
    assert client.get("/admin/api/stats").status_code == 401
    other = make_app(admin={"token": "another-token-entirely-999"}).test_client()
    login = other.post("/admin/api/login", json={"token": "another-token-entirely-999"})
    stolen = login.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    client.set_cookie("supportbot_admin", stolen, path="/admin")
    assert client.get("/admin/api/stats").status_code == 401  # signed with the other token


def test_failed_logins_are_rate_limited_per_address(make_app: Callable[..., Flask]) -> None:
    client = make_app(admin={"failed_logins_per_minute": 3}).test_client()
    for _ in range(3):
        assert client.post("/admin/api/login", json={"token": "guess"}).status_code == 401
    blocked = client.post("/admin/api/login", json={"token": TOKEN})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1
    assert client.get("/admin/api/stats", headers=BEARER).status_code == 429  # bearer guesses count too
    elsewhere = client.post("/admin/api/login", json={"token": TOKEN}, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert elsewhere.status_code == 200


def test_bad_input_gets_clear_errors(client) -> None:
    assert client.post("/admin/api/login", data="token").status_code == 400
    assert client.post("/admin/api/login", json={"token": ""}).status_code == 400
    for days in ("0", "366", "x", "-1"):
        response = client.get(f"/admin/api/stats?days={days}", headers=BEARER)
        assert response.status_code == 400 and response.get_json()["error"] == "invalid_parameter"
    assert client.get("/admin/api/conversations?limit=999", headers=BEARER).status_code == 400
    assert client.get("/admin/api/conversations?state=lost", headers=BEARER).status_code == 400
    assert client.get("/admin/api/conversations/nope", headers=BEARER).status_code == 404
    assert client.get("/admin/static/../config.py", headers=BEARER).status_code == 404


def test_openapi_document_is_valid_and_covers_the_routes(client, app: Flask) -> None:
    document = client.get("/admin/api/openapi.json").get_json()
    validate(document)
    documented = {p.replace("{conversation_id}", "<conversation_id>").replace("{document_id}", "<path:document_id>")
                  for p in document["paths"]}
    routes = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/admin/api/")}
    routes -= {"/admin/api/openapi.json"}
    assert routes == documented
