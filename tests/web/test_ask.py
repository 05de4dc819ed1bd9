"""POST /api/ask and /api/ask/stream against a real uvicorn server on loopback."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.web.conftest import QUESTION, SOURCE, live_server, sse_events
from web.app import create_app

ENDPOINTS = ["/api/ask", "/api/ask/stream"]


def test_ask_returns_the_answer_with_citations(server):
    r = httpx.post(f"{server}/api/ask", json={"question": QUESTION}, timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["found"] and "10/19" in body["answer"] and "[1]" in body["answer"]
    c = body["citations"][0]
    assert c["n"] == 1 and c["source"] == SOURCE and "10/19" in c["quote"]
    assert c["quote"] in c["passage"] and c["title"] and c["date"] and c["section"]
    assert body["timings_ms"]["total"] > 0 and body["mode"] == "extractive"


def test_follow_up_uses_history_and_filters(server):
    r = httpx.post(
        f"{server}/api/ask",
        json={
            "question": "Còn xã Hoa Thám?",
            "filters": {"year": 2024, "district": "binh gia"},  # no tones: still the district
            "history": [{"question": QUESTION, "answer": "10/19"}],
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    assert "08/19" in r.json()["answer"]


def test_not_found_is_an_answer_not_an_error(server):
    r = httpx.post(f"{server}/api/ask", json={"question": "Giá vé máy bay đi Paris?"}, timeout=30)
    assert r.status_code == 200
    assert r.json()["found"] is False and "Không tìm thấy" in r.json()["answer"]


def test_stream_sends_status_first_then_the_answer_then_done(server):
    with httpx.stream(
        "POST", f"{server}/api/ask/stream", json={"question": QUESTION}, timeout=30
    ) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r)
    names = [name for name, _ in events]
    assert names[0] == "status" and names[-2:] == ["answer", "done"]
    assert set(names) <= {"status", "token", "answer", "done"}
    answer = events[-2][1]
    assert "10/19" in answer["answer"] and answer["citations"][0]["source"] == SOURCE


def variant(service, hook, at_start: bool = False):
    """The real service running `hook(emit)` inside `ask` (which streaming adapts): just after
    its first status event, or before anything when `at_start`."""

    class Variant(type(service)):
        def ask(self, *args, on_event=None, **kwargs):
            emit = on_event or (lambda event, data: None)
            if at_start:
                hook(emit)
            fired = []

            def sink(event, data):
                emit(event, data)
                if event == "status" and not fired:
                    fired.append(True)
                    hook(emit)

            return super().ask(*args, on_event=sink, **kwargs)

    return Variant(service.settings, service.embedder, service.retriever.store)


def _stream_events(url: str) -> list[tuple[str, object]]:
    with httpx.stream("POST", f"{url}/api/ask/stream", json={"question": QUESTION}) as r:
        assert r.status_code == 200
        return sse_events(r)


def slowed(service, delay: float):
    """The real service, pausing `delay` seconds after its first status event."""
    return variant(service, lambda emit: time.sleep(delay))


def test_stream_shows_progress_at_once_and_never_blocks_the_server(sample_settings, sample_service):
    with live_server(create_app(sample_settings, service=slowed(sample_service, 1.5))) as url:
        seen: dict[str, float] = {}
        with httpx.stream("POST", f"{url}/api/ask/stream", json={"question": QUESTION}) as r:
            start = time.monotonic()
            for line in r.iter_lines():
                if line.startswith("event:"):
                    seen.setdefault(line.split(":", 1)[1].strip(), time.monotonic() - start)
                if line.startswith("event: status"):
                    t = time.monotonic()
                    assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
                    assert time.monotonic() - t < 0.5, "the event loop is blocked"
        assert seen["status"] < 0.5 and seen["answer"] >= 1.0


def test_blocking_answers_run_off_the_event_loop(sample_settings, sample_service):
    with live_server(create_app(sample_settings, service=slowed(sample_service, 1.5))) as url:
        worker = threading.Thread(
            target=httpx.post, args=(f"{url}/api/ask",), kwargs={"json": {"question": QUESTION}}
        )
        worker.start()
        time.sleep(0.3)
        t = time.monotonic()
        assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
        assert time.monotonic() - t < 0.5
        worker.join(10)


def test_stream_passes_llm_tokens_through_in_order(sample_settings, sample_service):
    def with_tokens(emit):
        for token in ["Xã Tam Gia ", "đạt ", "10/19"]:
            emit("token", token)

    app = create_app(sample_settings, service=variant(sample_service, with_tokens))
    with live_server(app) as url:
        events = _stream_events(url)
    assert [n for n, _ in events] == ["status", "token", "token", "token", "answer", "done"]
    assert "".join(d for n, d in events if n == "token") == "Xã Tam Gia đạt 10/19"


def test_a_failure_mid_stream_ends_with_a_polite_error_event(sample_settings, sample_service):
    def failing(emit):
        raise RuntimeError("boom: secret internals")

    with live_server(create_app(sample_settings, service=variant(sample_service, failing))) as url:
        events = _stream_events(url)
    assert [n for n, _ in events] == ["status", "error", "done"]
    assert "Xin lỗi" in events[1][1] and "boom" not in str(events)


BAD_INPUT = [
    # (request kwargs, status, words the Vietnamese message must hold)
    ({"json": {"question": ""}}, 422, "Câu hỏi trống"),
    ({"json": {"question": " \n\t "}}, 422, "Câu hỏi trống"),
    ({"json": {}}, 422, "Câu hỏi trống"),
    ({"json": {"question": "x" * 1001}}, 422, "Câu hỏi quá dài (tối đa 1000 ký tự)"),
    ({"json": {"question": "x" * 20_001}}, 422, "Câu hỏi quá dài (tối đa 1000 ký tự)"),
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "JSON"),
    ({"json": ["Xã Tam Gia?"]}, 422, "đối tượng JSON"),
    ({"json": {"question": 42}}, 422, "chuỗi văn bản"),
    ({"json": {"question": QUESTION, "filters": {"year": "năm ngoái"}}}, 422, "số nguyên"),
    ({"json": {"question": QUESTION, "filters": {"year": 1800}}}, 422, "1900"),
    ({"json": {"question": QUESTION, "filters": {"year": 1999}}}, 422, "năm 1999"),
    ({"json": {"question": QUESTION, "filters": {"district": "Atlantis"}}}, 422, "Atlantis"),
    ({"json": {"question": QUESTION, "filters": {"doc_type": "Sắc lệnh"}}}, 422, "Sắc lệnh"),
    ({"json": {"question": QUESTION, "filters": {"distrct": "Cao Lộc"}}}, 422, "không được hỗ"),
    ({"json": {"question": QUESTION, "filters": "2024"}}, 422, "filters"),
    ({"json": {"question": QUESTION, "history": [{"question": "a"}] * 21}}, 422, "history"),
    ({"json": {"question": QUESTION, "history": "trước"}}, 422, "danh sách"),
    ({"json": {"question": "x" * 300_000}}, 413, "quá lớn"),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("kwargs", "status", "words"), BAD_INPUT)
def test_bad_input_gets_a_clear_vietnamese_4xx(server, endpoint, kwargs, status, words):
    r = httpx.post(f"{server}{endpoint}", timeout=30, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    assert list(r.json()) == ["detail"]
    assert words in r.json()["detail"]


def test_wrong_method_and_unknown_path_answer_in_vietnamese(server):
    r = httpx.get(f"{server}/api/ask")
    assert r.status_code == 405 and "phương thức" in r.json()["detail"]
    r = httpx.get(f"{server}/api/nothing-here")
    assert r.status_code == 404 and "Không tìm thấy" in r.json()["detail"]


def test_unexpected_failure_is_a_polite_500(sample_settings, sample_service):
    def boom(emit):
        raise RuntimeError("boom: secret internals")

    app = create_app(sample_settings, service=variant(sample_service, boom, at_start=True))
    with live_server(app) as url:
        for endpoint in ENDPOINTS:
            r = httpx.post(f"{url}{endpoint}", json={"question": QUESTION}, timeout=30)
            assert r.status_code == 500 and "Xin lỗi" in r.json()["detail"]
            assert "boom" not in r.text and "Traceback" not in r.text
