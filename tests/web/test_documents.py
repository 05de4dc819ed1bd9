"""Documents, facets, health, readiness and the API docs on a real server."""

from __future__ import annotations

import httpx
import pytest

from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings
from tests.web.conftest import SOURCE, live_server
from web.app import create_app
from web.docs import assets_dir


def test_documents_list_and_detail_with_chunk_spans(server):
    docs = httpx.get(f"{server}/api/documents").json()
    assert len(docs) == 5 and all(d["chunks"] > 0 and d["title"] for d in docs)
    first = next(d for d in docs if d["source"] == SOURCE)
    detail = httpx.get(f"{server}/api/documents/{first['doc_id']}").json()
    assert "xã Tam Gia đạt 10/19 tiêu chí" in detail["text"]
    spans = detail["spans"]
    assert len(spans) == first["chunks"]
    assert all(0 <= s["start"] < s["end"] <= len(detail["text"]) for s in spans)


def test_citation_quote_is_inside_its_chunk_span(server):
    answer = httpx.post(
        f"{server}/api/ask", json={"question": "Xã Tam Gia đạt bao nhiêu tiêu chí?"}, timeout=30
    ).json()
    c = answer["citations"][0]
    detail = httpx.get(f"{server}/api/documents/{c['doc_id']}").json()
    span = next(s for s in detail["spans"] if s["chunk_id"] == c["chunk_id"])
    assert c["quote"] in detail["text"][span["start"] : span["end"]]


def test_unknown_document_is_a_vietnamese_404(server):
    r = httpx.get(f"{server}/api/documents/khong-co")
    assert r.status_code == 404 and "Không tìm thấy văn bản" in r.json()["detail"]
    r = httpx.get(f"{server}/api/documents/{'x' * 200}")
    assert r.status_code == 422 and "doc_id" in r.json()["detail"]


def test_facets(server):
    facets = httpx.get(f"{server}/api/facets").json()
    assert facets["years"] == sorted(facets["years"], reverse=True) and 2022 in facets["years"]
    assert "Lộc Bình" in facets["districts"] and "Thông báo" in facets["doc_types"]


def test_health_and_readiness(server):
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{server}/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and body["documents"] == 5 and body["chunks"] > 5


def test_not_ready_until_something_is_ingested(tmp_path):
    """The service is built from settings in the lifespan; readiness follows an ingest made
    by another process (here: the ingest pipeline on the same data dir)."""
    settings = make_settings(tmp_path / "data", docs_dir=SAMPLES)
    with live_server(create_app(settings)) as url:
        assert httpx.get(f"{url}/healthz").status_code == 200
        r = httpx.get(f"{url}/readyz")
        assert r.status_code == 503 and "Chưa có văn bản" in r.json()["detail"]
        Ingestor(settings).run([SAMPLES])
        r = httpx.get(f"{url}/readyz")
        assert r.status_code == 200 and r.json()["documents"] == 5


def test_openapi_schema(server):
    spec = httpx.get(f"{server}/openapi.json").json()
    for path in ("/api/ask", "/api/ask/stream", "/api/documents/{doc_id}", "/api/facets"):
        assert path in spec["paths"]
    assert "text/event-stream" in str(spec["paths"]["/api/ask/stream"])


def test_docs_page_uses_only_assets_the_app_serves(server):
    if assets_dir() is None:
        pytest.skip("fastapi-offline is not installed: /docs falls back to a link to the schema")
    page = httpx.get(f"{server}/docs")
    assert page.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert httpx.get(f"{server}/docs-assets/{asset}").status_code == 200


def test_chat_page_and_its_assets_are_served_by_the_app(server):
    page = httpx.get(f"{server}/")
    assert page.status_code == 200 and 'lang="vi"' in page.text
    assert "tiếng Anh" in page.text  # the placeholder says English questions work
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    for asset in ("/static/app.js", "/static/style.css"):
        r = httpx.get(f"{server}{asset}")
        assert r.status_code == 200 and "https://" not in r.text
