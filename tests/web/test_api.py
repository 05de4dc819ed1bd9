"""The HTTP API against a real uvicorn server on loopback."""

from __future__ import annotations

import json

import httpx

from chidao.web.app import create_app
from tests.web.conftest import live_server

QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"


def test_ask_returns_the_answer_shape_with_citations(server):
    r = httpx.post(f"{server}/api/ask", json={"question": QUESTION}, timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["found"] and "10/19" in body["answer"]
    c = body["citations"][0]
    assert c["source"] == "000_aa16ed5db4b16415.txt" and "10/19" in c["quote"]
    assert set(c) >= {"n", "source", "doc_id", "title", "date", "section", "quote"}
    assert body["timings_ms"]["total"] > 0


def test_filters_and_history_are_accepted(server):
    r = httpx.post(
        f"{server}/api/ask",
        json={
            "question": "Còn xã Hoa Thám?",
            "filters": {"year": 2024},
            "history": [{"question": QUESTION, "answer": "10/19"}],
        },
        timeout=30,
    )
    assert r.status_code == 200 and "08/19" in r.json()["answer"]


def _bad(server, **kwargs) -> httpx.Response:
    return httpx.post(f"{server}/api/ask", timeout=30, **kwargs)


def test_bad_input_gets_a_clear_vietnamese_4xx(server):
    cases = [
        (_bad(server, json={"question": ""}), 422, "trống"),
        (_bad(server, json={"question": "   "}), 400, "trống"),
        (_bad(server, json={"question": "x" * 1001}), 400, "quá dài"),
        (
            _bad(server, content=b"{not json", headers={"Content-Type": "application/json"}),
            422,
            "JSON",
        ),
        (_bad(server, json={"question": 42}), 422, "question"),
        (_bad(server, json={"question": QUESTION, "filters": {"year": "năm ngoái"}}), 422, "year"),
        (
            _bad(server, json={"question": QUESTION, "filters": {"district": "Atlantis"}}),
            400,
            "Atlantis",
        ),
        (_bad(server, json={"question": QUESTION, "filters": {"year": 1999}}), 400, "1999"),
        (_bad(server, json={}), 422, "trống"),
    ]
    for response, status, words in cases:
        assert response.status_code == status, response.text
        detail = response.json()["detail"]
        assert isinstance(detail, str) and words in detail, detail
        assert "Traceback" not in response.text


def test_stream_sends_status_first_and_the_answer_last(server):
    events = []
    with httpx.stream(
        "POST", f"{server}/api/ask/stream", json={"question": QUESTION}, timeout=30
    ) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        event = None
        for line in r.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                events.append((event, json.loads(line.split(":", 1)[1])))
    names = [e for e, _ in events]
    assert names[0] == "status" and names[-1] == "done" and names[-2] == "answer"
    assert "10/19" in events[-2][1]["answer"]
    bad = httpx.post(f"{server}/api/ask/stream", json={"question": " "}, timeout=30)
    assert bad.status_code == 400


def test_documents_detail_facets_and_health(server):
    docs = httpx.get(f"{server}/api/documents").json()
    assert len(docs) == 5 and all(d["chunks"] > 0 for d in docs)
    detail = httpx.get(f"{server}/api/documents/{docs[0]['doc_id']}").json()
    assert detail["text"] and detail["spans"][0]["end"] > detail["spans"][0]["start"]
    missing = httpx.get(f"{server}/api/documents/nope")
    assert missing.status_code == 404 and "Không tìm thấy" in missing.json()["detail"]
    facets = httpx.get(f"{server}/api/facets").json()
    assert 2022 in facets["years"] and "Thông báo" in facets["doc_types"]
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{server}/readyz").json()
    assert ready["status"] == "ready" and ready["documents"] == 5


def test_docs_page_and_openapi_work_offline(server):
    page = httpx.get(f"{server}/docs")
    assert page.status_code == 200 and "/swagger/swagger-ui-bundle.js" in page.text
    assert httpx.get(f"{server}/swagger/swagger-ui-bundle.js").status_code == 200
    spec = httpx.get(f"{server}/openapi.json").json()
    assert "/api/ask" in spec["paths"] and "/api/ask/stream" in spec["paths"]


def test_security_headers_and_no_cors_by_default(server):
    r = httpx.get(f"{server}/", headers={"Origin": "http://evil.example"})
    assert r.status_code == 200
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in r.headers


def test_rate_limit_per_client(sample_settings, sample_service):
    settings = sample_settings.model_copy(update={"rate_limit_per_minute": 3})
    with live_server(create_app(settings, service=sample_service)) as url:
        codes = [httpx.get(f"{url}/api/facets").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
        assert "thử lại" in httpx.get(f"{url}/api/facets").json()["detail"]
        assert httpx.get(f"{url}/healthz").status_code == 200  # health is not limited


def test_cors_when_configured(sample_settings, sample_service):
    settings = sample_settings.model_copy(update={"cors_origins": "http://intranet.local"})
    with live_server(create_app(settings, service=sample_service)) as url:
        r = httpx.get(f"{url}/api/facets", headers={"Origin": "http://intranet.local"})
        assert r.headers["access-control-allow-origin"] == "http://intranet.local"


def test_server_error_is_polite(sample_settings, sample_service):
    class Broken(type(sample_service)):
        def ask_stream(self, *args, **kwargs):
            raise RuntimeError("boom")

    broken = Broken(
        sample_service.settings, sample_service.embedder, sample_service.retriever.store
    )
    with live_server(create_app(sample_settings, service=broken)) as url:
        r = httpx.post(f"{url}/api/ask", json={"question": QUESTION}, timeout=30)
        assert r.status_code == 500 and "Xin lỗi" in r.json()["detail"]
        assert "boom" not in r.text and "Traceback" not in r.text
