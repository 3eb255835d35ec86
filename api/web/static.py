"""Serving the built widget (/widget.js) and dashboard (/admin/)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

CLIENTS = Path(__file__).resolve().parents[2] / "clients"
WIDGET_JS = CLIENTS / "widget" / "dist" / "widget.js"
DASHBOARD = CLIENTS / "dashboard" / "dist"


async def widget_js(request: Request) -> Response:
    if not WIDGET_JS.exists():
        return PlainTextResponse("widget.js is not built: run `make build`", status_code=404)
    return FileResponse(
        WIDGET_JS,
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"},
    )


async def to_dashboard(request: Request) -> Response:
    return RedirectResponse("/admin/")


def client_routes() -> list[BaseRoute]:
    return [
        Route("/widget.js", widget_js),
        Route("/", to_dashboard),
        Route("/admin", to_dashboard),
        Mount("/admin", StaticFiles(directory=DASHBOARD, html=True, check_dir=False)),
    ]
