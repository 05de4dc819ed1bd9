"""GET /api/tasks on a real server over the five samples."""

from __future__ import annotations

import httpx

SESSION = "003_0ce4c6df32ab89d9.txt"
FIELDS = {"agency", "co_agencies", "task", "due", "due_text", "recurring", "source", "doc_id"}


def _tasks(server: str, **params) -> list[dict]:
    r = httpx.get(f"{server}/api/tasks", params=params)
    assert r.status_code == 200, r.text
    return r.json()["tasks"]


def test_the_samples_tasks_of_the_march_2022_session(server):
    [build] = [t for t in _tasks(server, agency="Sở Xây dựng") if t["due"]]
    assert build["due"] == "2022-04-05" and build["due_text"] == "trước ngày 05/4/2022"
    assert build["source"] == SESSION and "trình UBND tỉnh trước ngày 05/4/2022" in build["quote"]
    assert FIELDS | {"section", "quote"} <= set(build)
    [land] = [t for t in _tasks(server, agency="Sở TN&MT") if t["due"]]
    assert land["agency"] == "Sở Tài nguyên và Môi trường" and land["due"] == "2022-03-31"
    assert land["due_text"] == "trong tháng 3/2022" and land["source"] == SESSION


def test_the_agency_filter_takes_abbreviations_and_unaccented_names(server):
    names = {"Sở TN&MT", "so tai nguyen va moi truong", "STNMT", "sở tài nguyên và môi trường"}
    results = [{t["quote"] for t in _tasks(server, agency=n)} for n in names]
    assert results[0] and all(r == results[0] for r in results)


def test_due_window_sorts_by_due_date_and_leaves_undated_tasks_out(server):
    tasks = _tasks(server, due_after="2022-03-01", due_before="2022-04-30")
    assert [t["due"] for t in tasks] == ["2022-03-31", "2022-04-05"]
    everything = _tasks(server)
    dated = [t["due"] for t in everything if t["due"]]
    assert dated == sorted(dated) and everything[-1]["due"] is None
    assert _tasks(server, due_after="2030-01-01") == []
    doc_id = tasks[0]["doc_id"]
    assert {t["doc_id"] for t in _tasks(server, doc_id=doc_id)} == {doc_id}
    assert [t["due"] for t in _tasks(server, q="tiếp thu tối đa", doc_id=doc_id)] == ["2022-03-31"]


def test_bad_filters_get_a_vietnamese_422(server):
    r = httpx.get(f"{server}/api/tasks", params={"due_before": "31/3/2026"})
    assert r.status_code == 422 and "due_before" in r.json()["detail"]
    r = httpx.get(f"{server}/api/tasks", params={"agency": "x" * 300})
    assert r.status_code == 422 and "quá dài" in r.json()["detail"]


def test_agencies_for_the_filter(server):
    agencies = httpx.get(f"{server}/api/tasks/agencies").json()["agencies"]
    assert "Sở Xây dựng" in agencies and "Sở Tài nguyên và Môi trường" in agencies


def test_a_task_question_through_the_chat_api(server):
    r = httpx.post(
        f"{server}/api/ask", json={"question": "Những việc phải xong trước 31/3/2026?"}, timeout=30
    )
    answer = r.json()
    assert r.status_code == 200 and answer["found"] and answer["mode"] == "tasks"
    assert "có hạn đến 31/3/2026" in answer["answer"] and answer["citations"]
    for c in answer["citations"]:  # the passage a citation opens holds the quoted words
        assert " ".join(c["quote"].split()) in " ".join(c["passage"].split())
