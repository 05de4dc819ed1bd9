"""Swagger UI at /docs from assets the app serves itself: the machines are offline, no CDN.

The assets come from fastapi-offline (Swagger UI 5, which reads OpenAPI 3.1 as FastAPI writes
it); without that package /docs says where the raw schema is instead of breaking.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
NO_ASSETS = (
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>chidao — API</title>'
    "<p>Trang tài liệu API cần gói <code>fastapi-offline</code>. Lược đồ OpenAPI: "
    '<a href="/openapi.json">/openapi.json</a>.</p></html>'
)


def assets_dir() -> Path | None:
    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").exists() else None


def mount_docs(app: FastAPI) -> None:
    folder = assets_dir()
    if folder is not None:
        app.mount(ASSETS_URL, StaticFiles(directory=folder), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if folder is None:
            return HTMLResponse(NO_ASSETS)
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="chidao — API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
