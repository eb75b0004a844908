"""The widget script and its demo page, served from the `widget/` folder beside this module."""
from __future__ import annotations

from importlib import resources

from flask import Blueprint, Response


def widget_blueprint() -> Blueprint:
    """`/widget.js`, the demo page on `/` and its stylesheet; short caches so releases reach sites soon."""
    bp = Blueprint("widget", __name__)
    assets = resources.files("bot.web") / "widget"

    def asset(name: str, mimetype: str, max_age: int) -> Response:
        response = Response(assets.joinpath(name).read_bytes(), mimetype=mimetype)
        response.headers["Cache-Control"] = f"public, max-age={max_age}"
        return response

    @bp.get("/widget.js")
    def widget_js() -> Response:
        return asset("widget.js", "text/javascript", 300)

    @bp.get("/")
    def demo() -> Response:
        return asset("demo.html", "text/html", 60)

    @bp.get("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204

    @bp.get("/demo.css")
    def demo_css() -> Response:
        return asset("demo.css", "text/css", 300)

    return bp
