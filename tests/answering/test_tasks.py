"""The task list and the task questions it answers, over the five sample notices."""

from __future__ import annotations

import json
from datetime import date

import pytest

from answering.tasks import TaskBook, answer_task_question, book_for, read_question
from tests.conftest import ROOT

SESSION = "003_0ce4c6df32ab89d9.txt"


@pytest.fixture(scope="module")
def book(sample_service) -> TaskBook:
    return book_for(sample_service.catalog)


def test_the_book_filters_by_agency_spelling_due_window_notice_and_words(book):
    [build] = [t for t in book.tasks(agency="so xay dung") if t.due]
    assert (build.due, build.source, build.due_text) == (
        "2022-04-05",
        SESSION,
        "trước ngày 05/4/2022",
    )
    for spelling in ("Sở TN&MT", "so tai nguyen va moi truong", "STNMT"):
        dues = [t.due for t in book.tasks(agency=spelling)]
        assert "2022-03-31" in dues, spelling
    window = book.tasks(due_after="2022-03-01", due_before="2022-04-30")
    assert {t.due for t in window} == {"2022-03-31", "2022-04-05"}
    assert [t.due for t in window] == sorted(t.due for t in window)
    assert all(t.doc_id == build.doc_id for t in book.tasks(doc_id=build.doc_id))
    assert [t.due for t in book.tasks(q="tiep thu toi da", doc_id=build.doc_id)] == ["2022-03-31"]
    assert book.tasks(agency="Sở Ngoại vụ") == []


def test_every_task_lists_sorted_by_due_date_with_undated_last(book):
    tasks = book.all()
    dated = [t.due for t in tasks if t.due]
    assert dated == sorted(dated) and tasks[len(dated) :] == [t for t in tasks if not t.due]
    assert "Sở Xây dựng" in book.agencies()


def test_an_agency_asks_what_falls_due(book, sample_service):
    answer = answer_task_question(
        "Sở Xây dựng có nhiệm vụ gì sắp đến hạn?", book, sample_service.state(), date(2022, 3, 25)
    )
    assert answer is not None and answer.found
    assert "05/4/2022" in answer.answer and "[1]" in answer.answer
    cite = answer.citations[0]
    assert cite.source == SESSION and "trước ngày 05/4/2022" in cite.quote
    assert cite.quote in cite.passage  # the passage the citation opens holds the quote


def test_nothing_due_soon_says_so_and_lists_the_latest(book, sample_service):
    answer = answer_task_question(
        "Sở Xây dựng có nhiệm vụ gì sắp đến hạn?", book, sample_service.state(), date(2026, 1, 5)
    )
    assert answer is not None and "không có nhiệm vụ nào đến hạn" in answer.answer
    assert "đã quá hạn" in answer.answer


def test_what_must_be_done_by_a_date(book, sample_service):
    answer = answer_task_question(
        "Những việc phải xong trước 31/3/2026?", book, sample_service.state(), date(2022, 3, 20)
    )
    assert answer is not None and answer.found
    assert answer.answer.index("Sở Tài nguyên và Môi trường") < answer.answer.index("Sở Xây dựng")
    assert all(c.source for c in answer.citations) and len(answer.citations) <= 5


def test_a_province_and_an_agency(book, sample_service):
    answer = answer_task_question(
        "Lạng Sơn giao Sở Kế hoạch và Đầu tư việc gì?", book, sample_service.state()
    )
    assert answer is not None and answer.found and "Lạng Sơn" in answer.answer
    assert all("Sở Kế hoạch và Đầu tư" in c.quote or c.section for c in answer.citations)
    none = answer_task_question("Quảng Ngãi giao Sở Tài chính việc gì?", book, None)
    assert none is not None and not none.found and "Không tìm thấy" in none.answer


def test_questions_for_one_fact_are_left_to_the_usual_answering(book):
    assert (
        answer_task_question("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?", book, None) is None
    )
    asked = 0
    for name in ("dev", "heldout", "provincial", "tables", "cited", "english"):
        for line in (ROOT / "tests" / "data" / f"{name}_questions.jsonl").read_text().splitlines():
            asked += 1
            assert read_question(json.loads(line)["question"], book) is None, line
    assert asked > 400


def test_the_answering_service_answers_task_questions_from_the_list(sample_service):
    answer = sample_service.ask("Sở Xây dựng có nhiệm vụ gì sắp đến hạn?")
    assert answer.mode == "tasks" and answer.found
    assert answer.citations[0].source == SESSION and "05/4/2022" in answer.answer
    other = sample_service.ask("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    assert other.mode != "tasks" and "10/19" in other.answer
